"""What search engines and link previews read: sitemap, robots.txt, canonical, OG, JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from efus_conf.conference.models import Page
from efus_conf.demo.factories import (
    ConferenceFactory,
    PageFactory,
    RoomFactory,
    SessionFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
    brussels,
)
from programme.models import Session
from speakers import photos
from tests.support import images

LANGUAGES = [code for code, name in settings.LANGUAGES]
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
PUBLIC_PATHS = ["/", "/about-efus/", "/practical-information/"]


@pytest.fixture
def conference(db):
    """The conference as search engines describe it: its venue's address and its organiser."""
    return ConferenceFactory(
        name_en="Security, Democracy & Cities Conference",
        name_fr="Conférence Sécurité, Démocratie & Villes",
        venue__address="Rue de la Loi 1, 1000 Brussels",
        organiser_url="https://efus.eu/",
    )


@pytest.fixture
def pages(about_efus):
    """The organisers' two pages: About Efus and, in the footer, practical information."""
    PageFactory(
        slug="practical-information",
        title_en="Practical information",
        summary_en="Venue, travel and accommodation.",
    )


@pytest.fixture
def speaker(db):
    return SpeakerFactory(name="Amélie Roussanne", slug="amelie-roussanne", featured=True)


@pytest.fixture
def site(conference, pages, speaker):
    """Two speakers in a session, a break, and a draft speaker, besides the pages."""
    session = SessionFactory(slug="opening-plenary")
    SessionSpeakerFactory(session=session, speaker=speaker)
    SessionSpeakerFactory(session=session, speaker=SpeakerFactory(featured=True, featured_order=1))
    SessionFactory(slug="break-1-0830", format=Session.Format.BREAK)
    SpeakerFactory(published=False)


@pytest.fixture
def sitemap(client, site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return ET.fromstring(response.content)


def sitemap_entries(sitemap):
    return {
        url.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        for url in sitemap.findall("sm:url", NS)
    }


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_sitemap_lists_every_public_page_in_every_language(sitemap):
    locations = set(sitemap_entries(sitemap))
    expected = {f"http://testserver/{lang}{path}" for lang in LANGUAGES for path in PUBLIC_PATHS}
    assert expected <= locations


def test_sitemap_entries_name_each_translation_and_a_default(sitemap):
    for location, alternates in sitemap_entries(sitemap).items():
        path = location.removeprefix("http://testserver/")[2:]
        assert {lang: alternates[lang] for lang in LANGUAGES} == {
            lang: f"http://testserver/{lang}{path}" for lang in LANGUAGES
        }, location
        assert alternates["x-default"] == f"http://testserver{path}"


def test_sitemap_x_default_redirects_by_language(client, pages):
    response = client.get("/about-efus/", headers={"accept-language": "nl"})
    assert response.status_code == 302
    assert response.url == "/nl/about-efus/"


def test_sitemap_leaves_out_unpublished_pages(client, site):
    Page.objects.filter(slug="about-efus").update(published=False)
    assert b"about-efus" not in client.get("/sitemap.xml").content


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.parametrize("language", LANGUAGES)
def test_canonical_url_is_absolute_with_the_language_and_without_the_query(client, pages, language):
    html = client.get(f"/{language}/about-efus/?utm_source=mail&fbclid=x").content.decode()
    assert f'<link rel="canonical" href="http://testserver/{language}/about-efus/">' in html
    assert f'<meta property="og:url" content="http://testserver/{language}/about-efus/">' in html


def test_not_found_page_has_no_canonical_and_is_not_indexed(client, conference):
    html = client.get("/en/no-such-page/").content.decode()
    assert 'rel="canonical"' not in html
    assert '<meta name="robots" content="noindex">' in html


def test_open_graph_defaults_to_the_conference_and_its_share_image(client, conference):
    html = client.get("/fr/").content.decode()
    assert (
        '<meta property="og:title" content="Conférence Sécurité, Démocratie &amp; Villes">' in html
    )
    assert '<meta property="og:type" content="website">' in html
    assert '<meta property="og:locale" content="fr_FR">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html)[1]
    assert re.fullmatch(r"http://testserver/static/img/share\.[0-9a-f]{12}\.png", image)


def test_open_graph_of_a_page_uses_its_title_and_summary(client, pages):
    html = client.get("/en/practical-information/").content.decode()
    assert '<meta property="og:title" content="Practical information">' in html
    assert '<meta property="og:type" content="article">' in html


def test_share_image_is_1200_by_630():
    from django.contrib.staticfiles import finders
    from PIL import Image

    with Image.open(finders.find("img/share.png")) as image:
        assert image.size == (1200, 630)


@pytest.mark.parametrize("language", LANGUAGES)
def test_homepage_describes_the_event_in_json_ld(client, conference, language):
    (event,) = json_ld(client.get(f"/{language}/").content.decode())
    assert event["@context"] == "https://schema.org"
    assert event["@type"] == "Event"
    assert event["startDate"] == "2024-03-20"
    assert event["endDate"] == "2024-03-22"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["inLanguage"] == language
    assert event["url"] == f"http://testserver/{language}/"
    assert event["location"]["@type"] == "Place"
    assert event["location"]["address"]["streetAddress"] == "Rue de la Loi 1, 1000 Brussels"
    assert event["organizer"] == {
        "@type": "Organization",
        "name": "Efus",
        "url": "https://efus.eu/",
    }
    assert event["image"][0].startswith("http://testserver/static/img/share.")
    assert event["name"] and event["description"]


def test_json_ld_cannot_be_broken_out_of(client, db):
    ConferenceFactory(tagline_en="</script><script>alert(1)</script> & more")
    html = client.get("/en/").content.decode()
    assert "<script>alert" not in html
    (event,) = json_ld(html)
    assert event["description"] == "</script><script>alert(1)</script> & more"


def test_event_lists_performers_given_to_the_tag(rf, conference):
    from django.template import Context, Template

    from efus_conf.conference.models import Conference
    from speakers.models import Speaker

    speaker = Speaker(name="Ada Example", slug="ada-example", role="Fictional mayor")
    request = rf.get("/en/")
    html = Template("{% load seo %}{% event_jsonld conference performers=speakers %}").render(
        Context(
            {"request": request, "conference": Conference.objects.current(), "speakers": [speaker]}
        )
    )
    (event,) = json_ld(html)
    assert event["performer"] == [
        {
            "@type": "Person",
            "name": "Ada Example",
            "url": "http://testserver/en/speakers/ada-example/",
            "jobTitle": "Fictional mayor",
        }
    ]


def test_other_pages_have_no_event_json_ld(client, pages):
    assert json_ld(client.get("/en/about-efus/").content.decode()) == []


def test_sitemap_lists_every_speaker_and_session_in_every_language_with_alternates(sitemap):
    from speakers.models import Speaker

    entries = sitemap_entries(sitemap)
    paths = [speaker.get_absolute_url() for speaker in Speaker.objects.published()] + [
        session.get_absolute_url()
        for session in Session.objects.published()
        if not session.is_break
    ]
    assert len(paths) == 3
    for path in paths:
        bare = path.removeprefix("/en")
        for lang in LANGUAGES:
            location = f"http://testserver/{lang}{bare}"
            assert entries[location] == {
                **{code: f"http://testserver/{code}{bare}" for code in LANGUAGES},
                "x-default": f"http://testserver{bare}",
            }, location


def test_sitemap_lists_the_programme_speakers_and_newsletter_pages(sitemap):
    locations = set(sitemap_entries(sitemap))
    for path in ["/programme/", "/speakers/", "/newsletter/"]:
        assert {f"http://testserver/{lang}{path}" for lang in LANGUAGES} <= locations


def test_sitemap_leaves_out_breaks_and_unpublished_speakers(client, site):
    from speakers.models import Speaker

    Speaker.objects.filter(slug="amelie-roussanne").update(published=False)
    content = client.get("/sitemap.xml").content
    assert b"/programme/break-1-0830/" not in content
    assert b"/speakers/amelie-roussanne/" not in content


@pytest.mark.parametrize("path", ["/about-efus/", "/programme/", "/speakers/amelie-roussanne/"])
def test_x_default_is_the_same_address_in_the_html_and_in_the_sitemap(sitemap, client, path):
    """One convention: x-default is the address without a language, which redirects."""
    html = client.get(f"/fr{path}").content.decode()
    (in_html,) = re.findall(r'<link rel="alternate" hreflang="x-default" href="([^"]+)">', html)
    assert in_html == f"http://testserver{path}"
    assert sitemap_entries(sitemap)[f"http://testserver/fr{path}"]["x-default"] == in_html
    assert client.get(path, headers={"accept-language": "fr"}).url == f"/fr{path}"


def test_homepage_event_lists_the_featured_speakers_as_performers(client, conference):
    SpeakerFactory(name="Ada Second", featured=True, featured_order=2)
    SpeakerFactory(name="Bruno First", featured=True, featured_order=1)
    SpeakerFactory(name="Carl Unfeatured")
    SpeakerFactory(name="Dora Draft", featured=True, published=False)
    (event,) = json_ld(client.get("/en/").content.decode())
    assert [performer["name"] for performer in event["performer"]] == ["Bruno First", "Ada Second"]
    assert all(performer["@type"] == "Person" for performer in event["performer"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_session_page_describes_the_session_as_an_event(client, conference, speaker, language):
    session = SessionFactory(
        slug="local-strategies-drug-violence",
        start=brussels(20, 15, 45),
        end=brussels(20, 17, 15),
        room=RoomFactory(name_en="Room Europa", name_fr="Salle Europa", name_nl="Zaal Europa"),
    )
    SessionSpeakerFactory(session=session, speaker=speaker, order=0)
    SessionSpeakerFactory(
        session=session, speaker=SpeakerFactory(name="Oskar Lindqvist-Ruda"), order=1
    )
    html = client.get(f"/{language}/programme/local-strategies-drug-violence/").content.decode()
    (event,) = json_ld(html)
    assert event["@context"] == "https://schema.org"
    assert event["@type"] == "Event"
    assert event["startDate"] == "2024-03-20T15:45:00+01:00"
    assert event["endDate"] == "2024-03-20T17:15:00+01:00"
    assert event["url"] == f"http://testserver/{language}/programme/local-strategies-drug-violence/"
    assert event["inLanguage"] == "en"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    location = event["location"]
    assert location["@type"] == "Place"
    assert (
        location["name"]
        == {"en": "Room Europa", "fr": "Salle Europa", "nl": "Zaal Europa"}[language]
    )
    assert location["address"]["streetAddress"] == "Rue de la Loi 1, 1000 Brussels"
    assert location["containedInPlace"]["@type"] == "Place"
    assert event["organizer"]["name"] == "Efus"
    assert event["superEvent"]["url"] == f"http://testserver/{language}/"
    assert [(person["@type"], person["name"]) for person in event["performer"]] == [
        ("Person", "Amélie Roussanne"),
        ("Person", "Oskar Lindqvist-Ruda"),
    ]
    assert '<meta property="og:type" content="article">' in html


def test_session_times_carry_the_summer_offset_after_the_clocks_change(client, conference):
    import datetime

    SessionFactory(
        slug="closing-plenary",
        start=datetime.datetime(2024, 4, 2, 10, tzinfo=datetime.UTC),
        end=datetime.datetime(2024, 4, 2, 11, tzinfo=datetime.UTC),
    )
    (event,) = json_ld(client.get("/en/programme/closing-plenary/").content.decode())
    assert event["startDate"] == "2024-04-02T12:00:00+02:00"


@pytest.fixture
def photographed(speaker):
    """The speaker, with a photo large enough for every rendition."""
    photos.set_photo(speaker, images.jpeg((1000, 800)))
    return speaker


@pytest.mark.parametrize("language", LANGUAGES)
def test_speaker_page_describes_the_speaker_as_a_person(client, conference, photographed, language):
    from speakers.models import Speaker

    Speaker.objects.filter(slug="amelie-roussanne").update(
        website="https://example.org/amelie", mastodon="https://social.example/@amelie"
    )
    speaker = Speaker.objects.get(slug="amelie-roussanne")
    html = client.get(f"/{language}/speakers/amelie-roussanne/").content.decode()
    (person,) = json_ld(html)
    assert person["@context"] == "https://schema.org"
    assert person["@type"] == "Person"
    assert person["name"] == "Amélie Roussanne"
    assert person["url"] == f"http://testserver/{language}/speakers/amelie-roussanne/"
    assert person["jobTitle"] == getattr(speaker, f"role_{language}")
    assert person["worksFor"] == {
        "@type": "Organization",
        "name": getattr(speaker, f"organisation_{language}") or speaker.organisation_en,
    }
    assert re.fullmatch(r"http://testserver/media/speakers/renditions/.+-640\.jpg", person["image"])
    assert person["sameAs"] == ["https://example.org/amelie", "https://social.example/@amelie"]


def test_speaker_page_shares_the_speakers_640_px_photo_as_a_profile(
    client, conference, photographed
):
    html = client.get("/fr/speakers/amelie-roussanne/").content.decode()
    assert '<meta property="og:type" content="profile">' in html
    assert '<meta property="og:title" content="Amélie Roussanne">' in html
    assert '<meta property="og:image:alt" content="Amélie Roussanne">' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html)[1]
    assert re.fullmatch(r"http://testserver/media/speakers/renditions/.+-640\.jpg", image)
    assert client.get(image.removeprefix("http://testserver"))["Content-Type"] == "image/jpeg"


def test_speaker_without_a_photo_shares_the_conference_image(client, conference, photographed):
    from speakers.models import Speaker

    Speaker.objects.filter(slug="amelie-roussanne").update(photo="", photo_renditions={})
    html = client.get("/en/speakers/amelie-roussanne/").content.decode()
    (person,) = json_ld(html)
    assert "image" not in person
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html)[1]
    assert image.startswith("http://testserver/static/img/share.")


@pytest.mark.parametrize(
    ("language", "locale"), [("en", "en_GB"), ("fr", "fr_FR"), ("nl", "nl_BE")]
)
def test_open_graph_locale_names_each_language_with_its_territory(client, db, language, locale):
    html = client.get(f"/{language}/").content.decode()
    assert f'<meta property="og:locale" content="{locale}">' in html
