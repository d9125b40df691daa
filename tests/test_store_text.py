"""Cell parsers: dates, amounts, booleans, categories (with property tests)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordina.store import categories
from ordina.store.cells import read_cell, write_cell
from ordina.store.tables import BY_NAME
from ordina.store.text import ValueProblem, fold, parse_amount_cents, parse_bool, parse_date


@pytest.mark.parametrize("text,expected", [
    ("2026-03-12", date(2026, 3, 12)), ("12/03/2026", date(2026, 3, 12)),
    ("12.3.2026", date(2026, 3, 12)), ("12-03-26", date(2026, 3, 12)),
    (" 1/1/2000 ", date(2000, 1, 1)),
])
def test_dates_italian_and_iso(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2026", "2026-13-01", "ieri", "12/03", "", "00/01/2020"])
def test_bad_dates(text):
    with pytest.raises(ValueProblem):
        parse_date(text)


@pytest.mark.parametrize("text,cents", [
    ("1.500,00", 150000), ("1500.00", 150000), ("1500", 150000), ("1.500", 150000),
    ("€ 1.500,50", 150050), ("1,500.25", 150025), ("0,5", 50), ("12.911,42", 1291142),
    ("1.234.567", 123456700), ("2800 euro", 280000),
])
def test_amounts(text, cents):
    assert parse_amount_cents(text) == cents


@pytest.mark.parametrize("text", ["abc", "-5", "1,2,3,4", "1.000,001", "", "1.5.0,0"])
def test_bad_amounts(text):
    with pytest.raises(ValueProblem):
        parse_amount_cents(text)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_any_date_in_both_forms(day):
    assert parse_date(day.isoformat()) == day
    assert parse_date(day.strftime("%d/%m/%Y")) == day


@given(st.integers(min_value=0, max_value=10**12))
def test_amount_export_reads_back(cents):
    col = BY_NAME["inquadramenti"].column("retribuzione_annua")
    assert read_cell(col, write_cell(col, cents)) == cents
    assert read_cell(col, write_cell(col, cents, xlsx=True)) == cents
    assert parse_amount_cents(f"{cents // 100}.{cents % 100:02d}") == cents


@given(st.text(max_size=30))
def test_parsers_never_crash(text):
    for parser in (parse_date, parse_amount_cents, parse_bool):
        try:
            parser(text)
        except ValueProblem:
            pass


def test_bool_and_fold():
    assert parse_bool("Sì") is True and parse_bool("NO") is False and parse_bool("si") is True
    assert fold("  Niccolò   D’Amico ") == "niccolo d'amico"


def test_categories_and_areas():
    assert categories.parse_category("Cat. D1") == "D1"
    assert categories.parse_category("Istruttori") == "C"
    assert categories.parse_category("funzionari ed EQ") == "D1"
    assert categories.parse_category("Z") is None
    assert categories.area_of("B3").label == "Area degli Operatori esperti"
    assert categories.area_of("D3").code == "funzionari"
    assert categories.is_immediately_higher("C", "B3")
    assert categories.is_immediately_higher("C", "B1")
    assert not categories.is_immediately_higher("B3", "B1")  # same category
    assert not categories.is_immediately_higher("D1", "B3")  # skips one
    assert not categories.is_immediately_higher("DIR", "D3")
    assert categories.next_higher("B3") == "C" and categories.next_higher("D3") is None
    assert categories.valid_economic_position("B3", "B5")
    assert not categories.valid_economic_position("B3", "B2")
    assert not categories.valid_economic_position("C", "D1")
