"""A term the decisive comma states, run from the date the question gives.

"il conflitto di interessi è emerso il 2 febbraio 2026: entro quando devo segnalarlo?" against
art. 4 c. 6 («entro i 15 giorni successivi») ends on 17 February 2026. Terms run as the civil
code says (:mod:`ordina.calendar`): the first day is not counted, a term in months or years ends
on the same day of the final month, and one ending on a holiday moves to the next working day.
A wait («decorsi 15 giorni») allows the act from the day after. Of a period in the question
("pubblicato dal 2 al 12 marzo") the term runs from its last day when the comma counts from an
end («successivi alla scadenza della pubblicazione»), else from its first.

The term is read from the comma, never guessed: a comma with two different terms, a term in
working days, or a question with no written-out date gives no date at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ordina.calendar import Calendario, Scadenza
from ordina.formato import data, data_lunga
from ordina.query.normalize import Normalized, normalize
from ordina.query.periods import Period, stated_period

_TERM = re.compile(r"(?P<n>\d{1,3})\s+(?P<unit>giorni|giorno|mesi|mese|anni|anno)"
                   r"(?P<working>\s+lavorativ[io])?", re.IGNORECASE)
#: Words before a term that make it a wait: the act may be done only once it has run.
_WAIT = re.compile(r"(?:decors[io]|trascors[io]|dopo|passati)\s+(?:almeno\s+)?(?:i\s+)?$",
                   re.IGNORECASE)
#: Words after a term that count it from the end of something ("successivi alla scadenza").
_FROM_END = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:alla|dalla|della)\s+(?:scadenza|conclusione|"
                       r"chiusura|fine|cessazione)", re.IGNORECASE)


@dataclass(frozen=True)
class TermDate:
    """A term of the comma applied to the question's date."""

    start: date
    amount: int
    unit: str
    words: str
    """The comma's words for the term, as it says them."""
    due: Scadenza
    wait: bool

    def first_day(self) -> date:
        """The day the act is due by or, for a wait, the first day it may be done."""
        return self.due.effettiva + timedelta(days=1) if self.wait else self.due.effettiva

    def sentence(self, cite: str, english: bool = False) -> str:
        """The date with how it was counted, and the reading it rests on."""
        when, moved = self.first_day(), self.due.spostata
        if english:
            what = "the act may be done from" if self.wait else "the term ends on"
            shift = (f" (moved past the holiday of {data(self.due.nominale)}, art. 2963 c.c.)"
                     if moved else "")
            return (f"From {data(self.start)} (from the question), {self.amount} {self.unit} "
                    f"({cite}: «{self.words}»): {what} **{data(when)}**{shift}. The first day is "
                    "not counted (art. 2963 c.c.); I took the term to run from the date you "
                    "gave.")
        what = "l'atto si può compiere dal" if self.wait else "il termine scade"
        shift = (f" (il {data(self.due.nominale)} è festivo: si passa al giorno seguente non "
                 "festivo, art. 2963 c. 3 c.c.)" if moved else "")
        return (f"Dal {data(self.start)} (dalla domanda), {self.amount} {self.unit} ({cite}: "
                f"«{self.words}»): {what} **{data_lunga(when)}** ({data(when)}){shift}. Il "
                "giorno iniziale non si conta (art. 2963 c. 2 c.c.); ho inteso che il termine "
                "decorra dalla data indicata nella domanda.")


def term_date(question: str, comma: str, today: date,
              calendar: Calendario | None = None) -> TermDate | None:
    """The comma's one term run from the question's written-out date, or None."""
    period = stated_period(question, today)
    if period is None:
        return None
    normalized = normalize(comma)
    text = normalized.text
    found = {(int(m["n"]), m["unit"][:3].lower()): m for m in _TERM.finditer(text)}
    if len(found) != 1:
        return None  # no term, or two different ones: which one runs is not said
    (amount, unit), match = next(iter(found.items()))
    if match["working"] or amount == 0:
        return None
    start = _start(period, text[match.end():])
    cal = calendar or Calendario.da_ambiente()
    try:
        due = (cal.scadenza(start, amount) if unit == "gio" else
               cal.scadenza_mesi(start, amount * (12 if unit == "ann" else 1)))
    except (OverflowError, ValueError):
        return None
    label = {"gio": ("giorno", "giorni"), "mes": ("mese", "mesi"), "ann": ("anno", "anni")}[unit]
    return TermDate(start, amount, label[amount != 1], _clause(comma, normalized, match), due,
                    bool(_WAIT.search(text[:match.start()])))


def _clause(comma: str, normalized: Normalized, match: re.Match[str]) -> str:
    """The comma's own words around the term: its clause, at most about 100 characters."""
    first = normalized.origin[match.start()]
    last = normalized.origin[match.end() - 1] + 1
    begin = max((comma.rfind(p, 0, first) for p in ".;:,"), default=-1) + 1
    ends = [i for i in (comma.find(p, last) for p in ".;:,") if i >= 0]
    end = min(ends, default=len(comma))
    begin, end = max(begin, first - 50), min(end, last + 50)
    words = " ".join(comma[begin:end].split())
    return re.sub(r"\s+(?:e|o|ed|od|che|il|la|i|le|al|alla|del|della)$", "", words)


def _start(period: Period, after: str) -> date:
    """The day a term runs from: a period's end when the comma counts from an end."""
    return period.end if not period.single_day and _FROM_END.match(after) else period.start
