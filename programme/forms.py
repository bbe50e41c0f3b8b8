from django import forms
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from efus_conf.core.uploads import ImportFileField
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
        """The sessions to show as cards, with their people: the filters narrow the query,
        the search text its result (see SessionQuerySet.search)."""
        sessions = self.apply(published).with_card_flags()
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


class ScheduleImportForm(forms.Form):
    """The first step of a schedule import: the file and how to bring it in."""

    schedule = ImportFileField(
        label=_("Schedule file"),
        help_text=_("A frab or c3voc schedule.xml or schedule.json, e.g. exported by pretalx."),
    )
    language = forms.ChoiceField(
        label=_("Language of the texts in the file"), choices=settings.LANGUAGES
    )
    publish = forms.BooleanField(
        label=_("Publish the imported sessions and speakers"),
        required=False,
        help_text=_("Otherwise new sessions and speakers are drafts, to be checked first."),
    )


def clash_messages(session, speakers=None):
    """What else happens in the session's room or to its people at the same time."""
    room = [
        _("%(room)s is also booked for “%(other)s” (%(start)s–%(end)s).")
        % {
            "room": session.room,
            "other": other,
            "start": date_format(other.local_start, "D j F, H:i"),
            "end": date_format(other.local_end, "H:i"),
        }
        for other in session.room_clashes().select_related("room")
    ]
    people = [
        _("%(speaker)s is also in “%(other)s” at the same time (%(start)s–%(end)s).")
        % {
            "speaker": clash.speaker,
            "other": clash.session,
            "start": date_format(clash.session.local_start, "D j F, H:i"),
            "end": date_format(clash.session.local_end, "H:i"),
        }
        for clash in session.speaker_clashes(speakers)
    ]
    return room + people


class SessionAdminForm(forms.ModelForm):
    """Clashes (room, people) are shown before saving, and saved only once confirmed:
    organisers sometimes double-book on purpose."""

    # The admin builds the form's Meta from its fieldsets.
    confirm_clashes = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def inline_speaker_ids(self):
        """The people rows of the same admin page (the inline formset), not yet validated."""
        prefix = "people"
        total = self.data.get(f"{prefix}-TOTAL_FORMS", "0")
        ids = []
        for index in range(min(int(total), 1000) if total.isdigit() else 0):
            value = self.data.get(f"{prefix}-{index}-speaker", "")
            if value.isdigit() and not self.data.get(f"{prefix}-{index}-DELETE"):
                ids.append(int(value))
        return ids

    def clean(self):
        cleaned = super().clean()
        if self.errors or not cleaned.get("room"):
            return cleaned
        planned = Session(
            pk=self.instance.pk,
            start=cleaned.get("start"),
            end=cleaned.get("end"),
            room=cleaned["room"],
            format=cleaned.get("format"),
        )
        messages = clash_messages(planned, self.inline_speaker_ids())
        if messages and not cleaned.get("confirm_clashes"):
            # The box appears with the warning; fields were bound before clean() ran.
            self.fields["confirm_clashes"].widget = forms.CheckboxInput()
            self["confirm_clashes"].label = (
                _("Publish anyway, despite these clashes")
                if cleaned.get("published")
                else _("Save anyway, despite these clashes")
            )
            raise forms.ValidationError(
                [*messages, _("Tick the box below the times to save all the same.")]
            )
        return cleaned
