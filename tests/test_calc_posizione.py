"""Allegato D: the grading G and the position allowance P, to the cent."""

from __future__ import annotations

from decimal import Decimal

import pytest
from checkmods import load
from hypothesis import given
from hypothesis import strategies as st

from ordina.corpus import load_corpus
from ordina.engine import FactSet
from ordina.errors import UserError

m = load("retribuzione_posizione")
EXAMPLE = {"A1": 90, "A2": 60, "B1": 60, "B2": 40, "B3": 70, "B4": 80, "C1": 90, "C2": 70,
           "C3": 30}


def _pct(cell: str) -> Decimal:
    return Decimal(cell.strip().rstrip("%").replace(".", "").replace(",", "."))


def test_worked_example_exactly():
    g = m.graduazione({k: Decimal(v) for k, v in EXAMPLE.items()})
    assert g.G == Decimal("70.70")
    assert [g.colonna_E[p] for p in "ABC"] == [Decimal("23.40"), Decimal("26.00"),
                                               Decimal("21.30")]
    p = m.retribuzione(g.G, Decimal("12911.42"))
    assert p.P == Decimal("9128.37") == m.ESEMPIO_P.value
    assert "€ 9.128,37" in p.passi[0].step


def test_shares_match_the_table_of_the_allegato():
    rows = load_corpus().resolve("all. D tab. 1").rows
    codes = {*m.CODICI, "A", "B", "C"}
    found: dict[str, Decimal] = {}
    for row in rows:  # code | name | share %, once or twice per row
        cells = [c for c in row if c]
        for code, _, share in zip(cells, cells[1:], cells[2:], strict=False):
            if code in codes and share.endswith("%"):
                found[code] = _pct(share)
    for par in m.PARAMETRI.value:
        assert found[par.codice] == par.incidenza
        assert sum(s.incidenza for s in par.sotto) == 100
        for sub in par.sotto:
            assert found[sub.codice] == sub.incidenza
    assert sum(p.incidenza for p in m.PARAMETRI.value) == 100


def test_columns_d_match_the_example_table():
    rows = load_corpus().resolve("all. D tab. 2").rows
    g = m.graduazione({k: Decimal(v) for k, v in EXAMPLE.items()})
    for row in rows:
        for code in m.CODICI:
            if code in row:
                i = row.index(code)
                assert _pct(row[i + 4]) == g.colonna_D[code], code


@pytest.mark.parametrize("grades", [
    {k: v for k, v in EXAMPLE.items() if k != "C3"},
    {**EXAMPLE, "Z9": 50},
    {**EXAMPLE, "A1": 101},
    {**EXAMPLE, "B2": -1},
])
def test_bad_grades_are_refused(grades):
    with pytest.raises(ValueError):
        m.graduazione({k: Decimal(v) for k, v in grades.items()})


@pytest.mark.parametrize(("G", "pmax"), [(Decimal(101), Decimal(1)), (Decimal(50), Decimal(0))])
def test_bad_allowance_inputs(G, pmax):
    with pytest.raises(ValueError):
        m.retribuzione(G, pmax)


grade = st.integers(min_value=0, max_value=100).map(Decimal)


@given(st.fixed_dictionaries({c: grade for c in m.CODICI}))
def test_grading_is_a_weighted_mean(grades):
    g = m.graduazione(grades).G
    assert min(grades.values()) <= g <= max(grades.values())


@given(st.fixed_dictionaries({c: grade for c in m.CODICI}), st.sampled_from(m.CODICI))
def test_grading_is_monotone(grades, code):
    better = {**grades, code: min(grades[code] + 10, Decimal(100))}
    assert m.graduazione(better).G >= m.graduazione(grades).G


@given(st.decimals(min_value=0, max_value=100, places=2),
       st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100000), places=2))
def test_allowance_is_proportional(G, pmax):
    p = m.retribuzione(G, pmax).P
    assert Decimal(0) <= p <= pmax
    assert abs(p - G * pmax / 100) <= Decimal("0.005")


def test_check_turns_bad_input_into_a_user_error():
    facts = FactSet.from_values({f"grading_{c}": 50 for c in m.CODICI} | {"grading_A1": 120,
                                                                        "pmax": 1000},
                                "opzione")
    with pytest.raises(UserError):
        m.POSIZIONE.run(facts)
