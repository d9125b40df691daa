"""Dated amendments: the text in force on a date, and what changed between two dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordina.corpus import load_corpus
from ordina.corpus.versions import (
    AmendmentError,
    apply_amendments,
    diff,
    in_force,
    load_amendments,
    parse_amendment,
)

EXAMPLES = Path(__file__).parent / "data" / "amendments"


@pytest.fixture
def example_dir(monkeypatch):
    monkeypatch.setenv("ORDINA_AMENDMENTS", str(EXAMPLES))
    return EXAMPLES


def test_example_amendment_reads() -> None:
    [amendment] = load_amendments(EXAMPLES)
    assert amendment.in_force == date(2026, 3, 1)
    assert amendment.act.startswith("Deliberazione della Giunta comunale n. 12")
    assert [o.action for o in amendment.operations] == ["substitute", "insert", "repeal"]


def test_substitute_insert_repeal() -> None:
    source = load_corpus(date(2000, 1, 1))
    amended = apply_amendments(source, load_amendments(EXAMPLES))
    assert "un quarto" in amended.get("art_88__para_3").text
    assert "un quinto" in source.get("art_88__para_3").text  # the source is untouched
    kids = [amended.units[c].num for c in amended.get("art_88").children]
    assert kids == ["1", "2", "3", "4", "5", "6", "6-bis", "7"]
    inserted = amended.resolve("art. 88 c. 6-bis")
    assert inserted.citation == "art. 88 c. 6-bis" and "15 giorni" in inserted.text
    repealed = amended.get("art_87__para_1__point_m")
    assert repealed.repealed and repealed.text == ""
    assert repealed.history[0].startswith("abrogato da Deliberazione")
    order = list(amended.units)
    assert order.index("art_88__para_6") < order.index("art_88__para_6bis") < order.index(
        "art_88__para_7")


def test_text_in_force_on_a_date(example_dir) -> None:
    assert "un quinto" in load_corpus(date(2026, 2, 28)).get("art_88__para_3").text
    assert "un quarto" in load_corpus(date(2026, 3, 1)).get("art_88__para_3").text
    assert load_corpus(date(2026, 2, 28)).get("art_88__para_6bis") is None


def test_index_follows_the_date(example_dir, tmp_path) -> None:
    from ordina.db import connect

    db = connect(tmp_path / "o.db")
    today = load_corpus(db=db)
    expected = "un quarto" if date.today() >= date(2026, 3, 1) else "un quinto"
    assert expected in today.get("art_88__para_3").text
    assert "un quarto" in load_corpus(date(2026, 3, 1), db=db).get("art_88__para_3").text
    past = load_corpus(date(2025, 1, 1), db=db)
    assert "un quinto" in past.get("art_88__para_3").text


def test_diff_between_dates() -> None:
    before = load_corpus(date(2000, 1, 1))
    after = apply_amendments(before, in_force(load_amendments(EXAMPLES), date(2026, 6, 1)))
    changes = diff(before, after)
    assert [(c.citation, c.kind) for c in changes] == [
        ("art. 87 c. 1 lett. m", "abrogato"),
        ("art. 88 c. 3", "sostituito"),
        ("art. 88 c. 6-bis", "inserito"),
    ]
    assert "un quinto" in changes[1].before and "un quarto" in changes[1].after
    assert all("Giunta comunale n. 12" in c.acts[0] for c in changes)
    assert diff(before, before) == []
    assert [c.kind for c in diff(after, before)] == ["sostituito", "sostituito", "eliminato"]


def test_substituting_a_comma_with_points() -> None:
    amendment = parse_amendment(
        "in_vigore_dal: 2026-01-01\natto: Delibera GC n. 3/2026\noperazioni:\n"
        "  - sostituisci: art. 88 c. 5\n    testo: |\n      La richiesta contiene:\n"
        "      a) l'oggetto;\n      b) il compenso.\n", "prova")
    amended = apply_amendments(load_corpus(date(2000, 1, 1)), [amendment])
    comma = amended.get("art_88__para_5")
    assert comma.text == "La richiesta contiene:"
    assert [amended.units[c].citation for c in comma.children] == [
        "art. 88 c. 5 lett. a", "art. 88 c. 5 lett. b"]
    assert amended.get("art_88__para_5__point_f") is None


_HEAD = "in_vigore_dal: 2026-01-01\natto: X\noperazioni:\n"


@pytest.mark.parametrize("yaml_text, message", [
    (_HEAD + "  - sostituisci: art. 95 c. 1\n    testo: t\n", "non esiste"),
    (_HEAD + "  - inserisci: art. 88 c. 3\n    testo: t\n", "esiste già"),
    (_HEAD + "  - abroga: all. D\n", "comma o una lettera"),
    (_HEAD + "  - sostituisci: art. 88 c. 3\n", "manca il 'testo'"),
    ("in_vigore_dal: 2026-01-01\noperazioni: []\n", "servono"),
    ("in_vigore_dal: 31/02/2026\natto: X\noperazioni:\n  - abroga: art. 88 c. 3\n", "data"),
    ("in_vigore_dal: [\n", "YAML non valido alla riga"),
    (_HEAD + "  - abroga: art. 88 c. 3\n    sostituisci: art. 88 c. 4\n", "una sola"),
    ("in_vigore_dal: 2026-01-01\natto: X\noperazioni: 3\n", "deve essere un elenco"),
    (_HEAD + "  - abroga: [1, 2]\n", "testo semplice"),
    (_HEAD + "  - abroga:\n", "testo semplice"),
    (_HEAD + "  - sostituisci: art. 88 c. 3\n    testo: [a]\n", "testo semplice"),
])
def test_bad_amendments_say_what_is_wrong(yaml_text, message) -> None:
    with pytest.raises(AmendmentError, match=message) as err:
        amendment = parse_amendment(yaml_text, "prova.yaml")
        apply_amendments(load_corpus(date(2000, 1, 1)), [amendment])
    assert "prova" in str(err.value)


def test_english_keys_are_accepted() -> None:
    amendment = parse_amendment(
        "date: 2026-01-01\nact: Resolution 1\noperations:\n  - repeal: 88.7\n", "en")
    amended = apply_amendments(load_corpus(date(2000, 1, 1)), [amendment])
    assert amended.get("art_88__para_7").repealed


def test_shipped_amendments_folder_has_a_readme_and_no_amendment() -> None:
    from ordina.resources import data_dir

    folder = data_dir("regulation") / "amendments"
    assert (folder / "README.md").is_file()
    assert load_amendments(folder) == []


_FRAGMENTS = st.sampled_from([
    "in_vigore_dal: 2026-01-01\n", "atto: Delibera\n", "operazioni:\n", "  - abroga: art. 88 c. 3\n",
    "  - sostituisci: 88.2\n", "    testo: nuovo\n", "  - inserisci: art. 88 c. 9\n",
    "date: 1/1/26\n", "operazioni: 3\n", "- x\n", ": :\n", "  - abroga: all. Z\n",
])


@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=20)), max_size=8))
@settings(max_examples=500, deadline=None)
def test_any_amendment_file_applies_or_says_why(parts) -> None:
    try:
        amendment = parse_amendment("".join(parts), "prova")
        apply_amendments(load_corpus(date(2000, 1, 1)), [amendment])
    except AmendmentError as err:
        assert str(err).startswith("emendamento prova")
