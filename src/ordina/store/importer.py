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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ordina.errors import UserError
from ordina.store import categories, crosscheck, headers
from ordina.store.cells import is_blank, read_cell
from ordina.store.schema import ensure_schema, is_public, write_transaction
from ordina.store.sheets import Sheet, read_file
from ordina.store.tables import (
    PRIVATE_PEOPLE_COLUMNS,
    REFERENCE_TABLES,
    SPECS,
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
    ignored: list[tuple[str, str]] = field(default_factory=list)
    """``(file, header)`` of the columns no field takes (listed once, not imported)."""
    dry_run: bool = False
    """True when nothing was written (``--dry-run``): the counts say what would be."""
    warnings: list[Problem] = field(default_factory=list)

    @property
    def changed(self) -> int:
        """Rows inserted or updated (or that would be, in a dry run)."""
        return sum(t.inserted + t.updated for t in self.tables.values())


@dataclass(frozen=True)
class ImportOptions:
    """How to read headers: ``--map`` entries and ``--strict``."""

    mapping: dict[str, str] = field(default_factory=dict)
    """Header key -> field (``headers.parse_mapping``)."""
    strict: bool = False
    """Unknown columns are problems instead of being ignored."""
    dry_run: bool = False
    """Validate and count, then roll back."""
    confirm: Callable[[str, str, str], bool] | None = None
    """Asked ``(as written, unit name, unit code)`` for a unit name written almost right;
    True accepts the unit. None: such a name is a problem with the suggestion."""
    answers: dict[str, str | None] = field(default_factory=dict)
    """Folded names already asked about -> the accepted code (None: refused)."""


def _header_map(sheet: Sheet, problems: list[Problem], options: ImportOptions,
                report: ImportReport) -> headers.HeaderPlan:
    """The sheet's headers as columns (see ``ordina.store.headers``); unknown ones are
    listed in the report as ignored, or are problems with ``strict``."""
    try:
        plan = headers.plan(sheet.spec, sheet.headers, options.mapping)
    except ValueError as exc:
        problems.append(Problem(sheet.source, 1, "", str(exc)))
        return headers.HeaderPlan(columns=[None] * len(sheet.headers))
    for header in plan.ignored:
        if options.strict:
            problems.append(Problem(sheet.source, 1, header,
                                    "colonna sconosciuta; colonne ammesse: "
                                    + ", ".join(c.header for c in sheet.spec.columns)
                                    + " (oppure --map \"Colonna=campo\")"))
        else:
            report.ignored.append((sheet.source, header))
    for header in plan.repeated:
        problems.append(Problem(sheet.source, 1, header, "colonna ripetuta"))
    for header in headers.missing_required(sheet.spec, plan):
        problems.append(Problem(sheet.source, 1, header, "colonna obbligatoria mancante"))
    return plan


def _pseudo_columns(sheet: Sheet, plan: headers.HeaderPlan, cells: list[Any],
                    values: dict[str, Any], fail) -> None:
    """Fill cognome/nome from "Cognome e nome" and the person's code from the codice
    fiscale (checked) when the sheet has no matricola."""
    if plan.full_name is not None and plan.full_name < len(cells) \
            and not is_blank(cells[plan.full_name]):
        surname, given = headers.split_full_name(str(cells[plan.full_name]))
        values.setdefault("surname", surname)
        values.setdefault("given_name", given)
    if plan.tax_code is not None and plan.tax_code < len(cells) \
            and not is_blank(cells[plan.tax_code]):
        try:
            code = headers.check_tax_code(str(cells[plan.tax_code]))
        except ValueError as exc:
            fail(sheet.headers[plan.tax_code], str(exc))
            return
        target = headers.tax_code_target(sheet.spec, plan)
        if target is not None:
            values[target.column] = code


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


def validate(sheets: Iterable[Sheet], problems: list[Problem],
             options: ImportOptions | None = None,
             report: ImportReport | None = None) -> dict[str, list[Record]]:
    """Read every cell of every sheet; collect problems; return records per table name."""
    options = options or ImportOptions()
    report = report if report is not None else ImportReport()
    records: dict[str, list[Record]] = {}
    keys: dict[str, dict[tuple, int]] = {}
    for sheet in sheets:
        plan = _header_map(sheet, problems, options, report)
        columns = plan.columns
        spec = sheet.spec
        width = len(columns)
        mapped = [(i, col) for i, col in enumerate(columns) if col is not None]
        present = {col.header for _i, col in mapped}
        present_columns = frozenset(col.column for _i, col in mapped) | _pseudo_filled(
            spec, plan)
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

            _pseudo_columns(sheet, plan, cells, values, fail)

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


def _pseudo_filled(spec: TableSpec, plan: headers.HeaderPlan) -> frozenset[str]:
    """Database columns a split name or a codice fiscale fills."""
    out = {"surname", "given_name"} if plan.full_name is not None else set()
    target = headers.tax_code_target(spec, plan) if plan.tax_code is not None else None
    if target is not None:
        out.add(target.column)
    return frozenset(out)


class _Resolver:
    """Codes -> ids for units, people and posts: from the database and from the batch."""

    def __init__(self, conn: sqlite3.Connection, records: dict[str, list[Record]],
                 options: ImportOptions | None = None) -> None:
        self.conn = conn
        self.options = options or ImportOptions()
        self.ids: dict[str, dict[str, int]] = {}
        self.pending: dict[str, set[str]] = {}
        for kind, table in REFERENCE_TABLES.items():
            self.ids[kind] = {code: i for code, i in conn.execute(f"SELECT code, id FROM {table}")}
            self.pending[kind] = {r.values.get("code") for r in records.get(_DECLARING[kind], [])
                                  if r.values.get("code") is not None}

        # units may be named instead of coded ("Servizio: Area Finanziaria"), any case
        named = list(conn.execute("SELECT name, code FROM units")) + [
            (r.values["name"], r.values["code"]) for r in records.get("unita", [])
            if r.values.get("name") and r.values.get("code")]
        self.unit_names = {fold(name): code for name, code in named}
        self.unit_labels = {fold(name): name for name, _code in named}

    def code(self, kind: str, code: str) -> str:
        """The code itself, or the code of the unit with that name."""
        if kind == "unit" and code not in self.ids[kind] and code not in self.pending[kind]:
            return self.unit_names.get(fold(code)) or self.options.answers.get(fold(code)) \
                or code
        return code

    def known(self, kind: str, code: str) -> bool:
        code = self.code(kind, code)
        return code in self.ids[kind] or code in self.pending[kind]

    def id(self, kind: str, code: str | None) -> int | None:
        return None if code is None else self.ids[kind][self.code(kind, code)]

    def nearest_unit(self, text: str) -> tuple[str, str] | None:
        """``(name, code)`` of the unit a mistyped name most likely means, or None."""
        from rapidfuzz import fuzz, process

        found = process.extractOne(fold(text), list(self.unit_names), scorer=fuzz.WRatio,
                                   score_cutoff=80)
        return (self.unit_labels[found[0]], self.unit_names[found[0]]) if found else None

    def accept_near(self, text: str) -> str:
        """Ask (once per name) whether a near unit is meant; the hint when it is not."""
        near = self.nearest_unit(text)
        if near is None:
            return ""
        answers, key = self.options.answers, fold(text)
        if key not in answers and self.options.confirm is not None:
            answers[key] = near[1] if self.options.confirm(text, *near) else None
        return "" if answers.get(key) else f"; forse '{near[0]}' ({near[1]})?"


def _check_references(records: dict[str, list[Record]], resolver: _Resolver,
                      problems: list[Problem]) -> None:
    labels = {"unit": "unità", "person": "persona", "post": "posto"}
    for spec in SPECS:
        refs = [c for c in spec.columns if c.kind in _REF_KINDS]
        for rec in records.get(spec.name, []):
            for col in refs:
                code = rec.values.get(col.column)
                if code is not None and not resolver.known(col.kind, code):
                    hint = resolver.accept_near(code) if col.kind == "unit" else ""
                    if resolver.known(col.kind, code):  # the user accepted the near unit
                        continue
                    problems.append(Problem(
                        rec.source, rec.row, col.header,
                        f"{labels[col.kind]} '{code}' sconosciuta: non è nel database né nel "
                        f"file {_DECLARING[col.kind]}{hint}"))


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
           problems: list[Problem], report: ImportReport,
           options: ImportOptions | None = None) -> None:
    resolver = _Resolver(conn, records, options)
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


class _DryRun(Exception):
    """Raised inside the write transaction to roll a dry run back."""


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
                 accept_warnings: bool = False,
                 options: ImportOptions | None = None) -> ImportReport:
    """Validate and import ``paths`` in one transaction (rolled back with ``dry_run``).

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
    options = options or ImportOptions()
    report = ImportReport(files=[str(p) for p in paths], dry_run=options.dry_run)
    records = validate(sheets, problems, options, report)
    _check_references(records, _Resolver(db.conn, records, options), problems)
    warnings = _screened(db, sheets, records, problems)
    report.warnings = warnings
    if problems:
        raise ImportProblems(sorted(problems, key=lambda p: (p.file, p.row)))
    if warnings and not accept_warnings and not options.dry_run:
        raise ImportWarnings(warnings)
    try:
        with write_transaction(db) as conn:
            _write(conn, records, problems, report, options)
            if problems:
                raise ImportProblems(problems)
            if options.dry_run:
                raise _DryRun
            _test_pause()
    except _DryRun:
        pass
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc) or "no such column" in str(exc):
            raise UserError("questo è un database pubblico: non accetta dati personali") from None
        raise
    report.seconds = time.perf_counter() - started
    return report
