"""Numbers of the regulation kept beside the comma that states them.

Every cap, threshold and term a check uses is a :class:`Norma`: the value, the
canonical citation and the words of the comma that state it. The test suite
resolves each citation in the corpus and looks for the words in the cited text,
so a number can never drift from its source without a failing test::

    SOGLIA_CORTE_CONTI = Norma(Decimal("5000"), "art. 72 c. 4", "superiore a 5.000 euro")
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType, ModuleType
from typing import Any, Generic, TypeVar

T = TypeVar("T")

#: Values read from another text of the regulation (a recheck, a proposed amendment), by
#: ``(cite, quote)``; empty in normal use, so every Norma is its own value.
_NONE: Mapping[tuple[str, str], Any] = MappingProxyType({})
_IN_FORCE: ContextVar[Mapping[tuple[str, str], Any]] = ContextVar("norme_in_vigore",
                                                                  default=_NONE)


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

    @property
    def in_force(self) -> T:
        """The value under the text being examined: :attr:`value` unless
        :func:`values_in_force` set another (``ordina receipt --recheck``,
        ``ordina register impact``)."""
        return _IN_FORCE.get().get((self.cite, self.quote), self.value)


@contextmanager
def values_in_force(values: Mapping[tuple[str, str], Any]) -> Iterator[None]:
    """Within the block, each Norma keyed ``(cite, quote)`` in ``values`` is that value."""
    token = _IN_FORCE.set(MappingProxyType(dict(values)))
    try:
        yield
    finally:
        _IN_FORCE.reset(token)


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
