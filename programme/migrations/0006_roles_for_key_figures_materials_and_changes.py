"""Gave the roles key figures, session documents and the programme's changes;
efus_conf/ops/roles.py does now, after every migrate.

Kept, with nothing left to do, so that the migration history stays valid.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("efus_conf", "0002_organiser_roles"),
        ("efus_conf", "0006_venue_registration_and_after_event"),
        ("programme", "0005_venue_places_materials_and_changes"),
    ]

    operations = []
