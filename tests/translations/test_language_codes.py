"""The site's languages are named in one place: code and templates read settings.LANGUAGES.

Adding a language is then the steps README gives ("Adding a language"). Besides the settings,
migrations and locale/, only content may be written per language: the demo conference and the
privacy notice (a new language shows their default-language text until it is translated).
"""

import ast
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
CODES = "|".join(code for code, name in settings.LANGUAGES)
# "fr" or 'nl' as a value, a field such as title_en, a locale such as fr_FR.
HARD_CODED = re.compile(rf"""(["'])({CODES})\1|[A-Za-z0-9]_({CODES})\b|\b({CODES})_[A-Z]{{2}}\b""")

CONTENT = {"privacy_notice.py"}
# The languages spoken or interpreted into at sessions (Spanish among them) are the
# conference's, not the site's: a choice list of the programme.
DOMAIN_CLASSES = {Path("programme/models/fields.py"): "Language"}


def checked_files():
    for package in ("efus_conf", "speakers", "programme", "newsletter"):
        for path in (ROOT / package).rglob("*.py"):
            relative = path.relative_to(ROOT)
            if "migrations" in relative.parts or path.name in CONTENT:
                continue
            if relative.parts[:2] == ("efus_conf", "demo"):
                continue
            if relative != Path("efus_conf/settings.py"):
                yield relative
    for folder in ("templates", "static/js"):
        yield from (path.relative_to(ROOT) for path in (ROOT / folder).rglob("*.*"))


def exempt_lines(relative, text):
    """Docstrings (they may name `title_en` as an example) and the lines of a domain choice
    list that names languages for another purpose."""
    if relative.suffix != ".py":
        return set()
    exempt = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            docstring = node.body[0] if node.body else None
            if (
                isinstance(docstring, ast.Expr)
                and isinstance(docstring.value, ast.Constant)
                and isinstance(docstring.value.value, str)
            ):
                exempt.update(range(docstring.lineno, docstring.end_lineno + 1))
        if isinstance(node, ast.ClassDef) and node.name == DOMAIN_CLASSES.get(relative):
            exempt.update(range(node.lineno, node.end_lineno + 1))
    return exempt


def hard_coded_languages(relative, text):
    exempt = exempt_lines(relative, text)
    return [
        f"{relative}:{number}: {line.strip()}"
        for number, line in enumerate(text.splitlines(), 1)
        if number not in exempt and HARD_CODED.search(line)
    ]


def test_no_language_code_or_field_suffix_is_written_out_in_code_or_templates():
    found = [
        hit
        for relative in checked_files()
        for hit in hard_coded_languages(relative, (ROOT / relative).read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_guard_finds_a_field_list_a_code_and_a_locale():
    written_out = (
        'search_fields = ["title_en", "title_nl"]\n'
        "{% if LANGUAGE_CODE == 'fr' %}fr_FR{% endif %}\n"
        "for field in get_translation_fields('title'):\n"
    )
    assert len(hard_coded_languages(Path("templates/x.html"), written_out)) == 2


def test_the_guard_reads_python_code_but_not_docstrings():
    module = '"""Columns such as title_en."""\n\nFIELDS = ["title_en", "title_fr"]\n'
    assert hard_coded_languages(Path("programme/x.py"), module) == [
        'programme/x.py:3: FIELDS = ["title_en", "title_fr"]'
    ]
