from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from simple_history.models import HistoricalChanges

from newsletter.services import PRIVACY_PAGE_SLUG

# Each app's demo module has load(*, stdout, scale); order matters (sessions need speakers).
DEMO_MODULES = [
    "efus_conf.demo.conference",
    "efus_conf.demo.speakers",
    "efus_conf.demo.programme",
    "efus_conf.demo.newsletter",
]
# The apps whose rows are content; their history is not (an emptied site keeps it).
CONTENT_APPS = {"efus_conf", "speakers", "programme", "newsletter"}


class Command(BaseCommand):
    help = (
        "Load the demo conference into an empty database. A database with content is left "
        "as it is: the demo never overwrites an organiser's edits."
    )

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
        found = existing_content()
        if found:
            self.stdout.write(
                self.style.WARNING(
                    f"The demo was not loaded: the database already holds {', '.join(found)}. "
                    "The demo loads only into an empty database, so that it never overwrites "
                    "what organisers wrote."
                )
            )
            return
        with transaction.atomic():
            for module_name in DEMO_MODULES:
                import_module(module_name).load(stdout=self.stdout, scale=scale)
        self.stdout.write(self.style.SUCCESS("Demo conference loaded."))


def existing_content():
    """What the database holds beyond what `migrate` creates, as "33 speakers", "1 conference"."""
    found = []
    for model in apps.get_models():
        if model._meta.app_label not in CONTENT_APPS or issubclass(model, HistoricalChanges):
            continue
        rows = model._default_manager.all()
        if model._meta.label == "efus_conf.Page":  # The migrations write the privacy notice.
            rows = rows.exclude(slug=PRIVACY_PAGE_SLUG)
        if count := rows.count():
            name = model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural
            found.append(f"{count} {name}")
    return found
