"""A file uploaded for a preview, kept until the organiser confirms the import.

It is kept in the temporary folder, as django-import-export keeps spreadsheets between its
own preview and confirmation (with several app servers, the confirmation must reach the
server that showed the preview, or the organiser is asked to upload the file again).
"""

import os

from django import forms
from django.core.files.base import ContentFile
from import_export.tmp_storages import TempFolderStorage


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
