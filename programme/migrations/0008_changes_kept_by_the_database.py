# The record of changes and the calendar revision were kept by Session.save(), which a
# queryset's update() and loaddata skip: from here on, database triggers keep them
# (programme/changes.py). They are put on after every migrate (post_migrate), not here: a
# later migration in the same run may rebuild the tables they read. The SessionChange rows and
# the revisions kept so far stay as they are.

from django.db import migrations

from programme import changes


def drop(apps, schema_editor):
    changes.drop(schema_editor.connection, apps)


class Migration(migrations.Migration):

    dependencies = [
        ('programme', '0007_materials_history_meeting_time_help'),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, drop),
    ]
