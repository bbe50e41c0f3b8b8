from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from programme.models import Language, Session, Track


class ProgrammeFilterForm(forms.Form):
    """The programme's filters, read from the query string.

    Every field is optional and a value the form does not recognise is simply ignored,
    so a hand-edited or outdated link still shows the programme.
    """

    q = forms.CharField(
        label=_("Search sessions"),
        help_text=_("A word from a title or a theme, a speaker, an organisation or a room."),
        max_length=100,
        required=False,
        widget=forms.SearchInput,
    )
    day = forms.TypedChoiceField(label=_("Day"), required=False, empty_value=None)
    track = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Track.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
    )
    format = forms.ChoiceField(label=_("Format"), required=False)
    language = forms.ChoiceField(label=_("Spoken language"), required=False)

    def __init__(self, *args, days=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.days = list(days)
        self.fields["day"].choices = [("", _("All days"))] + [
            (day.isoformat(), date_format(day, "l j F")) for day in self.days
        ]
        self.fields["day"].coerce = lambda value: next(
            day for day in self.days if day.isoformat() == value
        )
        self.fields["format"].choices = [("", _("All formats")), *Session.Format.choices]
        self.fields["language"].choices = [("", _("All languages")), *Language.choices]

    @classmethod
    def from_query(cls, query, *, days):
        """Bound only when the query names a filter: a tracking parameter (fbclid, utm_…)
        leaves the programme unfiltered, with nothing to clear."""
        return cls(query if query.keys() & cls.base_fields.keys() else None, days=days)

    @property
    def filters(self):
        """The valid filters only: cleaned values of the fields that passed validation."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    @property
    def filter_fields(self):
        """The fields folded under "Filters", everything but the search box."""
        return [field for field in self if field.name != "q"]

    @property
    def active_filter_count(self):
        return len(self.filters.keys() - {"q"})

    @property
    def has_ignored_values(self):
        return self.is_bound and bool(self.errors)

    def sessions(self, published):
        """The sessions to show, with their people: the filters narrow the query, the
        search text its result (see SessionQuerySet.search)."""
        sessions = self.apply(published)
        if text := self.filters.get("q"):
            return sessions.search(text)
        return sessions.with_people()

    def apply(self, sessions):
        filters = self.filters
        if "day" in filters:
            sessions = sessions.for_day(filters["day"])
        if "track" in filters:
            sessions = sessions.in_track(filters["track"])
        if "format" in filters:
            sessions = sessions.of_format(filters["format"])
        if "language" in filters:
            sessions = sessions.in_language(filters["language"])
        return sessions
