"""What changed in the published programme: a session's time, room or cancellation.

The rows are written by the database itself (programme/changes.py), whichever way a
session is changed; here they are only read.
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SessionChangeQuerySet(models.QuerySet):
    def public(self):
        """Changes of sessions that are published, newest first, with what they name."""
        return (
            self.filter(session__published=True)
            .select_related("session", "session__room", "room", "previous_room")
            .order_by("-recorded_at", "-pk")
        )


class SessionChange(models.Model):
    """A published session's time, room or status before and after one change."""

    session = models.ForeignKey(
        "programme.Session",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="changes",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, db_index=True)
    previous_start = models.DateTimeField(_("previous start"))
    previous_end = models.DateTimeField(_("previous end"))
    previous_room = models.ForeignKey(
        "programme.Room",
        verbose_name=_("previous room"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    was_cancelled = models.BooleanField(_("was cancelled"), default=False)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    room = models.ForeignKey(
        "programme.Room", verbose_name=_("room"), on_delete=models.PROTECT, related_name="+"
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)

    objects = SessionChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme change")
        verbose_name_plural = _("programme changes")
        ordering = ["-recorded_at", "-pk"]

    def __str__(self):
        return f"{self.session} ({timezone.localtime(self.recorded_at):%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        return f"{reverse('programme:changes')}#{self.anchor}"

    @property
    def anchor(self):
        return f"change-{self.pk}"

    @property
    def time_changed(self):
        return (self.previous_start, self.previous_end) != (self.start, self.end)

    @property
    def room_changed(self):
        return self.previous_room_id != self.room_id

    @property
    def status_changed(self):
        return self.was_cancelled != self.cancelled
