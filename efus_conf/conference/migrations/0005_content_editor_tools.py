"""Gave content editors the organisers' tools; efus_conf/ops/roles.py does now, after every
migrate.

Kept, with nothing left to do, so that the migration history stays valid.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("efus_conf", "0004_content_history"),
        ("speakers", "0002_history_drafts_first"),
        ("programme", "0002_history_drafts_first"),
    ]

    operations = []
