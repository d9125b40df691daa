"""``ordina import --template DIR``: one example CSV and one XLSX per table.

Each file has every column of its table and a row of example data (taken from the
shipped ``examples/``, so it imports as it is); the XLSX adds each column's meaning
and allowed values as a note on its header and a drop-down list where the values are
fixed. ``LEGGIMI.txt`` lists the same for the CSV files.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ordina.errors import UserError
from ordina.resources import data_dir
from ordina.store.tables import SPECS, Column, TableSpec

#: What a column of each kind holds, for the notes.
KIND_HINTS = {
    "text": "testo", "int": "numero intero", "number": "numero (decimali con la virgola)",
    "amount": "importo in euro, es. 1.500,00", "bool": "sì / no", "date": "data GG/MM/AAAA",
    "end": "ultimo giorno compreso, GG/MM/AAAA; vuoto = in corso",
    "pct": "percentuale 1-100, anche con decimali (83,33)",
    "category": "categoria: A, B1, B3, C, D1, D3, DIR, SEG o l'area CCNL 2022",
    "unit": "codice o nome dell'unità", "person": "matricola della persona",
    "post": "codice del posto", "vocab": "uno dei valori ammessi",
}


def allowed_values(col: Column) -> list[str]:
    """The codes a vocabulary column accepts (empty for free columns)."""
    return list(col.choices) if col.choices else []


def column_note(col: Column) -> str:
    """What goes in a column: meaning, kind, whether required, allowed values."""
    parts = [col.help or KIND_HINTS.get(col.kind, col.kind)]
    if col.kind != "vocab" and col.help:
        parts.append(KIND_HINTS.get(col.kind, ""))
    parts.append("obbligatoria" if col.required else "facoltativa")
    values = allowed_values(col)
    if values:
        labels = [f"{code} ({term.label})" for code, term in (col.choices or {}).items()]
        parts.append("valori ammessi: " + ", ".join(labels))
    return "; ".join(p for p in parts if p)


def example_row(spec: TableSpec) -> list[str]:
    """A row of example data: the first row of the shipped example, else generic values."""
    try:
        path = data_dir("examples") / f"{spec.name}.csv"
    except FileNotFoundError:
        path = None
    if path is not None and path.is_file():
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
        if len(rows) > 1:
            by_header = dict(zip(rows[0], rows[1]))
            return [by_header.get(col.header, "") for col in spec.columns]
    return [allowed_values(col)[0] if allowed_values(col) else "" for col in spec.columns]


def _write_csv(spec: TableSpec, folder: Path) -> Path:
    path = folder / f"{spec.name}.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow([col.header for col in spec.columns])
        writer.writerow(example_row(spec))
    return path


def _write_xlsx(spec: TableSpec, folder: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = spec.name
    sheet.append([col.header for col in spec.columns])
    sheet.append(example_row(spec))
    for index, col in enumerate(spec.columns, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.comment = Comment(column_note(col), "ordina", width=320, height=160)
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, len(col.header) + 4)
        values = allowed_values(col)
        if values and len(",".join(values)) < 250:  # Excel's limit for an inline list
            check = DataValidation(type="list", formula1='"' + ",".join(values) + '"',
                                   allow_blank=not col.required)
            check.add(f"{letter}2:{letter}1000")
            sheet.add_data_validation(check)
    path = folder / f"{spec.name}.xlsx"
    workbook.save(path)
    return path


def _readme(folder: Path) -> Path:
    lines = ["Esempi per 'ordina import': un file CSV (separatore ;) e uno XLSX per tabella.",
             "Ogni file importa così com'è; sostituisci la riga di esempio con i tuoi dati.",
             "Le intestazioni dei gestionali (Matricola, Cognome e nome, Codice fiscale,",
             "Qualifica, Servizio, % part-time...) vanno bene anche senza rinominarle.", ""]
    for spec in SPECS:
        lines += [f"{spec.name}.csv — {spec.description}"]
        lines += [f"  {col.header}: {column_note(col)}" for col in spec.columns]
        lines.append("")
    path = folder / "LEGGIMI.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write_templates(folder: Path) -> list[Path]:
    """Write the examples of every table into ``folder`` (created if needed).

    :raises UserError: when the folder cannot be written.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written = [_readme(folder)]
        for spec in SPECS:
            written += [_write_csv(spec, folder), _write_xlsx(spec, folder)]
    except OSError as exc:
        raise UserError(f"non riesco a scrivere gli esempi in {folder}: {exc.strerror or exc}") \
            from None
    return written
