"""Export the personnel database to the same spreadsheets the importer reads.

CSV: one file per table in a folder, ``;``-separated, UTF-8 with BOM (Excel opens it
with accents intact), Italian dates and amounts. XLSX: one workbook, one sheet per
table, with real date and number cells. Rows are sorted by natural key, so exporting,
importing into an empty database and exporting again gives identical files.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ordina.errors import UserError
from ordina.store import formulas
from ordina.store.cells import write_cell
from ordina.store.private_files import open_private, private_dir, refuse_existing
from ordina.store.tables import BY_NAME, PRIVATE_PEOPLE_COLUMNS, SPECS, TableSpec

_REF_TABLES = {"unit": "units", "person": "people", "post": "posts"}


def _codes(conn, table: str) -> dict[int, str]:
    return {i: c for i, c in conn.execute(f"SELECT id, code FROM {table}")}


def _exists(conn, table: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (table,)).fetchone() is not None


def table_rows(db, spec: TableSpec, xlsx: bool = False) -> list[list[Any]]:
    """The rows of one table as exported cells, sorted by natural key."""
    conn = db.conn
    codes = {kind: _codes(conn, table) for kind, table in _REF_TABLES.items()}
    if spec.name == "persone":
        private = ", ".join(f"pp.{c}" for c in PRIVATE_PEOPLE_COLUMNS)
        sql = (f"SELECT p.code, p.surname, p.given_name, {private} FROM people p "
               "LEFT JOIN people_private pp ON pp.person_id = p.id")
        names = ["code", "surname", "given_name", *PRIVATE_PEOPLE_COLUMNS]
    else:
        names = [c.column for c in spec.columns]
        sql = f"SELECT {', '.join(names)} FROM {spec.table}"
    raw = [dict(zip(names, row)) for row in conn.execute(sql)]
    for row in raw:
        for col in spec.columns:
            if col.kind in _REF_TABLES and row[col.column] is not None:
                row[col.column] = codes[col.kind][row[col.column]]
    key_cols = [spec.column(h).column for h in spec.key]

    def sort_key(row: dict[str, Any]) -> tuple:
        return tuple((row[k] is None, row[k] if isinstance(row[k], (int, float)) else
                      str(row[k] or "")) for k in key_cols)

    raw.sort(key=sort_key)
    return [[write_cell(col, row[col.column], xlsx) for col in spec.columns] for row in raw]


def _selected(db, tables: list[str] | None) -> list[TableSpec]:
    if tables:
        unknown = [t for t in tables if t not in BY_NAME]
        if unknown:
            raise UserError(f"tabella sconosciuta: {', '.join(unknown)}; tabelle: "
                            + ", ".join(BY_NAME))
        chosen = [BY_NAME[t] for t in tables]
    else:
        chosen = list(SPECS)
    present = [s for s in chosen if _exists(db.conn, s.table) and
               (s.name != "persone" or _exists(db.conn, "people_private"))]
    if tables and len(present) < len(chosen):
        missing = [s.name for s in chosen if s not in present]
        raise UserError(f"questo database non contiene: {', '.join(missing)} "
                        "(è la versione pubblica?)")
    return present


def export_csv(db, out: Path, tables: list[str] | None = None,
               force: bool = False) -> list[Path]:
    """Write one CSV per table into folder ``out`` (or the file ``out`` for one table).

    Files are created with mode 0600 (they hold personal data); none is overwritten
    without ``force``; a cell that would start a formula gets an apostrophe in front.
    """
    specs = _selected(db, tables)
    if out.suffix.lower() == ".csv":
        if len(specs) != 1:
            raise UserError("per scrivere un solo file .csv indica la tabella con --table; "
                            "altrimenti indica una cartella")
        targets = [(specs[0], out)]
        refuse_existing([out], force)
        private_dir(out.parent)
    else:
        if out.exists() and not out.is_dir():
            raise UserError(f"{out} è un file, non una cartella: scegli un altro nome")
        targets = [(s, out / f"{s.name}.csv") for s in specs]
        refuse_existing([p for _s, p in targets], force)
        private_dir(out)
    for spec, path in targets:
        with open_private(path, encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
            writer.writerow([c.header for c in spec.columns])
            writer.writerows([[formulas.escape(v) if isinstance(v, str) else v for v in row]
                              for row in table_rows(db, spec)])
    return [p for _s, p in targets]


def export_xlsx(db, out: Path, tables: list[str] | None = None,
                force: bool = False) -> list[Path]:
    """Write one workbook with a sheet per table (mode 0600, not over a file without
    ``force``). Every text is a string cell: openpyxl would store ``=...`` as a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    specs = _selected(db, tables)
    refuse_existing([out], force)
    workbook = Workbook(write_only=True)
    for spec in specs:
        ws = workbook.create_sheet(spec.name)
        ws.append([c.header for c in spec.columns])
        formats = {i: ("DD/MM/YYYY" if c.kind in ("date", "end") else "#,##0.00")
                   for i, c in enumerate(spec.columns) if c.kind in ("date", "end", "amount")}
        for row in table_rows(db, spec, xlsx=True):
            cells = []
            for i, value in enumerate(row):
                cell = WriteOnlyCell(ws, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text, never a formula
                elif i in formats and value is not None:
                    cell.number_format = formats[i]
                cells.append(cell)
            ws.append(cells)
    private_dir(out.parent)
    with open_private(out, "wb") as fh:
        workbook.save(fh)
    return [out]
