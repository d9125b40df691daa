"""The Comune's registers on a period (art. 72 c. 1, art. 13 c. 1, art. 88 c. 1), as asked."""

from __future__ import annotations

from datetime import date

import pytest
from store_fixtures import demo_db

from ordina.ask import answer_question
from ordina.query import intents as I

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("registri") / "demo.db")


def test_the_register_of_collaborations_of_a_year(db) -> None:
    got = answer_question("quali collaborazioni risultano nel registro per il 2026?", db, ON)
    assert got.intent == I.REGISTER and got.citations == ["art. 72 c. 1"]
    for row in ("2026/1", "Studio Legale Ferraro", "2026/2", "Paolo Serra", "2026/3",
                "Lucia Bassi"):
        assert row in got.answer
    assert "nessuna pubblicazione registrata" in got.answer  # Serra's row has no date
    later = answer_question("quali collaborazioni sono in essere a marzo 2027?", db, ON)
    assert later.intent == I.REGISTER
    # Serra's last day is 28/02/2027, Ferraro's 31/12/2026, Bassi's 29/09/2026
    assert "nessuna voce dal 01/03/2027 al 31/03/2027" in later.answer


def test_the_higher_duties_of_a_year(db) -> None:
    got = answer_question("dammi l'elenco delle mansioni superiori assegnate nel 2026", db, ON)
    assert got.intent == I.REGISTER and "art. 13 c. 1" in got.citations
    assert "Paola Greco" in got.answer and "Giorgio Ferrari" in got.answer
    assert "sostituzione di dipendente assente (Chiara Romano)" in got.answer


def test_a_question_on_the_rule_is_no_register(db) -> None:
    for text in ("con quale atto si assegnano le mansioni superiori?",
                 "nel registro degli incarichi vanno annotate solo le consulenze?"):
        assert answer_question(text, db, ON).intent != I.REGISTER, text


def test_a_register_asked_in_english_is_framed_in_english(db) -> None:
    got = answer_question("Which outside collaborations will still be running on 15 January "
                          "2027?", db, ON)
    assert got.answer.startswith("**Register of collaboration assignments on 15/01/2027** (1")
    assert "Paolo Serra" in got.answer and "Studio Legale Ferraro" not in got.answer
