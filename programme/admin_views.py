"""The admin's schedule import: upload, preview of every change, then the import itself."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from efus_conf.core import uploads
from programme.exports import site_host
from programme.forms import ScheduleConfirmForm, ScheduleImportForm
from programme.frab import ScheduleError, read_schedule
from programme.schedule_import import import_schedule


def import_schedule_view(request, model_admin):
    """Import a frab/c3voc schedule: the first POST previews, the confirmation imports."""
    if not request.user.has_perm("programme.import_session"):
        raise PermissionDenied
    context = {**model_admin.admin_site.each_context(request), "opts": model_admin.model._meta}
    if "stored" in request.POST:
        return confirm(request, context)
    form = ScheduleImportForm(request.POST or None, request.FILES or None)
    if form.is_valid():
        try:
            schedule = read_schedule(form.cleaned_data["schedule"])
        except ScheduleError as error:
            form.add_error("schedule", str(error))
        else:
            options = {name: form.cleaned_data[name] for name in ("language", "publish")}
            changes = import_schedule(schedule, commit=False, host=site_host(), **options)
            stored = uploads.keep(form.cleaned_data["schedule"])
            confirm_form = ScheduleConfirmForm(initial={"stored": stored, **options})
            context.update(changes=changes, confirm_form=confirm_form)
    context.update(form=form, title=_("Import a schedule"))
    return TemplateResponse(request, "admin/programme/session/import_schedule.html", context)


def confirm(request, context):
    form = ScheduleConfirmForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    stored = form.cleaned_data["stored"]
    try:
        schedule = read_schedule(uploads.kept(stored))
    except (OSError, ScheduleError):
        messages.error(request, _("The file to import is gone; please upload it again."))
        return redirect("admin:programme_session_import_schedule")
    options = {name: form.cleaned_data[name] for name in ("language", "publish")}
    changes = import_schedule(schedule, commit=True, host=site_host(), **options)
    uploads.forget(stored)
    counts = {action: sum(c.action == action for c in changes) for action in ("create", "update")}
    messages.success(
        request,
        _("Schedule imported: %(create)d created, %(update)d updated.") % counts,
    )
    return redirect("admin:programme_session_changelist")
