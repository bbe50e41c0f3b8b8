"""Factories for the tests: one module, so that every model has one way to be built."""

import factory
from django.utils import timezone

from newsletter.models import Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A subscriber who confirmed, with the consent record a real subscription leaves."""

    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"subscriber-{n}@example.org")
    status = Subscriber.Status.CONFIRMED
    consented_at = factory.LazyFunction(timezone.now)
    consent_language = "en"
    consent_wording_version = "test"
    confirmed_at = factory.LazyAttribute(
        lambda subscriber: (
            subscriber.consented_at if subscriber.status == Subscriber.Status.CONFIRMED else None
        )
    )
