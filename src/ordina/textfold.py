"""One way to compare words: lowercase, no accents, plain apostrophes, single spaces.

"Attività", "ATTIVITA'" and "attivita" fold to the same key; the store (names, headers),
the fact vocabulary, the app's completions and the corpus's index all use it.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """``"attività è"`` -> ``"attivita e"`` (case and spacing kept)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced, with plain apostrophes."""
    if text.isascii():
        return " ".join(text.replace("`", "'").split()).casefold()
    return _SPACES.sub(" ", strip_accents(text.translate(_APOSTROPHES))).strip().casefold()
