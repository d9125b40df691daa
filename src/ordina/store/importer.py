"""Import spreadsheets into the personnel database: validate everything, then write once.

Every problem in every file is collected with file, row and column before anything is
written; a batch with any problem changes nothing. The write is one ``BEGIN IMMEDIATE``
transaction, so a process killed half-way leaves the database as it was. Rows are
matched on their natural key (``tables.TableSpec.key``): importing the same file twice
changes nothing the second time.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ordina.errors import UserError
from ordina.store import categories, crosscheck
from ordina.store.cells import is_blank, read_cell
from ordina.store.schema import ensure_schema, is_public, write_transaction
from ordina.store.sheets import Sheet, read_file
from ordina.store.tables import (
    PRIVATE_PEOPLE_COLUMNS,
    REFERENCE_TABLES,
    SPECS,
    Column,
    TableSpec,
)
from ordina.store.text import ValueProblem, fold
from ordina.store.vocab import EVALUATION_SCHEMES

_REF_KINDS = tuple(REFERENCE_TABLES)
#: Which spec declares the codes each reference kind points to.
_DECLARING = {"unit": "unita", "person": "persone", "post": "posti"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the input, where it is and what to do."""

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"riga {self.row}" + (f", colonna '{self.column}'" if self.column else "")
        return f"{self.file}, {where}: {self.message}"


class ImportProblems(UserError):
    """The input has problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = "1 problema" if len(problems) == 1 else f"{len(problems)} problemi"
        super().__init__(f"{count} nei dati: nessuna modifica al database; "
                         "correggi i file e riprova")


class ImportWarnings(ImportProblems):
    """The input is readable but something was changed or looks doubtful; nothing was
    written until the user accepts (``--accept-warnings``)."""

    def __init__(self, warnings: list[Problem]) -> None:
        super().__init__(warnings)
        count = "1 avviso" if len(warnings) == 1 else f"{len(warnings)} avvisi"
        self.args = ((f"{count} sui dati: nessuna modifica al database; controlla e "
                     "riprova con --accept-warnings per importare comunque"),)


@dataclass
class Record:
    """A row read from a sheet: database values (references still as codes).

    ``ok`` is False when some cell had a problem; such rows are still checked for
    references and duplicate keys, so one pass reports everything.
    """

    source: str
    row: int
    values: dict[str, Any]
    ok: bool = True
    present: frozenset[str] = frozenset()


@dataclass
class TableReport:
    """What the import did to one table."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    """What an import did, per Italian table name."""

    files: list[str] = field(default_factory=list)
    tables: dict[str, TableReport] = field(default_factory=dict)
    seconds: float = 0.0
    warnings: list[Problem] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return sum(t.inserted + t.updated for t in self.tables.values())


def _header_map(sheet: Sheet, problems: list[Problem]) -> list[Column | None]:
    by_key: dict[str, Column] = {}
    for col in sheet.spec.columns:
        by_key[fold(col.header)] = col
        for alias in col.aliases:
            by_key[fold(alias)] = col
    mapped: list[Column | None] = []
    seen: set[str] = set()
    for header in sheet.headers:
        key = fold(header).replace(" ", "_").replace("-", "_")
        col = by_key.get(key)
        if not header:
            mapped.append(None)
            continue
        if col is None:
            problems.append(Problem(sheet.source, 1, header,
                                    "colonna sconosciuta; colonne ammesse: "
                                    + ", ".join(c.header for c in sheet.spec.columns)))
        elif col.header in seen:
            problems.append(Problem(sheet.source, 1, header, "colonna ripetuta"))
            col = None
        else:
            seen.add(col.header)
        mapped.append(col)
    for col in sheet.spec.columns:
        if col.required and col.header not in seen:
            problems.append(Problem(sheet.source, 1, col.header, "colonna obbligatoria mancante"))
    return mapped


def _check_row(spec: TableSpec, values: dict[str, Any], fail) -> None:
    """Checks that involve more than one cell of the row."""
    start, end = values.get("valid_from"), values.get("valid_to")
    if start and end and end <= start:
        fail("al", "la data di fine è precedente a quella di inizio")
    if spec.name == "inquadramenti":
        pos, cat = values.get("economic_position"), values.get("category")
        if pos and cat and not categories.valid_economic_position(cat, pos):
            fail("posizione_economica",
                 f"posizione economica '{pos}' non compatibile con la categoria {cat}")
    if spec.name == "valutazioni":
        scheme, comp = values.get("scheme"), values.get("component")
        if scheme in EVALUATION_SCHEMES and comp is not None:
            maxima = EVALUATION_SCHEMES[scheme]
            if comp not in maxima:
                fail("voce", f"voce '{comp}' non prevista dalla scheda {scheme}: usa "
                     + ", ".join(maxima))
            elif values.get("points") is not None and values["points"] > maxima[comp]:
                fail("punti", f"{values['points']} punti oltre il massimo di {maxima[comp]} "
                     f"per '{comp}' nella scheda {scheme}")
    if spec.name == "graduazioni" and values.get("grade") is not None and values["grade"] > 100:
        fail("graduazione", "la graduazione è in centesimi: al massimo 100")
    if spec.name == "incarichi_esterni" and values.get("paid") is False and (
            values.get("compensation_cents") or 0) > 0:
        fail("compenso", "incarico non retribuito ma con un compenso: correggi uno dei due")
    if spec.name == "legami_familiari" and values.get("person_id") == values.get("relative_id"):
        fail("familiare", "una persona non può essere familiare di se stessa")
    if spec.name == "richieste_part_time" and values.get("percentage") == 100:
        fail("percentuale", "una richiesta di part-time è per meno del 100%")


def validate(sheets: Iterable[Sheet], problems: list[Problem]) -> dict[str, list[Record]]:
    """Read every cell of every sheet; collect problems; return records per table name."""
    records: dict[str, list[Record]] = {}
    keys: dict[str, dict[tuple, int]] = {}
    for sheet in sheets:
        columns = _header_map(sheet, problems)
        spec = sheet.spec
        width = len(columns)
        mapped = [(i, col) for i, col in enumerate(columns) if col is not None]
        present = {col.header for _i, col in mapped}
        present_columns = frozenset(col.column for _i, col in mapped)
        absent_defaults = [(c.column, c.default) for c in spec.columns
                           if c.header not in present and not c.required]
        key_cols = [spec.column(h).column for h in spec.key]
        nullable_key = spec.name == "incarichi"
        seen = keys.setdefault(spec.name, {})
        for number, cells in sheet.rows:
            values: dict[str, Any] = dict(absent_defaults)
            found: list[Problem] = []
            for i, col in mapped:
                cell = cells[i] if i < len(cells) else None
                if is_blank(cell):
                    if col.required:
                        found.append(Problem(sheet.source, number, col.header,
                                             "valore obbligatorio mancante"))
                    else:
                        values[col.column] = col.default
                    continue
                try:
                    values[col.column] = read_cell(col, cell)
                except ValueProblem as exc:
                    found.append(Problem(sheet.source, number, col.header, str(exc)))
            if len(cells) > width and any(not is_blank(c) for c in cells[width:]):
                found.append(Problem(sheet.source, number, "",
                                     "ci sono valori oltre l'ultima colonna con intestazione"))

            def fail(header: str, message: str, _n=number, _s=sheet.source,
                     _found=found) -> None:
                _found.append(Problem(_s, _n, header, message))

            _check_row(spec, values, fail)
            key = tuple(values.get(k) for k in key_cols)
            if nullable_key or None not in key:
                if key in seen:
                    fail(spec.key[0], f"chiave duplicata ({', '.join(spec.key)}): stessa "
                         f"chiave della riga {seen[key]}")
                else:
                    seen[key] = number
            problems += found
            records.setdefault(spec.name, []).append(
                Record(sheet.source, number, values, not found, present_columns))
    return records


class _Resolver:
    """Codes -> ids for units, people and posts: from the database and from the batch."""

    def __init__(self, conn: sqlite3.Connection, records: dict[str, list[Record]]) -> None:
        self.conn = conn
        self.ids: dict[str, dict[str, int]] = {}
        self.pending: dict[str, set[str]] = {}
        for kind, table in REFERENCE_TABLES.items():
            self.ids[kind] = {code: i for code, i in conn.execute(f"SELECT code, id FROM {table}")}
            self.pending[kind] = {r.values.get("code") for r in records.get(_DECLARING[kind], [])
                                  if r.values.get("code") is not None}

    def known(self, kind: str, code: str) -> bool:
        return code in self.ids[kind] or code in self.pending[kind]

    def id(self, kind: str, code: str | None) -> int | None:
        return None if code is None else self.ids[kind][code]


def _check_references(records: dict[str, list[Record]], resolver: _Resolver,
                      problems: list[Problem]) -> None:
    labels = {"unit": "unità", "person": "persona", "post": "posto"}
    for spec in SPECS:
        refs = [c for c in spec.columns if c.kind in _REF_KINDS]
        for rec in records.get(spec.name, []):
            for col in refs:
                code = rec.values.get(col.column)
                if code is not None and not resolver.known(col.kind, code):
                    problems.append(Problem(
                        rec.source, rec.row, col.header,
                        f"{labels[col.kind]} '{code}' sconosciuta: non è nel database né nel "
                        f"file {_DECLARING[col.kind]}"))


def _order_units(recs: list[Record], resolver: _Resolver, problems: list[Problem]) -> list[Record]:
    """Parents before children; a cycle is a problem."""
    by_code = {r.values["code"]: r for r in recs}
    done: set[str] = set()
    ordered: list[Record] = []
    for rec in recs:
        chain: list[Record] = []
        cur: Record | None = rec
        while cur is not None and cur.values["code"] not in done:
            if cur in chain:
                problems.append(Problem(cur.source, cur.row, "unita_superiore",
                                        "l'unità contiene se stessa (ciclo di unità superiori)"))
                return ordered
            chain.append(cur)
            cur = by_code.get(cur.values.get("parent_id"))
        for item in reversed(chain):
            done.add(item.values["code"])
            ordered.append(item)
    return ordered


def _test_pause() -> None:
    """Test-only hook: stop before COMMIT so a test can kill the process mid-import."""
    marker = os.environ.get("ORDINA_TEST_PAUSE_BEFORE_COMMIT")
    if marker:
        Path(marker).write_text("in pausa prima del commit")
        time.sleep(120)


def _write(conn: sqlite3.Connection, records: dict[str, list[Record]],
           problems: list[Problem], report: ImportReport) -> None:
    resolver = _Resolver(conn, records)
    _check_references(records, resolver, problems)
    if problems:
        return
    for spec in SPECS:
        recs = records.get(spec.name, [])
        if not recs:
            continue
        if spec.name == "unita":
            recs = _order_units(recs, resolver, problems)
        stats = report.tables.setdefault(spec.name, TableReport())
        _upsert(conn, spec, recs, resolver, stats, problems)


def _db_values(spec: TableSpec, rec: Record, resolver: _Resolver) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for col in spec.columns:
        value = rec.values.get(col.column)
        if col.kind in _REF_KINDS:
            value = resolver.id(col.kind, value)
        elif col.kind == "bool" and value is not None:
            value = int(value)
        out[col.column] = value
    return out


def _upsert(conn: sqlite3.Connection, spec: TableSpec, recs: list[Record], resolver: _Resolver,
            stats: TableReport, problems: list[Problem]) -> None:
    """Insert new rows, update changed ones, leave equal ones alone (by natural key).

    An existing row is updated only in the columns the file has: a sheet without, say,
    ``indennita_posizione`` does not erase the allowances already in the database.
    """
    key_cols = [spec.column(h).column for h in spec.key]
    people = spec.name == "persone"
    main_cols = (["code", "surname", "given_name"] if people
                 else [c.column for c in spec.columns])
    existing: dict[tuple, tuple[int, dict[str, Any]]] = {}
    for row in conn.execute(f"SELECT rowid, {', '.join(main_cols)} FROM {spec.table}"):
        named = dict(zip(main_cols, row[1:]))
        existing[tuple(named[k] for k in key_cols)] = (row[0], named)
    private_old: dict[int, dict[str, Any]] = {}
    if people:
        private_old = {r[0]: dict(zip(PRIVATE_PEOPLE_COLUMNS, r[1:])) for r in conn.execute(
            f"SELECT person_id, {', '.join(PRIVATE_PEOPLE_COLUMNS)} FROM people_private")}
    ref_kind = {"people": "person", "units": "unit", "posts": "post"}.get(spec.table)
    for rec in recs:
        values = _db_values(spec, rec, resolver)
        old = existing.get(tuple(values[k] for k in key_cols))
        cols = main_cols if old is None else [c for c in main_cols if c in rec.present]
        row = {c: values[c] for c in cols}
        if spec.table == "people":
            row["search_key"] = fold(f"{values['surname']} {values['given_name']}")
        elif spec.table == "units":
            row["search_key"] = fold(values["name"])
        try:
            if old is None:
                cur = conn.execute(
                    f"INSERT INTO {spec.table} ({', '.join(row)}) "
                    f"VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
                row_id, changed = int(cur.lastrowid or 0), True
            else:
                row_id = old[0]
                changed = any(values[c] != old[1][c] for c in cols)
                if changed:
                    conn.execute(f"UPDATE {spec.table} SET "
                                 f"{', '.join(f'{c} = ?' for c in row)} WHERE rowid = ?",
                                 (*row.values(), row_id))
            if ref_kind:
                resolver.ids[ref_kind][values["code"]] = row_id
            if people:
                had = private_old.get(row_id)
                merged = dict(had or dict.fromkeys(PRIVATE_PEOPLE_COLUMNS))
                merged.update({c: values.get(c) for c in PRIVATE_PEOPLE_COLUMNS
                               if c in rec.present})
                if merged != had and (had is not None or any(merged.values())):
                    conn.execute(
                        f"INSERT OR REPLACE INTO people_private (person_id, "
                        f"{', '.join(PRIVATE_PEOPLE_COLUMNS)}) "
                        f"VALUES ({', '.join('?' * (len(merged) + 1))})",
                        (row_id, *merged.values()))
                    changed = True
        except sqlite3.IntegrityError as exc:
            problems.append(Problem(rec.source, rec.row, "",
                                    f"il database rifiuta la riga ({exc})"))
            continue
        if old is None:
            stats.inserted += 1
        elif changed:
            stats.updated += 1
        else:
            stats.unchanged += 1


def _screened(db, sheets: list[Sheet], records: dict[str, list[Record]],
              problems: list[Problem]) -> list[Problem]:
    """Add the errors of ``screening`` and ``crosscheck`` to ``problems``; return the
    warnings, sorted."""
    errors, warnings = crosscheck.all_findings(db.conn, records)
    problems += [Problem(s.source, f.row, f.column, f.message) for s in sheets for f in s.errors]
    problems += [Problem(*f) for f in errors]
    found = [Problem(s.source, f.row, f.column, f.message) for s in sheets for f in s.warnings]
    found += [Problem(*f) for f in warnings]
    return sorted(found, key=lambda p: (p.file, p.row))


def import_files(db, paths: list[Path], table: str | None = None,
                 accept_warnings: bool = False) -> ImportReport:
    """Validate and import ``paths`` in one transaction.

    :param accept_warnings: import even with warnings (invisible characters removed,
        probable duplicate people); they are listed in the report.
    :raises ImportProblems: listing every problem found; the database is unchanged.
    :raises ImportWarnings: when there are warnings and ``accept_warnings`` is False.
    :raises UserError: for unreadable files.
    """
    started = time.perf_counter()
    ensure_schema(db)
    if is_public(db):
        raise UserError("questo è un database pubblico (creato con 'ordina export --public'): "
                        "non accetta importazioni; importa nel database completo")
    problems: list[Problem] = []
    sheets: list[Sheet] = []
    for path in paths:
        sheets += read_file(Path(path), table)
    records = validate(sheets, problems)
    _check_references(records, _Resolver(db.conn, records), problems)
    warnings = _screened(db, sheets, records, problems)
    report = ImportReport(files=[str(p) for p in paths], warnings=warnings)
    if problems:
        raise ImportProblems(sorted(problems, key=lambda p: (p.file, p.row)))
    if warnings and not accept_warnings:
        raise ImportWarnings(warnings)
    try:
        with write_transaction(db) as conn:
            _write(conn, records, problems, report)
            if problems:
                raise ImportProblems(problems)
            _test_pause()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc) or "no such column" in str(exc):
            raise UserError("questo è un database pubblico: non accetta dati personali") from None
        raise
    report.seconds = time.perf_counter() - started
    return report
