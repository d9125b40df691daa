"""``ordina export``: the same spreadsheets back, or ``--public OUT.db`` for everyone."""

from __future__ import annotations

import argparse


def register(subparsers, parents) -> None:
    """Add the ``export`` subcommand."""
    p = subparsers.add_parser(
        "export", parents=parents, help="esporta in CSV/XLSX, o la copia pubblica del database",
        description="Esporta le tabelle del personale negli stessi formati che 'ordina import' "
                    "legge (una cartella di CSV o un file XLSX con un foglio per tabella). "
                    "Con --public OUT.db scrive invece un database da dare a tutti i "
                    "dipendenti: regolamento, organigramma e titolari degli incarichi, senza "
                    "alcun dato personale.",
    )
    p.add_argument("out", nargs="?", metavar="OUT", help="cartella, file .csv o file .xlsx")
    p.add_argument("--table", action="append", metavar="T",
                   help="esporta solo questa tabella (ripetibile)")
    p.add_argument("--format", choices=("csv", "xlsx"),
                   help="formato (predefinito: dal nome di OUT, altrimenti csv)")
    p.add_argument("--public", metavar="OUT.db", help="scrive la copia pubblica del database")
    p.add_argument("--trasparenza", metavar="DIR",
                   help="scrive in DIR (CSV e XLSX) gli elenchi per Amministrazione trasparente:"
                        " incarichi ai dipendenti (art. 18) e consulenti (art. 15 D.Lgs. 33/2013)")
    p.add_argument("--force", action="store_true",
                   help="sovrascrive OUT (o i file di --trasparenza) se esiste; mai un database "
                        "con dati personali")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Export and print where the files went."""
    from pathlib import Path

    from ordina.cli.common import emit
    from ordina.cli.storedb import open_store
    from ordina.errors import UserError

    db = open_store(args)
    if args.trasparenza:
        from ordina.transparency.tables import tables
        from ordina.transparency.write import write

        chosen = tables(db)
        written = write(Path(args.trasparenza), chosen, force=args.force)
        emit(args, {"files": [str(p) for p in written],
                    "rows": {t.name: len(t.rows) for t in chosen}},
             "\n".join([f"{t.title} ({t.basis}): {len(t.rows)} righe" for t in chosen]
                       + [f"scritto {p}" for p in written]))
        return 0
    if args.public:
        from ordina.corpus.index import ensure_index
        from ordina.store.public import export_public, refuse_unsafe_output

        refuse_unsafe_output(db, Path(args.public), args.force)
        ensure_index(db)  # the copy carries the regulation: it may be opened read-only

        counts = export_public(db, Path(args.public), force=args.force)
        text = [f"copia pubblica scritta in {args.public}:"]
        text += [f"  {table}: {n} righe" for table, n in sorted(counts.items())]
        emit(args, {"public": args.public, "tables": counts}, "\n".join(text))
        return 0
    if not args.out:
        raise UserError("indica dove esportare (OUT), oppure --public OUT.db")
    from ordina.store.exporter import export_csv, export_xlsx

    out = Path(args.out)
    fmt = args.format or ("xlsx" if out.suffix.lower() == ".xlsx" else "csv")
    if fmt == "xlsx" and out.suffix.lower() != ".xlsx":
        out = out.with_suffix(".xlsx")
    written = (export_xlsx if fmt == "xlsx" else export_csv)(db, out, args.table,
                                                             force=args.force)
    emit(args, {"files": [str(p) for p in written]},
         "\n".join(f"scritto {p}" for p in written))
    return 0
