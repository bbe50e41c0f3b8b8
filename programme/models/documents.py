"""The documents of a session, to read again afterwards."""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from efus_conf.core.validators import refuse_larger_than
from programme.models.fields import Language, choice_label

# A PDF starts with these bytes, whatever its name says.
PDF_MAGIC = b"%PDF-"
MAX_MATERIAL_BYTES = 30 * 1024 * 1024


def validate_pdf(file):
    """Refuse anything but a PDF of sane size, judged by its content, not its name."""
    refuse_larger_than(
        file,
        MAX_MATERIAL_BYTES,
        _("This file is %(size)s; documents may be at most %(limit)s."),
        code="file_too_large",
    )
    file.seek(0)
    start = file.read(len(PDF_MAGIC))
    file.seek(0)
    if start != PDF_MAGIC:
        raise ValidationError(_("This file is not a PDF document."), code="not_pdf")


class SessionMaterial(models.Model):
    """A document from a session, such as its slides or a report, to read again afterwards."""

    class Kind(models.TextChoices):
        # The values are the c3voc schedule's attachment types.
        SLIDES = "slides", _("Slides")
        REPORT = "paper", _("Report")

    session = models.ForeignKey(
        "programme.Session",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="materials",
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.SLIDES)
    file = models.FileField(
        _("PDF file"),
        upload_to="materials/",
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("A PDF document; it is offered as a download."),
    )
    language = models.CharField(_("language"), max_length=2, choices=Language, default=Language.EN)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["slides", "paper"]), name="session_material_kind_valid"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.file.url

    def get_kind_display(self):
        return choice_label(self.Kind, self.kind)

    def get_language_display(self):
        return choice_label(Language, self.language)
