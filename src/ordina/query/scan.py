"""The parsed question as one object the interpreter can query: items, terms, cues.

Grammar items (refs, values, cues, words) and vocabulary terms (from
:mod:`ordina.query.vocabulary`) overlap in the text; this module lines them up and
answers the small questions the interpreter keeps asking ("is there a SUBSTITUTE cue?",
"which activity kind is named?", "what comes after this cue?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ordina.query.normalize import Normalized
from ordina.query.parser import Item
from ordina.query.vocabulary import Term, find_terms


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that carry no meaning of their own between phrases.
STOPWORDS: frozenset[str] = frozenset(["a", "ad", "al", "all'", "alla", "alle", "allo", "agli", "ai", "che", "chi", "ci", "col", "con", "come", "cosa", "da", "dal", "dall'", "dalla", "dalle", "dai", "dagli", "dei", "degli", "del", "dell'", "della", "delle", "dello", "di", "e", "ed", "gli", "i", "il", "in", "l'", "la", "le", "lo", "ma", "mi", "ne", "nel", "nell'", "nella", "nelle", "nei", "negli", "nello", "o", "per", "piu", "po", "quale", "quali", "quanto", "quanta", "quanti", "quante", "se", "si", "sia", "su", "sul", "sull'", "sulla", "sulle", "sui", "suo", "sua", "suoi", "sue", "tra", "fra", "un", "un'", "una", "uno", "ha", "hanno", "ho", "hai", "abbiamo", "era", "essere", "e'", "c'", "questo", "questa", "questi", "queste", "quello", "quella", "quel", "quei", "quegli", "qual", "dove", "perche", "quando", "cui", "anche", "gia", "ancora", "solo", "ogni", "tutti", "tutte", "tutto", "the", "a", "an", "of", "to", "for", "by", "on", "in", "at", "is", "are", "was", "be", "been", "do", "does", "did", "has", "have", "had", "with", "and", "or", "from", "about", "this", "that", "these", "those", "it", "its", "as", "if", "my", "your", "his", "her", "their", "our", "me", "i", "you", "he", "she", "they", "we", "what", "which", "who", "whom", "how", "when", "where", "why", "can", "may", "could", "should", "would", "will", "shall"])

#: Words that begin a sentence or a question and are never names.
NOT_NAMES: frozenset[str] = STOPWORDS | frozenset(["quanto", "quanti", "quanta", "quante", "come", "dove", "perche", "esiste", "esistono", "ci", "serve", "servono", "occorre", "bisogna", "devo", "deve", "devono", "voglio", "vorrei", "vuole", "secondo", "regolamento", "comune", "ente", "legge", "norma", "accettare", "accetta", "fare", "fa", "svolgere", "svolge", "esercitare", "lavorare", "chiedere", "chiede", "richiedere", "ottenere", "avere", "ha", "essere", "diventare", "ricoprire", "prendere", "assumere", "dare", "dato", "data", "dati", "domanda", "risposta", "richiesta", "tempo", "anno", "anni", "mese", "mesi", "giorno", "giorni", "contratto", "contratti", "persona", "personale", "ufficio", "area", "servizio", "settore", "sig", "signor", "signora", "dott", "dottor", "dottoressa", "ing", "avv", "arch", "rag", "geom", "please", "tell", "me", "hi", "ciao", "buongiorno", "grazie", "thanks", "accept", "do", "work", "ask", "get", "have", "hold", "take", "be", "become", "teach", "lecture", "run", "open", "quest'", "sara", "puo", "posso", "hello", "help", "aiuto", "regolamento", "rules", "rule"])

#: Capitalised titles that introduce a name ("il dott. Rossi").
TITLES: frozenset[str] = frozenset(["sig", "signor", "signora", "dott", "dottor", "dottoressa", "ing", "avv", "arch", "rag", "geom", "mr", "mrs", "ms", "dr"])

#: Words after which a name is expected ("obblighi di Bianchi", "employee Rossi").
NAME_MARKERS: frozenset[str] = frozenset(["di", "del", "della", "dello", "dell'", "dei", "degli", "delle", "of", "for", "employee", "dipendente", "collega", "colleague", "per", "a", "al", "alla"])


@dataclass
class Scan:
    """A question's items and terms, with helpers. Built once per question."""

    norm: Normalized
    items: list[Item]
    today: date
    terms: list[Term] = field(default_factory=list)
    lower: str = ""

    def __post_init__(self) -> None:
        self.lower = self.norm.lower
        value_spans = [(i.start, i.end) for i in self.items
                       if i.kind not in ("word", "cue", "category")]
        self.terms = [t for t in find_terms(self.lower)
                      if not any(s < t.end and t.start < e for s, e in value_spans)]
        # a longer vocabulary phrase ("deputy secretary") silences the cue inside it
        covered = [(t.start, t.end) for t in self.terms if " " in t.text.strip()]
        self.items = [
            i for i in self.items
            if not (i.kind == "cue" and any(s <= i.start and i.end <= e and (e - s) > (i.end - i.start)
                                            for s, e in covered))
        ]
        self._cues: dict[str, list[Item]] = {}
        for item in self.items:
            if item.kind == "cue":
                self._cues.setdefault(item.value, []).append(item)

    # -- cues
    def has(self, *cues: str) -> bool:
        """True when any of ``cues`` occurs."""
        return any(c in self._cues for c in cues)

    def cue(self, name: str) -> Item | None:
        """The first occurrence of cue ``name``."""
        found = self._cues.get(name)
        return found[0] if found else None

    def cue_text(self, name: str) -> str:
        """The lowercase text of the first cue ``name`` ("" when absent)."""
        item = self.cue(name)
        return item.text.lower() if item else ""

    # -- items
    def of_kind(self, *kinds: str) -> list[Item]:
        return [i for i in self.items if i.kind in kinds]

    def first(self, *kinds: str) -> Item | None:
        for item in self.items:
            if item.kind in kinds:
                return item
        return None

    def index(self, item: Item) -> int:
        return self.items.index(item)

    def words(self) -> list[Item]:
        return [i for i in self.items if i.kind == "word"]

    def word_set(self) -> set[str]:
        return {i.value.lower() for i in self.items if i.kind == "word"}

    # -- terms
    def term_values(self, fact: str) -> list[tuple[Term, str]]:
        """Vocabulary terms naming a value of ``fact``, left to right."""
        out = []
        for term in self.terms:
            value = term.value(fact)
            if value is not None:
                out.append((term, value))
        return out

    def term_value(self, fact: str) -> str | None:
        """The value of ``fact`` named by the longest matching term (first on ties)."""
        found = self.term_values(fact)
        if not found:
            return None
        return max(found, key=lambda tv: (len(tv[0].text), -tv[0].start))[1]

    def offices(self) -> list[tuple[Term, str]]:
        return self.term_values("office")

    def covered_by_term(self, item: Item) -> bool:
        return any(t.start <= item.start and item.end <= t.end for t in self.terms)

    # -- text
    def search(self, pattern: str) -> re.Match[str] | None:
        """Regex search on the normalised lowercase text."""
        return re.search(pattern, self.lower)

    def between(self, start: int, end: int) -> str:
        return self.lower[start:end]

    def negated_before(self, pos: int, window: int = 14) -> bool:
        """True when a negation ("non", "senza", "not") closely precedes ``pos``."""
        before = self.lower[max(0, pos - window):pos]
        return bool(re.search(r"(?<![\w'])(?:non|senza|not|no|without|nessun[oa]?)(?![\w'])",
                              before))
