"""The questions each comma answers (``regulation/domande.yaml``), matched against a question.

A comma's own words are not the words people ask it with: "chi iscrive gli esperti nelle
liste?" is answered by "provvedimento motivato del responsabile del personale". The data file
holds, for each comma, questions written from its text in the voices of staff, the personnel
office, the Segretario and anyone looking a rule up. A question like one of them points to its
comma: the look-up (:mod:`ordina.answerers.lookup`) adds that likeness to the comma's score.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ordina.corpus.retrieve import Term
from ordina.resources import regulation_file

#: Bump when how an example is turned into stems changes (the cache is rebuilt).
STEMS_VERSION = "1"
#: Examples sharing fewer stems with the question than this are not alike.
MIN_SHARED = 2


@dataclass(frozen=True)
class Example:
    """One question written for a comma, as the stems it is matched by."""

    citation: str
    text: str
    stems: frozenset[str]


def questions_file() -> Path:
    """The data file of the questions each comma answers."""
    return regulation_file("domande.yaml")


def load_examples(path: Path | None = None) -> list[Example]:
    """Every example question with its comma's citation (stems cached with the file)."""
    from ordina.query.datafiles import cached, load_yaml
    from ordina.query.wording import retrieval_terms

    source = path or questions_file()

    def build() -> list[list[object]]:
        out: list[list[object]] = []
        for item in load_yaml(source) or ():
            for question in item.get("q") or ():
                stems = sorted({s for t in retrieval_terms(str(question)) for s in t})
                out.append([str(item["cite"]), str(question), stems])
        return out

    rows = cached(f"domande{STEMS_VERSION}", [source], build)  # keyed by the file's bytes
    return [Example(str(c), str(q), frozenset(s)) for c, q, s in rows]


class QuestionIndex:
    """The example questions, weighted by how rare each stem is among them."""

    def __init__(self, examples: list[Example]) -> None:
        self.examples = examples
        self.postings: dict[str, list[int]] = {}
        for i, e in enumerate(examples):
            for stem in e.stems:
                self.postings.setdefault(stem, []).append(i)
        n = len(examples) or 1
        self.idf = {s: math.log(1 + (n - len(ids) + 0.5) / (len(ids) + 0.5))
                    for s, ids in self.postings.items()}
        self.norms = [math.sqrt(sum(self.idf[s] ** 2 for s in e.stems)) or 1.0
                      for e in examples]

    def alike(self, terms: list[Term] | list[frozenset[str]]) -> dict[str, tuple[float, str]]:
        """Citation -> (likeness 0–1, the example most like the question), for the commi
        with an example sharing at least :data:`MIN_SHARED` of the question's terms.

        A term counts once, by its rarest alternative the example holds; the likeness is the
        cosine of the two weighted sets.
        """
        weights = [{s: self.idf[s] for s in t if s in self.idf} for t in terms]
        weights = [w for w in weights if w]
        q_norm = math.sqrt(sum(max(w.values()) ** 2 for w in weights)) or 1.0
        dots: dict[int, float] = {}
        shared: Counter[int] = Counter()
        for w in weights:
            best: dict[int, float] = {}
            for stem, value in w.items():
                for i in self.postings[stem]:
                    if value > best.get(i, 0.0):
                        best[i] = value
            for i, value in best.items():
                dots[i] = dots.get(i, 0.0) + value * value
                shared[i] += 1
        out: dict[str, tuple[float, str]] = {}
        for i, dot in dots.items():
            if shared[i] < MIN_SHARED:
                continue
            e, score = self.examples[i], dot / (q_norm * self.norms[i])
            if score > out.get(e.citation, (0.0, ""))[0]:
                out[e.citation] = (score, e.text)
        return out


@lru_cache(maxsize=1)
def question_index() -> QuestionIndex:
    """The index of the shipped examples, built once per process."""
    return QuestionIndex(load_examples())
