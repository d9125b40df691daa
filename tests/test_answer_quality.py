"""Answers as a Segretario comunale reads them: the verdict in a sentence, the arithmetic,
the person and the act, the ambiguities of the text. User-level: through ``answer_question``."""

from __future__ import annotations

from datetime import date

import pytest

from ordina.ask import answer_question
from ordina.db import connect
from ordina.engine import FactSet
from ordina.store import REFERENCE_DATE, ensure_demo


@pytest.fixture(scope="module")
def demo():
    db = connect(":memory:")
    ensure_demo(db)
    return db


def ask(db, question: str):
    return answer_question(question, db, REFERENCE_DATE)


# ------------------------------------------------------------------ art. 88 c. 3, the cap
def test_cap_answer_shows_the_sum_and_the_ambiguous_year(demo) -> None:
    """The docenza n. 7 needs no authorisation (art. 89): it is not summed; counting it is
    the other reading, stated beside the sum, not hidden."""
    a = ask(demo, "può Mario Rossi accettare l'incarico 12?")
    assert a.verdict != "vietato" and "art. 88 c. 3" in a.citations
    assert "2.800 € + 1.000 € (n. 9) = 3.800 € ≤ 4.600 €" in a.answer
    assert "Norma ambigua" in a.answer and "(n. 7) + 1.000 € (n. 9) = 5.300 € > 4.600 €" \
        in a.answer
    # the request is still pending with a public client: silence would be assent
    assert "entro il 10/12/2026 (art. 88 c. 6)" in a.answer and "silenzio vale assenso" in a.answer


def test_cap_answer_for_stated_amounts(demo) -> None:
    a = ask(demo, "incarico da 1.500 euro, retribuzione base 24.000, già autorizzati 4.000 "
                  "quest'anno: è ammesso?")
    assert a.verdict == "vietato"
    assert "1.500 € + 4.000 € = 5.500 € > 4.800 € = un quinto di 24.000 €" in a.answer
    assert "Norma ambigua" not in a.answer


# ------------------------------------------------------------------ who substitutes
def test_uncovered_area_has_no_substitute_not_the_segretario(demo) -> None:
    """Art. 17 c. 3: the Sindaco names the interim; the Segretario's substitute power
    (art. 6 c. 5, l. 241/1990) covers procedures left undone, it does not replace the head."""
    a = ask(demo, "chi sostituisce l'area tecnica?")
    assert "Giovanni Verdi (responsabile dell'Area Tecnica)** è assente (malattia)" in a.answer
    assert "**nessun sostituto è nominato**" in a.answer and "art. 17 c. 3" in a.answer
    assert "agisce **Francesco Esposito**" not in a.answer
    assert "non è però il sostituto del responsabile" in a.answer


def test_substitute_named_with_the_act(demo) -> None:
    a = ask(demo, "chi sostituisce il segretario il 3 marzo 2027?")
    assert ("al suo posto agisce **Laura Bianchi**, Vice Segretario (Decreto sindacale "
            "n. 7/2024, dal 01/07/2024; art. 7 c. 1)") in a.answer
    a = ask(demo, "chi sostituisce l'area servizi sociali?")
    assert "**Laura Bianchi**, responsabile ad interim (Decreto sindacale n. 12/2026" in a.answer


def test_higher_duties_for_holidays_are_not_a_lawful_substitute(demo) -> None:
    a = ask(demo, "chi sostituisce Romano il 10 agosto 2026?")
    assert "affidate a **Giorgio Ferrari**" in a.answer and "non è ammesso" in a.answer
    assert "al suo posto agisce" not in a.answer


# ------------------------------------------------------------------ who is competent
def test_competent_person_named_with_office_and_act(demo) -> None:
    a = ask(demo, "chi autorizza le ferie di Neri?")
    assert a.answer.startswith("**Ferie** — per Anna Neri (responsabile di Area): ferie e "
                               "permessi dei responsabili: li autorizza il Segretario")
    assert ("Al 23/11/2026 il Segretario comunale è **Francesco Esposito** (Decreto sindacale "
            "n. 4/2019, dal 01/03/2019).") in a.answer
    assert {"art. 81 c. 1", "art. 6 c. 5 trattino 6"} <= set(a.citations)


def test_missions_of_a_responsabile_state_the_conflict_of_art_6_and_76(demo) -> None:
    a = ask(demo, "chi autorizza le missioni di Rossi?")
    assert "**Alberto Sala**" in a.answer and "art. 76 c. 1" in a.citations
    assert "Conflitto tra norme" in a.answer and "art. 6 c. 5 trattino 6" in a.citations
    segretario = ask(demo, "chi autorizza le missioni del segretario?")
    assert "Conflitto" not in segretario.answer and segretario.citations == ["art. 76 c. 1"]


def test_competent_office_holder_absent_names_who_acts(demo) -> None:
    a = ask(demo, "chi è competente per i procedimenti disciplinari il 3 marzo 2027?")
    assert "assente (ferie) fino al 08/03/2027: al suo posto agisce **Laura Bianchi**" in a.answer


# ------------------------------------------------------------------ art. 88 c. 6 on the calendar
def test_answer_term_ending_at_christmas_moves_to_the_next_working_day() -> None:
    """25/11/2026 + 30 days = Christmas; 26/12 is Santo Stefano, 27/12 a Sunday: the term
    ends on Monday 28/12 (art. 2963 c. 3 c.c.), and only from the 29th silence is a denial."""
    stated = {"request_date": date(2026, 11, 25), "request_answered": False}
    question = "posso accettare un incarico da una ditta privata?"
    on_the_day = answer_question(question, None, date(2026, 12, 28), dict(stated))
    assert on_the_day.verdict != "vietato"
    assert "va decisa entro il 28/12/2026" in on_the_day.answer
    assert any("Natale" in s.step and "lunedì 28 dicembre 2026" in s.step
               for s in on_the_day.trace)
    after = answer_question(question, None, date(2026, 12, 29), dict(stated))
    assert after.verdict == "vietato" and "entro il 28/12/2026" in after.answer


def test_the_demo_patron_saint_moves_the_answer_term(demo) -> None:
    """The Comune di Esempio's patron (24 June) is a holiday for its deadlines."""
    from ordina.engine import default_registry
    from ordina.engine.dbfacts import assignment_subjects

    subject = assignment_subjects(demo, REFERENCE_DATE, ids=[12])[0]
    assert subject.facts.get("patron_saint") == "24/06 San Giovanni Battista"
    check = default_registry().get("incarichi_esterni.silenzio")
    facts = subject.facts.merged(
        FactSet.from_values({"request_date": date(2026, 5, 25), "date": date(2026, 6, 25)},
                            "scenario").facts())
    assert check.run(facts).data["scadenza"] == "2026-06-25"


# ------------------------------------------------------------------ expiring assignments
def test_expiring_assignments_and_pending_requests(demo) -> None:
    a = ask(demo, "incarichi in scadenza")
    assert "**In scadenza nei 90 giorni dal 23/11/2026** (fino al 21/02/2027):" in a.answer
    assert ("31/12/2026: Componente del Nucleo di valutazione — Giovanna Marchi") in a.answer
    assert "restano in carica fino al rinnovo del Nucleo (art. 38 c. 1)" in a.answer
    assert "collaborazione 2026/1" in a.answer and "art. 68 c. 3" in a.citations
    assert ("10/12/2026: risposta alla richiesta dell'incarico 12 di Mario Rossi") in a.answer
    assert "01/10/2026: termine scaduto: il silenzio vale diniego" in a.answer
    short = ask(demo, "incarichi in scadenza entro 20 giorni")
    assert "**In scadenza nei 20 giorni dal 23/11/2026** (fino al 13/12/2026): nessun " \
           "incarico." in short.answer
    march = ask(demo, "incarichi in scadenza a marzo 2027")
    assert "dal 01/03/2027** (fino al 31/03/2027)" in march.answer
    assert "incarico 13" in march.answer and "incarico 12" not in march.answer


def test_maternity_goes_to_the_personnel_head(demo) -> None:
    a = ask(demo, "chi è competente per la maternità di Neri?")
    assert a.citations == ["art. 81 c. 2"]
    assert "il responsabile del personale è **Laura Bianchi**" in a.answer


def test_position_pay_shows_the_formula(demo) -> None:
    a = ask(demo, "graduazione 80 e Pmax 16.000: quanto è la retribuzione di posizione?")
    assert "**P = € 12.800,00**: P = G × Pmax / 100 = 80,00 × € 16.000,00 / 100" in a.answer


def test_a_kin_the_comma_does_not_bar_is_decided_on_that_comma(demo) -> None:
    """«figlio del cugino» is a relative of the 5th degree: art. 54 c. 2 does not bar him.
    That comma decides; the Comune's own conditions (the 20% cap, no internal professional,
    the mandate) are stated as conditions, not asked."""
    a = ask(demo, "il figlio del cugino del sindaco può avere un contratto ex art. 110?")
    assert a.verdict == "consentito" and a.citations[0] == "art. 54 c. 2"
    assert "Il legame non è tra quelli che l'art. 54 c. 2 esclude" in a.answer
    assert "grado di parentela o affinità = 5" in a.answer
    assert "A condizione che non ricorrano i divieti ancora da verificare" in a.answer
    assert not a.missing


def test_mobility_ranking_decides_on_partial_points_and_on_the_salary_item(demo) -> None:
    a = ask(demo, "mobilità: esperienza 35, colloquio 45: è assumibile?")
    assert a.verdict == "consentito" and "tra 80 e 95" in a.answer
    # «trattamento 10» is the salary item (art. 50), so 30 + 40 + 10 = 80 > 75
    b = ask(demo, "mobilità: esperienza 30, colloquio 40, trattamento 10: è assumibile?")
    assert b.verdict == "consentito" and "80 centesimi" in b.answer
