"""Content editors get the organisers' tools; Communications does not (see README, "Roles").

Importing and exporting the programme and speakers, handing texts to translators, previewing
drafts and seeing or restoring the content's history (view/change on the historical models)
are content work. The lists are frozen here, as in 0002.
"""

from importlib import import_module

from django.db import migrations

roles = import_module("efus_conf.conference.migrations.0002_organiser_roles")

HISTORY = {
    "efus_conf": ["conference", "partner", "page", "usefullink"],
    "speakers": ["speaker"],
    "programme": ["room", "track", "session", "sessionspeaker"],
}
TOOLS = [
    ("programme", "import_session"),
    ("programme", "export_session"),
    ("programme", "preview_session"),
    ("speakers", "import_speaker"),
    ("speakers", "export_speaker"),
    ("speakers", "preview_speaker"),
    ("efus_conf", "translate_conference"),
] + [
    (app_label, f"{action}_historical{model}")
    for app_label, models in HISTORY.items()
    for model in models
    for action in ("view", "change")
]


def permissions(apps, using):
    roles.ensure_permissions(apps, using)
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.using(using).get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in TOOLS
    ]


def give_tools(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    editors, _created = Group.objects.using(using).get_or_create(name=roles.CONTENT_EDITORS)
    editors.permissions.add(*permissions(apps, using))


def take_tools(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.using(using).filter(name=roles.CONTENT_EDITORS):
        group.permissions.remove(*permissions(apps, using))


class Migration(migrations.Migration):
    dependencies = [
        ("efus_conf", "0004_content_history"),
        ("speakers", "0002_history_drafts_first"),
        ("programme", "0002_history_drafts_first"),
    ]

    operations = [migrations.RunPython(give_tools, take_tools)]
