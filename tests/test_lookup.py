"""Rule look-ups and structure answers, as a user asks them, and the ranking under them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordina.ask import answer_question
from ordina.corpus import load_corpus
from ordina.corpus.retrieve import comma_index
from ordina.query.wording import retrieval_terms

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ON)


@pytest.mark.parametrize(("question", "cite", "words"), [
    ("entro quanti giorni il comune deve rispondere a una richiesta di autorizzazione?",
     "art. 88 c. 6", ["30 giorni"]),
    ("chi gestisce il registro degli incarichi?", "art. 72 c. 3",
     ["Responsabile dell’Area Amministrativa"]),
    ("entro quando il sindaco decide la valutazione finale?", "art. 28 c. 6", ["30 aprile"]),
    ("who keeps the register of assignments?", "art. 72 c. 3", ["Registro"]),
])
def test_a_look_up_quotes_the_comma_that_states_it(question, cite, words) -> None:
    result = answer_question(question, None, ON)
    assert result.kind == "lookup" and result.verdict is None
    assert result.citations[0] == cite and len(result.citations) <= 5
    assert result.quote and all(w in result.answer for w in words)
    assert f'ordina article "{cite}"' in result.answer


def test_english_look_ups_are_framed_in_english() -> None:
    result = answer_question("who keeps the register of assignments?", None, ON)
    assert " says: «" in result.answer and "Full text" in result.answer


def test_a_list_is_shown_with_its_points() -> None:
    result = answer_question("in quali casi non serve l'autorizzazione per un incarico?",
                             None, ON)
    assert result.citations[0] == "art. 89 c. 1"
    assert "titolo gratuito" in result.answer


def test_nothing_in_the_text_says_so_and_shows_the_closest() -> None:
    result = answer_question("quanto costa un caffè alla macchinetta?", None, ON)
    assert result.kind == "search" and result.verdict is None
    assert "Non ho riconosciuto la domanda" in result.answer
    assert "Forse volevi chiedere" in result.answer


def test_a_yes_no_question_answered_by_one_comma_gets_the_verdict_its_words_state() -> None:
    result = answer_question("si può istituire il nucleo di valutazione in forma associata "
                             "con altri comuni?", None, ON)
    assert result.verdict == "consentito" and result.citations[0] == "art. 37 c. 3"
    assert "secondo il testo" in result.answer


def test_a_negated_question_gets_no_verdict_from_the_text() -> None:
    from ordina.answerers.lookup import text_verdict

    assert text_verdict("non posso farlo?", "Il dipendente non può svolgere…") is None
    assert text_verdict("posso farlo?", "Il dipendente non può svolgere…") == "vietato"
    assert text_verdict("posso farlo?", "previa autorizzazione del Segretario") == \
        "autorizzazione"


@pytest.mark.parametrize(("question", "first", "words"), [
    ("quali articoli compongono il titolo VII?", "titolo VII", ["art. 57", "art. 73"]),
    ("dove è regolato il part-time?", "art. 80", ["art. 80"]),
    ("quali articoli citano il TUEL?", "art. 1 c. 1 trattino 2", ["D.Lgs. 267/2000", "art. 53"]),
    ("quanti articoli ha il regolamento?", "art. 1", ["94 articoli"]),
    ("in quale titolo sono disciplinate le collaborazioni?", None, ["titolo VII"]),
    # a part named by what it is about, not by its number
    ("quali sono gli articoli delle disposizioni finali del regolamento?", "titolo X",
     ["art. 92", "art. 94"]),
    ("which are the articles of the part on mobility?", "titolo V", ["art. 50", "art. 52"]),
])
def test_structure_questions(question, first, words) -> None:
    result = answer_question(question, None, ON)
    assert result.kind == "structure" and result.intent == "structure"
    if first:
        assert result.citations[0] == first
    assert all(w in result.answer for w in words)


def test_every_look_up_citation_resolves(corpus) -> None:
    for question in ("chi presiede la conferenza dei responsabili?",
                     "quanto dura l'incarico del nucleo?", "what is the annual cap on fees?",
                     "chi approva la dotazione organica?"):
        for cite in answer_question(question, None, ON).citations:
            assert corpus.resolve(cite).citation == cite


def test_ranking_puts_the_distinctive_words_first(corpus) -> None:
    index = comma_index(corpus)
    ranked = index.rank(list(retrieval_terms("entro quando il sindaco decide la valutazione "
                                             "finale?")), 3)
    assert ranked[0].unit.citation == "art. 28 c. 6"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=120))
def test_look_ups_never_fail(text: str) -> None:
    from ordina.answerers.lookup import answer_lookup
    from ordina.query.model import Query

    corpus = load_corpus(ON)
    result = answer_lookup(Query(text=text, intent="lookup"), corpus)
    assert result.answer and len(result.citations) <= 5


def test_a_look_up_names_who_holds_the_office_in_this_comune(tmp_path) -> None:
    from ordina.db import connect
    from ordina.store.demo import ensure_demo

    db = connect(tmp_path / "demo.db")
    ensure_demo(db)
    result = answer_question("chi tiene il registro degli incarichi?", db, ON)
    assert result.citations[0] == "art. 72 c. 3"
    assert "Nel Comune al 23/11/2026: Responsabile dell'Area Amministrativa: **Laura Bianchi**" \
        in result.answer
    without = answer_question("chi tiene il registro degli incarichi?", None, ON)
    assert "Nel Comune" not in without.answer


def test_a_where_question_also_quotes_the_comma_of_its_article_that_answers() -> None:
    # art. 29 c. 3: "gli esiti della valutazione dei titolari di posizione organizzativa sono
    # pubblicati sul sito internet" (art. 28 c. 2 says it of the organisational performance)
    result = answer_question("in quale articolo si parla della pubblicazione degli esiti "
                             "della valutazione?", None, ON)
    assert result.kind == "structure" and result.citations[:2] in (
        ["art. 28", "art. 28 c. 2"], ["art. 29", "art. 29 c. 3"])
    assert "sito internet" in result.answer and len(result.citations) <= 5
    # a comma of another article is not offered as the particular of this one
    plain = answer_question("dove è regolato il part-time?", None, ON)
    assert plain.citations[0] == "art. 80"
    assert "In particolare" not in plain.answer or "In particolare, art. 80 c." in plain.answer


def test_a_competence_answer_quotes_the_comma_that_says_it() -> None:
    # the check names the office; art. 76 c. 2 says it: "I responsabili autorizzano le
    # missioni dei dipendenti incardinati nella propria struttura"
    result = answer_question("chi autorizza le missioni del personale dipendente?", None, ON)
    assert "art. 76 c. 2" in result.citations
    assert "Il testo, art. 76 c. 2: «I responsabili autorizzano le missioni" in result.answer
    # a neighbouring act the check does not decide (art. 76 c. 3, the payment) is quoted
    # as the text to see, with its citation
    paid = answer_question("chi liquida le spese delle missioni?", None, ON)
    assert "art. 76 c. 3" in paid.citations and len(paid.citations) <= 5
    assert "Vedi anche il testo, art. 76 c. 3: «Alla liquidazione" in paid.answer


def test_a_where_question_naming_a_titolo_is_answered_inside_it() -> None:
    result = answer_question("cosa disciplina il titolo VII?", None, ON)
    # art. 74 (titolo VIII) cites the Titolo VII; the answer is an article of titolo VII
    assert result.kind == "structure" and "titolo VII" in result.answer
    first = int(result.citations[0].split()[1])
    assert 57 <= first <= 73


def test_a_point_is_quoted_after_the_words_it_hangs_from(corpus) -> None:
    from ordina.answerers.lookup import lead_in

    # art. 1 c. 2 "Con separati altri atti, di natura pubblicistica, sono determinati:"
    point = corpus.resolve("art. 1 c. 2 trattino 1")
    assert lead_in(corpus, point).startswith("Con separati altri atti")
    assert lead_in(corpus, corpus.resolve("art. 1 c. 2")) is None


def test_a_table_row_is_read_with_its_header(corpus) -> None:
    from ordina.answerers.lookup import segments

    # all. A tab. 1: the TOTALE row says 11 only under the header "POSTI IN ORGANICO"
    table = corpus.resolve("all. A tab. 1")
    rows = segments(corpus, table)
    total = next(r for r in rows if r.text.startswith("TOTALE"))
    assert total.context.startswith("N. Ord.") and "POSTI IN ORGANICO" in total.context
    header = next(r for r in rows if r.text == total.context)
    assert header.context == ""  # the header row is read alone


def test_a_question_about_norms_naming_no_unit_is_answered_by_the_comma() -> None:
    # art. 49 c. 1: "Ai procedimenti amministrativi … si applicano …"; no unit is named, so
    # there is nothing to list the references of
    result = answer_question("quali norme valgono per i procedimenti amministrativi del comune?",
                             None, ON)
    assert result.kind == "lookup" and result.citations[0] == "art. 49 c. 1"
    assert result.quote


def test_a_fact_question_read_as_structure_still_gets_the_fact() -> None:
    # "a chi…" asks who: art. 93 c. 2 "Copia sarà altresì trasmessa ai Titolari di posizione e
    # alle Rappresentanze Sindacali", even though the look-up's own best is elsewhere
    result = answer_question("a chi deve essere trasmessa copia del presente regolamento?",
                             None, ON)
    if result.kind == "structure":
        assert result.citations[:2] == ["art. 93", "art. 93 c. 2"]
    assert "Rappresentanze Sindacali" in result.answer


def test_a_question_of_a_named_titolo_is_not_the_list_of_titoli() -> None:
    # art. 58 c. 1 "Non soggiacciono all'applicazione delle disposizioni del presente titolo…"
    result = answer_question("a quali incarichi non si applicano le norme del titolo VII?",
                             None, ON)
    assert not result.answer.startswith("I titoli del regolamento")
    assert result.citations[0] == "art. 58"
    plain = answer_question("quali titoli ha il regolamento?", None, ON)
    assert plain.answer.startswith("I titoli del regolamento")
