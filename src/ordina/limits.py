"""The ranges ordina computes in, one home for each bound.

Outside them a value is a typo or a hostile input, never a real fact of a Comune: a date
in year 9999 makes ``date + timedelta`` overflow, a 35-digit amount cannot be rounded to
the cent, ``inf`` and ``NaN`` are no amount at all. Inputs are checked against these
bounds where they enter (``--as-of``, ``--fact``, questions, imports), so the engine never
meets them.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from ordina.errors import UserError

#: The earliest date ordina accepts (birth dates of the oldest staff, acts of the 1900s).
DATE_MIN = date(1900, 1, 1)
#: The latest: far enough for any deadline or contract, far from ``date.max``.
DATE_MAX = date(2199, 12, 31)
#: The usual HR "open-ended" end date: an end on this day means no end.
OPEN_ENDED = date(9999, 12, 31)
#: Amounts (euro) at or above this are refused: no salary or budget line comes close.
AMOUNT_MAX = Decimal(10) ** 12


def date_in_range(day: date) -> bool:
    """Whether ``day`` lies in ``[DATE_MIN, DATE_MAX]``."""
    return DATE_MIN <= day <= DATE_MAX


def check_date(day: date, text: str | None = None) -> date:
    """``day`` itself, or a :class:`UserError` naming the accepted range."""
    if not date_in_range(day):
        shown = text if text is not None else day.isoformat()
        raise UserError(f"data fuori intervallo: '{shown}'; ordina accetta date dal "
                        f"{DATE_MIN:%d/%m/%Y} al {DATE_MAX:%d/%m/%Y}")
    return day


def add_days(day: date, days: float) -> date:
    """``day + days``, held inside ``[DATE_MIN, DATE_MAX]`` (a window "entro 99999999
    giorni" ends on the last date ordina knows, not in an overflow)."""
    try:
        result = day + timedelta(days=days)
    except (OverflowError, ValueError):
        return DATE_MAX if days > 0 else DATE_MIN
    return min(max(result, DATE_MIN), DATE_MAX)


def amount_ok(value: Decimal | float) -> bool:
    """Whether ``value`` is a finite amount below :data:`AMOUNT_MAX` in absolute value."""
    try:
        dec = value if isinstance(value, Decimal) else Decimal(str(value))
        return dec.is_finite() and abs(dec) < AMOUNT_MAX
    except (InvalidOperation, ValueError, TypeError):
        return False


def check_amount(value: Decimal, text: str) -> Decimal:
    """``value`` itself, or a :class:`UserError` saying why it is no amount."""
    if not amount_ok(value):
        raise UserError(f"numero non accettato: '{text}'; usa un importo finito sotto "
                        f"{AMOUNT_MAX:,.0f}".replace(",", "."))
    return value
