"""The rooms sessions take place in."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Room(models.Model):
    """A room of the conference's venue where sessions take place, or a place outside it
    where a field visit leaves from."""

    venue = models.ForeignKey(
        "efus_conf.Venue",
        verbose_name=_("venue"),
        on_delete=models.PROTECT,
        related_name="rooms",
    )
    name = models.CharField(_("name"), max_length=120)
    location = models.CharField(
        _("floor or address"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “Ground floor” or a street address for a room outside the venue."),
    )
    directions = models.TextField(
        _("directions"),
        blank=True,
        help_text=_("How to find the room from the entrance. Plain text."),
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Rooms are listed in this order, smallest first.")
    )

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """The room's place on the Getting there page."""
        return f"{reverse('getting_there')}#{self.anchor}"

    @property
    def anchor(self):
        return f"room-{self.pk}"
