"""Facts read from the words of a question: surface forms, negation scope, numbers by role."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordina.fact_forms import all_forms, forms
from ordina.query.api import parse_question
from ordina.query.surface import find_forms, stated_facts

TODAY = date(2026, 11, 23)


def facts_of(text: str) -> dict:
    return parse_question(text, today=TODAY).facts


# ------------------------------------------------------------------ negation
@pytest.mark.parametrize(("text", "fact", "value"), [
    (("la selezione non è ancora partita, posso affidare le mansioni superiori per il posto "
     "vacante?"), "post_being_filled", False),
    ("la selezione è partita: posso affidare le mansioni superiori per il posto vacante?",
     "post_being_filled", True),
    (("ho chiesto l'autorizzazione per un incarico 40 giorni fa e nessuno mi ha ancora "
     "risposto: posso iniziare?"), "request_answered", False),
    ("un dipendente a tempo determinato può chiedere la mobilità?", "permanent", False),
    ("can a fixed-term employee ask for mobility?", "permanent", False),
    ("posso fare consulenza per una ditta in concorrenza con il Comune?",
     "conflict_of_interest", True),
    ("can I consult for a company that competes with the municipality?",
     "conflict_of_interest", True),
    ("posso fare una consulenza gratuita?", "paid", False),
    ("posso fare una consulenza a titolo gratuito?", "paid", False),
    ("posso fare una consulenza senza compenso?", "paid", False),
    ("can I do unpaid consulting?", "paid", False),
    ("posso fare una consulenza? non è gratuita", "paid", True),
])
def test_booleans_and_their_negation(text: str, fact: str, value: bool) -> None:
    assert facts_of(text).get(fact) is value, facts_of(text)


def test_doubt_states_nothing() -> None:
    assert "paid" not in facts_of("non so se è retribuito: posso fare consulenza?")


@pytest.mark.parametrize(("text", "relation"), [
    ("posso fare consulenza per una ditta che ha un contenzioso con il Comune?", "contenzioso"),
    ("can I consult for a company that has a dispute with the municipality?", "contenzioso"),
    ("posso fare consulenza per un fornitore del Comune?", "fornitore"),
    ("can I consult for a supplier of the municipality?", "fornitore"),
])
def test_client_dealings(text: str, relation: str) -> None:
    assert facts_of(text).get("client_relation") == relation


@pytest.mark.parametrize("text", [
    "posso fare consulenza per una ditta che non è fornitore del Comune?",
    "posso svolgere un incarico di consulenza senza autorizzazione?",
    "posso chiedere un permesso per fare consulenza?",
    "posso fare consulenza a causa di un'emergenza?",
])
def test_no_dealings_read_from_a_bare_word(text: str) -> None:
    assert "client_relation" not in facts_of(text), facts_of(text)


# ------------------------------------------------------------------ roles
@pytest.mark.parametrize("role", ["capo area", "resp. area", "responsabile di area"])
def test_area_head(role: str) -> None:
    found = facts_of(f"un {role} può fare l'arbitro?")
    assert found.get("is_area_head") is True and found.get("is_po_holder") is True


def test_head_of_area_in_english() -> None:
    assert facts_of("can a head of area teach at a university?").get("is_area_head") is True


@pytest.mark.parametrize("role", ["PO", "EQ", "posizione organizzativa",
                                  "elevata qualificazione"])
def test_po_holder(role: str) -> None:
    assert facts_of(f"un dipendente {role} può fare l'arbitro?").get("is_po_holder") is True


def test_negated_role() -> None:
    assert facts_of("non sono PO: posso fare l'arbitro?").get("is_po_holder") is False


@pytest.mark.parametrize("role", ["vigile", "agente di polizia municipale"])
def test_municipal_police(role: str) -> None:
    assert facts_of(f"un {role} può chiedere il part-time?").get("profile") == \
        "polizia_municipale"


# ------------------------------------------------------------------ numbers by role
@pytest.mark.parametrize(("text", "expected"), [
    ("con importo massimo 14.000 e graduazione 70 quanto spetta di retribuzione di posizione?",
     {"pmax": 14000.0, "graduation_G": 70.0}),
    ("Pmax 14.000, G 70: quanto è la retribuzione di posizione?",
     {"pmax": 14000.0, "graduation_G": 70.0}),
    ("un dipendente al 40% può fare il libero professionista?", {"part_time_percent": 40.0}),
    ("con 62 punti nella valutazione quanto premio spetta?", {"evaluation_score": 62.0}),
])
def test_numbers_bound_to_their_role(text: str, expected: dict) -> None:
    found = facts_of(text)
    assert {k: found.get(k) for k in expected} == expected, found


# ------------------------------------------------------------------ keyword audit
def test_absent_colleague_is_not_a_business_trip() -> None:
    found = facts_of("il collega è assente: posso affidare le mansioni superiori?")
    assert found.get("absence_kind") != "missione"


def test_local_police_is_not_the_territory() -> None:
    found = facts_of("un agente di polizia locale può fare il patrocinio in giudizio?")
    assert "client_in_territory" not in found


def test_condominium_is_not_a_company_board() -> None:
    assert facts_of("posso fare l'amministratore del condominio dove abito?")[
        "activity_kind"] == "amministratore_condominio"


# ------------------------------------------------------------------ data shape
def test_every_form_names_a_known_fact() -> None:
    from ordina.engine.registry import default_registry
    from ordina.facts import FACTS

    vocabulary = default_registry().vocabulary  # ordina.facts plus the checks' own facts
    for name, found in all_forms().items():
        assert name in vocabulary, name
        for value in found.values:
            assert value in FACTS[name].choices, (name, value)


def test_every_fact_has_an_english_question() -> None:
    from ordina.facts import FACTS

    missing = [name for name in FACTS if not forms(name).question_en]
    assert not missing, missing


# ------------------------------------------------------------------ generated phrasings
NEGATIONS = ["non", "mai", "non è", "non è mai"]
FILLERS = ["", "ancora ", "già "]


@settings(max_examples=80, deadline=None)
@given(form=st.sampled_from([(p, v) for p in forms("paid").true_forms for v in (True,)]
                            + [(p, False) for p in forms("paid").false_forms]),
       negated=st.booleans(), negation=st.sampled_from(NEGATIONS),
       filler=st.sampled_from(FILLERS))
def test_generated_negations_flip_the_fact(form: tuple[str, bool], negated: bool,
                                           negation: str, filler: str) -> None:
    phrase, value = form
    clause = f"{negation} {filler}{phrase}" if negated else f"{filler}{phrase}"
    text = f"posso fare una consulenza per una ditta? l'incarico è {clause}"
    hits = [h for h in find_forms(text.lower()) if h.fact == "paid"]
    assert hits, text
    assert stated_facts(text.lower()).get("paid") is (value != negated), text


def _amount(n: int, style: int) -> str:
    dotted = f"{n:,}".replace(",", ".")
    return [dotted, str(n), f"€ {dotted}", f"{dotted} euro"][style]


@settings(max_examples=60, deadline=None)
@given(pmax=st.integers(1000, 90000), grade=st.integers(1, 100), style=st.integers(0, 3),
       swap=st.booleans(), pmax_word=st.sampled_from(["importo massimo", "Pmax"]))
def test_generated_position_pay_numbers(pmax: int, grade: int, style: int, swap: bool,
                                        pmax_word: str) -> None:
    parts = [f"{pmax_word} {_amount(pmax, style)}", f"graduazione {grade}"]
    if swap:
        parts.reverse()
    text = f"con {parts[0]} e {parts[1]} quanto spetta di retribuzione di posizione?"
    found = facts_of(text)
    assert found.get("pmax") == float(pmax) and found.get("graduation_G") == float(grade), \
        (text, found)


@settings(max_examples=60, deadline=None)
@given(share=st.integers(1, 99), fee=st.integers(200, 9000),
       style=st.sampled_from(["al {p}%", "part-time al {p}%", "part time al {p} per cento"]))
def test_generated_part_time_and_fee(share: int, fee: int, style: str) -> None:
    text = (f"un dipendente {style.format(p=share)} può fare consulenza per una ditta con "
            f"un compenso di {fee} euro?")
    found = facts_of(text)
    assert found.get("part_time_percent") == float(share), (text, found)
    assert found.get("compensation") == float(fee), (text, found)


def test_the_json_copy_matches_the_yaml_source() -> None:
    """``ordina ask`` reads fact_forms.json; after editing the YAML run
    ``python -m ordina.fact_forms`` to rebuild it."""
    import json

    from ordina.fact_forms import COMPILED_FILE, read_source

    assert json.loads(COMPILED_FILE.read_text(encoding="utf-8")) == read_source()


@settings(max_examples=40, deadline=None)
@given(day=st.integers(1, 28), month=st.integers(1, 12), year=st.integers(1995, 2025),
       words=st.sampled_from(["sono assunto dal", "sono assunta dal", "in servizio dal"]))
def test_generated_hire_dates(day: int, month: int, year: int, words: str) -> None:
    text = f"{words} {day:02d}/{month:02d}/{year}, posso chiedere la mobilità in uscita?"
    assert facts_of(text).get("hire_date") == date(year, month, day), text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_reads_without_error(text: str) -> None:
    lowered = text.lower()
    for hit in find_forms(lowered):
        assert 0 <= hit.start < hit.end <= len(lowered)
    assert isinstance(stated_facts(lowered), dict)


def test_a_role_receiving_is_not_who_the_question_is_about() -> None:
    assert "is_area_head" not in facts_of("il segretario può dare direttive ai resp. di area?")
    assert facts_of("un resp. di area può chiedere il part-time?").get("is_area_head") is True
