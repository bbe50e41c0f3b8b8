"""Subscribers in the admin: visible only with the newsletter's model permissions.

Nobody can be marked confirmed here: status and consent come only from the subscriber's own
clicks. Organisers may correct a name, organisation or language (right to rectification)
and delete a subscriber (right to erasure), if they hold those permissions.
"""

import csv
import io
import re

from django.contrib import admin, messages
from django.db.models import OuterRef, Subquery
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks_db.models import DBTaskResult
from openpyxl import Workbook

from newsletter import services
from newsletter.models import Mail, Subscriber, SubscriptionEvent

# Organisers follow each mail on its subscriber's page (MailInline); the task rows behind it are
# the queue's own bookkeeping, untranslated and without meaning to them.
admin.site.unregister(DBTaskResult)

# Spreadsheets run a cell starting with one of these as a formula (CSV injection). A
# spreadsheet that splits on another separator than the file's (';' in French, Dutch and
# Belgian locales, or a tab) starts cells after that separator too, inside a quoted field.
FORMULA_START = re.compile(r"(^|[,;\t\r\n])(?=[=+\-@\t\r])")


EXPORT_COLUMNS = ["email", "name", "language", "confirmed_at"]
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def formula_safe(value):
    text = "" if value is None else str(value)
    return FORMULA_START.sub(r"\1'", text)


def export_rows(queryset):
    """The confirmed subscribers among `queryset`, header first, every cell defused."""
    yield EXPORT_COLUMNS
    for subscriber in queryset.confirmed().order_by("confirmed_at", "pk"):
        yield [
            formula_safe(subscriber.email),
            formula_safe(subscriber.name),
            subscriber.language,
            timezone.localtime(subscriber.confirmed_at).isoformat(timespec="seconds"),
        ]


def attachment(content, content_type, extension):
    response = HttpResponse(content, content_type=content_type)
    filename = f"newsletter-confirmed-{timezone.localdate():%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class SubscriptionEventInline(admin.TabularInline):
    model = SubscriptionEvent
    fields = ["at", "kind", "details"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("consent and mail history")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MailStatusFilter(admin.ChoicesFieldListFilter):
    """Subscribers with a mail in a given state (the field's own title, "status", is taken)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = _("mail status")


class MailInline(admin.TabularInline):
    """Every mail owed to the subscriber and where it stands: queued, retried, sent, failed."""

    model = Mail
    fields = [
        "queued_at",
        "kind",
        "status",
        "attempts",
        "last_attempt_at",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# The consent record is shown, never edited: it is what proves the person's own click.
CONSENT_FIELDS = [
    "created_at",
    "consented_at",
    "consent_page",
    "consent_language",
    "consent_wording_version",
    "privacy_notice_updated_at",
    "confirmed_at",
    "unsubscribed_at",
]


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "name",
        "status",
        "language",
        "created_at",
        "confirmed_at",
        "last_mail_status",
    ]
    list_filter = [
        "status",
        "language",
        ("mails__status", MailStatusFilter),
        "created_at",
        "confirmed_at",
    ]
    search_fields = ["email", "name", "organisation"]
    date_hierarchy = "created_at"
    inlines = [MailInline, SubscriptionEventInline]
    actions = [
        "export_confirmed_csv",
        "export_confirmed_xlsx",
        "resend_confirmation",
        "retry_failed_mail",
    ]
    readonly_fields = [
        "email",
        "status",
        *CONSENT_FIELDS,
    ]
    fieldsets = [
        (None, {"fields": ["email", "name", "organisation", "language", "status"]}),
        (
            _("Consent record"),
            {"fields": CONSENT_FIELDS},
        ),
    ]

    def has_add_permission(self, request):
        # Subscribers add themselves, with their consent; nobody adds them by hand.
        return False

    def get_queryset(self, request):
        latest_mail = Mail.objects.filter(subscriber=OuterRef("pk")).order_by("-queued_at", "-pk")
        return (
            super()
            .get_queryset(request)
            .annotate(last_mail=Subquery(latest_mail.values("status")[:1]))
        )

    @admin.display(description=_("last mail"), ordering="last_mail")
    def last_mail_status(self, subscriber):
        if subscriber.last_mail is None:
            return self.get_empty_value_display()
        return Mail.Status(subscriber.last_mail).label

    @admin.action(permissions=["view"], description=_("Export the confirmed ones as CSV"))
    def export_confirmed_csv(self, request, queryset):
        # Every field quoted (csv.QUOTE_MINIMAL leaves "a;b" bare, which spreadsheets set to
        # a ';' list separator, as in French, Dutch and Belgian locales, split into cells),
        # and a byte-order mark so that they read UTF-8 rather than their local code page.
        text = io.StringIO()
        text.write("\ufeff")
        csv.writer(text, quoting=csv.QUOTE_ALL).writerows(export_rows(queryset))
        return attachment(text.getvalue(), "text/csv; charset=utf-8", "csv")

    @admin.action(permissions=["view"], description=_("Export the confirmed ones as XLSX"))
    def export_confirmed_xlsx(self, request, queryset):
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(str(capfirst(Subscriber._meta.verbose_name_plural)))
        for row in export_rows(queryset):
            sheet.append(row)
        content = io.BytesIO()
        workbook.save(content)
        return attachment(content.getvalue(), XLSX_CONTENT_TYPE, "xlsx")

    @admin.action(permissions=["change"], description=_("Send the confirmation mail again"))
    def resend_confirmation(self, request, queryset):
        queued = services.resend_confirmations(subscribers=queryset)
        self._report(request, queued)

    @admin.action(permissions=["change"], description=_("Retry failed mails"))
    def retry_failed_mail(self, request, queryset):
        queued = services.retry_failed_mails(subscribers=queryset)
        self._report(request, queued)

    def _report(self, request, queued):
        self.message_user(
            request,
            ngettext(
                "%(count)d mail queued: the mail worker sends it in a moment.",
                "%(count)d mails queued: the mail worker sends them in a moment.",
                queued,
            )
            % {"count": queued},
            messages.SUCCESS if queued else messages.WARNING,
        )
