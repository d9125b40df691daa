"""The personnel database: organisation, people, offices and facts over time.

Public entry points (see ``queries`` for the as-of look-ups the checks call)::

    from ordina.store import ensure_schema, ensure_demo, queries
"""

from __future__ import annotations

from ordina.store.demo import REFERENCE_DATE, ensure_demo
from ordina.store.queries import PersonalDataMissing, has_personal_data
from ordina.store.schema import SCHEMA_VERSION, ensure_schema, is_public

__all__ = [
    "REFERENCE_DATE", "SCHEMA_VERSION", "PersonalDataMissing", "ensure_demo", "ensure_schema",
    "has_personal_data", "is_public",
]
