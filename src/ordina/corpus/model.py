"""Units of the regulation and the corpus that holds them.

Ids follow Akoma Ntoso eId style (``art_88__para_3``, ``art_87__para_1__point_d``,
``all_D``); every unit also has a canonical Italian citation (``art. 88 c. 3``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Kinds of unit, from the outermost.
KINDS = ("titolo", "articolo", "comma", "lettera", "trattino", "allegato", "tabella", "sezione")


@dataclass
class Skipped:
    """A source line the parser did not turn into text of a unit, and why."""

    line: int
    text: str
    reason: str


@dataclass
class IndexEntry:
    """A heading of the INDICE or of the list of allegati, as written there.

    Kept because the list before the bodies can name things differently from the
    bodies themselves (``ordina lint`` compares them).
    """

    kind: str
    num: str
    line: int
    text: str


@dataclass
class Unit:
    """One addressable piece of the regulation."""

    eid: str
    kind: str
    num: str
    citation: str
    text: str = ""
    heading: str = ""
    parent: str | None = None
    line: int = 0
    children: list[str] = field(default_factory=list)
    rows: list[list[str]] | None = None
    """Cells of a table (kind ``tabella``), row by row."""
    number_given: bool = True
    """False when the source gives no number and the parser counted it (``- Il presente…``)."""
    repealed: bool = False
    """True when an amendment repealed the unit (its number stays, its text goes)."""
    history: list[str] = field(default_factory=list)
    """What amendments did to the unit, oldest first ("sostituito da … dal 01/03/2026")."""

    @property
    def article_eid(self) -> str | None:
        """The id of the enclosing article (``art_88`` for ``art_88__para_3``)."""
        return self.eid.split("__", 1)[0] if self.eid.startswith("art_") else None


class Corpus:
    """All units of one regulation, in document order, addressable by id and citation."""

    def __init__(self, units: list[Unit], source_name: str = "",
                 anomalies: list | None = None, index_entries: list | None = None,
                 skipped: list | None = None) -> None:
        self.source_name = source_name
        self.units: dict[str, Unit] = {}
        for unit in units:
            self.units[unit.eid] = unit
        self._by_citation = {u.citation.lower(): u for u in units}
        self.anomalies = list(anomalies or [])
        """Numbering and heading oddities the parser met (``parser.Skipped``)."""
        self.index_entries = list(index_entries or [])
        """Headings as the INDICE and the list of allegati write them (``parser.IndexEntry``)."""
        self.skipped = list(skipped or [])
        """Source lines that are no unit's text: header, INDICE, stray punctuation."""
        self.as_of = None
        """The date whose text in force this corpus holds (None: the source as written)."""
        self.amendments: list = []
        """The amendments applied (``versions.Amendment``), oldest first."""
        self._refs = None

    def __len__(self) -> int:
        return len(self.units)

    def __contains__(self, eid: object) -> bool:
        return eid in self.units

    def get(self, eid: str) -> Unit | None:
        """The unit with id ``eid``, or None."""
        return self.units.get(eid)

    def by_citation(self, citation: str) -> Unit | None:
        """The unit whose canonical citation is ``citation`` (case-insensitive)."""
        return self._by_citation.get(citation.strip().lower())

    def of_kind(self, kind: str) -> list[Unit]:
        """All units of one kind, in document order."""
        return [u for u in self.units.values() if u.kind == kind]

    @property
    def articles(self) -> list[Unit]:
        """The articles in document order."""
        return self.of_kind("articolo")

    def children(self, unit: Unit) -> list[Unit]:
        """The direct children of ``unit``."""
        return [self.units[c] for c in unit.children]

    def descendants(self, unit: Unit) -> list[Unit]:
        """Every unit inside ``unit``, depth first, in document order."""
        out: list[Unit] = []
        for child in self.children(unit):
            out.append(child)
            out.extend(self.descendants(child))
        return out

    def full_text(self, unit: Unit) -> str:
        """The unit's own text followed by its descendants' text, one per line."""
        parts = [unit.text] if unit.text else []
        parts += [d.text for d in self.descendants(unit) if d.text]
        return "\n".join(parts)

    @property
    def refs(self):  # -> ordina.corpus.refs.RefGraph
        """Cross-references of the whole corpus, both ways (extracted on first use)."""
        if self._refs is None:
            from ordina.corpus.refgraph import RefGraph
            from ordina.corpus.refs import extract_refs

            self._refs = RefGraph(extract_refs(self))
        return self._refs

    @refs.setter
    def refs(self, graph) -> None:
        self._refs = graph

    def resolve(self, ref: str) -> Unit:
        """The unit a user reference points to ("88.3", "art 87 c.1 lett. d)", "all. D").

        :raises UnknownReference: with the nearest existing citations.
        """
        from ordina.corpus.citations import resolve

        return resolve(self, ref)
