"""The admin's translation page: what lacks its translation, per language, and the hand-off
to a translator (a PO file out, the translated file back in with a preview)."""

from django import forms
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy, ngettext

from efus_conf.core import uploads
from efus_conf.translations import handoff


class TranslationUploadForm(forms.Form):
    translation = uploads.ImportFileField(
        label=gettext_lazy("Translated file"),
        help_text=gettext_lazy("The PO or XLIFF file exported here, translated."),
    )


class TranslationsView(uploads.UploadPreviewConfirmView):
    """Per language: counts and links of what lacks its translation, the PO and XLIFF
    exports, and the import of a translated file (preview first, then confirmation)."""

    permission_required = "efus_conf.translate_conference"
    template_name = "admin/translations.html"
    title = gettext_lazy("Translations")
    upload_heading = gettext_lazy("Bring a translation back")
    preview_columns = [gettext_lazy("Where"), gettext_lazy("Now"), gettext_lazy("After the import")]
    upload_form_class = TranslationUploadForm
    error_class = handoff.TranslationFileError

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.languages = dict(handoff.target_languages())
        self.language = request.GET.get("language")
        if self.language not in self.languages:
            self.language = next(iter(self.languages))

    def get(self, request, *args, **kwargs):
        if request.GET.get("download") in {"missing", "all"}:
            xliff = request.GET.get("format") == "xliff"
            everything = request.GET["download"] == "all"
            return download(self.language, everything=everything, xliff=xliff)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        # Each language's status reads every translated object: once per language, not again.
        statuses = {code: handoff.status(code) for code in self.languages}
        languages = [
            (code, name, sum(len(texts) for _kind, texts in statuses[code]))
            for code, name in self.languages.items()
        ]
        return super().get_context_data(
            language=self.language, languages=languages, status=statuses[self.language], **kwargs
        )

    def read(self, upload, options):
        return handoff.read_translations(upload.read(), self.language)

    def apply(self, translations, options):
        count = handoff.apply(translations, self.language)
        done = ngettext("%(count)d text translated.", "%(count)d texts translated.", count)
        return done % {"count": count}

    def get_success_url(self):
        return f"{reverse('admin-translations')}?language={self.language}"


def download(language, *, everything, xliff):
    if xliff:
        body = handoff.xliff_file(language, everything=everything)
        content_type, extension = "application/xliff+xml", "xlf"
    else:
        body = handoff.po_file(language, everything=everything)
        content_type, extension = "text/x-gettext-translation", "po"
    response = HttpResponse(body, content_type=content_type)
    kind = "all" if everything else "missing"
    response["Content-Disposition"] = (
        f'attachment; filename="content-{language}-{kind}.{extension}"'
    )
    return response
