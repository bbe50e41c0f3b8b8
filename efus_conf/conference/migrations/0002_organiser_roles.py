"""Created the organisers' roles; efus_conf/ops/roles.py keeps them now, after every migrate.

Kept, with nothing left to do, so that the migration history stays valid.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("efus_conf", "0001_initial"),
        ("speakers", "0001_initial"),
        ("programme", "0001_initial"),
        ("newsletter", "0001_initial"),
    ]

    operations = []
