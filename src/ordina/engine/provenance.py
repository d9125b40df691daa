"""Facts with their provenance: every value says where it came from.

A :class:`FactSet` is what a check reads. Values come from the personnel
database as of a date, from the question itself, from ``--fact NAME=VALUE``, from
the interview, or from a scenario file; the trace prints the source beside the
value. A fact that nobody stated is simply absent: reading it gives
:data:`~ordina.engine.logic.UNKNOWN`, never a default.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from ordina.engine.logic import UNKNOWN, fmt

Source = Literal["db", "domanda", "opzione", "intervista", "scenario", "calcolo", "contesto"]

#: How each source reads in a trace.
SOURCE_LABELS: dict[str, str] = {
    "db": "dal database",
    "domanda": "dalla domanda",
    "opzione": "da --fact",
    "intervista": "dall'intervista",
    "scenario": "dallo scenario",
    "calcolo": "calcolato",
    "contesto": "data di riferimento",
}

#: Precedence when two sources state the same fact: what the user says now wins.
SOURCE_RANK: dict[str, int] = {
    "calcolo": 0, "contesto": 0, "db": 1, "scenario": 2, "domanda": 3, "opzione": 4, "intervista": 5,
}


@dataclass(frozen=True, slots=True)
class FactValue:
    """One known fact: its value, its source and a detail (``al 12/03/2026, Mario Rossi``)."""

    name: str
    value: Any
    source: Source
    detail: str = ""

    def provenance(self) -> str:
        """Italian text of the source: ``dal database al 12/03/2026 (Mario Rossi)``."""
        label = SOURCE_LABELS.get(self.source, self.source)
        return f"{label} {self.detail}".strip()

    def describe(self, label: str | None = None) -> str:
        """``percentuale del rapporto di lavoro = 40 (dalla domanda)``."""
        name = label or self.name.replace("_", " ")
        return f"{name} = {fmt(self.value)} ({self.provenance()})"


class FactSet(Mapping[str, Any]):
    """Known facts by name. As a mapping it yields plain values, which checks read.

    Missing names are not keys: ``facts.get(name)`` gives
    :data:`~ordina.engine.logic.UNKNOWN`. Values and provenance are kept apart so that
    the audit can build hundreds of thousands of facts cheaply; :meth:`fact` rebuilds the
    :class:`FactValue` when a trace needs it.
    """

    __slots__ = ("_prov", "_values")

    def __init__(self, facts: Iterable[FactValue] = ()) -> None:
        self._values: dict[str, Any] = {}
        self._prov: dict[str, tuple[str, str]] = {}
        for fact in facts:
            self.add(fact)

    @classmethod
    def from_values(cls, values: Mapping[str, Any], source: Source, detail: str = "") -> FactSet:
        """Build a fact set from plain values, all from one source (None values are skipped)."""
        out = cls()
        out._values = {k: v for k, v in values.items() if v is not None and v is not UNKNOWN}
        prov = (source, detail)
        out._prov = dict.fromkeys(out._values, prov)
        return out

    def add(self, fact: FactValue) -> None:
        """Add ``fact``; a fact from a stronger source replaces a weaker one."""
        if fact.value is None or fact.value is UNKNOWN:
            return
        old = self._prov.get(fact.name)
        if old is None or SOURCE_RANK.get(fact.source, 0) >= SOURCE_RANK.get(old[0], 0):
            self._values[fact.name] = fact.value
            self._prov[fact.name] = (fact.source, fact.detail)

    def merged(self, other: Iterable[FactValue]) -> FactSet:
        """A new fact set with ``other`` added on top of this one."""
        out = FactSet()
        out._values = dict(self._values)
        out._prov = dict(self._prov)
        for fact in other:
            out.add(fact)
        return out

    def with_value(self, name: str, value: Any, source: Source = "intervista") -> FactSet:
        """A copy with one more fact (used to try hypothetical answers)."""
        return self.merged([FactValue(name, value, source)])

    def fact(self, name: str) -> FactValue | None:
        """The fact with its provenance, or None when unknown."""
        if name not in self._values:
            return None
        source, detail = self._prov[name]
        return FactValue(name, self._values[name], source, detail)  # type: ignore[arg-type]

    def facts(self) -> list[FactValue]:
        """All known facts."""
        return [f for f in (self.fact(n) for n in self._values) if f is not None]

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def get(self, name: str, default: Any = UNKNOWN) -> Any:
        """The value of ``name``, or ``default`` (UNKNOWN) when nobody stated it."""
        return self._values.get(name, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def __repr__(self) -> str:
        return f"FactSet({', '.join(f.describe() for f in self.facts())})"


def db_detail(as_of: date, who: str = "") -> str:
    """The detail of a database fact: ``al 12/03/2026 (Mario Rossi)``."""
    text = f"al {as_of.strftime('%d/%m/%Y')}"
    return f"{text} ({who})" if who else text
