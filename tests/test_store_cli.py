"""The store's commands, run as the user runs them."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_first_run_creates_demo_and_people_card(run_ordina):
    result = run_ordina("people", "mario rossi", "--as-of", "2026-11-23")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "Responsabile di Area (PO/EQ), Area Finanziaria" in out
    assert "Incarico esterno n. 12" in out


def test_people_json_and_fuzzy_suggestion(run_ordina):
    result = run_ordina("people", "Verdi", "--json", "--as-of", "2026-11-23")
    card = json.loads(result.stdout)
    assert card["employment"]["category"] == "D1"
    assert card["absences"][0]["kind"] == "malattia"
    result = run_ordina("people", "Rosi")
    assert result.returncode == 2
    assert "forse cercavi: Rossi" in result.stderr.decode()
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_units_tree(run_ordina):
    result = run_ordina("units", "--as-of", "2026-11-23")
    out = result.stdout.decode()
    assert "Area Servizi sociali [Area] — Anna Neri (assente); ad interim: Laura Bianchi" in out
    result = run_ordina("units", "area tecnica", "--json", "--as-of", "2026-11-23")
    rows = json.loads(result.stdout)
    assert rows[0]["head"]["person_name"] == "Giovanni Verdi" and rows[0]["head_absent"]


def test_demo_command_refuses_to_overwrite_then_forces(run_ordina, tmp_path):
    db = str(tmp_path / "d.db")
    assert run_ordina("demo", "--db", db).returncode == 0
    again = run_ordina("demo", "--db", db)
    assert again.returncode == 2 and "--force" in again.stderr.decode()
    forced = run_ordina("demo", "--db", db, "--force", "--scale", "120", "--seed", "7", "--json")
    assert forced.returncode == 0
    assert json.loads(forced.stdout)["rows"]["employments"] == 120


def test_scale_demo_is_deterministic(run_ordina, tmp_path):
    for name in ("a", "b"):
        db = str(tmp_path / f"{name}.db")
        assert run_ordina("demo", "--db", db, "--scale", "300", "--seed", "5").returncode == 0
        assert run_ordina("export", "--db", db, str(tmp_path / name)).returncode == 0
    for path in (tmp_path / "a").glob("*.csv"):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def test_import_reports_problems_and_json(run_ordina, tmp_path):
    db = str(tmp_path / "i.db")
    bad = tmp_path / "persone.csv"
    bad.write_text("codice;cognome;nome;data_nascita\nA1;Uno;Una;31/02/2026\n")
    result = run_ordina("import", "--db", db, str(bad))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "persone.csv, riga 2, colonna 'data_nascita': data impossibile" in err
    result = run_ordina("import", "--db", db, str(bad), "--json")
    assert json.loads(result.stdout)["problems"][0]["row"] == 2
    ok = run_ordina("import", "--db", db, *map(str, sorted(EXAMPLES.glob("*.csv"))))
    assert ok.returncode == 0, ok.stderr
    again = run_ordina("import", "--db", db, *map(str, sorted(EXAMPLES.glob("*.csv"))))
    assert again.stdout.decode().strip().endswith("nessuna modifica")


def test_export_xlsx_public_and_backup(run_ordina, tmp_path):
    assert run_ordina("export", str(tmp_path / "all.xlsx")).returncode == 0
    assert (tmp_path / "all.xlsx").stat().st_size > 0
    one = run_ordina("export", "--table", "persone", str(tmp_path / "p.csv"))
    assert one.returncode == 0 and (tmp_path / "p.csv").read_text("utf-8-sig").startswith("codice")
    pub = run_ordina("export", "--public", str(tmp_path / "pub.db"))
    assert pub.returncode == 0 and b"copia pubblica" in pub.stdout
    back = run_ordina("backup", str(tmp_path / "b.db"))
    assert back.returncode == 0
    assert run_ordina("backup", str(tmp_path / "b.db")).returncode == 2
    missing = run_ordina("export")
    assert missing.returncode == 2


def test_newer_database_refused(run_ordina, tmp_path):
    import sqlite3

    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("INSERT INTO store_meta VALUES ('schema_version', '99')")
    conn.commit()
    conn.close()
    result = run_ordina("units", "--db", str(path))
    assert result.returncode == 2 and "più recente" in result.stderr.decode()
