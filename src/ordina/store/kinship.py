"""Degrees of kinship and affinity, computed by the civil code from typed-in family links.

Only parent/child, spouse, civil-union and cohabitation links are stored; every degree
is derived here, never typed in, by these rules:

- art. 74 c.c.: kinship (parentela) is the bond between people descending from a common
  ancestor (stipite);
- art. 75 c.c.: in the direct line (retta) one descends from the other; otherwise the line
  is collateral;
- art. 76 c.c.: degrees count generations; in the collateral line one goes up from one
  relative to the common ancestor and down to the other, the ancestor excluded;
- art. 77 c.c.: the law does not recognise kinship beyond the sixth degree;
- art. 78 c.c.: affinity is the bond between a spouse and the relatives of the other
  spouse, in the same line and degree; it survives the death of the spouse it derives
  from, and ceases if the marriage is declared void (we also end it on divorce).

Spouses are not relatives of each other (no degree); a civil union (L. 76/2016) does
not create affinity; cohabitation is its own relation (art. 54 c. 2 names it apart).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

#: Art. 77 c.c.: no kinship beyond the sixth degree.
MAX_DEGREE = 6

PARENTELA = "parentela"
AFFINITA = "affinita"
CONIUGIO = "coniugio"
UNIONE_CIVILE = "unione_civile"
CONVIVENZA = "convivenza"

_ORDER = {CONIUGIO: 0, UNIONE_CIVILE: 1, CONVIVENZA: 2, PARENTELA: 3, AFFINITA: 4}

_BLOOD_TERMS: dict[tuple[int, int], str] = {
    (1, 0): "genitore", (2, 0): "nonno", (3, 0): "bisnonno", (4, 0): "trisavolo",
    (0, 1): "figlio", (0, 2): "nipote (figlio del figlio)", (0, 3): "pronipote (in linea retta)",
    (0, 4): "discendente di quarto grado",
    (1, 1): "fratello o sorella", (1, 2): "nipote (figlio del fratello o della sorella)",
    (1, 3): "pronipote (nipote del fratello o della sorella)",
    (2, 1): "zio", (2, 2): "cugino", (2, 3): "figlio del cugino", (2, 4): "nipote del cugino",
    (3, 1): "prozio", (3, 2): "cugino del genitore", (3, 3): "secondo cugino",
}
_AFFINE_OWN_SPOUSE: dict[tuple[int, int], str] = {
    (1, 0): "suocero", (2, 0): "nonno del coniuge", (0, 1): "figlio del coniuge",
    (1, 1): "cognato (fratello o sorella del coniuge)", (2, 1): "zio del coniuge",
    (1, 2): "nipote del coniuge", (2, 2): "cugino del coniuge",
}
_AFFINE_RELATIVE_SPOUSE: dict[tuple[int, int], str] = {
    (0, 1): "genero o nuora", (1, 0): "coniuge del genitore",
    (1, 1): "cognato (coniuge del fratello o della sorella)", (0, 2): "coniuge del nipote",
    (2, 1): "coniuge dello zio", (1, 2): "coniuge del nipote", (2, 2): "coniuge del cugino",
}


@dataclass(frozen=True)
class Kinship:
    """How ``relative_id`` is related to ``person_id``.

    ``up``/``down`` count generations from the person (or, for affinity, from the spouse
    the bond goes through) up to the common ancestor and down to the relative.
    """

    person_id: int
    relative_id: int
    relation: str
    degree: int | None
    line: str | None
    term: str
    up: int = 0
    down: int = 0
    via_id: int | None = None

    @property
    def citation(self) -> str:
        """The civil-code articles the relation rests on."""
        return {
            PARENTELA: "artt. 74-77 c.c.", AFFINITA: "art. 78 c.c.", CONIUGIO: "art. 78 c.c.",
            UNIONE_CIVILE: "L. 76/2016", CONVIVENZA: "art. 54 c. 2",
        }[self.relation]

    def describe(self) -> str:
        """Italian sentence for traces: "parente di 4° grado in linea collaterale (cugino)"."""
        if self.relation == PARENTELA:
            how = (f"{_gen(self.up)} fino allo stipite comune e {self.down} fino al parente"
                   if self.line == "collaterale" else _gen(self.degree or 0))
            return (f"parente di {self.degree}° grado in linea {self.line} ({self.term}; "
                    f"{how}, {self.citation})")
        if self.relation == AFFINITA:
            return (f"affine di {self.degree}° grado in linea {self.line} ({self.term}; "
                    f"{self.citation})")
        return f"{self.term} ({self.citation})"


def _gen(n: int) -> str:
    return f"{n} generazione" if n == 1 else f"{n} generazioni"


def blood_term(up: int, down: int) -> str:
    """The Italian word for a blood relative ``up`` generations up and ``down`` down."""
    if (up, down) in _BLOOD_TERMS:
        return _BLOOD_TERMS[(up, down)]
    line = "retta" if up == 0 or down == 0 else "collaterale"
    return f"parente di {up + down}° grado in linea {line}"


def _line(up: int, down: int) -> str:
    return "retta" if up == 0 or down == 0 else "collaterale"


@dataclass(frozen=True)
class Partner:
    """A spouse, civil partner or cohabitant link as seen from one side."""

    other_id: int
    kind: str  # coniuge | unione_civile | convivente
    valid_from: str | None
    valid_to: str | None
    end_reason: str | None

    def current(self, on: date) -> bool:
        """Whether the link holds on ``on`` ([from, to))."""
        day = on.isoformat()
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to)

    def bears_affinity(self, on: date) -> bool:
        """Art. 78 c.c.: a marriage in force, or ended by death, makes affinity."""
        if self.kind != "coniuge":
            return False
        if self.valid_from is not None and on.isoformat() < self.valid_from:
            return False
        return self.current(on) or self.end_reason == "morte"


class FamilyGraph:
    """Family links behind three look-ups, so the same rules run on SQL or on lists."""

    def __init__(self, parents: Callable[[int], Iterable[int]],
                 children: Callable[[int], Iterable[int]],
                 partners: Callable[[int], Iterable[Partner]]) -> None:
        self.parents = lru_cache(maxsize=None)(lambda pid: tuple(parents(pid)))
        self.children = lru_cache(maxsize=None)(lambda pid: tuple(children(pid)))
        self.partners = lru_cache(maxsize=None)(lambda pid: tuple(partners(pid)))

    @classmethod
    def from_links(cls, links: Iterable[tuple[int, int, str]] | Iterable[tuple]) -> FamilyGraph:
        """Build from ``(person_id, relative_id, kind[, valid_from, valid_to, end_reason])``.

        ``genitore`` means person_id is a parent of relative_id.
        """
        parents: dict[int, list[int]] = {}
        children: dict[int, list[int]] = {}
        partners: dict[int, list[Partner]] = {}
        for link in links:
            a, b, kind, *rest = link
            vf, vt, end = (list(rest) + [None, None, None])[:3]
            if kind == "genitore":
                children.setdefault(a, []).append(b)
                parents.setdefault(b, []).append(a)
            else:
                partners.setdefault(a, []).append(Partner(b, kind, vf, vt, end))
                partners.setdefault(b, []).append(Partner(a, kind, vf, vt, end))
        return cls(lambda p: parents.get(p, ()), lambda p: children.get(p, ()),
                   lambda p: partners.get(p, ()))

    def blood(self, pid: int, max_degree: int = MAX_DEGREE) -> dict[int, tuple[int, int]]:
        """Blood relatives of ``pid`` within ``max_degree``: id -> (up, down), nearest bond."""
        ancestors: dict[int, int] = {pid: 0}
        frontier = [pid]
        for up in range(1, max_degree + 1):
            nxt = []
            for person in frontier:
                for parent in self.parents(person):
                    if parent not in ancestors:
                        ancestors[parent] = up
                        nxt.append(parent)
            frontier = nxt
        found: dict[int, tuple[int, int]] = {}
        for ancestor, up in ancestors.items():
            if ancestor != pid:
                _keep(found, ancestor, (up, 0))
            level = [ancestor]
            for down in range(1, max_degree - up + 1):
                nxt = []
                for person in level:
                    for child in self.children(person):
                        if child != pid:
                            _keep(found, child, (up, down))
                        nxt.append(child)
                level = nxt
        return found

    def relatives(self, pid: int, on: date, max_degree: int = MAX_DEGREE) -> list[Kinship]:
        """Every relation of ``pid`` on ``on``: kin, in-laws, spouse, partner, cohabitant.

        A person related in two ways (say a fifth-degree cousin who is also a
        brother-in-law) appears once per relation.
        """
        out: dict[tuple[int, str], Kinship] = {}

        def add(k: Kinship) -> None:
            key = (k.relative_id, k.relation)
            old = out.get(key)
            if old is None or (k.degree or 0) < (old.degree or 0):
                out[key] = k

        blood = self.blood(pid, max_degree)
        for rid, (up, down) in blood.items():
            add(Kinship(pid, rid, PARENTELA, up + down, _line(up, down), blood_term(up, down),
                        up, down))
        for partner in self.partners(pid):
            if partner.current(on):
                relation = {"coniuge": CONIUGIO, "unione_civile": UNIONE_CIVILE,
                            "convivente": CONVIVENZA}[partner.kind]
                term = {"coniuge": "coniuge", "unione_civile": "unito civilmente",
                        "convivente": "convivente"}[partner.kind]
                add(Kinship(pid, partner.other_id, relation, None, None, term))
            if partner.bears_affinity(on):
                for rid, (up, down) in self.blood(partner.other_id, max_degree).items():
                    if rid != pid:
                        term = _AFFINE_OWN_SPOUSE.get(
                            (up, down), f"parente di {up + down}° grado del coniuge")
                        add(Kinship(pid, rid, AFFINITA, up + down, _line(up, down), term,
                                    up, down, partner.other_id))
        for rid, (up, down) in blood.items():
            for partner in self.partners(rid):
                if partner.bears_affinity(on) and partner.other_id != pid:
                    term = _AFFINE_RELATIVE_SPOUSE.get(
                        (up, down), f"coniuge di un parente di {up + down}° grado")
                    add(Kinship(pid, partner.other_id, AFFINITA, up + down, _line(up, down),
                                term, up, down, rid))
        return sorted(out.values(),
                      key=lambda k: (_ORDER[k.relation], k.degree or 0, k.relative_id))


def _keep(found: dict[int, tuple[int, int]], pid: int, bond: tuple[int, int]) -> None:
    old = found.get(pid)
    if old is None or sum(bond) < sum(old):
        found[pid] = bond


def graph_from_db(db) -> FamilyGraph:
    """A graph that reads links from ``family_links`` on demand (indexed look-ups)."""
    conn = db.conn

    def parents(pid: int) -> list[int]:
        return [r[0] for r in conn.execute(
            "SELECT person_id FROM family_links WHERE relative_id = ? AND kind = 'genitore'",
            (pid,))]

    def children(pid: int) -> list[int]:
        return [r[0] for r in conn.execute(
            "SELECT relative_id FROM family_links WHERE person_id = ? AND kind = 'genitore'",
            (pid,))]

    def partners(pid: int) -> list[Partner]:
        rows = conn.execute(
            "SELECT CASE WHEN person_id = ? THEN relative_id ELSE person_id END, kind, "
            "valid_from, valid_to, end_reason FROM family_links "
            "WHERE kind <> 'genitore' AND (person_id = ? OR relative_id = ?)",
            (pid, pid, pid))
        return [Partner(*r) for r in rows]

    return FamilyGraph(parents, children, partners)
