"""``ordina people [NAME]``: who is who, with offices and (when present) personal facts."""

from __future__ import annotations

import argparse

from ordina.cli.terminal import add_format_option


def register(subparsers, parents) -> None:
    """Add the ``people`` subcommand."""
    p = subparsers.add_parser(
        "people", parents=parents, help="cerca le persone: incarichi, inquadramento, assenze",
        description="Senza NOME elenca il personale in servizio alla data. Con NOME (anche "
                    "parziale, senza accenti) mostra la scheda della persona: inquadramento, "
                    "incarichi, assenze, familiari, incarichi esterni.",
    )
    p.add_argument("name", nargs="*", metavar="NOME", help="nome o cognome, es. 'Rossi'")
    add_format_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the list or the card of one person."""
    from ordina.cli.common import as_of, emit
    from ordina.cli.storedb import open_store
    from ordina.errors import UserError
    from ordina.store import queries as q

    db = open_store(args)
    on = as_of(args)
    name = " ".join(args.name).strip()
    if not name:
        return _list(args, db, on)
    found = q.find_people(db, name)
    if not found:
        hint = q.suggest_people(db, name)
        raise UserError(f"nessuna persona corrisponde a '{name}'"
                        + (f"; forse cercavi: {', '.join(hint)}" if hint else ""))
    exact = [p for p in found if p.surname.casefold() in name.casefold().split()]
    if len(found) == 1 or (len(exact) == 1 and len(name.split()) > 1):
        person = q.person(db, (exact or found)[0].id)
        card = _card(db, person, on)
        emit(args, card, _card_text(card, on))
        return 0
    emit(args, [p.to_dict() for p in found],
         "Più persone corrispondono:\n" + "\n".join(f"  {p.name} ({p.code})" for p in found))
    return 0


def _list(args, db, on) -> int:
    """The staff in service (or, on a public database, the offices) as a table."""
    from ordina.cli.terminal import show_table
    from ordina.store import queries as q

    if not q.has_personal_data(db):
        rows = [h.to_dict() for h in q._current_offices(db, "1", {"on": on.isoformat()})]
        show_table(args, rows, ("Persona", "Incarico", "Unità"),
                   [(r["person_name"], r["office_label"], r["unit_name"] or "") for r in rows],
                   before="" if rows else "nessun incarico alla data")
        return 0
    staff = q.employees(db, on)
    names = {r[0]: f"{r[1]} {r[2]}" for r in db.conn.execute(
        "SELECT id, given_name, surname FROM people")}
    rows = [{"person_id": e.person_id, "name": names[e.person_id], **e.to_dict()} for e in staff]
    show_table(args, rows, ("Nome", "Cat.", "Profilo", "Unità"),
               [(r["name"], r["category"], r["profile"] or "", r["unit_name"] or "")
                for r in rows], before=f"{len(rows)} in servizio al {on:%d/%m/%Y}")
    return 0


def _card(db, person, on) -> dict:
    """Everything shown on a person's card, as JSON-ready data."""
    from ordina.store import queries as q

    card: dict = {"person": person.to_dict(), "as_of": on.isoformat(),
                  "offices": [h.to_dict() for h in q.offices_of(db, person.id, on)]}
    if not q.has_personal_data(db):
        card["personal_data"] = False
        return card
    job = q.employment(db, person.id, on)
    card["employment"] = job.to_dict() if job else None
    card["absences"] = [a.to_dict() for a in q.absences(db, person.id, on)]
    card["relatives"] = [
        {"person_id": k.relative_id, "name": q.person(db, k.relative_id).name,
         "relation": k.relation, "degree": k.degree, "line": k.line, "term": k.term,
         "description": k.describe()} for k in q.relatives(db, person.id, on)]
    card["external_assignments"] = [a.to_dict() for a in
                                    q.external_assignments(db, person_id=person.id)]
    card["personal_data"] = True
    return card


def _card_text(card: dict, on) -> str:
    from ordina.cli.render import it_date, period
    from ordina.formato import punti
    from ordina.store.text import euro

    p = card["person"]
    out = [f"{p['name']} (codice {p['code']})"]
    job = card.get("employment")
    if card.get("personal_data") is False:
        out.append("Dati personali: assenti (database pubblico: solo struttura e incarichi)")
    elif job:
        area = f" ({job['area']})" if job["area"] else ""
        pt = "tempo pieno" if job["part_time_pct"] == 100 else \
            f"part-time {punti(job['part_time_pct'])}%"
        out.append(f"Inquadramento al {on:%d/%m/%Y}: categoria {job['category']}{area}"
                   + (f", posizione {job['economic_position']}" if job["economic_position"]
                      else ""))
        out.append(f"  {job['profile'] or ''}, {job['unit_name'] or ''}; {job['contract_label']}, "
                   f"{pt}; retribuzione base {euro(job['salary_cents'])}; "
                   f"assunto il {it_date(p['hire_date'])}")
    else:
        out.append(f"Non in servizio al {on:%d/%m/%Y}")
    out.append("Incarichi:" if card["offices"] else "Incarichi: nessuno alla data")
    from ordina.cli.render import holding_line
    from ordina.store.model import OfficeHolding

    for h in card["offices"]:
        fields = {k: h[k] for k in OfficeHolding.__dataclass_fields__}
        out.append(f"  - {holding_line(OfficeHolding(**fields))}")
    if card.get("personal_data"):
        if card["absences"]:
            out += [f"Assente: {a['kind_label']} {period(a['valid_from'], a['valid_to'])}"
                    for a in card["absences"]]
        for k in card["relatives"]:
            out.append(f"Familiare: {k['name']} — {k['description']}")
        for a in card["external_assignments"]:
            out.append(f"Incarico esterno n. {a['id']}: {a['subject']} ({a['client']}), "
                       f"{euro(a['compensation_cents'])}, {a['status_label']}")
    return "\n".join(out)
