"""A term the comma states, run from the question's date (ordina.answerers.term_dates)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordina.answerers.term_dates import term_date
from ordina.calendar import Calendario
from ordina.corpus import load_corpus

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def _text(corpus, ref: str) -> str:
    return corpus.full_text(corpus.by_citation(ref))


@pytest.mark.parametrize(("question", "ref", "due"), [
    # art. 4 c. 6: «entro i 15 giorni successivi»
    ("il conflitto è emerso il 2 febbraio 2026: entro quando devo segnalarlo?", "art. 4 c. 6",
     date(2026, 2, 17)),
    # art. 50 c. 2: «entro i 15 giorni successivi alla scadenza della pubblicazione»: from the end
    ("bando pubblicato dal 2 al 12 marzo 2026: fino a quando posso fare domanda?", "art. 50 c. 2",
     date(2026, 3, 27)),
])
def test_a_term_runs_from_the_question_date(corpus, question: str, ref: str, due: date) -> None:
    found = term_date(question, _text(corpus, ref), TODAY, Calendario())
    assert found is not None and found.first_day() == due


def test_a_term_ending_on_a_holiday_moves_to_the_next_working_day(corpus) -> None:
    # 30 days from 25 November 2026 end on Christmas; 26 December is Santo Stefano and the
    # 27th a Sunday: the term ends on Monday 28 December
    found = term_date("richiesta presentata il 25 novembre 2026: entro quando la risposta?",
                      "Le richieste devono trovare risposta entro 30 giorni.", TODAY, Calendario())
    assert found is not None
    assert (found.due.nominale, found.first_day()) == (date(2026, 12, 25), date(2026, 12, 28))
    assert "festivo" in found.sentence("art. 88 c. 6")


def test_a_wait_allows_the_act_from_the_day_after() -> None:
    found = term_date("ho chiesto il 2 dicembre 2026: da quando posso conferire l'incarico?",
                      "decorsi 15 giorni dalla richiesta senza risposta l'incarico può essere "
                      "conferito", TODAY, Calendario())
    assert found is not None and found.wait
    assert found.due.effettiva == date(2026, 12, 17) and found.first_day() == date(2026, 12, 18)


def test_months_run_to_the_same_day() -> None:
    found = term_date("incarico iniziato il 31 gennaio 2027: fino a quando?",
                      "per un periodo non superiore a sei mesi", TODAY, Calendario())
    assert found is not None and found.due.nominale == date(2027, 7, 31)


@pytest.mark.parametrize(("question", "comma"), [
    # no date written out: "la settimana prossima" is not where a term runs from
    ("se presento la domanda la settimana prossima, entro quando mi rispondono?",
     "entro 30 giorni"),
    # two different terms: which one runs is not said
    ("dal 3 marzo 2026 entro quando?", "almeno 10 giorni e domande entro 15 giorni"),
    # working days are not counted here
    ("dal 3 marzo 2026 entro quando?", "entro 5 giorni lavorativi"),
    ("dal 3 marzo 2026 entro quando?", "nessun termine"),
])
def test_no_date_when_the_term_or_the_start_is_unclear(question: str, comma: str) -> None:
    assert term_date(question, comma, TODAY, Calendario()) is None


@given(st.text(max_size=200), st.text(max_size=200))
def test_any_text_is_read_without_error(question: str, comma: str) -> None:
    term_date(question, comma, TODAY, Calendario())


def test_ask_gives_the_date(run_ordina) -> None:
    done = run_ordina("ask", "il conflitto di interessi è emerso il 2 febbraio 2026: entro "
                             "quando devo segnalarlo?")
    out = done.stdout.decode()
    assert done.returncode == 0
    assert "martedì 17 febbraio 2026" in out and "art. 4 c. 6" in out
    assert "art. 2963" in out
