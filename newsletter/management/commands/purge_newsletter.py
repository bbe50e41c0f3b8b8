from django.core.management.base import BaseCommand

from newsletter import services


class Command(BaseCommand):
    help = (
        "Delete newsletter requests never confirmed within 30 days and records of "
        "withdrawn consent older than three years, as the privacy notice says. Run daily."
    )

    def handle(self, *args, **options):
        deleted = services.purge()
        self.stdout.write(f"{deleted} subscriber record(s) deleted.")
