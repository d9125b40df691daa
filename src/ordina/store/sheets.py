"""Reading spreadsheet files (CSV, XLSX) into raw rows with their row numbers.

CSV files may use ``;`` (Italian Excel), ``,`` or tabs, UTF-8 (with or without BOM) or
Windows-1252. An XLSX workbook may hold several tables, one per sheet named after the
table. Nothing here knows about the database.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ordina.errors import UserError
from ordina.store import formulas
from ordina.store.decoding import decode
from ordina.store.screening import MAX_CELL_BYTES, Finding, screen_cells
from ordina.store.tables import BY_NAME, TableSpec
from ordina.store.text import fold


@dataclass
class Sheet:
    """One table read from a file: headers as written, rows as (row number, cells)."""

    source: str
    spec: TableSpec
    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    errors: list[Finding] = field(default_factory=list)
    """Cells or lines that cannot be read (oversized, not in the file's encoding)."""
    warnings: list[Finding] = field(default_factory=list)
    """What was changed on the way in (invisible characters removed)."""

    def screen(self) -> None:
        """Apply :func:`ordina.store.screening.screen_cells` to :attr:`rows`."""
        self.rows, errors, warnings = screen_cells(self.headers, self.rows)
        self.errors += errors
        self.warnings += warnings


def spec_for(name: str) -> TableSpec | None:
    """The table spec for a file stem or sheet name ("Persone", "incarichi-esterni")."""
    key = fold(name).replace(" ", "_").replace("-", "_")
    if key in BY_NAME:
        return BY_NAME[key]
    for spec in BY_NAME.values():
        if key in (spec.table, fold(spec.description)):
            return spec
    return None


def _unknown_table(name: str) -> UserError:
    return UserError(
        f"non so a quale tabella corrisponda '{name}': chiama il file come la tabella "
        f"(es. persone.csv) oppure usa --table; tabelle: {', '.join(BY_NAME)}")


def _inferred(header: list[str], name: str) -> TableSpec:
    """The table the headers describe, when neither the name nor --table says it."""
    from ordina.store.headers import infer_table

    spec = infer_table([h.strip() for h in header])
    if spec is None:
        raise _unknown_table(name)
    return spec


def read_csv(path: Path, table: str | None) -> list[Sheet]:
    """Read a CSV file as one table (named by ``table``, the file name or its headers)."""
    spec = spec_for(table or path.stem)
    if spec is None and table:
        raise _unknown_table(table)
    decoded = decode(path.read_bytes())
    text = decoded.text
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, oversized = _read_rows(reader)
    if not rows and not oversized:
        raise UserError(f"{path.name}: il file è vuoto (serve almeno la riga delle intestazioni)")
    spec = spec or _inferred(rows[0] if rows else [], path.name)
    sheet = Sheet(path.name, spec, [h.strip() for h in rows[0]] if rows else [])
    for number, cells in enumerate(rows[1:], start=2):
        if any(c.strip() for c in cells):
            # "'=..." is how the exporter writes a text that would start a formula
            sheet.rows.append((number, [formulas.unescape(c) for c in cells]))
    sheet.errors += [Finding(n, "", message) for n, message in decoded.bad_lines]
    if oversized:
        sheet.errors.append(oversized)
    sheet.screen()
    return [sheet]


def _read_rows(reader) -> tuple[list[list[str]], Finding | None]:
    """The rows of a CSV reader, stopping at a cell over the size limit (reported)."""
    rows: list[list[str]] = []
    previous = csv.field_size_limit(MAX_CELL_BYTES)
    try:
        for row in reader:
            rows.append(row)  # noqa: PERF402 - the rows before a bad cell are kept
    except csv.Error as exc:
        return rows, Finding(reader.line_num, "", f"cella oltre {MAX_CELL_BYTES // 1024} KB "
                             f"o riga illeggibile ({exc}): il file non viene importato")
    finally:
        csv.field_size_limit(previous)
    return rows, None


def read_xlsx(path: Path, table: str | None) -> list[Sheet]:
    """Read every sheet of a workbook; each sheet's name says its table (or ``table``)."""
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is the user's problem
        raise UserError(f"{path.name}: non è un file XLSX leggibile ({exc})") from None
    sheets: list[Sheet] = []
    try:
        for ws in workbook.worksheets:
            spec = spec_for(table if table and len(workbook.worksheets) == 1 else ws.title)
            if spec is None and table:
                raise _unknown_table(table)
            rows = ws.iter_rows(values_only=True)
            header = next(rows, None)
            if header is None:
                continue
            spec = spec or spec_for(path.stem) or _inferred(
                ["" if h is None else str(h) for h in header], f"{path.name}, foglio {ws.title}")
            sheet = Sheet(f"{path.name}[{ws.title}]", spec,
                          [str(h).strip() if h is not None else "" for h in header])
            for number, cells in enumerate(rows, start=2):
                if any(c is not None and str(c).strip() for c in cells):
                    sheet.rows.append((number, list(cells)))
            sheet.screen()
            sheets.append(sheet)
    finally:
        workbook.close()
    return sheets


def read_file(path: Path, table: str | None = None) -> list[Sheet]:
    """Read a CSV or XLSX file into sheets.

    :raises UserError: when the file is missing, unreadable or of an unknown table.
    """
    if not path.is_file():
        raise UserError(f"file non trovato: {path}")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, table)
    if suffix in (".csv", ".txt", ".tsv"):
        return read_csv(path, table)
    raise UserError(f"{path.name}: formato non supportato; usa .csv o .xlsx")
