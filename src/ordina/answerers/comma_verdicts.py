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

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ordina.answerers.comma_questions import STEMS_VERSION, QuestionIndex
from ordina.corpus.retrieve import Term
from ordina.resources import regulation_file

#: A word weighs as a sign of the other verdict when it is at least this rare among the
#: examples.
CONTRARY_IDF = 1.5
#: Bump when what the cached index holds changes.
INDEX_VERSION = "2"
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


def _rows() -> list[list[str]]:
    """[citation, question, verdict, decisive words] of every example."""
    from ordina.query.datafiles import load_yaml

    out: list[list[str]] = []
    for item in load_yaml(verdicts_file()) or ():
        for asked in item.get("q") or ():
            out.append([str(item["cite"]), str(asked["q"]), str(asked["verdict"]),
                        " ".join(str(item["decisive"]).split())])
    return out


def example_questions() -> list[tuple[str, str]]:
    """(citation, question) of every example: they are also questions the comma answers."""
    return [(c, q) for c, q, _v, _d in _rows()]


class VerdictIndex:
    """The examples' index, with each example's verdict and its comma's decisive words."""

    def __init__(self, built: dict) -> None:
        self.index = QuestionIndex([], built=built["index"])
        self.verdicts: list[str] = built["verdicts"]
        self.decisive: list[str] = built["decisive"]
        #: every stem of each example (its words, their synonyms and translations)
        self.stems: list[frozenset[str]] = [frozenset(s) for s in built["stems"]]

    def reading(self, terms: list[Term], citation: str,
                own: frozenset[str] = frozenset()) -> Reading | None:
        """The verdict of the example of ``citation`` (or of a unit inside it, or holding
        it) most like the question, when it is like enough and the comma's examples with
        another verdict are clearly less like it and hold none of its other words.

        :param own: the stems of the comma's own text, which tell no side from the other.
        """
        best: dict[str, tuple[float, int]] = {}
        for i, score in self.index.scores(terms).items():
            cited = self.index.citations[i]
            if not _overlaps(cited, citation):
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
        for i, cited in enumerate(self.index.citations):
            if _overlaps(cited, citation):
                (same if self.verdicts[i] == self.verdicts[best] else other).update(self.stems[i])
        from rapidfuzz.distance import Levenshtein

        return any(self.index.idf.get(s, 0.0) >= CONTRARY_IDF
                   and not any(Levenshtein.distance(s, w) <= 1 for w in self.stems[best])
                   for s in extra & (other - same))  # "dirrettamente" is "direttamente"


def _overlaps(one: str, other: str) -> bool:
    """``art. 66 c. 1 lett. a`` and ``art. 66 c. 1``: one is, or is inside, the other."""
    return one == other or one.startswith(other + " ") or other.startswith(one + " ")


@lru_cache(maxsize=1)
def verdict_index() -> VerdictIndex:
    """The index of the shipped examples, built once per process (kept in the user's cache
    folder with the data file's bytes, so a cold start only reads it)."""
    from ordina.answerers.comma_questions import Example
    from ordina.query.datafiles import cached
    from ordina.query.wording import retrieval_terms

    def build() -> dict:
        rows = _rows()
        examples = [Example(c, q, tuple(retrieval_terms(q))) for c, q, _v, _d in rows]
        return {"index": QuestionIndex(examples).to_json(),
                "stems": [sorted({s for t in e.terms for s in t}) for e in examples],
                "verdicts": [v for _c, _q, v, _d in rows],
                "decisive": [d for _c, _q, _v, d in rows]}

    return VerdictIndex(cached(f"esiti{INDEX_VERSION}idx{STEMS_VERSION}", [verdicts_file()], build))
