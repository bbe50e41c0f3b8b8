import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from efus_conf.demo.factories import SpeakerFactory
from speakers import photos
from tests.support import images

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "nl"]
ROLES = {
    "en": "Deputy Mayor for Public Safety",
    "fr": "Adjointe au maire chargée de la sécurité",
    "nl": "Schepen van Veiligheid",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_shows_each_speaker_role_in_the_page_language(client, language):
    speaker = SpeakerFactory(name="Anneke Vermolen")
    html = client.get(f"/{language}/speakers/").content.decode()
    assert f'<html lang="{language}">' in html
    assert f'href="/{language}/speakers/{speaker.slug}/"' in html
    assert "Anneke Vermolen" in html
    assert ROLES[language] in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_speaker_page_shows_role_organisation_place_and_bio(client, language):
    speaker = SpeakerFactory(
        city_en="Lindenhaven", bio_en="Leads the prevention council.", bio_fr="Préside le conseil."
    )
    html = client.get(f"/{language}/speakers/{speaker.slug}/").content.decode()
    assert f"<h1>{speaker.name}</h1>" in html
    assert ROLES[language] in html
    assert "City of Lindenhaven" in html
    assert {
        "en": "Lindenhaven, Germany",
        "fr": "Lindenhaven, Allemagne",
        "nl": "Lindenhaven, Duitsland",
    }[language] in html


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_missing_translations_fall_back_to_english(client, language):
    speaker = SpeakerFactory(role_fr="", role_nl="", bio_en="Only written in English.")
    html = client.get(f"/{language}/speakers/{speaker.slug}/").content.decode()
    assert "Deputy Mayor for Public Safety" in html
    assert "<p>Only written in English.</p>" in html


def test_an_unpublished_speaker_is_not_found_nor_listed(client):
    speaker = SpeakerFactory(name="Hidden Person", published=False)
    assert client.get(f"/en/speakers/{speaker.slug}/").status_code == 404
    assert "Hidden Person" not in client.get("/en/speakers/").content.decode()


def test_an_unknown_slug_is_not_found(client):
    assert client.get("/en/speakers/nobody-at-all/").status_code == 404


# The text filter is the database's case-insensitive LIKE, which each engine folds its way.
@pytest.mark.database
def test_the_text_filter_matches_name_role_and_organisation(client):
    SpeakerFactory(name="Maren Solvik", organisation_en="Fjordbakken Region")
    SpeakerFactory(name="Lukas Brennwald", organisation_en="Lindenhaven Police")
    html = client.get("/en/speakers/", {"q": "fjordbakken"}).content.decode()
    assert "Maren Solvik" in html
    assert "Lukas Brennwald" not in html
    assert 'value="fjordbakken"' in html
    assert "1 speaker out of 2 matches your search." in html


@pytest.mark.database
def test_the_text_filter_finds_a_french_role_from_the_french_page(client):
    SpeakerFactory(name="Maren Solvik")
    SpeakerFactory(name="Lukas Brennwald", role_en="Police chief", role_fr="Chef de la police")
    html = client.get("/fr/speakers/", {"q": "chef de la"}).content.decode()
    assert "Lukas Brennwald" in html
    assert "Maren Solvik" not in html


def test_the_country_filter_lists_only_countries_with_speakers_by_local_name(client):
    SpeakerFactory(name="Maren Solvik", country="NO")
    SpeakerFactory(name="Lukas Brennwald", country="DE")
    html = client.get("/nl/speakers/", {"country": "NO"}).content.decode()
    assert "Maren Solvik" in html
    assert "Lukas Brennwald" not in html
    assert '<option value="NO" selected>Noorwegen</option>' in html
    assert '<option value="DE">Duitsland</option>' in html
    assert 'value="FR"' not in html


# PostgreSQL refuses a NUL byte in a query; SQLite takes it.
@pytest.mark.database
@pytest.mark.parametrize(
    "query",
    [
        {"country": "XX"},
        {"country": "<script>"},
        {"country": ["DE", "NO"]},
        {"q": "x" * 500},
        {"q": "nul\x00byte"},
        {"unknown": "1"},
    ],
    ids=["unknown-country", "markup", "repeated", "too-long", "nul", "unknown-param"],
)
def test_bad_filter_values_are_ignored_never_an_error(client, query):
    SpeakerFactory(name="Maren Solvik", country="NO")
    response = client.get("/en/speakers/", query)
    assert response.status_code == 200
    assert "Maren Solvik" in response.content.decode()


@pytest.mark.database
def test_sql_wildcards_in_the_search_are_taken_literally(client):
    SpeakerFactory(name="Maren Solvik")
    response = client.get("/en/speakers/", {"q": "%_"})
    assert response.status_code == 200
    assert "Maren Solvik" not in response.content.decode()


def test_a_search_without_results_says_so_and_offers_to_clear_the_filters(client):
    SpeakerFactory()
    html = client.get("/fr/speakers/", {"q": "zzz"}).content.decode()
    assert "Aucun intervenant ne correspond à ces filtres." in html
    assert 'href="/fr/speakers/">Effacer les filtres</a>' in html


def test_an_empty_directory_announces_speakers_soon(client):
    html = client.get("/en/speakers/").content.decode()
    assert "The speakers will be announced soon." in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_list_page_query_count_does_not_grow_with_the_speakers(
    client, django_assert_num_queries
):
    SpeakerFactory.create_batch(5)
    with_five = count_queries(client, "/en/speakers/")
    SpeakerFactory.create_batch(95)
    with django_assert_num_queries(with_five):
        html = client.get("/en/speakers/").content.decode()
    assert html.count('class="speaker-card"') == 100


def test_photos_use_picture_with_webp_srcset_sizes_dimensions_and_lazy_loading(client):
    for speaker in SpeakerFactory.create_batch(6):
        photos.set_photo(speaker, images.jpeg((900, 900)))
    html = client.get("/en/speakers/").content.decode()
    assert html.count("<picture") == 6
    assert html.count('<source type="image/webp" srcset="/media/speakers/renditions/') == 6
    assert ".webp 160w, " in html and ".webp 640w" in html
    assert ".jpg 320w" in html
    assert 'width="320" height="320" alt="Test Speaker' in html
    assert 'sizes="(min-width: 72rem) 200px' in html
    # The first row loads at once; the rest waits until it is scrolled to.
    assert html.count('loading="lazy"') == 2


def test_a_speaker_without_photo_gets_an_initials_placeholder(client):
    speaker = SpeakerFactory(name="Aoife Dunleavy")
    html = client.get(f"/en/speakers/{speaker.slug}/").content.decode()
    assert '<svg class="speaker-photo speaker-photo--placeholder"' in html
    assert 'aria-label="Aoife Dunleavy"' in html
    assert ">AD</text>" in html
    assert "<img" not in html[html.index("<main") : html.index("</main>")]


def test_the_speaker_links_identify_the_person_and_open_safely(client):
    speaker = SpeakerFactory(
        website="https://example.org/", mastodon="https://social.example/@maren"
    )
    html = client.get(f"/en/speakers/{speaker.slug}/").content.decode()
    assert '<a href="https://example.org/" rel="me noopener">Website</a>' in html
    assert '<a href="https://social.example/@maren" rel="me noopener">Mastodon</a>' in html
    assert "LinkedIn" not in html


def test_the_photo_credit_is_shown_with_the_photo(client):
    speaker = SpeakerFactory(photo_credit="Jan Fotograaf")
    photos.set_photo(speaker, images.jpeg())
    html = client.get(f"/fr/speakers/{speaker.slug}/").content.decode()
    assert "Photo : Jan Fotograaf" in html


def test_an_html_bio_is_sanitised(client):
    speaker = SpeakerFactory(
        bio_en="<p>Leads <em>prevention</em>.</p><script>alert(1)</script><img src=x onerror=alert(1)>"
    )
    html = client.get(f"/en/speakers/{speaker.slug}/").content.decode()
    assert "<p>Leads <em>prevention</em>.</p>" in html
    assert "alert(1)" not in html


def test_a_plain_text_bio_becomes_escaped_paragraphs(client):
    speaker = SpeakerFactory(bio_en="First & foremost.\n\nSecond paragraph.")
    html = client.get(f"/en/speakers/{speaker.slug}/").content.decode()
    assert "<p>First &amp; foremost.</p>\n\n<p>Second paragraph.</p>" in html


def test_the_speaker_page_has_no_inline_styles_or_scripts(client):
    speaker = SpeakerFactory()
    photos.set_photo(speaker, images.jpeg())
    html = client.get(reverse("speakers:detail", kwargs={"slug": speaker.slug})).content.decode()
    assert "style=" not in html
    assert "<style" not in html
    assert "<script>" not in html
