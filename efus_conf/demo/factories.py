"""The factories the demo conference and every test build their objects with."""

import datetime

import factory
from django.utils import timezone
from modeltranslation.translator import translator

from efus_conf.conference.models import (
    Conference,
    HomepageCopy,
    KeyFigure,
    Page,
    Partner,
    Registration,
    UsefulLink,
    Venue,
)
from newsletter.models import Subscriber
from programme.models import (
    CONFERENCE_TZ,
    Room,
    Session,
    SessionMaterial,
    SessionSpeaker,
    Track,
)
from speakers.models import Speaker

# The languages the demo's texts are written in, in the order of its triples. A language
# added to the site shows the default language's text until organisers translate it.
TEXT_LANGUAGES = ("en", "fr", "nl")


def brussels(day, hour, minute=0):
    """An aware time in March 2024, Brussels time (the demo conference's month)."""
    return datetime.datetime(2024, 3, day, hour, minute, tzinfo=CONFERENCE_TZ)


class TranslatedFactory(factory.django.DjangoModelFactory):
    """A factory that also takes a translated field as one (English, French, Dutch) triple:
    title=("Lunch", "Déjeuner", "Lunch") sets title_en, title_fr and title_nl."""

    class Meta:
        abstract = True

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        for name in translator.get_options_for_model(cls._meta.model).fields:
            if isinstance(kwargs.get(name), tuple):
                texts = kwargs.pop(name)
                for code, text in zip(TEXT_LANGUAGES, texts, strict=True):
                    kwargs[f"{name}_{code}"] = text
        return kwargs


class ConferenceFactory(TranslatedFactory):
    class Meta:
        model = Conference
        # Its parts are made after it and point to it: it need not be saved again.
        skip_postgeneration_save = True

    name_en = "Conference"
    short_name_en = "Security, Democracy & Cities"
    tagline_en = "t"
    start_date = datetime.date(2024, 3, 20)
    end_date = datetime.date(2024, 3, 22)
    city_en = "Brussels"
    country_en = "Belgium"
    # Its parts (Conference.PARTS), set as venue__address="…", homepage__intro=(en, fr, nl)…
    venue = factory.RelatedFactory(
        "efus_conf.demo.factories.VenueFactory", factory_related_name="conference"
    )
    registration = factory.RelatedFactory(
        "efus_conf.demo.factories.RegistrationFactory", factory_related_name="conference"
    )
    homepage = factory.RelatedFactory(
        "efus_conf.demo.factories.HomepageCopyFactory", factory_related_name="conference"
    )


class VenueFactory(TranslatedFactory):
    class Meta:
        model = Venue

    name_en = "Venue"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration


class HomepageCopyFactory(TranslatedFactory):
    class Meta:
        model = HomepageCopy

    intro_en = "i"
    audience_en = "a"


class SpeakerFactory(TranslatedFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Test Speaker {n}")
    slug = factory.Sequence(lambda n: f"test-speaker-{n}")
    role_en = "Deputy Mayor for Public Safety"
    role_fr = "Adjointe au maire chargée de la sécurité"
    role_nl = "Schepen van Veiligheid"
    organisation_en = "City of Lindenhaven"
    country = "DE"
    published = True


def current_venue():
    """The current conference's venue; a conference is made if the site has none yet."""
    return (Conference.objects.current() or ConferenceFactory()).venue


class RoomFactory(TranslatedFactory):
    class Meta:
        model = Room

    venue = factory.LazyFunction(current_venue)
    name_en = factory.Sequence(lambda n: f"Room {n}")


class TrackFactory(TranslatedFactory):
    class Meta:
        model = Track

    name_en = factory.Sequence(lambda n: f"Track {n}")
    slug = factory.Sequence(lambda n: f"track-{n}")
    colour = "#123456"


class SessionFactory(TranslatedFactory):
    class Meta:
        model = Session

    title_en = factory.Sequence(lambda n: f"Session {n}")
    slug = factory.Sequence(lambda n: f"session-{n}")
    start = factory.LazyFunction(lambda: brussels(20, 10))
    end = factory.LazyAttribute(lambda s: s.start + datetime.timedelta(hours=1))
    room = factory.SubFactory(RoomFactory)
    published = True


class SessionSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionSpeaker

    session = factory.SubFactory(SessionFactory)
    speaker = factory.SubFactory(SpeakerFactory)


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


class PageFactory(TranslatedFactory):
    """A published page the organisers wrote, linked from the footer."""

    class Meta:
        model = Page

    title_en = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    body_en = "<p>What the organisers wrote.</p>"


class PartnerFactory(TranslatedFactory):
    """A partner in the footer, with a small PNG logo."""

    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partner City {n}")
    logo = factory.django.ImageField(filename="logo.png", width=96, height=48)


class KeyFigureFactory(TranslatedFactory):
    """A figure on the homepage, such as "800+ participants"."""

    class Meta:
        model = KeyFigure

    conference = factory.SubFactory(ConferenceFactory)
    value = "800+"
    label_en = "participants"


class UsefulLinkFactory(TranslatedFactory):
    class Meta:
        model = UsefulLink

    title_en = factory.Sequence(lambda n: f"Useful link {n}")
    url = factory.Sequence(lambda n: f"https://example.org/link-{n}/")


class SessionMaterialFactory(TranslatedFactory):
    """A document of a session, a one-line PDF unless a file is given."""

    class Meta:
        model = SessionMaterial

    session = factory.SubFactory(SessionFactory)
    title_en = factory.Sequence(lambda n: f"Slides {n}")
    file = factory.django.FileField(filename="slides.pdf", data=b"%PDF-1.4\n%%EOF\n")
