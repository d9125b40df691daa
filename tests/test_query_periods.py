"""Dates and periods of a question (``ordina.query.periods``): units and properties."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordina.query.periods import MONTHS, Period, describe, find_period, segments, segments_at

TODAY = date(2026, 11, 23)  # a Monday
IT_MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
             "settembre", "ottobre", "novembre", "dicembre")
EN_MONTHS = tuple(calendar.month_name[1:])


@pytest.mark.parametrize(("text", "start", "end"), [
    ("chi sostituisce la Neri il 3 febbraio 2028?", date(2028, 2, 3), date(2028, 2, 3)),
    ("chi sostituisce il segretario a luglio?", date(2027, 7, 1), date(2027, 7, 31)),
    ("la settimana prossima chi sostituisce Verdi?", date(2026, 11, 30), date(2026, 12, 6)),
    ("who replaces Rossi from 10 to 20 June?", date(2027, 6, 10), date(2027, 6, 20)),
    ("durante le ferie di agosto", date(2027, 8, 1), date(2027, 8, 31)),
    ("dal 10 al 14 marzo 2027", date(2027, 3, 10), date(2027, 3, 14)),
    ("dal 25 febbraio al 10 marzo", date(2027, 2, 25), date(2027, 3, 10)),
    ("from June 10 to June 20", date(2027, 6, 10), date(2027, 6, 20)),
    ("entro marzo 2027", TODAY, date(2027, 3, 31)),
    ("entro il 31 dicembre", TODAY, date(2026, 12, 31)),
    ("nei prossimi 60 giorni", TODAY, TODAY + timedelta(days=60)),
    ("in the next 30 days", TODAY, TODAY + timedelta(days=30)),
    ("who heads the finance office on March 3, 2027?", date(2027, 3, 3), date(2027, 3, 3)),
    ("durante le feste di Natale", date(2026, 12, 24), date(2027, 1, 6)),
    ("a Natale", date(2026, 12, 25), date(2026, 12, 25)),
    ("il 2027-03-03", date(2027, 3, 3), date(2027, 3, 3)),
    ("il 3/3/2027", date(2027, 3, 3), date(2027, 3, 3)),
    ("domani", date(2026, 11, 24), date(2026, 11, 24)),
    ("next month", date(2026, 12, 1), date(2026, 12, 31)),
    ("a novembre", TODAY, date(2026, 11, 30)),
    ("quanto può guadagnare nel 2027?", date(2027, 1, 1), date(2027, 12, 31)),
    ("quest'anno", TODAY, date(2026, 12, 31)),
    ("entro il 31 marzo", TODAY, date(2027, 3, 31)),
    ("tra 3 giorni", date(2026, 11, 26), date(2026, 11, 26)),
    ("in two weeks", date(2026, 12, 7), date(2026, 12, 7)),
    ("nei prossimi 3 giorni", TODAY, date(2026, 11, 26)),
    ("is Rossi replaced by Bianchi on 3 March 2027?", date(2027, 3, 3), date(2027, 3, 3)),
])
def test_phrases(text: str, start: date, end: date) -> None:
    found = find_period(text, TODAY)
    assert found is not None and (found.start, found.end) == (start, end)


@pytest.mark.parametrize("text", [
    "chi è Rossi?", "art. 88 c. 3", "compenso di 12.000 euro", "collaborazione 2026/3",
    "incarico 12", "quanto può guadagnare Rossi?", "part-time al 50%",
])
def test_no_date_no_period(text: str) -> None:
    assert find_period(text, TODAY) is None


@given(st.dates(date(2000, 1, 1), date(2099, 12, 31)), st.dates(date(2000, 1, 1),
                                                                date(2099, 12, 31)))
def test_an_explicit_italian_day_is_read_back(day: date, today: date) -> None:
    text = f"chi sostituisce il segretario il {day.day} {IT_MONTHS[day.month - 1]} {day.year}?"
    found = find_period(text, today)
    assert found is not None and found.start == found.end == day


@given(st.dates(date(2000, 1, 1), date(2099, 12, 31)), st.integers(0, 40))
def test_an_english_range_is_read_back(start: date, length: int) -> None:
    end = start + timedelta(days=length)
    text = (f"who stands in from {start.day} {EN_MONTHS[start.month - 1]} {start.year} "
            f"to {end.day} {EN_MONTHS[end.month - 1]} {end.year}?")
    found = find_period(text, date(2026, 11, 23))
    assert found is not None and (found.start, found.end) == (start, end)


@given(st.sampled_from(sorted(MONTHS)), st.dates(date(2000, 1, 1), date(2099, 12, 1)))
def test_a_month_alone_is_never_in_the_past(word: str, today: date) -> None:
    found = find_period(f"chi sostituisce Rossi a {word} 2030?", today) if len(word) <= 3 \
        else find_period(f"chi sostituisce Rossi a {word}?", today)
    assert found is not None
    assert found.start.month == MONTHS[word] and found.end.month == MONTHS[word]
    if len(word) > 3:
        assert found.end >= today


@given(st.text(max_size=80), st.dates(date(2000, 1, 1), date(2099, 12, 31)))
def test_any_text_gives_a_period_or_none(text: str, today: date) -> None:
    found = find_period(text, today)
    assert found is None or found.start <= found.end


@given(st.lists(st.integers(0, 2), min_size=1, max_size=40))
def test_segments_cover_the_period_and_split_on_change(values: list[int]) -> None:
    period = Period(TODAY, TODAY + timedelta(days=len(values) - 1))
    parts = segments(period, lambda d: values[(d - TODAY).days])
    assert parts[0][0] == period.start and parts[-1][1] == period.end
    for (_a, last, v), (first, _b, w) in pairwise(parts):
        assert first == last + timedelta(days=1) and v != w
    assert sum((b - a).days + 1 for a, b, _ in parts) == len(values)


def test_describe() -> None:
    assert describe(TODAY, TODAY) == "il 23/11/2026"
    assert describe(TODAY, date(2026, 12, 1)) == "dal 23/11/2026 al 01/12/2026"


@given(st.lists(st.integers(0, 2), min_size=1, max_size=40))
def test_segments_at_the_changes_agree_with_day_by_day(values: list[int]) -> None:
    period = Period(TODAY, TODAY + timedelta(days=len(values) - 1))
    changes = {TODAY + timedelta(days=i) for i in range(1, len(values))
               if values[i] != values[i - 1]}
    key = lambda d: values[(d - TODAY).days]
    assert segments_at(period, changes, key) == segments(period, key)


@pytest.mark.parametrize(("text", "month"), [
    ("set e mar sono abbreviazioni, non mesi", None),
    ("mar set mar set, poi a luglio", 7),
    ("il set di mar e il set di agosto", 8),
])
def test_short_month_words_are_passed_over_to_the_next_month(text: str,
                                                             month: int | None) -> None:
    # "mar", "set" are words too: each is skipped once and the search goes on after it
    found = find_period(text, TODAY)
    assert (found.start.month if found else None) == month


@given(st.lists(st.sampled_from(["mar", "set", "mag", "e", "il", "di", "luglio", "2027"]),
                max_size=12))
def test_any_run_of_month_words_is_read_or_passed_over(words: list[str]) -> None:
    found = find_period(" ".join(words), TODAY)
    assert found is None or found.start <= found.end


@given(st.integers(2026, 2060), st.sampled_from(["entro il {y}", "entro la fine del {y}",
                                                 "by the end of {y}", "entro fine {y}"]))
def test_by_a_year_is_by_its_last_day(year: int, words: str) -> None:
    """"quali contratti finiscono entro il 2029?": from today to 31 December of that year."""
    period = find_period(f"quali contratti finiscono {words.format(y=year)}?", TODAY)
    assert period is not None
    assert (period.start, period.end) == (TODAY, date(year, 12, 31))
