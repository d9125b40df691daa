"""Reading and writing single spreadsheet cells by column kind.

A cell arrives as text (CSV) or as a typed value (XLSX: numbers, dates, booleans).
:func:`read_cell` turns either into the database value or raises
:class:`~ordina.store.text.ValueProblem`; :func:`write_cell` does the reverse for the
exporter, so that reading what was written gives back the same value.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from ordina.limits import DATE_MAX, DATE_MIN, OPEN_ENDED, amount_ok, date_in_range
from ordina.store import categories
from ordina.store.tables import Column
from ordina.store.text import (
    ValueProblem,
    fold,
    parse_amount_cents,
    parse_bool,
    parse_date,
    parse_number,
)
from ordina.store.vocab import EVALUATION_SCHEMES, GRADING_SUBPARAMETERS, Term

_REFERENCES = ("unit", "person", "post")


def is_blank(value: Any) -> bool:
    """Whether a cell is empty."""
    return value is None or (isinstance(value, str) and not value.strip())


_TWO_DIGIT_YEAR = re.compile(r"\s*\d{1,2}[/.\-]\d{1,2}[/.\-](\d{2})\s*")


def _as_date(value: Any) -> date:
    """The date of a cell; a two-digit year is refused (the century cannot be known:
    "15/07/68" is a birth in 1968 but a deadline in 2068)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value)
    two = _TWO_DIGIT_YEAR.fullmatch(text)
    if two:
        raise ValueProblem(
            f"anno a due cifre in '{text.strip()}': non si può sapere il secolo (19{two[1]} "
            f"o 20{two[1]}?); scrivi l'anno per intero, es. {text.strip()[:-2]}19{two[1]}")
    return parse_date(text)


def _in_range(day: date, value: Any) -> date:
    if not date_in_range(day):
        raise ValueProblem(f"data fuori intervallo '{value}': ordina accetta date dal "
                           f"{DATE_MIN:%d/%m/%Y} al {DATE_MAX:%d/%m/%Y} (per una fine "
                           f"indeterminata lascia la cella vuota o scrivi "
                           f"{OPEN_ENDED:%d/%m/%Y})")
    return day


def _finite(number: float, value: Any) -> float:
    """``number`` when it is a real number below :data:`~ordina.limits.AMOUNT_MAX`."""
    if not amount_ok(number):
        raise ValueProblem(f"numero non accettato '{value}': serve un numero finito sotto "
                           "1.000.000.000.000")
    return number


_LOOKUPS: dict[int, dict[str, str]] = {}


def _lookup(choices: dict[str, Term]) -> dict[str, str]:
    """Folded code and label -> code, built once per vocabulary."""
    table = _LOOKUPS.get(id(choices))
    if table is None:
        table = {}
        for code, term in choices.items():
            table.setdefault(fold(term.label).replace(" ", "_"), code)
        for code in choices:
            table[fold(code)] = code
        _LOOKUPS[id(choices)] = table
    return table


def _vocab_code(value: str, choices: dict[str, Term]) -> str:
    code = _lookup(choices).get(fold(value).replace(" ", "_"))
    if code is not None:
        return code
    shown = ", ".join(choices)
    raise ValueProblem(f"valore '{value}' non ammesso: usa uno tra {shown}")


def read_cell(col: Column, value: Any) -> Any:
    """The database value of one non-blank cell of column ``col``.

    References (unit, person, post) stay as codes: the importer resolves them.
    """
    kind = col.kind
    if kind in ("date", "end"):
        day = _as_date(value)
        if kind == "end" and day == OPEN_ENDED:
            return None  # 31/12/9999, the usual HR "no end"
        _in_range(day, value)
        return (day + timedelta(days=1)).isoformat() if kind == "end" else day.isoformat()
    if kind == "amount":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            _finite(value, value)
            if value < 0:
                raise ValueProblem(f"importo negativo '{value}'")
            return int((Decimal(str(value)) * 100).to_integral_value())
        cents = parse_amount_cents(str(value))
        _finite(Decimal(cents) / 100, value)
        return cents
    if kind == "bool":
        return value if isinstance(value, bool) else parse_bool(str(value))
    if kind == "pct":  # HR suites write shares as decimals: 83,33
        number = value if isinstance(value, (int, float)) else parse_number(
            str(value).replace("%", "").strip())
        if not 1 <= float(number) <= 100:
            raise ValueProblem(f"percentuale {value} fuori dall'intervallo 1-100")
        number = round(float(number), 2)
        return int(number) if number.is_integer() else number
    if kind in ("int", "pct"):
        number = value if isinstance(value, (int, float)) else parse_number(str(value))
        _finite(number, value)
        if float(number) != int(number):
            raise ValueProblem(f"serve un numero intero, non '{value}'")
        number = int(number)
        if kind == "pct" and not 1 <= number <= 100:
            raise ValueProblem(f"percentuale {number} fuori dall'intervallo 1-100")
        if number < 0:
            raise ValueProblem(f"numero negativo '{value}'")
        return number
    if kind == "number":
        number = float(value) if isinstance(value, (int, float)) else parse_number(str(value))
        _finite(number, value)
        if number < 0:
            raise ValueProblem(f"numero negativo '{value}'")
        return number
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if kind == "vocab":
        assert col.choices is not None
        return _vocab_code(text, col.choices)
    if kind == "category":
        code = categories.parse_category(text)
        if code is None:
            raise ValueProblem(f"categoria sconosciuta '{text}': usa A, B1, B3, C, D1, D3, DIR, "
                               "SEG o un'area CCNL 2022 (Operatori, Istruttori, ...)")
        return code
    if kind == "scheme":
        for code in EVALUATION_SCHEMES:
            if fold(code) == fold(text).replace("all. ", "").replace("allegato ", ""):
                return code
        raise ValueProblem(f"scheda '{text}' sconosciuta: usa {', '.join(EVALUATION_SCHEMES)}")
    if kind == "subparameter":
        code = text.upper()
        if code not in GRADING_SUBPARAMETERS:
            raise ValueProblem(f"sottoparametro '{text}' sconosciuto: usa "
                               f"{', '.join(GRADING_SUBPARAMETERS)} (allegato D)")
        return code
    return text


def write_cell(col: Column, value: Any, xlsx: bool = False) -> Any:
    """The exported form of a database value (text for CSV, typed for XLSX)."""
    if value is None:
        return None if xlsx else ""
    kind = col.kind
    if kind in ("date", "end"):
        day = date.fromisoformat(value)
        if kind == "end":
            day -= timedelta(days=1)
        return datetime(day.year, day.month, day.day) if xlsx else day.strftime("%d/%m/%Y")
    if kind == "amount":
        if xlsx:
            return float(Decimal(value) / 100)
        whole, cents = divmod(int(value), 100)
        return f"{whole:,}".replace(",", ".") + f",{cents:02d}"
    if kind == "bool":
        return bool(value) if xlsx else ("sì" if value else "no")
    if kind == "number":
        if xlsx:
            return float(value)
        text = f"{float(value):.4f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    if kind == "pct" and not float(value).is_integer():
        return float(value) if xlsx else f"{float(value):.2f}".rstrip("0").replace(".", ",")
    if kind in ("int", "pct"):
        return int(value) if xlsx else str(int(value))
    return value if xlsx else str(value)
