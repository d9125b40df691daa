"""``ordina deadlines``: every dated obligation, with its source and citation."""

from __future__ import annotations

import argparse


def register(subparsers, parents) -> None:
    """Add the ``deadlines`` subcommand."""
    p = subparsers.add_parser(
        "deadlines", parents=parents, help="scadenze: risposte, PerlaPA, diffide, pubblicazioni…",
        description="Elenca le scadenze che seguono dal database e dal registro delle decisioni: "
                    "richieste in attesa di risposta (con il giorno in cui vale il silenzio), "
                    "comunicazioni a PerlaPA, diffide, collaborazioni da pubblicare o da "
                    "trasmettere alla Corte dei conti, elenchi semestrali, incarichi che "
                    "terminano, incarichi oltre il mandato del Sindaco. Con --ics scrive un "
                    "calendario da importare in Outlook o Thunderbird.",
    )
    p.add_argument("--within", type=int, default=None, metavar="GIORNI",
                   help="fino a quanti giorni dalla data (predefinito 60); le scadenze già "
                        "passate ma ancora aperte restano")
    p.add_argument("--ics", metavar="FILE", help="scrive anche il calendario .ics")
    p.add_argument("--force", action="store_true", help="sovrascrive il file .ics se esiste")
    p.set_defaults(run=run)


def render(items, on) -> str:
    """One line per deadline, soonest first, overdue ones marked."""
    lines = [f"Scadenze al {on:%d/%m/%Y}: {len(items)}"]
    for d in items:
        left = d.days_left(on)
        when = (f"scaduta da {-left} giorni" if left < 0 else "oggi" if left == 0
                else f"tra {left} giorni")
        lines.append(f"{d.day:%d/%m/%Y} ({when}) — {d.what} [{d.cite}]")
        lines.append(f"    {d.subject}. {d.meaning} Fonte: {d.source}.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """List the deadlines, and write the calendar with ``--ics``."""
    from pathlib import Path

    from ordina.cli.common import as_of, emit
    from ordina.cli.storedb import open_store
    from ordina.deadlines.collect import DEFAULT_WITHIN, collect
    from ordina.errors import UserError
    from ordina.store.queries import ente

    within = DEFAULT_WITHIN if args.within is None else args.within
    if not 0 <= within <= 3650:
        raise UserError("--within deve essere un numero di giorni tra 0 e 3650")
    on = as_of(args)
    db = open_store(args)
    items = collect(db, on, within)
    text = render(items, on)
    if args.ics:
        from ordina.deadlines.ics import to_ics

        out = Path(args.ics)
        if out.exists() and not args.force:
            raise UserError(f"{out} esiste già: scegli un altro nome o aggiungi --force")
        try:
            out.write_bytes(to_ics(items, ente(db).get("nome", "Comune")))
        except OSError as exc:
            raise UserError(f"impossibile scrivere {out}: {exc.strerror}") from None
        text += f"\n\nCalendario scritto in {out} ({len(items)} eventi)."
    emit(args, [d.to_json(on) for d in items], text)
    return 0
