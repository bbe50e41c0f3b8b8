"""The admin's translation page: what lacks its translation, per language, and the hand-off
to a translator (a PO file out, the translated file back in with a preview)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from efus_conf.core import uploads
from efus_conf.core.spreadsheets import refuse_large_file
from efus_conf.translations import handoff


class TranslationUploadForm(forms.Form):
    translation = forms.FileField(
        label=gettext_lazy("Translated file"),
        help_text=gettext_lazy("The PO or XLIFF file exported here, translated."),
        validators=[refuse_large_file],
    )


class TranslationConfirmForm(forms.Form):
    stored = uploads.KeptFileField()


def translations(request):
    """Per language: counts and links of what lacks its translation, the PO export, and the
    import of a translated file (preview first, then confirmation)."""
    if not request.user.has_perm("efus_conf.translate_conference"):
        raise PermissionDenied
    languages = dict(handoff.target_languages())
    language = request.GET.get("language")
    if language not in languages:
        language = next(iter(languages))
    if request.GET.get("download") in {"missing", "all"}:
        xliff = request.GET.get("format") == "xliff"
        return download(language, everything=request.GET["download"] == "all", xliff=xliff)
    if "stored" in request.POST:
        return confirm(request, language)
    # Each language's status reads every translated object: once per language, not again.
    statuses = {code: handoff.status(code) for code in languages}
    context = {
        **admin.site.each_context(request),
        "title": _("Translations"),
        "language": language,
        "languages": [
            (code, name, sum(len(texts) for _kind, texts in statuses[code]))
            for code, name in languages.items()
        ],
        "status": statuses[language],
        "form": TranslationUploadForm(request.POST or None, request.FILES or None),
    }
    if context["form"].is_valid():
        preview(context, language)
    return TemplateResponse(request, "admin/translations.html", context)


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


def preview(context, language):
    form = context["form"]
    upload = form.cleaned_data["translation"]
    try:
        translations = handoff.read_translations(upload.read(), language)
    except handoff.TranslationFileError as error:
        form.add_error("translation", str(error))
        return
    context["translations"] = translations
    context["confirm_form"] = TranslationConfirmForm(initial={"stored": uploads.keep(upload)})


def confirm(request, language):
    form = TranslationConfirmForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    here = f"{reverse('admin-translations')}?language={language}"
    try:
        translations = handoff.read_translations(
            uploads.kept(form.cleaned_data["stored"]).read(), language
        )
    except (OSError, handoff.TranslationFileError):
        messages.error(request, _("The file to import is gone; please upload it again."))
        return redirect(here)
    count = handoff.apply(translations, language)
    uploads.forget(form.cleaned_data["stored"])
    messages.success(
        request,
        ngettext("%(count)d text translated.", "%(count)d texts translated.", count)
        % {"count": count},
    )
    return redirect(here)
