"""A share the comma states, applied to the question's figure (ordina.answerers.arithmetic)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordina.answerers.arithmetic import compute, shares
from ordina.corpus import load_corpus
from ordina.corpus.retrieve import word_stems


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.mark.parametrize(("ref", "fraction"), [
    ("art. 88 c. 3", Fraction(1, 5)),    # "un quinto del trattamento economico fondamentale"
    ("art. 17 c. 2", Fraction(1, 4)),    # "dal 25% dell'indennità di posizione"
    ("art. 53 c. 2", Fraction(1, 5)),    # "20% della dotazione organica"
    ("art. 65 c. 3", Fraction(1, 2)),    # "alla metà del punteggio massimo"
])
def test_shares_read_from_the_regulation(corpus, ref: str, fraction: Fraction) -> None:
    assert fraction in [s.fraction for s in shares(corpus.full_text(corpus.by_citation(ref)))]


@pytest.mark.parametrize(("question", "ref", "result", "money"), [
    ("fondamentale lordo 27.000: tetto annuo degli incarichi autorizzabili?", "art. 88 c. 3",
     Decimal("5400.00"), True),
    ("The position allowance is 9,000 euros: what is the cap on the result allowance?",
     "art. 17 c. 2", Decimal("2250.00"), True),
    # a count is whole: 20% of 11 posts is 2 contracts at most
    ("dotazione organica di 11 posti: quanti contratti a tempo determinato al massimo?",
     "art. 53 c. 2", Decimal(2), False),
])
def test_compute(corpus, question: str, ref: str, result: Decimal, money: bool) -> None:
    found = compute(question, corpus.full_text(corpus.by_citation(ref)), set(word_stems(question)))
    assert found is not None and (found.result, found.money) == (result, money)


def test_no_figure_or_two_figures_compute_nothing(corpus) -> None:
    text = corpus.full_text(corpus.by_citation("art. 88 c. 3"))
    assert compute("qual è il tetto annuo degli incarichi?", text, set()) is None
    assert compute("fondamentale 27.000 o 30.000: qual è il tetto?", text, set()) is None
    # a year is not an amount
    assert compute("qual è il tetto degli incarichi nel 2027?", text, set()) is None


@given(st.text(max_size=200))
def test_any_text_is_read_without_error(text: str) -> None:
    shares(text)
    compute(text, text, set())


def test_ask_computes_from_the_comma(run_ordina) -> None:
    done = run_ordina("ask", "risparmi di 50.000 euro con caratteristica strutturale e "
                             "permanente: quanto è destinato l'anno successivo all'incentivazione?")
    out = done.stdout.decode()
    assert done.returncode == 0
    assert "Il 30% di € 50.000,00 = € 15.000,00 (art. 35 c. 1" in out


def test_an_upper_bound_is_said_as_one(corpus) -> None:
    # art. 53 c. 2: "nella misura massima 20% della dotazione organica"
    found = compute("dotazione organica di 11 posti: quanti contratti al massimo?",
                    corpus.full_text(corpus.by_citation("art. 53 c. 2")), set())
    assert found is not None and found.share.at_most
    assert found.sentence("art. 53 c. 2").startswith("Al più il 20% di 11 = **2**")


_ART_36 = ("La giunta assegna fino alla metà dei risparmi conseguiti alla incentivazione del "
           "personale tramite aumento del fondo per le risorse decentrate, di cui la metà verrà "
           "ripartita tramite le fasce di merito.")


@given(st.integers(1, 9_999).map(lambda k: k * 1000))
def test_a_share_of_the_share_is_taken_of_the_first_result(savings: int) -> None:
    """art. 36 c. 1: half of the savings to the fund, «di cui la metà» by merit bands."""
    from decimal import Decimal

    from ordina.answerers.arithmetic import compute

    amount = f"{savings:,}".replace(",", ".")  # "2.000": a bare 2000 reads as a year
    got = compute(f"risparmi di {amount} euro: quanto va al fondo e quanto alle fasce di merito?",
                  _ART_36, {"fond", "fasc", "merit"})
    assert got is not None
    assert got.result == Decimal(savings) / 2
    assert got.then is not None and got.then[1] == Decimal(savings) / 4
    assert not got.share.of_the_last  # the merit bands' half is never half of the savings
