"""What a question is answered against: date, database, corpus, plugins, stated facts.

Also the two other things plugins contribute beside checks: :class:`Subject`
(a person, office, assignment or contract the audit examines, with its facts) and
:class:`Lookup` (a who-question answered from the database: who is competent,
who substitutes whom).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ordina.answer import Missing
from ordina.engine.provenance import FactSet

if TYPE_CHECKING:
    import sqlite_utils

    from ordina.corpus import Corpus
    from ordina.engine.check import Outcome
    from ordina.engine.registry import Registry


@dataclass
class Subject:
    """Someone or something a check is about.

    :param kind: one of ``persona``, ``ufficio``, ``incarico``, ``contratto``, ``ente``.
    :param key: its id in the database (``employees.id`` and the like).
    :param label: how a report names it (``Mario Rossi (matr. 102)``).
    :param facts: facts about it already known (loaded in bulk by the audit).
    :param tags: finer kinds a check can audit alone (``ufficio:responsabile_area``).
    :param person: the person it concerns (``people.id``), when it concerns one: lets the
        audit answer "incompatibilità di Verdi" with Verdi's subjects only.
    :param unit: the unit it belongs to, when it is not simply its person's.
    """

    kind: str
    key: Any
    label: str
    facts: FactSet = field(default_factory=FactSet)
    tags: tuple[str, ...] = ()
    person: int | None = None
    unit: int | None = None
    """The unit it belongs to (``units.id``), when not the person's own: files the finding
    under its Area and lets ``check --unit`` select it."""


Interviewer = Callable[[Missing], Any]
"""Asks the user one missing fact; returns the value, or None to stop asking."""


@dataclass
class Context:
    """Everything an answer depends on besides the question.

    :param as_of: the date the database is read at.
    :param db: the personnel database, or None for hypothetical questions only.
    :param stated: facts from ``--fact NAME=VALUE`` (source ``opzione``).
    :param interview: asks missing facts one by one (the CLI's ``--interview``).
    :param registry: the loaded checks; built from the default plugins when None.
    :param person: restrict the audit subjects to this person (``people.id``): plugins
        building subjects in bulk may skip everyone else, and the audit keeps only the
        subjects whose ``person`` it is.
    """

    as_of: date = field(default_factory=date.today)
    db: sqlite_utils.Database | None = None
    stated: Mapping[str, Any] = field(default_factory=dict)
    interview: Interviewer | None = None
    registry: Registry | None = None
    person: int | None = None
    question: str = ""
    """The user's words, when answering a question: a plugin may check a row against them
    (the higher-duties row of the colleague the question names)."""

    @cached_property
    def corpus(self) -> Corpus:
        """The indexed regulation (parsed once per process)."""
        from ordina.corpus import load_corpus

        return load_corpus()

    def checks(self) -> Registry:
        """The registry, loading the default plugins on first use."""
        if self.registry is None:
            from ordina.engine.registry import default_registry

            self.registry = default_registry(self.db)
        return self.registry


@dataclass(frozen=True)
class Lookup:
    """A who-question answered from the database, declared like a check.

    :param id: dotted id (``competenze.ferie``).
    :param title: Italian title.
    :param citations: canonical citations it implements (validated at load).
    :param intents: query intents it answers.
    :param run: ``(query, ctx) -> Outcome``; reads the database as of ``ctx.as_of``.
    :param topics: the words of the question it answers (``ferie``, ``missioni``), if any.
    :param kind: the ``Answer.kind`` of its answers: ``lookup`` (who is who), ``calculation``.
    """

    id: str
    title: str
    citations: tuple[str, ...]
    intents: tuple[str, ...]
    run: Callable[[Any, Context], Outcome]
    topics: tuple[str, ...] = ()
    kind: str = "lookup"
