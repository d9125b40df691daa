"""The notes a reading of the question adds ("Ho inteso «Ferari» come Giorgio Ferrari"), in the
question's language: they are written in Italian where they are made (:mod:`ordina.query.subjects`)
and said in English for an English question."""

from __future__ import annotations

import re

#: The reading's own notes in English, for an English question: (Italian pattern, English).
_CLARIFICATIONS_EN = (
    (re.compile(r"^Ho inteso «(.+?)» come (.+?), l'unica persona con questo nome nel personale "
                r"\(ci sono anche: (.+)\)\.$"),
     r"I took «\1» to be \2, the only person of that name on the staff (there are also: \3)."),
    (re.compile(r"^Ho inteso «(.+?)» come (.+)\.$"), r"I took «\1» to be \2."),
    (re.compile(r"^Ci sono (\d+) persone che si chiamano «(.+?)»: intendi (.+)\?$"),
     r"There are \1 people called «\2»: do you mean \3?"),
    (re.compile(r"^Non conosco «(.+?)»: intendi (.+)\?$"), r"I do not know «\1»: do you mean \2?"),
    (re.compile(r"^La data «(.+?)» non esiste: quale data intendi\? \(per esempio (.+)\)$"),
     r"The date «\1» does not exist: which date do you mean? (for example \2)"),
)


def note_in(question: str, lang: str) -> str:
    """The note in ``lang`` ("o" between the names becomes "or" in English)."""
    if lang != "en":
        return question
    for pattern, english in _CLARIFICATIONS_EN:
        if pattern.match(question):
            return pattern.sub(english, question).replace(" oppure ", " or ").replace(" o ", " or ")
    return question
