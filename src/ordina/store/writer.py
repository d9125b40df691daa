"""Insert facts by natural key (unit code, person code) inside an open transaction.

Used by the demo builders; it does no validation beyond the database's constraints,
because its callers write known-good data. Spreadsheets go through the importer.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ordina.store.text import fold


class Writer:
    """Resolve codes to ids and insert rows on one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.units: dict[str, int] = {}
        self.people: dict[str, int] = {}
        self.posts: dict[str, int] = {}

    def _insert(self, table: str, values: dict[str, Any]) -> int:
        cols = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cur = self.conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})",
                                tuple(values.values()))
        return int(cur.lastrowid or 0)

    def ente(self, **facts: str) -> None:
        """Facts about the Comune (nome, abitanti, patrono, ...)."""
        for key, value in facts.items():
            self.conn.execute("INSERT OR REPLACE INTO ente(key, value) VALUES (?, ?)",
                              (key, str(value)))

    def unit(self, code: str, name: str, kind: str, parent: str | None = None,
             valid_from: str = "2000-01-01", valid_to: str | None = None,
             act: str | None = None) -> int:
        self.units[code] = self._insert("units", {
            "code": code, "name": name, "kind": kind,
            "parent_id": self.units[parent] if parent else None, "valid_from": valid_from,
            "valid_to": valid_to, "act": act, "search_key": fold(name)})
        return self.units[code]

    def person(self, code: str, given_name: str, surname: str, **private: Any) -> int:
        pid = self._insert("people", {"code": code, "surname": surname, "given_name": given_name,
                                      "search_key": fold(f"{surname} {given_name}")})
        self.people[code] = pid
        if private:
            self._insert("people_private", {"person_id": pid, **private})
        return pid

    def post(self, code: str, profile: str, category: str, unit: str,
             valid_from: str = "2015-01-01", act: str | None = None) -> int:
        self.posts[code] = self._insert("posts", {
            "code": code, "profile": profile, "category": category,
            "unit_id": self.units[unit], "valid_from": valid_from, "act": act})
        return self.posts[code]

    def employment(self, person: str, valid_from: str, category: str, contract: str,
                   unit: str | None, *, valid_to: str | None = None,
                   economic_position: str | None = None, profile: str | None = None,
                   post: str | None = None, part_time_pct: int = 100,
                   salary_cents: int | None = None, act: str | None = None) -> int:
        return self._insert("employments", {
            "person_id": self.people[person], "valid_from": valid_from, "valid_to": valid_to,
            "category": category, "economic_position": economic_position, "profile": profile,
            "unit_id": self.units[unit] if unit else None,
            "post_id": self.posts[post] if post else None, "contract": contract,
            "part_time_pct": part_time_pct, "salary_cents": salary_cents, "act": act})

    def office(self, person: str, office: str, unit: str | None, valid_from: str,
               valid_to: str | None = None, *, act: str | None = None, role: str | None = None,
               ad_interim: bool = False, replaces: str | None = None,
               position_allowance_cents: int | None = None,
               compensation_cents: int | None = None) -> int:
        return self._insert("offices", {
            "person_id": self.people[person], "office": office,
            "unit_id": self.units[unit] if unit else None, "role": role,
            "valid_from": valid_from, "valid_to": valid_to, "act": act,
            "ad_interim": int(ad_interim),
            "replaces_person_id": self.people[replaces] if replaces else None,
            "position_allowance_cents": position_allowance_cents,
            "compensation_cents": compensation_cents})

    def absence(self, person: str, kind: str, valid_from: str, valid_to: str | None,
                note: str | None = None) -> int:
        return self._insert("absences", {"person_id": self.people[person], "kind": kind,
                                         "valid_from": valid_from, "valid_to": valid_to,
                                         "note": note})

    def link(self, person: str, relative: str, kind: str, valid_from: str | None = None,
             valid_to: str | None = None, end_reason: str | None = None) -> int:
        return self._insert("family_links", {
            "person_id": self.people[person], "relative_id": self.people[relative],
            "kind": kind, "valid_from": valid_from, "valid_to": valid_to,
            "end_reason": end_reason})

    def past_role(self, person: str, kind: str, organisation: str, role: str | None,
                  valid_from: str, valid_to: str | None) -> int:
        return self._insert("past_roles", {
            "person_id": self.people[person], "kind": kind, "organisation": organisation,
            "role": role, "valid_from": valid_from, "valid_to": valid_to})

    def assignment(self, number: int, person: str, **fields: Any) -> int:
        for key in ("client_supplier", "client_litigation", "client_permit",
                    "client_supervised", "occasional", "paid"):
            if key in fields and fields[key] is not None:
                fields[key] = int(fields[key])
        return self._insert("external_assignments",
                            {"id": number, "person_id": self.people[person], **fields})

    def collaboration(self, number: str, unit: str | None, **fields: Any) -> int:
        return self._insert("collaborations", {
            "number": number, "unit_id": self.units[unit] if unit else None, **fields})

    def higher_duty(self, person: str, category: str, reason: str, valid_from: str,
                    valid_to: str | None, *, post: str | None = None,
                    replaces: str | None = None, filling_started: bool | None = None,
                    act: str | None = None) -> int:
        return self._insert("higher_duties", {
            "person_id": self.people[person], "category": category, "reason": reason,
            "post_id": self.posts[post] if post else None,
            "replaces_person_id": self.people[replaces] if replaces else None,
            "filling_started": None if filling_started is None else int(filling_started),
            "valid_from": valid_from, "valid_to": valid_to, "act": act})

    def evaluation(self, person: str, year: int, scheme: str, scores: dict[str, float]) -> None:
        pid = self.people[person]
        self.conn.executemany(
            "INSERT INTO evaluations(person_id, year, scheme, component, points) "
            "VALUES (?, ?, ?, ?, ?)",
            [(pid, year, scheme, comp, pts) for comp, pts in scores.items()])

    def grading(self, unit: str, year: int, grades: dict[str, float]) -> None:
        uid = self.units[unit]
        self.conn.executemany(
            "INSERT INTO position_gradings(unit_id, year, subparameter, grade) VALUES (?,?,?,?)",
            [(uid, year, sub, g) for sub, g in grades.items()])

    def part_time_request(self, person: str, request_date: str, percentage: int,
                          activity: str | None, status: str = "in_attesa",
                          decision_date: str | None = None) -> int:
        return self._insert("part_time_requests", {
            "person_id": self.people[person], "request_date": request_date,
            "percentage": percentage, "activity": activity, "status": status,
            "decision_date": decision_date})
