"""The organisers' roles: one group each, with the permissions the table below names.

Only "Communications" (and superusers) see subscribers: view and change (correct a name, resend
a mail, export the confirmed list), never add or delete, so nobody can fabricate or erase a
consent record by hand. The organisers' tools (spreadsheet import and export, previews, the
translation hand-off, the content's history) are content editors' alone.

Every `migrate` keeps the roles (post_migrate, connected in ops/apps.py): a missing group is
created, and a permission of the table that a group lacks is given. Nothing is taken away: a
permission a superuser added to a role by hand stays, and so does one struck from the table
(take it back in the admin, Groups). A model added later belongs to no role until its
permissions are written here. A role is found by its name, which is data, as every group's
name is: it reads the same in every language, and a group renamed in the admin is created
again by the next `migrate`.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS


def every_action(*models):
    """Add, change, delete and view on each "app_label.model"."""
    return [
        f"{app_label}.{action}_{model}"
        for app_label, model in (name.split(".") for name in models)
        for action in ("add", "change", "delete", "view")
    ]


def history_of(*models):
    """Seeing the history of each "app_label.model" and restoring a version: view and change
    on its historical model (SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS)."""
    return [
        f"{app_label}.{action}_historical{model}"
        for app_label, model in (name.split(".") for name in models)
        for action in ("view", "change")
    ]


# What both roles edit. A session's changes are recorded by saving it: only read.
CONTENT = [
    *every_action(
        "efus_conf.conference",
        "efus_conf.venue",
        "efus_conf.registration",
        "efus_conf.homepagecopy",
        "efus_conf.partner",
        "efus_conf.page",
        "efus_conf.usefullink",
        "efus_conf.keyfigure",
        "speakers.speaker",
        "programme.room",
        "programme.track",
        "programme.session",
        "programme.sessionspeaker",
        "programme.sessionmaterial",
    ),
    "programme.view_sessionchange",
]

ORGANISER_TOOLS = [
    "programme.import_session",
    "programme.export_session",
    "programme.preview_session",
    "speakers.import_speaker",
    "speakers.export_speaker",
    "speakers.preview_speaker",
    "efus_conf.translate_conference",
    *history_of(
        "efus_conf.conference",
        "efus_conf.venue",
        "efus_conf.registration",
        "efus_conf.homepagecopy",
        "efus_conf.partner",
        "efus_conf.page",
        "efus_conf.usefullink",
        "speakers.speaker",
        "programme.room",
        "programme.track",
        "programme.session",
        "programme.sessionspeaker",
    ),
]

# Mails are created by subscribers' requests and the admin's actions, never by hand.
SUBSCRIBERS = [
    "newsletter.view_subscriber",
    "newsletter.change_subscriber",
    "newsletter.view_subscriptionevent",
    "newsletter.view_mail",
]

ROLES = {
    "Content editors": CONTENT + ORGANISER_TOOLS,
    "Communications": CONTENT + SUBSCRIBERS,
}


def grant_roles(app_config, *, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """Give each role the table's permissions in one app: a post_migrate receiver.

    Django sends post_migrate once per app, and auth's receiver, connected before this one,
    has just created that app's permissions.
    """
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:  # auth itself is migrated back to zero.
        return
    for name, permissions in ROLES.items():
        codenames = [
            codename
            for app_label, _dot, codename in (
                permission.partition(".") for permission in permissions
            )
            if app_label == app_config.label
        ]
        wanted = Permission.objects.using(using).filter(
            content_type__app_label=app_config.label, codename__in=codenames
        )
        if codenames and wanted:
            group, _created = Group.objects.using(using).get_or_create(name=name)
            group.permissions.add(*wanted)


def sync_roles(*, using=DEFAULT_DB_ALIAS):
    """What every `migrate` does: give each role every permission of the table."""
    for app_config in global_apps.get_app_configs():
        grant_roles(app_config, using=using)
