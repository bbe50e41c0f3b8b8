"""Every absolute link starts with SITE_URL, whatever Host (and port) a request claims."""

import re

import pytest

SITE = "https://conference.example.org"
FORGED = {"HTTP_HOST": "localhost:31337"}


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def absolute_links(text):
    return re.findall(r"https?://[^\s\"'<>\\]+", text)


def assert_only_site_links(text):
    """Links to this site start with SITE_URL; none names the forged host or port."""
    assert "31337" not in text
    links = absolute_links(text)
    assert not [link for link in links if "localhost" in link or "testserver" in link]
    assert any(link.startswith(SITE) for link in links), links


@pytest.mark.parametrize(
    "path",
    [
        "/fr/",
        "/nl/programme/",
        "/en/speakers/ada-lindqvist/",
        "/en/programme/schedule.ics",
        "/en/programme/schedule.json",
        "/en/programme/schedule.xml",
        "/sitemap.xml",
        "/robots.txt",
    ],
)
def test_links_ignore_a_forged_host(client, small_site, path):
    response = client.get(path, **FORGED)
    assert response.status_code == 200
    assert_only_site_links(response.content.decode())


def test_head_links_of_a_page_with_a_forged_host_use_the_site_address(client, small_site):
    html = client.get("/en/about-efus/", **FORGED).content.decode()
    assert f'<link rel="canonical" href="{SITE}/en/about-efus/">' in html
    assert f'<link rel="alternate" hreflang="fr" href="{SITE}/fr/about-efus/">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{SITE}/about-efus/">' in html
    assert f'<meta property="og:url" content="{SITE}/en/about-efus/">' in html
    assert re.search(rf'<meta property="og:image" content="{SITE}/static/img/share\.[^"]+">', html)


def test_session_json_ld_uses_the_site_address(client, small_site):
    html = client.get(small_site.session.get_absolute_url(), **FORGED).content.decode()
    assert_only_site_links(html)
