"""A yes/no question's figure against the bound a comma states (ordina.answerers.thresholds)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordina.answerers.thresholds import Bound, Figure, bounds, figures, threshold_verdict
from ordina.corpus import load_corpus


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def _text(corpus, ref: str) -> str:
    return corpus.full_text(corpus.by_citation(ref))


@pytest.mark.parametrize(("ref", "op", "value", "unit"), [
    ("art. 22 c. 2", "gt", 60, "punti"),          # "superiore a 60 punti"
    ("art. 50 c. 5", "gt", 75, "punti"),          # "superiore a punti 75": unit first
    ("art. 64 c. 4", "lt", 7500, "euro"),         # "inferiore ad euro 7.500,00"
    ("art. 63 c. 3", "ge", 15, "giorni"),         # "decorsi 15 giorni"
    ("art. 37 c. 5 lett. c", "ge", 5, "anni"),    # "almeno cinque anni": a number word
    ("art. 87 c. 3", "le", 50, "percento"),
    ("art. 19 c. 6", "le", 930, "data"),          # "entro il 30 settembre"
])
def test_bounds_read_from_the_regulation(corpus, ref: str, op: str, value: float,
                                         unit: str) -> None:
    found = bounds(_text(corpus, ref))
    assert Bound(op, Figure(value, unit), found[0].text) in found


def test_a_deadline_in_days_is_not_a_condition(corpus) -> None:
    # art. 88 c. 6: "entro 30 giorni" is the office's deadline, not a bound on the request
    assert [b for b in bounds(_text(corpus, "art. 88 c. 6")) if b.figure.unit == "giorni"] == []


def test_figures_the_question_asks_about_are_not_facts() -> None:
    assert figures("posso prorogare le mansioni oltre i 6 mesi?") == []
    assert figures("ho preso 60 punti") == [Figure(60, "punti")]
    assert figures("incarico da 9.000 euro annui") == [Figure(9000, "euro")]
    assert figures("siamo a ottobre") == [Figure(1001, "data")]


@pytest.mark.parametrize(("question", "ref", "verdict"), [
    ("ho preso 60 punti: mi spetta il risultato?", "art. 22 c. 2", "vietato"),
    ("ho preso 61 punti: mi spetta il risultato?", "art. 22 c. 2", "consentito"),
    ("un candidato con 3 anni di esperienza può entrare nel nucleo?", "art. 37 c. 5 lett. c",
     "vietato"),
    ("passati 20 giorni senza attestazione posso conferire l'incarico?", "art. 63 c. 3",
     "consentito"),
    ("passati 10 giorni senza attestazione posso conferire l'incarico?", "art. 63 c. 3",
     "vietato"),
    ("incarico da 9.000 euro: basta la lettera a tre professionisti?", "art. 64 c. 4", "vietato"),
    ("siamo a ottobre, posso rinegoziare gli obiettivi?", "art. 19 c. 6", "vietato"),
    ("il 15 settembre posso rinegoziare gli obiettivi?", "art. 19 c. 6", "consentito"),
])
def test_threshold_verdict(corpus, question: str, ref: str, verdict: str) -> None:
    found = threshold_verdict(question, _text(corpus, ref))
    assert found is not None and found[0] == verdict


def test_units_must_match(corpus) -> None:
    # 60 days say nothing about a bound in points
    assert threshold_verdict("dopo 60 giorni mi spetta il risultato?",
                             _text(corpus, "art. 22 c. 2")) is None


@given(st.text(max_size=200))
def test_any_text_is_read_without_error(text: str) -> None:
    for bound in bounds(text):
        assert bound.op in ("gt", "ge", "lt", "le")
    figures(text)
    threshold_verdict(text, text)


def test_ask_shows_the_comparison(run_ordina) -> None:
    # art. 65 c. 3 caps the candidates admitted to the interview at ten
    done = run_ordina("ask", "posso ammettere 12 candidati alla selezione?")
    out = done.stdout.decode()
    assert done.returncode == 0
    assert "VIETATO" in out and "art. 65 c. 3" in out
    assert "12 persone (dalla domanda) contro «numero massimo di dieci unita»: non rispettato" \
        in out
