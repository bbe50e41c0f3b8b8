"""The organisers' roles: "Content editors" and "Communications" (see README, "Roles").

Only "Communications" (and superusers) may see subscribers: view and change (correct a name,
resend a mail, export the confirmed list), never add or delete, so nobody can fabricate or
erase a consent record by hand. The lists are frozen here on purpose: a model added later is
given to a role by a migration of its own, after deciding who may see it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_EDITORS = "Content editors"
COMMUNICATIONS = "Communications"

ALL_ACTIONS = ("add", "change", "delete", "view")
CONTENT_MODELS = {
    "efus_conf": ["conference", "partner", "page", "usefullink"],
    "speakers": ["speaker"],
    "programme": ["room", "track", "session", "sessionspeaker"],
}
NEWSLETTER_PERMISSIONS = ["view_subscriber", "change_subscriber", "view_subscriptionevent"]


def content_permissions():
    return [
        (app_label, f"{action}_{model}")
        for app_label, models in CONTENT_MODELS.items()
        for model in models
        for action in ALL_ACTIONS
    ]


ROLES = {
    CONTENT_EDITORS: content_permissions(),
    COMMUNICATIONS: content_permissions()
    + [("newsletter", codename) for codename in NEWSLETTER_PERMISSIONS],
}


def ensure_permissions(apps, using):
    """Permissions are normally created after `migrate` ends; these groups need them now."""
    for app_label in ["efus_conf", "speakers", "programme", "newsletter"]:
        app_config = apps.get_app_config(app_label)
        # The migration registry's app configs have no models module, without which
        # create_permissions skips them.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
        app_config.models_module = models_module


def create_roles(apps, schema_editor):
    using = schema_editor.connection.alias
    ensure_permissions(apps, using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLES.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        permissions = [
            Permission.objects.using(using).get(
                content_type__app_label=app_label, codename=codename
            )
            for app_label, codename in wanted
        ]
        group.permissions.add(*permissions)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("efus_conf", "0001_initial"),
        ("speakers", "0001_initial"),
        ("programme", "0001_initial"),
        ("newsletter", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
