"""The people in a session, with their roles."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionSpeaker(models.Model):
    """A person in a session, with their role and their place in the list."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Speaker")
        MODERATOR = "moderator", _("Moderator")
        CHAIR = "chair", _("Chair")

    session = models.ForeignKey(
        "programme.Session",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="people",
    )
    speaker = models.ForeignKey(
        "speakers.Speaker",
        verbose_name=_("speaker"),
        on_delete=models.CASCADE,
        related_name="session_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.SPEAKER)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("person in the session")
        verbose_name_plural = _("people in the session")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "speaker"],
                name="session_speaker_unique",
                violation_error_message=_("This person is already in the session."),
            ),
        ]

    def __str__(self):
        return f"{self.speaker} ({self.get_role_display()})"
