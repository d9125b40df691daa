"""Checks across rows and against the database, run before an import writes anything.

- Two employment periods of one person that overlap are an error: a person has one
  employment at a time in this Comune, and the checks read "the" employment on a date.
- A person who is probably already there under another code is a warning to accept with
  ``--accept-warnings``: a code differing only in case or spaces (a codice fiscale typed
  in lower case is the usual one), or the same name and birth date under another code.

Each finding is ``(file, row, column, message)``; references are still codes here.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
from collections.abc import Iterable
from typing import Any

from ordina.store.text import fold

Finding = tuple[str, int, str, str]


def _has(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (table,)).fetchone() is not None


def _shown(day: str | None, end: bool = False) -> str:
    if day is None:
        return "senza fine"
    from datetime import date, timedelta

    d = date.fromisoformat(day) - timedelta(days=1 if end else 0)
    return f"{d:%d/%m/%Y}"


def overlapping_employments(conn: sqlite3.Connection, records: dict[str, list[Any]],
                            ) -> list[Finding]:
    """Employment periods of one person that overlap, in the batch or with the database.

    A batch row replaces the database row with the same person and start (the import
    updates it), so changing a period's end is never reported against its old self.
    """
    batch = records.get("inquadramenti", [])
    if not batch:
        return []
    periods: dict[tuple[str, str], tuple[str | None, Any]] = {}
    if _has(conn, "employments"):
        for code, start, end in conn.execute(
                "SELECT p.code, e.valid_from, e.valid_to FROM employments e "
                "JOIN people p ON p.id = e.person_id"):
            periods[(code, start)] = (end, None)
    for rec in batch:
        code, start = rec.values.get("person_id"), rec.values.get("valid_from")
        if code is not None and start is not None:
            periods[(code, start)] = (rec.values.get("valid_to"), rec)
    by_person: dict[str, list[tuple[str, str | None, Any]]] = {}
    for (code, start), (end, rec) in periods.items():
        by_person.setdefault(code, []).append((start, end, rec))
    found: list[Finding] = []
    for code, spans in by_person.items():
        spans.sort(key=lambda s: s[0])
        for (s1, e1, r1), (s2, e2, r2) in itertools.pairwise(spans):
            if (e1 is None or e1 > s2) and (r1 is not None or r2 is not None):
                at = r2 if r2 is not None else r1
                other = r1 if at is r2 else r2
                where = f"riga {other.row}" if other is not None else "già nel database"
                os_, oe = (s1, e1) if at is r2 else (s2, e2)
                found.append((at.source, at.row, "dal",
                              (f"periodo sovrapposto a un altro rapporto di lavoro di {code} "
                              f"(dal {_shown(os_)} al {_shown(oe, end=True)}, {where}): "
                              "chiudi il precedente prima dell'inizio del nuovo")))
    return found


def _code_key(code: str) -> str:
    return re.sub(r"\s+", "", code).casefold()


def probable_duplicates(conn: sqlite3.Connection, records: dict[str, list[Any]],
                        ) -> list[Finding]:
    """People in the batch who are probably someone already known under another code."""
    batch = records.get("persone", [])
    if not batch:
        return []
    known: list[tuple[str, str, str | None, str]] = []  # code, name key, birth, where
    if _has(conn, "people"):
        private = _has(conn, "people_private")
        sql = ("SELECT p.code, p.surname, p.given_name, "
               + ("pp.birth_date FROM people p LEFT JOIN people_private pp "
                  "ON pp.person_id = p.id" if private else "NULL FROM people p"))
        known = [(c, fold(f"{s} {g}"), b, "nel database") for c, s, g, b in conn.execute(sql)]
    by_code: dict[str, list[tuple[str, str]]] = {}
    by_person: dict[tuple[str, str], list[tuple[str, str]]] = {}

    def remember(code: str, name: str, birth: str | None, where: str) -> None:
        by_code.setdefault(_code_key(code), []).append((code, where))
        if birth:
            by_person.setdefault((name, birth), []).append((code, where))

    for code, name, birth, where in known:
        remember(code, name, birth, where)
    found: list[Finding] = []
    for rec in batch:
        v = rec.values
        code, name = v.get("code"), fold(f"{v.get('surname') or ''} {v.get('given_name') or ''}")
        if code is None:
            continue
        birth = v.get("birth_date")
        for other, where in by_code.get(_code_key(code), []):
            if other != code:
                found.append((rec.source, rec.row, "codice",
                              (f"probabile doppione di {other} ({where}): il codice "
                              "differisce solo per maiuscole o spazi")))
        for other, where in by_person.get((name, birth), []) if birth else []:
            if other != code and _code_key(other) != _code_key(code):
                found.append((rec.source, rec.row, "codice",
                              (f"probabile doppione di {other} ({where}): stesso nome e "
                              "stessa data di nascita con un altro codice")))
        remember(code, name, birth, f"riga {rec.row}")
    return found


def all_findings(conn: sqlite3.Connection, records: dict[str, list[Any]],
                 ) -> tuple[Iterable[Finding], Iterable[Finding]]:
    """The errors and the warnings of this module for one batch."""
    return overlapping_employments(conn, records), probable_duplicates(conn, records)
