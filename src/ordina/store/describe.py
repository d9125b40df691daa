"""Store records in Italian words, for the command line and the app alike.

Below both: ``ordina people``/``units`` and the app's people pages read the same lines.
"""

from __future__ import annotations

from typing import Any

from ordina.formato import period


def holding_line(h: Any) -> str:
    """One office held (an ``OfficeHolding``), for lists."""
    where = f", {h.unit_name}" if h.unit_name and h.office not in ("sindaco",) else ""
    role = f" ({h.role})" if h.role else ""
    interim = " ad interim" if h.ad_interim else ""
    act = f" — {h.act}" if h.act else ""
    return f"{h.office_label}{interim}{where}{role}, {period(h.valid_from, h.valid_to)}{act}"
