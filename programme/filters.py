import datetime

import django_filters
from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from programme import search
from programme.models import Language, Session, Track


class ProgrammeFilter(django_filters.FilterSet):
    """The programme's filters, read from the query string.

    Every filter is optional and a value that does not validate is simply ignored
    (django-filter applies the fields that passed), so a hand-edited or outdated link still
    shows the programme, with a notice.
    """

    q = django_filters.CharFilter(
        label=_("Search sessions"),
        help_text=_("A word from a title or a theme, a speaker, an organisation or a room."),
        max_length=100,
        widget=forms.SearchInput,
        # Matched in Python, on the sessions the other filters leave (see sessions()).
        method=lambda sessions, _name, _text: sessions,
    )
    day = django_filters.TypedChoiceFilter(
        label=_("Day"),
        coerce=datetime.date.fromisoformat,
        empty_value=None,
        method=lambda sessions, _name, day: sessions.for_day(day),
    )
    track = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Track.objects.all(),
        to_field_name="slug",
        empty_label=_("All themes"),
        method=lambda sessions, _name, track: sessions.in_track(track),
    )
    format = django_filters.ChoiceFilter(
        label=_("Format"),
        choices=Session.Format.choices,
        empty_label=_("All formats"),
        method=lambda sessions, _name, session_format: sessions.of_format(session_format),
    )
    language = django_filters.ChoiceFilter(
        label=_("Spoken language"),
        choices=Language.choices,
        empty_label=_("All languages"),
        method=lambda sessions, _name, language: sessions.in_language(language),
    )

    def __init__(self, data, *, queryset, days):
        super().__init__(data, queryset=queryset)
        self.filters["day"].extra["choices"] = [("", _("All days"))] + [
            (day.isoformat(), date_format(day, "l j F")) for day in days
        ]

    @classmethod
    def from_query(cls, query, *, queryset, days):
        """Bound only when the query names a filter: a tracking parameter (fbclid, utm_…)
        leaves the programme unfiltered, with nothing to clear."""
        bound = query.keys() & cls.base_filters.keys()
        return cls(query if bound else None, queryset=queryset, days=days)

    @property
    def active(self):
        """The valid filters only: cleaned values of the fields that passed validation."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return {name: value for name, value in self.form.cleaned_data.items() if value}

    @property
    def filter_fields(self):
        """The fields folded under "Filters", everything but the search box."""
        return [field for field in self.form if field.name != "q"]

    @property
    def active_filter_count(self):
        return len(self.active.keys() - {"q"})

    @property
    def has_ignored_values(self):
        return self.is_bound and bool(self.form.errors)

    def sessions(self):
        """The sessions to show as cards, with their people: the filters narrow the query,
        the search text its result (programme/search.py)."""
        sessions = self.qs.with_card_flags()
        if text := self.active.get("q"):
            return search.matching(sessions, text)
        return sessions.with_people()
