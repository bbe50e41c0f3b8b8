"""What content still lacks its translation, and handing it to a translator as a PO or XLIFF 2.0 file.

Everything is read from modeltranslation's registry and the LANGUAGES setting: a model or a
field registered for translation, or a language added to the settings, shows up here without
a code change. Each PO entry is one field of one object: the source text (default language)
as msgid, a context naming the object and field (``programme.session.12.title``) and a
comment saying where the text appears, for the translator.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass

import polib
from django.conf import settings
from django.contrib import admin
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from efus_conf.core import untrusted_xml
from efus_conf.core.spreadsheets import translated_fields


class TranslationFileError(Exception):
    """The file cannot be read as a translation of this site's content; says why."""


@dataclass
class Text:
    """One translatable field of one object, in the source language and in the target."""

    obj: object
    field: str
    source: str
    target: str

    @property
    def key(self):
        meta = self.obj._meta
        return f"{meta.app_label}.{meta.model_name}.{self.obj.pk}.{self.field}"

    @property
    def field_label(self):
        return self.obj._meta.get_field(self.field).verbose_name

    @property
    def admin_url(self):
        meta = self.obj._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[self.obj.pk])

    @property
    def note(self):
        """Where the text appears: the object, the field, and the public page if any."""
        note = f"{self.obj._meta.verbose_name} “{self.obj}”, {self.field_label}"
        try:
            url = self.obj.get_absolute_url()
        except (AttributeError, NoReverseMatch):
            return note
        return f"{note}: {url}"


def source_language():
    return settings.LANGUAGE_CODE


def target_languages():
    """The languages content is translated into: every one but the source language."""
    return [(code, name) for code, name in settings.LANGUAGES if code != source_language()]


def content_models():
    """Translated models edited in the admin, in the admin's order."""
    registered = set(translator.get_registered_models())
    return [model for model in admin.site._registry if model in registered]


def texts(model, language):
    """Every translatable text of `model` whose source is filled in, with its `language`
    version (empty when missing)."""
    fields = translated_fields(model)
    for obj in model.objects.order_by("pk"):
        for name in fields:
            source = getattr(obj, build_localized_fieldname(name, source_language())) or ""
            if source.strip():
                target = getattr(obj, build_localized_fieldname(name, language)) or ""
                yield Text(obj, name, source, target)


def missing_texts(model, language):
    return [text for text in texts(model, language) if not text.target.strip()]


def status(language):
    """[(model's verbose name, [missing Text, …]), …] for every translated model."""
    return [
        (model._meta.verbose_name_plural, missing_texts(model, language))
        for model in content_models()
    ]


# Files for translators ------------------------------------------------------------------------

XLIFF = "urn:oasis:names:tc:xliff:document:2.0"


def chosen_texts(language, *, everything):
    for model in content_models():
        yield from texts(model, language) if everything else missing_texts(model, language)


def po_file(language, *, everything):
    """A PO catalogue of the missing texts (or all of them) for the translator."""
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": language,
        "X-Source-Language": source_language(),
    }
    for text in chosen_texts(language, everything=everything):
        catalogue.append(
            polib.POEntry(
                msgctxt=text.key, msgid=text.source, msgstr=text.target, comment=text.note
            )
        )
    return str(catalogue).encode("utf-8")


def xliff_file(language, *, everything):
    """The same texts as an XLIFF 2.0 document: one unit per field, its id the PO context."""
    ET.register_namespace("", XLIFF)
    root = ET.Element(
        f"{{{XLIFF}}}xliff", version="2.0", srcLang=source_language(), trgLang=language
    )
    file = ET.SubElement(root, f"{{{XLIFF}}}file", id="content")
    for text in chosen_texts(language, everything=everything):
        unit = ET.SubElement(file, f"{{{XLIFF}}}unit", id=text.key)
        notes = ET.SubElement(unit, f"{{{XLIFF}}}notes")
        ET.SubElement(notes, f"{{{XLIFF}}}note").text = text.note
        segment = ET.SubElement(unit, f"{{{XLIFF}}}segment")
        ET.SubElement(segment, f"{{{XLIFF}}}source").text = text.source
        if text.target:
            ET.SubElement(segment, f"{{{XLIFF}}}target").text = text.target
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


@dataclass
class Translation:
    """One entry of a returned file: what it will change, or why it is refused."""

    key: str
    label: str
    old: str = ""
    new: str = ""
    refused: str = ""
    text: Text | None = None


def read_translations(data, language):
    """The Translations in a returned PO or XLIFF file, checked against the content."""
    if data.lstrip()[:1] == b"<":
        return read_xliff(data, language)
    return read_po(data, language)


def read_xliff(data, language):
    root = untrusted_xml.parse(data, TranslationFileError)
    if root.tag != f"{{{XLIFF}}}xliff":
        raise TranslationFileError(_("This XML file is not an XLIFF 2 document."))
    found = root.get("trgLang", language)
    if found != language:
        raise TranslationFileError(
            _("This file is a translation into “%(found)s”, not “%(expected)s”.")
            % {"found": found, "expected": language}
        )
    translations = []
    for unit in root.iter(f"{{{XLIFF}}}unit"):
        segments = unit.findall(f"{{{XLIFF}}}segment")
        source = "".join(s.findtext(f"{{{XLIFF}}}source", "") for s in segments)
        target = "".join(s.findtext(f"{{{XLIFF}}}target", "") for s in segments)
        if target.strip():
            initial = any(s.get("state") == "initial" for s in segments if s.get("state"))
            translations.append(
                translation_of(unit.get("id", ""), source, target, language, fuzzy=initial)
            )
    return translations


def read_po(data, language):
    """The Translations in a returned PO file, checked against the current content."""
    try:
        catalogue = polib.pofile(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise TranslationFileError(_("This file is not UTF-8 text; save it as UTF-8.")) from error
    except (OSError, ValueError) as error:
        raise TranslationFileError(
            _("This is not a PO file: %(problem)s.") % {"problem": error}
        ) from error
    if catalogue.metadata.get("Language", language) != language:
        raise TranslationFileError(
            _("This file is a translation into “%(found)s”, not “%(expected)s”.")
            % {"found": catalogue.metadata["Language"], "expected": language}
        )
    return [
        translation_of(
            entry.msgctxt or "", entry.msgid, entry.msgstr, language, fuzzy="fuzzy" in entry.flags
        )
        for entry in catalogue
        if entry.msgstr.strip()
    ]


def translation_of(key, source, target, language, *, fuzzy):
    text = find_text(key, language)
    if text is None:
        return Translation(key, "", refused=_("No such text on the site."))
    label = text.note
    if fuzzy:
        return Translation(text.key, label, refused=_("Marked as fuzzy by the translator."))
    if source != text.source:
        return Translation(
            text.key, label, refused=_("The source text has changed since the file was made.")
        )
    if target == text.target:
        return Translation(text.key, label, old=text.target, new=target)
    return Translation(text.key, label, old=text.target, new=target, text=text)


def find_text(key, language):
    """The Text a context such as "programme.session.12.title" names, or None."""
    try:
        app_label, model_name, pk, field = key.split(".")
    except ValueError:
        return None
    for model in content_models():
        meta = model._meta
        if (meta.app_label, meta.model_name) == (app_label, model_name) and pk.isdigit():
            if field not in translated_fields(model):
                return None
            obj = model.objects.filter(pk=pk).first()
            if obj is None:
                return None
            source = getattr(obj, build_localized_fieldname(field, source_language())) or ""
            target = getattr(obj, build_localized_fieldname(field, language)) or ""
            return Text(obj, field, source, target)
    return None


def apply(translations, language):
    """Save the accepted translations, each object once and only the columns translated;
    nothing else is written. Returns how many texts changed."""
    changes = {}
    for translation in translations:
        if translation.text is not None:
            obj = translation.text.obj
            obj, columns = changes.setdefault((type(obj), obj.pk), (obj, {}))
            columns[build_localized_fieldname(translation.text.field, language)] = translation.new
    with transaction.atomic():
        for obj, columns in changes.values():
            for column, value in columns.items():
                setattr(obj, column, value)
            obj.save(update_fields=list(columns))
    return sum(len(columns) for _obj, columns in changes.values())
