"""Numbers, amounts and dates written the Italian way (``€ 9.128,37``, ``70,70``, ``1/6/2026``).

Checks compute with :class:`~decimal.Decimal` and show results with these helpers so that
an answer reads like the regulation's own worked examples.
"""

from __future__ import annotations

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
