"""Completions for the question box: question forms, names, article numbers.

Pure and synchronous so it is cheap to test; the app feeds it the names of the
database and the citations of the corpus.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

from ordina.textfold import fold


def normalise_word(text: str) -> str:
    """Lowercase, no accents (:func:`ordina.textfold.fold`)."""
    return fold(text)

#: How questions usually start (Italian first), from the forms ``ordina ask`` understands.
QUESTION_FORMS: tuple[str, ...] = (
    "cosa dice l'articolo ",
    "chi cita l'articolo ",
    "chi cita l'allegato ",
    "cerca ",
    "chi è ",
    "chi è il responsabile dell'",
    "chi sostituisce ",
    "chi sostituisce il segretario il ",
    "chi autorizza le ferie di ",
    "chi autorizza le missioni di ",
    "obblighi di ",
    "incompatibilità di ",
    "incarichi in scadenza",
    "può ",
    "posso fare volontariato gratuito?",
    "posso chiedere la mobilità in uscita?",
    "un dipendente a tempo pieno può fare l'amministratore di una srl?",
    "un dipendente al 40% di part-time può fare il libero professionista?",
    "un agente di polizia municipale può chiedere il part-time?",
    "il cugino dell'assessore può avere un contratto a tempo determinato ex art. 110?",
    ("incarico da 1.500 euro, retribuzione base 24.000, già autorizzati 4.000 "
     "quest'anno: è ammesso?"),
    "graduazione 80 e Pmax 16.000: quanto è la retribuzione di posizione?",
    "sono assunto da 3 anni, posso chiedere la mobilità in uscita?",
)


@dataclass(frozen=True)
class Entity:
    """Something a question names: a person, a unit, a reference."""

    text: str
    """What goes into the question ("Mario Rossi", "art. 88")."""
    label: str = ""
    """What the list shows ("art. 88 – L'autorizzazione"); ``text`` when empty."""
    kind: str = "nome"
    """"persona", "unità", "riferimento": shown beside the label."""


@dataclass(frozen=True)
class Completion:
    """A proposal: the whole new content of the box, and how to show it."""

    value: str
    label: str


_ART = re.compile(r"^(?:art(?:icolo)?\.?\s*)(\d*)$")


def _starts(text: str, words: int = 3) -> list[int]:
    """Where the fragment to complete may start: the last words, and after an elision."""
    starts: list[int] = []
    for m in list(re.finditer(r"\S+", text))[-words:]:
        starts.append(m.start())
        elision = re.match(r"[^\s'’]+['’]", m.group())
        if elision:
            starts.append(m.start() + elision.end())
    return starts


class _Index(NamedTuple):
    """Sorted keys for prefix look-ups by bisection (built off the UI thread, swapped whole)."""

    entities: list[Entity]
    names: list[tuple[str, int]]
    """(folded whole name, entity position), sorted."""
    words: list[tuple[str, int]]
    """(folded later word of a name, entity position), sorted: "ros" finds "Mario Rossi"."""
    refs: list[tuple[str, int]]
    """(folded citation, entity position) of references, in document order."""


def _prefixed(keys: list[tuple[str, int]], prefix: str, limit: int) -> list[int]:
    found, at = [], bisect_left(keys, (prefix, -1))
    while at < len(keys) and keys[at][0].startswith(prefix) and len(found) < limit:
        found.append(keys[at][1])
        at += 1
    return found


class Completer:
    """Proposes completions for a partly typed question.

    Thousands of names (a 25,000-employee Comune) answer in well under a millisecond:
    names are looked up by bisection in sorted keys, never scanned.
    """

    #: Most entity matches considered for one fragment.
    SCAN = 40

    def __init__(self, entities: list[Entity] | None = None,
                 forms: tuple[str, ...] = QUESTION_FORMS) -> None:
        self.forms = [(normalise_word(f), f) for f in forms]
        self._index = _Index([], [], [], [])
        self.add(entities or [])

    @property
    def entities(self) -> list[Entity]:
        """Everything the completer can propose besides the question forms."""
        return self._index.entities

    def add(self, entities: list[Entity]) -> None:
        """Learn more names; safe to call from a worker thread (the index is swapped whole)."""
        every = [*self._index.entities, *entities]
        names, words, refs = [], [], []
        for position, entity in enumerate(every):
            norm = normalise_word(entity.text)
            names.append((norm, position))
            words += [(word, position) for word in norm.split()[1:]]
            if entity.kind == "riferimento":
                refs.append((norm, position))
        names.sort()
        words.sort()
        self._index = _Index(every, names, words, refs)

    def _entity_matches(self, fragment: str) -> list[Entity]:
        index = self._index
        frag = normalise_word(fragment)
        if not frag:
            return []
        art = _ART.match(frag)
        if art and art.group(1):
            # "art. 8" → art. 8, art. 80–89 (numbers, not letters, decide)
            wanted = re.compile(rf"art\. {art.group(1)}\d*")
            return [index.entities[i] for n, i in index.refs if wanted.fullmatch(n)]
        whole = _prefixed(index.names, frag, self.SCAN)
        later = [i for i in _prefixed(index.words, frag, self.SCAN) if i not in whole]
        found = [index.entities[i] for i in whole] + [index.entities[i] for i in later]
        return sorted(found, key=lambda e: (not normalise_word(e.text).startswith(frag),
                                            len(e.text)))

    def complete(self, text: str, limit: int = 6) -> list[Completion]:
        """Completions of ``text``, best first; empty when nothing fits or text is blank."""
        if not text.strip():
            return []
        norm = normalise_word(text)
        found: list[Completion] = []
        if len(norm) >= 2:
            for fnorm, form in self.forms:
                if fnorm.startswith(norm) and fnorm != norm:
                    found.append(Completion(form, form.strip()))
        for start in _starts(text):
            fragment = text[start:]
            if text.endswith(" ") or len(normalise_word(fragment)) < 2:
                continue
            matches = self._entity_matches(fragment)
            for entity in matches:
                label = entity.label or entity.text
                found.append(Completion(text[:start] + entity.text, f"{label}  ({entity.kind})"))
            if matches:
                break  # the longest fragment that names something wins
        unique: dict[str, Completion] = {}
        for completion in found:
            if normalise_word(completion.value) != norm:
                unique.setdefault(completion.value, completion)
        return list(unique.values())[:limit]
