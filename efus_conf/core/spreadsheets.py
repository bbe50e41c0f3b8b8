"""Spreadsheet import and export (django-import-export) shared by the content apps.

A spreadsheet has one column per language of each translated field (``title_en``,
``title_fr``, …), named from modeltranslation's registry, so a new language in the settings
adds its columns without a code change.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from import_export import resources
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from import_export.forms import ImportForm
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from efus_conf.core.uploads import refuse_large_file


def localized_columns(model):
    """Every per-language column of `model`'s translated fields, in the model's order."""
    return [
        build_localized_fieldname(name, code)
        for name in translated_fields(model)
        for code, _language in settings.LANGUAGES
    ]


def translated_fields(model):
    """The names of `model`'s translated fields, in the order the model declares them."""
    registered = translator.get_options_for_model(model).fields
    return [field.name for field in model._meta.fields if field.name in registered]


def default_language_column(name):
    return build_localized_fieldname(name, settings.LANGUAGE_CODE)


class ContentResource(resources.ModelResource):
    """Rows matched on their slug; a row equal to what is stored changes nothing, and every
    row is validated like the admin form (model clean and constraints) before it is saved."""

    def get_import_id_fields(self):
        return ["slug"]

    def before_import(self, dataset, **kwargs):
        # A file meant for something else is refused as a whole, not row by row.
        headers = [header for header in dataset.headers or [] if header]
        known = {field.column_name for field in self.get_import_fields()}
        unknown = [header for header in headers if header not in known]
        missing = [name for name in self.get_import_id_fields() if name not in headers]
        if unknown or missing:
            raise ValueError(
                _(
                    "This file does not have the expected columns. Unknown: %(unknown)s. "
                    "Missing: %(missing)s. Expected columns: %(known)s."
                )
                % {
                    "unknown": ", ".join(unknown) or "–",
                    "missing": ", ".join(missing) or "–",
                    "known": ", ".join(field.column_name for field in self.get_import_fields()),
                }
            )

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True


class SpreadsheetImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        refuse_large_file(upload)
        data = upload.read()
        upload.seek(0)
        # An Excel file is a zip archive; anything else is CSV text, which must be UTF-8.
        if not data.startswith(b"PK\x03\x04"):
            try:
                data.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise ValidationError(
                    _("This file is not UTF-8 text; save it as UTF-8 (in Excel: “CSV UTF-8”)."),
                    code="encoding",
                ) from error
        return upload


class SpreadsheetAdminMixin(ImportExportMixin):
    """Import and export as CSV or Excel, with django-import-export's row-by-row preview.

    Importing needs the model's "import" permission and exporting its "export" permission
    (IMPORT_EXPORT_*_PERMISSION_CODE in the settings), which only content editors have.
    """

    import_form_class = SpreadsheetImportForm
    import_template_name = "admin/efus_conf/import.html"
    formats = [base_formats.CSV, base_formats.XLSX]

    # django-import-export calls its pages "Import"; beside the session list's schedule file
    # import, the name says which import this is (the button: admin/import_export/).
    def import_action(self, request, **kwargs):
        return named(super().import_action(request, **kwargs))

    def process_import(self, request, **kwargs):
        return named(super().process_import(request, **kwargs))


def named(response):
    if isinstance(response, TemplateResponse):
        response.context_data["title"] = _("Import a spreadsheet")
    return response
