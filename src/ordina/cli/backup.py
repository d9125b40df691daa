"""``ordina backup FILE``: online copy of the database (SQLite backup API)."""

from __future__ import annotations

import argparse


def register(subparsers, parents) -> None:
    """Add the ``backup`` subcommand."""
    p = subparsers.add_parser(
        "backup", parents=parents, help="copia di sicurezza del database, anche mentre è in uso",
        description="Copia l'intero database (regolamento e personale) in FILE con il backup "
                    "in linea di SQLite: la copia è coerente anche se altri processi scrivono, "
                    "e viene verificata prima di essere data per buona.",
    )
    p.add_argument("file", metavar="FILE", help="file di destinazione")
    p.add_argument("--force", action="store_true", help="sovrascrive FILE se esiste")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Copy and print the size."""
    from pathlib import Path

    from ordina.cli.common import emit, open_db
    from ordina.store.backup import backup

    db = open_db(args, allow_newer=True)  # a copy never needs (or changes) the schema
    size = backup(db, Path(args.file), force=args.force)
    emit(args, {"file": args.file, "bytes": size},
         f"copia di sicurezza scritta in {args.file} ({size / 1024:.0f} KiB)")
    return 0
