"""Decisions as the user meets them: facts read, only decisive questions, conditional answers.

In process through ``answer_question`` (no database: the checks need none) and a few
``ordina ask --json`` subprocesses.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from ordina.ask import answer_question
from ordina.engine.registry import default_registry
from ordina.fact_forms import question_en
from ordina.query.api import parse_question

ON = date(2026, 11, 23)


def ask(text: str):
    return answer_question(text, None, ON)


# ------------------------------------------------------------------ stated, never asked back
@pytest.mark.parametrize("text", [
    "un dipendente a tempo pieno può fare consulenza per una ditta fornitrice del Comune?",
    ("la selezione non è ancora partita: posso affidare le mansioni superiori per il posto "
    "vacante per 10 mesi?"),
    ("ho chiesto l'autorizzazione per una consulenza con una srl 40 giorni fa e nessuno mi ha "
    "ancora risposto: posso iniziare?"),
    "un dipendente al 40% può fare il libero professionista?",
    "posso fare una consulenza a titolo gratuito per un'associazione?",
])
def test_stated_facts_are_not_asked_back_and_are_listed(text: str) -> None:
    stated = parse_question(text, today=ON).facts
    answer = ask(text)
    assert stated and not {m.fact for m in answer.missing} & set(stated)
    assert "Fatti letti:" in answer.answer and "(dalla domanda)" in answer.answer


def test_negatives_decide() -> None:
    answer = ask("la selezione non è ancora partita: posso affidare le mansioni superiori "
                 "per il posto vacante per 10 mesi?")
    assert answer.verdict == "vietato" and answer.citations == ["art. 13 c. 1 trattino 1"]
    assert "copertura del posto in corso = no (dalla domanda)" in answer.answer
    silent = ask("ho chiesto l'autorizzazione per una consulenza con una srl 40 giorni fa e "
                 "nessuno mi ha ancora risposto: posso iniziare?")
    assert silent.verdict == "vietato" and silent.citations[0] == "art. 88 c. 6"
    assert len(silent.citations) <= 5


def test_number_bound_to_its_role_decides() -> None:
    answer = ask("un dipendente al 40% può fare il libero professionista?")
    assert answer.verdict == "comunicazione" and answer.citations == ["art. 87 c. 3"]
    assert "percentuale del rapporto di lavoro = 40 (dalla domanda)" in answer.answer


# ------------------------------------------------------------------ only what can change it
@pytest.mark.parametrize("text", [
    "posso fare un incarico esterno?",
    "posso fare consulenza?",
    "can I do consulting work?",
    "posso fare l'amministratore del condominio dove abito?",
])
def test_at_most_five_questions_each_able_to_change_the_verdict(text: str) -> None:
    answer = ask(text)
    # undecided, or never forbidden whatever the facts: then the strictest form, still asking
    assert answer.verdict in ("dati_mancanti", "autorizzazione") and 0 < len(answer.missing) <= 5
    assert len(answer.citations) <= 5


def test_never_forbidden_whatever_the_facts_gives_the_strictest_form() -> None:
    # paid: authorisation (art. 87 c. 2 lett. h); unpaid: a communication (art. 89)
    answer = ask("sono a tempo pieno: posso fare il rilevatore per il censimento ISTAT?")
    assert answer.verdict == "autorizzazione"
    assert answer.citations[0] == "art. 87 c. 2 lett. h"
    assert "art. 89 c. 1 trattino 1" in answer.citations
    assert "nessuno dei quali è vietato" in answer.answer
    assert "paid" in {m.fact for m in answer.missing}


def test_a_case_that_may_be_forbidden_keeps_asking() -> None:
    # a supplier of the Comune: forbidden full-time (lett. i), so no bound is given
    answer = ask("posso fare consulenza per una srl fornitrice del Comune?")
    assert answer.verdict == "dati_mancanti"
    assert "nessuno dei quali è vietato" not in answer.answer


def test_a_fact_that_cannot_change_the_verdict_is_not_asked() -> None:
    # a full-time shop: lett. a decides whatever the pay or the client
    assert ask("un dipendente a tempo pieno può aprire un negozio?").missing == []
    # the condominium: pay and working time matter, occasionality is the authority's call
    condo = ask("posso fare l'amministratore del condominio dove abito?")
    assert {m.fact for m in condo.missing} <= {"part_time_percent", "paid", "expenses_only"}
    assert condo.missing[0].fact == "part_time_percent"


def test_conditional_answer_on_the_one_deciding_fact() -> None:
    answer = ask("posso fare consulenza per una srl fornitrice del Comune?")
    assert answer.verdict == "dati_mancanti"
    assert [m.fact for m in answer.missing] == ["part_time_percent"]
    text = answer.answer
    assert "Dipende da un solo fatto" in text
    assert ("a tempo pieno o con part-time oltre il 50%: **vietato** (art. 87 c. 1 lett. i)"
            in text)
    assert "con part-time fino al 50%: **consentito con sola comunicazione** (art. 87 c. 3)" \
        in text
    assert set(answer.citations) == {"art. 87 c. 1 lett. i", "art. 87 c. 3"}


def test_two_level_conditional_for_the_condominium() -> None:
    text = ask("posso fare l'amministratore del condominio dove abito?").answer
    assert "con part-time fino al 50%: **consentito con sola comunicazione** (art. 87 c. 3)" \
        in text
    assert "se è a titolo gratuito, **consentito con sola comunicazione** " \
        "(art. 89 c. 1 trattino 1)" in text
    paid = ask("posso fare l'amministratore del condominio dove abito a pagamento?").answer
    assert "**consentito previa autorizzazione** (art. 87 c. 2 lett. m)" in paid


# ------------------------------------------------------------------ the three verdicts
def test_own_condominium_is_authorisable_not_the_board_ban() -> None:
    answer = ask("sono a tempo pieno, posso fare l'amministratore del mio condominio a "
                 "pagamento?")
    assert answer.verdict == "autorizzazione"
    assert answer.citations == ["art. 87 c. 2 lett. m"]
    assert not any("lett. d" in c for c in answer.citations)


@pytest.mark.parametrize("text", [
    "posso fare volontariato gratuito?",
    "posso fare volontariato in un'associazione senza autorizzazione?",
    "un dipendente a tempo pieno può fare volontariato senza chiedere l'autorizzazione?",
    "can I do unpaid volunteering without authorisation?",
])
def test_unpaid_volunteering_needs_only_a_communication(text: str) -> None:
    answer = ask(text)
    assert answer.verdict == "comunicazione", answer.answer
    assert all(c.startswith("art. 89") for c in answer.citations)
    assert not any(c.startswith("art. 91") for c in answer.citations)


def test_private_supplier_is_the_ban_of_lett_i() -> None:
    answer = ask("un dipendente a tempo pieno può fare consulenza per una ditta fornitrice "
                 "del Comune?")
    assert answer.verdict == "vietato" and answer.citations == ["art. 87 c. 1 lett. i"]
    assert "soggetti privati fornitori" in answer.answer


# ------------------------------------------------------------------ English
def test_english_question_gets_english_missing_questions() -> None:
    answer = ask("Can I do consulting for a company that supplies the municipality?")
    assert answer.missing and all(m.question == question_en(m.fact) for m in answer.missing)
    assert "To clarify, in order:" in answer.answer
    assert "(art. 87 c. 1 lett. i)" in answer.answer and "**prohibited**" in answer.answer
    assert "(from the question)" in answer.answer


def test_english_decision_keeps_the_italian_rule() -> None:
    answer = ask("can a full-time employee open a shop?")
    assert answer.verdict == "vietato" and answer.answer.startswith("**prohibited**")
    assert "attività commerciali e industriali" in answer.answer


def test_every_fact_asked_in_english_has_an_english_question() -> None:
    registry = default_registry()
    for name, spec in registry.vocabulary.items():
        assert registry.question(name, "en") != spec.question or not spec.question, name


# ------------------------------------------------------------------ kind
def test_kind_of_answer() -> None:
    assert ask("un dipendente a tempo pieno può aprire un negozio?").kind == "decision"
    assert ask("posso fare consulenza?").kind == "decision"
    assert ask("con importo massimo 14.000 e graduazione 70 quanto spetta di retribuzione "
               "di posizione?").kind == "calculation"


# ------------------------------------------------------------------ the CLI
@pytest.mark.slow
def test_cli_json_conditional_and_not_asked_back(run_ordina) -> None:
    result = run_ordina("ask", "posso fare consulenza per una srl fornitrice del Comune?",
                        "--json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["verdict"] == "dati_mancanti" and data["kind"] == "decision"
    assert [m["fact"] for m in data["missing"]] == ["part_time_percent"]
    assert "**vietato** (art. 87 c. 1 lett. i)" in data["answer"]
    assert "client_relation" not in {m["fact"] for m in data["missing"]}


@pytest.mark.slow
def test_cli_json_three_verdicts(run_ordina) -> None:
    cases = {
        "sono a tempo pieno, posso fare l'amministratore del mio condominio a pagamento?":
            ("autorizzazione", "art. 87 c. 2 lett. m"),
        "posso fare volontariato in un'associazione senza autorizzazione?":
            ("comunicazione", "art. 89 c. 1 trattino 2"),
        "un dipendente a tempo pieno può fare consulenza per una ditta fornitrice del Comune?":
            ("vietato", "art. 87 c. 1 lett. i"),
    }
    for question, (verdict, cite) in cases.items():
        data = json.loads(run_ordina("ask", question, "--json").stdout)
        assert (data["verdict"], data["citations"][0]) == (verdict, cite), question


@pytest.mark.slow
def test_cli_json_english_missing_questions(run_ordina) -> None:
    data = json.loads(run_ordina(
        "ask", "Can I do consulting for a company that supplies the municipality?",
        "--json").stdout)
    assert data["missing"] and data["missing"][0]["question"].startswith("What is the")
    assert len(data["missing"]) <= 5 and len(data["citations"]) <= 5


def test_threshold_named_on_its_side() -> None:
    """Art. 51 c. 1 asks «almeno cinque anni»: the cut is at 5, not «oltre 4»."""
    text = ask("posso chiedere la mobilità in uscita?").answer
    assert "di almeno 5, **consentito previa autorizzazione** (art. 51 c. 1)" in text
    assert "sotto 5, **vietato** (art. 51 c. 1)" in text


# ------------------------------------------------------------------ examples from the text
#: Decisions written from art. 13, 14, 50-54, 80, 87-91: (question, verdict, decisive comma).
DECISIONS = [
 ("un dipendente a tempo pieno può fare il libero professionista?", "vietato", "art. 87 c. 1 lett. b"),
 ("sono part-time al 50%, posso aprire un negozio?", "comunicazione", "art. 87 c. 3"),
 ("un dipendente a tempo pieno può essere assunto da un'azienda privata come secondo lavoro?", "vietato", "art. 87 c. 1 lett. c"),
 ("a tempo pieno posso fare il consigliere di amministrazione di una srl?", "vietato", "art. 87 c. 1 lett. d"),
 ("a tempo pieno posso fare il revisore dei conti di un altro comune?", "autorizzazione", "art. 87 c. 2 lett. c"),
 ("a tempo pieno posso fare il commissario di concorso in un altro comune?", "autorizzazione", "art. 87 c. 2 lett. e"),
 ("a tempo pieno posso fare il rilevatore istat a pagamento?", "autorizzazione", "art. 87 c. 2 lett. h"),
 ("a tempo pieno posso fare l'arbitro a pagamento?", "autorizzazione", "art. 87 c. 2 lett. g"),
 ("a tempo pieno posso fare l'amministratore del mio condominio a pagamento?", "autorizzazione", "art. 87 c. 2 lett. m"),
 ("posso scrivere un libro?", "comunicazione", "art. 89 c. 1 trattino 3"),
 ("posso fare il relatore a un convegno?", "comunicazione", "art. 89 c. 1 trattino 5"),
 ("posso insegnare all'università?", "comunicazione", "art. 89 c. 1 trattino 10"),
 ("posso fare volontariato gratuito?", "comunicazione", "art. 89 c. 1 trattino 1"),
 ("a tempo pieno posso fare consulenza per una ditta in concorrenza con il Comune?", "vietato", "art. 87 c. 1 lett. f"),
 ("a tempo pieno posso fare consulenza per una ditta che ha un contenzioso con il Comune?", "vietato", "art. 87 c. 1 lett. h"),
 ("a tempo pieno posso fare consulenza per una ditta fornitrice del Comune?", "vietato", "art. 87 c. 1 lett. i"),
 ("a tempo pieno posso fare l'avvocato per un cittadino residente nel comune?", "vietato", "art. 87 c. 1 lett. m"),
 ("un vigile può chiedere il part-time?", "vietato", "art. 80 c. 4"),
 ("un capo area può chiedere il part-time?", "vietato", "art. 80 c. 4"),
 ("sono assunto da 3 anni, posso chiedere la mobilità in uscita?", "vietato", "art. 51 c. 1"),
 ("un dipendente a tempo determinato può chiedere la mobilità in uscita?", "vietato", "art. 51 c. 1"),
 ("con 72/100 si può assumere per mobilità?", "vietato", "art. 50 c. 4"),
 ("un C1 può essere nominato responsabile di area?", "vietato", "art. 14 c. 1"),
 ("il cugino del sindaco può avere un contratto a tempo determinato ex art. 110?", "vietato", "art. 54 c. 2"),
 ("posso affidare mansioni superiori per coprire le ferie di un collega?", "vietato", "art. 13 c. 1 trattino 2"),
 ("la selezione non è ancora partita: posso affidare mansioni superiori per il posto vacante per 8 mesi?", "vietato", "art. 13 c. 1 trattino 1"),
 ("can a full-time employee be a freelancer?", "vietato", "art. 87 c. 1 lett. b"),
 ("can a municipal police officer work part-time?", "vietato", "art. 80 c. 4"),
 ("can I do unpaid volunteering?", "comunicazione", "art. 89 c. 1 trattino 1"),
 ("can a full-time employee work for a company that supplies the municipality?", "vietato", "art. 87 c. 1 lett. i"),
 ("can a full-time employee consult for a company that has a dispute with the municipality?", "vietato", "art. 87 c. 1 lett. h"),
]


@pytest.mark.parametrize(("text", "verdict", "cite"), DECISIONS, ids=[d[0] for d in DECISIONS])
def test_decisions_from_the_regulation(text: str, verdict: str, cite: str) -> None:
    answer = ask(text)
    assert answer.verdict == verdict and answer.citations[0] == cite, (
        answer.verdict, answer.citations)
    assert answer.kind == "decision" and len(answer.missing) <= 5


def test_a_calculation_each_value_of_the_open_fact_completes() -> None:
    # art. 76 c. 7 lett. c: 1/5 of a litre per km if the own vehicle is authorised (c. 5)
    answer = ask("vigile in servizio di controllo, 120 km con la mia auto, benzina a 1,85 "
                 "€/litro: quanto mi spetta?")
    assert answer.verdict is None
    assert "44,40" in answer.answer and "mezzo pubblico" in answer.answer
    assert [m.fact for m in answer.missing] == ["own_vehicle_authorised"]
    assert "art. 76 c. 7 lett. c trattino 1" in answer.citations
    assert "motivo della trasferta con il mezzo proprio = attività di controllo (dalla domanda)" \
        in answer.answer


@pytest.mark.parametrize(("text", "verdict"), [
    # art. 88 c. 6: after 30 days, silence is a denial for a private client...
    (("ho chiesto l'autorizzazione per un incarico con un privato, dopo 30 giorni nessuno mi "
      "ha risposto: posso iniziare?"), "vietato"),
    # ... and before the 30 days the request is still being examined
    (("ho chiesto l'autorizzazione per un incarico con un privato, dopo 10 giorni nessuno mi "
      "ha risposto: posso iniziare?"), "dati_mancanti"),
])
def test_silence_on_the_days_waited(text: str, verdict: str) -> None:
    answer = ask(text)
    assert answer.verdict == verdict
    assert "giorni di attesa della risposta" in answer.answer
    if verdict == "vietato":
        assert answer.citations == ["art. 88 c. 6"]
    else:
        assert "attende da 10 giorni: il Comune ha 30 giorni per rispondere" in answer.answer


@pytest.mark.parametrize("text", [
    ("ho chiesto l'autorizzazione per un incarico alla provincia 40 giorni fa e nessuno mi ha "
    "risposto: posso iniziare?"),
    ("I requested authorisation for a job with another public administration and got no reply "
    "after 30 days. May I go ahead?"),
])
def test_silence_on_a_request_to_a_public_body_is_the_authorisation(text: str) -> None:
    # art. 88 c. 6: «si intende positiva»; what the other checks would still ask (the
    # part-time share, the kind of activity) does not change that the request is granted
    answer = ask(text)
    assert answer.verdict == "consentito"
    assert answer.citations == ["art. 88 c. 6"]
    assert "si intende positiva" in answer.answer and "art. 87 c. 1" in answer.answer
    assert not answer.missing


def test_more_than_a_month_ago_is_a_day_before_the_month() -> None:
    from ordina.query import parse_question

    # a month is counted as 30 days: 24/10; "more than" that is 23/10 at the latest
    said = "ho chiesto l'autorizzazione per una consulenza per una ditta privata {} fa: posso?"
    on = date(2026, 11, 23)
    assert parse_question(said.format("un mese"), today=on).facts["request_date"] == date(
        2026, 10, 24)
    assert parse_question(said.format("più di un mese"), today=on).facts[
        "request_date"] == date(2026, 10, 23)


def test_a_value_the_stated_facts_rule_out_does_not_stop_the_answer() -> None:
    # 25 points of organisational performance exceed the art. 42 scale (max 20): trying that
    # scale must not end the answer in an error; only the ordinary card fits, so nothing
    # is asked and its total is given
    answer = ask("valutazione PO: performance organizzativa 25, obiettivi 30, comportamenti 15, "
                 "capacità di valutare 5. quanto fa il totale?")
    assert answer.verdict is None and not answer.missing
    assert "**75**" in answer.answer and "art. 22 c. 1" in answer.citations


def test_a_condominium_of_others_is_no_authorisation_the_text_gives() -> None:
    # art. 87 c. 2 lett. m: «condomini, di residenza o nei quali il dipendente è titolare di
    # proprietà»; whose it is decides, so it is asked
    unknown = ask("sono a tempo pieno, posso fare l'amministratore di un condominio a pagamento?")
    assert unknown.verdict == "dati_mancanti"
    assert [m.fact for m in unknown.missing] == ["own_condominium"]
    others = ask("sono a tempo pieno: posso fare a pagamento l'amministratore di un "
                 "condominio dove non abito?")
    assert others.verdict == "vietato" and others.citations == ["art. 87 c. 2 lett. m"]
    own = ask("sono a tempo pieno, posso fare l'amministratore del condominio dove abito a "
              "pagamento?")
    assert own.verdict == "autorizzazione" and "art. 87 c. 2 lett. m" in own.citations


def test_a_communication_for_any_activity_no_ban_reaches() -> None:
    # art. 89 c. 1 trattino 6: expenses only need a communication, whatever the activity,
    # unless a ban of art. 87 c. 1 forbids the activity itself (a commercial one, full-time)
    answer = ask("incarico pagato solo con il rimborso delle spese documentate: serve "
                 "autorizzazione?")
    assert answer.verdict == "comunicazione"
    assert answer.citations[0] == "art. 89 c. 1 trattino 6"
    assert "i divieti di art. 87 c. 1 lett. a, b" in answer.answer
    assert "activity_kind" in [m.fact for m in answer.missing]


def test_the_lettere_of_one_comma_are_said_once() -> None:
    from ordina.engine.wording import joined_citations

    assert joined_citations(["art. 87 c. 1 lett. a", "art. 87 c. 1 lett. l",
                             "art. 80 c. 1"]) == "art. 87 c. 1 lett. a e l, art. 80 c. 1"
    assert joined_citations(["art. 87 c. 1 lett. a", "art. 87 c. 1 lett. b"],
                            "en") == "art. 87 c. 1 lett. a and b"
