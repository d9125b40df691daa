"""The Comune's own figures a comma's bound may ask for ("nei comuni con popolazione
inferiore a 5.000 abitanti"), read from the database's ``ente`` table."""

from __future__ import annotations

from typing import Any

from ordina.answerers.holders import _safely
from ordina.answerers.thresholds import Figure


def comune_figures(db: Any) -> tuple[Figure, ...]:
    """The Comune's population as a figure (``ente.abitanti``); none without a database, or
    on a copy without the ``ente`` table, or with no number there."""
    if db is None:
        return ()
    from ordina.store import queries as q

    value = (_safely(lambda: q.ente(db)) or {}).get("abitanti")
    try:
        return (Figure(float(value), "abitanti"),) if value else ()
    except (TypeError, ValueError):  # "circa 4.200": not a number the bound can weigh
        return ()
