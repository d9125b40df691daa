"""``ordina check --all`` as the office uses it: filters, errors, CSV, XLSX and HTML files."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from html.parser import HTMLParser

import pytest

from ordina.engine.check import SEVERITY_LABELS

pytestmark = pytest.mark.slow

AS_OF = ("--as-of", "23/11/2026")


def _json(run_ordina, *args: str) -> dict:
    done = run_ordina("check", "--all", *AS_OF, "--format", "json", *args)
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


@pytest.mark.parametrize(("option", "value", "words"), [
    ("--person", "Vedri", "nessuna persona corrisponde a «Vedri»; forse cercavi: Verdi"),
    ("--unit", "Area Marziana", "nessuna unità corrisponde a «Area Marziana»"),
    ("--check", "Verdi", "verifica sconosciuta: «Verdi»"),
    ("--only", "Verdi", "verifica sconosciuta: «Verdi»"),
])
def test_unknown_names_are_italian_errors(run_ordina, option, value, words) -> None:
    done = run_ordina("check", "--all", *AS_OF, option, value)
    err = done.stderr.decode()
    assert done.returncode == 2 and words in err and "Traceback" not in err
    assert done.stdout == b""


def test_person_filter(run_ordina) -> None:
    data = _json(run_ordina, "--person", "Verdi")
    assert data["findings"] and data["scope"] == "persona Giovanni Verdi"
    assert {f["person"] for f in data["findings"]} == {"Giovanni Verdi"}
    checks = {f["check"] for f in data["findings"]}
    assert {"incarichi_esterni.sanzioni", "incarichi_responsabili.nomina"} <= checks


def test_unit_and_check_filters(run_ordina) -> None:
    data = _json(run_ordina, "--unit", "Area Finanziaria")
    assert data["findings"] and {f["area"] for f in data["findings"]} == {"Area Finanziaria"}
    only = _json(run_ordina, "--check", "struttura")
    assert only["findings"] and {f["check"] for f in only["findings"]} == {
        "struttura.responsabile_servizio"}


def test_csv(run_ordina) -> None:
    done = run_ordina("check", "--all", *AS_OF, "--format", "csv")
    assert done.returncode == 0, done.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode()), delimiter=";"))
    assert rows and {r["Gravità"] for r in rows} <= set(SEVERITY_LABELS.values())
    verdi = [r for r in rows if r["Id verifica"] == "incarichi_esterni.sanzioni"]
    assert verdi and verdi[0]["Importo (€)"] == "4000.00" and verdi[0]["Scadenza"] == "2026-12-23"


def test_xlsx(run_ordina, tmp_path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "rilievi.xlsx"
    done = run_ordina("check", "--all", *AS_OF, "--format", "xlsx", "-o", str(out))
    assert done.returncode == 0, done.stderr.decode()
    ws = load_workbook(out).active
    assert ws.title == "Rilievi" and len(load_workbook(out).sheetnames) == 1
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]
    assert rows and all(isinstance(r["Data di riferimento"], datetime) for r in rows)
    sanction = next(r for r in rows if r["Id verifica"] == "incarichi_esterni.sanzioni")
    assert sanction["Importo (€)"] == 4000 and isinstance(sanction["Importo (€)"], (int, float))
    assert sanction["Scadenza"] == datetime(2026, 12, 23)
    assert sanction["Persona"] == "Giovanni Verdi" and sanction["Area"] == "Area Tecnica"
    assert "art. 91 c. 4" in sanction["Da fare"]
    # names, not codes
    assert not any(str(v).startswith(("M0", "AREA-", "SERV-")) for r in rows for v in r.values())


def test_xlsx_needs_a_file(run_ordina) -> None:
    done = run_ordina("check", "--all", *AS_OF, "--format", "xlsx")
    assert done.returncode == 2 and "-o FILE" in done.stderr.decode()


class _Tables(HTMLParser):
    """The tables of a page as lists of rows of cell texts, and the headings."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.headings: list[str] = []
        self._cell: list[str] | None = None
        self._heading: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag in ("h1", "h2"):
            self._heading = []

    def handle_endtag(self, tag) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag in ("h1", "h2") and self._heading is not None:
            self.headings.append("".join(self._heading).strip())
            self._heading = None

    def handle_data(self, data) -> None:
        for part in (self._cell, self._heading):
            if part is not None:
                part.append(data)


def test_html_report_for_the_giunta(run_ordina, tmp_path) -> None:
    out = tmp_path / "rapporto.html"
    done = run_ordina("check", "--all", *AS_OF, "--format", "html", "-o", str(out))
    assert done.returncode == 0, done.stderr.decode()
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    parsed = _Tables()
    parsed.feed(page)
    assert parsed.headings[:2] == ["Verifica di conformità al 23/11/2026",
                                   "Sintesi per gravità e Area"]
    summary = parsed.tables[0]
    assert summary[0][0] == "Area" and summary[0][-1] == "Totale"
    assert set(summary[0][1:-1]) <= set(SEVERITY_LABELS.values())
    areas = {row[0] for row in summary[1:]}
    assert {"Area Tecnica", "Area Finanziaria", "Totale"} <= areas
    total = summary[-1]
    data = _json(run_ordina)
    assert int(total[-1]) == len(data["findings"])
    assert "Da fare:" in page and "art. 91 c. 4" in page
