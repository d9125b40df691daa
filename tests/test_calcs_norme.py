"""Every number of the calcs checks sits beside its comma, and the comma says it."""

from __future__ import annotations

import re
import unicodedata

import pytest
from checkmods import load

from ordina import termini
from ordina.corpus import load_corpus
from ordina.norma import Norma, norme_of

MODULES = ("retribuzione_posizione", "valutazione", "premi", "missioni", "scadenze",
           "incarichi_responsabili", "tempo_determinato", "part_time", "mobilita",
           "nucleo_valutazione", "collaborazioni")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


def _all_norme() -> list[tuple[str, Norma]]:
    out = [(f"termini.{n}", v) for n, v in norme_of(termini).items()]
    for stem in MODULES:
        out += [(f"{stem}.{n}", v) for n, v in norme_of(load(stem)).items()]
    out += [(f"valutazione.art23.{n.cite}", n) for n in load("valutazione").PO_ORGANIZZATIVA_FATTORI]
    for voce in (v for k, v in vars(load("valutazione")).items() if k.isupper()):
        if hasattr(voce, "massimo") and isinstance(voce.massimo, Norma):
            out.append((f"valutazione.{voce.codice}", voce.massimo))
    return out


NORME = _all_norme()


def test_every_module_states_its_numbers():
    owners = {name.split(".")[0] for name, _ in NORME}
    assert set(MODULES) - {"part_time"} <= owners  # part-time has no number, only roles


@pytest.mark.parametrize(("name", "norma"), NORME, ids=[n for n, _ in NORME])
def test_quote_is_in_the_cited_unit(name, norma):
    corpus = load_corpus()
    unit = corpus.resolve(norma.cite)
    assert unit.citation == norma.cite, f"{name}: cite the canonical form {unit.citation}"
    assert _norm(norma.quote) in _norm(corpus.full_text(unit)), (
        f"{name}: '{norma.quote}' is not in {norma.cite}")


def test_a_wrong_quote_would_fail():
    corpus = load_corpus()
    unit = corpus.resolve("art. 88 c. 6")
    assert _norm("entro 45 giorni") not in _norm(corpus.full_text(unit))
