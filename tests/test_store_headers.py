"""Importing what HR suites export: header variants, unknown columns, --map, --dry-run,
templates, the codice fiscale, units by name, part-time decimals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.it import codicefiscale

from ordina.store.headers import header_key, infer_table, plan, split_full_name
from ordina.store.tables import BY_NAME, SPECS


def _cf(base: str) -> str:
    return base + codicefiscale.calc_check_digit(base)


@pytest.mark.parametrize(("written", "table", "header"), [
    ("Matricola", "persone", "codice"), ("MATRICOLA", "inquadramenti", "persona"),
    ("Data di nascita", "persone", "data_nascita"), ("Data Assunzione", "persone",
                                                     "data_assunzione"),
    ("Qualifica", "inquadramenti", "profilo"), ("Profilo", "inquadramenti", "profilo"),
    ("Servizio", "inquadramenti", "unita"), ("Settore", "inquadramenti", "unita"),
    ("Data cessazione", "inquadramenti", "al"), ("% part-time", "inquadramenti", "part_time"),
    ("Percentuale Part Time", "inquadramenti", "part_time"), ("Unità", "inquadramenti", "unita"),
])
def test_header_variants(written: str, table: str, header: str) -> None:
    shown = plan(BY_NAME[table], [written])
    assert shown.columns[0] is not None and shown.columns[0].header == header


def test_full_name_and_tax_code_are_recognised_and_unknowns_listed() -> None:
    shown = plan(BY_NAME["persone"], ["Cognome e nome", "Codice Fiscale", "Colore preferito"])
    assert shown.full_name == 0 and shown.tax_code == 1
    assert shown.ignored == ["Colore preferito"]


def test_table_inferred_from_headers() -> None:
    assert infer_table(["Matricola", "Cognome", "Nome", "Sesso"]).name == "persone"
    assert infer_table(["Matricola", "Data inizio", "Categoria", "Tipo contratto"]).name \
        == "inquadramenti"
    assert infer_table(["Colore", "Sapore"]) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("ROSSI Mario", ("Rossi", "Mario")), ("Rossi Mario", ("Rossi", "Mario")),
    ("DE LUCA Anna Maria", ("De Luca", "Anna Maria")), ("De Luca Anna", ("De Luca", "Anna")),
])
def test_split_full_name(text: str, expected: tuple[str, str]) -> None:
    assert split_full_name(text) == expected


@given(st.text(max_size=40))
def test_header_key_never_fails_and_is_stable(text: str) -> None:
    key = header_key(text)
    assert header_key(key) == key and " " not in key


def test_every_canonical_header_maps_to_itself() -> None:
    for spec in SPECS:
        shown = plan(spec, [c.header for c in spec.columns])
        assert [c.header if c else None for c in shown.columns] == \
            [c.header for c in spec.columns]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _hr_files(tmp_path: Path) -> list[str]:
    people = _write(tmp_path / "anagrafica_export.csv",
                    "Matricola;Cognome e nome;Codice Fiscale;Data di nascita;Sesso;"
                    "Data Assunzione;Note interne\n"
                    f"H100;ROSSI Maria Grazia;{_cf('RSSMRA80A41H501')};01/01/1980;F;"
                    "01/03/2010;ok\n")
    jobs = _write(tmp_path / "rapporti.csv",
                  "MATRICOLA;Data inizio;Data cessazione;Categoria;Qualifica;Servizio;"
                  "% Part-time;Tipo contratto\n"
                  "H100;01/03/2010;;C;Istruttore amministrativo;area finanziaria;83,33;"
                  "indeterminato\n")
    return [str(people), str(jobs)]


def test_an_hr_export_imports_with_ignored_columns_listed_once(run_ordina, tmp_path) -> None:
    db = str(tmp_path / "hr.db")
    assert run_ordina("demo", db=db).returncode == 0
    files = _hr_files(tmp_path)
    dry = run_ordina("import", "--dry-run", *files, db=db)
    out = dry.stdout.decode()
    assert dry.returncode == 0, dry.stderr.decode()
    assert out.count("'Note interne'") == 1 and "ignorata" in out
    assert "persone: 1 da aggiungere" in out and "inquadramenti: 1 da aggiungere" in out
    assert "H100" not in run_ordina("people", db=db).stdout.decode()  # nothing written
    done = run_ordina("import", *files, db=db)
    assert done.returncode == 0, done.stderr.decode()
    card = json.loads(run_ordina("people", "Maria Grazia", "--json", db=db).stdout)
    assert card["person"]["surname"] == "Rossi" and card["person"]["given_name"] == "Maria Grazia"
    assert card["employment"]["part_time_pct"] == 83.33
    assert card["employment"]["unit_name"] == "Area Finanziaria"
    again = run_ordina("import", "--dry-run", *files, db=db).stdout.decode()
    assert "0 da aggiungere, 0 da cambiare, 1 invariate" in again


def test_strict_map_and_a_wrong_codice_fiscale(run_ordina, tmp_path) -> None:
    db = str(tmp_path / "hr.db")
    run_ordina("demo", db=db)
    files = _hr_files(tmp_path)
    strict = run_ordina("import", "--strict", *files, db=db)
    assert strict.returncode == 2 and "colonna sconosciuta" in strict.stderr.decode()
    mapped = run_ordina("import", "--dry-run", "--map", "Note interne=titolo_studio", *files,
                        db=db)
    assert mapped.returncode == 0 and "ignorata" not in mapped.stdout.decode()
    bad = _write(tmp_path / "persone.csv", "Codice fiscale;Cognome;Nome\n"
                                           "RSSMRA80A41H501A;Rossi;Maria\n")
    wrong = run_ordina("import", str(bad), db=db)
    assert wrong.returncode == 2 and "codice fiscale" in wrong.stderr.decode()
    mistyped = _write(tmp_path / "x.csv", Path(files[1]).read_text().replace(
        "area finanziaria", "Area Finanziari"))
    near = run_ordina("import", str(mistyped), db=db)
    assert near.returncode == 2 and "forse 'Area Finanziaria' (AREA-FIN)" in near.stderr.decode()


def test_codice_fiscale_matches_people_without_a_matricola(run_ordina, tmp_path) -> None:
    db = str(tmp_path / "hr.db")
    run_ordina("demo", db=db)
    code = _cf("BNCLRA85C50H501")
    sheet = _write(tmp_path / "persone.csv", f"Codice fiscale;Cognome;Nome\n{code};Bianco;Lara\n")
    assert run_ordina("import", str(sheet), db=db).returncode == 0
    renamed = _write(tmp_path / "persone.csv",
                     f"Codice fiscale;Cognome;Nome\n{code.lower()};Bianco;Lara Maria\n")
    out = run_ordina("import", "--dry-run", str(renamed), db=db).stdout.decode()
    assert "0 da aggiungere, 1 da cambiare" in out


def test_templates_have_every_column_and_import_as_they_are(run_ordina, tmp_path) -> None:
    from openpyxl import load_workbook

    folder = tmp_path / "modelli"
    done = run_ordina("import", "--template", str(folder))
    assert done.returncode == 0, done.stderr.decode()
    for spec in SPECS:
        header = (folder / f"{spec.name}.csv").read_text(encoding="utf-8-sig").splitlines()[0]
        assert header.split(";") == [c.header for c in spec.columns]
        sheet = load_workbook(folder / f"{spec.name}.xlsx").active
        assert [c.value for c in sheet[1]] == [c.header for c in spec.columns]
        assert all(c.comment is not None for c in sheet[1])
    assert "valori ammessi" in (folder / "LEGGIMI.txt").read_text(encoding="utf-8")
    db = str(tmp_path / "t.db")
    run_ordina("demo", db=db)
    csvs = sorted(str(p) for p in folder.glob("*.csv"))
    check = run_ordina("import", "--dry-run", *csvs, db=db)
    assert check.returncode == 0, check.stderr.decode()
    assert "--template" in run_ordina("import", "--help").stdout.decode()


def test_a_unit_name_almost_right_is_confirmed_once(tmp_path) -> None:
    from ordina.db import connect
    from ordina.store import ensure_demo, ensure_schema
    from ordina.store.importer import ImportOptions, ImportProblems, import_files

    db = connect(str(tmp_path / "u.db"))
    ensure_schema(db)
    ensure_demo(db)
    files = [Path(p) for p in _hr_files(tmp_path)]
    files[1].write_text(files[1].read_text().replace("area finanziaria", "Area Finanziari"))
    asked: list[tuple[str, str, str]] = []

    def yes(written: str, name: str, code: str) -> bool:
        asked.append((written, name, code))
        return True

    report = import_files(db, files, options=ImportOptions(confirm=yes))
    assert asked == [("Area Finanziari", "Area Finanziaria", "AREA-FIN")]
    assert report.tables["inquadramenti"].inserted == 1
    unit = db.conn.execute("SELECT u.code FROM employments e JOIN units u ON u.id = e.unit_id "
                           "JOIN people p ON p.id = e.person_id WHERE p.code = 'H100'").fetchone()
    assert unit == ("AREA-FIN",)
    with pytest.raises(ImportProblems) as refused:
        import_files(db, files, options=ImportOptions(confirm=lambda *_: False))
    assert "forse 'Area Finanziaria' (AREA-FIN)" in str(refused.value.problems[0])
