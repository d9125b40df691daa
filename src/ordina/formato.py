"""Numbers, amounts and dates written the Italian way (``€ 9.128,37``, ``70,70``, ``1/6/2026``).

Checks compute with :class:`~decimal.Decimal` and show results with these helpers so that
an answer reads like the regulation's own worked examples.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal

CENT = Decimal("0.01")

GIORNI_SETTIMANA = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
MESI = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
        "settembre", "ottobre", "novembre", "dicembre")


def arrotonda(value: Decimal, places: int = 2) -> Decimal:
    """Round half up (the accounting rule: 9.128,374 -> 9.128,37; 0,005 -> 0,01).

    Any finite value rounds, however many digits (the precision grows to fit); ``inf``
    and ``NaN`` stay as they are, since no rounding gives them digits.
    """
    if not value.is_finite():
        return value
    digits = max(value.adjusted(), 0) + places + 2
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP,
                          context=Context(prec=max(digits, 28)))


def numero(value: Decimal | float, places: int = 2) -> str:
    """``70,70``; ``12.911,42``; ``places=0`` gives ``11``. Dots group thousands."""
    rounded = arrotonda(Decimal(str(value)), places)
    if not rounded.is_finite():
        return "non numerico"
    sign = "-" if rounded < 0 else ""
    text = f"{abs(rounded):,.{places}f}"
    return sign + text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def euro(value: Decimal | float) -> str:
    """``€ 9.128,37``."""
    return f"€ {numero(value, 2)}"


def punti(value: Decimal | float) -> str:
    """Points without useless decimals: ``75``, ``75,5``, ``70,75``."""
    dec = Decimal(str(value))
    if dec == dec.to_integral_value():
        return numero(dec, 0)
    text = numero(dec, 2)
    return text.rstrip("0") if text.endswith("0") else text


def euro_cents(cents: int | None) -> str:
    """Whole cents (as the database stores them) as ``€ 1.500,00``; ``—`` when unknown."""
    return "—" if cents is None else euro(Decimal(cents) / 100)


class DateProblem(ValueError):
    """A date that cannot be read; the message says which forms are accepted."""


_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_ITALIAN = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")


def parse_date(text: str) -> date:
    """The one reader of dates typed by people and spreadsheets: ``12/03/2026``,
    ``12.3.2026``, ``12-03-26``, ``2026-03-12``.

    :raises DateProblem: for impossible dates (31/02/2026) or unknown forms.
    """
    raw = str(text).strip()
    found = _ISO.fullmatch(raw)
    if found:
        year, month, day = (int(g) for g in found.groups())
    else:
        found = _ITALIAN.fullmatch(raw)
        if not found:
            raise DateProblem(f"data non valida: '{text}'; usa GG/MM/AAAA (12/03/2026) o "
                              "AAAA-MM-GG (2026-03-12)")
        day, month, year = (int(g) for g in found.groups())
        if len(found.group(3)) == 2:
            year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        raise DateProblem(f"data impossibile: '{text}'; usa GG/MM/AAAA (12/03/2026) o "
                          "AAAA-MM-GG (2026-03-12)") from None


def it_date(iso: str | None) -> str:
    """An ISO date as ``23/11/2026`` ('' for None)."""
    return data(date.fromisoformat(iso)) if iso else ""


def ultimo_giorno(valid_to: str) -> date:
    """The last day of a period ``[valid_from, valid_to)``: the day before ``valid_to``."""
    return date.fromordinal(date.fromisoformat(valid_to).toordinal() - 1)


def period(valid_from: str | None, valid_to: str | None) -> str:
    """``dal 01/07/2024 al 10/06/2029``, the exclusive end shown as the last day."""
    text = f"dal {it_date(valid_from)}" if valid_from else ""
    if valid_to:
        text += f" al {data(ultimo_giorno(valid_to))}"
    return text.strip()


def data(value: date) -> str:
    """``22/05/2026``."""
    return value.strftime("%d/%m/%Y")


def data_lunga(value: date) -> str:
    """``venerdì 22 maggio 2026``."""
    return f"{GIORNI_SETTIMANA[value.weekday()]} {value.day} {MESI[value.month - 1]} {value.year}"


#: Shares the regulation writes in words (art. 88 c. 3: «un quinto»).
FRAZIONI: dict[int, str] = {2: "la metà", 3: "un terzo", 4: "un quarto", 5: "un quinto",
                            6: "un sesto", 7: "un settimo", 8: "un ottavo", 9: "un nono",
                            10: "un decimo"}


def frazione(value: Decimal) -> str:
    """``un quinto`` for 1/5; other shares as a percentage (``il 22,5%``)."""
    for den, words in FRAZIONI.items():
        if abs(Decimal(1) / den - value) < Decimal("1e-9"):
            return words
    return f"il {numero(value * 100, 2).removesuffix(',00')}%"
