"""``ordina demo``: write the demo Comune, or a large Livorno-style one with ``--scale``."""

from __future__ import annotations

import argparse


def register(subparsers, parents) -> None:
    """Add the ``demo`` subcommand."""
    p = subparsers.add_parser(
        "demo", parents=parents, help="crea il Comune dimostrativo (o uno grande con --scale)",
        description="Scrive nel database il Comune di Esempio (Allegato A: 11 posti più il "
                    "Segretario, cinque Aree, Nucleo, Giunta e Consiglio, con casi da "
                    "verificare). Con --scale N genera un grande Comune con la struttura di "
                    "Livorno e N dipendenti, sempre uguale per lo stesso --seed.",
    )
    p.add_argument("--scale", type=int, metavar="N", help="numero di dipendenti da generare")
    p.add_argument("--seed", type=int, default=1, metavar="S",
                   help="seme del generatore (predefinito: 1)")
    p.add_argument("--force", action="store_true",
                   help="sostituisce i dati del personale già presenti (l'indice del "
                        "regolamento resta)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the demo and print what was written."""
    import time

    from ordina.cli.common import emit
    from ordina.cli.storedb import open_store
    from ordina.errors import UserError
    from ordina.store.demo import PLANTED, REFERENCE_DATE, build_demo
    from ordina.store.generator import generate
    from ordina.store.schema import STORE_TABLES, clear_store, has_personnel, write_transaction
    from ordina.store.writer import Writer

    if args.scale is not None and not 1 <= args.scale <= 1_000_000:
        raise UserError("--scale deve essere un numero di dipendenti tra 1 e 1.000.000")
    db = open_store(args, demo=False, create=True)
    started = time.perf_counter()
    with write_transaction(db) as conn:
        if has_personnel(db):
            if not args.force:
                raise UserError(
                    "il database contiene già dati del personale: aggiungi --force per "
                    "sostituirli (l'indice del regolamento non viene toccato)")
            clear_store(conn)
        if args.scale is None:
            build_demo(Writer(conn))
        else:
            generate(conn, args.scale, args.seed)
    elapsed = time.perf_counter() - started
    counts = {t: db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in STORE_TABLES if db[t].exists() and t != "store_meta"}
    name = db.conn.execute("SELECT value FROM ente WHERE key = 'nome'").fetchone()[0]
    payload = {"ente": name, "scale": args.scale, "seed": args.seed, "seconds": round(elapsed, 2),
               "rows": counts}
    lines = [f"{name}: creato in {elapsed:.1f} s",
             (f"  {counts.get('employments', 0)} rapporti di lavoro, "
              f"{counts.get('people', 0)} persone, {counts.get('units', 0)} unità, "
              f"{counts.get('offices', 0)} incarichi")]
    if args.scale is None:
        payload["reference_date"] = REFERENCE_DATE.isoformat()
        payload["planted"] = list(PLANTED)
        lines.append(f"Casi da verificare (alla data {REFERENCE_DATE:%d/%m/%Y}):")
        lines += [f"  - {item}" for item in PLANTED]
    emit(args, payload, "\n".join(lines))
    return 0
