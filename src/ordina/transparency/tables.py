"""The rows of the two transparency lists, with only the columns the law makes public.

* Art. 18 D.Lgs. 33/2013 — incarichi conferiti o autorizzati ai dipendenti: the employee,
  the object, the duration, the compensation and who confers it. An incarico counts as
  authorised when the database says so or the register's latest decision on it does.
* Art. 15 D.Lgs. 33/2013 — consulenti e collaboratori: the act conferring it, the person
  paid (c. 2: «soggetti percettori»), the object, the duration, the compensation, the kind
  of procedure, and the date of publication (art. 71 c. 1 of the regulation: from then on
  the contract is effective).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from ordina.register.book import corrected_by
from ordina.store import queries as q
from ordina.store.decisions import all_decisions
from ordina.store.vocab import COLLABORATION_PROCEDURES, label


@dataclass(frozen=True)
class Table:
    """One list: file name, title, legal basis, headers, rows."""

    name: str
    title: str
    basis: str
    headers: tuple[str, ...]
    rows: list[tuple[Any, ...]]


#: art. 18: the public fields of an incarico of an employee.
INCARICHI_HEADERS = ("dipendente", "oggetto", "dal", "al", "compenso_lordo_euro",
                     "soggetto_conferente")
#: art. 15: the public fields of a consultancy or collaboration.
COLLABORAZIONI_HEADERS = ("estremi_atto", "soggetto_percettore", "oggetto", "dal", "al",
                          "compenso_lordo_euro", "tipo_procedura", "data_pubblicazione")


def _day(text: str | None, last: bool = False) -> date | None:
    if not text:
        return None
    day = date.fromisoformat(text)
    return day - timedelta(days=1) if last else day


def _money(cents: int | None) -> Decimal | None:
    return None if cents is None else Decimal(cents) / 100


def _authorised_in_register(db: Any) -> set[int]:
    """Incarichi whose latest, uncorrected decision in the register is an authorisation."""
    fixed = corrected_by(db)
    latest: dict[str, Any] = {}
    for row in all_decisions(db):
        if row.subject_kind == "incarico" and row.id not in fixed:
            latest[row.subject_key] = row
    return {int(k) for k, r in latest.items() if r.outcome == "autorizzato"}


def incarichi_dipendenti(db: Any) -> Table:
    """Art. 18 D.Lgs. 33/2013."""
    extra = _authorised_in_register(db)
    rows = [(a.person_name, a.subject, _day(a.valid_from), _day(a.valid_to, last=True),
             _money(a.compensation_cents), a.client)
            for a in q.external_assignments(db)
            if a.status == "autorizzato" or a.id in extra]
    return Table("incarichi_dipendenti", "Incarichi conferiti o autorizzati ai dipendenti",
                 "art. 18 D.Lgs. 33/2013", INCARICHI_HEADERS, rows)


def consulenti_collaboratori(db: Any) -> Table:
    """Art. 15 D.Lgs. 33/2013."""
    rows = [(c.act, c.contractor, c.subject, _day(c.valid_from), _day(c.valid_to, last=True),
             _money(c.amount_cents), label(COLLABORATION_PROCEDURES, c.procedure) or None,
             _day(c.publication_date))
            for c in q.collaborations(db)]
    return Table("consulenti_collaboratori", "Consulenti e collaboratori",
                 "art. 15 D.Lgs. 33/2013", COLLABORAZIONI_HEADERS, rows)


def tables(db: Any) -> list[Table]:
    """Both lists."""
    return [incarichi_dipendenti(db), consulenti_collaboratori(db)]
