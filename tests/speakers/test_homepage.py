import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from efus_conf.demo.factories import ConferenceFactory, SpeakerFactory
from speakers.models import Speaker

QUOTES = {
    "en": (
        "As President of Efus, I am delighted",
        "This conference is a key event for safe.brussels",
    ),
    "fr": (
        "En tant que Président de l&#x27;Efus, je me réjouis",
        "Cette conférence est un événement clé pour safe.brussels",
    ),
    "nl": (
        "Als voorzitter van Efus ben ik verheugd",
        "Deze conferentie is een sleutelmoment voor safe.brussels",
    ),
}
HEADINGS = {
    "en": "Meet the speakers!",
    "fr": "Découvrez les intervenants !",
    "nl": "Maak kennis met de sprekers!",
}


def home_section(client, language):
    html = client.get(f"/{language}/").content.decode()
    return html[html.index('class="home-speakers') : html.index('class="tagline"')]


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_the_homepage_shows_the_seed_quotes_in_the_page_language(client, demo, language):
    section = home_section(client, language)
    assert f">{HEADINGS[language]}</h2>" in section
    demeyer, lavaux = (section.index(quote) for quote in QUOTES[language])
    assert demeyer < lavaux
    assert section.index("Willy Demeyer") < section.index("Sophie Lavaux")
    assert f'href="/{language}/speakers/"' in section


def test_the_homepage_gives_the_seed_roles(client, demo):
    section = home_section(client, "en")
    assert "Mayor of Liège &amp; President of Efus" in section
    assert "Governor of the Brussels Conurbation, and director general of safe.brussels" in section


@pytest.fixture
def featured(db):
    """A conference whose homepage has a speakers' section: one featured speaker."""
    ConferenceFactory(
        homepage__audience_en="Aimed at all urban security stakeholders",
        homepage__speakers_heading_en="Meet the speakers!",
        tagline_en="Cities at the heart of tomorrow's security",
    )
    return SpeakerFactory(featured=True, quote_en="A featured quote.")


def test_the_speakers_section_sits_between_the_intro_and_the_tagline(client, featured):
    html = client.get("/en/").content.decode()
    body = html[html.index("<body") :]
    order = [
        "Aimed at all urban security stakeholders",
        "Meet the speakers!",
        "Cities at the heart",
    ]
    positions = [body.index(text) for text in order]
    assert positions == sorted(positions)


def test_unfeatured_and_unpublished_speakers_stay_off_the_homepage(client, featured):
    SpeakerFactory(name="Quiet Person", quote_en="Never on the homepage.")
    SpeakerFactory(name="Hidden Person", featured=True, published=False, quote_en="Hidden quote.")
    section = home_section(client, "en")
    assert "A featured quote." in section
    assert "Never on the homepage." not in section
    assert "Hidden quote." not in section


def test_the_homepage_query_count_does_not_grow_with_featured_speakers(client, featured):
    def count():
        with CaptureQueriesContext(connection) as context:
            client.get("/en/")
        return len(context.captured_queries)

    before = count()
    SpeakerFactory.create_batch(10, featured=True, quote_en="Another quote.")
    assert count() == before
    assert Speaker.objects.featured().count() > 10
