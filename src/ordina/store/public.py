"""The privacy split: a copy of the database that every employee may receive.

Who holds which office and the organisation chart are public (Amministrazione
trasparente, D.Lgs. 33/2013); salaries, absences, family links, external assignments,
evaluations and the like are personal data. The public copy keeps every ``reg_*`` table
of the regulation index unchanged, the public tables and columns of
``schema.PUBLIC_COLUMNS``, and only the people who hold or held an office. The file is
vacuumed so that no deleted row survives in free pages.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

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
    ensure_schema(db)
    out = Path(out)
    if out.exists():
        if not force:
            raise UserError(f"{out} esiste già: scegli un altro nome o aggiungi --force")
        out.unlink()
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
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
