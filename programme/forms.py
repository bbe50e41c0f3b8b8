from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from efus_conf.core.uploads import ImportFileField
from programme.clashes import clash_messages
from programme.models import Session


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
