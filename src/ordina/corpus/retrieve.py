"""Rank the commi of the regulation against a question (BM25 over stems, headings weighted).

``ordina search`` asks for every word; a question has words that only frame it ("mi
sapete dire…"). Here every stem counts by how rare it is, so the comma that holds the
question's distinctive words comes first. The ranking reads the :class:`Corpus` only.
"""

from __future__ import annotations

import math
import re
import weakref
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Self

from ordina.corpus.model import Corpus, Unit
from ordina.corpus.textutil import STOPWORDS, stems, strip_accents

#: What two question words found side by side in a comma add, against their rarity.
PHRASE_WEIGHT = 0.5
#: Letters two stems must share at the start to be the same word family.
PREFIX = 5
#: How much a word of the article's heading counts against one of the comma's text.
HEADING_WEIGHT = 0.6
#: Italian verbs whose participle changes the root: "propone" / "proposti", "dispone" /
#: "disposta", "concede" / "concesso", "redige" / "redatto". Each pair joins the stems that
#: end so (either way) into one family.
ROOT_ALTERNATIONS = (("pon", "post"), ("ced", "cess"), ("cid", "cis"), ("mett", "mess"),
                     ("dig", "datt"), ("rig", "rett"), ("chied", "chiest"), ("spond", "spost"),
                     ("assum", "assunt"), ("scegl", "scelt"), ("prend", "pres"),
                     ("scriv", "scrizion"), ("scriv", "scritt"), ("dig", "dazion"))
#: A comma that opens by pointing back ("In particolare, agli stessi, sono attribuiti:",
#: "Spetta inoltre ad essi:", "Detti uffici…") speaks of its predecessor's subject.
ANAPHORA = re.compile(r"^\W*(?:\w+[\s,]+){0,3}?(?:agli stessi|ad essi|ad esse|gli stessi|"
                      r"le stesse|detti|dette|detto|detta)\b", re.IGNORECASE)
_K1, _B = 1.2, 0.5
_STOP_STEMS = frozenset(stems(" ".join(STOPWORDS)))


class Term(frozenset[str]):
    """One search term: alternative stems, and the ``head`` among them that the question
    (or the regulation's term for it) says.

    Other alternatives (a synonym, an English word, the word family) may stand for the head
    but never weigh more than it: "staff" for "dipendenti" is not worth a rare word.
    """

    head: frozenset[str]

    def __new__(cls, stems: Iterable[str], head: Iterable[str] | None = None) -> Self:
        term = super().__new__(cls, stems)
        term.head = frozenset(head) & term if head is not None else frozenset(term)
        return term

    def __reduce__(self) -> tuple[Any, ...]:
        return (Term, (frozenset(self), self.head))


def head_of(term: frozenset[str]) -> frozenset[str]:
    """The stems ``term`` stands for (all of them for a plain set)."""
    return getattr(term, "head", None) or term


@dataclass(frozen=True)
class Ranked:
    """One comma (or allegato, table) and how well it matches."""

    unit: Unit
    score: float
    matched: frozenset[str]
    """The question's stems found in the comma or its heading."""


class CommaIndex:
    """Stems of every comma, allegato and table, with their document frequencies."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.docs: list[tuple[Unit, Counter[str], frozenset[str], int]] = []
        self.pairs: dict[str, frozenset[tuple[str, str]]] = {}
        df: Counter[str] = Counter()
        for unit in corpus.units.values():
            body = _body(corpus, unit)
            if body is None:
                continue
            article = corpus.get(unit.article_eid or "") if unit.article_eid else None
            heading = (article or unit).heading
            before = antecedent(corpus, unit)
            if before is not None:  # "agli stessi": the predecessor's words are its subject
                heading = f"{heading} {before.text or ''}"
            content = [s for s in stems(body) if s not in _STOP_STEMS]
            tf = Counter(content)
            self.pairs[unit.eid] = frozenset(pairwise(content))
            head = frozenset(s for s in stems(heading) if s not in _STOP_STEMS)
            self.docs.append((unit, tf, head, sum(tf.values())))
            df.update(set(tf) | head)
        self.df = df
        self.eids = frozenset(d[0].eid for d in self.docs)
        #: stem -> (doc, its count there) and stem -> docs whose heading holds it
        self.in_text: dict[str, list[tuple[int, int]]] = {}
        self.in_head: dict[str, list[int]] = {}
        for i, (_unit, tf, head, _length) in enumerate(self.docs):
            for stem, count in tf.items():
                self.in_text.setdefault(stem, []).append((i, count))
            for stem in head:
                self.in_head.setdefault(stem, []).append(i)
        self.avg = sum(d[3] for d in self.docs) / max(len(self.docs), 1)
        #: the BM25 length norm of each doc
        self.norms = [_K1 * (1 - _B + _B * d[3] / self.avg) for d in self.docs]
        self._weights: dict[tuple[frozenset[str], frozenset[str]], dict[str, float]] = {}
        self._by_prefix: dict[str, list[str]] = {}
        for stem in df:
            if len(stem) >= PREFIX:
                self._by_prefix.setdefault(stem[:PREFIX], []).append(stem)

    def related(self, stem: str) -> set[str]:
        """Stems of the same word family ("gradu" -> "graduazion"): one is the other's start.

        The stemmer cuts a verb and its noun differently ("gradua", "graduazione"); a shared
        start of at least :data:`PREFIX` letters joins them.
        """
        if len(stem) < PREFIX:
            return set()
        out = {v for v in self._by_prefix.get(stem[:PREFIX], ())
               if v != stem and (v.startswith(stem) or stem.startswith(v))}
        for a, b in ROOT_ALTERNATIONS:
            for this, other in ((a, b), (b, a)):
                if stem.endswith(this) and len(stem) > len(this) + 1:
                    root = stem[:-len(this)] + other
                    out |= {v for v in self._by_prefix.get(root[:PREFIX], ())
                            if v.startswith(root)}
        return out

    def widen(self, terms: list[frozenset[str]]) -> list[frozenset[str]]:
        """Each term with the stems of its word family as alternatives (its head kept)."""
        return [Term(t | frozenset(r for s in t for r in self.related(s)), head_of(t))
                for t in terms]

    def idf(self, stem: str) -> float:
        """Rarity of ``stem`` across the commi (0 for a stem no comma has)."""
        n = self.df.get(stem, 0)
        if not n:
            return 0.0
        return math.log(1 + (len(self.docs) - n + 0.5) / (n + 0.5))

    def weights(self, term: frozenset[str]) -> dict[str, float]:
        """The rarity of each alternative of ``term``, none above the rarest of its head
        (when the head is in some comma: else the alternatives stand for it)."""
        key = (frozenset(term), head_of(term))
        found = self._weights.get(key)
        if found is None:
            cap = max((self.idf(s) for s in key[1]), default=0.0) or math.inf
            # in sorted order: a tie between alternatives is settled the same way every run
            found = self._weights[key] = {s: min(self.idf(s), cap) for s in sorted(term)}
        return found

    def rank(self, terms: list[frozenset[str]], limit: int = 10,
             pairs: frozenset[tuple[str, str]] = frozenset()) -> list[Ranked]:
        """The commi best matching ``terms`` (each a set of alternative stems), best first.

        A term scores by its best alternative in each comma, so a synonym group counts once.
        """
        weighted = [(term, self.weights(term)) for term in terms]
        weighted = [(t, w) for t, w in weighted if any(w.values())]
        if not weighted:
            return []
        norms = self.norms
        scores: dict[int, float] = {}
        matched: dict[int, set[str]] = {}
        for _term, weights in weighted:
            best: dict[int, float] = {}
            for s, w in weights.items():
                if not w:
                    continue
                values: dict[int, float] = {}
                for i, f in self.in_text.get(s, ()):
                    values[i] = w * f * (_K1 + 1) / (f + norms[i])
                for i in self.in_head.get(s, ()):
                    values[i] = values.get(i, 0.0) + w * HEADING_WEIGHT
                for i, value in values.items():
                    if value:
                        matched.setdefault(i, set()).add(s)  # every alternative held
                        if value > best.get(i, 0.0):
                            best[i] = value
            for i, value in best.items():
                scores[i] = scores.get(i, 0.0) + value
        out: list[Ranked] = []
        for i in sorted(scores):  # in the corpus's order: ties keep it
            score = scores[i]
            unit = self.docs[i][0]
            if score > 0 and pairs:
                # "retribuzione di risultato" as a phrase, not two words apart
                held = pairs & self.pairs.get(unit.eid, frozenset())
                score += PHRASE_WEIGHT * sum(self.idf(a) + self.idf(b) for a, b in held) / 2
            if score > 0:
                out.append(Ranked(unit, score, frozenset(matched.get(i, ()))))
        out.sort(key=lambda r: -r.score)
        return out[:limit]

    def weight(self, terms: list[frozenset[str]]) -> float:
        """The most any comma could score on ``terms`` by rarity alone (for a coverage share)."""
        return sum(max(self.weights(t).values(), default=0.0) for t in terms)

    def coverage(self, ranked: Ranked, terms: list[frozenset[str]],
                 unknown: float = 0.0, literal: bool = False) -> float:
        """Share of the question's rarity that ``ranked`` holds (0–1).

        :param unknown: the weight of each term no comma holds ("caffè"): a question about
            things the regulation never names is not answered by it.
        :param literal: every alternative at its own rarity (a rare synonym not held counts
            as missing): the stricter share a verdict read from the text asks for.
        """
        weights = [{s: self.idf(s) for s in t} if literal else self.weights(t) for t in terms]
        total = sum(max(w.values(), default=0.0) for w in weights)
        total += unknown * sum(1 for t in terms if not self.weight([t]))
        if not total:
            return 0.0
        held = sum(max((v for s, v in w.items() if s in ranked.matched), default=0.0)
                   for w in weights)
        return held / total


def word_stems(text: str) -> list[str]:
    """The distinctive stems of ``text`` in order (stop words dropped)."""
    return [s for s in stems(strip_accents(text.lower()).replace("'", " "))
            if s not in _STOP_STEMS and len(s) > 1]


def antecedent(corpus: Corpus, unit: Unit) -> Unit | None:
    """The comma that ``unit`` (a comma, or a point inside one) points back to with
    "agli stessi", "ad essi", "detti…": the one before it in its article."""
    comma: Unit | None = unit
    while comma is not None and comma.kind != "comma":
        comma = corpus.get(comma.parent or "")
    if comma is None or not comma.text or not ANAPHORA.match(comma.text):
        return None
    article = corpus.get(comma.parent or "")
    siblings = [c for c in corpus.children(article) if c.kind == "comma"] if article else []
    at = next((i for i, c in enumerate(siblings) if c.eid == comma.eid), 0) - 1
    while at > 0 and ANAPHORA.match(siblings[at].text or ""):
        at -= 1  # "Spetta inoltre ad essi" after "agli stessi, sono attribuiti": further back
    return siblings[at] if at >= 0 else None


def _body(corpus: Corpus, unit: Unit) -> str | None:
    """The searchable text of a unit, or None for units searched through another one."""
    if unit.repealed:
        return None
    if unit.kind == "comma" or (unit.kind == "articolo" and unit.text):
        return corpus.full_text(unit)
    if unit.kind in ("allegato", "sezione") and unit.text:
        return unit.text
    if unit.kind == "tabella":
        return "\n".join(" ".join(row) for row in unit.rows or [])
    return None


_INDEXES: weakref.WeakKeyDictionary[Corpus, CommaIndex] = weakref.WeakKeyDictionary()


def comma_index(corpus: Corpus) -> CommaIndex:
    """The index of ``corpus``, built once per corpus object."""
    index = _INDEXES.get(corpus)
    if index is None:
        index = _INDEXES[corpus] = CommaIndex(corpus)
    return index
