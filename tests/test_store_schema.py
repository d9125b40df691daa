"""Schema creation, versioning, migration in place, and the demo's idempotence."""

from __future__ import annotations

import sqlite3

import pytest

from ordina.db import connect
from ordina.errors import UserError
from ordina.store import SCHEMA_VERSION, ensure_demo, ensure_schema
from ordina.store.schema import MIGRATIONS, PERSONAL_TABLES, PUBLIC_COLUMNS, schema_version


def test_fresh_database_gets_current_schema(tmp_path):
    db = connect(tmp_path / "a.db")
    assert ensure_schema(db) is True
    assert schema_version(db) == SCHEMA_VERSION
    assert ensure_schema(db) is False
    tables = set(db.table_names())
    assert set(PUBLIC_COLUMNS) | set(PERSONAL_TABLES) <= tables
    assert not [t for t in tables if t.startswith("reg_")]


def test_pragmas_on(tmp_path):
    db = connect(tmp_path / "a.db")
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_database_is_a_clear_error(tmp_path):
    db = connect(tmp_path / "a.db")
    ensure_schema(db)
    db.conn.execute("UPDATE store_meta SET value = ? WHERE key = 'schema_version'",
                    (str(SCHEMA_VERSION + 1),))
    db.conn.commit()
    with pytest.raises(UserError, match="versione più recente"):
        ensure_schema(connect(tmp_path / "a.db"))


def test_version_1_is_migrated_in_place_keeping_data(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for _table, sql in MIGRATIONS[1]:
        conn.execute(sql)
    conn.execute("INSERT INTO store_meta VALUES ('schema_version', '1')")
    conn.execute("INSERT INTO people(code, surname, given_name, search_key) "
                 "VALUES ('X1', 'Rossi', 'Mario', 'rossi mario')")
    conn.execute("INSERT INTO external_assignments(id, person_id, subject, client) "
                 "VALUES (5, 1, 'docenza', 'Università')")
    conn.commit()
    conn.close()
    db = connect(path)
    assert ensure_schema(db) is True
    assert schema_version(db) == SCHEMA_VERSION
    assert "part_time_requests" in db.table_names()
    row = db.conn.execute("SELECT subject, requested_by FROM external_assignments").fetchone()
    assert row == ("docenza", None)
    assert db.conn.execute("SELECT surname FROM people").fetchone() == ("Rossi",)


def test_failed_migration_changes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for _table, sql in MIGRATIONS[1]:
        conn.execute(sql)
    conn.execute("INSERT INTO store_meta VALUES ('schema_version', '1')")
    conn.commit()
    conn.close()
    broken = dict(MIGRATIONS)
    broken[2] = MIGRATIONS[2] + [("people", "THIS IS NOT SQL")]
    monkeypatch.setattr("ordina.store.schema.MIGRATIONS", broken)
    db = connect(path)
    with pytest.raises(sqlite3.OperationalError):
        ensure_schema(db)
    assert schema_version(db) == 1
    assert "part_time_requests" not in db.table_names()


def test_demo_is_idempotent_and_deterministic(tmp_path):
    a, b = connect(tmp_path / "a.db"), connect(tmp_path / "b.db")
    assert ensure_demo(a) is True
    assert ensure_demo(a) is False
    ensure_demo(b)
    for table in ("units", "people", "offices", "employments", "external_assignments"):
        assert list(a[table].rows) == list(b[table].rows)


def test_demo_sized_from_allegato_a():
    from store_fixtures import ON, demo_db

    from ordina.store import queries as q

    db = demo_db()
    cats = sorted(p.category for p in q.posts(db, ON))
    assert cats == ["B1", "B1", "B3", "B3", "C", "C", "C", "D1", "D1", "D1", "D1"]
    assert any(p.profile.startswith("Agente di polizia") for p in q.posts(db, ON))
    assert len(q.units(db, ON, kind="area")) == 5
    assert q.office_holders(db, "segretario", ON)
    assert q.office_holders(db, "rpc", ON)[0].person_name == "Francesco Esposito"
    assert len(q.office_holders(db, "componente_nucleo", ON)) == 3
    for office in ("sindaco", "vice_segretario", "responsabile_personale", "datore_lavoro"):
        assert q.office_holders(db, office, ON), office
    for area in q.units(db, ON, kind="area"):
        head = q.unit_head(db, area.id, ON)
        assert head is not None and q.employment(db, head.person_id, ON).category.startswith("D")
