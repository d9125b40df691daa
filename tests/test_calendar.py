"""The deadline calendar: art. 2963 c.c., Italian holidays, the patron saint."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordina.calendar import Calendario, Patrono, aggiungi_mesi, parse_patrono
from ordina.errors import UserError

NAZIONALE = Calendario()
LIVORNO = Calendario(Patrono(22, 5, "Santa Giulia"))


def test_start_day_is_not_counted():
    # 30 days from 2 March 2026: 3 March is day one, 1 April (a Wednesday) day thirty.
    s = NAZIONALE.scadenza(date(2026, 3, 2), 30)
    assert s.nominale == date(2026, 4, 1)
    assert s.effettiva == date(2026, 4, 1)
    assert not s.spostata


def test_sunday_moves_to_monday():
    s = NAZIONALE.scadenza_fissa(date(2026, 9, 27))  # a Sunday
    assert s.effettiva == date(2026, 9, 28)
    assert s.rinvii == ((date(2026, 9, 27), "domenica"),)


def test_saturday_is_a_working_day():
    saturday = date(2026, 5, 23)
    assert saturday.weekday() == 5
    assert NAZIONALE.lavorativo(saturday)
    assert NAZIONALE.scadenza(date(2026, 5, 8), 15).effettiva == saturday


def test_chain_of_holidays_is_skipped_whole():
    # 31 May 2026 is a Sunday, 1 June a Monday, 2 June Festa della Repubblica.
    s = NAZIONALE.scadenza_fissa(date(2026, 5, 31))
    assert s.effettiva == date(2026, 6, 1)
    # Christmas 2027 is a Saturday (holiday), 26 December Sunday and Santo Stefano.
    s = NAZIONALE.scadenza_fissa(date(2027, 12, 25))
    assert s.effettiva == date(2027, 12, 27)
    assert [d for d, _ in s.rinvii] == [date(2027, 12, 25), date(2027, 12, 26)]


def test_easter_monday_and_saint_francis():
    assert NAZIONALE.festa(date(2026, 4, 6)) is not None  # Lunedì dell'Angelo
    assert "Francesco" in (NAZIONALE.festa(date(2026, 10, 5 - 1)) or "")


def test_patron_saint_by_day_and_by_province():
    assert LIVORNO.festa(date(2026, 5, 22)) == "Santa Giulia"
    assert NAZIONALE.festa(date(2026, 5, 22)) is None
    by_code = Calendario(parse_patrono("LI"))
    assert by_code.festa(date(2026, 5, 22)) is not None
    s = LIVORNO.scadenza(date(2026, 4, 22), 30)
    assert s.effettiva == date(2026, 5, 23)
    assert "Santa Giulia" in " ".join(step.step for step in s.passi("la risposta"))


def test_patron_from_environment(monkeypatch):
    monkeypatch.setenv("ORDINA_PATRONO", "07/10 San Petronio")
    cal = Calendario.da_ambiente()
    assert cal.festa(date(2026, 10, 7)) == "San Petronio"
    monkeypatch.setenv("ORDINA_PATRONO", "")
    assert Calendario.da_ambiente().patrono is None


@pytest.mark.parametrize("text", ["31/02", "Atlantide", "45/1"])
def test_bad_patron_is_a_user_error(text):
    with pytest.raises(UserError):
        parse_patrono(text)


def test_months_end_on_the_last_day_when_missing():
    assert aggiungi_mesi(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert aggiungi_mesi(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert aggiungi_mesi(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert aggiungi_mesi(date(2026, 3, 15), 12) == date(2027, 3, 15)


def test_negative_term_is_refused():
    with pytest.raises(UserError):
        NAZIONALE.scadenza(date(2026, 1, 1), -1)


def test_trace_names_the_rule():
    steps = NAZIONALE.scadenza(date(2026, 4, 1), 30).passi("la risposta", "art. 88 c. 6")
    assert steps[0].citation == "art. 88 c. 6"
    assert "2963" in steps[-1].step and "domenica" not in steps[0].step


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 1)),
       st.integers(min_value=0, max_value=400))
def test_deadline_properties(start, days):
    s = LIVORNO.scadenza(start, days)
    assert s.nominale == start + timedelta(days=days)
    assert s.effettiva >= s.nominale
    assert LIVORNO.lavorativo(s.effettiva)
    # every day skipped is a holiday, and nothing between is skipped silently
    skipped = [s.nominale + timedelta(days=i) for i in range((s.effettiva - s.nominale).days)]
    assert [d for d, _ in s.rinvii] == skipped
    assert all(not LIVORNO.lavorativo(d) for d in skipped)
    assert (s.effettiva - s.nominale).days <= 4


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)),
       st.integers(min_value=0, max_value=240))
def test_months_properties(start, months):
    end = aggiungi_mesi(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    assert end.day == start.day or (end + timedelta(days=1)).day == 1


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2024, 12, 31)),
       st.text(alphabet="abcdefghilmnopqrstuvzàèéìòù ", min_size=0, max_size=20))
def test_patron_text_round_trip(day, name):
    forms = {f"{day.day:02d}/{day.month:02d} {name}": name.strip(),
             f"{day.day}-{day.month} {name}": name.strip(), f"{day.day}.{day.month}": ""}
    for text, expected_name in forms.items():
        patron = parse_patrono(text)
        assert isinstance(patron, Patrono)
        assert (patron.giorno, patron.mese) == (day.day, day.month)
        assert patron.nome == (expected_name or "festa del santo patrono")
