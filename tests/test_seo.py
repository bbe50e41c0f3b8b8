"""What search engines and link previews read: sitemap, robots.txt, canonical, OG, JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

LANGUAGES = ["en", "fr", "nl"]
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
PUBLIC_PATHS = ["/", "/about-efus/", "/practical-information/"]


@pytest.fixture
def sitemap(client, demo):
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


def test_sitemap_x_default_redirects_by_language(client, demo):
    response = client.get("/about-efus/", headers={"accept-language": "nl"})
    assert response.status_code == 302
    assert response.url == "/nl/about-efus/"


def test_sitemap_leaves_out_unpublished_pages(client, demo):
    from efus_conf.models import Page

    Page.objects.filter(slug="about-efus").update(published=False)
    assert b"about-efus" not in client.get("/sitemap.xml").content


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.parametrize("language", LANGUAGES)
def test_canonical_url_is_absolute_with_the_language_and_without_the_query(client, demo, language):
    html = client.get(f"/{language}/about-efus/?utm_source=mail&fbclid=x").content.decode()
    assert f'<link rel="canonical" href="http://testserver/{language}/about-efus/">' in html
    assert f'<meta property="og:url" content="http://testserver/{language}/about-efus/">' in html


def test_not_found_page_has_no_canonical_and_is_not_indexed(client, demo):
    html = client.get("/en/no-such-page/").content.decode()
    assert 'rel="canonical"' not in html
    assert '<meta name="robots" content="noindex">' in html


def test_open_graph_defaults_to_the_conference_and_its_share_image(client, demo):
    html = client.get("/fr/").content.decode()
    assert (
        '<meta property="og:title" content="Conférence Sécurité, Démocratie &amp; Villes">' in html
    )
    assert '<meta property="og:type" content="website">' in html
    assert '<meta property="og:locale" content="fr_FR">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html)[1]
    assert re.fullmatch(r"http://testserver/static/img/share\.[0-9a-f]{12}\.png", image)


def test_open_graph_of_a_page_uses_its_title_and_summary(client, demo):
    html = client.get("/en/practical-information/").content.decode()
    assert '<meta property="og:title" content="Practical information">' in html
    assert '<meta property="og:type" content="article">' in html


def test_share_image_is_1200_by_630():
    from django.contrib.staticfiles import finders
    from PIL import Image

    with Image.open(finders.find("img/share.png")) as image:
        assert image.size == (1200, 630)


@pytest.mark.parametrize("language", LANGUAGES)
def test_homepage_describes_the_event_in_json_ld(client, demo, language):
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


def test_json_ld_cannot_be_broken_out_of(client, demo):
    from efus_conf.models import Conference

    Conference.objects.update(tagline_en="</script><script>alert(1)</script> & more")
    html = client.get("/en/").content.decode()
    assert "<script>alert" not in html
    (event,) = json_ld(html)
    assert event["description"] == "</script><script>alert(1)</script> & more"


def test_event_lists_performers_given_to_the_tag(rf, demo):
    from django.template import Context, Template

    from efus_conf.models import Conference
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


def test_other_pages_have_no_event_json_ld(client, demo):
    assert json_ld(client.get("/en/about-efus/").content.decode()) == []
