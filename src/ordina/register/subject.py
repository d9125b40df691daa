"""What ``ordina decide ID`` is about: an ID read, the row found, its facts loaded.

Three kinds of ID, as the office writes them:

* an external assignment (Titolo IX): ``12``, ``incarico 12``, ``incarico n. 12``;
* a part-time request (art. 80): ``part-time:3``;
* a collaboration contract (Titolo VII): ``2026/3``.

The facts come from :mod:`ordina.engine.dbfacts`, the same loader the audit uses, so a
decision reads exactly what ``ordina check --all`` reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ordina.engine.context import Subject
from ordina.engine.dbfacts import (
    PeopleFacts,
    assignment_subjects,
    contract_subjects,
    patron_saint,
    request_subjects,
)
from ordina.engine.provenance import FactValue
from ordina.errors import UserError
from ordina.store import queries as q

_ASSIGNMENT = re.compile(r"^(?:incarico\s*(?:n\.?\s*)?)?(\d+)$", re.IGNORECASE)
_PART_TIME = re.compile(r"^part[-_ ]?time\s*[:#]\s*(\d+)$", re.IGNORECASE)
_COLLABORATION = re.compile(r"^(\d{4})\s*/\s*(\d+)$")

#: Kind of subject -> the query intent whose checks decide it.
INTENTS = {"incarico": "external_assignment", "part_time": "part_time",
           "collaborazione": "collaboration"}

FORMS = "'12' o 'incarico 12' (incarico esterno), 'part-time:3', '2026/3' (collaborazione)"


@dataclass(frozen=True)
class Ref:
    """A parsed ID: the kind of subject and its key in the database."""

    kind: str
    key: str

    @property
    def label(self) -> str:
        """``incarico 12``, ``part-time 3``, ``collaborazione 2026/3``."""
        return {"incarico": f"incarico {self.key}", "part_time": f"part-time {self.key}",
                "collaborazione": f"collaborazione {self.key}"}[self.kind]


def parse_id(text: str) -> Ref:
    """Read an ID the way the office writes it.

    :raises UserError: naming the accepted forms.
    """
    raw = " ".join(str(text).split())
    for pattern, kind in ((_ASSIGNMENT, "incarico"), (_PART_TIME, "part_time")):
        m = pattern.match(raw)
        if m:
            return Ref(kind, str(int(m.group(1))))
    m = _COLLABORATION.match(raw)
    if m:
        return Ref("collaborazione", f"{m.group(1)}/{int(m.group(2))}")
    raise UserError(f"identificativo non riconosciuto: '{text}'; usa {FORMS}")


@dataclass
class Loaded:
    """The subject with its facts, and the row's own data for the act."""

    ref: Ref
    subject: Subject
    person: str | None
    row: dict[str, Any] = field(default_factory=dict)
    """Plain values of the row (names, object, amounts, dates) for acts and deadlines."""


def _assignment(db: Any, ref: Ref, on: date) -> Loaded:
    row = q.assignment(db, int(ref.key))
    if row is None:
        raise UserError(f"l'incarico esterno n. {ref.key} non è nel database "
                        "(vedi 'ordina people' e la tabella incarichi_esterni)")
    found = assignment_subjects(db, on, ids=[row.id])
    return Loaded(ref, found[0], row.person_name, row.to_dict())


def _part_time(db: Any, ref: Ref, on: date) -> Loaded:
    wanted = next((r for r in q.part_time_requests(db) if r.id == int(ref.key)), None)
    if wanted is None:
        raise UserError(f"la richiesta di part-time n. {ref.key} non è nel database")
    people = PeopleFacts(db, on, [wanted.person_id])
    found = [s for s in request_subjects(db, on, people, wanted.person_id)
             if s.key == wanted.id]
    if not found:
        raise UserError(f"la richiesta di part-time n. {ref.key} non è in attesa al "
                        f"{on.strftime('%d/%m/%Y')} (stato: {wanted.status}, presentata il "
                        f"{date.fromisoformat(wanted.request_date).strftime('%d/%m/%Y')})")
    name = people.names.get(wanted.person_id)
    return Loaded(ref, found[0], name, {**wanted.to_dict(), "person_name": name})


def _collaboration(db: Any, ref: Ref, on: date) -> Loaded:
    row = q.collaboration(db, ref.key)
    if row is None:
        raise UserError(f"la collaborazione {ref.key} non è nel database")
    found = [s for s in contract_subjects(db, on) if s.key == row.number]
    if not found:
        raise UserError(f"la collaborazione {ref.key} è terminata prima del "
                        f"{on.year}: non c'è nulla da decidere al {on.strftime('%d/%m/%Y')}")
    return Loaded(ref, found[0], row.contractor, row.to_dict())


def load(db: Any, ref: Ref, on: date) -> Loaded:
    """The subject ``ref`` names, with its facts as of ``on`` (and the reference date)."""
    loaded = {"incarico": _assignment, "part_time": _part_time,
              "collaborazione": _collaboration}[ref.kind](db, ref, on)
    facts = loaded.subject.facts
    if "date" not in facts:
        facts.add(FactValue("date", on, "contesto"))
    if "patron_saint" not in facts:
        facts.add(FactValue("patron_saint", patron_saint(db), "db"))
    return loaded
