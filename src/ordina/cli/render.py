"""Italian text for people and units, shared by ``ordina people`` and ``ordina units``.

Only presentation: every fact comes from ``ordina.store.queries``.
"""

from __future__ import annotations

from datetime import date


def it_date(iso: str | None) -> str:
    """ISO date as 23/11/2026 ('' for None)."""
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def period(valid_from: str | None, valid_to: str | None) -> str:
    """'dal 01/07/2024 al 10/06/2029' with the exclusive end shown as the last day."""
    text = f"dal {it_date(valid_from)}" if valid_from else ""
    if valid_to:
        last = date.fromisoformat(valid_to).toordinal() - 1
        text += f" al {date.fromordinal(last):%d/%m/%Y}"
    return text.strip()


def holding_line(h) -> str:
    """One office held, for lists."""
    where = f", {h.unit_name}" if h.unit_name and h.office not in ("sindaco",) else ""
    role = f" ({h.role})" if h.role else ""
    interim = " ad interim" if h.ad_interim else ""
    act = f" — {h.act}" if h.act else ""
    return f"{h.office_label}{interim}{where}{role}, {period(h.valid_from, h.valid_to)}{act}"
