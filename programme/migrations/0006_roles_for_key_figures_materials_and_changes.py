"""The organisers' roles get the models added for the after-event homepage and the record of
programme changes: both roles edit key figures and session documents, and may read the
changes, which only saving a session writes (see efus_conf/migrations/0002_organiser_roles)."""

from importlib import import_module

from django.db import migrations

roles = import_module("efus_conf.conference.migrations.0002_organiser_roles")

ALL_ACTIONS = ("add", "change", "delete", "view")
WANTED = [("efus_conf", f"{action}_keyfigure") for action in ALL_ACTIONS]
WANTED += [("programme", f"{action}_sessionmaterial") for action in ALL_ACTIONS]
WANTED += [("programme", "view_sessionchange")]


def give_permissions(apps, schema_editor):
    using = schema_editor.connection.alias
    roles.ensure_permissions(apps, using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = [
        Permission.objects.using(using).get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in WANTED
    ]
    for group in Group.objects.using(using).filter(name__in=roles.ROLES):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("efus_conf", "0002_organiser_roles"),
        ("efus_conf", "0006_venue_registration_and_after_event"),
        ("programme", "0005_venue_places_materials_and_changes"),
    ]

    operations = [migrations.RunPython(give_permissions, migrations.RunPython.noop)]
