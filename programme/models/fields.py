"""The languages of the programme, and the column that lists several of them."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


def choice_label(choices, value):
    """The translated label of `value` in a TextChoices class, or the value itself.

    Asked rather than checked first: `choices.values` builds a list on every read, and the
    programme asks for hundreds of labels."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


class Language(models.TextChoices):
    """Languages spoken or interpreted into at the conference."""

    EN = "en", _("English")
    FR = "fr", _("French")
    NL = "nl", _("Dutch")
    ES = "es", _("Spanish")


class LanguageListField(models.CharField):
    """A list of language codes, stored as "en,fr" and edited as a row of checkboxes.

    A plain text column rather than JSON: it needs no database feature check and reads
    well in a database dump.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 40)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        return [code for code in (value or "").split(",") if code]

    def get_prep_value(self, value):
        return ",".join(self.to_python(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=Language.choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        unknown = set(value or []) - set(Language.values)
        if unknown:
            raise ValidationError(
                _("Unknown language: %(codes)s."), params={"codes": ", ".join(sorted(unknown))}
            )
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")
