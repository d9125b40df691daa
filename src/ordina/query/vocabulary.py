"""The words the query layer recognises beyond the grammar's keywords.

Activity kinds, client types, kinship, profiles, matters... come from
:mod:`ordina.facts` (the single source of truth, shared with ``--fact``). Offices
(segretario, responsabile del personale...) are defined here: they are *subjects*,
resolved to a person by the engine as of a date.

Matching runs on the normalised lowercase text with one compiled regex, longest
phrase first, so "amministratore di condominio" beats "amministratore".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ordina import facts

#: Offices a question can be about: key -> (label, synonyms).
OFFICES: dict[str, tuple[str, tuple[str, ...]]] = {
    "segretario": ("Segretario comunale", (
        "segretario", "segretario comunale", "segretaria", "segretaria comunale",
        "secretary", "town clerk", "segretario generale")),
    "vice_segretario": ("Vice Segretario", (
        "vice segretario", "vicesegretario", "vice-segretario", "deputy secretary",
        "vice secretary")),
    "responsabile_personale": ("Responsabile del personale", (
        "responsabile del personale", "responsabile dell'ufficio personale",
        "responsabile dell' ufficio personale", "responsabile ufficio personale",
        "capo del personale", "ufficio personale", "personnel head", "head of personnel",
        "hr manager")),
    "rpc": ("Responsabile della prevenzione della corruzione", (
        "rpc", "rpct", "responsabile anticorruzione",
        "responsabile della prevenzione della corruzione",
        "responsabile prevenzione corruzione", "responsabile per la prevenzione della corruzione",
        "anti-corruption officer", "anticorruption officer")),
    "sindaco": ("Sindaco", ("sindaco", "sindaca", "mayor")),
    "giunta": ("Giunta comunale", ("giunta", "giunta comunale", "executive board")),
    "direttore_generale": ("Direttore generale", ("direttore generale", "general manager")),
    "responsabile_area": ("Responsabile di Area (titolare di PO/EQ)", (
        "responsabile di area", "responsabile d'area", "responsabile d' area",
        "responsabili di area", "responsabile di servizio", "responsabile del servizio",
        "titolare di posizione organizzativa", "titolare di po", "titolare di eq",
        "titolare di p.o.", "area head", "head of area")),
    "datore_di_lavoro": ("Datore di lavoro (sicurezza, art. 83)", (
        "datore di lavoro", "rspp", "employer")),
}

#: Words naming a PO/EQ holder (posizione organizzativa = EQ, old and new terms).
PO_WORDS: tuple[str, ...] = (
    "po", "p.o.", "eq", "e.q.", "posizione organizzativa", "posizioni organizzative",
    "elevata qualificazione", "titolare di po", "titolare di eq",
    "titolare di posizione organizzativa", "incaricato di eq", "incaricato di po",
)

#: Words that begin a unit name ("area tecnica", "servizio finanziario").
UNIT_WORDS: tuple[str, ...] = (
    "area", "servizio", "ufficio", "settore", "dipartimento", "unita", "u.o.", "staff",
)

#: Kinship words that are ambiguous and must be asked back.
AMBIGUOUS = facts.AMBIGUOUS_KINSHIP

#: Fact name -> synonyms (typed word -> canonical value), matched in questions.
FACT_SYNONYMS: dict[str, dict[str, str]] = {
    "activity_kind": facts.ACTIVITY_SYNONYMS,
    "client_type": facts.CLIENT_SYNONYMS,
    "client_relation": facts.CLIENT_RELATION_SYNONYMS,
    "profile": facts.PROFILE_SYNONYMS,
    "area": facts.AREA_SYNONYMS,
    "kinship": facts.KINSHIP_SYNONYMS,
    "related_to": facts.POLITICAL_ROLE_SYNONYMS,
    "matter": facts.MATTER_SYNONYMS,
    "absence_kind": facts.ABSENCE_SYNONYMS,
    "deadline_kind": facts.DEADLINE_SYNONYMS,
}


@dataclass(frozen=True)
class Term:
    """A vocabulary phrase found in a question: what it can mean, and where it is."""

    start: int
    end: int
    text: str
    #: (fact or "office" / "po" / "ambiguous_kinship", canonical value) pairs.
    meanings: tuple[tuple[str, str], ...]

    def value(self, fact: str) -> str | None:
        """The canonical value this term gives ``fact``, if any."""
        for name, value in self.meanings:
            if name == fact:
                return value
        return None

    def means(self, fact: str) -> bool:
        return any(name == fact for name, _ in self.meanings)


def _phrase_pattern(phrase: str) -> str:
    parts = re.split(r"\s+", phrase.strip())
    out = []
    for part in parts:
        piece = re.escape(part)
        piece = piece.replace("'", r"'\s*")
        out.append(piece)
    return r"\s+".join(out)


@lru_cache(maxsize=1)
def _index() -> tuple[re.Pattern[str], dict[str, tuple[tuple[str, str], ...]]]:
    meanings: dict[str, list[tuple[str, str]]] = {}

    def add(phrase: str, meaning: tuple[str, str]) -> None:
        key = re.sub(r"\s+", " ", facts.normalise_word(phrase)).replace("' ", "'")
        bucket = meanings.setdefault(key, [])
        if meaning not in bucket:
            bucket.append(meaning)

    for fact_name, synonyms in FACT_SYNONYMS.items():
        for word, value in synonyms.items():
            add(word, (fact_name, value))
        for value in facts.FACTS[fact_name].choices:
            add(value.replace("_", " "), (fact_name, value))
    for key, (_label, words) in OFFICES.items():
        for word in words:
            add(word, ("office", key))
    for word in PO_WORDS:
        add(word, ("po", "true"))
    for word, options in AMBIGUOUS.items():
        add(word, ("ambiguous_kinship", "|".join(options)))
    phrases = sorted(meanings, key=lambda p: (-len(p), p))
    pattern = re.compile(
        r"(?<![\w'])(?:" + "|".join(_phrase_pattern(p) for p in phrases) + r")(?![\w'])")
    return pattern, {k: tuple(v) for k, v in meanings.items()}


def find_terms(lower_text: str) -> list[Term]:
    """Every vocabulary phrase in the normalised lowercase text, left to right."""
    pattern, meanings = _index()
    found = []
    for match in pattern.finditer(lower_text):
        key = re.sub(r"\s+", " ", match.group(0)).replace("' ", "'")
        meaning = meanings.get(key)
        if meaning:
            found.append(Term(match.start(), match.end(), match.group(0), meaning))
    return found


def office_label(key: str) -> str:
    """The Italian name of an office key."""
    return OFFICES[key][0] if key in OFFICES else key
