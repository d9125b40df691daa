"""The privacy split: nothing personal survives in the public copy, and ordina runs on it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_fixtures import ON, demo_db

from ordina.db import connect
from ordina.store import queries as q
from ordina.store.public import export_public
from ordina.store.schema import PERSONAL_TABLES, PUBLIC_COLUMNS, ensure_schema, is_public

PERSONAL_STRINGS = [b"Giurisprudenza", b"Edil Esempio", b"Croce Verde", b"Consorzio Acque",
                    b"FP CGIL", b"maternita", b"Guidi", b"Pietro", b"congedo obbligatorio",
                    b"Studio Legale Ferraro"]


@pytest.fixture
def public(tmp_path):
    source = demo_db(tmp_path / "full.db")
    source.conn.execute("CREATE TABLE reg_units (id TEXT PRIMARY KEY, text TEXT)")
    source.conn.executemany("INSERT INTO reg_units VALUES (?, ?)",
                            [("art_88__para_3", "L'insieme degli incarichi..."),
                             ("art_17", "Sostituzione del titolare")])
    source.conn.execute("CREATE VIRTUAL TABLE reg_fts USING fts5(text)")
    source.conn.execute("INSERT INTO reg_fts VALUES ('patrocinio legale')")
    source.conn.execute("CREATE TABLE app_history (question TEXT)")  # someone else's table
    source.conn.commit()
    out = tmp_path / "public.db"
    export_public(source, out)
    return source, out


def test_no_personal_table_or_column_survives(public):
    _source, out = public
    conn = sqlite3.connect(out)
    tables = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    assert not tables & set(PERSONAL_TABLES)
    assert "app_history" not in tables
    for table in tables:
        if table.startswith("reg_"):
            continue
        assert table in PUBLIC_COLUMNS
        allowed = PUBLIC_COLUMNS[table]
        if allowed is not None:
            columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
            assert columns <= set(allowed), table
    holders = {r[0] for r in conn.execute("SELECT person_id FROM offices")}
    people = {r[0] for r in conn.execute("SELECT id FROM people")}
    assert people == holders | {r[0] for r in conn.execute(
        "SELECT replaces_person_id FROM offices WHERE replaces_person_id IS NOT NULL")}
    conn.close()
    raw = out.read_bytes()
    for secret in PERSONAL_STRINGS:
        assert secret not in raw, secret


def test_reg_tables_copied_unchanged(public):
    source, out = public
    conn = sqlite3.connect(out)
    assert conn.execute("SELECT * FROM reg_units ORDER BY id").fetchall() == \
        source.conn.execute("SELECT * FROM reg_units ORDER BY id").fetchall()
    assert conn.execute("SELECT text FROM reg_fts WHERE reg_fts MATCH 'patrocinio'").fetchall() \
        == [("patrocinio legale",)]


def test_queries_on_public_database_say_what_is_missing(public):
    _source, out = public
    db = connect(out)
    ensure_schema(db)
    assert is_public(db)
    assert "employments" not in db.table_names()  # ensure_schema must not recreate them
    rossi = q.find_people(db, "Mario Rossi")[0]
    assert q.person(db, rossi.id).has_private is False
    assert q.office_holders(db, "responsabile_area", ON, q.unit_by_code(db, "AREA-FIN").id)
    soc = q.unit_by_code(db, "AREA-SOC").id
    assert q.interim_for(db, soc, ON).person_name == "Laura Bianchi"
    with pytest.raises(q.PersonalDataMissing, match="assenze"):
        q.absences(db, rossi.id, ON)
    with pytest.raises(q.PersonalDataMissing, match="incarichi esterni"):
        q.assignment(db, 12)
    with pytest.raises(q.PersonalDataMissing):
        q.relatives(db, rossi.id, ON)
    assert q.office_holders(db, "sindaco", ON)[0].position_allowance_cents is None


def test_cli_runs_on_public_database(public, run_ordina):
    _source, out = public
    result = run_ordina("people", "Mario Rossi", "--db", str(out), "--as-of", "2026-11-23")
    assert result.returncode == 0, result.stderr
    assert "Dati personali: assenti" in result.stdout.decode()
    assert "Responsabile di Area" in result.stdout.decode()
    result = run_ordina("units", "--db", str(out), "--as-of", "2026-11-23")
    assert result.returncode == 0 and b"ad interim: Laura Bianchi" in result.stdout
    examples = Path(__file__).resolve().parents[1] / "examples"
    result = run_ordina("import", "--db", str(out), str(examples / "assenze.csv"))
    assert result.returncode == 2 and "database pubblico" in result.stderr.decode()


def test_public_export_refuses_to_overwrite(public):
    source, out = public
    from ordina.errors import UserError

    with pytest.raises(UserError, match="esiste già"):
        export_public(source, out)
