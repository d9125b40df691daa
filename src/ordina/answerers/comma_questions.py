"""The questions each comma answers (``regulation/domande.yaml``), matched against a question.

A comma's own words are not the words people ask it with: "chi iscrive gli esperti nelle
liste?" is answered by "provvedimento motivato del responsabile del personale". The data file
holds, for each comma, questions written from its text in the voices of staff, the personnel
office, the Segretario and anyone looking a rule up. A question like one of them points to its
comma: the look-up (:mod:`ordina.answerers.lookup`) adds that likeness to the comma's score.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ordina.corpus.retrieve import Term, head_of
from ordina.resources import regulation_file

#: Bump when how an example is turned into stems changes (the cache is rebuilt).
STEMS_VERSION = "2"
#: Examples sharing fewer terms with the question than this are not alike.
MIN_SHARED = 2


@dataclass(frozen=True)
class Example:
    """One question written for a comma, as its search terms (each a set of alternative
    stems: the word, its synonyms and its translation, one term as in the question)."""

    citation: str
    text: str
    terms: tuple[Term, ...]


def questions_file() -> Path:
    """The data file of the questions each comma answers."""
    return regulation_file("domande.yaml")


def example_sources() -> list[Path]:
    """The data files of example questions: the questions each comma answers, and the
    yes/no questions each comma decides (``regulation/esiti.yaml``), which it answers too."""
    from ordina.answerers.comma_verdicts import verdicts_file

    return [questions_file(), verdicts_file()]


def _questions_in(path: Path) -> list[tuple[str, str]]:
    """(citation, question) of every example of one data file."""
    from ordina.query.datafiles import load_yaml

    return [(str(item["cite"]), str(q["q"] if isinstance(q, dict) else q))
            for item in load_yaml(path) or () for q in item.get("q") or ()]


def load_examples(paths: list[Path] | None = None) -> list[Example]:
    """Every example question with its comma's citation (terms cached with the files)."""
    from ordina.query.datafiles import cached
    from ordina.query.wording import retrieval_terms

    sources = paths or example_sources()

    def build() -> list[list[object]]:
        return [[citation, question,
                 [[sorted(t.head), sorted(t)] for t in retrieval_terms(question)]]
                for path in sources for citation, question in _questions_in(path)]

    rows = cached(f"commaq{STEMS_VERSION}", sources, build)  # keyed by the files' bytes
    return [Example(str(c), str(q), tuple(Term(alts, head) for head, alts in terms))
            for c, q, terms in rows]


class QuestionIndex:
    """The example questions, each term weighted by how rare its words are among them."""

    def __init__(self, examples: list[Example], built: dict | None = None) -> None:
        """:param built: :meth:`to_json` of an index of the same examples, so a cold start
        reads the weights instead of computing them."""
        if built is not None:
            self.citations: list[str] = built["citations"]
            self.texts: list[str] = built["texts"]
            self.postings = built["postings"]  # [example, term] pairs, as JSON lists
            self.idf = built["idf"]
            self.weights = built["weights"]
            self.norms = built["norms"]
            return
        self.citations = [e.citation for e in examples]
        self.texts = [e.text for e in examples]
        #: stem -> (example, term of that example) holding it
        self.postings: dict[str, list[tuple[int, int]]] = {}  # stem -> (example, term)
        df: dict[str, set[int]] = {}
        for i, e in enumerate(examples):
            for j, term in enumerate(e.terms):
                for stem in term:
                    self.postings.setdefault(stem, []).append((i, j))
                    df.setdefault(stem, set()).add(i)
        n = len(examples) or 1
        self.idf = {s: math.log(1 + (n - len(ids) + 0.5) / (len(ids) + 0.5))
                    for s, ids in df.items()}
        self.weights = [[self._weight(t) for t in e.terms] for e in examples]
        self.norms = [math.sqrt(sum(w * w for w in ws)) or 1.0 for ws in self.weights]

    def to_json(self) -> dict:
        """What :class:`QuestionIndex` needs to be rebuilt without the examples' terms."""
        return {"citations": self.citations, "texts": self.texts, "postings": self.postings,
                "idf": self.idf, "weights": self.weights, "norms": self.norms}

    def _weight(self, term: Term) -> float:
        """A term weighs as the rarest of the words it stands for (its head)."""
        return max((self.idf[s] for s in term.head if s in self.idf), default=0.0)

    def scores(self, terms: list[Term] | list[frozenset[str]]) -> dict[int, float]:
        """Example -> likeness to the question (0–1), for the examples sharing at least
        :data:`MIN_SHARED` of the question's terms.

        Each term of the question meets at most one term of an example, and each term of
        the example at most one of the question's; the likeness is the cosine of the two
        weighted sets of terms.
        """
        asked = [(t, max((self.idf[s] for s in head_of(t) if s in self.idf),
                         default=0.0) or max((self.idf.get(s, 0.0) for s in t), default=0.0))
                 for t in terms]
        asked = [(t, w) for t, w in asked if w]
        q_norm = math.sqrt(sum(w * w for _t, w in asked)) or 1.0
        dots: dict[int, float] = {}
        used: dict[int, set[int]] = {}
        for term, weight in asked:
            met: dict[int, int] = {}
            for stem in sorted(term):  # the same match whatever the order of the set
                for i, j in self.postings.get(stem, ()):
                    if j in used.get(i, ()):
                        continue
                    if i not in met or (self.weights[i][j], -j) > (self.weights[i][met[i]],
                                                                   -met[i]):
                        met[i] = j  # of an example's terms the question's meets, the heaviest
            for i, j in met.items():
                used.setdefault(i, set()).add(j)
                dots[i] = dots.get(i, 0.0) + weight * self.weights[i][j]
        return {i: min(1.0, dot / (q_norm * self.norms[i])) for i, dot in dots.items()
                if len(used[i]) >= MIN_SHARED}

    def alike(self, terms: list[Term] | list[frozenset[str]]) -> dict[str, tuple[float, str]]:
        """Citation -> (likeness 0–1, the example most like the question), for the commi
        with an example sharing at least :data:`MIN_SHARED` of the question's terms."""
        out: dict[str, tuple[float, str]] = {}
        for i, score in self.scores(terms).items():
            citation = self.citations[i]
            if score > out.get(citation, (0.0, ""))[0]:
                out[citation] = (score, self.texts[i])
        return out


@lru_cache(maxsize=1)
def question_index() -> QuestionIndex:
    """The index of the shipped examples, built once per process (its weights kept in the
    user's cache folder with the data file's bytes, so a cold start only reads them)."""
    from ordina.query.datafiles import cached

    built = cached(f"commaidx{STEMS_VERSION}", example_sources(),
                   lambda: QuestionIndex(load_examples()).to_json())
    return QuestionIndex([], built=built)
