from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from efus_conf.ops.backups import restore_backup


class Command(BaseCommand):
    help = (
        "Bring the database and the uploaded media back from an archive written by "
        "`manage.py backup`. Stop the site first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="An efus-backup-….tar.gz file.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Overwrite a database that already holds tables.",
        )

    def handle(self, *args, archive, replace, **options):
        if connection.introspection.table_names() and not replace:
            raise CommandError(
                "The database already holds tables: add --replace to overwrite it with the backup."
            )
        restore_backup(archive)
        self.stdout.write(f"Restored {archive}.")
