"""The audit report as files for the office: CSV, XLSX (openpyxl) and printable HTML.

One row per finding, with names rather than codes, real dates and euro amounts as
numbers (the spreadsheet can sum and filter them). The HTML is the Markdown report
rendered with markdown-it-py, preceded by a summary table by severity and Area, and
styled for printing: it is what goes to the Giunta.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ordina.engine.audit_text import finding_lines, summary_lines, undecided_lines
from ordina.engine.check import SEVERITIES, SEVERITY_LABELS

if TYPE_CHECKING:
    from ordina.engine.audit import AuditReport, Finding

#: Spreadsheet columns: header and how wide.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("Gravità", 14), ("Area", 24), ("Soggetto", 48), ("Persona", 20), ("Verifica", 40),
    ("Esito", 14), ("Citazioni", 28), ("Da fare", 70), ("Importo (€)", 14),
    ("Scadenza", 12), ("Data di riferimento", 12), ("Motivazione", 80), ("Id verifica", 30),
)

#: Keys of ``Finding.data`` holding an amount in euro / a deadline, first found wins.
_AMOUNT_KEYS = ("importo", "totale")
_DATE_KEYS = ("fine_diffida", "scadenza")


def _plain(text: str) -> str:
    """Markdown emphasis out, for cells."""
    return text.replace("**", "").replace("`", "")


def _amount(f: Finding) -> float | None:
    for key in _AMOUNT_KEYS:
        value = f.data.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str):
            try:
                return float(value)
            except ValueError:
                continue
    return None


def _deadline(f: Finding) -> date | None:
    for key in _DATE_KEYS:
        value = f.data.get(key)
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                continue
    return None


def rows(report: AuditReport) -> list[list[Any]]:
    """One row per finding, in the order of :data:`COLUMNS`, typed (dates, floats)."""
    out = []
    for f in report.findings:
        out.append([
            f.severity_label, f.area or "", f.subject, f.person_name or "", f.title,
            (f.verdict or "").replace("_", " "), "; ".join(f.citations),
            "; ".join(f.actions), _amount(f), _deadline(f), report.as_of,
            _plain(" ".join(s.step for s in f.trace)), f.check,
        ])
    return out


def to_csv(report: AuditReport) -> str:
    """CSV with a header, dates as ISO, amounts with a dot (semicolon-separated, for Excel)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";")
    writer.writerow([c for c, _ in COLUMNS])
    for row in rows(report):
        writer.writerow(["" if v is None else v.isoformat() if isinstance(v, date)
                         else f"{v:.2f}" if isinstance(v, float) else v for v in row])
    return buf.getvalue()


def write_xlsx(report: AuditReport, path: Path) -> None:
    """One sheet of findings: header frozen, autofilter, dates and euro as real values."""
    # openpyxl loads only for this format: the Markdown report starts without it
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Rilievi"
    ws.append([c for c, _ in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    amount_col = [c for c, _ in COLUMNS].index("Importo (€)") + 1
    date_cols = {i + 1 for i, (c, _) in enumerate(COLUMNS) if c in ("Scadenza",
                                                                  "Data di riferimento")}
    for row in rows(report):
        ws.append(row)
        r = ws.max_row
        ws.cell(r, amount_col).number_format = '#,##0.00 "€"'
        for col in date_cols:
            ws.cell(r, col).number_format = "DD/MM/YYYY"
        for col in (3, 8, 12):
            ws.cell(r, col).alignment = Alignment(wrap_text=True, vertical="top")
    for i, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(ws.max_row, 1)}"
    wb.save(path)


_CSS = """
body { font-family: "DejaVu Serif", Georgia, serif; max-width: 60em; margin: 2em auto;
       line-height: 1.4; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #999; page-break-after: avoid; }
h3 { font-size: 1.05em; page-break-after: avoid; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #999; padding: 0.2em 0.6em; text-align: right; }
th:first-child, td:first-child { text-align: left; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
"""


def summary_markdown(report: AuditReport) -> str:
    """The table by Area (rows) and severity (columns), with totals, in Markdown."""
    present = [s for s in SEVERITIES if report.by_severity()[s]] or list(SEVERITIES)
    head = "| Area | " + " | ".join(SEVERITY_LABELS[s] for s in present) + " | Totale |"
    lines = [head, "|---|" + "---:|" * (len(present) + 1)]
    for area, counts in report.by_area().items():
        lines.append(f"| {area} | " + " | ".join(str(counts[s]) for s in present)
                     + f" | {sum(counts.values())} |")
    total = report.by_severity()
    lines.append("| **Totale** | " + " | ".join(f"**{total[s]}**" for s in present)
                 + f" | **{sum(total.values())}** |")
    return "\n".join(lines)


def to_html(report: AuditReport, with_trace: bool = True) -> str:
    """A printable HTML report: summary table by severity and Area, then the findings."""
    # markdown-it-py loads only for this format
    from markdown_it import MarkdownIt

    lines = summary_lines(report)
    lines += ["## Sintesi per gravità e Area", "", summary_markdown(report), ""]
    for severity in SEVERITIES:
        group = [f for f in report.findings if f.severity == severity]
        if group:
            lines += [f"## {SEVERITY_LABELS[severity].capitalize()} ({len(group)})", ""]
            for f in group:
                lines += finding_lines(f, with_trace)
    lines += undecided_lines(report)
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    title = f"Verifica di conformità al {report.as_of.strftime('%d/%m/%Y')}"
    return ("<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            + md.render("\n".join(lines)) + "</body>\n</html>\n")
