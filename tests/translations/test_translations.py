"""Every UI string in templates and Python code is translated into every language but the
default one."""

import io
from pathlib import Path

import polib
import pytest
from babel.messages.extract import extract_python
from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ["efus_conf", "speakers", "programme", "newsletter", "templates"]
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
}
TRANSLATED_LANGUAGES = [code for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def extract(path):
    code = path.read_text(encoding="utf-8")
    if path.suffix in {".html", ".txt"}:
        code = templatize(code, origin=str(path))
    for _line, _function, message, _comments in extract_python(
        io.BytesIO(code.encode()), KEYWORDS, [], {}
    ):
        yield message[0] if isinstance(message, tuple) else message


def source_messages():
    messages = set()
    for directory in SOURCE_DIRS:
        for path in (ROOT / directory).rglob("*"):
            if path.suffix in {".py", ".html", ".txt"} and "migrations" not in path.parts:
                messages.update(message for message in extract(path) if message)
    return messages


@pytest.fixture(scope="module")
def messages():
    return source_messages()


def test_extraction_finds_the_ui_strings(messages):
    assert "Go to main content" in messages
    assert "Useful contacts" in messages


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_ui_string_is_translated(messages, language):
    catalogue = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    translated = {
        entry.msgid
        for entry in catalogue
        if not entry.obsolete
        and "fuzzy" not in entry.flags
        and (entry.msgstr or all(entry.msgstr_plural.values()))
    }
    missing = sorted(messages - translated)
    assert not missing, f"untranslated in {language}: {missing}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_has_no_fuzzy_or_empty_entries(language):
    catalogue = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    # A fuzzy header (as makemessages writes a new catalogue) makes Babel skip the whole file.
    assert not catalogue.metadata_is_fuzzy
    assert not catalogue.fuzzy_entries()
    assert not [entry.msgid for entry in catalogue.untranslated_entries()]
