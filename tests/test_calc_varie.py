"""Mileage (art. 76), mobility ranking (art. 50), the Nucleo's quorum (art. 38), deadlines."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from checkmods import load
from hypothesis import given
from hypothesis import strategies as st

from ordina.calendar import Calendario, Patrono, anni_compiuti

D = Decimal
missioni = load("missioni")
mobilita = load("mobilita")
nucleo = load("nucleo_valutazione")
scadenze = load("scadenze")


def test_petrol_refund_is_a_fifth_of_a_litre_per_km():
    r = missioni.rimborso_mezzo_proprio("controllo", km=D(100), prezzo_benzina=D("1.90"))
    assert r.importo == D("38.00") and r.base == "benzina"


def test_other_trips_get_the_public_fare_plus_tolls():
    r = missioni.rimborso_mezzo_proprio("altro", tariffa_mezzo_pubblico=D("12.50"),
                                        pedaggi_parcheggi=D("4.20"))
    assert r.importo == D("16.70") and r.base == "tariffa"


@pytest.mark.parametrize("kwargs", [
    {"motivo": "gita"}, {"motivo": "vigilanza", "km": D(10)},
    {"motivo": "altro"}, {"motivo": "vigilanza", "km": D(-1), "prezzo_benzina": D(2)}])
def test_mileage_bad_inputs(kwargs):
    with pytest.raises(ValueError):
        missioni.rimborso_mezzo_proprio(**kwargs)


def test_mobility_score_and_threshold():
    total, _ = mobilita.punteggio_mobilita(D(30), D(35), D(10))
    assert total == 75
    assert mobilita.assumibile(total)[0] is False
    assert mobilita.assumibile(D("75.01"))[0] is True


@pytest.mark.parametrize("points", [(36, 0, 0), (0, 51, 0), (0, 0, 16), (-1, 0, 0)])
def test_mobility_caps(points):
    with pytest.raises(ValueError):
        mobilita.punteggio_mobilita(*(D(x) for x in points))


def test_full_pay_points_only_at_initial_position():
    with pytest.raises(ValueError):
        mobilita.punteggio_mobilita(D(30), D(40), D(15), posizione_iniziale=False)
    assert mobilita.punteggio_mobilita(D(30), D(40), D(14), posizione_iniziale=False)[0] == 84


def test_nobody_above_75_means_nobody_hired():
    rows, steps = mobilita.graduatoria_mobilita([
        mobilita.Candidato("A", D(30), D(40), D(5)), mobilita.Candidato("B", D(20), D(30), D(10))])
    assert [c.nome for c, _, _ in rows] == ["A", "B"]
    assert not any(ok for _, _, ok in rows)
    assert "non si procede" in steps[-1].step


@given(st.decimals(min_value=0, max_value=35, places=2), st.decimals(min_value=0, max_value=50,
                                                                    places=2),
       st.decimals(min_value=0, max_value=15, places=2))
def test_mobility_score_is_in_hundredths(a, b, c):
    total, _ = mobilita.punteggio_mobilita(a, b, c)
    assert 0 <= total <= 100


@pytest.mark.parametrize(("members", "present", "valid"), [(1, 2, True), (1, 1, False),
                                                          (2, 2, True), (2, 3, True),
                                                          (2, 1, False)])
def test_nucleo_quorum(members, present, valid):
    assert nucleo.seduta_valida(members, present)[0] is valid


def test_nucleo_quorum_rejects_impossible_numbers():
    with pytest.raises(ValueError):
        nucleo.seduta_valida(3, 2)
    with pytest.raises(ValueError):
        nucleo.seduta_valida(1, 3)


def test_evaluation_cycle_2026():
    items, steps = scadenze.ciclo_valutazione(2026, Calendario(), None)
    got = {(a.cite, a.scadenza.nominale): a.scadenza.effettiva for a in items}
    assert got[("art. 28 c. 1", date(2026, 5, 31))] == date(2026, 6, 1)   # Sunday
    assert got[("art. 28 c. 1", date(2026, 9, 30))] == date(2026, 9, 30)
    assert got[("art. 28 c. 2", date(2027, 1, 31))] == date(2027, 2, 1)   # Sunday
    assert got[("art. 28 c. 6", date(2027, 4, 30))] == date(2027, 4, 30)
    assert any("solo se PEG" in s.step for s in steps)
    late, _ = scadenze.ciclo_valutazione(2026, Calendario(), True)
    assert date(2026, 5, 31) not in {a.scadenza.nominale for a in late}


def test_regulation_terms_on_the_calendar():
    cal = Calendario(Patrono(22, 5, "Santa Giulia"))
    due, steps = scadenze.termine("conflitto_interessi", date(2026, 5, 7), cal)
    assert due.effettiva == date(2026, 5, 23)
    assert any("codice di comportamento" in s.step for s in steps)
    due, steps = scadenze.termine("risorse_interne", date(2026, 3, 2), cal)
    assert due.effettiva == date(2026, 3, 17) and "18 marzo" in steps[-1].step


def test_years_of_service():
    assert anni_compiuti(date(2021, 6, 1), date(2026, 5, 31)) == 4
    assert anni_compiuti(date(2021, 6, 1), date(2026, 6, 1)) == 5
    assert anni_compiuti(date(2024, 2, 29), date(2025, 2, 28)) == 0
    assert anni_compiuti(date(2026, 1, 1), date(2025, 1, 1)) == 0
