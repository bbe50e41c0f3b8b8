"""Let Communications see the subscribers' mails; efus_conf/ops/roles.py does now, after every
migrate.

Kept, with nothing left to do, so that the migration history stays valid.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("efus_conf", "0002_organiser_roles"),
        ("newsletter", "0004_mail_queue"),
    ]

    operations = []
