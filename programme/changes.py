"""What changed in the published programme: a session's time, room or cancellation.

Session.save() writes a SessionChange whenever one of those changes on a session that was
published, so the admin (its forms and list editing), the shell and any import that saves
sessions one by one all leave a record. QuerySet.update() and raw fixtures (loaddata) do not
call save(), and so record nothing: move sessions one by one.
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The Session columns whose change attendees must hear about.
WATCHED_ATTNAMES = ("start", "end", "room_id", "cancelled")


class SessionChangeQuerySet(models.QuerySet):
    def public(self):
        """Changes of sessions that are published, newest first, with what they name."""
        return (
            self.filter(session__published=True)
            .select_related("session", "session__room", "room", "previous_room")
            .order_by("-recorded_at", "-pk")
        )


class SessionChange(models.Model):
    """A published session's time, room or status before and after one save."""

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

    @classmethod
    def between(cls, session, loaded):
        """The unsaved change from the `loaded` column values to `session`'s current ones,
        or None when nothing attendees care about changed or the session was not public."""
        if not loaded.get("published") or not session.published:
            return None
        before = {name: loaded.get(name, getattr(session, name)) for name in WATCHED_ATTNAMES}
        if all(before[name] == getattr(session, name) for name in WATCHED_ATTNAMES):
            return None
        return cls(
            session=session,
            previous_start=before["start"],
            previous_end=before["end"],
            previous_room_id=before["room_id"],
            was_cancelled=before["cancelled"],
            start=session.start,
            end=session.end,
            room_id=session.room_id,
            cancelled=session.cancelled,
        )
