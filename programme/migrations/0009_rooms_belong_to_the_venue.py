# A room belongs to the venue of its conference. The site held one conference so far: its
# rooms, and their history, become the rooms of that conference's venue.

import django.db.models.deletion
from django.db import migrations, models


def rooms_to_the_venue(apps, schema_editor):
    Room = apps.get_model("programme", "Room")
    HistoricalRoom = apps.get_model("programme", "HistoricalRoom")
    Conference = apps.get_model("efus_conf", "Conference")
    Venue = apps.get_model("efus_conf", "Venue")
    if not Room.objects.exists() and not HistoricalRoom.objects.exists():
        return
    conference = Conference.objects.order_by("-start_date").first()
    if conference is None:
        raise RuntimeError(
            "The site has rooms but no conference: add the conference (admin, Conference) "
            "before migrating, so that its venue can hold the rooms."
        )
    # Every conference has had its venue since efus_conf 0010; this only guards a database
    # edited by hand. The model's own field and its default language's column hold the name.
    name = conference.city_en or conference.city
    venue, _ = Venue.objects.get_or_create(
        conference=conference, defaults={"name": name, "name_en": name}
    )
    Room.objects.update(venue=venue)
    HistoricalRoom.objects.update(venue=venue)


class Migration(migrations.Migration):

    dependencies = [
        ('efus_conf', '0011_conference_parts_columns_dropped'),
        ('programme', '0008_changes_kept_by_the_database'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalroom',
            name='venue',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='efus_conf.venue', verbose_name='venue'),
        ),
        migrations.AddField(
            model_name='room',
            name='venue',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='rooms', to='efus_conf.venue', verbose_name='venue'),
        ),
        migrations.RunPython(rooms_to_the_venue, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='room',
            name='venue',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='rooms', to='efus_conf.venue', verbose_name='venue'),
        ),
    ]
