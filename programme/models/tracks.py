"""The themes running through the programme."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Track(models.Model):
    """A theme running through the programme, such as drugs and trafficking."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#00408f",
        validators=[
            RegexValidator(
                r"^#[0-9a-fA-F]{6}$",
                _("Enter a colour as # followed by six hexadecimal digits, e.g. #00408f."),
            )
        ],
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name
