"""Find a person by name or matricola: the people tab's search box and the command palette.

Runs on a worker thread's own connection; returns links (``person:<id>``) with labels.
"""

from __future__ import annotations

from typing import Any

from ordina.store import queries as q


def person_label(person: Any) -> str:
    """``Rossi Mario · matr. 0042`` (surname first, as HR lists do)."""
    return f"{person.surname} {person.given_name} · matr. {person.code}"


def people_hits(db: Any, text: str, limit: int = 20) -> list[tuple[str, str]]:
    """``(href, label)`` of the people whose matricola is ``text`` or whose name has its words.

    An exact matricola comes first; names follow in :func:`queries.find_people`'s order.
    """
    text = text.strip()
    if not text:
        return []
    found = []
    by_code = q.person_by_code(db, text)
    if by_code is not None:
        found.append(by_code)
    found += [p for p in q.find_people(db, text, limit=limit)
              if by_code is None or p.id != by_code.id]
    return [(f"person:{p.id}", person_label(p)) for p in found[:limit]]
