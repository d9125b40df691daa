"""References as data: what a unit cites and what cites it, indexed both ways.

Kept apart from the extractor (:mod:`ordina.corpus.refs`) so that reading the
references back from the database costs no regex compilation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from ordina.corpus.model import Corpus, Unit

INTERNAL = "interno"
EXTERNAL = "esterno"


@dataclass
class Ref:
    """One reference written in the text of a unit."""

    source: str
    """Id of the citing unit."""
    kind: str
    """``interno`` (a unit of this regulation) or ``esterno`` (a national act)."""
    text: str
    """The words as written ("art. 53 del DLgs n.165/2001")."""
    start: int
    end: int
    """Where ``text`` sits in the citing unit's text."""
    label: str = ""
    """Canonical citation of what is cited ("art. 53 D.Lgs. 165/2001", "art. 19 c. 2")."""
    target: str | None = None
    """Internal: the id of the cited unit."""
    act: str | None = None
    """External: key of the cited act (``decreto.legislativo:2001-03-30;165``)."""
    article: str | None = None
    comma: str | None = None
    letter: str | None = None
    extent: str | None = None
    """"e seguenti" and the like: the reference runs on past the cited unit."""
    urn: str | None = None
    url: str | None = None
    note: str | None = None
    problem: str | None = None
    """Why the reference is wrong or does not resolve (None when it is fine)."""
    suggestion: str | None = None

    @property
    def resolved(self) -> bool:
        """True when the reference points at a known unit or act."""
        return bool(self.target) if self.kind == INTERNAL else bool(self.act)

    def to_dict(self) -> dict:
        """JSON-ready fields."""
        return asdict(self)


class RefGraph:
    """References indexed both ways: what a unit cites and what cites it."""

    def __init__(self, refs: Iterable[Ref]) -> None:
        self.refs = list(refs)
        self._out: dict[str, list[Ref]] = defaultdict(list)
        self._in: dict[str, list[Ref]] = defaultdict(list)
        self._acts: dict[str, list[Ref]] = defaultdict(list)
        for ref in self.refs:
            self._out[ref.source].append(ref)
            if ref.target:
                self._in[ref.target].append(ref)
            if ref.act:
                self._acts[ref.act].append(ref)

    def cites(self, eids: Iterable[str]) -> list[Ref]:
        """References written in any of the units ``eids``."""
        return [r for e in eids for r in self._out.get(e, [])]

    def cited_by(self, eids: Iterable[str]) -> list[Ref]:
        """References pointing into ``eids`` from units outside them."""
        wanted = set(eids)
        return [r for e in wanted for r in self._in.get(e, []) if r.source not in wanted]

    def citing_act(self, act_key: str, article: str | None = None) -> list[Ref]:
        """References to an act (and, if given, to one of its articles)."""
        refs = self._acts.get(act_key, [])
        return [r for r in refs if article is None or r.article == article]

    def problems(self) -> list[Ref]:
        """References that do not resolve or cannot be right."""
        return [r for r in self.refs if r.problem]


def unit_scope(corpus: Corpus, unit: Unit) -> list[str]:
    """``unit`` and everything inside it: what "the refs of art. 88" covers."""
    return [unit.eid] + [d.eid for d in corpus.descendants(unit)]
