"""Value parsers: amounts, percentages, points, dates, durations, categories, kinship chains."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordina.query import parse_question
from ordina.query.kinship import compose
from ordina.query.normalize import fold, normalize
from ordina.query.parser import parse_items

TODAY = date(2026, 5, 4)


def items(text: str) -> list[tuple[str, object]]:
    return [(i.kind, i.value) for i in parse_items(normalize(text).text)
            if i.kind not in ("word", "cue")]


@pytest.mark.parametrize(("text", "value"), [
    ("1.500 euro", 1500.0), ("1500 euro", 1500.0), ("1.500,00 €", 1500.0), ("€ 1.500", 1500.0),
    ("€1.500", 1500.0), ("1500€", 1500.0), ("12.911,42 euro", 12911.42), ("0,50 €", 0.5),
    ("24mila euro", 24000.0), ("24 mila euro", 24000.0), ("1.500.000 euro", 1500000.0),
    ("3k euro", 3000.0), ("1,5 mila euro", 1500.0), ("EUR 200", None),
    ("12,911.42 euros", 12911.42), ("1,500,000 euros", 1500000.0), ("3,000 euros", 3000.0),
])
def test_amounts(text: str, value: float | None) -> None:
    found = [v for k, v in items(text) if k == "amount"]
    if value is None:
        return
    assert found == [pytest.approx(value)]


@pytest.mark.parametrize(("text", "value"), [
    ("40%", 40.0), ("40 %", 40.0), ("40 per cento", 40.0), ("40percento", 40.0),
    ("12,5%", 12.5), ("50 percent", 50.0),
])
def test_percentages(text: str, value: float) -> None:
    assert items(text) == [("percent", pytest.approx(value))]


@pytest.mark.parametrize(("text", "value"), [
    ("72/100", 72.0), ("72 / 100", 72.0), ("58 punti", 58.0), ("72 su 100", 72.0),
    ("70,70 punti", 70.7), ("60 points", 60.0), ("85 centesimi", 85.0),
])
def test_points(text: str, value: float) -> None:
    assert items(text) == [("points", pytest.approx(value))]


@pytest.mark.parametrize(("text", "expected"), [
    ("12/03/2026", date(2026, 3, 12)), ("12-03-2026", date(2026, 3, 12)),
    ("12.03.2026", date(2026, 3, 12)), ("2026-03-12", date(2026, 3, 12)),
    ("12/3/26", date(2026, 3, 12)), ("12 marzo 2026", date(2026, 3, 12)),
    ("1° aprile 2026", date(2026, 4, 1)), ("12 March 2026", date(2026, 3, 12)),
    ("3 marzo", date(2026, 3, 3)), ("oggi", TODAY), ("today", TODAY),
    ("domani", date(2026, 5, 5)), ("ieri", date(2026, 5, 3)), ("12/03", date(2026, 3, 12)),
])
def test_dates(text: str, expected: date) -> None:
    query = parse_question(f"chi sostituisce il segretario {text}?", today=TODAY)
    assert query.as_of == expected


@pytest.mark.parametrize(("text", "value"), [
    ("3 anni", (3.0, "years", False)), ("tre anni", (3.0, "years", False)),
    ("un anno", (1.0, "years", False)), ("6 mesi", (6.0, "months", False)),
    ("sei mesi", (6.0, "months", False)), ("40 giorni fa", (40.0, "days", True)),
    ("2 settimane", (2.0, "weeks", False)), ("5 years", (5.0, "years", False)),
    ("two years ago", (2.0, "years", True)), ("30 gg", (30.0, "days", False)),
])
def test_durations(text: str, value: tuple) -> None:
    assert items(text) == [("duration", value)]


def test_ago_becomes_a_date() -> None:
    query = parse_question("richiesta presentata 40 giorni fa: entro quando va data risposta?",
                           today=TODAY)
    assert query.facts["request_date"] == date(2026, 3, 25)


@pytest.mark.parametrize(("text", "facts"), [
    ("un D1 può essere nominato responsabile di area?", {"category": "D1", "area": "funzionari"}),
    ("un dipendente di categoria C può chiedere il part-time?", {"area": "istruttori"}),
    ("un B3 può chiedere il part-time?", {"category": "B3", "area": "operatori_esperti"}),
    ("un funzionario può chiedere il part-time?", {"area": "funzionari"}),
    ("un istruttore direttivo può chiedere il part-time?", {"area": "funzionari"}),
    ("una posizione organizzativa può chiedere il part-time?",
     {"is_po_holder": True, "area": "funzionari"}),
    ("un titolare di EQ può chiedere il part-time?", {"is_po_holder": True}),
    ("un'elevata qualificazione può chiedere il part-time?", {"is_po_holder": True}),
    ("un collaboratore amministrativo può chiedere il part-time?",
     {"profile": "collaboratore_amministrativo"}),
    ("un esecutore tecnico può chiedere il part-time?", {"profile": "esecutore_tecnico"}),
])
def test_categories_areas_profiles(text: str, facts: dict) -> None:
    query = parse_question(text, today=TODAY)
    for name, value in facts.items():
        assert query.facts.get(name) == value, (name, query.facts)


@pytest.mark.parametrize(("text", "client"), [
    ("per una pubblica amministrazione", "pubblica_amministrazione"),
    ("per un ente pubblico", "ente_pubblico"), ("per l'università", "universita"),
    ("per un altro comune", "pubblica_amministrazione"), ("per un privato", "privato"),
    ("per una società", "societa"), ("per una srl", "societa"), ("per una ditta", "societa"),
    ("per una S.r.l.", "societa"), ("per una società partecipata", "societa_mista"),
    ("per una onlus", "associazione"),
])
def test_client_types(text: str, client: str) -> None:
    query = parse_question(f"posso fare il consulente {text}?", today=TODAY)
    assert query.facts.get("client_type") == client, query.facts


@pytest.mark.parametrize(("text", "relation"), [
    ("per un fornitore del Comune", "fornitore"),
    ("per una ditta che ha un contenzioso con il Comune", "contenzioso"),
    ("per il concessionario del servizio", "concessione"),
    ("per una società soggetta alla vigilanza del mio ufficio", "controllato"),
])
def test_client_relations(text: str, relation: str) -> None:
    query = parse_question(f"posso fare il consulente {text}?", today=TODAY)
    assert query.facts.get("client_relation") == relation, query.facts


@pytest.mark.parametrize(("word", "kind"), [
    ("commerciante", "commerciale"), ("libero professionista", "libero_professionale"),
    ("amministratore di una srl", "amministratore_societa"), ("collaudatore", "direzione_lavori"),
    ("docente", "docenza"), ("commissario di concorso", "commissione_concorso"),
    ("arbitro", "arbitrato"), ("rilevatore istat", "rilevazione_statistica"),
    ("commissario ad acta", "commissario_ad_acta"),
    ("amministratore di condominio", "amministratore_condominio"),
    ("volontario", "volontariato"), ("relatore a un convegno", "convegni"),
    ("avvocato", "patrocinio_legale"), ("consulente", "consulenza_occasionale"),
])
def test_activity_kinds(word: str, kind: str) -> None:
    query = parse_question(f"posso fare il {word}?", today=TODAY)
    assert query.facts.get("activity_kind") == kind, query.facts


@pytest.mark.parametrize(("chain", "value", "degree", "kind"), [
    (["padre"], "padre", 1, "parentela"), (["fratello"], "fratello", 2, "parentela"),
    (["zio"], "zio", 3, "parentela"), (["cugino"], "cugino", 4, "parentela"),
    (["figlio", "cugino"], "figlio_del_cugino", 5, "parentela"),
    (["figlio", "fratello"], "nipote_di_zio", 3, "parentela"),
    (["figlio", "figlio"], "nipote_di_nonno", 2, "parentela"),
    (["coniuge", "fratello"], "cognato", 2, "affinita"),
    (["fratello", "coniuge"], "cognato", 2, "affinita"),
    (["padre", "coniuge"], "suocero", 1, "affinita"),
    (["coniuge", "figlio"], "genero", 1, "affinita"),
    (["cugino", "coniuge"], "cugino_del_coniuge", 4, "affinita"),
    (["coniuge"], "coniuge", 0, "coniugio"), (["convivente"], "convivente", 0, "convivenza"),
    (["cognato", "coniuge"], None, 0, "nessuna"),
    (["cugino", "padre"], None, 5, "parentela"),
])
def test_kinship_composition(chain, value, degree, kind) -> None:
    result = compose(chain)
    assert (result.value, result.degree, result.kind) == (value, degree, kind)


@pytest.mark.parametrize(("text", "value", "degree"), [
    ("il figlio del cugino del sindaco", "figlio_del_cugino", 5),
    ("la figlia della cugina del sindaco", "figlio_del_cugino", 5),
    ("il marito della sorella dell'assessore", "cognato", 2),
    ("il padre della moglie del sindaco", "suocero", 1),
    ("la suocera del consigliere", "suocero", 1),
    ("lo zio del sindaco", "zio", 3),
    ("il fratello del sindaco", "fratello", 2),
])
def test_kinship_in_questions(text: str, value: str, degree: int) -> None:
    query = parse_question(f"{text} può avere un contratto a tempo determinato?", today=TODAY)
    assert query.facts.get("kinship") == value, query.facts
    assert query.facts.get("kinship_degree") == degree


def test_normalise_keeps_a_map_to_the_original() -> None:
    norm = normalize("Può l’incarico")
    assert norm.text == "Puo l' incarico"
    assert norm.original_span(0, 3) == "Può"
    assert norm.original_span(4, 6) == "l’"
    assert fold("  PERCHÉ   è ") == "perche e"


def test_argv_surrogates_are_replaced() -> None:
    bad = b"chi sostituisce \xff\xfe il segretario".decode("utf-8", "surrogateescape")
    query = parse_question(bad, today=TODAY)
    assert query.intent == "substitute"


# ------------------------------------------------------------------ bounds and who is meant
@pytest.mark.parametrize(("text", "fact", "value"), [
    # a number said as a bound stands for the first value past it
    ("posso prorogare le mansioni superiori oltre i 6 mesi?", "higher_duties_months", 7),
    ("posso fare part-time oltre il 50%?", "part_time_percent", 51),
    ("posso prorogare le mansioni superiori per 6 mesi?", "higher_duties_months", 6),
])
def test_a_bound_in_the_question_means_beyond_it(text: str, fact: str, value: float) -> None:
    assert parse_question(text).facts[fact] == value


@pytest.mark.parametrize(("text", "facts"), [
    ("a tempo pieno, posso lavorare il sabato come commesso?",
     {"activity_kind": "lavoro_subordinato"}),
    ("I'm full-time. Can I also be employed by a supermarket at weekends?",
     {"activity_kind": "lavoro_subordinato"}),
    ("I work full-time. Can I sit on the board of directors of a private limited company?",
     {"activity_kind": "amministratore_societa"}),
    ("posso accettare un incarico che mi fa saltare giorni di servizio?",
     {"interferes_with_service": True}),
    ("Can the mayor's first cousin get a fixed-term management contract?",
     {"related_to": "sindaco", "kinship": "cugino"}),
    ("As head of the finance area, can I work part-time?", {"is_area_head": True}),
    ("Full-time employee: can I be the administrator of the condominium where I own a flat?",
     {"activity_kind": "amministratore_condominio"}),
    ("I wrote a book and receive royalties. Do I need permission from the Comune?",
     {"activity_kind": "pubblicazione"}),
    (("A full-time technician wants to design an urbanisation work to be built in the town. "
      "Allowed?"), {"activity_kind": "incarico_tecnico_opere_pubbliche",
                  "public_works_in_territory": True}),
])
def test_facts_stated_in_words(text: str, facts: dict) -> None:
    found = parse_question(text).facts
    assert {k: found.get(k) for k in facts} == facts


def test_the_head_someone_stands_in_for_is_not_the_asker() -> None:
    found = parse_question("Is anyone standing in for the head of the technical area while "
                           "he is off sick?").facts
    assert "is_area_head" not in found


@pytest.mark.parametrize(("text", "form"), [
    ("Full-time employee: can I be the administrator of the condominium where I own a flat?",
     "sino"),  # "where" inside the question does not ask where
    ("A technician wants to design a public work in the town. Allowed?", "sino"),
    ("Where is part-time regulated?", "dove"),
])
def test_form_of_an_english_question(text: str, form: str) -> None:
    assert parse_question(text).form == form


def test_a_lowercase_word_after_an_article_is_not_a_name() -> None:
    subject = parse_question("Can I take on a side activity that cannot be reconciled with my "
                             "official duties?").subject
    assert subject is None or subject.kind == "self"


def test_a_component_number_goes_to_its_own_words_not_to_an_earlier_cue() -> None:
    facts = parse_question("valutazione PO: performance organizzativa 25, obiettivi 30, "
                           "comportamenti 15, capacità di valutare 5. quanto fa il totale?").facts
    assert (facts["points_organisational"], facts["points_individual"],
            facts["points_behaviour"], facts["points_appraisal"]) == (25, 30, 15, 5)
    assert "evaluation_score" not in facts


@given(st.integers(min_value=1000, max_value=99_999_999), st.integers(min_value=0, max_value=99))
def test_a_figure_written_the_italian_or_the_english_way_is_the_same(units: int,
                                                                     cents: int) -> None:
    from decimal import Decimal

    from ordina.facts import parse_number

    value = Decimal(units) + Decimal(cents) / 100
    italian = f"{units:,}".replace(",", ".") + f",{cents:02d}"
    english = f"{units:,}.{cents:02d}"
    assert parse_number(italian) == parse_number(english) == value


@given(st.integers(min_value=1, max_value=10**12), st.sampled_from(["giorni", "mesi", "days"]))
def test_a_period_past_the_calendar_is_no_period(amount: int, unit: str) -> None:
    from ordina.query.periods import find_period

    found = find_period(f"incarichi in scadenza entro {amount} {unit}", TODAY)
    assert found is None or found.end >= found.start


def test_whose_kin_across_a_degree_or_a_gloss() -> None:
    from ordina.query import parse_question

    cousin = parse_question("il sindaco vuole dare un incarico art. 110 al cugino di primo grado "
                            "di un assessore: si può?")
    assert cousin.facts["related_to"] == "assessore" and cousin.facts["kinship"] == "cugino"
    nephew = parse_question("il nipote (figlio della sorella) dell'assessore al bilancio può "
                            "avere un contratto a termine art. 110?")
    assert nephew.facts["related_to"] == "assessore"


def test_days_without_an_answer_to_the_internal_check() -> None:
    from ordina.query import parse_question

    query = parse_question("sono passati 10 giorni dalla richiesta del segretario e nessuno ha "
                           "risposto: posso conferire l'incarico al collaboratore esterno?")
    assert query.facts["internal_check_days_waited"] == 10
    assert query.facts["internal_check_outcome"] == "nessuna_risposta"


def test_the_external_collaborator_is_no_category_the_profile_is() -> None:
    from ordina.query import parse_question

    assert "area" not in parse_question("posso conferire l'incarico al collaboratore "
                                        "esterno?").facts
    assert parse_question("un collaboratore amministrativo può diventare capo area?").facts[
        "area"] == "operatori_esperti"
