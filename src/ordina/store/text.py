"""Text and value parsing shared by the importer and the queries.

Spreadsheets from personnel offices mix Italian and ISO dates, Italian and English
number formats, accents and none; these functions accept all of them and reject
anything ambiguous with a message saying which forms are accepted.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from ordina.formato import DateProblem, euro_cents
from ordina.formato import parse_date as _parse_date
from ordina.textfold import fold


class ValueProblem(ValueError):
    """A cell that cannot be read; the message is Italian and says what is accepted."""


def parse_date(text: str) -> date:
    """Read a date written as 2026-03-12, 12/03/2026, 12.3.2026 or 12-03-26
    (:func:`ordina.formato.parse_date`).

    :raises ValueProblem: for impossible dates (31/02/2026) or unknown forms.
    """
    try:
        return _parse_date(text)
    except DateProblem as exc:
        raise ValueProblem(str(exc)) from None


_AMOUNT_CLEAN = re.compile(r"[€\s]|eur(o)?", re.IGNORECASE)


def parse_amount_cents(text: str) -> int:
    """Read an amount in euro and return integer cents.

    Accepts "1.500,00", "1500,00", "1500.00", "1500", "€ 1.500", "1,500.00". A single
    separator followed by exactly three digits ("1.500") is a thousands separator.

    :raises ValueProblem: when the text is not an amount or is negative.
    """
    raw = _AMOUNT_CLEAN.sub("", text.strip())
    if not raw or not re.fullmatch(r"-?[\d.,]+", raw):
        raise ValueProblem(f"importo non leggibile '{text}': usa 1.500,00 oppure 1500.00")
    if "," in raw and "." in raw:
        decimal_sep = "," if raw.rfind(",") > raw.rfind(".") else "."
    elif "," in raw:
        decimal_sep = "," if not re.fullmatch(r"-?\d{1,3}(,\d{3})+", raw) else ""
    elif "." in raw:
        decimal_sep = "." if not re.fullmatch(r"-?\d{1,3}(\.\d{3})+", raw) else ""
    else:
        decimal_sep = ""
    whole, _, fraction = raw.partition(decimal_sep) if decimal_sep else (raw, "", "")
    if decimal_sep and (decimal_sep in fraction or not fraction.isdigit()):
        raise ValueProblem(f"importo non leggibile '{text}': usa 1.500,00 oppure 1500.00")
    group = ({",", "."} - {decimal_sep}) & set(whole)
    if len(group) > 1 or (group and not re.fullmatch(
            rf"-?\d{{1,3}}(\{group.pop()}\d{{3}})+", whole)):
        raise ValueProblem(f"importo non leggibile '{text}': separatore delle migliaia fuori "
                           "posto; usa 1.500,00 oppure 1500.00")
    body = whole.replace(",", "").replace(".", "") + (f".{fraction}" if decimal_sep else "")
    try:
        value = Decimal(body)
    except InvalidOperation:
        raise ValueProblem(f"importo non leggibile '{text}'") from None
    if value < 0:
        raise ValueProblem(f"importo negativo '{text}'")
    cents = value * 100
    if cents != cents.to_integral_value():
        raise ValueProblem(f"importo con più di due decimali '{text}'")
    return int(cents)


def format_cents(cents: int | None) -> str:
    """Cents as the exported form "1500.00" (machine-readable, lossless)."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def euro(cents: int | None) -> str:
    """Cents as Italian text for people: "€ 1.500,00" ("—" for unknown)."""
    return euro_cents(cents)


_TRUE = {"si", "sì", "s", "yes", "y", "true", "vero", "1", "x"}
_FALSE = {"no", "n", "false", "falso", "0"}


def parse_bool(text: str) -> bool:
    """Read sì/no (also 1/0, vero/falso, yes/no).

    :raises ValueProblem: for anything else.
    """
    key = fold(text)
    if key in _TRUE or key == "si":
        return True
    if key in _FALSE:
        return False
    raise ValueProblem(f"valore '{text}' non valido: scrivi sì o no")


def parse_number(text: str) -> float:
    """Read a number written the Italian or the English way ("72,5" or "72.5")."""
    raw = text.strip().replace(" ", "")
    if raw.count(",") == 1 and "." not in raw:
        raw = raw.replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        raise ValueProblem(f"numero non leggibile '{text}'") from None
