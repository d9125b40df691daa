"""Writing the transparency lists: CSV (``;``, UTF-8 with BOM, Italian numbers) and XLSX.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
written with a leading apostrophe, so no spreadsheet runs it as a formula; an existing
file is replaced only with ``force``.
"""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ordina.errors import UserError
from ordina.formato import numero
from ordina.transparency.tables import Table

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """``'=SUM(A1)`` for ``=SUM(A1)``: a text a spreadsheet shows, never evaluates."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        return numero(value, 2)
    return safe_text(str(value))


def _xlsx_cell(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, str):
        return safe_text(value)
    return value


def targets(out: Path, chosen: list[Table]) -> list[Path]:
    """The files ``write`` would write."""
    return [out / f"{t.name}.{ext}" for t in chosen for ext in ("csv", "xlsx")]


def write(out: Path, chosen: list[Table], force: bool = False) -> list[Path]:
    """Write each table as ``NAME.csv`` and ``NAME.xlsx`` into folder ``out``.

    :raises UserError: when a file exists and ``force`` is not set (nothing is written).
    """
    from openpyxl import Workbook

    paths = targets(out, chosen)
    existing = [p for p in paths if p.exists()]
    if existing and not force:
        raise UserError(f"{existing[0]} esiste già: scegli un'altra cartella o aggiungi --force")
    try:
        out.mkdir(parents=True, exist_ok=True)
        for t in chosen:
            with (out / f"{t.name}.csv").open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
                writer.writerow(t.headers)
                writer.writerows([_csv_cell(v) for v in row] for row in t.rows)
            book = Workbook()
            sheet = book.active
            sheet.title = t.name[:31]
            sheet.append(list(t.headers))
            for row in t.rows:
                sheet.append([_xlsx_cell(v) for v in row])
            for cells in sheet.iter_rows(min_row=2):
                for cell in cells:
                    if isinstance(cell.value, date):
                        cell.number_format = "DD/MM/YYYY"
                    elif isinstance(cell.value, float):
                        cell.number_format = "#,##0.00"
                    elif isinstance(cell.value, str):
                        cell.data_type = "s"  # a string, even if it looks like a formula
            book.properties.title = f"{t.title} ({t.basis})"
            book.save(out / f"{t.name}.xlsx")
    except OSError as exc:
        raise UserError(f"impossibile scrivere in {out}: {exc.strerror}") from None
    return paths
