from django.conf import settings
from django.core.management.base import BaseCommand

from efus_conf.ops.backups import create_backup


class Command(BaseCommand):
    help = (
        "Copy the database and the uploaded media into one dated archive, consistently, "
        "while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=settings.BACKUP_DIR,
            help="Folder for the archive (default: BACKUP_DIR, var/backups).",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            help="Keep only this many of the newest archives in the folder (default: all).",
        )

    def handle(self, *args, output, keep, **options):
        archive = create_backup(output, keep=keep)
        self.stdout.write(str(archive))
