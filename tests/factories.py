"""Factories for the tests' objects (factory_boy): the few rows a test needs, nothing more."""

import factory
from django.utils import timezone

from newsletter.models import Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"subscriber{n}@example.org")
    language = "en"
    status = Subscriber.Status.PENDING
    consented_at = factory.LazyFunction(timezone.now)
    consent_page = "/en/"
    consent_language = "en"
    consent_wording_version = "test"

    class Params:
        confirmed = factory.Trait(
            status=Subscriber.Status.CONFIRMED, confirmed_at=factory.LazyFunction(timezone.now)
        )
