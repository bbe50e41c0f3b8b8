"""Searching the programme: one box, any case or accent, in the page's language."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from efus_conf.demo.factories import (
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    TrackFactory,
    brussels,
)
from programme.models import SessionSpeaker

pytestmark = pytest.mark.django_db


def titles(client, url, **params):
    html = client.get(url, params).content.decode()
    return set(re.findall(r'class="session-card__title"[^>]*><a [^>]*>([^<]+)</a>', html))


def test_search_ignores_accents_and_case(client):
    SessionFactory(title_en="Security", title_fr="Politiques de sécurité")
    SessionFactory(title_en="Mediation", title_fr="Médiation")
    assert titles(client, "/fr/programme/", q="SECURITE") == {"Politiques de sécurité"}


def test_search_finds_a_speaker_typed_without_the_umlaut(client):
    wanted = SessionFactory(title_en="Wanted")
    SessionSpeaker.objects.create(session=wanted, speaker=SpeakerFactory(name="Jana Müller"))
    SessionFactory(title_en="Other")
    assert titles(client, "/en/programme/", q="muller") == {"Wanted"}


def test_search_finds_an_organisation_in_the_page_language(client):
    wanted = SessionFactory(title_en="Wanted")
    speaker = SpeakerFactory(organisation_en="City of Ghent", organisation_nl="Stad Gent")
    SessionSpeaker.objects.create(session=wanted, speaker=speaker)
    assert titles(client, "/nl/programme/", q="stad gent") == {"Wanted"}


def test_search_leaves_out_unpublished_speakers(client):
    session = SessionFactory(title_en="Wanted")
    hidden = SpeakerFactory(name="Hidden Person", published=False)
    SessionSpeaker.objects.create(session=session, speaker=hidden)
    assert titles(client, "/en/programme/", q="hidden") == set()


def test_search_reads_english_where_a_translation_is_missing(client):
    SessionFactory(title_en="Harm reduction", title_nl="")
    assert titles(client, "/nl/programme/", q="harm") == {"Harm reduction"}


def test_search_does_not_match_another_language_than_the_page(client):
    SessionFactory(title_en="Drugs and cities", title_fr="Les villes face aux stupéfiants")
    assert titles(client, "/fr/programme/", q="drugs") == set()


def test_search_matches_the_abstract_track_and_room(client):
    SessionFactory(title_en="By abstract", summary_en="Night-time economy and noise")
    SessionFactory(title_en="By track", track=TrackFactory(name_en="Radicalisation"))
    SessionFactory(title_en="By room", room=RoomFactory(name_en="Horta hall"))
    assert titles(client, "/en/programme/", q="noise") == {"By abstract"}
    assert titles(client, "/en/programme/", q="radicalisation") == {"By track"}
    assert titles(client, "/en/programme/", q="horta") == {"By room"}


def test_search_needs_every_word(client):
    SessionFactory(title_en="Youth prevention")
    SessionFactory(title_en="Youth work")
    assert titles(client, "/en/programme/", q="prevention youth") == {"Youth prevention"}


def test_search_combines_with_the_filters(client, conference):
    SessionFactory(title_en="Drugs on Wednesday", start=brussels(20, 10))
    SessionFactory(title_en="Drugs on Thursday", start=brussels(21, 10))
    assert titles(client, "/en/programme/", q="drugs", day="2024-03-21") == {"Drugs on Thursday"}


def test_search_results_are_counted_in_a_status_region(client):
    SessionFactory(title_en="Drugs one")
    SessionFactory(title_en="Drugs two")
    SessionFactory(title_en="Other")
    html = client.get("/en/programme/", {"q": "drugs"}).content.decode()
    assert re.search(r'id="results" role="status">2 sessions</p>', html)


def test_search_with_no_result_says_so(client):
    SessionFactory(title_en="Other")
    html = client.get("/fr/programme/", {"q": "zzz"}).content.decode()
    assert "Aucune session ne correspond à « zzz »" in html


def test_search_box_keeps_the_text_typed(client):
    html = client.get("/en/programme/", {"q": "drugs"}).content.decode()
    assert re.search(r'<input type="search" name="q" value="drugs"', html)


def test_search_takes_as_many_queries_for_many_sessions_as_for_one(client):
    def queries(text):
        with CaptureQueriesContext(connection) as context:
            client.get("/en/programme/", {"q": text})
        return len(context)

    session = SessionFactory(title_en="Talk 0")
    SessionSpeaker.objects.create(session=session, speaker=SpeakerFactory())
    few = queries("talk")
    for n in range(1, 40):
        session = SessionFactory(title_en=f"Talk {n}", track=TrackFactory(), room=RoomFactory())
        for _person in range(2):
            SessionSpeaker.objects.create(session=session, speaker=SpeakerFactory())
    assert queries("talk ") == few
