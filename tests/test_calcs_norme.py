"""Every number of the checks sits beside its comma, and the comma says it.

The modules are discovered (every ``checks/*.py``), not listed: a new check module is
covered the day it lands. A bare number constant in a module fails unless the module
declares it is no number of the regulation (``NON_NORMATIVI``, beside the constant).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

import pytest
from checkmods import CHECKS, load

from ordina import termini
from ordina.corpus import load_corpus
from ordina.norma import Norma, norme_of

MODULES = tuple(sorted(p.stem for p in CHECKS.glob("*.py") if not p.stem.startswith("_")))


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
    assert {"incarichi_esterni", "collaborazioni", "sostituzioni", "valutazione",
            "doveri"} <= owners
    assert len(MODULES) >= 18


@pytest.mark.parametrize("stem", MODULES)
def test_no_bare_number_of_the_regulation(stem):
    """A module-level number is a Norma (value, comma, words) unless declared not normative."""
    module = load(stem)
    allowed = set(getattr(module, "NON_NORMATIVI", ()))
    bare = sorted(name for name, value in vars(module).items()
                  if name.isupper() and not name.startswith("_") and name not in allowed
                  and isinstance(value, (int, float, Decimal)) and not isinstance(value, bool))
    assert not bare, f"{stem}: numeri senza Norma accanto alla citazione: {bare}"


def test_the_numbers_of_issue_10_have_one_home():
    """One fifth, 30 days, 10 days, 60 points, 25%, 6 and 12 months: one Norma each."""
    wanted = {(Decimal(1) / 5, "art. 88 c. 3"), (30, "art. 88 c. 6"), (10, "art. 64 c. 2"),
              (60, "art. 22 c. 2"), (25, "art. 17 c. 2"), (6, "art. 13 c. 1 trattino 1"),
              (12, "art. 13 c. 1 trattino 1")}
    found = {(n.value, n.cite) for _, n in NORME}
    assert wanted <= found
    by_key: dict[tuple, set[int]] = {}
    for _, n in NORME:
        if (n.value, n.cite) in wanted:
            by_key.setdefault((n.value, n.cite), set()).add(id(n))
    assert all(len(ids) == 1 for ids in by_key.values()), by_key


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
