"""``answer_question`` end to end on the demo database (in process)."""

from __future__ import annotations

from datetime import date

import pytest
from store_fixtures import demo_db

from ordina.ask import answer_question

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("ask") / "demo.db")


def test_who_is_a_person(db) -> None:
    result = answer_question("chi è Rossi?", db, ON)
    assert result.intent == "who" and "**Mario Rossi**" in result.answer
    assert "Responsabile di Area" in result.answer


def test_who_heads_a_unit(db) -> None:
    result = answer_question("chi è il responsabile dell'area tecnica?", db, ON)
    assert "Area Tecnica" in result.answer and "dirige" in result.answer


def test_who_holds_an_office(db) -> None:
    result = answer_question("who is the secretary?", db, ON)
    assert result.answer.startswith("Segretario comunale")


def test_expiring_assignments(db) -> None:
    result = answer_question("incarichi in scadenza entro 400 giorni", db, ON)
    assert "In scadenza nei 400 giorni dal 23/11/2026" in result.answer
    assert result.answer.count("\n- ") >= 3


def test_same_surname_is_asked_back_with_the_names(db) -> None:
    result = answer_question("chi è Galli?", db, ON)
    assert "Paolo Galli" in result.answer and "Roberto Galli" in result.answer
    assert result.verdict is None


def test_unknown_name_one_letter_off_resolves_and_says_so(db) -> None:
    # issue 10: "intendi …?" only when really ambiguous; one letter off one person resolves
    result = answer_question("obblighi di Rosi", db, ON)
    assert "Ho inteso «Rosi» come Mario Rossi" in result.answer
    assert "Obblighi di **Mario Rossi**" in result.answer


def test_ambiguous_nipote_of_someone_art_54_does_not_name_is_not_asked(db) -> None:
    # of the Segretario (not an office of art. 54) neither degree is barred: both readings
    # give the same answer, said in front of it, and the word is not asked
    result = answer_question("il nipote del segretario può avere un contratto a tempo "
                             "determinato?", db, ON)
    assert result.answer.startswith("Ho provato entrambe le letture della parola ambigua")
    assert result.verdict == "consentito" and "art. 54 c. 2" in result.citations
    assert "«nipote» è ambiguo" not in result.answer


def test_ambiguous_nipote_is_not_asked_when_both_readings_agree(db) -> None:
    # a grandchild (2nd degree) or a nephew (3rd): art. 54 c. 2 bars both, up to the 4th
    result = answer_question("il nipote del sindaco può avere un contratto a tempo "
                             "determinato?", db, ON)
    assert result.verdict == "vietato" and "art. 54 c. 2" in result.citations
    assert "«nipote» è ambiguo" not in result.answer
    assert "entrambe le letture" in result.answer


def test_a_question_the_regulation_does_not_answer_says_so(db) -> None:
    result = answer_question("quanto costa un caffè alla macchinetta?", db, ON)
    assert result.intent == "lookup" and result.kind == "search"
    assert result.answer.startswith("Non ho riconosciuto la domanda")


def test_article_and_citations_resolve(db) -> None:
    from ordina.corpus import load_corpus

    corpus = load_corpus(ON)
    for text in ("art. 87 c. 1 lett. d", "chi cita l'allegato G?", "cerca patrocinio legale"):
        result = answer_question(text, db, ON)
        assert result.citations, text
        for citation in result.citations:
            assert corpus.resolve(citation) is not None, citation


def test_without_a_database_the_index_is_kept_in_memory() -> None:
    """No database file: regulation answers use the same index as ``ordina search``, built
    in memory (ordina.corpus.index.memory_index); a question like no example still gets the
    closest commi."""
    found = answer_question("cerca patrocinio legale", None, ON)
    assert found.citations[0].startswith("art. 78")
    assert answer_question("art. 88 c. 3", None, ON).citations == ["art. 88 c. 3"]
    fallback = answer_question("quanto costa un caffè alla macchinetta?", None, ON)
    assert fallback.intent == "lookup" and fallback.kind == "search"
    assert fallback.answer.startswith("Non ho riconosciuto la domanda")
