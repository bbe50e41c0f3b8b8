"""The content version: what every cached public page is stored under."""

import re

from django.db import connections, models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ContentVersionQuerySet(models.QuerySet):
    def current(self):
        """The version of everything public pages show, as a string; None before any content
        exists (or after a flush), when no page may be cached.

        Read on every request for a public page, in plain SQL: building the ORM query would
        cost more than the rest of a cached answer."""
        with connections[self.db].cursor() as cursor:
            cursor.execute(
                f"SELECT number, changed_at FROM {self.model._meta.db_table} WHERE id = 1"
            )
            row = cursor.fetchone()
        # The time's digits: a key without spaces, whatever type the database driver returns.
        return None if row is None else f"{row[0]}.{re.sub(r'[^0-9]', '', str(row[1]))}"


class ContentVersion(models.Model):
    """One row that database triggers update on every write to a content table, in the
    writing transaction (efus_conf/cache/version.py): public pages are cached under it, so
    a change saved anywhere — the admin, the shell, an import, a bulk update, raw SQL —
    reaches every process on its next request. The time keeps a version number that starts
    again after a flush from naming pages cached before it."""

    number = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField()

    objects = ContentVersionQuerySet.as_manager()

    class Meta:
        # The table kept its name when the model moved here from the conference app.
        db_table = "efus_conf_contentversion"
        verbose_name = _("content version")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="content_version_one_row")]

    def __str__(self):
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
