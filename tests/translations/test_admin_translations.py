"""The admin speaks the organiser's language, including Django's own strings that Django's
Dutch and French catalogues lack (translated in the project's locale/)."""

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import django
import polib
import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

DJANGO = Path(django.__file__).parent
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
FORMS = ["/admin/programme/session/add/", "/admin/speakers/speaker/add/"]


def django_catalogues(domain):
    return sorted(DJANGO.glob(f"**/locale/en/LC_MESSAGES/{domain}.po"))


def lacking(language, domain):
    """Django's English strings in `domain` that its own `language` catalogue leaves out."""
    missing = set()
    for english in django_catalogues(domain):
        translated_path = Path(str(english).replace("/en/", f"/{language}/"))
        if not translated_path.exists():
            continue
        translated = {
            entry.msgid for entry in polib.pofile(str(translated_path)) if entry.translated()
        }
        missing |= {entry.msgid for entry in polib.pofile(str(english))} - translated
    # Punctuation alone (", ") reads the same in every language.
    return {msgid for msgid in missing if re.search(r"[A-Za-z]{2}", PLACEHOLDER.sub("", msgid))}


def as_pattern(msgid):
    """A regular expression matching the string as rendered, placeholders filled in."""
    parts = PLACEHOLDER.split(msgid)
    return re.compile(".+?".join(re.escape(part) for part in parts))


class VisibleText(HTMLParser):
    """Text and the attributes people read (placeholders, titles, labels), scripts left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self.skip += 1
        for name, value in attrs:
            if name in {"placeholder", "title", "aria-label", "alt"} and value:
                self.chunks.append(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.chunks.append(data.strip())


def visible_text(page):
    parser = VisibleText()
    parser.feed(page)
    return "\n".join(parser.chunks)


@pytest.fixture
def editor(client, django_user_model, migrated_data):
    user = django_user_model.objects.create_user("editor", "e@example.org", None, is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(user)
    return user


def test_django_lacks_dutch_strings_the_admin_shows():
    assert "- Select an option -" in lacking("nl", "django")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("url", FORMS)
def test_add_forms_show_no_english_from_django_to_a_content_editor(client, editor, url, language):
    response = client.get(url, headers={"accept-language": language})
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    english = [msgid for msgid in lacking(language, "django") if as_pattern(msgid).search(text)]
    assert english == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admin_scripts_catalogue_has_every_string_django_lacks(client, editor, language):
    catalogue = html.unescape(
        client.get("/admin/jsi18n/", headers={"accept-language": language}).content.decode()
    )
    untranslated = [
        msgid for msgid in lacking(language, "djangojs") if json.dumps(msgid) not in catalogue
    ]
    assert untranslated == []


@pytest.mark.parametrize(
    ("language", "translated"),
    [("fr", ["Tentatives de connexion", "Adresse IP"]), ("nl", ["Aanmeldpogingen", "IP-adres"])],
)
def test_the_sign_in_attempts_page_is_translated(client, django_user_model, language, translated):
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org", None))
    AccessAttempt.objects.create(
        username="organiser",
        ip_address="192.0.2.1",
        user_agent="",
        get_data="",
        post_data="",
        http_accept="",
        path_info="/admin/login/",
        failures_since_start=5,
        attempt_time=timezone.now(),
    )
    response = client.get("/admin/axes/accessattempt/", headers={"accept-language": language})
    text = visible_text(response.content.decode())
    assert all(words in text for words in translated)
    assert "Access attempts" not in text
    assert "IP Address" not in text
