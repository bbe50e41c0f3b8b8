import pytest
from django.urls import reverse
from django.utils import translation

from efus_conf.demo.factories import SessionFactory, brussels
from programme.filters import ProgrammeFilter
from speakers.filters import SpeakerFilter

LANGUAGES = ["en", "fr", "nl"]

HOMEPAGE_TEXTS = {
    "en": [
        "Under the auspices of the Belgian Presidency of the Council of the European Union",
        "more than 800 participants from 150 cities",
        "Cities at the heart of tomorrow&#x27;s security",
        "Subscribe to our newsletter",
        "Useful links",
        "Useful contacts",
        "+33 (0)1 40 64 49 00",
        "An Efus event in partnership with",
        "20–22 March 2024",
        "Copyright 2024 Colloquium, all rights reserved",
        "Go to main content",
    ],
    "fr": [
        "Sous les auspices de la Présidence belge du Conseil de l&#x27;Union européenne",
        "plus de 800 participants venus de 150 villes",
        "Les villes au cœur de la sécurité de demain",
        "Abonnez-vous à notre lettre d'information",
        "Liens utiles",
        "Contacts utiles",
        "+33 (0)1 40 64 49 00",
        "Un événement Efus en partenariat avec",
        "20–22 mars 2024",
        "Copyright 2024 Colloquium, tous droits réservés",
        "Aller au contenu principal",
    ],
    "nl": [
        "Onder de auspiciën van het Belgische voorzitterschap van de Raad van de Europese Unie",
        "meer dan 800 deelnemers uit 150 steden",
        "Steden in het hart van de veiligheid van morgen",
        "Abonneer u op onze nieuwsbrief",
        "Nuttige links",
        "Nuttige contacten",
        "+33 (0)1 40 64 49 00",
        "Een Efus-evenement in samenwerking met",
        "20–22 maart 2024",
        "Copyright 2024 Colloquium, alle rechten voorbehouden",
        "Naar de hoofdinhoud",
    ],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_homepage_shows_every_seed_section_in_each_language(client, demo, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in HOMEPAGE_TEXTS[language]:
        assert text in html, text


@pytest.mark.parametrize("language", LANGUAGES)
def test_homepage_declares_its_language(client, conference, language):
    html = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}">' in html


def test_seed_sections_appear_in_the_seed_order(client, demo):
    html = client.get("/en/").content.decode()
    order = [
        "Go to main content",
        "Under the auspices",
        "Every three years",
        "Aimed at all urban security stakeholders",
        "Cities at the heart of tomorrow",
        "Subscribe to our newsletter",
        "About Efus</h2>",
        "Useful links",
        "Useful contacts",
        "<strong>Security, Democracy &amp; Cities Conference</strong>",
        "An Efus event in partnership with",
        "Copyright 2024 Colloquium",
    ]
    positions = [html.index(text, html.index("<body")) for text in order]
    assert positions == sorted(positions)


def test_skip_link_is_the_first_focusable_element_and_targets_main(client, conference):
    html = client.get("/en/").content.decode()
    body = html[html.index("<body") :]
    first_link = body[body.index("<a ") : body.index("</a>")]
    assert 'href="#main"' in first_link
    assert '<main id="main"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_its_alternates_with_hreflang_and_x_default(client, about_efus, language):
    html = client.get(f"/{language}/about-efus/").content.decode()
    for code in LANGUAGES:
        assert f'hreflang="{code}" href="http://testserver/{code}/about-efus/"' in html
    # The same convention as the sitemap: the address without a language, which redirects.
    assert 'hreflang="x-default" href="http://testserver/about-efus/"' in html


@pytest.mark.parametrize(("source", "target"), [("en", "fr"), ("fr", "nl"), ("nl", "en")])
def test_language_switcher_lands_on_the_same_page(client, about_efus, source, target):
    html = client.get(f"/{source}/about-efus/").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    assert f'<a href="/{target}/about-efus/" lang="{target}"' in switcher
    assert client.get(f"/{target}/about-efus/").status_code == 200


@pytest.fixture
def two_days(conference):
    """A session on each of the conference's first two days."""
    return [SessionFactory(start=brussels(20, 9)), SessionFactory(start=brussels(21, 9))]


def test_language_switcher_keeps_the_filters_and_drops_tracking_parameters(client, two_days):
    html = client.get("/en/programme/?utm_source=mail&day=2024-03-21").content.decode()
    assert 'href="/fr/programme/?day=2024-03-21" lang="fr"' in html
    assert "utm_source" not in html


def test_every_filter_of_the_programme_and_the_speakers_counts_as_part_of_the_page(settings):
    filters = {*ProgrammeFilter.base_filters, *SpeakerFilter.base_filters}
    assert filters <= set(settings.PAGE_QUERY_PARAMETERS)


def test_a_tracking_parameter_does_not_filter_the_programme(client, two_days):
    html = client.get("/en/programme/?fbclid=x1").content.decode()
    unfiltered = client.get("/en/programme/").content.decode()
    assert html.count('class="session-card') == unfiltered.count('class="session-card') > 0
    assert "Clear filters" not in html


@pytest.mark.parametrize(
    ("accept_language", "expected"), [("fr-BE,fr;q=0.9", "/fr/"), ("nl", "/nl/"), ("ja", "/en/")]
)
def test_root_redirects_by_accept_language(client, db, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response.url == expected


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "About Efus"), ("fr", "À propos de l&#x27;Efus"), ("nl", "Over Efus")],
)
def test_about_efus_is_a_translated_page_in_the_navigation(
    client, conference, about_efus, language, title
):
    html = client.get(f"/{language}/").content.decode()
    assert f'<a href="/{language}/about-efus/">{title}</a>' in html
    page = client.get(f"/{language}/about-efus/").content.decode()
    assert f"<h1>{title}</h1>" in page


def test_unpublished_page_is_not_found(client, about_efus):
    about_efus.published = False
    about_efus.save()
    assert client.get("/en/about-efus/").status_code == 404


def test_page_body_is_sanitised(client, db):
    from efus_conf.demo.factories import PageFactory

    PageFactory(
        slug="about-efus",
        body_en='<p onclick="x()">Hi</p><script>alert(1)</script><a href="javascript:x()">y</a>',
    )
    html = client.get("/en/about-efus/").content.decode()
    assert "<script>alert" not in html
    assert "onclick" not in html
    assert "javascript:" not in html


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Page not found"), ("fr", "Page introuvable"), ("nl", "Pagina niet gevonden")],
)
def test_not_found_page_is_translated(client, conference, language, text):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()


def test_not_found_page_switches_language_on_the_same_address(client, conference):
    html = client.get("/fr/no-such-page/").content.decode()
    assert 'href="/nl/no-such-page/" lang="nl"' in html


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Something went wrong"),
        ("fr", "Une erreur est survenue"),
        ("nl", "Er is iets misgegaan"),
    ],
)
def test_server_error_page_is_translated_and_needs_no_database(language, text):
    from django.template.loader import render_to_string

    with translation.override(language):
        html = render_to_string("500.html")
    assert text in html
    assert f'lang="{language}"' in html


def test_readyz_reports_the_database_and_the_cache(client, db):
    response = client.get(reverse("readyz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_homepage_without_a_conference_still_renders(client, db):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "has not been set up yet" in response.content.decode()


@pytest.fixture
def past_conference_homepage(conference):
    """Two of everything the homepage of a conference that is over lists: key figures,
    sessions to watch again with their documents, featured speakers, partners, links, pages."""
    from django.core.files.base import ContentFile

    from efus_conf.conference.models import KeyFigure, Partner, UsefulLink
    from efus_conf.demo.factories import PageFactory, SessionSpeakerFactory, SpeakerFactory
    from programme.models import SessionMaterial

    for index in range(2):
        KeyFigure.objects.create(conference=conference, value=f"{index}00", label_en="cities")
        session = SessionFactory(recording_url="https://www.youtube.com/watch?v=abc")
        SessionSpeakerFactory(session=session, speaker=SpeakerFactory(featured=True))
        for _document in range(2):
            material = SessionMaterial(session=session, title_en="Slides")
            material.file.save("slides.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
        Partner.objects.create(name=f"Partner {index}", url="https://example.org/")
        UsefulLink.objects.create(title_en=f"Link {index}", url="https://example.org/")
        PageFactory(placement="nav" if index else "footer")


def test_homepage_query_count_is_bounded(
    client, past_conference_homepage, django_assert_max_num_queries
):
    # The conference is over: the key figures, the sessions to watch again and their
    # documents are three of these, whatever their number; the featured speakers one, though
    # the head's structured data and the speakers' section both show them.
    with django_assert_max_num_queries(9):
        assert client.get("/en/").status_code == 200
