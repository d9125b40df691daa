"""What the app reads: the regulation, its lint findings, the personnel database.

The corpus is plain Python data, parsed once and shared. The database is SQLite:
every worker thread opens its own connection with :meth:`AppData.connection` and
closes it when done, so no connection crosses threads.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ordina.corpus import Corpus
    from ordina.engine.audit import AuditReport
    from ordina.tui.completion import Entity


class AppData:
    """The sources of the app's tabs for one database and one date."""

    def __init__(self, db_path: str | None, as_of: date, demo: bool = False) -> None:
        self.db_path = db_path
        """The SQLite file (None: the default database)."""
        self.as_of = as_of
        """The date everything is read at."""
        self.demo = demo
        """Fill an empty database with the demo Comune (the default database only)."""
        self.audit: AuditReport | None = None
        """The last audit run (people pages show the findings that concern them)."""
        self._lock = threading.Lock()

    @cached_property
    def corpus(self) -> Corpus:
        """The regulation in force on :attr:`as_of` (parsed once per process)."""
        from ordina.corpus import load_corpus

        return load_corpus(self.as_of)

    @cached_property
    def findings(self) -> dict[str, list[Any]]:
        """``ordina lint`` findings of the regulation, by unit id."""
        from ordina.corpus.lint import lint

        by_eid: dict[str, list[Any]] = {}
        for finding in lint(self.corpus):
            by_eid.setdefault(finding.eid or "", []).append(finding)
        return by_eid

    @contextmanager
    def connection(self) -> Iterator[Any]:
        """A connection owned by the calling thread, closed on exit."""
        from ordina.db import open_database

        # the same checks as the commands: ordina's own file, not newer, read-only if so
        db = open_database(self.db_path, create=self.demo or self.db_path is None)
        try:
            yield db
        finally:
            db.conn.close()

    def prepare(self) -> list[Entity]:
        """Warm the corpus, create the schema (and the demo), and list names to complete.

        Runs in a worker at start-up so the first frame does not wait for it.
        """
        from ordina.store import ensure_demo, ensure_schema
        from ordina.tui.completion import Entity

        corpus = self.corpus
        entities = [Entity(u.citation, f"{u.citation} – {u.heading}", "riferimento")
                    for u in corpus.units.values() if u.kind in ("articolo", "allegato")]
        with self._lock, self.connection() as db:
            ensure_schema(db)
            if self.demo:
                ensure_demo(db)
            entities += [Entity(f"{given} {surname}", kind="persona") for given, surname in
                         db.execute("select given_name, surname from people order by surname")]
            entities += [Entity(name, kind="unità") for (name,) in
                         db.execute("select distinct name from units order by name")]
        _ = corpus.refs, self.findings  # warm the reader's links and flags
        return entities

    def run_audit(self) -> AuditReport:
        """``ordina check --all`` on this database and date (call from a worker thread)."""
        from ordina.engine.audit import run_audit
        from ordina.engine.context import Context

        with self.connection() as db:
            report = run_audit(Context(as_of=self.as_of, db=db))
        self.audit = report
        return report
