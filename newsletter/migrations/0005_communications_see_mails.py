"""The Communications role sees each subscriber's mails and where they stand (see README, "Roles").

Only viewing: mails are created by subscribers' requests and the admin's actions, never by hand.
"""

from importlib import import_module

from django.db import migrations

roles = import_module("efus_conf.conference.migrations.0002_organiser_roles")


def let_communications_see_mails(apps, schema_editor):
    using = schema_editor.connection.alias
    roles.ensure_permissions(apps, using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.using(using).filter(name=roles.COMMUNICATIONS).first()
    if group is not None:
        group.permissions.add(
            Permission.objects.using(using).get(
                content_type__app_label="newsletter", codename="view_mail"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("efus_conf", "0002_organiser_roles"),
        ("newsletter", "0004_mail_queue"),
    ]

    operations = [migrations.RunPython(let_communications_see_mails, migrations.RunPython.noop)]
