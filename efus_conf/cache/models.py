from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """One row that database triggers (version.py) raise on every write to a content table, in
    the writing transaction: public pages are cached under it, so a change saved anywhere (the
    admin, the shell, an import, a bulk update, raw SQL) shows on every worker's next request.
    The time keeps a number that starts again after a flush from naming pages cached before."""

    number = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField()

    class Meta:
        db_table = "efus_conf_contentversion"  # Kept when it moved from the conference app.
        verbose_name = _("content version")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="content_version_one_row")]

    def __str__(self):
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"

    @classmethod
    def current(cls):
        """The version as a string; None before any content (or after a flush): then no page
        may be cached."""
        row = cls.objects.filter(pk=1).values_list("number", "changed_at").first()
        return row and f"{row[0]}.{row[1].timestamp()}"
