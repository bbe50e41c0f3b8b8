"""Speakers' countries: ISO codes in the database, names from django-countries."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from efus_conf.demo.factories import SpeakerFactory
from speakers.countries import sorted_choices
from speakers.models import Speaker


def stored_country(speaker):
    with connection.cursor() as cursor:
        cursor.execute("SELECT country FROM speakers_speaker WHERE id = %s", [speaker.pk])
        return cursor.fetchone()[0]


@pytest.mark.database
@pytest.mark.django_db(transaction=True)
def test_the_country_field_migration_keeps_the_iso_codes():
    speaker = SpeakerFactory(country="NO")
    call_command("migrate", "speakers", "0003", verbosity=0)
    assert stored_country(speaker) == "NO"
    call_command("migrate", verbosity=0)
    assert stored_country(speaker) == "NO"
    with translation.override("fr"):
        assert Speaker.objects.get().country.name == "Norvège"


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("en", ["Côte d’Ivoire", "Czechia", "Iceland", "Ireland", "United States"]),
        ("fr", ["Côte d’Ivoire", "États-Unis", "Irlande", "Islande", "Tchéquie"]),
        ("nl", ["Ierland", "IJsland", "Ivoorkust", "Tsjechië", "Verenigde Staten"]),
    ],
)
def test_names_are_the_short_ones_sorted_without_case_or_accents(language, names):
    with translation.override(language):
        pairs = sorted_choices(["US", "CZ", "CI", "IS", "IE"])
    assert [name for _code, name in pairs] == names


def test_the_place_names_the_country_in_the_page_language():
    speaker = Speaker(city="Oslo", country="NO")
    with translation.override("nl"):
        assert speaker.place == "Oslo, Noorwegen"
    assert Speaker(country="").place == ""
