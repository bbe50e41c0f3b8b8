import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from speakers import countries


class SpeakerFilter(django_filters.FilterSet):
    """The directory's filters, read from the query string; a bad value is simply ignored
    (django-filter applies the fields that passed validation)."""

    q = django_filters.CharFilter(
        label=_("Name, role or organisation"),
        max_length=100,
        widget=forms.SearchInput,
        method=lambda speakers, _name, text: speakers.search(text),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        empty_label=_("All countries"),
        method=lambda speakers, _name, code: speakers.from_country(code),
    )

    def __init__(self, data, *, queryset):
        super().__init__(data, queryset=queryset)
        # Only the countries someone comes from, by their name in the page's language.
        self.filters["country"].extra["choices"] = countries.sorted_choices(
            queryset.country_codes()
        )

    @property
    def is_filtered(self):
        """Whether any filter holds a valid value."""
        self.form.is_valid()
        return any(self.form.cleaned_data.values())
