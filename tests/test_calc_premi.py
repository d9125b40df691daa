"""Excellence bonus (art. 30), merit band (art. 42 c. 7), progressions (art. 32-33)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from checkmods import load
from hypothesis import given
from hypothesis import strategies as st

p = load("premi")
D = Decimal


@pytest.mark.parametrize(("n", "posti"), [(0, 0), (11, 0), (19, 0), (20, 1), (41, 2), (100, 5)])
def test_excellence_is_five_percent_rounded_down(n, posti):
    assert p.posti_eccellenze(n)[0] == posti


@pytest.mark.parametrize(("n", "posti"), [(1, 1), (10, 1), (11, 2), (20, 2), (21, 3)])
def test_merit_band_is_ten_percent_rounded_up(n, posti):
    assert p.posti_merito_transitoria(n)[0] == posti


@given(st.integers(min_value=0, max_value=30000))
def test_shares_bound_the_counts(n):
    bonus, _ = p.posti_eccellenze(n)
    assert bonus * 100 <= 5 * n < (bonus + 1) * 100
    band, _ = p.posti_merito_transitoria(n)
    assert (band - 1) * 100 < 10 * n <= band * 100


def test_bonus_per_group_and_ties_at_the_limit():
    staff = [p.Valutato(f"D{i:02}", D(95 - i)) for i in range(20)]
    staff[1] = p.Valutato("D01", D(95))  # ties with D00 for the single place
    pos = [p.Valutato(f"P{i}", D(90), "po") for i in range(3)]
    result = {f.gruppo: f for f in p.bonus_eccellenze(staff + pos)}
    assert result["dipendente"].posti == 1
    assert result["dipendente"].scelti == ()
    assert {v.nome for v in result["dipendente"].pari_al_limite} == {"D00", "D01"}
    assert "non indica come scegliere" in " ".join(s.step for s in result["dipendente"].passi)
    assert result["po"].posti == 0 and result["po"].scelti == ()


def test_merit_band_includes_everyone_tied():
    people = [p.Valutato("A", D(90)), p.Valutato("B", D(80)), p.Valutato("C", D(80))] + [
        p.Valutato(f"X{i}", D(50)) for i in range(8)]
    (band,) = p.fascia_merito_transitoria(people)
    assert band.posti == 2
    assert [v.nome for v in band.scelti] == ["A"]
    assert [v.nome for v in band.pari_al_limite] == ["B", "C"]


def _c(name, scores, comp, beh):
    return p.Candidato(name, tuple(D(s) for s in scores), D(comp), D(beh))


def test_progression_ranking_with_tie_breaks():
    ranking = p.graduatoria_progressioni(
        [_c("Rossi", (80, 85, 90), 8, 15), _c("Bianchi", (90, 85, 85), 9, 14),
         _c("Verdi", (80, 85, 90), 9, 12), _c("Neri", (70, 70, 70), 10, 20)],
        pesi=(D(1), D(1), D(2)), posti=2)
    names = [x.candidato.nome for x in ranking.posizioni]
    assert names == ["Bianchi", "Verdi", "Rossi", "Neri"]
    assert [x.vincitore for x in ranking.posizioni] == [True, True, False, False]
    text = " ".join(s.step for s in ranking.passi)
    assert "comportamenti organizzativi (14 contro 12)" in text
    assert "competenze professionali (9 contro 8)" in text


def test_unresolved_tie_is_said():
    ranking = p.graduatoria_progressioni([_c("A", (80, 80, 80), 5, 5), _c("B", (80, 80, 80), 5, 5)],
                                         pesi=(D(1), D(1), D(2)))
    assert "restano pari" in " ".join(s.step for s in ranking.passi)


@pytest.mark.parametrize("pesi", [(1, 2, 2), (3, 1, 2), (1, 1), (0, 0, 0), (-1, 1, 2)])
def test_last_year_must_weigh_most(pesi):
    with pytest.raises(ValueError):
        p.punteggio_progressione([D(80)] * 3, [D(x) for x in pesi])


@pytest.mark.parametrize(("posti", "eccezione", "interni", "esterni"), [
    (1, False, 0, 1), (1, True, 0, 1), (2, False, 1, 1), (3, False, 1, 2), (4, False, 2, 2),
    (7, False, 3, 4)])
def test_career_reserve(posti, eccezione, interni, esterni):
    r = p.riserva_interni(posti, eccezione)
    assert (r.interni, r.esterni) == (interni, esterni)


@given(st.integers(min_value=1, max_value=500), st.booleans())
def test_reserve_never_exceeds_half(posti, eccezione):
    r = p.riserva_interni(posti, eccezione)
    assert r.interni + r.esterni == posti
    assert 2 * r.interni <= posti
    assert r.esterni >= r.interni


def test_reserve_needs_a_post():
    with pytest.raises(ValueError):
        p.riserva_interni(0)


def test_evaluations_are_half_of_the_title_points():
    assert p.quota_titoli_valutazioni(D(30))[0] == D(15)
