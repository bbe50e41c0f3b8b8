from importlib import import_module

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# Each app's demo module has load(*, stdout, scale); order matters (sessions need speakers).
DEMO_MODULES = [
    "efus_conf.demo.conference",
    "efus_conf.demo.speakers",
    "efus_conf.demo.programme",
    "efus_conf.demo.newsletter",
]


class Command(BaseCommand):
    help = "Load the demo conference (idempotent: running it twice changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            help="Also add this many synthetic sessions, with speakers, for benchmarks.",
        )

    def handle(self, *args, scale, **options):
        if scale < 0:
            raise CommandError("--scale must be zero or more.")
        with transaction.atomic():
            for module_name in DEMO_MODULES:
                import_module(module_name).load(stdout=self.stdout, scale=scale)
        self.stdout.write(self.style.SUCCESS("Demo conference loaded."))
