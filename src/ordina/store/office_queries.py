"""What the personnel office asks of the database: compensation by year, pending requests,
what ends in a period, who heads each unit on a date.

Functions named for what they return, each one SQL query (or a few), no rule logic: the
checks in ``checks/`` decide what the rows mean. Periods in the database are half-open
(``valid_to`` is the first day *after*); the functions here speak of last days included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ordina.store.queries import PersonalDataMissing, has_personal_data, heads_on, interims_on
from ordina.store.vocab import CONTRACTS, label


def public_copy_lacks(db: Any, table: str) -> str | None:
    """The Italian sentence saying a public copy lacks ``table``, or None on the full one."""
    if has_personal_data(db):
        return None
    return str(PersonalDataMissing(table)).capitalize() + "."


def _rows(db: Any, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    cur = db.conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


@dataclass(frozen=True)
class Compensation:
    """One external assignment with its compensation (euro cents) and status."""

    id: int
    person_id: int
    subject: str
    client: str
    client_type: str | None
    activity: str | None
    paid: bool | None
    cents: int
    request_date: date | None
    start: date | None
    last_day: date | None
    status: str

    @property
    def euro(self) -> float:
        """The compensation in euro."""
        return self.cents / 100


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _last(text: str | None) -> date | None:
    """The last day included of a half-open period ending at ``text``."""
    return date.fromisoformat(text) - timedelta(days=1) if text else None


def _compensation(r: dict[str, Any]) -> Compensation:
    return Compensation(r["id"], r["person_id"], r["subject"] or "", r["client"] or "",
                        r["client_type"], r["activity"],
                        None if r["paid"] is None else bool(r["paid"]),
                        int(r["compensation_cents"] or 0), _d(r["request_date"]),
                        _d(r["valid_from"]), _last(r["valid_to"]), r["status"])


def assignments_of(db: Any, person_id: int) -> list[Compensation]:
    """Every external assignment of ``person_id``, oldest request first (empty when public)."""
    if not has_personal_data(db):
        return []
    return [_compensation(r) for r in _rows(
        db, "SELECT * FROM external_assignments WHERE person_id = ? "
            "ORDER BY COALESCE(request_date, valid_from), id", (person_id,))]


def base_salary_cents(db: Any, person_id: int, on: date) -> tuple[int | None, int | None]:
    """The gross annual base salary (cents) and part-time share of the employment on ``on``."""
    if not has_personal_data(db):
        return None, None
    rows = _rows(db, "SELECT salary_cents, part_time_pct FROM employments WHERE person_id = :p "
                     "AND valid_from <= :on AND (valid_to IS NULL OR valid_to > :on) "
                     "ORDER BY valid_from DESC LIMIT 1", {"p": person_id, "on": on.isoformat()})
    if not rows:
        return None, None
    return rows[0]["salary_cents"], rows[0]["part_time_pct"]


@dataclass(frozen=True)
class Request:
    """A request for authorisation still without an answer."""

    id: int
    person_id: int
    person: str
    subject: str
    client: str
    client_type: str | None
    request_date: date
    start: date | None


def unanswered_requests(db: Any, on: date) -> list[Request]:
    """Requests filed by ``on`` and still waiting for an answer, oldest first."""
    if not has_personal_data(db):
        return []
    return [Request(r["id"], r["person_id"], f"{r['given_name']} {r['surname']}",
                    r["subject"] or "", r["client"] or "", r["client_type"],
                    date.fromisoformat(r["request_date"]), _d(r["valid_from"]))
            for r in _rows(db, "SELECT a.*, p.given_name, p.surname FROM external_assignments a "
                               "JOIN people p ON p.id = a.person_id WHERE a.status = 'in_attesa' "
                               "AND a.request_date IS NOT NULL AND a.request_date <= ? "
                               "ORDER BY a.request_date, a.id", (on.isoformat(),))]


@dataclass(frozen=True)
class Ending:
    """An incarico, collaboration or fixed-term employment whose last day falls in a period."""

    kind: str
    """``incarico`` (external assignment), ``collaborazione`` or ``contratto`` (a fixed-term
    employment contract)."""
    key: str
    """``12`` for incarico 12, ``2026/3`` for a collaboration, the employment's id."""
    who: str
    what: str
    last_day: date
    cents: int | None
    person_id: int | None = None
    """The employee of an incarico (None for a collaboration: its contractor is not staff)."""
    pending: bool = False
    """An incarico whose request still waits for the answer (status ``in_attesa``)."""


def ending_between(db: Any, first: date, last: date) -> list[Ending]:
    """Incarichi (authorised, communicated or still waiting for the answer), collaborations
    and fixed-term employment contracts whose last day is in ``[first, last]``."""
    if not has_personal_data(db):
        return []
    params = {"start": (first + timedelta(days=1)).isoformat(),
              "stop": (last + timedelta(days=1)).isoformat()}
    window = "valid_to >= :start AND valid_to <= :stop"
    out = [Ending("incarico", str(r["id"]), f"{r['given_name']} {r['surname']}",
                  f"{r['subject']} ({r['client']})", _last(r["valid_to"]),  # type: ignore[arg-type]
                  r["compensation_cents"], r["person_id"], r["status"] == "in_attesa")
           for r in _rows(db, "SELECT a.*, p.given_name, p.surname FROM external_assignments a "
                              "JOIN people p ON p.id = a.person_id WHERE a.status IN "
                              "('autorizzato', 'comunicato', 'in_attesa') AND a." + window,
                          params)]
    out += [Ending("collaborazione", r["number"], r["contractor"], r["subject"],
                   _last(r["valid_to"]), r["amount_cents"])  # type: ignore[arg-type]
            for r in _rows(db, f"SELECT * FROM collaborations WHERE {window}", params)]
    out += [Ending("contratto", str(r["id"]), f"{r['given_name']} {r['surname']}",
                   f"{r['profile']} ({label(CONTRACTS, r['contract'])})",
                   _last(r["valid_to"]), None, r["person_id"])  # type: ignore[arg-type]
            for r in _rows(db, "SELECT e.*, p.given_name, p.surname FROM employments e "
                               "JOIN people p ON p.id = e.person_id WHERE e.contract IN "
                               "('determinato', 'art110') AND e." + window, params)]
    return sorted(out, key=lambda e: (e.last_day, e.kind, e.key))


@dataclass(frozen=True)
class UnitHeads:
    """Who heads one unit on a date: the titular, whether absent, and the interim."""

    unit_id: int
    unit: str
    kind: str
    head: str | None
    head_act: str | None
    head_absence: str | None
    """The kind of absence of the titular (``malattia``), None when in service or unknown."""
    interim: str | None
    interim_act: str | None


#: Kinds of unit that have a head, bigger first (collegial bodies and the Comune do not).
HEADED_KINDS = ("direzione_generale", "area", "dipartimento", "settore", "staff_apicale",
                "servizio", "staff", "unita_progetto", "ufficio")


def unit_heads(db: Any, on: date) -> list[UnitHeads]:
    """Every unit with a head on ``on``: titular, absence, interim; bigger units first."""
    heads, interims = heads_on(db, on), interims_on(db, on)
    absent: dict[int, str] = {}
    if has_personal_data(db):
        absent = {r["person_id"]: r["kind"] for r in _rows(
            db, "SELECT person_id, kind FROM absences WHERE valid_from <= :on AND "
                "(valid_to IS NULL OR valid_to > :on)", {"on": on.isoformat()})}
    kinds = ",".join(f"'{k}'" for k in HEADED_KINDS)
    rank = " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(HEADED_KINDS))
    out = []
    for r in _rows(db, f"SELECT id, name, kind FROM units WHERE kind IN ({kinds}) AND "
                       "valid_from <= :on AND (valid_to IS NULL OR valid_to > :on) "
                       f"ORDER BY CASE kind {rank} END, name", {"on": on.isoformat()}):
        head, interim = heads.get(r["id"]), interims.get(r["id"])
        out.append(UnitHeads(r["id"], r["name"], r["kind"],
                             head.person_name if head else None, head.act if head else None,
                             absent.get(head.person_id) if head else None,
                             interim.person_name if interim else None,
                             interim.act if interim else None))
    return out


def head_changes(db: Any, first: date, last: date) -> set[date]:
    """Days in ``(first, last]`` when an office, an absence or a unit starts or ends: the only
    days on which :func:`unit_heads` can change."""
    params = {"a": first.isoformat(), "b": last.isoformat()}
    tables = ["offices", "units"] + (["absences"] if has_personal_data(db) else [])
    out: set[date] = set()
    for table in tables:
        for column in ("valid_from", "valid_to"):
            out |= {date.fromisoformat(r["d"]) for r in _rows(
                db, f"SELECT DISTINCT {column} AS d FROM {table} WHERE {column} > :a AND "
                    f"{column} <= :b", params)}
    return out


def next_absence(db: Any, person_id: int, on: date,
                 kinds: tuple[str, ...] = ()) -> tuple[str, date, date] | None:
    """The absence of ``person_id`` in course on ``on`` or the next one (of ``kinds`` when
    given): ``(kind, first day, last day)``; None on a public database."""
    if not has_personal_data(db):
        return None
    where = f" AND kind IN ({','.join('?' for _ in kinds)})" if kinds else ""
    rows = _rows(db, "SELECT kind, valid_from, valid_to FROM absences WHERE person_id = ? AND "
                     "(valid_to IS NULL OR valid_to > ?)" + where +
                     " ORDER BY valid_from LIMIT 1", (person_id, on.isoformat(), *kinds))
    if not rows or rows[0]["valid_to"] is None:
        return None
    r = rows[0]
    return r["kind"], max(date.fromisoformat(r["valid_from"]), on), _last(r["valid_to"])  # type: ignore[return-value]


@dataclass(frozen=True)
class AbsentPerson:
    """One absence that overlaps a period, with who is away and where they work."""

    person_id: int
    name: str
    kind: str
    first_day: date
    last_day: date | None
    """The last day included (None: open-ended)."""
    unit: str | None
    """The unit of the person's employment in force on the first day asked."""


def absences_between(db: Any, first: date, last: date) -> list[AbsentPerson]:
    """Every absence overlapping ``[first, last]`` (days included), earliest first; empty on a
    public copy (absences are personal data: see :func:`public_copy_lacks`)."""
    if not has_personal_data(db):
        return []
    rows = _rows(db, "SELECT a.person_id, a.kind, a.valid_from, a.valid_to, p.given_name, "
                     "p.surname, (SELECT u.name FROM employments e JOIN units u ON u.id = "
                     "e.unit_id WHERE e.person_id = a.person_id AND e.valid_from <= :a AND "
                     "(e.valid_to IS NULL OR e.valid_to > :a) ORDER BY e.valid_from DESC "
                     "LIMIT 1) AS unit FROM absences a JOIN people p ON p.id = a.person_id "
                     "WHERE a.valid_from <= :b AND (a.valid_to IS NULL OR a.valid_to > :a) "
                     "ORDER BY a.valid_from, p.surname, p.given_name",
                 {"a": first.isoformat(), "b": last.isoformat()})
    return [AbsentPerson(r["person_id"], f"{r['given_name']} {r['surname']}", r["kind"],
                         date.fromisoformat(r["valid_from"]), _last(r["valid_to"]), r["unit"])
            for r in rows]
