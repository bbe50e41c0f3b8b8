"""Upload → preview → confirm: the admin's imports show what they will do before they do it.

The uploaded file is kept in the temporary folder between the preview and the confirmation,
as django-import-export keeps spreadsheets between its own two steps (with several app
servers, the confirmation must reach the server that showed the preview, or the organiser is
asked to upload the file again).
"""

import copy
import functools
import os

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from import_export.tmp_storages import TempFolderStorage

from efus_conf.core.validators import refuse_larger_than

# Far above a conference's programme (a few hundred kilobytes); anything larger is refused
# before it is read.
MAX_IMPORT_BYTES = 5 * 1024 * 1024


def refuse_large_file(upload):
    refuse_larger_than(
        upload,
        MAX_IMPORT_BYTES,
        gettext_lazy("This file is %(size)s; files of up to %(limit)s can be imported."),
        code="too_large",
    )


class ImportFileField(forms.FileField):
    """The file to import, refused before it is read when it is over MAX_IMPORT_BYTES."""

    default_validators = [refuse_large_file]


class KeptFileField(forms.RegexField):
    """The name of a file kept by keep(), and nothing else (no path)."""

    def __init__(self, **kwargs):
        super().__init__(regex=r"^tmp[a-z0-9_]+$", widget=forms.HiddenInput, **kwargs)


def keep(upload):
    """Keep the uploaded file; returns the name to confirm it with."""
    upload.seek(0)
    storage = TempFolderStorage(read_mode="rb")
    storage.save(upload.read())
    return os.path.basename(storage.name)


def kept(name):
    """The kept file as an uploaded-like file; OSError if it is gone."""
    return ContentFile(TempFolderStorage(name=name, read_mode="rb").read())


def forget(name):
    TempFolderStorage(name=name).remove()


@functools.cache
def confirm_form_class(upload_form_class):
    """The confirmation's form: the kept file's name in `stored`, and each option of the
    upload (every field but the file) as a hidden field."""
    fields = {"stored": KeptFileField()}
    for name, field in upload_form_class.base_fields.items():
        if not isinstance(field, forms.FileField):
            fields[name] = copy.deepcopy(field)
            fields[name].widget = forms.HiddenInput()
    return type(f"Confirm{upload_form_class.__name__}", (forms.Form,), fields)


class UploadPreviewConfirmView(PermissionRequiredMixin, TemplateView):
    """An import in two steps. The upload reads the file and shows its preview, saving
    nothing; the confirmation names the file kept meanwhile, with the upload's options as
    hidden fields, reads it again and imports it.

    A flow names its permission, texts and upload form (an ImportFileField and the options
    beside it), and a template extending admin/upload_preview_confirm.html that fills the
    block preview_row for each `row` of the preview. It supplies read(file, options), which
    returns the file's data or raises `error_class` with a message for the organiser,
    preview(data, options), the rows the page lists, and apply(data, options), which
    imports and returns the message saying what it did.
    """

    # Inside the admin everyone is signed in: a refusal is a 403, not a sign-in page.
    raise_exception = True
    admin_site = admin.site
    title: str
    upload_heading: str
    preview_columns: list[str]
    upload_form_class: type[forms.Form]
    error_class: type[Exception]
    success_url: str

    def post(self, request, *args, **kwargs):
        if "stored" in request.POST:
            return self.confirm()
        return self.get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        form = self.upload_form_class(self.request.POST or None, self.request.FILES or None)
        context = {
            **self.admin_site.each_context(self.request),
            "title": self.title,
            "upload_heading": self.upload_heading,
            "preview_columns": self.preview_columns,
            "form": form,
            **super().get_context_data(**kwargs),
        }
        if form.is_valid():
            options = dict(form.cleaned_data)
            [file_field] = [n for n, f in form.fields.items() if isinstance(f, forms.FileField)]
            upload = options.pop(file_field)
            try:
                data = self.read(upload, options)
            except self.error_class as error:
                form.add_error(file_field, str(error))
            else:
                context["preview"] = self.preview(data, options)
                initial = {"stored": keep(upload), **options}
                context["confirm_form"] = self.confirm_form(initial=initial)
        return context

    def confirm_form(self, *args, **kwargs):
        return confirm_form_class(self.upload_form_class)(*args, **kwargs)

    def preview(self, data, options):
        return data

    def confirm(self):
        form = self.confirm_form(self.request.POST)
        if not form.is_valid():
            raise PermissionDenied
        options = dict(form.cleaned_data)
        stored = options.pop("stored")
        try:
            data = self.read(kept(stored), options)
        except (OSError, self.error_class):
            messages.error(self.request, _("The file to import is gone; please upload it again."))
            # Back to the upload: the page this confirmation was posted to.
            return redirect(self.request.get_full_path())
        done = self.apply(data, options)
        forget(stored)
        messages.success(self.request, done)
        return redirect(self.get_success_url())

    def get_success_url(self):
        return self.success_url
