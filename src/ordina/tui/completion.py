"""Completions for the question box: question forms, names, article numbers.

Pure and synchronous so it is cheap to test; the app feeds it the names of the
database and the citations of the corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def normalise_word(text: str) -> str:
    """Lowercase, no accents (``ordina.facts.normalise_word``, imported on first use)."""
    from ordina.facts import normalise_word as fold

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


class Completer:
    """Proposes completions for a partly typed question."""

    def __init__(self, entities: list[Entity] | None = None,
                 forms: tuple[str, ...] = QUESTION_FORMS) -> None:
        self.forms = [(normalise_word(f), f) for f in forms]
        self.entities: list[tuple[str, Entity]] = []
        self.add(entities or [])

    def add(self, entities: list[Entity]) -> None:
        """Learn more names (the database's people arrive after the app starts)."""
        self.entities += [(normalise_word(e.text), e) for e in entities]

    def _entity_matches(self, fragment: str) -> list[Entity]:
        frag = normalise_word(fragment)
        if not frag:
            return []
        art = _ART.match(frag)
        if art and art.group(1):
            # "art. 8" → art. 8, art. 80–89 (numbers, not letters, decide)
            num = art.group(1)
            return [e for n, e in self.entities
                    if e.kind == "riferimento" and re.fullmatch(rf"art\. {num}\d*", n)]
        out = []
        for norm, entity in self.entities:
            if norm.startswith(frag) or any(w.startswith(frag) for w in norm.split()[1:]):
                out.append(entity)
        return sorted(out, key=lambda e: (not normalise_word(e.text).startswith(frag),
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
