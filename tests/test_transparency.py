"""``ordina export --trasparenza``: only the public fields, formula-safe, never overwriting."""

from __future__ import annotations

import csv
import sqlite3

import pytest
from openpyxl import load_workbook

from ordina.cli import main
from ordina.transparency.tables import COLLABORAZIONI_HEADERS, INCARICHI_HEADERS
from ordina.transparency.write import safe_text


@pytest.fixture
def cli(tmp_path, capsys):
    """``cli(*args) -> (code, out, err)`` on a fresh demo database."""
    db = str(tmp_path / "t.db")
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()

    def run(*args: str):
        code = main(["--db", db, "--as-of", "2026-11-23", *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    run.db = db  # type: ignore[attr-defined]
    return run


def _csv(path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=";"))


def _private_values(db: str) -> set[str]:
    """Values of personal columns the law does not publish, as they could be written."""
    conn = sqlite3.connect(db)
    out: set[str] = set()
    for (code,) in conn.execute("SELECT code FROM people"):
        out.add(code)
    for birth, *other in conn.execute("SELECT birth_date, citizenship, degree "
                                      "FROM people_private"):
        out |= {str(v) for v in other if v}
        if birth:
            out |= {birth, f"{birth[8:10]}/{birth[5:7]}/{birth[:4]}"}
    for (cents,) in conn.execute("SELECT salary_cents FROM employments WHERE salary_cents"):
        euros = f"{cents / 100:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
        out |= {euros, str(cents)}
    for row in conn.execute("SELECT note, place FROM external_assignments"):
        out |= {str(v) for v in row if v}
    conn.close()
    return out


def test_only_the_public_fields_appear(cli, tmp_path):
    assert cli("decide", "12", "-f", "professional_growth=sì", "-f", "expenses_only=no",
               "--record", "--esito", "autorizzato", "--by", "L. Bianchi",
               "--note", "anno di svolgimento")[0] == 0
    code, _, err = cli("export", "--trasparenza", str(tmp_path / "at"))
    assert code == 0, err
    incarichi = _csv(tmp_path / "at" / "incarichi_dipendenti.csv")
    collab = _csv(tmp_path / "at" / "consulenti_collaboratori.csv")
    assert tuple(incarichi[0]) == INCARICHI_HEADERS
    assert tuple(collab[0]) == COLLABORAZIONI_HEADERS
    assert ["Mario Rossi", "Componente del collegio dei revisori del Consorzio Acque Esempio",
            "01/01/2027", "31/12/2027", "2.800,00", "Consorzio Acque Esempio"] in incarichi
    assert not [r for r in incarichi if "Croce Verde" in r[-1]]  # communicated, not authorised
    assert any(r[1] == "Paolo Serra" and r[-1] == "" for r in collab)  # not yet published
    private = _private_values(cli.db)
    cells = {c for r in incarichi + collab for c in r}
    book = load_workbook(tmp_path / "at" / "incarichi_dipendenti.xlsx")
    cells |= {str(c.value) for row in book.active.iter_rows() for c in row if c.value}
    assert not cells & private


def test_formula_like_text_is_quoted(cli, tmp_path):
    conn = sqlite3.connect(cli.db)
    conn.execute("INSERT INTO collaborations (number, contractor, subject, kind, amount_cents) "
                 "VALUES ('2026/9', '@SUM(1+1)', '=HYPERLINK(\"http://x\")', 'occasionale', "
                 "100000)")
    conn.commit()
    conn.close()
    assert cli("export", "--trasparenza", str(tmp_path / "at"))[0] == 0
    row = next(r for r in _csv(tmp_path / "at" / "consulenti_collaboratori.csv")
               if r[1].endswith("SUM(1+1)"))
    assert row[1] == "'@SUM(1+1)" and row[2].startswith("'=HYPERLINK")
    sheet = load_workbook(tmp_path / "at" / "consulenti_collaboratori.xlsx").active
    cell = next(c for r in sheet.iter_rows() for c in r if str(c.value).endswith("SUM(1+1)"))
    assert cell.value == "'@SUM(1+1)" and cell.data_type == "s"


def test_never_overwrites_without_force(cli, tmp_path):
    target = tmp_path / "at"
    assert cli("export", "--trasparenza", str(target))[0] == 0
    code, _, err = cli("export", "--trasparenza", str(target))
    assert code == 2 and "esiste già" in err and "--force" in err
    assert cli("export", "--trasparenza", str(target), "--force")[0] == 0


@pytest.mark.parametrize("text", ["=1", "+1", "-1", "@a", "\tx", "\rx"])
def test_safe_text_quotes_every_formula_start(text):
    assert safe_text(text) == "'" + text and safe_text("Mario") == "Mario"
