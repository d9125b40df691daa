"""``ordina units [NAME]``: the organisation chart with who heads each unit on the date."""

from __future__ import annotations

import argparse


def register(subparsers, parents) -> None:
    """Add the ``units`` subcommand."""
    p = subparsers.add_parser(
        "units", parents=parents, help="organigramma: unità, responsabili, sostituti ad interim",
        description="Senza NOME mostra l'albero delle unità organizzative alla data con i "
                    "responsabili (e chi li sostituisce ad interim). Con NOME mostra le unità "
                    "che corrispondono.",
    )
    p.add_argument("name", nargs="*", metavar="NOME", help="nome dell'unità, es. 'area tecnica'")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the tree or the matching units."""
    from ordina.cli.common import as_of, emit
    from ordina.cli.storedb import open_store
    from ordina.errors import UserError
    from ordina.store import queries as q

    db = open_store(args)
    on = as_of(args)
    name = " ".join(args.name).strip()
    all_units = q.units(db, on)
    if name:
        wanted = {u.id for u in q.find_units(db, name, on)}
        if not wanted:
            hint = q.suggest_units(db, name)
            raise UserError(f"nessuna unità corrisponde a '{name}'"
                            + (f"; forse cercavi: {', '.join(hint)}" if hint else ""))
        shown = [u for u in all_units if u.id in wanted]
    else:
        shown = all_units
    heads, interims = q.heads_on(db, on), q.interims_on(db, on)
    absent = q.absent_on(db, on) if q.has_personal_data(db) else {}
    rows = []
    for u in shown:
        head, interim = heads.get(u.id), interims.get(u.id)
        rows.append({**u.to_dict(), "head": head.to_dict() if head else None,
                     "head_absent": bool(head and head.person_id in absent),
                     "interim": interim.to_dict() if interim else None})
    emit(args, rows, _tree_text(rows, all_units, name == ""))
    return 0


def _line(row: dict) -> str:
    text = f"{row['name']} [{row['kind_label']}]"
    if row["head"]:
        text += f" — {row['head']['person_name']}"
        if row["head_absent"]:
            text += " (assente)"
    if row["interim"]:
        text += f"; ad interim: {row['interim']['person_name']}"
    return text


def _tree_text(rows: list[dict], all_units, as_tree: bool) -> str:
    if not as_tree:
        return "\n".join(_line(r) for r in rows)
    by_id = {r["id"]: r for r in rows}
    children: dict[int | None, list[dict]] = {}
    for r in rows:
        parent = r["parent_id"] if r["parent_id"] in by_id else None
        children.setdefault(parent, []).append(r)
    out: list[str] = []

    def walk(parent: int | None, depth: int) -> None:
        for r in children.get(parent, []):
            out.append("  " * depth + _line(r))
            walk(r["id"], depth + 1)

    walk(None, 0)
    return "\n".join(out)
