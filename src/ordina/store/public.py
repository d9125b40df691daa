"""The privacy split: a copy of the database that every employee may receive.

Who holds which office and the organisation chart are public (Amministrazione
trasparente, D.Lgs. 33/2013); salaries, absences, family links, external assignments,
evaluations and the like are personal data. The public copy keeps every ``reg_*`` table
of the regulation index unchanged, the public tables and columns of
``schema.PUBLIC_COLUMNS``, and only the people who hold or held an office. The file is
vacuumed so that no deleted row survives in free pages.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ordina.dbfile import SQLITE_HEADER, holds_personal_data, inspect, main_file, same_file
from ordina.errors import UserError
from ordina.store.schema import PUBLIC_COLUMNS, ensure_schema


def _objects(conn: sqlite3.Connection, kind: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%'", (kind,))]


def allowed_table(name: str) -> bool:
    """Whether a table may appear in a public database."""
    return name.startswith("reg_") or name in PUBLIC_COLUMNS


def export_public(db, out: Path, force: bool = False) -> dict[str, int]:
    """Write the public copy of ``db`` to ``out``.

    :returns: rows per table in the public copy.
    :raises UserError: when ``out`` exists (without ``force``) or is the source itself.
    """
    out = Path(out)
    refuse_unsafe_output(db, out, force)
    ensure_schema(db)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    # the copy holds everything until the personal tables are dropped: owner-only till then
    os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        counts = _write_public(db, tmp)
        tmp.chmod(0o644)  # the public copy is meant for every employee
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{out}{suffix}").unlink(missing_ok=True)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return counts


def refuse_unsafe_output(db, out: Path, force: bool) -> None:
    """Refuse an ``out`` that is the source database (by path, symlink, hard link or the
    file SQLite has open) or, even with ``force``, a database that is not a public copy.

    :raises UserError: with what to do instead; never suggests ``--force`` to overwrite.
    """
    source = main_file(db.conn)
    candidates = [out]
    if out.is_symlink():
        candidates.append(out.resolve())
    for path in candidates:
        for suffix in ("", "-wal", "-shm", "-journal"):
            named = Path(f"{path}{suffix}")
            if source is not None and (same_file(named, source) or
                                       same_file(named, Path(f"{source}{suffix}"))):
                raise UserError(
                    f"{out} è il database di origine (o un suo collegamento): la copia "
                    "pubblica va scritta in un altro file, es. comune-pubblico.db")
    if not out.exists() and not out.is_symlink():
        return
    if out.is_dir():
        raise UserError(f"{out} è una cartella: indica il file .db da creare")
    if not force:
        raise UserError(f"{out} esiste già: scegli un altro nome per la copia pubblica")
    if holds_personal_data(out) or _foreign_database(out):
        raise UserError(
            f"{out} è un database con dati personali (o di un altro programma), non una "
            "copia pubblica: ordina non lo sovrascrive; scegli un altro nome")


def _foreign_database(path: Path) -> bool:
    """A SQLite file that is not an earlier public copy made by ordina."""
    try:
        info = inspect(path)
    except UserError:
        return path.is_file() and path.stat().st_size > 0 and \
            path.read_bytes()[:16] == SQLITE_HEADER
    return info.exists and not info.empty and info.meta_value("variant") != "public"


def _write_public(db, out: Path) -> dict[str, int]:
    """Copy ``db`` to ``out`` and strip everything personal; return rows per table."""
    dest = sqlite3.connect(out)
    try:
        db.conn.commit()
        db.conn.backup(dest)
        dest.execute("PRAGMA foreign_keys = OFF")
        dest.execute("PRAGMA secure_delete = ON")
        with dest:
            for view in _objects(dest, "view"):
                if not view.startswith("reg_"):
                    dest.execute(f'DROP VIEW "{view}"')
            for table in _objects(dest, "table"):
                if not allowed_table(table):
                    dest.execute(f'DROP TABLE "{table}"')
            for table, columns in PUBLIC_COLUMNS.items():
                if columns is None:
                    continue
                present = [r[1] for r in dest.execute(f'PRAGMA table_info("{table}")')]
                for column in present:
                    if column not in columns:
                        dest.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
            dest.execute("""
                DELETE FROM people WHERE id NOT IN (SELECT person_id FROM offices)
                  AND id NOT IN (SELECT replaces_person_id FROM offices
                                 WHERE replaces_person_id IS NOT NULL)""")
            dest.execute("INSERT OR REPLACE INTO store_meta(key, value) VALUES ('variant', "
                         "'public')")
        dest.execute("PRAGMA journal_mode = DELETE")
        dest.execute("VACUUM")
        check = dest.execute("PRAGMA foreign_key_check").fetchall()
        if check:
            raise RuntimeError(f"copia pubblica incoerente: {check[:3]}")
        leaked = [t for t in _objects(dest, "table") if not allowed_table(t)]
        if leaked:
            raise RuntimeError(f"tabelle personali rimaste: {leaked}")
        return {t: dest.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in _objects(dest, "table")}
    finally:
        dest.close()
