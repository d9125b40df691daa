"""The personnel database: organisation, people, offices and facts over time.

Public entry points (see ``queries`` for the as-of look-ups the checks call)::

    from ordina.store import ensure_schema, ensure_demo, queries

Only the schema check is imported eagerly: ``ordina ask`` calls :func:`ensure_demo` on
every run, and the demo data and the queries load only when used.
"""

from __future__ import annotations

from typing import Any

from ordina.store.schema import SCHEMA_VERSION, ensure_schema, has_personnel, is_public

__all__ = [
    "REFERENCE_DATE", "SCHEMA_VERSION", "PersonalDataMissing", "ensure_demo", "ensure_schema",
    "has_personal_data", "is_public",
]


def ensure_demo(db) -> bool:
    """Create the demo Comune when the database has no organisation data yet.

    Cheap when already done (one indexed query, the demo module is not even imported).

    :returns: True when the demo was created now.
    """
    ensure_schema(db)
    if has_personnel(db):
        return False
    from ordina.store.demo import ensure_demo as create

    return create(db)


def __getattr__(name: str) -> Any:
    if name == "REFERENCE_DATE":
        from ordina.store.demo import REFERENCE_DATE

        return REFERENCE_DATE
    if name in ("PersonalDataMissing", "has_personal_data"):
        from ordina.store import queries

        return getattr(queries, name)
    if name == "queries":
        import importlib

        return importlib.import_module("ordina.store.queries")
    raise AttributeError(f"module 'ordina.store' has no attribute {name!r}")
