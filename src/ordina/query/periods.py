"""Dates and periods as people write them, in Italian and English: the day a question is about.

``find_period(text, today)`` reads "il 3 febbraio 2028" (a day without a year is in this
year, so "il 3 marzo" can ask about the past), "a luglio" (next July once July is past; the
same for periods "dal 10 al 14 giugno"), "la settimana prossima", "dal 10 al 14 giugno", "from 10 to 20 June", "durante le
ferie di agosto", "entro il 31 marzo", "nei prossimi 30 giorni" and gives a
:class:`Period` (first and last day included). A single day is a period of one day.
Nothing here knows the database: the answer splits a period where the facts change
(:func:`segments`).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

T = TypeVar("T", bound=Hashable)

#: Month names and abbreviations, Italian and English, folded (no accents, lower case).
MONTHS: dict[str, int] = {}
for _i, _names in enumerate((
        ("gennaio", "gen", "january", "jan"), ("febbraio", "feb", "february"),
        ("marzo", "mar", "march"), ("aprile", "apr", "april"), ("maggio", "mag", "may"),
        ("giugno", "giu", "june", "jun"), ("luglio", "lug", "july", "jul"),
        ("agosto", "ago", "august", "aug"), ("settembre", "set", "sett", "september", "sep",
                                              "sept"),
        ("ottobre", "ott", "october", "oct"), ("novembre", "nov", "november"),
        ("dicembre", "dic", "december", "dec")), 1):
    for _n in _names:
        MONTHS[_n] = _i

#: Named days of the Italian year (month, day), and holiday seasons (first, last).
FEASTS: dict[str, tuple[int, int]] = {
    "natale": (12, 25), "christmas": (12, 25), "ferragosto": (8, 15), "capodanno": (1, 1),
    "new year": (1, 1), "santo stefano": (12, 26), "epifania": (1, 6), "befana": (1, 6),
}
SEASONS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "feste di natale": ((12, 24), (1, 6)), "vacanze di natale": ((12, 24), (1, 6)),
    "christmas holidays": ((12, 24), (1, 6)), "christmas break": ((12, 24), (1, 6)),
}

_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:\s+(?:del\s+|of\s+)?(\d{4}))?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th|°|º)?"
_NUMBER_WORDS = {"un": 1, "uno": 1, "una": 1, "a": 1, "one": 1, "due": 2, "two": 2, "tre": 3,
                 "three": 3, "quattro": 4, "four": 4, "cinque": 5, "five": 5, "sei": 6, "six": 6,
                 "dieci": 10, "ten": 10, "quindici": 15, "fifteen": 15, "trenta": 30,
                 "thirty": 30, "sessanta": 60, "sixty": 60, "novanta": 90, "ninety": 90}
_UNIT_DAYS = {"giorn": 1, "day": 1, "settiman": 7, "week": 7, "mes": 30, "month": 30}


@dataclass(frozen=True)
class Period:
    """Days from ``start`` to ``end``, both included, and the words that said so."""

    start: date
    end: date
    text: str = ""

    @property
    def days(self) -> int:
        """How many days the period covers."""
        return (self.end - self.start).days + 1

    @property
    def single_day(self) -> bool:
        """True for one day ("il 3 febbraio")."""
        return self.start == self.end

    def each_day(self) -> Iterator[date]:
        """Every day of the period, in order."""
        for n in range(self.days):
            yield self.start + timedelta(days=n)


def fold(text: str) -> str:
    """Lower case without accents, apostrophes straightened, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"\s+", " ", text)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _future_year(today: date, month: int, day: int = 1, whole_month: bool = False) -> int:
    """The year of a month or day named without one: this year, or next once it is past."""
    if whole_month:
        return today.year if month >= today.month else today.year + 1
    probe = _day(today.year, month, min(day, calendar.monthrange(today.year, month)[1]))
    return today.year if probe is None or probe >= today else today.year + 1


def _year(text: str | None, today: date, month: int, day: int = 1,
          whole_month: bool = False) -> int:
    return int(text) if text else _future_year(today, month, day, whole_month)


def _range(text: str, today: date) -> Period | None:
    """ "dal 10 al 14 giugno", "dal 10 giugno al 5 luglio 2027", "from 10 to 20 June",
    "from June 10 to June 20", "tra il 10 e il 20 giugno", "10-20 giugno"."""
    same = re.search(rf"(?:dal|da|from|between|tra il|fra il)\s+{_DAY}\s*(?:al|a|to|and|e il|"
                     rf"e|until|till|-)\s*{_DAY}\s+(?:di\s+|of\s+)?{_MONTH}{_YEAR}", text) \
        or re.search(rf"(?<![\d/])\b{_DAY}\s*-\s*{_DAY}\s+{_MONTH}{_YEAR}", text)
    if same:
        d1, d2, mon, yr = same.groups()
        month = MONTHS[mon]
        year = _year(yr, today, month, int(d1))
        start, end = _day(year, month, int(d1)), _day(year, month, int(d2))
        if start and end and end >= start:
            return Period(start, end, same.group(0))
    two = re.search(rf"(?:dal|da|from|between|tra il|fra il)\s+{_DAY}\s+(?:di\s+|of\s+)?"
                    rf"{_MONTH}{_YEAR}\s*(?:al|a|to|and|e il|until|till|-)\s*{_DAY}\s+"
                    rf"(?:di\s+|of\s+)?{_MONTH}{_YEAR}", text)
    if two:
        d1, m1, y1, d2, m2, y2 = two.groups()
        year2 = _year(y2, today, MONTHS[m2], int(d2))
        year1 = int(y1) if y1 else (year2 if MONTHS[m1] <= MONTHS[m2] else year2 - 1)
        start, end = _day(year1, MONTHS[m1], int(d1)), _day(year2, MONTHS[m2], int(d2))
        if start and end and end >= start:
            return Period(start, end, two.group(0))
    english = re.search(rf"(?:from|between)\s+{_MONTH}\s+{_DAY}\s*(?:to|and|until|-)\s*"
                        rf"(?:{_MONTH}\s+)?{_DAY}(?:,?\s+(\d{{4}}))?", text)
    if english:
        m1, d1, m2, d2, yr = english.groups()
        month1, month2 = MONTHS[m1], MONTHS[m2 or m1]
        year = _year(yr, today, month1, int(d1))
        start = _day(year, month1, int(d1))
        end = _day(year if month2 >= month1 else year + 1, month2, int(d2))
        if start and end and end >= start:
            return Period(start, end, english.group(0))
    return None


def _one_day(text: str, today: date) -> Period | None:
    """ "il 3 febbraio 2028", "3/2/2028", "2028-02-03", "February 3, 2028", "3rd of May"."""
    iso = re.search(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", text)
    if iso:
        found = _day(int(iso[1]), int(iso[2]), int(iso[3]))
        return Period(found, found, iso[0]) if found else None
    slash = re.search(r"(?<![\d/])(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?(?![\d/])", text)
    if slash:
        day, month = int(slash[1]), int(slash[2])
        if 1 <= month <= 12:
            year = int(slash[3]) if slash[3] else today.year
            year += 2000 if year < 100 else 0
            found = _day(year, month, day)
            if found:
                return Period(found, found, slash[0])
    named = re.search(rf"(?<![\d/]){_DAY}\s+(?:di\s+|of\s+)?{_MONTH}{_YEAR}(?![\w])", text)
    if named:
        d, mon, yr = named.groups()
        month = MONTHS[mon]
        found = _day(int(yr) if yr else today.year, month, int(d))
        return Period(found, found, named[0]) if found else None
    english = re.search(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+(\d{{4}}))?(?![\w/])", text)
    if english:
        mon, d, yr = english.groups()
        month = MONTHS[mon]
        found = _day(int(yr) if yr else today.year, month, int(d))
        return Period(found, found, english[0]) if found else None
    return None


def _relative(text: str, today: date) -> Period | None:
    """ "oggi", "domani", "la settimana prossima", "il mese prossimo", "next week"."""
    monday = today - timedelta(days=today.weekday())
    words: list[tuple[str, Callable[[], Period]]] = [
        (r"dopodomani|day after tomorrow", lambda: _at(today + timedelta(days=2))),
        (r"domani|tomorrow", lambda: _at(today + timedelta(days=1))),
        (r"\boggi\b|\btoday\b", lambda: _at(today)),
        (r"settimana (?:prossima|che viene|successiva)|prossima settimana|next week",
         lambda: Period(monday + timedelta(days=7), monday + timedelta(days=13))),
        (r"questa settimana|this week",
         lambda: Period(today, monday + timedelta(days=6))),
        (r"mese prossimo|prossimo mese|next month", lambda: _next_month(today)),
        (r"questo mese|this month|fine mese|end of the month",
         lambda: Period(today, _month_end(today.year, today.month))),
        (r"fine (?:dell'|di quest'|d')?anno|end of (?:the |this )?year|year[- ]end",
         lambda: Period(today, date(today.year, 12, 31))),
        (r"quest'anno|quest anno|this year|anno in corso|current year",
         lambda: Period(today, date(today.year, 12, 31))),
        (r"anno prossimo|prossimo anno|next year",
         lambda: Period(date(today.year + 1, 1, 1), date(today.year + 1, 12, 31))),
    ]
    for pattern, build in words:
        found = re.search(pattern, text)
        if found:
            period = build()
            return Period(period.start, period.end, found[0])
    return None


def _at(day: date) -> Period:
    return Period(day, day)


def _next_month(today: date) -> Period:
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return Period(date(year, month, 1), _month_end(year, month))


def _within(text: str, today: date) -> Period | None:
    """ "entro il 31 marzo", "entro marzo 2027", "by March 31", "nei prossimi 30 giorni"."""
    after = re.search(r"(?:tra|fra|in|after)\s+(\d+|[a-z]+)\s+(giorn\w*|settiman\w*|mes[ie]|"
                      r"days?|weeks?|months?)(?!\s+(?:fa|ago))", text)
    if after and not re.search(r"(?:nei|nelle|in the next|within|entro)\s+" + re.escape(
            after[0]), text):
        amount = int(after[1]) if after[1].isdigit() else _NUMBER_WORDS.get(after[1])
        unit = next((v for k, v in _UNIT_DAYS.items() if after[2].startswith(k)), None)
        if amount and unit:  # "tra 3 giorni": that day
            return _at(today + timedelta(days=amount * unit))
    ahead = re.search(r"(?:nei|nelle|entro|within|in the next|next|per i)\s+"
                      r"(?:prossim[ie]\s+)?(\d+|[a-z]+)\s+(giorn\w*|settiman\w*|mes[ie]|days?|"
                      r"weeks?|months?)", text)
    if ahead:
        amount = int(ahead[1]) if ahead[1].isdigit() else _NUMBER_WORDS.get(ahead[1])
        unit = next((v for k, v in _UNIT_DAYS.items() if ahead[2].startswith(k)), None)
        if amount and unit:
            return Period(today, today + timedelta(days=amount * unit), ahead[0])
    by = re.search(r"(?:entro|by|before|until|fino al?|prima del?)\s+(?:il\s+|la fine d(?:i|el)\s+|"
                   r"the end of\s+|end of\s+|fine d(?:i|el)\s+|fine\s+)?(.{3,30})", text)
    if by:
        rest = by[1]
        day = _one_day(rest, today)
        if day is not None and rest.find(day.text) > 4:
            day = None  # "replaced by Bianchi on 3 March": the date is not what "by" governs
        if day is not None and day.start < today and not re.search(r"\d{4}", rest):
            day = _one_day(rest, date(today.year + 1, 1, 1))  # "entro il 31 marzo": the next
        if day is not None and day.start >= today:
            return Period(today, day.start, by[0])
        month = re.match(rf"(?:di\s+)?{_MONTH}{_YEAR}", rest)
        if month:
            number = MONTHS[month[1]]
            year = _year(month[2], today, number, whole_month=True)
            return Period(today, _month_end(year, number), by[0])
        year_only = re.match(r"(?:del\s+|dell'anno\s+|anno\s+)?((?:19|20)\d\d)\b", rest)
        if year_only and int(year_only[1]) >= today.year:  # "entro il 2029": its 31 December
            return Period(today, date(int(year_only[1]), 12, 31), by[0])
    return None


_A_MONTH = re.compile(rf"(?:^|[\s'(]){_MONTH}{_YEAR}(?![\w])")


def _month(text: str, today: date) -> Period | None:
    """ "a luglio", "in July", "durante le ferie di agosto", "luglio 2027" (the whole month)."""
    found = re.search(rf"(?:^|[\s'(])(?:a|ad|in|nel mese di|nel|di|during|for|per|mese di|"
                      rf"ferie di|vacanze di|month of|the)?\s*{_MONTH}{_YEAR}(?![\w])", text)
    while found:
        word = found[1]
        # "mar", "mag", "set" are also words; only full names count without a year
        if len(word) > 3 or found[2] or word in ("jan", "feb", "apr", "jun", "jul", "aug",
                                                 "oct", "nov", "dec", "dic", "giu", "lug"):
            month = MONTHS[word]
            year = _year(found[2], today, month, whole_month=True)
            start = date(year, month, 1)
            if year == today.year and month == today.month:
                start = today
            return Period(start, _month_end(year, month), found[0].strip())
        # the next month word after this one (a position in the whole text: searching a
        # slice would restart from its own beginning, for ever)
        found = _A_MONTH.search(text, found.end())
    return None


def _feast(text: str, today: date) -> Period | None:
    for words, (first, last) in SEASONS.items():
        if words in text:
            year = _future_year(today, *first) if last >= first else (
                today.year - 1 if today <= date(today.year, *last) else today.year)
            end_year = year if last >= first else year + 1
            return Period(date(year, *first), date(end_year, *last), words)
    for words, (month, day) in FEASTS.items():
        if re.search(rf"\b{words}\b", text):
            found = date(_future_year(today, month, day), month, day)
            return Period(found, found, words)
    return None


_ORDINALS = {"primo": 1, "first": 1, "1o": 1, "1st": 1, "i": 1, "secondo": 2, "second": 2,
             "2o": 2, "2nd": 2, "ii": 2, "terzo": 3, "third": 3, "3o": 3, "3rd": 3, "iii": 3,
             "quarto": 4, "fourth": 4, "4o": 4, "4th": 4, "iv": 4, "ultimo": 0, "last": 0}
#: Parts of a year by name: months each part spans.
_PARTS = {"trimestre": 3, "quarter": 3, "semestre": 6, "half": 6}


def _part_of_year(text: str, today: date) -> Period | None:
    """ "nel primo trimestre 2027", "in the first quarter of 2027", "Q1 2027", "nel secondo
    semestre", "second half of 2027": those months (this year's, or next once past)."""
    text = text.replace("°", "o").replace("º", "o")
    found = re.search(r"\b(primo|secondo|terzo|quarto|ultimo|first|second|third|fourth|last|"
                      r"[1-4](?:o|st|nd|rd|th)|iv|iii|ii|i)\s+(trimestre|quarter|semestre|half)"
                      r"(?:\s+(?:del\s+|dell'anno\s+|of\s+)?(\d{4}))?(?![\w])", text)
    q = re.search(r"\b(?:q([1-4])|h([12]))\s*(?:del\s+|of\s+)?(\d{4})?\b", text)
    if found:
        months = _PARTS[found[2]]
        number, year_text, words = _ORDINALS[found[1]], found[3], found[0]
    elif q:
        months = 3 if q[1] else 6
        number, year_text, words = int(q[1] or q[2]), q[3], q[0]
    else:
        return None
    count = 12 // months
    number = number or count  # "l'ultimo trimestre": the fourth
    if number > count:
        return None  # "terzo semestre"
    first_month = (number - 1) * months + 1
    last_month = first_month + months - 1
    year = int(year_text) if year_text else (
        today.year if _month_end(today.year, last_month) >= today else today.year + 1)
    start = date(year, first_month, 1)
    return Period(max(start, today) if start <= today <= _month_end(year, last_month)
                  else start, _month_end(year, last_month), words)


def _whole_year(text: str, today: date) -> Period | None:
    """ "nel 2027", "per il 2027", "in 2027", "during 2027": the whole calendar year."""
    found = re.search(r"(?:nel|nell'anno|per il|durante il|nel corso del|in the course of|in|"
                      r"during|for|anno)\s+(\d{4})(?![\d/])", text)
    if found is None or not 1900 < int(found[1]) < 2200:
        return None
    year = int(found[1])
    return Period(date(year, 1, 1), date(year, 12, 31), found[0])


def find_period(text: str, today: date) -> Period | None:
    """The date or period ``text`` speaks of, or None when it names none.

    :param text: the question as typed.
    :param today: the reference date: months and days without a year are the next ones.
    """
    folded = fold(text)
    for finder in (_range, _within, _one_day, _relative, _feast, _month, _part_of_year,
                   _whole_year):
        try:
            found = finder(folded, today)
        except (OverflowError, ValueError):  # "entro 99999999 giorni": past the calendar
            return None
        if found is not None:
            return found
    return None


def stated_period(text: str, today: date) -> Period | None:
    """The calendar date or range ``text`` writes out ("il 2 febbraio 2026", "dal 2 al 12
    marzo"), None for words relative to today ("la settimana prossima", "entro 30 giorni")."""
    folded = fold(text)
    for finder in (_range, _one_day):
        try:
            found = finder(folded, today)
        except (OverflowError, ValueError):
            return None
        if found is not None:
            return found
    return None


def segments(period: Period, key: Callable[[date], T]) -> list[tuple[date, date, T]]:
    """Split ``period`` where ``key(day)`` changes: ``[(first, last, value), ...]``."""
    out: list[tuple[date, date, T]] = []
    for day in period.each_day():
        value = key(day)
        if out and out[-1][2] == value and out[-1][1] == day - timedelta(days=1):
            out[-1] = (out[-1][0], day, value)
        else:
            out.append((day, day, value))
    return out


def segments_at(period: Period, changes: Iterator[date] | list[date] | set[date],
                key: Callable[[date], T]) -> list[tuple[date, date, T]]:
    """:func:`segments` when the days where ``key`` may change are known (rows that start or
    end): ``key`` runs once per change, not once per day."""
    starts = sorted({period.start, *(d for d in changes if period.start < d <= period.end)})
    out: list[tuple[date, date, T]] = []
    for i, first in enumerate(starts):
        last = starts[i + 1] - timedelta(days=1) if i + 1 < len(starts) else period.end
        value = key(first)
        if out and out[-1][2] == value:
            out[-1] = (out[-1][0], last, value)
        else:
            out.append((first, last, value))
    return out


def describe(first: date, last: date, english: bool = False) -> str:
    """ "il 03/02/2028", "dal 10/06/2027 al 14/06/2027" (English: "on …", "from … to …")."""
    a, b = first.strftime("%d/%m/%Y"), last.strftime("%d/%m/%Y")
    if english:
        return f"on {a}" if first == last else f"from {a} to {b}"
    return f"il {a}" if first == last else f"dal {a} al {b}"
