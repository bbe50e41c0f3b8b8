"""Comparing text the way people type it: without case or accents."""

import unicodedata

# Letters that Unicode does not decompose into a base letter and an accent.
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})


def fold(text):
    """`text` in lower case without accents: "Sécurité" and "securite" fold alike, as do
    "Müller" and "MULLER"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))
