"""Bad input, generated: every public form field, query parameter, token, slug and language
prefix gets arbitrary text, and the site never answers 5xx nor stores garbage.

Examples are derandomised so the suite is repeatable; for a longer, random run use
`HYPOTHESIS_PROFILE=fuzz-long .venv/bin/pytest tests/test_fuzz.py`.
"""

import os
import re
from urllib.parse import quote

import pytest
from django.core.validators import slug_re, validate_email
from django.utils import timezone, translation
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from efus_conf.demo.factories import SubscriberFactory
from newsletter.models import RateLimitCounter, Subscriber, normalise_email
from programme.models import Language, Session, Track
from speakers.models import Speaker

settings.register_profile(
    "fuzz",
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    # The site's objects are built once per test; examples share them and leave them unchanged.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz-long", parent=settings.get_profile("fuzz"), max_examples=500, derandomize=False
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "fuzz"))

LANGUAGES = ["en", "fr", "nl"]
NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\u200f\u202e",  # right-to-left marks
    "\ufeff",
    "🎉",
    "👩\u200d👩\u200d👧",
    "𝕏",
    "İ",
    "ſ",
    "K",  # Kelvin sign: upper case of k for regular expressions
    "١٢",
    "²",
    "' OR 1=1 --",
    '"><script>alert(1)</script>',
    "{{ request }}{% debug %}",
    "%00",
    "%ff",
    "../../etc/passwd",
    "//evil.example/",
    "\\\\evil",
    "\r\nSet-Cookie: x=y",
    "2024-03-20",
    "2024-02-30",
    "9999-99-99",
    "plenary",
    "en",
    "x" * 5000,
    "é" * 400,
]
garbage = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.text(min_size=250, max_size=600),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.builds(lambda a, b: a + b, st.sampled_from(NASTY), st.text(max_size=10)),
    st.builds(lambda a, b: f"/{a}\x00{b}", st.text(max_size=10), st.text(max_size=10)),
)
languages = st.sampled_from(LANGUAGES)


valid_emails = st.one_of(
    st.emails(),
    st.emails().map(str.upper),
    st.emails().map(lambda address: f"  {address}\t"),
)
odd_emails = st.one_of(
    st.builds(
        "{}@{}.{}".format,
        st.text(min_size=1, max_size=30),
        st.text(min_size=1, max_size=70),
        st.sampled_from(["org", "be", "xn--p1ai", "рф", "🎉", ""]),
    ),
    st.builds(
        "{}@{}.example".format,
        st.sampled_from(["a", "ſ", "K", "İ", '"a b"', "a..b", ".a"]),
        st.text(alphabet="üé한字-", min_size=1, max_size=62),
    ),
    st.builds(lambda n: "a@" + ".".join(["ü" * 60] * n) + ".de", st.integers(1, 5)),
    st.builds(lambda n: "a@" + "b" * n + ".org", st.integers(240, 260)),
    garbage,
)


def fuzz(*args, scale=1, **kwargs):
    """@given with the active profile; `scale` multiplies its number of examples."""

    def decorate(test):
        return settings(PROFILE, max_examples=max(1, int(PROFILE.max_examples * scale)))(
            given(*args, **kwargs)(test)
        )

    return decorate


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    """The rate limit would answer 429 before the form is even read: off, except where tested."""
    settings.NEWSLETTER_RATE_LIMIT = None


@pytest.fixture
def site(small_programme, about_efus, migrated_data):
    """Something behind every public page: sessions, speakers, tracks, an organisers' page,
    and the privacy notice (made by a data migration, which a browser test's flush empties)."""


@pytest.fixture
def subscribers(db):
    """A subscriber in every status, for tokens to miss."""
    for status in Subscriber.Status:
        left = status == Subscriber.Status.UNSUBSCRIBED
        SubscriberFactory(status=status, unsubscribed_at=timezone.now() if left else None)


def forget_rate_limits():
    """Hypothesis runs every example in one test's transaction: each starts with no count."""
    RateLimitCounter.objects.all().delete()


def html_lang(response):
    match = re.search(r'<html[^>]* lang="([^"]+)"', response.content.decode())
    return match and match[1]


def assert_not_found_in(response, language):
    assert response.status_code == 404
    assert html_lang(response) == language
    with translation.override(language):
        assert translation.gettext("Page not found") in response.content.decode()


def assert_no_garbage_stored():
    for subscriber in Subscriber.objects.all():
        validate_email(subscriber.email)
        assert subscriber.email == normalise_email(subscriber.email)
        assert subscriber.email.isascii() and len(subscriber.email) <= 254
        assert subscriber.language in LANGUAGES and subscriber.consent_language in LANGUAGES
        assert len(subscriber.name) <= 200 and len(subscriber.organisation) <= 200
        assert "\x00" not in subscriber.name + subscriber.organisation
        page = subscriber.consent_page
        assert page == "" or (page.startswith("/") and not page.startswith("//"))
        assert len(page) <= 300 and "\x00" not in page


# ---- query parameters -------------------------------------------------------------------


# Query parameters reach SQL: PostgreSQL refuses what SQLite takes (a NUL byte, say).
@pytest.mark.database
@fuzz(language=languages, q=garbage, country=garbage)
def test_speaker_filters_take_anything(client, site, language, q, country):
    response = client.get(f"/{language}/speakers/", {"q": q, "country": country})
    assert response.status_code == 200


@pytest.mark.database
@fuzz(
    language=languages,
    day=garbage | st.sampled_from(["2024-03-20", "2024-03-21"]),
    track=garbage,
    format=garbage | st.sampled_from([choice for choice, _label in Session.Format.choices]),
    spoken=garbage | st.sampled_from(Language.values),
)
def test_programme_filters_take_anything(client, site, language, day, track, format, spoken):
    params = {"day": day, "track": track, "format": format, "language": spoken}
    response = client.get(f"/{language}/programme/", params)
    assert response.status_code == 200


@fuzz(
    language=languages,
    q=garbage | st.sampled_from(["securite", "MÜLLER", "œuvre", "ß", "a" * 100, "a" * 101]),
    format=garbage | st.sampled_from([choice for choice, _label in Session.Format.choices]),
)
def test_programme_search_takes_anything(client, site, language, q, format):
    response = client.get(f"/{language}/programme/", {"q": q, "format": format})
    assert response.status_code == 200
    assert b'id="results" role="status"' in response.content


@pytest.mark.database
@fuzz(language=languages, slugs=st.lists(garbage, max_size=8))
def test_agenda_export_takes_any_list_of_sessions(client, site, language, slugs):
    response = client.get(f"/{language}/programme/agenda.ics", {"s": slugs})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")


PAGES = [
    "",
    "speakers/",
    "programme/",
    "programme/now/",
    "programme/agenda/",
    "programme/changes/",
    "programme/changes/feed/",
    "getting-there/",
    "programme/schedule.ics",
    "programme/schedule.xml",
    "programme/schedule.json",
    "newsletter/",
    "newsletter/check-your-inbox/",
    "about-efus/",
    "privacy/",
    "speakers/{speaker}/",
    "programme/{session}/",
    "programme/{session}/calendar.ics",
]


@pytest.mark.database
@fuzz(
    language=languages,
    page=st.sampled_from(PAGES),
    params=st.lists(st.tuples(garbage, garbage), max_size=5),
)
def test_any_query_string_on_any_public_page(client, site, language, page, params):
    """Unknown or odd parameters (`q`, `page`, tracking tags…) are ignored everywhere."""
    query = "&".join(f"{quote(key)}={quote(value)}" for key, value in params)
    page = page.format(
        speaker=Speaker.objects.published().order_by("pk").first().slug,
        session=Session.objects.published().order_by("pk").first().slug,
    )
    response = client.get(f"/{language}/{page}?{query}")
    assert response.status_code == 200


# ---- the newsletter form ----------------------------------------------------------------


FORM_FIELDS = ["email", "name", "organisation", "language", "consent", "source", "website"]


valid_submissions = st.fixed_dictionaries(
    {
        "email": valid_emails,
        "name": st.sampled_from(["", "Ana Silva", "Zoë d'Ávila"]),
        "organisation": st.sampled_from(["", "Ville de Liège"]),
        "language": languages,
        "consent": st.just("on"),
        "source": st.sampled_from(["", "/fr/", "/en/speakers/?q=a"]),
        "website": st.just(""),
    }
)


def submissions():
    """A valid submission with some of its fields replaced by anything at all, or left out.

    Replacing a few fields at a time (rather than all) reaches the branches where the form
    is nearly valid, which is where bad input slips through.
    """
    replaced = st.dictionaries(
        st.sampled_from(FORM_FIELDS),
        garbage | st.sampled_from(["false", "0", "http://spam.example"]),
        max_size=2,
    ).flatmap(
        lambda changes: st.builds(
            lambda email: {**changes, "email": email} if "email" in changes else changes,
            odd_emails,
        )
    )
    missing = st.sets(st.sampled_from(FORM_FIELDS), max_size=2)
    return st.builds(
        lambda data, changes, absent: {
            key: value for key, value in {**data, **changes}.items() if key not in absent
        },
        valid_submissions,
        replaced,
        missing,
    )


def assert_subscription_handled(client, language, data):
    before = Subscriber.objects.count()
    response = client.post(f"/{language}/newsletter/", data)
    assert response.status_code in {200, 302, 400, 429}
    after = Subscriber.objects.count()
    if response.status_code == 302:
        assert after <= before + 1
        if data.get("website"):
            assert after == before
        elif after == before + 1:
            assert Subscriber.objects.filter(email=normalise_email(data["email"])).exists()
    else:
        assert after == before
        html = response.content.decode()
        assert 'class="errorlist' in html, "an invalid form must say what is wrong"
        assert html_lang(response) == language
    assert_no_garbage_stored()


# What the form accepts is stored: PostgreSQL enforces column lengths, SQLite does not.
@pytest.mark.database
@pytest.mark.parametrize("field", FORM_FIELDS)
@fuzz(language=languages, data=valid_submissions, value=odd_emails, scale=0.5)
def test_every_subscribe_field_takes_anything(client, db, field, language, data, value):
    """One field at a time gets anything, the others stay valid: each field is reached."""
    forget_rate_limits()
    assert_subscription_handled(client, language, {**data, field: value})


@pytest.mark.database
@fuzz(language=languages, data=submissions(), scale=2)
def test_subscribe_form_takes_anything_and_stores_only_valid_subscribers(
    client, db, language, data
):
    forget_rate_limits()
    assert_subscription_handled(client, language, data)


@pytest.mark.database
@fuzz(language=languages, email=st.emails())
def test_rate_limited_subscriptions_answer_429_with_a_message(
    client, db, settings, language, email
):
    settings.NEWSLETTER_RATE_LIMIT = (1, 3600)
    forget_rate_limits()
    data = {"email": email, "language": language, "consent": "on", "source": f"/{language}/"}
    assert client.post(f"/{language}/newsletter/", data).status_code == 302
    response = client.post(f"/{language}/newsletter/", {**data, "email": "x" + email})
    assert response.status_code == 429
    assert 'role="alert"' in response.content.decode()
    assert_no_garbage_stored()


# ---- tokens, slugs and language prefixes in the address ---------------------------------


@fuzz(
    language=languages,
    action=st.sampled_from(["confirm", "unsubscribe"]),
    token=garbage.filter(bool),
    method=st.sampled_from(["get", "post"]),
    one_click=st.just("One-Click") | garbage,
)
def test_tokens_in_the_address_take_anything(
    client, site, subscribers, language, action, token, method, one_click
):
    before = list(Subscriber.objects.values_list("pk", "status").order_by("pk"))
    url = f"/{language}/newsletter/{action}/{quote(token, safe='')}/"
    response = getattr(client, method)(url, {"List-Unsubscribe": one_click})
    # 404 when the token holds a slash, which ends the path segment.
    assert response.status_code in {400, 404}
    assert list(Subscriber.objects.values_list("pk", "status").order_by("pk")) == before


@fuzz(
    language=languages,
    where=st.sampled_from(
        ["speakers/{}/", "programme/{}/", "programme/{}/calendar.ics", "{}/", "newsletter/{}/"]
    ),
    slug=garbage.filter(bool),
)
def test_garbage_slugs_are_404s_in_the_language_of_the_address(client, site, language, where, slug):
    existing = {"now", "agenda", "check-your-inbox", "speakers", "programme", "newsletter"}
    assume(slug not in existing and slug.strip() not in {"", ".", ".."})
    if slug_re.match(slug):
        assume(not Speaker.objects.filter(slug=slug).exists())
        assume(not Session.objects.filter(slug=slug).exists())
        assume(not Track.objects.filter(slug=slug).exists())
    response = client.get(f"/{language}/" + where.format(quote(slug, safe="")))
    assert_not_found_in(response, language)


PREFIXES = ["xx", "fr-", "%ff", "FR", "fr_FR", "en-gb", "de", "nl-be", "%00", "zh-hant", "-", "_"]


@fuzz(
    prefix=st.sampled_from(PREFIXES) | garbage.map(lambda text: quote(text, safe="")),
    rest=st.sampled_from(["", "speakers/", "programme/", "newsletter/"]),
    visitor=languages,
)
def test_malformed_language_prefixes_are_404s_in_the_visitors_language(
    client, conference, prefix, rest, visitor
):
    """A path without a known prefix may be redirected to the visitor's language (it could be
    an organisers' page); wherever it ends, it is a 404 in the visitor's language."""
    assume(prefix.lower() not in {"", *LANGUAGES} and not prefix.startswith("%2F"))
    assume(prefix not in {"admin", "healthz", "favicon.ico", "static", "media", ".", ".."})
    response = client.get(f"/{prefix}/{rest}", follow=True, headers={"accept-language": visitor})
    # "en-gb", "nl-be": a regional variant of a site language is that language.
    variant = re.fullmatch(r"(en|fr|nl)-\w+", prefix)
    assert_not_found_in(response, variant[1] if variant else visitor)


@fuzz(
    accept_language=garbage | st.sampled_from(["fr-BE,fr;q=0.9", "nl;q=abc", "*", "de, xx"]),
    cookie=garbage,
)
def test_any_accept_language_and_language_cookie_lead_to_a_site_language(
    client, db, accept_language, cookie
):
    client.cookies["django_language"] = quote(cookie)
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] in {"/en/", "/fr/", "/nl/"}
