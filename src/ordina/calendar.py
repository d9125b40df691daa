"""The Italian calendar of deadlines: public holidays, the patron saint, art. 2963 c.c.

Terms are computed as the civil code computes them (art. 2963 c.c., applied to
administrative terms as art. 155 c.p.c. does to procedural ones):

* the day the term starts from is not counted (c. 2): 30 days from 1 March end on 31 March;
* a term in months ends on the same day of the final month, or on its last day
  when that day does not exist (c. 4-5): one month from 31 January ends on 28/29 February;
* a term ending on a holiday moves by right to the next day that is not a holiday (c. 3).

Holidays are Sundays, the national public holidays (from the ``holidays`` package)
and the Comune's patron saint. Saturday is a working day for administrative terms.
The patron saint is configured with ``ORDINA_PATRONO``: a day (``22/05 Santa Giulia``)
or the code of a province whose chief town's patron the ``holidays`` package knows (``LI``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ordina.answer import TraceStep
from ordina.errors import UserError
from ordina.formato import data_lunga
from ordina.limits import DATE_MAX, check_date

ENV_PATRONO = "ORDINA_PATRONO"

#: The civil-code rule, quoted in every trace that shifts a deadline.
ART_2963 = ("per l'art. 2963 c. 3 c.c. il termine che scade in giorno festivo è prorogato di "
            "diritto al giorno seguente non festivo")


@dataclass(frozen=True)
class Patrono:
    """The patron saint's day of the Comune: a local holiday every year."""

    giorno: int
    mese: int
    nome: str = "festa del santo patrono"

    def __post_init__(self) -> None:
        try:
            date(2024, self.mese, self.giorno)  # 2024 is a leap year: 29/02 is allowed
        except ValueError:
            raise UserError(f"giorno del patrono non valido: {self.giorno}/{self.mese}; "
                            "usa GG/MM, per esempio 22/05") from None


_DAY = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*(.*)$")


def parse_patrono(text: str) -> Patrono | str:
    """``"22/05 Santa Giulia"`` -> a :class:`Patrono`; ``"LI"`` -> the province code.

    :raises UserError: when the text is neither a day nor a known province or city.
    """
    match = _DAY.match(text)
    if match:
        day, month, name = match.groups()
        return Patrono(int(day), int(month), name.strip() or "festa del santo patrono")
    code = text.strip()
    if code.upper() in _subdivisions():
        return code.upper()
    for sub in _subdivisions():
        if sub.casefold() == code.casefold():
            return sub
    raise UserError(f"patrono non riconosciuto: '{text}'; indica il giorno (22/05 Santa Giulia) "
                    "o la sigla della provincia del capoluogo (LI)")


@lru_cache(maxsize=1)
def _subdivisions() -> tuple[str, ...]:
    import holidays

    italy = holidays.country_holidays("IT")
    aliases = tuple(getattr(type(italy), "subdivisions_aliases", {}) or {})
    return tuple(type(italy).subdivisions) + aliases


@lru_cache(maxsize=64)
def _national(year: int, subdiv: str | None) -> dict[date, str]:
    """National holidays of ``year`` (plus a chief town's patron when ``subdiv`` is given)."""
    import holidays

    found = holidays.country_holidays("IT", years=year, subdiv=subdiv, language="it_IT")
    return {day: name for day, name in sorted(found.items())}


@dataclass(frozen=True)
class Scadenza:
    """A computed deadline, with the days it was moved over and why.

    :param nominale: where the term ends on the plain calendar.
    :param effettiva: where it really ends, after moving past holidays.
    :param rinvii: each holiday it moved over, with its name.
    :param inizio: the day the term runs from (None for a fixed date such as 31 May).
    :param durata: the term's length in words (``30 giorni``), empty for a fixed date.
    """

    nominale: date
    effettiva: date
    rinvii: tuple[tuple[date, str], ...] = ()
    inizio: date | None = None
    durata: str = ""

    @property
    def spostata(self) -> bool:
        """True when a holiday moved the deadline."""
        return self.effettiva != self.nominale

    def passi(self, cosa: str, cite: str | None = None) -> list[TraceStep]:
        """Italian trace steps: how the term was counted and where it ends.

        :param cosa: what the deadline is for (``la risposta alla richiesta``).
        :param cite: the comma that sets the term.
        """
        steps: list[TraceStep] = []
        if self.inizio is not None:
            steps.append(TraceStep(
                f"Il termine di {self.durata} per {cosa} decorre da {data_lunga(self.inizio)}: "
                "il giorno iniziale non si conta (art. 2963 c. 2 c.c.), quindi scade "
                f"{data_lunga(self.nominale)}.", cite))
        else:
            steps.append(TraceStep(f"Il termine per {cosa} è {data_lunga(self.nominale)}.", cite))
        if self.spostata:
            feste = "; ".join(f"{data_lunga(d)}: {n}" for d, n in self.rinvii)
            steps.append(TraceStep(
                f"Quel giorno è festivo ({feste}): {ART_2963}, quindi la scadenza è "
                f"{data_lunga(self.effettiva)}."))
        else:
            steps.append(TraceStep(
                f"{data_lunga(self.nominale).capitalize()} non è festivo (il sabato è "
                "lavorativo): la scadenza resta quella."))
        return steps

    def to_json(self) -> dict[str, Any]:
        """Dates in ISO form, for ``--json`` and the app."""
        return {"inizio": self.inizio.isoformat() if self.inizio else None,
                "durata": self.durata, "nominale": self.nominale.isoformat(),
                "effettiva": self.effettiva.isoformat(),
                "rinvii": [{"data": d.isoformat(), "festa": n} for d, n in self.rinvii]}


@dataclass
class Calendario:
    """Holidays of one Comune and the deadlines computed on them.

    :param patrono: the patron saint's day, or a province/city code known to ``holidays``.
    """

    patrono: Patrono | str | None = None
    _cache: dict[date, str | None] = field(default_factory=dict, repr=False)

    @classmethod
    def da_ambiente(cls, patrono: str | None = None) -> Calendario:
        """The calendar configured by ``patrono`` or, when None, by ``ORDINA_PATRONO``."""
        text = patrono if patrono is not None else os.environ.get(ENV_PATRONO, "")
        return cls(parse_patrono(text) if text.strip() else None)

    def festa(self, day: date) -> str | None:
        """Why ``day`` is a holiday (``domenica``, ``Natale``, ``Santa Giulia``), or None."""
        if day in self._cache:
            return self._cache[day]
        names: list[str] = []
        subdiv = self.patrono if isinstance(self.patrono, str) else None
        national = _national(day.year, subdiv).get(day)
        if national:
            names.append(national)
        if isinstance(self.patrono, Patrono) and (day.month, day.day) == (
                self.patrono.mese, self.patrono.giorno):
            names.append(self.patrono.nome)
        if day.weekday() == 6:
            names.insert(0, "domenica")
        result = ", ".join(names) or None
        self._cache[day] = result
        return result

    def lavorativo(self, day: date) -> bool:
        """True when ``day`` is not a holiday (Saturdays are working days)."""
        return self.festa(day) is None

    def sposta(self, nominale: date) -> tuple[date, tuple[tuple[date, str], ...]]:
        """The first working day from ``nominale`` on, and the holidays passed over."""
        day, passed = nominale, []
        while (name := self.festa(day)) is not None:
            passed.append((day, name))
            day = _entro_calendario(day, 1)
        return day, tuple(passed)

    def scadenza(self, inizio: date, giorni: int) -> Scadenza:
        """The end of a term of ``giorni`` days running from ``inizio`` (art. 2963 c. 2-3 c.c.)."""
        if giorni < 0:
            raise UserError(f"un termine non può essere negativo ({giorni} giorni)")
        nominale = _entro_calendario(inizio, giorni)
        effettiva, rinvii = self.sposta(nominale)
        return Scadenza(nominale, effettiva, rinvii, inizio,
                        f"{giorni} giorn{'o' if giorni == 1 else 'i'}")

    def scadenza_mesi(self, inizio: date, mesi: int) -> Scadenza:
        """The end of a term of ``mesi`` months from ``inizio`` (art. 2963 c. 4-5 c.c.)."""
        if mesi < 0:
            raise UserError(f"un termine non può essere negativo ({mesi} mesi)")
        nominale = aggiungi_mesi(inizio, mesi)
        check_date(nominale, f"{inizio:%d/%m/%Y} + {mesi} mesi")
        effettiva, rinvii = self.sposta(nominale)
        return Scadenza(nominale, effettiva, rinvii, inizio,
                        f"{mesi} mes{'e' if mesi == 1 else 'i'}")

    def scadenza_fissa(self, giorno: date) -> Scadenza:
        """A deadline set on a calendar day (``entro il 31 maggio``), moved past holidays."""
        effettiva, rinvii = self.sposta(giorno)
        return Scadenza(giorno, effettiva, rinvii)


def _entro_calendario(inizio: date, giorni: int) -> date:
    """``inizio + giorni`` days, or a :class:`UserError` when it leaves ordina's dates."""
    try:
        return check_date(inizio + timedelta(days=giorni),
                          f"{inizio:%d/%m/%Y} + {giorni} giorni")
    except OverflowError:
        raise UserError(f"il termine di {giorni} giorni dal {inizio:%d/%m/%Y} finisce oltre "
                        f"il {DATE_MAX:%d/%m/%Y}, l'ultima data che ordina conosce") from None


def aggiungi_mesi(inizio: date, mesi: int) -> date:
    """Same day ``mesi`` months later, or the month's last day when it has no such day.

    :raises UserError: when the result lies beyond the years a ``date`` can hold.
    """
    month_index = inizio.month - 1 + mesi
    year, month = inizio.year + month_index // 12, month_index % 12 + 1
    if not 1 <= year <= 9999:
        raise UserError(f"il termine di {mesi} mesi dal {inizio:%d/%m/%Y} finisce oltre "
                        f"il {DATE_MAX:%d/%m/%Y}, l'ultima data che ordina conosce")
    for day in (inizio.day, 30, 29, 28):
        try:
            return date(year, month, min(inizio.day, day))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")  # pragma: no cover


def anni_compiuti(dal: date, al: date) -> int:
    """Whole years from ``dal`` to ``al`` (from 29 February a year completes on 1 March)."""
    years = al.year - dal.year
    if (al.month, al.day) < (dal.month, dal.day):
        years -= 1
    return max(years, 0)
