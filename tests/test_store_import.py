"""Import and export: validation, atomicity, idempotence, lossless round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_fixtures import demo_db

from ordina.db import connect
from ordina.store.exporter import export_csv, export_xlsx
from ordina.store.importer import ImportProblems, import_files
from ordina.store.schema import STORE_TABLES

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def snapshot(db) -> dict[str, list]:
    return {t: sorted(map(repr, db[t].rows)) for t in STORE_TABLES if db[t].exists()}


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_every_problem_reported_and_nothing_written(tmp_path):
    db = demo_db(tmp_path / "a.db")
    before = snapshot(db)
    persone = write(tmp_path / "persone.csv",
                    "codice;cognome;nome;data_nascita\n"
                    "N1;Tizio;Caio;31/02/2026\n"
                    "N2;Nuovo;Nome;01/01/1990\n"
                    "N1;Dup;Lic;\n")
    inq = write(tmp_path / "inquadramenti.csv",
                "persona;dal;al;categoria;contratto;part_time;retribuzione_annua;unita\n"
                "N2;01/02/2026;01/01/2026;X7;indeterminato;0;1.500,00;AREA-NOPE\n"
                "GHOST;2026-02-01;;C;indeterminato;100;1500.00;AREA-TEC\n")
    with pytest.raises(ImportProblems) as err:
        import_files(db, [persone, inq])
    found = {(p.file, p.row, p.column) for p in err.value.problems}
    assert found == {
        ("persone.csv", 2, "data_nascita"), ("persone.csv", 4, "codice"),
        ("inquadramenti.csv", 2, "al"), ("inquadramenti.csv", 2, "categoria"),
        ("inquadramenti.csv", 2, "part_time"), ("inquadramenti.csv", 2, "unita"),
        ("inquadramenti.csv", 3, "persona"),
    }
    assert snapshot(db) == before


def test_import_twice_changes_nothing_and_updates_by_key(tmp_path):
    db = demo_db(tmp_path / "a.db")
    path = write(tmp_path / "assenze.csv",
                 "persona;tipo;dal;al;note\nM002;malattia;02/02/2026;06/02/2026;\n")
    first = import_files(db, [path])
    assert first.tables["assenze"].inserted == 1
    before = snapshot(db)
    second = import_files(db, [path])
    assert second.changed == 0 and snapshot(db) == before
    write(path, "persona;tipo;dal;al;note\nM002;malattia;02/02/2026;10/02/2026;certificato\n")
    third = import_files(db, [path])
    assert third.tables["assenze"].updated == 1
    row = db.conn.execute("SELECT valid_to, note FROM absences WHERE note = 'certificato'").fetchone()
    assert row == ("2026-02-11", "certificato")  # 'al' is the last day included


def test_round_trip_csv_and_xlsx_is_lossless(tmp_path):
    source = demo_db(tmp_path / "demo.db")
    export_csv(source, tmp_path / "one")
    copy = connect(tmp_path / "copy.db")
    import_files(copy, sorted((tmp_path / "one").glob("*.csv")))
    export_csv(copy, tmp_path / "two")
    for path in (tmp_path / "one").glob("*.csv"):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name
    export_xlsx(source, tmp_path / "all.xlsx")
    third = connect(tmp_path / "third.db")
    import_files(third, [tmp_path / "all.xlsx"])
    export_csv(third, tmp_path / "three")
    for path in (tmp_path / "one").glob("*.csv"):
        assert path.read_bytes() == (tmp_path / "three" / path.name).read_bytes(), path.name


def test_units_may_come_children_first_and_cycles_are_reported(tmp_path):
    db = connect(tmp_path / "a.db")
    path = write(tmp_path / "unita.csv",
                 "codice;nome;tipo;unita_superiore;dal\n"
                 "S1;Servizio Uno;servizio;A1;01/01/2020\n"
                 "A1;Area Uno;area;C;01/01/2020\n"
                 "C;Comune;ente;;01/01/2020\n")
    import_files(db, [path])
    assert db.conn.execute("SELECT count(*) FROM units").fetchone()[0] == 3
    loop = write(tmp_path / "unita.csv",
                 "codice;nome;tipo;unita_superiore;dal\n"
                 "X1;X uno;area;X2;01/01/2020\nX2;X due;area;X1;01/01/2020\n")
    with pytest.raises(ImportProblems, match="ciclo|problem"):
        import_files(db, [loop])


def test_headers_are_forgiving_and_table_from_option(tmp_path):
    db = connect(tmp_path / "a.db")
    path = write(tmp_path / "foglio1.csv",
                 "Matricola,Cognome,Nome,Data Nascita\nZ1,Àlvarez,José,1980-05-06\n")
    import_files(db, [path], table="persone")
    assert db.conn.execute("SELECT search_key FROM people").fetchone()[0] == "alvarez jose"


def test_evaluation_points_over_the_maximum(tmp_path):
    db = demo_db(tmp_path / "a.db")
    path = write(tmp_path / "valutazioni.csv",
                 "persona;anno;scheda;voce;punti\nM005;2026;G;risultati;61\n"
                 "M005;2026;G;simpatia;5\nM005;2026;F;risultati;39,5\n")
    with pytest.raises(ImportProblems) as err:
        import_files(db, [path])
    assert [(p.row, p.column) for p in err.value.problems] == [(2, "punti"), (3, "voce")]


def test_examples_folder_matches_the_specs_and_imports_cleanly(tmp_path):
    from ordina.store.tables import SPECS

    files = sorted(EXAMPLES.glob("*.csv"))
    assert {f.stem for f in files} == {s.name for s in SPECS}
    db = connect(tmp_path / "a.db")
    report = import_files(db, files)
    assert report.tables["persone"].inserted > 10


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_CELLS = st.one_of(st.text(max_size=12), st.sampled_from(
    ["", "M002", "AREA-TEC", "31/02/2026", "2026-01-01", "1.500,00", "sì", "no", "D1", "150",
     "ferie", "genitore", "coniuge", "abc", ";", "\"", "-1", "0"]))


@given(headers=st.lists(st.sampled_from(
           ["persona", "tipo", "dal", "al", "note", "codice", "xyz", "legame", "familiare"]),
           min_size=1, max_size=6),
       rows=st.lists(st.lists(_CELLS, max_size=7), max_size=6),
       table=st.sampled_from(["assenze", "legami_familiari", "persone", "unita"]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_input_is_either_imported_or_reported_never_crashes(tmp_path, headers, rows, table):
    import csv

    from ordina.errors import UserError

    db = _SHARED.setdefault("db", demo_db())
    path = tmp_path / f"{table}.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows([headers, *rows])
    before = snapshot(db)
    try:
        import_files(db, [path])
    except ImportProblems as exc:
        assert exc.problems and all(p.file == path.name for p in exc.problems)
        assert snapshot(db) == before
    except UserError:
        assert snapshot(db) == before


_SHARED: dict = {}


def test_columns_missing_from_the_file_are_left_alone(tmp_path):
    db = demo_db(tmp_path / "a.db")
    path = write(tmp_path / "persone.csv", "codice;cognome;nome\nM002;Rossi;Mario Luigi\n")
    report = import_files(db, [path])
    assert report.tables["persone"].updated == 1
    row = db.conn.execute("SELECT p.given_name, pp.hire_date FROM people p JOIN people_private "
                          "pp ON pp.person_id = p.id WHERE p.code = 'M002'").fetchone()
    assert row == ("Mario Luigi", "1998-05-01")
    path = write(tmp_path / "incarichi.csv",
                 "persona;carica;unita;dal;al\nM002;responsabile_area;AREA-FIN;01/07/2024;"
                 "09/06/2029\n")
    assert import_files(db, [path]).changed == 0
    allowance = db.conn.execute("SELECT position_allowance_cents FROM offices WHERE "
                                "office = 'responsabile_area' AND unit_id = (SELECT id FROM "
                                "units WHERE code = 'AREA-FIN')").fetchone()[0]
    assert allowance == 1130000
