"""Tables of the personnel database, the schema version and the migrations between versions.

Conventions every table follows:

- periods are half-open ``[valid_from, valid_to)`` as ISO dates; ``valid_to`` NULL is open;
- amounts are integer cents (``*_cents``) so sums are exact and round trips lossless;
- yes/no facts are 1/0 and NULL means *unknown* (a check must ask, never assume);
- no table name starts with ``reg_``: that prefix belongs to the regulation index.

The schema is built by replaying the migrations from version 0, so a fresh database and
an upgraded one go through the same statements. A *public* database (``ordina export
--public``) holds only the public tables; migrations skip the personal ones there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from ordina.db import begin_immediate, is_read_only
from ordina.errors import UserError

#: Version written by this release of ordina.
SCHEMA_VERSION = 3

#: (table the statement touches, SQL) for each version step: MIGRATIONS[n] brings n-1 to n.
MIGRATIONS: dict[int, list[tuple[str, str]]] = {
    1: [
        ("store_meta", """
        CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"""),
        ("ente", """
        CREATE TABLE ente (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL)"""),
        ("units", """
        CREATE TABLE units (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            parent_id INTEGER REFERENCES units(id),
            valid_from TEXT NOT NULL,
            valid_to TEXT,
            act TEXT,
            search_key TEXT NOT NULL,
            CHECK (valid_to IS NULL OR valid_to > valid_from))"""),
        ("units", "CREATE INDEX units_parent ON units(parent_id)"),
        ("units", "CREATE INDEX units_kind ON units(kind)"),
        ("people", """
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            surname TEXT NOT NULL,
            given_name TEXT NOT NULL,
            search_key TEXT NOT NULL)"""),
        ("people", "CREATE INDEX people_search ON people(search_key)"),
        ("people_private", """
        CREATE TABLE people_private (
            person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
            sex TEXT CHECK (sex IN ('F', 'M')),
            birth_date TEXT,
            citizenship TEXT,
            degree_level TEXT,
            degree TEXT,
            hire_date TEXT,
            experience_years INTEGER CHECK (experience_years >= 0))"""),
        ("posts", """
        CREATE TABLE posts (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            profile TEXT NOT NULL,
            category TEXT NOT NULL,
            unit_id INTEGER REFERENCES units(id),
            valid_from TEXT NOT NULL,
            valid_to TEXT,
            act TEXT,
            CHECK (valid_to IS NULL OR valid_to > valid_from))"""),
        ("employments", """
        CREATE TABLE employments (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            valid_from TEXT NOT NULL,
            valid_to TEXT,
            category TEXT NOT NULL,
            economic_position TEXT,
            profile TEXT,
            unit_id INTEGER REFERENCES units(id),
            post_id INTEGER REFERENCES posts(id),
            contract TEXT NOT NULL,
            part_time_pct INTEGER NOT NULL DEFAULT 100
                CHECK (part_time_pct BETWEEN 1 AND 100),
            salary_cents INTEGER CHECK (salary_cents >= 0),
            act TEXT,
            UNIQUE (person_id, valid_from),
            CHECK (valid_to IS NULL OR valid_to > valid_from))"""),
        ("employments", "CREATE INDEX employments_unit ON employments(unit_id)"),
        ("employments", "CREATE INDEX employments_post ON employments(post_id)"),
        ("offices", """
        CREATE TABLE offices (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            office TEXT NOT NULL,
            unit_id INTEGER REFERENCES units(id),
            role TEXT,
            valid_from TEXT NOT NULL,
            valid_to TEXT,
            act TEXT,
            ad_interim INTEGER NOT NULL DEFAULT 0 CHECK (ad_interim IN (0, 1)),
            replaces_person_id INTEGER REFERENCES people(id),
            position_allowance_cents INTEGER CHECK (position_allowance_cents >= 0),
            compensation_cents INTEGER CHECK (compensation_cents >= 0),
            CHECK (valid_to IS NULL OR valid_to > valid_from))"""),
        ("offices", """CREATE UNIQUE INDEX offices_key
            ON offices(person_id, office, IFNULL(unit_id, 0), valid_from)"""),
        ("offices", "CREATE INDEX offices_office ON offices(office, unit_id)"),
        ("offices", "CREATE INDEX offices_unit ON offices(unit_id)"),
        ("absences", """
        CREATE TABLE absences (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            valid_from TEXT NOT NULL,
            valid_to TEXT,
            note TEXT,
            UNIQUE (person_id, kind, valid_from),
            CHECK (valid_to IS NULL OR valid_to > valid_from))"""),
        ("family_links", """
        CREATE TABLE family_links (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            relative_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            valid_from TEXT,
            valid_to TEXT,
            end_reason TEXT,
            UNIQUE (person_id, relative_id, kind),
            CHECK (person_id <> relative_id))"""),
        ("family_links", "CREATE INDEX family_links_relative ON family_links(relative_id)"),
        ("past_roles", """
        CREATE TABLE past_roles (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            organisation TEXT NOT NULL,
            role TEXT,
            valid_from TEXT NOT NULL,
            valid_to TEXT,
            UNIQUE (person_id, kind, organisation, valid_from),
            CHECK (valid_to IS NULL OR valid_to > valid_from))"""),
        ("external_assignments", """
        CREATE TABLE external_assignments (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            subject TEXT NOT NULL,
            client TEXT NOT NULL,
            client_type TEXT,
            client_supplier INTEGER,
            client_litigation INTEGER,
            client_permit INTEGER,
            client_supervised INTEGER,
            activity TEXT,
            occasional INTEGER,
            paid INTEGER,
            compensation_cents INTEGER CHECK (compensation_cents >= 0),
            place TEXT,
            valid_from TEXT,
            valid_to TEXT,
            request_date TEXT,
            status TEXT NOT NULL DEFAULT 'in_attesa',
            decision_date TEXT,
            note TEXT,
            CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to > valid_from))"""),
        ("external_assignments",
         "CREATE INDEX external_assignments_person ON external_assignments(person_id)"),
        ("collaborations", """
        CREATE TABLE collaborations (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            contractor TEXT NOT NULL,
            subject TEXT NOT NULL,
            kind TEXT NOT NULL,
            amount_cents INTEGER CHECK (amount_cents >= 0),
            procedure TEXT,
            direct_reason TEXT,
            unit_id INTEGER REFERENCES units(id),
            notice_date TEXT,
            notice_deadline TEXT,
            invited INTEGER CHECK (invited >= 0),
            publication_date TEXT,
            valid_from TEXT,
            valid_to TEXT,
            act TEXT,
            CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to > valid_from))"""),
        ("higher_duties", """
        CREATE TABLE higher_duties (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            reason TEXT NOT NULL,
            post_id INTEGER REFERENCES posts(id),
            replaces_person_id INTEGER REFERENCES people(id),
            filling_started INTEGER,
            valid_from TEXT NOT NULL,
            valid_to TEXT,
            act TEXT,
            UNIQUE (person_id, valid_from),
            CHECK (valid_to IS NULL OR valid_to > valid_from))"""),
        ("evaluations", """
        CREATE TABLE evaluations (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            year INTEGER NOT NULL,
            scheme TEXT NOT NULL,
            component TEXT NOT NULL,
            points REAL NOT NULL CHECK (points >= 0),
            UNIQUE (person_id, year, scheme, component))"""),
        ("position_gradings", """
        CREATE TABLE position_gradings (
            id INTEGER PRIMARY KEY,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            year INTEGER NOT NULL,
            subparameter TEXT NOT NULL,
            grade REAL NOT NULL CHECK (grade BETWEEN 0 AND 100),
            UNIQUE (unit_id, year, subparameter))"""),
    ],
    2: [
        # Version 2: part-time requests (art. 80) and who asked an authorisation (art. 88 c. 4).
        ("part_time_requests", """
        CREATE TABLE part_time_requests (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            request_date TEXT NOT NULL,
            percentage INTEGER NOT NULL CHECK (percentage BETWEEN 1 AND 99),
            activity TEXT,
            status TEXT NOT NULL DEFAULT 'in_attesa',
            decision_date TEXT,
            UNIQUE (person_id, request_date))"""),
        ("external_assignments",
         "ALTER TABLE external_assignments ADD COLUMN requested_by TEXT"),
    ],
    3: [
        # Version 3: the register of decisions, append-only and hash-chained
        # (ordina.store.decisions): a correction is a new row pointing at the old one.
        ("decisions", """
        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            recorded_at TEXT NOT NULL,
            subject_kind TEXT NOT NULL,
            subject_key TEXT NOT NULL,
            subject TEXT NOT NULL,
            person TEXT,
            as_of TEXT NOT NULL,
            proposed TEXT,
            outcome TEXT NOT NULL,
            act_kind TEXT NOT NULL,
            differs INTEGER NOT NULL CHECK (differs IN (0, 1)),
            decided_by TEXT NOT NULL,
            note TEXT,
            corrects INTEGER REFERENCES decisions(id),
            receipt TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE)"""),
        ("decisions", "CREATE INDEX decisions_subject ON decisions(subject_kind, subject_key)"),
        ("decisions", """
        CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions BEGIN
            SELECT RAISE(ABORT, 'registro delle decisioni: le voci non si modificano');
        END"""),
        ("decisions", """
        CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions BEGIN
            SELECT RAISE(ABORT, 'registro delle decisioni: le voci non si cancellano');
        END"""),
    ],
}

#: Tables nobody deletes from, not even ``demo --force``: the register of decisions.
APPEND_ONLY_TABLES: tuple[str, ...] = ("decisions",)

#: Tables and columns that are public (Amministrazione trasparente): the organisation
#: chart and who holds which office. ``None`` means every column.
PUBLIC_COLUMNS: dict[str, tuple[str, ...] | None] = {
    "store_meta": None,
    "ente": None,
    "units": None,
    "posts": None,
    "people": ("id", "code", "surname", "given_name", "search_key"),
    "offices": ("id", "person_id", "office", "unit_id", "role", "valid_from", "valid_to", "act",
                "ad_interim", "replaces_person_id"),
}

#: Tables holding personal data: never in a public database.
PERSONAL_TABLES: tuple[str, ...] = (
    "people_private", "employments", "absences", "family_links", "past_roles",
    "external_assignments", "collaborations", "higher_duties", "evaluations",
    "position_gradings", "part_time_requests", "decisions",
)

#: What a personal table tells, in Italian, for "this database lacks ..." messages.
PERSONAL_TABLE_LABELS: dict[str, str] = {
    "people_private": "dati anagrafici e titoli di studio",
    "employments": "inquadramenti, contratti, part-time e retribuzioni",
    "absences": "assenze",
    "family_links": "legami familiari",
    "past_roles": "incarichi politici e sindacali passati",
    "external_assignments": "incarichi esterni dei dipendenti",
    "collaborations": "incarichi di collaborazione",
    "higher_duties": "mansioni superiori",
    "evaluations": "valutazioni",
    "position_gradings": "graduazione delle posizioni",
    "part_time_requests": "richieste di part-time",
    "decisions": "registro delle decisioni",
}

STORE_TABLES: tuple[str, ...] = tuple(PUBLIC_COLUMNS) + PERSONAL_TABLES


@contextmanager
def write_transaction(db) -> Iterator[sqlite3.Connection]:
    """One ``BEGIN IMMEDIATE`` transaction: all or nothing, writers queue on the lock.

    :param db: a ``sqlite_utils.Database`` from :func:`ordina.db.connect`.
    """
    conn: sqlite3.Connection = db.conn
    if conn.in_transaction:
        conn.commit()
    begin_immediate(conn)  # tells the user while another process holds the lock
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    try:
        row = conn.execute("SELECT value FROM store_meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None


def schema_version(db) -> int:
    """The personnel schema version of ``db`` (0 when it has none yet)."""
    value = _meta(db.conn, "schema_version")
    return int(value) if value else 0


def is_public(db) -> bool:
    """Whether ``db`` is a public export (no personal tables)."""
    return _meta(db.conn, "variant") == "public"


def _check_not_newer(version: int) -> None:
    if version > SCHEMA_VERSION:
        raise UserError(
            f"il database è stato creato da una versione più recente di ordina "
            f"(schema {version}, questa versione conosce fino allo schema {SCHEMA_VERSION}): "
            "aggiorna ordina (pip install -U ordina) oppure usa un altro --db"
        )


def refuse_newer(version: str | None) -> None:
    """Refuse a database whose ``store_meta`` schema version is newer than this release's.

    :raises UserError: with what to do.
    """
    if version and version.isdigit():
        _check_not_newer(int(version))


def ensure_schema(db) -> bool:
    """Create or migrate the personnel tables in one transaction; cheap when up to date.

    :returns: True when something was created or migrated.
    :raises UserError: when the database comes from a newer ordina.
    """
    version = schema_version(db)
    _check_not_newer(version)
    if version == SCHEMA_VERSION:
        return False
    if is_read_only(db):
        raise UserError("il database è in sola lettura e va aggiornato allo schema "
                        f"{SCHEMA_VERSION}: aprilo una volta da una cartella scrivibile")
    with write_transaction(db) as conn:
        version = int(_meta(conn, "schema_version") or 0)  # re-read under the write lock
        _check_not_newer(version)
        if version == SCHEMA_VERSION:
            return False
        public = _meta(conn, "variant") == "public"
        for step in range(version + 1, SCHEMA_VERSION + 1):
            for table, sql in MIGRATIONS[step]:
                if public and table in PERSONAL_TABLES:
                    continue
                conn.execute(sql)
        conn.execute(
            "INSERT OR REPLACE INTO store_meta(key, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )
    return True


def clear_store(conn: sqlite3.Connection) -> None:
    """Delete every personnel row (not the schema, not the ``reg_*`` tables), children first."""
    existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table in reversed(STORE_TABLES):
        if table in existing and table != "store_meta" and table not in APPEND_ONLY_TABLES:
            conn.execute(f"DELETE FROM {table}")


def has_personnel(db) -> bool:
    """Whether the database holds any organisation data (the demo is made only when not)."""
    try:
        return db.conn.execute("SELECT 1 FROM units LIMIT 1").fetchone() is not None
    except sqlite3.OperationalError:
        return False
