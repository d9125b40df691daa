"""Routing by what the question asks: examples per intent, thesaurus, question forms."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordina.query import intents as I
from ordina.query import parse_question
from ordina.query.router import default_router, features, load_examples
from ordina.query.wording import question_form, retrieval_terms, thesaurus

TODAY = date(2026, 11, 23)


def test_every_intent_with_examples_has_at_least_fifteen() -> None:
    counts = Counter(e.intent for e in load_examples())
    assert counts, "no example questions were found"
    thin = {intent: n for intent, n in counts.items() if n < 15}
    assert not thin, thin


def test_examples_name_known_intents_and_are_not_repeated() -> None:
    examples = load_examples()
    assert {e.intent for e in examples} <= set(I.ALL_INTENTS)
    texts = Counter(e.text.lower() for e in examples)
    assert [t for t, n in texts.items() if n > 1] == []


def test_every_check_intent_declares_examples_in_its_yaml() -> None:
    from ordina.engine.registry import default_registry

    declared = {e.intent for e in load_examples()}
    registry = default_registry()
    answered = {i for c in registry.checks for i in c.intents}
    assert answered - declared == set()


@pytest.mark.parametrize(("text", "term"), [
    ("un vigile può chiedere il part-time?", "agente di polizia municipale"),
    ("una PO può fare consulenze?", "posizione organizzativa"),
    ("il capo area è assente", "responsabile di area"),
    ("can the head of area work part time?", "responsabile di area"),
    ("posso lavorare per una ditta?", "società"),
    ("faccio la libera professione", "attività libero professionale"),
])
def test_the_thesaurus_reads_the_words_people_use(text: str, term: str) -> None:
    assert term in thesaurus().concepts(text)


@pytest.mark.parametrize(("text", "form"), [
    ("chi presiede il nucleo di valutazione?", "chi"),
    ("entro quanti giorni risponde il comune?", "termine"),
    ("quanto dura l'incarico del nucleo?", "durata"),
    ("quanti componenti ha il nucleo?", "quanti"),
    ("in quali casi non serve l'autorizzazione?", "casi"),
    ("dove è regolato il part-time?", "dove"),
    ("ogni quanto viene pagata la retribuzione di risultato?", "frequenza"),
    ("posso fare l'amministratore di una srl?", "sino"),
    ("who chairs the evaluation board?", "chi"),
    ("how long does the appointment last?", "durata"),
    ("can I teach at the university?", "sino"),
])
def test_question_forms(text: str, form: str) -> None:
    assert question_form(text) == form


@pytest.mark.parametrize(("text", "intent"), [
    # what the rule says: a look-up, whatever check its words evoke
    ("chi presiede il nucleo di valutazione?", I.LOOKUP),
    ("che trattamento economico spetta a chi svolge mansioni superiori?", I.LOOKUP),
    ("entro quanti giorni il comune deve rispondere a una richiesta di autorizzazione?",
     I.LOOKUP),
    ("ogni quanto viene pagata la retribuzione di risultato?", I.LOOKUP),
    ("who appoints the deputy secretary?", I.LOOKUP),
    # the structure of the regulation
    ("in quale titolo sono disciplinate le collaborazioni?", I.STRUCTURE),
    ("quali articoli compongono il titolo VII?", I.STRUCTURE),
    ("where is part-time regulated?", I.STRUCTURE),
    # a case to decide: the check
    ("posso fare l'amministratore del mio condominio?", I.EXTERNAL_ASSIGNMENT),
    ("un vigile può chiedere il part-time?", I.PART_TIME),
    ("can I teach a course at the university on weekends?", I.EXTERNAL_ASSIGNMENT),
    ("graduazione 80 e Pmax 16.000: quanto è la retribuzione di posizione?",
     I.POSITION_PAY),
])
def test_routing_follows_the_point_of_the_question(text: str, intent: str) -> None:
    assert parse_question(text, today=TODAY).intent == intent


def test_two_close_readings_name_the_other_one() -> None:
    from ordina.ask import answer_query
    from ordina.query.model import Query

    query = Query(text="chi propone gli obiettivi?", intent=I.LOOKUP, form="chi",
                  alternative=I.WHO)
    answer = answer_query(query, None, TODAY, {})
    assert "Se intendevi chi ricopre oggi l'incarico" in answer.answer
    other = Query(text="chi propone gli obiettivi?", intent=I.WHO, form="chi",
                  alternative=I.LOOKUP)
    # no one is named: the comma that says who proposes them answers (art. 19 c. 4 / 24 c. 1),
    # and the reading it replaced is named
    found = answer_query(other, None, TODAY, {})
    assert found.intent == I.LOOKUP and "obiettivi sono proposti" in found.answer
    assert "Se intendevi chi ricopre oggi l'incarico" in found.answer


def test_english_words_reach_the_italian_commi() -> None:
    stems = {s for term in retrieval_terms("who appoints the mayor's staff?") for s in term}
    assert {"nomin", "sindac"} <= stems


def test_features_see_figures_and_forms() -> None:
    bag = features("graduazione 80 e Pmax 16.000: quanto è la posizione?")
    assert bag["n:cifra"] and bag["f:quanto"]
    assert not features("chi presiede il nucleo?").get("n:cifra")


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_routing_never_fails(text: str) -> None:
    from ordina.errors import UserError

    try:
        query = parse_question(text, today=TODAY)
    except UserError:  # the documented refusals: empty or oversized input
        return
    assert query.intent in I.ALL_INTENTS
    ranked = default_router().rank(text)
    assert all(0.0 <= score <= 1.0 + 1e-9 for _, score in ranked)


def test_a_name_no_example_has_does_not_dilute_what_is_asked() -> None:
    """"Sono Silvia Lodi, …" says who asks, not what: the words of the activity route it."""
    router = default_router()
    bare = "faccio la volontaria alla Croce Verde, gratis: devo chiedere l'autorizzazione?"
    named = "Sono Silvia Lodi, " + bare
    assert router.rank(named)[0][0] == router.rank(bare)[0][0] == I.EXTERNAL_ASSIGNMENT
    assert abs(router.rank(named)[0][1] - router.rank(bare)[0][1]) < 0.05
    assert "w:silv" in features(named) and "w:silv" not in router._asked(named)


def test_english_function_words_carry_no_topic() -> None:
    bag = features("Is that duration allowed, as it was for the deputy?")
    assert not {"w:is", "w:that", "w:as", "w:it", "w:was"} & set(bag)
    got = parse_question("Giovanni Verdi's appointment as head of the Area Tecnica runs until "
                         "31/12/2030. Is that duration allowed?", today=TODAY)
    assert got.intent == I.AREA_HEAD_APPOINTMENT
