"""What every admin of conference content shares: language tabs and a history with restore."""

import dataclasses

from django.db import models
from django.utils import timezone
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from efus_conf.conference.models import current_conference


def conference_month(request):
    """ "2024-03": the month the conference starts, or the current month without one."""
    conference = current_conference(request)
    day = conference.start_date if conference else timezone.localdate()
    return day.strftime("%Y-%m")


class ContentHistoryHelper(HistoricalRecordContextHelper):
    def context_for_delta_changes(self, delta):
        # A text never filled in is NULL when written by code (demo, import) and "" once the
        # admin form saved it: no change worth showing.
        changes = [
            change
            for change in delta.changes
            if not (change.old in (None, "") and change.new in (None, ""))
        ]
        return super().context_for_delta_changes(dataclasses.replace(delta, changes=changes))

    def prepare_delta_change_value(self, change, value):
        # An empty text reads "–", not Python's "None".
        if value is None or value == "":
            return "–"
        return super().prepare_delta_change_value(change, value)


class ConferenceMonthDates:
    """Date pickers open on the conference's month (static/js/admin-dates.js, which
    ContentAdmin's pages load): for an admin or an inline."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.DateField) and formfield is not None:
            widget = formfield.widget
            # A date and time field is a pair of widgets, the date first.
            date_widget = widget.widgets[0] if hasattr(widget, "widgets") else widget
            # Read once per request, however many date fields the form has.
            date_widget.attrs["data-initial-month"] = conference_month(request)
        return formfield


class ContentAdmin(ConferenceMonthDates, SimpleHistoryAdmin, TabbedTranslationAdmin):
    """Language tabs (modeltranslation), and the History page lists every version with what
    changed, field by field and language by language, and restores any of them. Date
    pickers open on the conference's month."""

    class Media:
        js = ["js/admin-dates.js"]

    def get_historical_record_context_helper(self, request, historical_record):
        # The record's own model: the conference's History page lists its parts' versions too.
        return ContentHistoryHelper(historical_record.instance_type, historical_record)
