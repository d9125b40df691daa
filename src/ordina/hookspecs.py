"""The plugin API of ordina: the hooks a check plugin may implement.

A plugin is a module (or object) with functions decorated by :data:`hookimpl`
and named like the specs below. The built-in checks in ``checks/`` are plugins;
third parties register theirs under the entry-point group ``ordina``; a Comune
points ``ordina`` at a folder of its own with ``--checks DIR`` or
``ORDINA_CHECKS_DIR``. Example::

    from ordina.hookspecs import hookimpl
    from ordina.engine import Check, F, Rule, Rules

    @hookimpl
    def ordina_checks():
        return [Check(id="mio.volontariato", title="Volontariato", citations=("art. 89",),
                      intents=("external_assignment",), facts=("paid",),
                      evaluate=Rules([Rule("gratis", "art. 89 c. 1 trattino 1",
                                           F("paid") == False, "comunicazione",
                                           "L'attività gratuita richiede solo la comunicazione.")]))]
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from ordina.engine.check import Check
    from ordina.engine.context import Context, Lookup, Subject
    from ordina.engine.offices import Chain
    from ordina.engine.provenance import FactValue

PROJECT = "ordina"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def ordina_checks() -> list[Check]:
    """The checks this plugin contributes (collected from every plugin)."""


@hookspec
def ordina_lookups() -> list[Lookup]:
    """Who-questions this plugin answers from the database: competence, substitution."""


@hookspec
def ordina_fact_definitions() -> list[Any]:
    """Facts this plugin adds to the vocabulary (objects with name, type, values, question)."""


@hookspec
def ordina_subject_facts(ctx: Context, subject: Subject) -> list[FactValue] | None:
    """Facts about one subject (a person, office, assignment) as of ``ctx.as_of``."""


@hookspec
def ordina_audit_subjects(ctx: Context) -> Iterable[Subject] | None:
    """Every subject ``ordina check --all`` must examine, with its facts loaded in bulk."""


@hookspec(firstresult=True)
def ordina_substitute(ctx: Context, person_id: int, on: date) -> Chain | None:
    """Who stands in for ``person_id`` on ``on``, following the chain when substitutes are absent."""
