"""Answers as a Segretario comunale reads them: the verdict in a sentence, the arithmetic,
the person and the act, the ambiguities of the text. User-level: through ``answer_question``."""

from __future__ import annotations

import pytest

from ordina.ask import answer_question
from ordina.db import connect
from ordina.store import REFERENCE_DATE, ensure_demo


@pytest.fixture(scope="module")
def demo():
    db = connect(":memory:")
    ensure_demo(db)
    return db


def ask(db, question: str):
    return answer_question(question, db, REFERENCE_DATE)


# ------------------------------------------------------------------ art. 88 c. 3, the cap
def test_cap_answer_shows_the_sum_and_the_ambiguous_year(demo) -> None:
    a = ask(demo, "può Mario Rossi accettare l'incarico 12?")
    assert a.verdict == "vietato" and a.citations == ["art. 88 c. 3"]
    assert "2.800 € + 2.500 € = 5.300 € > 4.600 € = un quinto di 23.000 €" in a.answer
    assert "restano autorizzabili compensi per 2.100 €" in a.answer
    # incarico 12 runs in 2027: the other reading of «annualmente» is stated, not hidden
    assert "Norma ambigua" in a.answer and "2.800 € + 0 € = 2.800 € ≤ 4.600 €" in a.answer
    assert any("n. 7 (1.500 €), n. 9 (1.000 €)" in s.step for s in a.trace)


def test_cap_answer_for_stated_amounts(demo) -> None:
    a = ask(demo, "incarico da 1.500 euro, retribuzione base 24.000, già autorizzati 4.000 "
                  "quest'anno: è ammesso?")
    assert a.verdict == "vietato"
    assert "1.500 € + 4.000 € = 5.500 € > 4.800 € = un quinto di 24.000 €" in a.answer
    assert "Norma ambigua" not in a.answer
