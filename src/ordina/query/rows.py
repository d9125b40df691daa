"""Rows of the database a question names by number: "la collaborazione 2026/3".

"l'incarico 12" is read with the other facts (``assignment_id``); collaborations are
numbered by year ("2026/3", "n. 3/2026") and read here, so that the engine loads the
row's facts instead of asking them.
"""

from __future__ import annotations

import re

_COLLABORATION = re.compile(
    r"(?:collaborazion[ei]|contratto di collaborazione|incarico di collaborazione|"
    r"collaboration|consulenza|co\.?co\.?co\.?)\s+(?:n\.?\s*|nr\.?\s*|numero\s+|no\.?\s*|#)?"
    r"(?:(\d{4})\s*/\s*(\d{1,4})|(\d{1,4})\s*/\s*(\d{4}))(?![\d/])", re.IGNORECASE)


def collaboration_number(text: str) -> str | None:
    """ "2026/3" for "la collaborazione 2026/3" or "collaborazione n. 3/2026", else None."""
    found = _COLLABORATION.search(text)
    if found is None:
        return None
    year, num = (found[1], found[2]) if found[1] else (found[4], found[3])
    return f"{int(year)}/{int(num)}"
