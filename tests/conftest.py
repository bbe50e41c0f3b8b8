import io
import signal
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from tests.support.smtp import SmtpServer, use_smtp


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing(django_test_environment):
    """Passwords hashed in the test process take microseconds: the production hasher is slow
    on purpose, and tests sign people in by the hundred. The sites gunicorn serves in the
    tests keep the production hasher."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded files written by a test go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language, whatever a test before it activated."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def site_url(settings):
    """Absolute links point at the test client's host, as SITE_URL would in production."""
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def mail_worker(monkeypatch):
    """Runs `manage.py db_worker --batch`, as the worker process would: every mail that is due
    is sent (or its failure recorded), then it returns."""
    # The worker closes connections that are not in autocommit mode, as a test's transaction
    # is not: on PostgreSQL that would end the test's transaction under it.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def run():
        # The worker installs its own handlers for a graceful stop; the test run keeps its own.
        handlers = {number: signal.getsignal(number) for number in STOP_SIGNALS}
        try:
            call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
        finally:
            for number, handler in handlers.items():
                signal.signal(number, handler)

    return run


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no page cached by another test's data."""
    cache.clear()


@pytest.fixture
def clock(monkeypatch):
    """Sets the time the site reads (django.utils.timezone.now) to a fixed Brussels time:
    clock(2024, 3, 1, 12, 0)."""
    import datetime

    from django.utils import timezone

    from efus_conf.conference.models import CONFERENCE_TZ

    def set_to(*args):
        moment = datetime.datetime(*args, tzinfo=CONFERENCE_TZ)
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return set_to


@pytest.fixture
def conference(db):
    """The conference of 20–22 March 2024, with nothing but what the model requires."""
    from efus_conf.demo.factories import ConferenceFactory

    return ConferenceFactory()


@pytest.fixture
def demo(db):
    """The whole demo conference, as `manage.py loaddemo` loads it."""
    call_command("loaddemo", stdout=io.StringIO())


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """The demo site served by gunicorn in production mode on loopback; yields its URL."""
    from tests.support.gunicorn_site import GunicornSite

    with GunicornSite(tmp_path_factory.mktemp("production-site")) as site:
        yield site.url


@pytest.fixture
def migrated_data(db):
    """The privacy notice, as its data migration creates it.

    Tests with a live server flush the database when they end, data migrations included, so
    tests that rely on that data run the migration's own function again (it is idempotent).
    The organisers' roles need nothing of the kind: the flush sends post_migrate, which
    gives them back (efus_conf/ops/roles.py).
    """
    from django.apps import apps
    from django.db import connection

    editor = SimpleNamespace(connection=connection)
    import_module("newsletter.migrations.0002_privacy_notice").create_privacy_notice(apps, editor)


def member_of(django_user_model, group_name):
    """A staff account in one of the organisers' roles (efus_conf/ops/roles.py)."""
    user = django_user_model.objects.create_user(
        group_name.lower().replace(" ", "-"), "staff@example.org", None, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model, db):
    return member_of(django_user_model, "Content editors")


@pytest.fixture
def communications(django_user_model, db):
    return member_of(django_user_model, "Communications")


@pytest.fixture
def superuser(django_user_model, db):
    return django_user_model.objects.create_superuser("root", "root@example.org", None)


@pytest.fixture
def small_site(conference):
    """A conference with one of each thing its public pages show: a page, a partner with its
    logo, and a session in a track with its speaker. Enough for tests about how pages are
    served (headers, cache, links), which need no more than a page of each kind."""
    from efus_conf.demo.factories import (
        PageFactory,
        PartnerFactory,
        SessionFactory,
        SessionSpeakerFactory,
        SpeakerFactory,
        TrackFactory,
    )

    speaker = SpeakerFactory(
        name="Ada Lindqvist", slug="ada-lindqvist", bio_en="<p>Works on <em>safer</em> streets.</p>"
    )
    session = SessionFactory(
        title_en="Cities and drugs",
        title_fr="Villes et drogues",
        slug="cities-and-drugs",
        track=TrackFactory(),
        description_en="<p>How cities <strong>answer</strong> drug violence.</p>",
    )
    SessionSpeakerFactory(session=session, speaker=speaker)
    return SimpleNamespace(
        conference=conference,
        page=PageFactory(title_en="About Efus", slug="about-efus"),
        partner=PartnerFactory(),
        speaker=speaker,
        session=session,
    )


# ---- Objects the public pages link to, built with factories (instead of the whole demo) ----


@pytest.fixture
def about_efus(db):
    """The organisers' page in the main navigation, titled in every language."""
    from efus_conf.conference.models import Page
    from efus_conf.demo.factories import PageFactory

    return PageFactory(
        slug="about-efus",
        placement=Page.Placement.NAVIGATION,
        title_en="About Efus",
        title_fr="À propos de l'Efus",
        title_nl="Over Efus",
    )


@pytest.fixture
def small_programme(conference):
    """A programme over the conference's three days, in a few sessions named as in the demo:
    the opening plenary (titled in every language) and the closing one, two tracks, field
    visits on two days, a break, and published speakers besides a draft one."""
    from efus_conf.demo.factories import (
        RoomFactory,
        SessionFactory,
        SessionSpeakerFactory,
        SpeakerFactory,
        TrackFactory,
        brussels,
    )
    from programme.models import Session

    room = RoomFactory(name_en="Room Europa", name_fr="Salle Europa", name_nl="Zaal Europa")
    harm_reduction = TrackFactory(slug="harm-reduction", name_en="Harm reduction")
    mediation = TrackFactory(slug="social-mediation", name_en="Social mediation")
    opening = SessionFactory(
        slug="opening-plenary",
        title_en="Opening plenary",
        title_fr="Plénière d'ouverture",
        title_nl="Openingsplenaire",
        format=Session.Format.PLENARY,
        start=brussels(20, 9, 30),
        room=room,
    )
    SessionFactory(
        slug="break-1-1100", title_en="Coffee break", format=Session.Format.BREAK, room=room,
        start=brussels(20, 11),
    )  # fmt: skip
    SessionFactory(
        slug="harm-reduction-city-centre", title_en="Harm reduction in the city centre",
        track=harm_reduction, language="fr", start=brussels(21, 9, 30), room=room,
    )  # fmt: skip
    SessionFactory(
        slug="night-time-mediation", title_en="Night-time mediation in nightlife districts",
        track=mediation, language="nl", start=brussels(21, 11),
    )  # fmt: skip
    SessionFactory(
        slug="visit-drug-consumption-room", title_en="Visit: a supervised drug consumption room",
        format=Session.Format.FIELD_VISIT, start=brussels(21, 14),
    )  # fmt: skip
    SessionFactory(
        slug="visit-drug-prevention-service", title_en="Visit: a local drug prevention service",
        format=Session.Format.FIELD_VISIT, start=brussels(22, 10),
    )  # fmt: skip
    SessionFactory(
        slug="closing-plenary", title_en="Closing plenary", format=Session.Format.PLENARY,
        start=brussels(22, 15), room=room,
    )  # fmt: skip
    for order, name in enumerate(["Amélie Roussanne", "Oskar Lindqvist-Ruda"]):
        SessionSpeakerFactory(session=opening, speaker=SpeakerFactory(name=name), order=order)
    SpeakerFactory(name="Draft Speaker", published=False)
    return opening


@pytest.fixture
def signed_in_superuser(client, superuser):
    """The test client is signed in as a superuser (who has no password: none is hashed)."""
    client.force_login(superuser)
    return superuser


@pytest.fixture
def start_smtp(settings):
    """Start a real SMTP server on loopback (optionally on a given port) and route the test
    process's mail to it (the browser tests' live server is a thread of it)."""
    servers = []

    def start(port=None):
        server = SmtpServer(port).start()
        servers.append(server)
        use_smtp(settings, server.port)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def smtp(start_smtp):
    return start_smtp()
