"""Job classification: the old categories (A, B1, B3, C, D1, D3) and the CCNL 2022 areas.

The regulation speaks in categories ("dipendenti di categoria D", art. 14 c. 1); the
CCNL Funzioni Locali of 16 November 2022 (art. 12 and Tabella B) replaced them with
four areas. Every old category maps to exactly one area, so facts typed either way
compare. Dirigenti and the Segretario sit outside both ladders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ordina.store.text import fold


@dataclass(frozen=True)
class Area:
    """A CCNL 2022 area, with its rank on the ladder (1 = lowest)."""

    code: str
    label: str
    rank: int


#: The four areas of the CCNL Funzioni Locali 2019-2021 (signed 16/11/2022), art. 12.
AREAS: dict[str, Area] = {
    "operatori": Area("operatori", "Area degli Operatori", 1),
    "operatori_esperti": Area("operatori_esperti", "Area degli Operatori esperti", 2),
    "istruttori": Area("istruttori", "Area degli Istruttori", 3),
    "funzionari": Area("funzionari", "Area dei Funzionari e dell'Elevata Qualificazione", 4),
}

#: Old category (access position) -> CCNL 2022 area (Tabella B of the CCNL 16/11/2022).
CATEGORY_TO_AREA: dict[str, str] = {
    "A": "operatori",
    "B1": "operatori_esperti",
    "B3": "operatori_esperti",
    "C": "istruttori",
    "D1": "funzionari",
    "D3": "funzionari",
}

#: Classifications outside the A-D ladder: dirigenti and the Segretario comunale.
OUTSIDE_LADDER: dict[str, str] = {"DIR": "Dirigenza", "SEG": "Segretario comunale"}

#: Every category code the database accepts, in ladder order.
CATEGORIES: tuple[str, ...] = ("A", "B1", "B3", "C", "D1", "D3", "DIR", "SEG")

#: The highest economic position reachable from each access category (CCNL 31/3/1999 tab. B).
_MAX_STEP = {"A": 6, "B": 8, "C": 6, "D": 7}

_SYNONYMS: dict[str, str] = {
    "a": "A", "b": "B1", "b1": "B1", "b3": "B3", "c": "C", "c1": "C", "d": "D1", "d1": "D1",
    "d3": "D3", "dir": "DIR", "dirigente": "DIR", "dirigenza": "DIR", "seg": "SEG",
    "segretario": "SEG", "segretario comunale": "SEG",
}
_AREA_SYNONYMS: dict[str, str] = {
    "operatori": "A", "area degli operatori": "A", "operatore": "A",
    "operatori esperti": "B1", "area degli operatori esperti": "B1", "operatore esperto": "B1",
    "istruttori": "C", "area degli istruttori": "C", "istruttore": "C",
    "funzionari": "D1", "funzionari ed eq": "D1", "funzionari e eq": "D1",
    "area dei funzionari e dell'elevata qualificazione": "D1", "funzionario": "D1",
    "elevata qualificazione": "D1", "eq": "D1", "po": "D1", "posizione organizzativa": "D1",
}


def parse_category(text: str) -> str | None:
    """The category code for ``text`` ("d1", "Cat. C", "Istruttori"), or None if unknown.

    A CCNL 2022 area name maps to the lowest category in it (its access position).
    """
    key = fold(text).replace("categoria", "").replace("cat.", "").replace("cat ", "").strip()
    key = re.sub(r"\s+", " ", key)
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    return _AREA_SYNONYMS.get(key)


def area_of(category: str) -> Area | None:
    """The CCNL 2022 area of an old category (None for DIR and SEG)."""
    code = CATEGORY_TO_AREA.get(category)
    return AREAS[code] if code else None


def letter(category: str) -> str:
    """The category letter ("B3" -> "B"), as art. 14 c. 1 uses it ("categoria D")."""
    return category[0] if category in CATEGORY_TO_AREA else category


def rank(category: str) -> int | None:
    """Position on the ladder: the rank of the category's area (None outside the ladder)."""
    area = area_of(category)
    return area.rank if area else None


def is_immediately_higher(target: str, current: str) -> bool:
    """Whether ``target`` is the category immediately above ``current`` (art. 13 c. 1).

    Categories are compared by their letter / CCNL area: B1 -> B3 and D1 -> D3 are
    positions inside one category (art. 33 c. 1 treats them apart), so they are not
    higher duties; A -> B, B -> C, C -> D are.
    """
    r_target, r_current = rank(target), rank(current)
    return r_target is not None and r_current is not None and r_target == r_current + 1


def next_higher(category: str) -> str | None:
    """The lowest category of the area immediately above (art. 13 c. 1), or None."""
    r = rank(category)
    if r is None:
        return None
    for code in CATEGORIES:
        if rank(code) == r + 1:
            return code
    return None


def valid_economic_position(category: str, position: str) -> bool:
    """Whether an economic position (e.g. "C3", "D5") fits the access category.

    B3 and D3 are access positions: their holders start at step 3.
    """
    if category in OUTSIDE_LADDER:
        return position in ("", category)
    m = re.fullmatch(r"([ABCD])(\d)", position.strip().upper())
    if not m or m.group(1) != letter(category):
        return False
    step = int(m.group(2))
    start = 3 if category in ("B3", "D3") else 1
    return start <= step <= _MAX_STEP[m.group(1)]
