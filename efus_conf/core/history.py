"""Who changed what in the conference's content, field by field and language by language.

django-simple-history keeps one historical row per save. It is registered here, after
modeltranslation has added the per-language columns (``title_en``, ``title_fr``, …), so each
language is recorded as a field of its own. The untranslated attribute (``title``) is left out:
it only reads the active language, and a restored version must not write one language's text
into another.
"""

import simple_history
from modeltranslation.translator import translator


def track_history(model):
    """Record every change to `model`; call it in translation.py after registering it."""
    translated = (
        list(translator.get_options_for_model(model).fields)
        if model in translator.get_registered_models()
        else []
    )
    simple_history.register(model, excluded_fields=translated)
