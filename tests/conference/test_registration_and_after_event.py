import datetime
import re
from html import unescape

import pytest
from django.db import IntegrityError

from efus_conf.conference.models import CONFERENCE_TZ, KeyFigure
from efus_conf.demo.factories import SessionFactory
from programme.models import Availability

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration(conference):
    """The conference, with a registration that opens on 8 January and closes on 8 March."""
    registration = conference.registration
    registration.url = "https://registration.example.org/efus/"
    registration.opens = datetime.datetime(2024, 1, 8, 9, 0, tzinfo=CONFERENCE_TZ)
    registration.closes = datetime.datetime(2024, 3, 8, 23, 59, tzinfo=CONFERENCE_TZ)
    registration.save()
    return conference


def hero_actions(html):
    return re.search(r'<p class="actions">(.*?)</p>', html, re.S).group(1)


def test_while_registration_is_open_register_is_the_homepages_first_call_to_action(
    client, registration, clock
):
    clock(2024, 2, 1, 12, 0)
    actions = hero_actions(client.get("/fr/").content.decode())
    first = re.search(r"<a [^>]*>[^<]*</a>", actions).group(0)
    assert 'href="https://registration.example.org/efus/"' in first
    assert "S'inscrire" in unescape(first)
    assert "jusqu'au 8 mars 2024" in unescape(actions)


def test_while_registration_is_open_the_programme_offers_it(client, registration, clock):
    clock(2024, 2, 1, 12, 0)
    html = client.get("/en/programme/").content.decode()
    assert 'href="https://registration.example.org/efus/"' in html
    assert ">Register</a>" in html


def test_before_registration_opens_the_pages_say_when(client, registration, clock):
    clock(2023, 12, 1, 12, 0)
    for path in ["/en/", "/en/programme/"]:
        html = client.get(path).content.decode()
        assert "Registration opens on 8 January 2024, 09:00." in html
        assert "registration.example.org" not in html


def test_after_registration_closes_the_pages_say_so(client, registration, clock):
    clock(2024, 3, 12, 12, 0)
    for path in ["/nl/", "/nl/programme/"]:
        html = client.get(path).content.decode()
        assert "De inschrijving is gesloten." in html
        assert "registration.example.org" not in html


def test_without_a_registration_address_nothing_is_said(client, conference, clock):
    clock(2024, 2, 1, 12, 0)
    html = client.get("/en/").content.decode()
    assert "Register" not in html and "Registration" not in html


@pytest.mark.database
def test_registration_closing_before_it_opens_is_refused_by_the_database(registration):
    dates = registration.registration
    dates.closes = dates.opens - datetime.timedelta(1)
    with pytest.raises(IntegrityError):
        dates.save()


def test_a_sessions_places_and_availability_show_on_its_card_and_page(client, conference):
    SessionFactory(slug="visit", capacity=25, availability=Availability.WAITING_LIST)
    for path in ["/fr/programme/", "/fr/programme/visit/"]:
        html = client.get(path).content.decode()
        assert "Liste d'attente · 25 places" in unescape(html)


@pytest.mark.database
def test_an_unknown_availability_is_refused_by_the_database(conference):
    with pytest.raises(IntegrityError):
        SessionFactory(availability="plenty")


def test_until_the_last_day_is_past_the_homepage_looks_ahead(client, registration, clock):
    KeyFigure.objects.create(conference=registration, value="800", label_en="participants")
    registration.homepage.recap_en = "Three days of debate."
    registration.homepage.save()
    SessionFactory(recording_url="https://vimeo.com/1")
    clock(2024, 3, 22, 23, 30)
    html = client.get("/en/").content.decode()
    assert "What happened" not in html and "Watch and read again" not in html


def test_once_the_last_day_is_past_the_homepage_leads_with_what_happened(
    client, registration, clock, django_assert_max_num_queries
):
    KeyFigure.objects.create(conference=registration, value="800", label_fr="participants")
    registration.homepage.recap_fr = "Trois jours de débats."
    registration.homepage.save()
    for n in range(3):
        SessionFactory(title_en=f"Recorded {n}", recording_url=f"https://vimeo.com/{n}")
    SessionFactory(title_en="Nothing to watch")
    clock(2024, 3, 23, 0, 5)
    with django_assert_max_num_queries(14):
        html = client.get("/fr/").content.decode()
    main = unescape(html[html.index("<main") :])
    assert main.index("Ce qui s'est passé") < main.index('class="intro')
    assert '800</span> <span class="key-figures__label">participants' in main
    assert "Trois jours de débats." in main
    assert ">Revoir et relire</a>" in hero_actions(html)
    assert "Recorded 2" in main and "Nothing to watch" not in main
    assert "inscri" not in main.lower()


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("en", ["What happened", "800+", "Watch and read again", "Full · 20 places"]),
        ("fr", ["Ce qui s'est passé", "villes et régions", "Revoir et relire", "Complet"]),
        ("nl", ["Wat er gebeurde", "steden en regio's", "Herbekijken en nalezen", "Volzet"]),
    ],
)
def test_the_demo_is_past_its_last_day_with_figures_materials_and_places(
    client, demo, language, texts
):
    home = unescape(client.get(f"/{language}/").content.decode())
    programme = unescape(client.get(f"/{language}/programme/").content.decode())
    for text in texts[:3]:
        assert text in home
    assert texts[3] in programme
    assert programme.count('class="session-card__materials"') == 4
