"""The admin's schedule file import: upload, preview of every change, then the import itself."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from efus_conf.core.uploads import UploadPreviewConfirmView
from programme.exports import site_host
from programme.forms import ScheduleImportForm
from programme.frab import ScheduleError, read_schedule
from programme.schedule_import import import_schedule


class ScheduleImportView(UploadPreviewConfirmView):
    """Import a frab/c3voc schedule (pretalx's, frab's or this site's own), in the language
    and with the publication the upload names."""

    permission_required = "programme.import_session"
    template_name = "admin/programme/session/import_schedule.html"
    title = _("Import a schedule file")
    upload_heading = _("Schedule file")
    preview_columns = [_("What"), _("Name"), _("Action"), _("Details")]
    upload_form_class = ScheduleImportForm
    error_class = ScheduleError
    success_url = reverse_lazy("admin:programme_session_changelist")

    def read(self, upload, options):
        return read_schedule(upload)

    def preview(self, schedule, options):
        return import_schedule(schedule, commit=False, host=site_host(), **options)

    def apply(self, schedule, options):
        changes = import_schedule(schedule, commit=True, host=site_host(), **options)
        counts = {
            action: sum(c.action == action for c in changes) for action in ("create", "update")
        }
        return _("Schedule imported: %(create)d created, %(update)d updated.") % counts
