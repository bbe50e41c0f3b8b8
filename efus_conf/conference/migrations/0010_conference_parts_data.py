"""Each conference's venue, registration and homepage texts move into their own rows (made
by 0009), every language's column and the history included; 0011 then drops the old columns.

A part takes its conference's primary key, so that the history copied here, one row of each
part per historical row of the conference, names the part it will be the history of.
"""

from django.core.management.color import no_style
from django.db import migrations

# The languages whose columns 0009 created (modeltranslation's _en, _fr, _nl).
LANGUAGES = ("en", "fr", "nl")

# Part model: {Conference column: the part's column}. TRANSLATED: the Conference fields
# whose every language moves too.
PARTS = {
    "Venue": {
        "venue_name": "name",
        "venue_address": "address",
        "venue_latitude": "latitude",
        "venue_longitude": "longitude",
        "public_transport": "public_transport",
        "venue_map": "map",
        "venue_map_description": "map_description",
        "step_free_access": "step_free_access",
        "hearing_loop": "hearing_loop",
        "interpretation_headsets": "interpretation_headsets",
        "quiet_room": "quiet_room",
        "access_contact": "access_contact",
    },
    "Registration": {
        "registration_url": "url",
        "registration_opens": "opens",
        "registration_closes": "closes",
    },
    "HomepageCopy": {
        "patronage": "patronage",
        "intro": "intro",
        "audience": "audience",
        "speakers_heading": "speakers_heading",
        "recap": "recap",
        "newsletter_pitch": "newsletter_pitch",
    },
}
TRANSLATED = {
    "venue_name",
    "public_transport",
    "venue_map_description",
    "step_free_access",
    "hearing_loop",
    "interpretation_headsets",
    "quiet_room",
    "access_contact",
    "patronage",
    "intro",
    "audience",
    "speakers_heading",
    "recap",
    "newsletter_pitch",
}
HISTORY = ("history_date", "history_change_reason", "history_type", "history_user_id")


def columns(part, model):
    """(Conference column, part column) of `part` that `model` (a Conference or its
    history, which keeps only the language columns of a translated field) has."""
    names = {field.attname for field in model._meta.concrete_fields}
    pairs = []
    for old, new in PARTS[part].items():
        pairs.append((old, new))
        if old in TRANSLATED:
            pairs += [(f"{old}_{code}", f"{new}_{code}") for code in LANGUAGES]
    return [(old, new) for old, new in pairs if old in names]


def split(apps, schema_editor):
    Conference = apps.get_model("efus_conf", "Conference")
    HistoricalConference = apps.get_model("efus_conf", "HistoricalConference")
    conferences = list(Conference.objects.all())
    history = list(HistoricalConference.objects.all())
    models = []
    for part in PARTS:
        Part = apps.get_model("efus_conf", part)
        Historical = apps.get_model("efus_conf", f"Historical{part}")
        models.append(Part)
        Part.objects.bulk_create(
            Part(
                id=conference.pk,
                conference_id=conference.pk,
                **{new: getattr(conference, old) for old, new in columns(part, Conference)},
            )
            for conference in conferences
        )
        Historical.objects.bulk_create(
            Historical(
                id=row.id,
                conference_id=row.id,
                **{name: getattr(row, name) for name in HISTORY},
                **{new: getattr(row, old) for old, new in columns(part, HistoricalConference)},
            )
            for row in history
        )
    # The parts' primary keys were given: the next one made must not take one of them.
    with schema_editor.connection.cursor() as cursor:
        for statement in schema_editor.connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def join(apps, schema_editor):
    """Back into the conference's columns: each part's values, and for each historical row
    of the conference, those of the part's version at that time."""
    Conference = apps.get_model("efus_conf", "Conference")
    HistoricalConference = apps.get_model("efus_conf", "HistoricalConference")
    for part in PARTS:
        Part = apps.get_model("efus_conf", part)
        Historical = apps.get_model("efus_conf", f"Historical{part}")
        pairs = columns(part, Conference)
        for stored in Part.objects.all():
            Conference.objects.filter(pk=stored.conference_id).update(
                **{old: getattr(stored, new) for old, new in pairs}
            )
        pairs = columns(part, HistoricalConference)
        for row in HistoricalConference.objects.all():
            version = (
                Historical.objects.filter(conference_id=row.id, history_date__lte=row.history_date)
                .order_by("-history_date")
                .first()
            )
            if version is not None:
                for old, new in pairs:
                    setattr(row, old, getattr(version, new))
                row.save(update_fields=[old for old, _new in pairs])


class Migration(migrations.Migration):
    dependencies = [
        ("efus_conf", "0009_conference_parts"),
    ]

    operations = [
        migrations.RunPython(split, join),
    ]
