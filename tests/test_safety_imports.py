"""Imports never corrupt silently: each case is an error with file, row and column, or a
warning to accept with --accept-warnings; otherwise the database is unchanged (issue 11)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordina.cli import main
from ordina.store.decoding import decode
from ordina.store.screening import clean_text

PEOPLE_HEADER = "codice;cognome;nome;data_nascita\n"
JOBS_HEADER = "persona;dal;al;categoria;contratto;retribuzione_annua\n"


@pytest.fixture
def db(tmp_path) -> Path:
    """A database with two people and one open employment."""
    path = tmp_path / "comune.db"
    people = tmp_path / "persone.csv"
    people.write_text(PEOPLE_HEADER + "RSSMRA68L15E625X;Rossi;Mario;15/07/1968\n"
                      "B2;Bianchi;Laura;01/09/1980\n", encoding="utf-8")
    jobs = tmp_path / "inquadramenti.csv"
    jobs.write_text(JOBS_HEADER + "B2;01/01/2010;;C;indeterminato;22.000,00\n",
                    encoding="utf-8")
    assert main(["import", "--db", str(path), str(people), str(jobs)]) == 0
    return path


def _digest(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def _import(db: Path, tmp_path: Path, name: str, data: bytes | str, capsys,
            *extra: str) -> tuple[int, str]:
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    code = main(["import", "--db", str(db), str(path), *extra])
    captured = capsys.readouterr()
    return code, captured.err + captured.out


def _refused(db: Path, tmp_path: Path, name: str, data: bytes | str, capsys,
             *expected: str) -> str:
    """Import ``data``; assert exit 2, the texts expected, and the database unchanged."""
    before = _digest(db)
    code, text = _import(db, tmp_path, name, data, capsys)
    assert code == 2, text
    for piece in expected:
        assert piece in text, (piece, text)
    assert "interno" not in text
    assert _digest(db) == before
    return text


def _people(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT code, surname, given_name FROM people ORDER BY code").fetchall()
    finally:
        conn.close()


# ---------------------------------------------------------------- encodings


def test_utf8_file_with_a_stray_cp1252_line_is_refused_with_the_line(db, tmp_path, capsys):
    data = (PEOPLE_HEADER + "C3;Forlì;Anna;\n").encode("utf-8") + \
        "C4;Città;Luca;\n".encode("cp1252") + "C5;Gioè;Ugo;\n".encode()
    _refused(db, tmp_path, "persone.csv", data, capsys, "persone.csv, riga 3", "UTF-8")


def test_cp1252_file_is_read_as_cp1252(db, tmp_path, capsys):
    data = (PEOPLE_HEADER + "C3;Forlì;Anna;\nC4;Città;Nicolò;\n").encode("cp1252")
    code, text = _import(db, tmp_path, "persone.csv", data, capsys)
    assert code == 0, text
    assert ("C3", "Forlì", "Anna") in _people(db)
    assert ("C4", "Città", "Nicolò") in _people(db)


def test_decode_reports_every_foreign_line():
    data = "a;b\nè;1\n".encode() + "ò;2\n".encode("cp1252") + b"x;3\n" + \
        "à;4\n".encode("cp1252")
    assert [n for n, _ in decode(data).bad_lines] == [3, 5]


# ---------------------------------------------------------------- dates and numbers


@pytest.mark.parametrize("value", ["15/07/68", "01/09/98", "1-9-98"])
def test_two_digit_years_are_refused_with_the_rule(db, tmp_path, capsys, value):
    text = _refused(db, tmp_path, "persone.csv", PEOPLE_HEADER + f"C3;Neri;Ada;{value}\n",
                    capsys, "riga 2", "data_nascita", "anno a due cifre")
    assert "19" in text and "per intero" in text


def test_31_12_9999_means_open_ended(db, tmp_path, capsys):
    code, text = _import(db, tmp_path, "inquadramenti.csv",
                         JOBS_HEADER + "RSSMRA68L15E625X;01/03/2020;31/12/9999;D1;"
                                       "indeterminato;30.000,00\n", capsys)
    assert code == 0, text
    conn = sqlite3.connect(db)
    ends = conn.execute("SELECT valid_to FROM employments e JOIN people p ON p.id = "
                        "e.person_id WHERE p.code = 'RSSMRA68L15E625X'").fetchall()
    conn.close()
    assert ends == [(None,)]


@pytest.mark.parametrize(("cell", "column"), [
    ("inf", "retribuzione_annua"), ("NaN", "retribuzione_annua"),
    ("1E+400", "retribuzione_annua"), ("1.000.000.000.000,00", "retribuzione_annua"),
    ("5000000000000", "retribuzione_annua"),
])
def test_impossible_amounts_are_row_errors(db, tmp_path, capsys, cell, column):
    _refused(db, tmp_path, "inquadramenti.csv",
             JOBS_HEADER + f"RSSMRA68L15E625X;01/03/2020;;D1;indeterminato;{cell}\n",
             capsys, "inquadramenti.csv, riga 2", column)


@pytest.mark.parametrize("cell", ["01/01/3000", "31/12/9998", "01/01/1066"])
def test_far_dates_are_row_errors(db, tmp_path, capsys, cell):
    _refused(db, tmp_path, "inquadramenti.csv",
             JOBS_HEADER + f"RSSMRA68L15E625X;{cell};;D1;indeterminato;1.000,00\n",
             capsys, "riga 2", "'dal'", "fuori intervallo")


def test_numbers_inf_nan_in_number_columns(db, tmp_path, capsys):
    header = "persona;anno;scheda;voce;punti\n"
    for cell in ("inf", "nan", "1e400"):
        _refused(db, tmp_path, "valutazioni.csv",
                 header + f"B2;2025;D;risultati;{cell}\n", capsys, "riga 2", "punti")


# ---------------------------------------------------------------- cells


def test_oversized_cell_is_refused(db, tmp_path, capsys):
    huge = "x" * (200 * 1024)
    _refused(db, tmp_path, "persone.csv", PEOPLE_HEADER + f"C3;{huge};Ada;\n", capsys,
             "persone.csv, riga 2", "64 KB")


def test_oversized_multibyte_cell_is_refused(db, tmp_path, capsys):
    huge = "è" * (40 * 1024)  # 40 K characters, 80 KB of UTF-8
    _refused(db, tmp_path, "persone.csv", PEOPLE_HEADER + f"C3;{huge};Ada;\n", capsys,
             "riga 2", "cognome", "64 KB")


@pytest.mark.parametrize("name", ["Ros\x00si", "\u202eissoR", "Ros\x1bsi", "Ro\u200bssi"])
def test_invisible_characters_need_accepting_and_are_removed(db, tmp_path, capsys, name):
    data = PEOPLE_HEADER + f"C3;{name};Ada;\n"
    _refused(db, tmp_path, "persone.csv", data, capsys, "avviso", "riga 2", "cognome",
             "--accept-warnings")
    code, text = _import(db, tmp_path, "persone.csv", data, capsys, "--accept-warnings")
    assert code == 0, text
    assert "avviso accettato" in text
    stored = {c: s for c, s, _ in _people(db)}["C3"]
    assert stored.isprintable() and "\u202e" not in stored and "\u200b" not in stored


# ---------------------------------------------------------------- people and periods


@pytest.mark.parametrize("row", [
    "rssmra68l15e625x;Rossi;Mario;15/07/1968",   # codice fiscale in lower case
    "RSSMRA 68L15 E625X;Rossi;Mario;",           # spaces inside the code
    "M9;ROSSI;mario;15/07/1968",                 # same name and birth date, other code
])
def test_probable_duplicate_people_are_reported(db, tmp_path, capsys, row):
    data = PEOPLE_HEADER + row + "\n"
    _refused(db, tmp_path, "persone.csv", data, capsys, "probabile doppione",
             "RSSMRA68L15E625X")
    assert main(["import", "--db", str(db), str(tmp_path / "in" / "persone.csv"),
                 "--accept-warnings"]) == 0


def test_duplicates_within_one_file(db, tmp_path, capsys):
    data = PEOPLE_HEADER + "N1;Verdi;Gino;02/02/1970\nN2;Verdi;Gino;02/02/1970\n"
    _refused(db, tmp_path, "persone.csv", data, capsys, "persone.csv, riga 3",
             "probabile doppione di N1")


def test_overlapping_employment_periods_are_row_errors(db, tmp_path, capsys):
    _refused(db, tmp_path, "inquadramenti.csv",
             JOBS_HEADER + "B2;01/06/2020;;D1;indeterminato;25.000,00\n", capsys,
             "inquadramenti.csv, riga 2", "'dal'", "sovrapposto", "già nel database")
    _refused(db, tmp_path, "inquadramenti.csv",
             JOBS_HEADER + "RSSMRA68L15E625X;01/01/2020;31/12/2022;D1;indeterminato;1,00\n"
                           "RSSMRA68L15E625X;01/06/2022;;D1;indeterminato;1,00\n", capsys,
             "riga 3", "sovrapposto", "riga 2")


def test_closing_the_old_period_first_is_accepted(db, tmp_path, capsys):
    code, text = _import(db, tmp_path, "inquadramenti.csv",
                         JOBS_HEADER + "B2;01/01/2010;31/05/2020;C;indeterminato;22.000,00\n"
                                       "B2;01/06/2020;;D1;indeterminato;25.000,00\n", capsys)
    assert code == 0, text


def test_json_lists_the_warnings(db, tmp_path, capsys):
    code, text = _import(db, tmp_path, "persone.csv", PEOPLE_HEADER + "C3;Ros\x00si;Ada;\n",
                         capsys, "--json", "--accept-warnings")
    assert code == 0
    payload = json.loads(text[text.index("{"):])
    assert payload["warnings"][0]["column"] == "cognome"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_clean_text_removes_every_control_and_bidi_mark(text):
    cleaned, removed = clean_text(text)
    assert not any(unicodedata.category(ch) == "Cc" and ch not in "\t\r\n" for ch in cleaned)
    assert not set(cleaned) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert (removed is None) == (cleaned == text)
    assert clean_text(cleaned) == (cleaned, None)


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(["date", "end", "amount", "int", "pct", "number"]),
       st.one_of(st.text(max_size=30),
                 st.sampled_from(["inf", "-inf", "NaN", "1E+400", "31/12/9999", "15/07/68",
                                  "29/02/2100", "1" * 40, "1.000.000.000.000,00", "0001-01-01"]),
                 st.floats(), st.integers(), st.datetimes()))
def test_any_cell_is_a_value_in_range_or_a_row_problem(kind, value):
    from datetime import date as Date

    from ordina.limits import AMOUNT_MAX, DATE_MAX, DATE_MIN
    from ordina.store.cells import read_cell
    from ordina.store.tables import Column
    from ordina.store.text import ValueProblem

    try:
        result = read_cell(Column("x", "x", kind), value)
    except ValueProblem:
        return
    if kind in ("date", "end") and result is not None:
        assert DATE_MIN <= Date.fromisoformat(result) <= Date.fromordinal(
            DATE_MAX.toordinal() + 1)
    elif kind == "amount":
        assert 0 <= result < AMOUNT_MAX * 100
    elif kind in ("int", "pct", "number"):
        assert abs(result) < AMOUNT_MAX
