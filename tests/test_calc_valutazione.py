"""Scorecards of allegati E, F, G and art. 42; the PO result allowance (art. 22 c. 2)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from checkmods import load
from hypothesis import given
from hypothesis import strategies as st

v = load("valutazione")


@pytest.mark.parametrize("key", list(v.SCHEDE))
def test_every_card_totals_100(key):
    assert v.SCHEDE[key].massimo == 100


def test_ordinary_and_transitional_scales():
    assert [x.massimo.value for x in v.scheda("po", "ordinario").voci] == [30, 40, 20, 10]
    assert [x.massimo.value for x in v.scheda("po", "transitorio").voci] == [20, 40, 30, 10]
    assert [x.massimo.value for x in v.scheda("dipendente", "ordinario").voci] == [60, 20, 10, 10]
    assert [x.massimo.value for x in v.scheda("dipendente", "transitorio").voci] == [65, 25, 10]
    assert [x.massimo.value for x in v.scheda("segretario", "ordinario").voci] == [25, 25, 50]
    assert v.scheda("segretario", "transitorio") is v.scheda("segretario", "ordinario")


def test_po_card_states_the_35_points_contradiction():
    card = v.scheda("po", "ordinario")
    res = v.punteggio(card, {"organizzativa": 25, "individuale": 35, "comportamenti": 15,
                             "valutare": 8})
    assert res.totale == 83
    assert any("art. 24 c. 7" == s.citation and "35" in s.step for s in res.passi)


@pytest.mark.parametrize("voci", [
    {"organizzativa": 31, "individuale": 30, "comportamenti": 10, "valutare": 5},
    {"organizzativa": 20, "individuale": 30, "comportamenti": 10},
    {"organizzativa": 20, "individuale": 30, "comportamenti": 10, "valutare": 5, "extra": 1},
    {"organizzativa": -1, "individuale": 30, "comportamenti": 10, "valutare": 5},
])
def test_bad_components_are_refused(voci):
    with pytest.raises(ValueError):
        v.punteggio(v.scheda("po", "ordinario"), {k: Decimal(x) for k, x in voci.items()})


@pytest.mark.parametrize(("score", "due", "amount"), [
    (60, False, "0"), (Decimal("60.01"), True, "2400.40"), (100, True, "4000.00"),
    (0, False, "0"), (75, True, "3000.00")])
def test_result_allowance_above_60_only(score, due, amount):
    res = v.indennita_risultato(Decimal(score), Decimal(4000))
    assert res.spetta is due
    assert res.importo == Decimal(amount)


def test_result_allowance_bad_inputs():
    with pytest.raises(ValueError):
        v.indennita_risultato(Decimal(101), Decimal(1))
    with pytest.raises(ValueError):
        v.indennita_risultato(Decimal(70), Decimal(-1))


@given(st.sampled_from(list(v.SCHEDE)), st.data())
def test_total_is_the_sum_within_the_maximum(key, data):
    card = v.SCHEDE[key]
    voci = {x.codice: data.draw(st.decimals(min_value=0, max_value=x.massimo.value, places=1))
            for x in card.voci}
    res = v.punteggio(card, voci)
    assert res.totale == sum(voci.values())
    assert 0 <= res.totale <= 100


@given(st.decimals(min_value=0, max_value=100, places=2),
       st.decimals(min_value=0, max_value=50000, places=2))
def test_allowance_never_exceeds_the_cap(score, cap):
    res = v.indennita_risultato(score, cap)
    assert Decimal(0) <= res.importo <= cap
    assert res.spetta == (score > 60)


def test_po_organisational_factors_add_up():
    assert sum(n.value for n in v.PO_ORGANIZZATIVA_FATTORI) == v.PO_ORGANIZZATIVA.massimo.value
    assert v.PO_COMPORTAMENTI_ART25.value == v.PO_COMPORTAMENTI.massimo.value
    assert v.PO_VALUTARE_ART26.value == v.PO_VALUTARE.massimo.value


@pytest.mark.parametrize(("question", "total", "cite"), [
    # PO items within the maxima of both scales (30/40/20/10 and 20/40/30/10): same sum
    (("valutazione PO: performance organizzativa 25, obiettivi 30, comportamenti 15, capacità "
     "di valutare 5. quanto fa il totale?"), "**75**", "art. 22 c. 1"),
    # organisational, individual and professional competences are the Segretario's items
    (("mia valutazione: perf. organizzativa 20, perf. individuale 18, competenze professionali "
     "41. che punteggio totale ho?"), "**79**", "art. 21 c. 5"),
    # "valutazione della PO" is the staff card's fourth item: the one evaluated is staff
    (("dipendente: obiettivi 48, comportamenti 16, competenze 8, valutazione della PO 9. "
     "totale?"), "**81**", "all. G"),
])
def test_a_total_from_the_items_stated(question: str, total: str, cite: str) -> None:
    from ordina.ask import answer_question

    answer = answer_question(question)
    assert answer.verdict is None and total in answer.answer
    assert cite in answer.citations


def test_items_above_one_scale_pick_the_other() -> None:
    from ordina.ask import answer_question

    # comportamenti 28 exceeds the ordinary PO maximum (20), not the transitional one (30)
    answer = answer_question("valutazione PO: organizzativa 18, obiettivi 35, comportamenti 28, "
                             "capacità di valutare 8: totale?")
    assert "**89**" in answer.answer and "art. 42 c. 4" in answer.citations
