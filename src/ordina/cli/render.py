"""Italian text for people and units, shared by ``ordina people`` and ``ordina units``.

The helpers live below the CLI (``ordina.formato``, ``ordina.store.describe``) so the app
uses the same ones; this module keeps their CLI names.
"""

from __future__ import annotations

from ordina.formato import it_date, period
from ordina.store.describe import holding_line

__all__ = ["holding_line", "it_date", "period"]
