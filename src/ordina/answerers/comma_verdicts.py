"""The yes/no questions each comma decides (``regulation/esiti.yaml``), with the verdict
its text gives them.

"Posso dare un incarico di collaborazione per le attività ordinarie dell'ufficio?" is barred
by art. 61 c. 2, whose words («Non devono riguardare attività … di tipo ordinario») hold no
"vietato" a pattern could read. The data file holds, for each comma that decides whether
something may or must be done, yes/no questions written from its text with the verdict that
text gives them, on both sides of its conditions, and the decisive words copied verbatim.
A question very like one of them, and clearly more like it than like any question of the
same comma with another verdict, takes that verdict (:mod:`ordina.answerers.lookup`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ordina.answerers.comma_questions import STEMS_VERSION, QuestionIndex
from ordina.corpus.citations import overlap
from ordina.corpus.retrieve import Term
from ordina.resources import regulation_file

#: A word weighs as a sign of the other verdict when it is at least this rare among the
#: examples.
CONTRARY_IDF = 1.5
#: Bump when what the cached index holds changes.
INDEX_VERSION = "3"
#: A question takes an example's verdict only when it is at least this like it ...
VERDICT_EXAMPLE_LIKENESS = 0.6
#: ... and this much more like it than like the best example of the same comma with
#: another verdict (the other side of the comma's condition).
VERDICT_EXAMPLE_MARGIN = 0.1


@dataclass(frozen=True)
class Reading:
    """The verdict a comma's text gives a question like one of its examples."""

    citation: str
    verdict: str
    decisive: str
    example: str
    likeness: float


def verdicts_file() -> Path:
    """The data file of the yes/no questions each comma decides."""
    return regulation_file("esiti.yaml")


class VerdictIndex:
    """The examples' index, with each example's verdict and its comma's decisive words."""

    def __init__(self, index: QuestionIndex, built: dict) -> None:
        """:param index: the index of every example question (:func:`question_index`).
        :param built: example number -> [verdict, decisive words, stems] of the yes/no ones.
        """
        self.index = index
        rows = {int(i): row for i, row in built.items()}
        self.verdicts: dict[int, str] = {i: str(r[0]) for i, r in rows.items()}
        self.decisive: dict[int, str] = {i: str(r[1]) for i, r in rows.items()}
        #: every stem of each yes/no example (its words, their synonyms and translations)
        self.stems: dict[int, frozenset[str]] = {i: frozenset(r[2]) for i, r in rows.items()}

    def reading(self, question: str, terms: list[Term], citation: str,
                comma: str = "") -> Reading | None:
        """The verdict of the example of ``citation`` (or of a unit inside it, or holding
        it) most like the question, when it is like enough and the comma's examples with
        another verdict are clearly less like it and hold none of its other words.

        :param terms: the question's search terms.
        :param comma: the comma's text: its own words tell no side from the other, and a
            figure in it makes the question's figures decide (no example's verdict then
            holds unless the example states the same figures).
        """
        from ordina.query.wording import retrieval_terms

        best: dict[str, tuple[float, int]] = {}
        for i, score in self.index.scores(terms).items():
            if i not in self.verdicts or not overlap(self.index.citations[i], citation):
                continue
            verdict = self.verdicts[i]
            if score > best.get(verdict, (0.0, -1))[0]:
                best[verdict] = (score, i)
        if not best:
            return None
        ranked = sorted(best.items(), key=lambda kv: -kv[1][0])
        verdict, (score, i) = ranked[0]
        if score < VERDICT_EXAMPLE_LIKENESS:
            return None
        stated = figures(question)
        if stated and (figures(comma) or figures(self.index.texts[i])) and \
                stated != figures(self.index.texts[i]):
            return None  # "36 ore su 4 giorni" is not the example's "36 ore su 5 giorni"
        if _asks_for_oneself(question) != _asks_for_oneself(self.index.texts[i]):
            # "il comune può chiedermi indietro…?" is not "posso tenermi…?": who would act
            # turns the verdict (tuning: 2 wrong verdicts fewer, 2 right ones fewer)
            return None
        own = frozenset(s for t in retrieval_terms(comma) for s in t)
        if len(ranked) > 1 and (score - ranked[1][1][0] < VERDICT_EXAMPLE_MARGIN
                                or self._leans_the_other_way(terms, i, citation, own)):
            return None
        return Reading(self.index.citations[i], verdict, self.decisive[i],
                       self.index.texts[i], score)

    def _leans_the_other_way(self, terms: list[Term], best: int, citation: str,
                             own: frozenset[str]) -> bool:
        """Whether a word of the question that the closest example lacks, and the comma's
        own text does not hold, is one only the examples with another verdict use: "cambiando
        le condizioni" against the example "lasciando invariate le condizioni"."""
        asked = frozenset(s for t in terms for s in t)
        extra = asked - self.stems[best] - own
        same, other = set(), set()
        for i, verdict in self.verdicts.items():
            if overlap(self.index.citations[i], citation):
                (same if verdict == self.verdicts[best] else other).update(self.stems[i])
        from rapidfuzz.distance import Levenshtein

        if any(self.index.idf.get(s, 0.0) >= CONTRARY_IDF
               and not any(Levenshtein.distance(s, w) <= 1 for w in self.stems[best])
               for s in extra & (other - same)):  # "dirrettamente" is "direttamente"
            return True
        # nor may it say nothing of its side: "amministratore di un condominio" tells neither
        # «dove abito» nor «dove non abito»
        return not any(
            self.index.idf.get(s, 0.0) >= CONTRARY_IDF for s in asked & (same - other))


#: A question asking what the asker (or the asker's office) may do: "posso…", "can we…".
_FOR_ONESELF = re.compile(r"\b(?:posso|possiamo|potrei|potremmo|devo|dobbiamo|mi |ci "
                          r"|can i|may i|can we|may we|could i|could we|must i|must we|do i|do we)\b",
                          re.IGNORECASE)


def _asks_for_oneself(question: str) -> bool:
    """Whether the asker (or the asker's office) is the one who would act."""
    return bool(_FOR_ONESELF.search(question))


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def figures(text: str) -> frozenset[str]:
    """The figures a text states ("36", "7.500"), as written without separators."""
    return frozenset(re.sub(r"[.,]", "", m) for m in _FIGURE.findall(text))


@lru_cache(maxsize=1)
def verdict_index() -> VerdictIndex:
    """The verdicts of the shipped yes/no examples, over the index of every example
    question, built once per process (kept in the user's cache folder with the data
    files' bytes, so a cold start only reads it)."""
    from ordina.answerers.comma_questions import example_sources, load_examples, question_index
    from ordina.query.datafiles import cached, load_yaml

    def build() -> dict[str, list[object]]:
        said = {(str(item["cite"]), str(q["q"])): (str(q["verdict"]),
                                                  " ".join(str(item["decisive"]).split()))
                for item in load_yaml(verdicts_file()) or () for q in item.get("q") or ()}
        out: dict[str, list[object]] = {}
        for i, example in enumerate(load_examples()):
            found = said.get((example.citation, example.text))
            if found is not None:
                out[str(i)] = [*found, sorted({s for t in example.terms for s in t})]
        return out

    return VerdictIndex(question_index(), cached(f"esiti{INDEX_VERSION}idx{STEMS_VERSION}",
                                                 example_sources(), build))
