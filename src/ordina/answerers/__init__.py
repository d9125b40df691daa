"""Answerers: each kind of question has one, registered by the intents it answers.

``ordina.ask`` is the one dispatcher. The answerers from the regulation's text live here
(:mod:`.regulation`: article, references, search; :mod:`.lookup`: rule look-ups;
:mod:`.structure`: the regulation's structure), registered in :data:`BUILTIN`; every other
intent goes to :mod:`.engine`, which runs the checks and the database's look-ups. A module
is imported only when its intent is asked, so a cold ``ordina ask`` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from importlib import import_module
from typing import Any

from ordina.answer import Answer
from ordina.query import intents as I
from ordina.query.model import Query


@dataclass
class Env:
    """What an answerer may use: the database (opened on first use), the date, the facts
    given with ``--fact`` and the interviewer that asks missing facts."""

    opener: Any
    as_of: date
    cli_facts: dict[str, Any] = field(default_factory=dict)
    interview: Any = None
    _db: Any = None
    _opened: bool = False

    def db(self) -> Any:
        """The personnel database (sqlite_utils.Database) or None, opened at most once."""
        if not self._opened:
            opener = self.opener
            self._db = opener() if callable(opener) and not hasattr(opener, "conn") else opener
            self._opened = True
        return self._db

    def corpus(self) -> Any:
        """The regulation in force on ``as_of``, from the database's index (or in memory)."""
        from ordina.corpus import load_corpus

        database = self.db()
        if database is None:
            from ordina.corpus.index import memory_index

            database = memory_index()
        return load_corpus(self.as_of, db=database)


Answerer = Callable[[Query, Env], Answer]

#: Intents answered from the regulation's text -> "module:function" of their answerer.
BUILTIN: dict[str, str] = {
    I.ARTICLE: "ordina.answerers.regulation:answer_article",
    I.REFS: "ordina.answerers.regulation:answer_refs",
    I.CITED_BY: "ordina.answerers.regulation:answer_refs",
    I.SEARCH: "ordina.answerers.regulation:answer_search",
    I.LOOKUP: "ordina.answerers.regulation:answer_rule_lookup",
    I.STRUCTURE: "ordina.answerers.regulation:answer_structure_question",
}
#: Every other intent: the checks and the database's look-ups.
ENGINE = "ordina.answerers.engine:answer_with_checks"


def answerer_for(intent: str) -> Answerer:
    """The answerer registered for ``intent``."""
    module, _, name = BUILTIN.get(intent, ENGINE).partition(":")
    return getattr(import_module(module), name)
