"""The regulation's numbers under another text: read back from an amended comma."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ordina import termini
from ordina.corpus.loader import corpus_as_of
from ordina.corpus.versions import apply_amendments, parse_amendment
from ordina.engine.registry import default_registry
from ordina.norma import Norma, values_in_force
from ordina.register.norme import SHARES, WORDS, changes_under, overrides, read_number

BASE = corpus_as_of(date(2026, 1, 1))


def _amended(ref: str, text: str):
    amendment = parse_amendment(f"in_vigore_dal: 2026-12-01\natto: prova\noperazioni:\n"
                                f"  - sostituisci: {ref}\n    testo: \"{text}\"\n", "prova")
    return apply_amendments(BASE, [amendment])


def test_the_shipped_text_changes_nothing():
    assert changes_under(BASE, default_registry()) == []


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(sorted(SHARES)))
def test_a_share_in_words_is_read_back(word):
    article = "la" if word == "metà" else "un"
    corpus = _amended("art. 88 c. 3", f"Gli incarichi non superano annualmente {article} {word} "
                                      "del trattamento economico fondamentale lordo spettante.")
    found = {c.norma.quote: c.value for c in changes_under(corpus, default_registry())
             if c.norma.cite == "art. 88 c. 3"}
    expected = Decimal(1) / SHARES[word]
    if word == "quinto":  # the shipped share: nothing changed
        assert found == {}
    elif word == "metà":  # «la metà»: the article changed too, so the words are not found
        assert set(found.values()) == {None}
    else:
        assert set(found.values()) == {expected}


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=1, max_value=365))
def test_days_in_figures_are_read_back(days):
    corpus = _amended("art. 88 c. 6", f"Le richieste di autorizzazioni devono trovare risposta "
                                      f"entro {days} giorni.")
    changes = [c for c in changes_under(corpus, default_registry())
               if c.norma == termini.RISPOSTA_AUTORIZZAZIONE]
    if days == termini.RISPOSTA_AUTORIZZAZIONE.value:
        assert changes == []
    else:
        assert [c.value for c in changes] == [days]
        assert overrides(changes) == {(c.norma.cite, c.norma.quote): days for c in changes}


def test_a_rewritten_comma_is_reported_unreadable():
    corpus = _amended("art. 88 c. 6", "Le richieste sono decise senza ritardo.")
    change = next(c for c in changes_under(corpus, default_registry())
                  if c.norma == termini.RISPOSTA_AUTORIZZAZIONE)
    assert change.value is None and "verificare a mano" in change.describe()


def test_number_tokens():
    assert read_number("5.000", Decimal(1)) == Decimal(5000)
    assert read_number("7.500,00", Decimal(1)) == Decimal(7500)
    assert read_number("trenta", 1) == WORDS["trenta"] == 30
    assert read_number("quinto", 1) is None and read_number("giorni", 1) is None


def test_values_in_force_hold_only_inside_the_block():
    n = Norma(30, "art. 88 c. 6", "entro 30 giorni")
    with values_in_force({(n.cite, n.quote): 20}):
        assert n.in_force == 20
    assert n.in_force == 30
