"""The Italian error catalogue and the never-crash promise of the parser."""

from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark.exceptions import UnexpectedInput

from ordina.errors import UserError
from ordina.query import InMemoryLexicon, parse_question
from ordina.query.api import MAX_QUESTION_CHARS, EmptyQuestion, QuestionTooLong
from ordina.query.errors import CATALOGUE, explain
from ordina.query.normalize import normalize
from ordina.query.parser import parse_items

TODAY = date(2026, 5, 4)
LEX = InMemoryLexicon.from_names(people=["Mario Rossi", "Laura Bianchi"],
                                 units=["Area Tecnica"])

EXAMPLES = [(kind.label, example) for kind in CATALOGUE for example in kind.examples]


@pytest.mark.parametrize(("label", "example"), EXAMPLES,
                         ids=[f"{label}:{ex}" for label, ex in EXAMPLES])
def test_every_catalogue_example_fails_with_its_own_label(label: str, example: str) -> None:
    norm = normalize(example)
    with pytest.raises(UnexpectedInput) as info:
        parse_items(norm.text)
    assert explain(info.value, norm).label == label


@pytest.mark.parametrize("kind", CATALOGUE, ids=[k.label for k in CATALOGUE])
def test_every_suggested_form_parses(kind) -> None:
    for form in kind.forms:
        query = parse_question(form, today=TODAY)
        assert query.error is None, form


@pytest.mark.parametrize(("text", "label", "word"), [
    ("cosa dice l'art. ottantotto?", "numero_articolo_mancante", "ottantotto?"),
    ("art. 88 comma terzo", "numero_comma_mancante", "terzo"),
    ("art. 87 c. 1 lett. 4", "lettera_mancante", "4"),
    ("incarico da € tanti", "importo_mancante", "tanti"),
])
def test_near_misses_point_at_the_word(text: str, label: str, word: str | None) -> None:
    query = parse_question(text, today=TODAY)
    assert query.fallback and query.intent == "search"
    assert query.error is not None
    kind = next(k for k in CATALOGUE if k.label == label)
    assert kind.message in query.error
    assert "^" in query.error  # the caret under the word
    if word:
        assert f"«{word}»" in query.error
    assert "Forme accettate" in query.error


def test_caret_points_into_the_original_text() -> None:
    query = parse_question("Può l’art. 88 c. bis?", today=TODAY)
    assert query.error is not None
    context = query.error.split("```")[1].strip("\n").splitlines()
    line, caret = context[0], context[1]
    assert line.startswith("Può l’art. 88 c. bis?")
    assert line[caret.index("^"):].startswith("bis")


def test_unknown_error_still_gets_a_message() -> None:
    query = parse_question("art. 88 c. 3 lett. ?", today=TODAY)
    assert query.error is not None and "Non ho capito" in query.error or \
        "troppo presto" in (query.error or "")


@pytest.mark.parametrize("text", ["", "   ", "?!", "\n\t", "…"])
def test_empty_questions_raise_a_user_error(text: str) -> None:
    with pytest.raises(EmptyQuestion) as info:
        parse_question(text)
    assert isinstance(info.value, UserError)
    assert "vuota" in str(info.value)


def test_too_long_questions_raise_a_user_error() -> None:
    with pytest.raises(QuestionTooLong) as info:
        parse_question("chi sostituisce Rossi? " * 500)
    assert str(MAX_QUESTION_CHARS) in str(info.value).replace(".", "")


def test_sql_looking_text_is_only_words() -> None:
    query = parse_question("'; DROP TABLE people; --", today=TODAY)
    assert query.intent in ("search", "lookup") and query.fallback
    query = parse_question("obblighi di Robert'); DELETE FROM units;--", LEX, today=TODAY)
    assert query.intent == "obligations"


# --------------------------------------------------------------------------- properties
SEEDS = [
    "può Mario Rossi accettare l'incarico 12?", "chi sostituisce il segretario il 3 marzo 2027?",
    "art. 87 c. 1 lett. d", "incarico da 1.500 euro, retribuzione base 24.000: è ammesso?",
    "graduazione 80 e Pmax 16.000", "il figlio del cugino dell'assessore può essere assunto?",
    "cerca patrocinio legale", "72/100 58 punti 40% 12/03/2026 40 giorni fa",
    "who substitutes area Finanziaria?", "chi cita l'allegato G?",
    "a 30% di part-time a tempo pieno a titolo gratuito", "e ammesso e possibile?",
]
ALPHABET = string.ascii_letters + string.digits + " .,;:'’\"/%€-_()?!àèéìòùÀÈÉÌÒÙçñß\n\t" + \
    "αβγ中文🙂\u0301\u200b"


@st.composite
def mutated(draw) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["insert", "delete", "replace", "swap", "dup", "cut"]))
        pos = draw(st.integers(0, max(0, len(text))))
        if op == "insert":
            text = text[:pos] + draw(st.text(ALPHABET, min_size=1, max_size=4)) + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + 1:]
        elif op == "replace" and text:
            text = text[:pos] + draw(st.sampled_from(ALPHABET)) + text[pos + 1:]
        elif op == "swap":
            words = text.split()
            if len(words) > 1:
                i = draw(st.integers(0, len(words) - 2))
                words[i], words[i + 1] = words[i + 1], words[i]
                text = " ".join(words)
        elif op == "dup":
            text = text[:pos] + " " + text[pos:pos + 8] + text[pos:]
        elif op == "cut":
            text = text[:pos]
    return text


def _never_crashes(text: str) -> None:
    try:
        query = parse_question(text, LEX, today=TODAY)
    except (EmptyQuestion, QuestionTooLong):
        return
    assert query.intent
    query.to_json()


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_questions_never_crash(text: str) -> None:
    _never_crashes(text)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(ALPHABET, max_size=80))
def test_random_text_never_crashes(text: str) -> None:
    _never_crashes(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_any_unicode_never_crashes(text: str) -> None:
    _never_crashes(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["art.", "88", "c.", "3", "lett.", "d", "€", "1.500", "%", "chi", "sostituisce", "cerca",
     "allegato", "G", "all.", "il", "di", "nipote", "cugino", "del", "sindaco", "può", "oggi",
     "40", "giorni", "fa", "72/100", "punti", "marzo", "2027", "part-time", "Rossi", "Rosi"]),
    max_size=12))
def test_token_soup_never_crashes(words: list[str]) -> None:
    _never_crashes(" ".join(words))
