"""``ordina register``: the decisions register — list, ``verify``, ``impact``."""

from __future__ import annotations

import argparse


def register(subparsers, parents) -> None:
    """Add the ``register`` subcommand."""
    p = subparsers.add_parser(
        "register", parents=parents, help="registro delle decisioni: elenco, verifica, impatto",
        description="Senza azione elenca le voci del registro delle decisioni (filtri per "
                    "persona, tipo e periodo). 'verify' controlla la catena delle impronte e "
                    "indica la prima voce alterata, cancellata o spostata. 'impact --amendment "
                    "FILE' elenca le decisioni il cui esito cambierebbe con un emendamento "
                    "proposto (formato di regulation/amendments).",
    )
    p.add_argument("action", nargs="?", choices=("verify", "impact"), metavar="AZIONE",
                   help="verify | impact (predefinito: elenco)")
    p.add_argument("--person", metavar="NOME", help="solo le decisioni su questa persona")
    p.add_argument("--kind", metavar="TIPO",
                   help="incarico, part_time, collaborazione, o esito/atto "
                        "(autorizzato, diffida…)")
    p.add_argument("--dal", metavar="DATA", help="registrate da questa data")
    p.add_argument("--al", metavar="DATA", help="registrate fino a questa data")
    p.add_argument("--amendment", metavar="FILE", help="emendamento proposto (con impact)")
    p.set_defaults(run=run)


def _list(args, db) -> int:
    from ordina.cli.common import emit, parse_date
    from ordina.register.book import Filters, corrected_by, entries

    f = Filters(args.person, args.kind, parse_date(args.dal) if args.dal else None,
                parse_date(args.al) if args.al else None)
    rows = entries(db, f)
    fixed = corrected_by(db)
    lines = [f"Registro delle decisioni: {len(rows)} vo{'ce' if len(rows) == 1 else 'ci'}"]
    for r in rows:
        flags = []
        if r.differs:
            flags.append(f"difforme dalla proposta ({r.proposed or 'nessuna'})")
        if r.corrects:
            flags.append(f"corregge la n. {r.corrects}")
        if r.id in fixed:
            flags.append(f"corretta dalla n. {fixed[r.id]}")
        lines.append(f"n. {r.id}  {r.recorded_at[:10]}  {r.subject}  → {r.outcome} "
                     f"({r.act_kind}), decide {r.decided_by}"
                     + (f" [{'; '.join(flags)}]" if flags else ""))
        if r.note:
            lines.append(f"      nota: {r.note}")
    payload = [{"entry": r.id, "recorded_at": r.recorded_at, "subject_kind": r.subject_kind,
                "subject_key": r.subject_key, "subject": r.subject, "person": r.person,
                "as_of": r.as_of, "proposed": r.proposed, "outcome": r.outcome,
                "act_kind": r.act_kind, "differs": bool(r.differs), "decided_by": r.decided_by,
                "note": r.note, "corrects": r.corrects, "corrected_by": fixed.get(r.id),
                "hash": r.hash} for r in rows]
    emit(args, payload, "\n".join(lines))
    return 0


def _verify(args, db) -> int:
    from ordina.cli.common import emit
    from ordina.register.chain import verify

    result = verify(db)
    if result.ok:
        text = (f"Registro integro: {result.entries} vo{'ce' if result.entries == 1 else 'ci'}, "
                "catena delle impronte verificata.")
    else:
        text = f"Registro ALTERATO: voce n. {result.bad}: {result.why}."
    emit(args, {"ok": result.ok, "entries": result.entries, "bad_entry": result.bad,
                "why": result.why}, text)
    return 0 if result.ok else 1


def _impact(args, db) -> int:
    from pathlib import Path

    from ordina.cli.common import emit
    from ordina.corpus.versions import parse_amendment
    from ordina.engine.registry import default_registry
    from ordina.errors import UserError
    from ordina.register.book import corrected_by
    from ordina.register.recheck import impact
    from ordina.store.decisions import all_decisions

    if not args.amendment:
        raise UserError("indicare l'emendamento proposto: register impact --amendment FILE")
    path = Path(args.amendment)
    if not path.is_file():
        raise UserError(f"file dell'emendamento non trovato: {path}")
    amendment = parse_amendment(path.read_text(encoding="utf-8"), path.stem)
    fixed = corrected_by(db)
    rows = [r for r in all_decisions(db) if r.id not in fixed]
    reruns = impact(rows, amendment, default_registry(db))
    changed = [x for x in reruns if not x.same]
    lines = [(f"Emendamento {path.name} ({amendment.act}): {len(rows)} decisioni esaminate, "
              f"{len(changed)} con esito diverso.")]
    for x in changed:
        lines.append(f"- {x.label}: le verifiche davano «{x.recorded_verdict}», con "
                     f"l'emendamento «{x.verdict}» (decisa: {x.recorded_outcome})")
        lines += [f"    {c.describe()}" for c in _unique(x.norme)]
    emit(args, {"amendment": amendment.to_dict(), "examined": len(rows),
                "changed": [x.to_json() for x in changed]}, "\n".join(lines))
    return 0


def _unique(changes):
    seen, out = set(), []
    for c in changes:
        key = (c.norma.cite, str(c.norma.value), str(c.value))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def run(args: argparse.Namespace) -> int:
    """List, verify or measure the impact of an amendment."""
    from ordina.cli.storedb import open_store

    db = open_store(args)
    return {"verify": _verify, "impact": _impact}.get(args.action, _list)(args, db)
