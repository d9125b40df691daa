"""As-of queries over the personnel database: what the checks and the CLI ask.

Every function that reads a fact with a period takes ``on`` and answers with the facts
true on that date (periods are ``[valid_from, valid_to)``). Functions that need
personal data raise :class:`PersonalDataMissing` on a public database, so a caller can
say plainly which facts it lacks instead of treating "no rows" as "no absences".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from ordina.errors import UserError
from ordina.store.kinship import Kinship, graph_from_db
from ordina.store.model import (
    Absence,
    Collaboration,
    Employment,
    Evaluation,
    ExternalAssignment,
    HigherDuty,
    OfficeHolding,
    PartTimeRequest,
    PastRole,
    Person,
    Post,
    Unit,
)
from ordina.store.schema import PERSONAL_TABLE_LABELS
from ordina.store.text import fold
from ordina.store.vocab import HEAD_OFFICES

_CURRENT = "valid_from <= :on AND (valid_to IS NULL OR valid_to > :on)"


class PersonalDataMissing(UserError):
    """The database is a public export: the personal facts asked for are not in it."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.label = PERSONAL_TABLE_LABELS.get(table, table)
        super().__init__(
            f"questo database è la versione pubblica (solo struttura e incarichi): "
            f"non contiene {self.label}; usa il database completo dell'ufficio personale"
        )


def _rows(db, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
    cur = db.conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _personal(db, table: str, sql: str, params: Sequence[Any] | dict[str, Any] = ()):
    try:
        return _rows(db, sql, params)
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc) or "no such column" in str(exc):
            raise PersonalDataMissing(table) from None
        raise


def has_personal_data(db) -> bool:
    """Whether ``db`` holds personal data (False on a public export)."""
    return db.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'employments'"
    ).fetchone() is not None


def _bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


# ---------------------------------------------------------------- the ente

def ente(db) -> dict[str, str]:
    """Facts about the Comune itself: ``nome``, ``abitanti``, ``patrono`` (MM-DD), ..."""
    return {r["key"]: r["value"] for r in _rows(db, "SELECT key, value FROM ente")}


# ---------------------------------------------------------------- people

def _person(row: dict[str, Any], private: bool) -> Person:
    fields = {k: row.get(k) for k in ("sex", "birth_date", "citizenship", "degree_level",
                                     "degree", "hire_date", "experience_years")}
    return Person(row["id"], row["code"], row["surname"], row["given_name"],
                  has_private=private, **fields)


def person(db, person_id: int) -> Person | None:
    """The person with id ``person_id``, private details included when the database has them."""
    private = has_personal_data(db)
    sql = ("SELECT p.*, pp.* FROM people p LEFT JOIN people_private pp ON pp.person_id = p.id "
           "WHERE p.id = ?") if private else "SELECT * FROM people WHERE id = ?"
    rows = _rows(db, sql, (person_id,))
    return _person(rows[0], private) if rows else None


def person_by_code(db, code: str) -> Person | None:
    """The person with matricola/code ``code``."""
    row = db.conn.execute("SELECT id FROM people WHERE code = ?", (code,)).fetchone()
    return person(db, row[0]) if row else None


def find_people(db, name: str, limit: int = 20) -> list[Person]:
    """People whose name contains every word of ``name`` (accents and case ignored).

    Whole-word matches on the surname rank first ("Rossi" before "Rossini"). A word that
    starts the surname is looked up on the index; only when no surname starts with any
    of the words does the search scan every name. Returns [] when nothing matches: see
    :func:`suggest_people` for near misses.
    """
    words = fold(name).replace("'", " ").split()
    if not words:
        return []
    rows: dict[int, dict[str, Any]] = {}
    for word in dict.fromkeys(words):
        upper = word[:-1] + chr(ord(word[-1]) + 1)
        for row in _rows(db, "SELECT * FROM people WHERE search_key >= ? AND search_key < ? "
                             "LIMIT 2000", (word, upper)):
            padded = f" {row['search_key']} "
            if all(w in padded for w in words):
                rows[row["id"]] = row
    if not rows:
        where = " AND ".join("(' ' || search_key || ' ') LIKE ?" for _ in words)
        for row in _rows(db, f"SELECT * FROM people WHERE {where} LIMIT 500",
                         [f"%{w}%" for w in words]):
            rows[row["id"]] = row

    def score(row: dict[str, Any]) -> tuple:
        tokens = row["search_key"].split()
        whole = sum(w in tokens for w in words)
        surname = fold(row["surname"])
        return (-whole, 0 if surname in words or surname == " ".join(words) else 1,
                row["surname"], row["given_name"], row["id"])

    ordered = sorted(rows.values(), key=score)
    return [_person(r, False) for r in ordered[:limit]]


_NAME_CACHE: dict[int, tuple[tuple[int, int], tuple[dict[str, str], dict[str, str]]]] = {}


def _name_choices(db) -> tuple[dict[str, str], dict[str, str]]:
    """(surnames, full names), folded -> as written; rebuilt only when the database changed."""
    conn = db.conn
    stamp = (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
    cached = _NAME_CACHE.get(id(conn))
    if cached and cached[0] == stamp:
        return cached[1]
    surnames: dict[str, str] = {}
    full: dict[str, str] = {}
    for surname, given in conn.execute("SELECT surname, given_name FROM people"):
        surnames.setdefault(fold(surname), surname)
        full.setdefault(fold(f"{given} {surname}"), f"{given} {surname}")
    _NAME_CACHE[id(conn)] = (stamp, (surnames, full))
    return surnames, full


def suggest_people(db, name: str, limit: int = 3, cutoff: float = 70.0) -> list[str]:
    """Names close to ``name`` for "intendi ...?" ("Rosi" -> ["Rossi", ...]), via rapidfuzz.

    One word is compared with the surnames, several words with the full names.
    """
    from rapidfuzz import fuzz, process

    query = fold(name)
    if not query:
        return []
    surnames, full = _name_choices(db)
    choices = full if " " in query else surnames
    found = process.extract(query, list(choices), scorer=fuzz.ratio, limit=limit * 3,
                            score_cutoff=cutoff)
    out: list[str] = []
    for key, _score, _ in found:
        if choices[key] not in out:
            out.append(choices[key])
    return out[:limit]


# ---------------------------------------------------------------- units

def _unit(row: dict[str, Any]) -> Unit:
    return Unit(row["id"], row["code"], row["name"], row["kind"], row["parent_id"],
                row["valid_from"], row["valid_to"], row["act"])


def unit(db, unit_id: int) -> Unit | None:
    """The unit with id ``unit_id``."""
    rows = _rows(db, "SELECT * FROM units WHERE id = ?", (unit_id,))
    return _unit(rows[0]) if rows else None


def unit_by_code(db, code: str) -> Unit | None:
    """The unit with code ``code`` (e.g. "AREA-TEC")."""
    rows = _rows(db, "SELECT * FROM units WHERE code = ?", (code,))
    return _unit(rows[0]) if rows else None


def units(db, on: date, kind: str | None = None, parent_id: int | None = None) -> list[Unit]:
    """Units existing on ``on``, optionally of one kind or under one parent, by name."""
    sql = f"SELECT * FROM units WHERE {_CURRENT}"
    params: dict[str, Any] = {"on": on.isoformat()}
    if kind:
        sql += " AND kind = :kind"
        params["kind"] = kind
    if parent_id is not None:
        sql += " AND parent_id = :parent"
        params["parent"] = parent_id
    return [_unit(r) for r in _rows(db, sql + " ORDER BY name", params)]


def find_units(db, name: str, on: date | None = None, limit: int = 20) -> list[Unit]:
    """Units whose name contains every word of ``name``; shortest (most specific) first."""
    words = fold(name).replace("'", " ").split()
    if not words:
        return []
    where = " AND ".join("search_key LIKE ?" for _ in words)
    params: list[Any] = [f"%{w}%" for w in words]
    if on is not None:
        where += " AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)"
        params += [on.isoformat(), on.isoformat()]
    rows = _rows(db, f"SELECT * FROM units WHERE {where} LIMIT 500", params)
    rows.sort(key=lambda r: (-sum(w in r["search_key"].split() for w in words),
                             len(r["search_key"]), r["id"]))
    return [_unit(r) for r in rows[:limit]]


def suggest_units(db, name: str, limit: int = 3, cutoff: float = 70.0) -> list[str]:
    """Unit names close to ``name`` (fuzzy)."""
    from rapidfuzz import fuzz, process

    names = {fold(n): n for (n,) in db.conn.execute("SELECT name FROM units")}
    found = process.extract(fold(name), list(names), scorer=fuzz.WRatio, limit=limit,
                            score_cutoff=cutoff)
    return [names[key] for key, _s, _i in found]


def unit_ancestors(db, unit_id: int) -> list[Unit]:
    """The unit and every unit above it, nearest first."""
    rows = _rows(db, """
        WITH RECURSIVE up(id, depth) AS (
            SELECT ?, 0 UNION ALL
            SELECT u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.id
            WHERE u.parent_id IS NOT NULL AND up.depth < 50)
        SELECT units.* FROM up JOIN units ON units.id = up.id ORDER BY up.depth""", (unit_id,))
    return [_unit(r) for r in rows]


# ---------------------------------------------------------------- offices

def _holding(row: dict[str, Any]) -> OfficeHolding:
    return OfficeHolding(
        row["id"], row["person_id"], f"{row['given_name']} {row['surname']}", row["office"],
        row["unit_id"], row["unit_name"], row["role"], row["valid_from"], row["valid_to"],
        row["act"], bool(row["ad_interim"]), row["replaces_person_id"],
        row.get("position_allowance_cents"), row.get("compensation_cents"))


_OFFICE_SELECT = """
    SELECT o.*, p.given_name, p.surname, u.name AS unit_name
    FROM offices o JOIN people p ON p.id = o.person_id LEFT JOIN units u ON u.id = o.unit_id
"""


def _current_offices(db, where: str, params: dict[str, Any]) -> list[OfficeHolding]:
    sql = (f"{_OFFICE_SELECT} WHERE o.valid_from <= :on AND "
           f"(o.valid_to IS NULL OR o.valid_to > :on) AND {where} "
           "ORDER BY o.ad_interim, o.valid_from DESC, o.id")
    return [_holding(r) for r in _rows(db, sql, params)]


def office_holders(db, office: str, on: date, unit_id: int | None = None) -> list[OfficeHolding]:
    """Who holds ``office`` (a code of ``vocab.OFFICES``) on ``on``; titular before ad interim."""
    params: dict[str, Any] = {"on": on.isoformat(), "office": office}
    where = "o.office = :office"
    if unit_id is not None:
        where += " AND o.unit_id = :unit"
        params["unit"] = unit_id
    return _current_offices(db, where, params)


def last_term_holders(db, office: str, on: date) -> list[OfficeHolding]:
    """Who held ``office`` in the last term ended by ``on`` (all rows ending that day)."""
    sql = (f"{_OFFICE_SELECT} WHERE o.office = :office AND o.valid_to <= :on AND o.valid_to = "
           "(SELECT MAX(valid_to) FROM offices WHERE office = :office AND valid_to <= :on) "
           "ORDER BY o.ad_interim, o.valid_from DESC, o.id")
    return [_holding(r) for r in _rows(db, sql, {"office": office, "on": on.isoformat()})]


def offices_of(db, person_id: int, on: date) -> list[OfficeHolding]:
    """Every office ``person_id`` holds on ``on``."""
    return _current_offices(db, "o.person_id = :pid", {"on": on.isoformat(), "pid": person_id})


def office_history(db, person_id: int) -> list[OfficeHolding]:
    """Every office ``person_id`` ever held, oldest first."""
    sql = f"{_OFFICE_SELECT} WHERE o.person_id = ? ORDER BY o.valid_from, o.id"
    return [_holding(r) for r in _rows(db, sql, (person_id,))]


def unit_head(db, unit_id: int, on: date) -> OfficeHolding | None:
    """The titular head of the unit on ``on`` (not the ad-interim one), or None if vacant."""
    heads = ",".join(f"'{o}'" for o in sorted(HEAD_OFFICES))
    found = _current_offices(
        db, f"o.unit_id = :unit AND o.office IN ({heads}) AND o.ad_interim = 0",
        {"on": on.isoformat(), "unit": unit_id})
    return found[0] if found else None


def interim_for(db, unit_id: int, on: date) -> OfficeHolding | None:
    """Who runs the unit ad interim on ``on`` (art. 17), or None."""
    found = _current_offices(db, "o.unit_id = :unit AND o.ad_interim = 1",
                             {"on": on.isoformat(), "unit": unit_id})
    return found[0] if found else None


def heads_on(db, on: date) -> dict[int, OfficeHolding]:
    """Titular head of every unit on ``on`` (bulk form of :func:`unit_head`)."""
    heads = ",".join(f"'{o}'" for o in sorted(HEAD_OFFICES))
    found: dict[int, OfficeHolding] = {}
    for h in _current_offices(db, f"o.office IN ({heads}) AND o.ad_interim = 0",
                              {"on": on.isoformat()}):
        found.setdefault(h.unit_id, h)  # type: ignore[arg-type]
    return found


def interims_on(db, on: date) -> dict[int, OfficeHolding]:
    """Ad-interim holder of every unit that has one on ``on`` (art. 17)."""
    found: dict[int, OfficeHolding] = {}
    for h in _current_offices(db, "o.ad_interim = 1 AND o.unit_id IS NOT NULL",
                              {"on": on.isoformat()}):
        found.setdefault(h.unit_id, h)  # type: ignore[arg-type]
    return found


def absent_on(db, on: date) -> dict[int, Absence]:
    """Everyone absent on ``on``: person id -> one current absence."""
    rows = _personal(db, "absences", f"SELECT * FROM absences WHERE {_CURRENT}",
                     {"on": on.isoformat()})
    return {r["person_id"]: _absence(r) for r in rows}


def acting_head(db, unit_id: int, on: date) -> OfficeHolding | None:
    """Who actually heads the unit on ``on``: the titular unless absent, else the interim.

    One step only; following chains of substitutes is the checks' job.
    """
    head = unit_head(db, unit_id, on)
    if head is not None and not (has_personal_data(db) and is_absent(db, head.person_id, on)):
        return head
    return interim_for(db, unit_id, on) or head


# ---------------------------------------------------------------- employment

def _employment(row: dict[str, Any]) -> Employment:
    return Employment(row["id"], row["person_id"], row["valid_from"], row["valid_to"],
                      row["category"], row["economic_position"], row["profile"], row["unit_id"],
                      row["unit_name"], row["post_id"], row["contract"], row["part_time_pct"],
                      row["salary_cents"], row["act"], row.get("post_code"))


_EMPLOYMENT_SELECT = ("SELECT e.*, u.name AS unit_name, ps.code AS post_code FROM employments e "
                      "LEFT JOIN units u ON u.id = e.unit_id LEFT JOIN posts ps ON ps.id = e.post_id")


def employment(db, person_id: int, on: date) -> Employment | None:
    """The person's classification, unit, contract and pay on ``on`` (None: not employed)."""
    rows = _personal(db, "employments",
                     f"{_EMPLOYMENT_SELECT} WHERE e.person_id = :pid AND e.valid_from <= :on "
                     "AND (e.valid_to IS NULL OR e.valid_to > :on) ORDER BY e.valid_from DESC",
                     {"pid": person_id, "on": on.isoformat()})
    return _employment(rows[0]) if rows else None


def employment_history(db, person_id: int) -> list[Employment]:
    """Every employment period of the person, oldest first."""
    rows = _personal(db, "employments",
                     f"{_EMPLOYMENT_SELECT} WHERE e.person_id = ? ORDER BY e.valid_from",
                     (person_id,))
    return [_employment(r) for r in rows]


def employees(db, on: date, unit_id: int | None = None) -> list[Employment]:
    """Everyone employed on ``on`` (optionally in one unit), by surname."""
    sql = (f"{_EMPLOYMENT_SELECT} JOIN people p ON p.id = e.person_id "
           "WHERE e.valid_from <= :on AND (e.valid_to IS NULL OR e.valid_to > :on)")
    params: dict[str, Any] = {"on": on.isoformat()}
    if unit_id is not None:
        sql += " AND e.unit_id = :unit"
        params["unit"] = unit_id
    return [_employment(r) for r in _personal(db, "employments", sql + " ORDER BY p.surname, p.id",
                                              params)]


def unit_staff(db, unit_id: int, on: date) -> list[tuple[str, Employment]]:
    """Everyone employed on ``on`` in the unit or a unit below it, as (name, employment),
    by surname."""
    rows = _personal(db, "employments", """
        WITH RECURSIVE down(id, depth) AS (
            SELECT :unit, 0 UNION ALL
            SELECT u.id, down.depth + 1 FROM units u JOIN down ON u.parent_id = down.id
            WHERE down.depth < 50)
        SELECT e.*, u.name AS unit_name, p.given_name || ' ' || p.surname AS person_name
        FROM employments e LEFT JOIN units u ON u.id = e.unit_id
        JOIN people p ON p.id = e.person_id
        WHERE e.unit_id IN (SELECT id FROM down)
          AND e.valid_from <= :on AND (e.valid_to IS NULL OR e.valid_to > :on)
        ORDER BY p.surname, p.given_name, p.id""", {"unit": unit_id, "on": on.isoformat()})
    return [(r["person_name"], _employment(r)) for r in rows]


def supervisor(db, person_id: int, on: date) -> OfficeHolding | None:
    """The titular head of the nearest unit above the person's one that has a head.

    The person's own unit counts unless the person heads it.
    """
    job = employment(db, person_id, on)
    if job is None or job.unit_id is None:
        return None
    for u in unit_ancestors(db, job.unit_id):
        head = unit_head(db, u.id, on)
        if head is not None and head.person_id != person_id:
            return head
    return None


# ---------------------------------------------------------------- posts

def _post(row: dict[str, Any]) -> Post:
    return Post(row["id"], row["code"], row["profile"], row["category"], row["unit_id"],
                row["valid_from"], row["valid_to"], row["act"])


def posts(db, on: date) -> list[Post]:
    """The dotazione organica on ``on`` (art. 5, allegato A)."""
    return [_post(r) for r in _rows(db, f"SELECT * FROM posts WHERE {_CURRENT} ORDER BY code",
                                    {"on": on.isoformat()})]


def vacant_posts(db, on: date) -> list[Post]:
    """Posts nobody is employed on, on ``on`` (vacanza di posto, art. 13 c. 1 lett. a)."""
    rows = _personal(db, "employments", f"""
        SELECT * FROM posts WHERE {_CURRENT} AND id NOT IN (
            SELECT post_id FROM employments WHERE post_id IS NOT NULL AND {_CURRENT})
        ORDER BY code""", {"on": on.isoformat()})
    return [_post(r) for r in rows]


# ---------------------------------------------------------------- absences

def _absence(row: dict[str, Any]) -> Absence:
    return Absence(row["id"], row["person_id"], row["kind"], row["valid_from"], row["valid_to"],
                   row["note"])


def absences(db, person_id: int, on: date) -> list[Absence]:
    """The person's absences in course on ``on``."""
    return [_absence(r) for r in _personal(
        db, "absences", f"SELECT * FROM absences WHERE person_id = :pid AND {_CURRENT}",
        {"pid": person_id, "on": on.isoformat()})]


def absence_history(db, person_id: int) -> list[Absence]:
    """Every absence of the person, oldest first."""
    return [_absence(r) for r in _personal(
        db, "absences", "SELECT * FROM absences WHERE person_id = ? ORDER BY valid_from",
        (person_id,))]


def is_absent(db, person_id: int, on: date) -> bool:
    """Whether the person is absent on ``on``."""
    return bool(absences(db, person_id, on))


# ---------------------------------------------------------------- family

def relatives(db, person_id: int, on: date) -> list[Kinship]:
    """Relatives, in-laws, spouse and cohabitant of the person, degrees computed (c.c.)."""
    _personal(db, "family_links", "SELECT 1 FROM family_links LIMIT 1")
    return graph_from_db(db).relatives(person_id, on)


def kinship_between(db, person_id: int, other_id: int, on: date) -> list[Kinship]:
    """Every relation between two people on ``on`` ([] when unrelated)."""
    return [k for k in relatives(db, person_id, on) if k.relative_id == other_id]


def past_roles(db, person_id: int) -> list[PastRole]:
    """Political and union roles held by the person (art. 14 c. 7)."""
    rows = _personal(db, "past_roles",
                     "SELECT * FROM past_roles WHERE person_id = ? ORDER BY valid_from",
                     (person_id,))
    return [PastRole(r["id"], r["person_id"], r["kind"], r["organisation"], r["role"],
                     r["valid_from"], r["valid_to"]) for r in rows]


# ---------------------------------------------------------------- assignments

def _assignment(row: dict[str, Any]) -> ExternalAssignment:
    return ExternalAssignment(
        row["id"], row["person_id"], f"{row['given_name']} {row['surname']}", row["subject"],
        row["client"], row["client_type"], _bool(row["client_supplier"]),
        _bool(row["client_litigation"]), _bool(row["client_permit"]),
        _bool(row["client_supervised"]), row["activity"], _bool(row["occasional"]),
        _bool(row["paid"]), row["compensation_cents"], row["place"], row["valid_from"],
        row["valid_to"], row["request_date"], row.get("requested_by"), row["status"],
        row["decision_date"], row["note"])


_ASSIGNMENT_SELECT = ("SELECT a.*, p.given_name, p.surname FROM external_assignments a "
                      "JOIN people p ON p.id = a.person_id")


def external_assignments(db, person_id: int | None = None, year: int | None = None,
                         status: str | None = None) -> list[ExternalAssignment]:
    """External assignments, optionally of one person, overlapping one calendar year, in one
    status; by number."""
    where, params = ["1"], {}
    if person_id is not None:
        where.append("a.person_id = :pid")
        params["pid"] = person_id
    if year is not None:
        where.append("(a.valid_from IS NULL OR a.valid_from < :next) AND "
                     "(a.valid_to IS NULL OR a.valid_to > :start)")
        params.update(start=f"{year}-01-01", next=f"{year + 1}-01-01")
    if status is not None:
        where.append("a.status = :status")
        params["status"] = status
    rows = _personal(db, "external_assignments",
                     f"{_ASSIGNMENT_SELECT} WHERE {' AND '.join(where)} ORDER BY a.id", params)
    return [_assignment(r) for r in rows]


def assignment(db, assignment_id: int) -> ExternalAssignment | None:
    """External assignment number ``assignment_id`` ("l'incarico 12")."""
    rows = _personal(db, "external_assignments", f"{_ASSIGNMENT_SELECT} WHERE a.id = ?",
                     (assignment_id,))
    return _assignment(rows[0]) if rows else None


def _collaboration(row: dict[str, Any]) -> Collaboration:
    return Collaboration(**{k: row[k] for k in Collaboration.__dataclass_fields__})


def collaborations(db, on: date | None = None) -> list[Collaboration]:
    """Collaboration contracts (Titolo VII); with ``on``, only those running that day."""
    sql, params = "SELECT * FROM collaborations", {}
    if on is not None:
        sql += (" WHERE (valid_from IS NULL OR valid_from <= :on) AND "
                "(valid_to IS NULL OR valid_to > :on)")
        params["on"] = on.isoformat()
    return [_collaboration(r) for r in
            _personal(db, "collaborations", sql + " ORDER BY number", params)]


def collaboration(db, number: str) -> Collaboration | None:
    """The collaboration contract numbered ``number`` (e.g. "2026/2")."""
    rows = _personal(db, "collaborations", "SELECT * FROM collaborations WHERE number = ?",
                     (number,))
    return _collaboration(rows[0]) if rows else None


# ---------------------------------------------------------------- duties, evaluations

def higher_duties(db, person_id: int | None = None, on: date | None = None) -> list[HigherDuty]:
    """Temporary higher duties (art. 13), of one person and/or in course on ``on``."""
    where, params = ["1"], {}
    if person_id is not None:
        where.append("person_id = :pid")
        params["pid"] = person_id
    if on is not None:
        where.append(_CURRENT)
        params["on"] = on.isoformat()
    rows = _personal(db, "higher_duties",
                     f"SELECT * FROM higher_duties WHERE {' AND '.join(where)} "
                     "ORDER BY valid_from", params)
    return [HigherDuty(r["id"], r["person_id"], r["category"], r["reason"], r["post_id"],
                       r["replaces_person_id"], _bool(r["filling_started"]), r["valid_from"],
                       r["valid_to"], r["act"]) for r in rows]


def higher_duty_unit(db, person_id: int, on: date) -> int | None:
    """The unit of the post a person's higher duties cover (art. 13 c. 4: the Area "presso cui
    il dipendente è incaricato"): of the duties in course on ``on``, else the last begun before;
    the post's unit, or else the unit of the person replaced. None without such duties."""
    duties = [d for d in higher_duties(db, person_id) if d.valid_from <= on.isoformat()]
    if not duties:
        return None
    current = [d for d in duties if d.valid_to is None or d.valid_to > on.isoformat()]
    duty = (current or duties)[-1]
    if duty.post_id is not None:
        rows = _rows(db, "SELECT unit_id FROM posts WHERE id = ?", (duty.post_id,))
        if rows and rows[0]["unit_id"] is not None:
            return int(rows[0]["unit_id"])
    if duty.replaces_person_id is not None:
        job = employment(db, duty.replaces_person_id, date.fromisoformat(duty.valid_from))
        if job is not None:
            return job.unit_id
    return None


def evaluations(db, person_id: int | None = None, year: int | None = None,
                scheme: str | None = None) -> list[Evaluation]:
    """Evaluation scorecards, grouped by person, year and scheme (art. 21-27, 42)."""
    where, params = ["1"], {}
    for column, value in (("person_id", person_id), ("year", year), ("scheme", scheme)):
        if value is not None:
            where.append(f"{column} = :{column}")
            params[column] = value
    rows = _personal(db, "evaluations",
                     f"SELECT person_id, year, scheme, component, points FROM evaluations "
                     f"WHERE {' AND '.join(where)} ORDER BY person_id, year, scheme, id", params)
    grouped: dict[tuple[int, int, str], dict[str, float]] = {}
    for r in rows:
        grouped.setdefault((r["person_id"], r["year"], r["scheme"]), {})[r["component"]] = \
            r["points"]
    return [Evaluation(pid, yr, sch, scores) for (pid, yr, sch), scores in grouped.items()]


def evaluation_totals(db, year: int) -> list[tuple[int, str, float, float, float]]:
    """``(person id, scheme, total, professional skills, behaviour)`` of each scorecard of
    ``year``, summed in SQL (the two components break ties in art. 32 c. 2)."""
    rows = _personal(db, "evaluations",
                     "SELECT person_id, scheme, SUM(points) AS total, "
                     "TOTAL(CASE WHEN component = 'competenze_professionali' THEN points END) "
                     "AS skills, TOTAL(CASE WHEN component = 'comportamenti' THEN points END) "
                     "AS behaviour FROM evaluations WHERE year = ? "
                     "GROUP BY person_id, scheme ORDER BY person_id, scheme", (year,))
    return [(r["person_id"], r["scheme"], round(r["total"], 2), r["skills"], r["behaviour"])
            for r in rows]


def evaluation_years(db) -> list[int]:
    """The years with scorecards on record, oldest first."""
    return [r["year"] for r in _personal(db, "evaluations",
                                         "SELECT DISTINCT year FROM evaluations ORDER BY year")]


def names_of(db, person_ids: Iterable[int]) -> dict[int, str]:
    """``person id -> "Nome Cognome"`` of the people asked, in one query."""
    ids, out = sorted(set(person_ids)), {}
    for start in range(0, len(ids), _IDS_PER_QUERY):
        chunk = ids[start:start + _IDS_PER_QUERY]
        out.update((r["id"], f"{r['given_name']} {r['surname']}") for r in _rows(
            db, f"SELECT id, given_name, surname FROM people WHERE id IN "
                f"({','.join('?' * len(chunk))})", chunk))
    return out


#: Ids bound in one ``IN (…)`` (well under SQLite's limit on variables).
_IDS_PER_QUERY = 900


def position_grading(db, unit_id: int, year: int) -> dict[str, float]:
    """Allegato D grades (in hundredths) of the unit's position: sub-parameter -> grade."""
    rows = _personal(db, "position_gradings",
                     "SELECT subparameter, grade FROM position_gradings "
                     "WHERE unit_id = ? AND year = ? ORDER BY subparameter", (unit_id, year))
    return {r["subparameter"]: r["grade"] for r in rows}


def part_time_requests(db, person_id: int | None = None,
                       status: str | None = None) -> list[PartTimeRequest]:
    """Requests to go part-time (art. 80)."""
    where, params = ["1"], {}
    if person_id is not None:
        where.append("person_id = :pid")
        params["pid"] = person_id
    if status is not None:
        where.append("status = :status")
        params["status"] = status
    rows = _personal(db, "part_time_requests",
                     f"SELECT * FROM part_time_requests WHERE {' AND '.join(where)} "
                     "ORDER BY request_date", params)
    return [PartTimeRequest(r["id"], r["person_id"], r["request_date"], r["percentage"],
                            r["activity"], r["status"], r["decision_date"]) for r in rows]


# ---------------------------------------------------------------- deadlines

def expiring(db, on: date, days: int = 90) -> list[dict[str, Any]]:
    """What ends within ``days`` after ``on`` ("incarichi in scadenza"), soonest first.

    Covers offices, fixed-term contracts, external assignments, collaborations, higher
    duties and temporary units. Each item: ``kind``, ``id``, ``what``, ``person_id``,
    ``last_day`` (ISO, the last day included). On a public database only offices and
    units are listed.
    """
    from datetime import timedelta

    from ordina.limits import add_days

    start, stop = on.isoformat(), add_days(on, days + 1).isoformat()
    window = "valid_to > :start AND valid_to <= :stop"
    params = {"start": start, "stop": stop}
    items: list[dict[str, Any]] = []

    def add(kind: str, rows: list[dict[str, Any]], what) -> None:
        for r in rows:
            last = date.fromisoformat(r["valid_to"]) - timedelta(days=1)
            items.append({"kind": kind, "id": r["id"], "what": what(r),
                          "person_id": r.get("person_id"), "last_day": last.isoformat()})

    add("incarico", _rows(db, f"{_OFFICE_SELECT} WHERE o.valid_to > :start "
                              "AND o.valid_to <= :stop", params),
        lambda r: f"{_holding(r).office_label} — {r['given_name']} {r['surname']}"
                  + (f", {r['unit_name']}" if r["unit_name"] else ""))
    add("unita", _rows(db, f"SELECT * FROM units WHERE {window}", params),
        lambda r: r["name"])
    if has_personal_data(db):
        add("contratto", _rows(db, "SELECT e.*, p.given_name, p.surname FROM employments e "
                                   "JOIN people p ON p.id = e.person_id "
                                   "WHERE e.contract <> 'indeterminato' AND "
                                   "e.valid_to > :start AND e.valid_to <= :stop", params),
            lambda r: f"contratto {r['contract']} — {r['given_name']} {r['surname']}")
        add("incarico_esterno", _rows(db, f"{_ASSIGNMENT_SELECT} WHERE a.status = 'autorizzato' "
                                          f"AND a.valid_to > :start AND a.valid_to <= :stop",
                                      params),
            lambda r: f"incarico esterno n. {r['id']} — {r['given_name']} {r['surname']}")
        add("collaborazione", _rows(db, f"SELECT * FROM collaborations WHERE {window}", params),
            lambda r: f"collaborazione {r['number']} — {r['contractor']}")
        add("mansioni_superiori", _rows(db, "SELECT h.*, p.given_name, p.surname FROM "
                                            "higher_duties h JOIN people p ON p.id = h.person_id "
                                            "WHERE h.valid_to > :start AND h.valid_to <= :stop",
                                        params),
            lambda r: f"mansioni superiori di categoria {r['category']} — {r['given_name']} "
                      f"{r['surname']}")
    return sorted(items, key=lambda i: (i["last_day"], i["kind"], i["id"]))
