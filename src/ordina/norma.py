"""Numbers of the regulation kept beside the comma that states them.

Every cap, threshold and term a check uses is a :class:`Norma`: the value, the
canonical citation and the words of the comma that state it. The test suite
resolves each citation in the corpus and looks for the words in the cited text,
so a number can never drift from its source without a failing test::

    SOGLIA_CORTE_CONTI = Norma(Decimal("5000"), "art. 72 c. 4", "superiore a 5.000 euro")
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import ModuleType
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Norma(Generic[T]):
    """A value of the regulation with its citation and the words that state it.

    :param value: the number (Decimal for money and points, int for days and counts).
    :param cite: canonical citation of the unit that states it (``art. 88 c. 6``).
    :param quote: words of that unit stating the value, as written (spacing aside).
    """

    value: T
    cite: str
    quote: str

    def __str__(self) -> str:
        return f"{self.value} ({self.cite})"


def norme_of(module: ModuleType | Any) -> dict[str, Norma[Any]]:
    """Every :class:`Norma` constant defined at the top level of ``module``, by name."""
    return {name: value for name, value in vars(module).items() if isinstance(value, Norma)}


def decimale(value: Any) -> Decimal:
    """A fact's number as a Decimal, exactly as typed (floats go through their text form)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("un valore sì/no non è un numero")
    return Decimal(str(value))
