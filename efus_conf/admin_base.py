"""What every admin of conference content shares: language tabs and a history with restore."""

import dataclasses

from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper


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


class ContentAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    """Language tabs (modeltranslation), and the History page lists every version with what
    changed, field by field and language by language, and restores any of them."""

    def get_historical_record_context_helper(self, request, historical_record):
        return ContentHistoryHelper(self.model, historical_record)
