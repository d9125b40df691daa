"""The regulation kept in the SQLite database: units, references, full-text search.

Every table is prefixed ``reg_`` (the personnel store owns the others in the same
file). The index is built on first use, kept, and rebuilt when the source, the
organigramma or the amendments change, or when an amendment comes into force. A build
is one ``BEGIN IMMEDIATE`` transaction: a failure leaves the previous index intact.

Search is SQLite FTS5 (through sqlite-utils) on pre-stemmed shadow columns (Snowball
Italian, accents stripped), ranked by bm25 with headings weighing more than text;
snippets are cut from the real text and highlight every word whose stem matched.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from ordina.corpus.loader import ORGANIGRAMMA_FILE, corpus_from_text, source_path
from ordina.corpus.model import Corpus, IndexEntry, Skipped, Unit
from ordina.corpus.refgraph import Ref, RefGraph
from ordina.corpus.textutil import COMPOUND_RE, query_terms, stem, stem_line, words
from ordina.db import begin_immediate, is_read_only
from ordina.errors import UserError
from ordina.resources import regulation_file

SCHEMA_VERSION = "3"  # 2: stem overrides (textutil.STEM_OVERRIDES); 3: «perfomance»

#: bm25 weight of the heading column against the text (1.0): "patrocinio legale" is the
#: heading of art. 78, so art. 78 must outrank a comma that only mentions it.
HEADING_WEIGHT = 4.0

TABLES = ("reg_meta", "reg_units", "reg_notes", "reg_refs", "reg_amendments", "reg_search")

SNIPPET_CHARS = 180
MATCHES_PER_HIT = 5


# ---------------------------------------------------------------- state


@dataclass(frozen=True)
class State:
    """What the index should hold: which source, which bytes, which amendments."""

    source: str
    fingerprint: str
    applied: tuple[str, ...]


def _hash_files(paths: list[Path]) -> str:
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


_FINGERPRINTS: dict[tuple, str] = {}


def _fingerprint(source: str) -> str:
    """Hash of the source, the organigramma and the amendments (re-hashed only when a
    file's size or modification time changed, so a warm freshness check costs a stat)."""
    from ordina.corpus.sources import amendment_files

    paths = [source_path(source or None), regulation_file(ORGANIGRAMMA_FILE), *amendment_files()]
    stats = [(str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths]
    key = (source, tuple(stats))
    if key not in _FINGERPRINTS:
        _FINGERPRINTS.clear()
        _FINGERPRINTS[key] = _hash_files(paths)
    return _FINGERPRINTS[key]


def _exists(db, table: str) -> bool:
    """Whether ``table`` exists (a plain query: no sqlite-utils on the read path)."""
    return db.execute("select 1 from sqlite_master where type = 'table' and name = ?",
                      [table]).fetchone() is not None


def _meta(db) -> dict[str, str]:
    if not _exists(db, "reg_meta"):
        return {}
    return {r["key"]: r["value"] for r in db.query("select key, value from reg_meta")}


def _applied_on(db, when: date) -> tuple[str, ...]:
    if not _exists(db, "reg_amendments"):
        return ()
    rows = db.query("select id from reg_amendments where in_force <= ? order by in_force, id",
                    [when.isoformat()])
    return tuple(r["id"] for r in rows)


def stored_state(db) -> State | None:
    """The state the index in ``db`` was built from, or None when there is no index."""
    meta = _meta(db)
    if meta.get("schema") != SCHEMA_VERSION:
        return None
    return State(meta.get("source", ""), meta.get("fingerprint", ""),
                 tuple(json.loads(meta.get("applied", "[]"))))


def is_fresh(db, today: date | None = None) -> bool:
    """True when the index matches the sources, amendments and today's date."""
    state = stored_state(db)
    if state is None:
        return False
    if state.source and not Path(state.source).is_file():
        return True  # the indexed file is gone: keep what we have
    if _fingerprint(state.source) != state.fingerprint:
        return False
    return _applied_on(db, today or date.today()) == state.applied


def _files_key(source: str) -> tuple:
    """Sizes and modification times of the files the index is built from (a few stats)."""
    from ordina.corpus.sources import amendment_files

    paths = [source_path(source or None), regulation_file(ORGANIGRAMMA_FILE), *amendment_files()]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths if p.exists())


#: Per connection, the last token checked fresh and what was read then. The token is
#: SQLite's data_version (it moves when another connection commits), the files' stats
#: and the day: when none moved, the index is as fresh as it was a moment ago. Keyed by
#: id() and holding the connection itself, so a recycled id can never match.
_WARM: dict[int, tuple[object, tuple, str, dict]] = {}
_WARM_MAX = 8


def _token(db, source: str) -> tuple:
    version = db.conn.execute("PRAGMA data_version").fetchone()[0]
    return (version, _files_key(source), date.today())


def _warm(db) -> dict | None:
    """The memo of a connection whose index is known fresh, or None to check again."""
    entry = _WARM.get(id(db.conn))
    if entry is None or entry[0] is not db.conn:
        return None
    _, token, source, memo = entry
    return memo if _token(db, source) == token else None


def refuse_newer_index(db) -> None:
    """Never rebuild over an index written by a newer ordina.

    :raises UserError: when the stored index format is newer than :data:`SCHEMA_VERSION`.
    """
    schema = _meta(db).get("schema", "")
    if schema.isdigit() and int(schema) > int(SCHEMA_VERSION):
        raise UserError(f"l'indice del regolamento è stato scritto da una versione più recente "
                        f"di ordina (formato {schema}, questa conosce il {SCHEMA_VERSION}): "
                        "aggiorna ordina oppure usa un altro --db")


def _keep_read_only(db) -> bool:
    """On a read-only database (a public copy on a shared drive) the stored index is used
    as it is; with none stored there is nothing to answer from. An index written by a newer
    ordina is never rebuilt over.

    :raises UserError: when a read-only database has no index, or the index is newer.
    """
    refuse_newer_index(db)
    if not is_read_only(db):
        return False
    if stored_state(db) is None:
        raise UserError("il database è in sola lettura e non contiene l'indice del "
                        "regolamento: aprilo da una cartella scrivibile una volta")
    return True


def ensure_index(db, today: date | None = None) -> BuildReport | None:
    """Build the index when missing or stale; return the report of a build, else None."""
    if today is None and _warm(db) is not None:
        return None
    report = None
    if not is_fresh(db, today) and not _keep_read_only(db):
        state = stored_state(db)
        report = build_index(db, source=state.source if state else None, as_of=today)
    if today is None:
        state = stored_state(db)
        if state is not None:
            if len(_WARM) >= _WARM_MAX:
                _WARM.pop(next(iter(_WARM)))
            _WARM[id(db.conn)] = (db.conn, _token(db, state.source), state.source,
                                  {"state": state})
    return report


# ---------------------------------------------------------------- build


@dataclass
class BuildReport:
    """What a build did, and what it could not read."""

    source: str
    units: int
    articles: int
    refs: int
    unresolved: int
    skipped: list[Skipped] = field(default_factory=list)
    anomalies: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    def skipped_ranges(self, reasons: tuple[str, ...] | None = None) -> list[tuple[int, int, str]]:
        """Skipped lines merged into ``(first, last, reason)`` runs."""
        runs: list[tuple[int, int, str]] = []
        for s in sorted(self.skipped, key=lambda s: s.line):
            if reasons and s.reason not in reasons:
                continue
            if runs and runs[-1][2] == s.reason and s.line - runs[-1][1] <= 2:
                runs[-1] = (runs[-1][0], s.line, s.reason)
            else:
                runs.append((s.line, s.line, s.reason))
        return runs

    def to_dict(self) -> dict:
        """JSON-ready report."""
        data = asdict(self)
        data["skipped_ranges"] = [{"from": a, "to": b, "reason": r}
                                  for a, b, r in self.skipped_ranges()]
        return data


@contextmanager
def _immediate(db):
    """One write transaction taken up front, so two builders never interleave (inside a
    caller's open transaction, a savepoint of it)."""
    if db.conn.in_transaction:
        with db.atomic():
            yield
        return
    begin_immediate(db.conn)  # tells the user while another process holds the lock
    try:
        yield
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def _read_source(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"impossibile leggere '{path}': {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise UserError(f"'{path}' non è testo UTF-8 (riga {line}): salvarlo come UTF-8 e "
                        "riprovare; il database non è stato modificato") from None


def build_index(db, source: str | Path | None = None, as_of: date | None = None) -> BuildReport:
    """(Re)build the whole index from ``source`` (default: the shipped regulation).

    :raises UserError: when the file cannot be read or holds no article; the database
        is left as it was.
    """
    refuse_newer_index(db)
    from ordina.corpus.refs import extract_refs
    from ordina.corpus.versions import apply_amendments, in_force, load_amendments

    started = time.perf_counter()
    src = str(Path(source).resolve()) if source else ""
    path = source_path(src or None)
    corpus, parsed = corpus_from_text(_read_source(path), source_name=path.name)
    if not any(u.kind == "articolo" for u in parsed.units):
        raise UserError(f"nessun articolo riconosciuto in '{path}': serve un regolamento con "
                        "intestazioni come 'Articolo 1 – Oggetto'; il database non è stato "
                        "modificato")
    amendments = load_amendments()
    applied = in_force(amendments, as_of or date.today())
    if applied:
        corpus = apply_amendments(corpus, applied)
    refs = extract_refs(corpus)
    state = State(src, _fingerprint(src), tuple(a.id for a in applied))
    with _immediate(db):
        for name in (*TABLES, "reg_search_fts"):
            db.execute(f"DROP TABLE IF EXISTS [{name}]")
        _write(db, corpus, refs, amendments, state)
    _CACHE.clear()
    _WARM.clear()
    return BuildReport(
        source=str(path), units=len(corpus), articles=len(corpus.articles), refs=len(refs),
        unresolved=sum(1 for r in refs if r.problem), skipped=parsed.skipped,
        anomalies=parsed.anomalies, seconds=time.perf_counter() - started,
    )


def _search_docs(corpus: Corpus) -> list[dict]:
    """One document per comma (with its points), allegato, table and organigramma section."""
    docs = []
    for unit in corpus.units.values():
        if unit.repealed:
            continue
        if unit.kind == "comma" or (unit.kind == "articolo" and unit.text):
            group = corpus.get(unit.article_eid or unit.eid) or unit
            body = corpus.full_text(unit)
        elif unit.kind in ("allegato", "sezione") and unit.text:
            group, body = unit, unit.text
        elif unit.kind == "tabella":
            group = corpus.get(unit.parent) or unit
            body = "\n".join(" | ".join(row) for row in unit.rows or [])
        else:
            continue
        heading = group.heading
        docs.append({
            "eid": unit.eid, "group_eid": group.eid, "citation": unit.citation,
            "group_citation": group.citation, "heading": heading, "body": body,
            "stem_heading": stem_line(heading), "stem_body": stem_line(body),
        })
    return docs


def _insert(db, table: str, rows) -> None:
    """Bulk insert with one ``executemany`` (sqlite-utils' per-row type checks cost 0.1 s)."""
    rows = list(rows)
    if not rows:
        return
    cols = list(rows[0])
    sql = (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
           f"VALUES ({', '.join('?' for _ in cols)})")
    db.conn.executemany(sql, [tuple(r[c] for c in cols) for r in rows])


def _write(db, corpus: Corpus, refs: list[Ref], amendments: list, state: State) -> None:
    db["reg_meta"].create({"key": str, "value": str}, pk="key")
    _insert(db, "reg_meta", [
        {"key": "schema", "value": SCHEMA_VERSION},
        {"key": "source", "value": state.source},
        {"key": "fingerprint", "value": state.fingerprint},
        {"key": "applied", "value": json.dumps(list(state.applied))},
        {"key": "built_at", "value": time.strftime("%Y-%m-%dT%H:%M:%S")},
    ])
    db["reg_units"].create({
        "eid": str, "pos": int, "kind": str, "num": str, "citation": str, "heading": str,
        "text": str, "parent": str, "line": int, "rows": str, "number_given": int,
        "repealed": int, "history": str,
    }, pk="eid")
    _insert(db, "reg_units", ({
        "eid": u.eid, "pos": i, "kind": u.kind, "num": u.num, "citation": u.citation,
        "heading": u.heading, "text": u.text, "parent": u.parent, "line": u.line,
        "rows": json.dumps(u.rows, ensure_ascii=False) if u.rows is not None else None,
        "number_given": int(u.number_given), "repealed": int(u.repealed),
        "history": json.dumps(u.history, ensure_ascii=False) if u.history else None,
    } for i, u in enumerate(corpus.units.values())))
    db["reg_notes"].create({"category": str, "kind": str, "num": str, "line": int, "text": str,
                            "reason": str})
    _insert(db, "reg_notes",
        [{"category": "anomalia", "kind": None, "num": None, "line": a.line, "text": a.text,
          "reason": a.reason} for a in corpus.anomalies]
        + [{"category": "indice", "kind": e.kind, "num": e.num, "line": e.line, "text": e.text,
            "reason": None} for e in corpus.index_entries]
        + [{"category": "saltata", "kind": None, "num": None, "line": s.line, "text": s.text,
            "reason": s.reason} for s in corpus.skipped])
    db["reg_refs"].create({
        "id": int, "source": str, "kind": str, "text": str, "start": int, "end": int,
        "label": str, "target": str, "act": str, "article": str, "comma": str, "letter": str,
        "extent": str, "urn": str, "url": str, "note": str, "problem": str, "suggestion": str,
    }, pk="id")
    _insert(db, "reg_refs", ({"id": i, **r.to_dict()} for i, r in enumerate(refs)))
    db["reg_refs"].create_index(["source"])
    db["reg_refs"].create_index(["target"])
    db["reg_refs"].create_index(["act", "article"])
    db["reg_amendments"].create({"id": str, "in_force": str, "act": str, "path": str,
                                 "operations": str}, pk="id")
    _insert(db, "reg_amendments", ({
        "id": a.id, "in_force": a.in_force.isoformat(), "act": a.act, "path": a.path,
        "operations": json.dumps(a.to_dict()["operations"], ensure_ascii=False),
    } for a in amendments))
    db["reg_search"].create({
        "eid": str, "group_eid": str, "citation": str, "group_citation": str, "heading": str,
        "body": str, "stem_heading": str, "stem_body": str,
    }, pk="eid")
    _insert(db, "reg_search", _search_docs(corpus))
    db["reg_search"].enable_fts(["stem_heading", "stem_body"], fts_version="FTS5",
                                tokenize="unicode61 remove_diacritics 2")


# ---------------------------------------------------------------- read back

_CACHE: dict[tuple, Corpus] = {}


def _db_key(db) -> str:
    row = db.conn.execute("PRAGMA database_list").fetchone()
    return row[2] or f"memory:{id(db.conn)}"


def read_corpus(db) -> Corpus:
    """The corpus stored in the index (no parsing): units, notes, references."""
    state = stored_state(db)
    key = (_db_key(db), state)
    if key in _CACHE:
        return _CACHE[key]
    units: list[Unit] = []
    by_id: dict[str, Unit] = {}
    for row in db.execute("select eid, kind, num, citation, heading, text, parent, line, rows, "
                          "number_given, repealed, history from reg_units order by pos"):
        unit = Unit(row[0], row[1], row[2], row[3], text=row[5] or "", heading=row[4] or "",
                    parent=row[6], line=row[7] or 0,
                    rows=json.loads(row[8]) if row[8] else None, number_given=bool(row[9]),
                    repealed=bool(row[10]), history=json.loads(row[11]) if row[11] else [])
        units.append(unit)
        by_id[unit.eid] = unit
        if unit.parent in by_id:
            by_id[unit.parent].children.append(unit.eid)
    anomalies, entries, skipped = [], [], []
    for cat, kind, num, line, text, reason in db.execute(
            "select category, kind, num, line, text, reason from reg_notes order by rowid"):
        if cat == "anomalia":
            anomalies.append(Skipped(line, text, reason))
        elif cat == "indice":
            entries.append(IndexEntry(kind, num, line, text))
        else:
            skipped.append(Skipped(line, text, reason))
    source = source_path(state.source or None) if state else None
    corpus = Corpus(units, source_name=source.name if source else "", anomalies=anomalies,
                    index_entries=entries, skipped=skipped)
    cols = [c[1] for c in db.conn.execute("PRAGMA table_info(reg_refs)") if c[1] != "id"]
    corpus.refs = RefGraph(Ref(**dict(zip(cols, row, strict=True))) for row in db.execute(
        f"select {', '.join(f'[{c}]' for c in cols)} from reg_refs order by id"))
    if state and state.applied:
        corpus.as_of = date.today()
    _CACHE[key] = corpus
    return corpus


def corpus_for(db, as_of: date) -> Corpus:
    """The corpus in force on ``as_of``: the stored one, or re-applied when it differs."""
    ensure_index(db)
    memo = _warm(db) or {}
    corpus = memo.get(as_of)
    if corpus is not None:
        return corpus
    state = stored_state(db)
    assert state is not None
    if _applied_on(db, as_of) == state.applied:
        corpus = read_corpus(db)
    else:
        from ordina.corpus.loader import corpus_as_of

        corpus = corpus_as_of(as_of, state.source or None)
    memo[as_of] = corpus
    return corpus


def canonical_citations(db) -> frozenset[str]:
    """The citations of every unit of the shipped regulation in force today (building the
    index if needed), without parsing it: what the check registry validates against.

    Empty when the index holds another regulation (``ordina index --source``): the checks
    cite the shipped one.
    """
    ensure_index(db)
    state = stored_state(db)
    if state is None or state.source:
        return frozenset()
    return frozenset(r[0] for r in db.execute("select citation from reg_units"))


def skipped_lines(db) -> list[Skipped]:
    """Lines of the indexed source the parser skipped (index, stray punctuation…)."""
    return [Skipped(r["line"], r["text"], r["reason"]) for r in db.query(
        "select line, text, reason from reg_notes where category = 'saltata' order by line")]


# ---------------------------------------------------------------- search

_DATED: dict[tuple[str, date], object] = {}
_MEMORY: list = []


def memory_index():  # -> ordina.db.Database
    """An in-memory database holding the index of the shipped regulation, built once per
    process: for answers given without a database file."""
    if not _MEMORY:
        from ordina.db import connect

        memory = connect(":memory:")
        ensure_index(memory)
        _MEMORY.append(memory)
    return _MEMORY[0]


def _dated_index(source: str, as_of: date):
    """An in-memory index of the text in force on ``as_of`` (kept for the process)."""
    key = (source, as_of)
    if key not in _DATED:
        from ordina.db import connect

        memory = connect(":memory:")
        build_index(memory, source=source or None, as_of=as_of)
        _DATED[key] = memory
    return _DATED[key]


@dataclass
class Match:
    """One comma (or allegato, table, section) that matched, with its snippet."""

    eid: str
    citation: str
    snippet: str
    highlights: list[tuple[int, int]]
    """Character spans of ``snippet`` to highlight (words whose stem matched)."""
    score: float

    def marked(self, left: str = "«", right: str = "»") -> str:
        """The snippet with ``left``/``right`` around every highlighted phrase: words side by
        side, or with a short word between, are one ("«fasce di merito»")."""
        spans: list[tuple[int, int]] = []
        for a, b in self.highlights:
            if spans and _JOINS.match(self.snippet[spans[-1][1]:a]):
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
        out, pos = [], 0
        for a, b in spans:
            out += [self.snippet[pos:a], left, self.snippet[a:b], right]
            pos = b
        out.append(self.snippet[pos:])
        return "".join(out)


#: What may stand between two highlighted words of one phrase: spaces, one short word.
_JOINS = re.compile(r"^\s+(?:[^\W\d_]{1,3}['’]?\s*)?$")


@dataclass
class Hit:
    """One article (or allegato, section) with the commi that matched, best first."""

    eid: str
    citation: str
    heading: str
    score: float
    """Relevance (higher is better): the best bm25 of its matches, sign flipped."""
    matches: list[Match]
    matched_all: bool = True
    """False when no unit held every word and the search fell back to any word."""

    @property
    def snippet(self) -> str:
        """The best match's snippet, highlights marked with «»."""
        return self.matches[0].marked() if self.matches else ""

    def to_dict(self) -> dict:
        """JSON-ready fields (snippets marked with «»)."""
        return {"id": self.eid, "citation": self.citation, "heading": self.heading,
                "score": round(self.score, 4), "matched_all": self.matched_all,
                "matches": [{"id": m.eid, "citation": m.citation, "snippet": m.marked(),
                             "score": round(m.score, 4)} for m in self.matches]}


def _fts_query(terms: list[tuple[str, ...]], op: str) -> str:
    def quote(s: str) -> str:
        return '"' + s.replace('"', '""') + '"'

    parts = []
    for term in terms:
        alts = [" AND ".join(quote(s) for s in alt.split()) for alt in term]
        parts.append("(" + " OR ".join(f"({a})" for a in alts) + ")")
    return f" {op} ".join(parts)


_TOKENS: dict[str, list[tuple[int, int, str]]] = {}


def _tokens(body: str) -> list[tuple[int, int, str]]:
    """Word spans of ``body`` with their stems, computed once per text (warm search)."""
    found = _TOKENS.get(body)
    if found is None:
        if len(_TOKENS) > 5000:
            _TOKENS.clear()
        found = _TOKENS[body] = [(m.start(), m.end(), stem(m.group())) for m in words(body)]
    return found


def snippet(body: str, stems: set[str], width: int = SNIPPET_CHARS) -> tuple[str, list]:
    """A window of ``body`` around the densest run of matching words, and their spans."""
    body = body.replace("\n", " ")  # one line; same length, so spans stay put
    found = [(a, b) for a, b, s in _tokens(body) if s in stems]
    if "-" in body:  # "parttime" highlights "part-time"
        found += [(m.start(), m.end()) for m in COMPOUND_RE.finditer(body)
                  if stem(m.group(1) + m.group(2)) in stems
                  and not any(a <= m.start() < b for a, b in found)]
        found.sort()
    if len(body) <= width:
        return body, found
    start = 0
    if found:
        best = max(range(len(found)),
                   key=lambda i: sum(1 for a, _ in found[i:] if a < found[i][0] + width))
        start = max(0, found[best][0] - 20)
        space = body.rfind(" ", 0, start)
        start = space + 1 if start and space >= 0 else start
    end = min(len(body), start + width)
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(body) else ""
    shift = len(prefix) - start
    spans = [(a + shift, b + shift) for a, b in found if a >= start and b <= end]
    return prefix + body[start:end] + suffix, spans


def search(db, text: str, limit: int = 10, as_of: date | None = None) -> list[Hit]:
    """Full-text search of the regulation, results grouped by article, best first.

    Every word must match (stemmed, accent-insensitive); when no unit holds them all,
    the search falls back to any word and says so in ``Hit.matched_all``.

    :param as_of: search the text in force on that date (default: today's, the stored
        index; another date with other amendments in force is indexed in memory).
    """
    terms = query_terms(text)
    if not terms or limit <= 0:
        return []
    ensure_index(db)
    if as_of is not None and as_of != date.today():  # today's text is the stored index
        state = stored_state(db)
        if state is not None and _applied_on(db, as_of) != state.applied:
            db = _dated_index(state.source, as_of)
    return _search(db, terms, limit)


def _search(db, terms: list[tuple[str, ...]], limit: int) -> list[Hit]:
    wanted = {s for term in terms for alt in term for s in alt.split()}
    for op in ("AND", "OR"):
        rows = list(db.execute(
            "select s.eid, s.citation, s.group_eid, s.group_citation, s.heading, s.body, "
            f"bm25(reg_search_fts, {HEADING_WEIGHT}, 1.0) as score "
            "from reg_search_fts join reg_search s on s.rowid = reg_search_fts.rowid "
            "where reg_search_fts match ? order by score limit 400",
            [_fts_query(terms, op)]))
        if rows or len(terms) == 1:
            break
    hits: dict[str, Hit] = {}
    for eid, citation, group, group_citation, heading, body, score in rows:
        hit = hits.get(group)
        if hit is None:
            if len(hits) >= limit:
                continue
            hit = hits[group] = Hit(group, group_citation, heading or "", -score, [],
                                    matched_all=op == "AND")
        if len(hit.matches) < MATCHES_PER_HIT:
            snip, spans = snippet(body, wanted)
            hit.matches.append(Match(eid, citation, snip, spans, -score))
    return list(hits.values())
