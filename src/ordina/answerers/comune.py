"""The Comune's own figures a comma's bound may ask for ("nei comuni con popolazione
inferiore a 5.000 abitanti"), read from the database's ``ente`` table."""

from __future__ import annotations

from typing import Any

from ordina.answerers.thresholds import Figure


def comune_figures(db: Any) -> tuple[Figure, ...]:
    """The Comune's population as a figure (``ente.abitanti``); none without a database."""
    if db is None:
        return ()
    from ordina.store import queries as q

    try:
        value = q.ente(db).get("abitanti")
        return (Figure(float(value), "abitanti"),) if value else ()
    except (ValueError, TypeError, LookupError):
        return ()
    except Exception as exc:  # a database without the ente table: no figure
        if type(exc).__name__ == "OperationalError":
            return ()
        raise
