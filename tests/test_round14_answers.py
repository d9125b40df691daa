"""Questions of the fourteenth round, asked as ``ordina ask`` asks them, on the demo Comune.

Each expectation is worked out by hand from the regulation's text and the demo rows (as of
23/11/2026); the comments say which rows and words. None of these questions is in
``regulation/esiti.yaml``, ``regulation/domande.yaml``, a check's examples nor in the
question banks.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from store_fixtures import demo_db

from ordina.ask import answer_question
from ordina.plugins import import_path

ON = date(2026, 11, 23)
GRADUATORIE = import_path(Path(__file__).parents[1] / "checks" / "graduatorie.py", "ordina_checks")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("round14") / "demo.db")


def ask(db, text: str, on: date = ON):
    return answer_question(text, db, on)


# ------------------------------------------------------------ the evaluations, ranked
# evaluations 2025, scheme F (titolari di PO): Bianchi 94, Neri 87, Rossi 86, Galli 78,
# Verdi 58; art. 22 c. 2: the result allowance «solamente nel caso in cui la valutazione dia
# un punteggio superiore a 60 punti»
def test_the_position_holders_below_the_threshold_are_marked(db) -> None:
    result = ask(db, "nel 2025 quali titolari di PO sono rimasti sotto i 60 punti?")
    assert "art. 22 c. 2" in result.citations
    assert result.verdict is None
    verdi = next(line for line in result.answer.splitlines() if "Giovanni Verdi" in line)
    assert "58 punti" in verdi and "nessuna indennità di risultato" in verdi
    galli = next(line for line in result.answer.splitlines() if "Paolo Galli" in line)
    assert "78 punti" in galli and "spettante" in galli


# scheme G 2025: Romano 94, Lodi 91, Greco 91, Ricci 84, Ferrari 82, Conti 73
def test_the_staff_ranking_of_a_year_comes_in_order(db) -> None:
    result = ask(db, "chi è stato il dipendente con il punteggio più basso nel 2025?")
    assert result.citations[0] == "art. 27 c. 2"
    lines = [line for line in result.answer.splitlines() if line[:1].isdigit()]
    assert "Chiara Romano" in lines[0] and "94 punti" in lines[0]
    assert "Antonio Conti" in lines[-1] and "73 punti" in lines[-1]
    assert "Laura Bianchi" not in result.answer  # a position holder: another scheme


def test_an_english_ranking_is_in_english(db) -> None:
    result = ask(db, "which employees got the best scores in 2024?")
    assert "Evaluations 2024" in result.answer
    assert "Chiara Romano" in result.answer and "92 points" in result.answer


# category B, 2023-2025 (scheme G): Lodi 88/89/91, Greco 74/82/91, Ferrari 78/78/82,
# Conti 69/72/73; art. 32 c. 2: «maggior peso alla valutazione ottenuta nell'ultimo anno»,
# no weights fixed: Lodi is first under any positive weights, since she is ahead every year
def test_the_progression_ranking_says_the_weights_are_not_fixed(db) -> None:
    result = ask(db, "graduatoria PEO categoria B: chi viene prima?")
    assert result.citations[0] == "art. 32 c. 2"
    assert "Silvia Lodi** è al primo posto" not in result.answer  # the name is not bold twice
    assert "1. **Silvia Lodi**: 88 / 89 / 91" in result.answer
    assert "Silvia Lodi è al primo posto con qualunque peso" in result.answer
    assert "che il regolamento non fissa" in result.answer
    assert "Categoria C" not in result.answer


def test_a_first_place_that_turns_on_the_weights_is_said_to() -> None:
    # A leads in the last year only, B in the two before: with weights 1/1/2 A is ahead
    # (90+60+2×95 = 340 against 95+95+2×70 = 330), with weights 1/1/1.01, nearly equal, B is
    # (95+95+1.01×70 = 260.7 against 90+60+1.01×95 = 245.95)
    rows = [GRADUATORIE.Row(name, "G", year, Decimal(points), "B")
            for name, scores in (("A", (90, 60, 95)), ("B", (95, 95, 70)))
            for year, points in zip((2023, 2024, 2025), scores, strict=True)]
    body, _steps = GRADUATORIE._progressions(rows, 2025, None, english=False)
    assert "1. **A**" in body
    assert "Il primo posto dipende dai pesi" in body


def test_a_rule_question_on_the_evaluation_is_not_a_ranking(db) -> None:
    # art. 20 c. 6: the Nucleo proposes to the Sindaco the evaluation of the position holders
    result = ask(db, "chi fa la proposta di valutazione dei responsabili di area al sindaco?")
    assert "Valutazioni 2025" not in result.answer
    assert any(c.startswith(("art. 20", "art. 22")) for c in result.citations)


# --------------------------------------------- the result allowance's cap with the interim
# offices: Laura Bianchi, Responsabile dell'Area Amministrativa, position allowance 12.000 €
# (Decreto sindacale n. 5/2024); art. 17 c. 2: «Il vincolo massimo dell'indennità di risultato
# che attualmente è costituito dal 25% dell'indennità di posizione non può essere superato con
# l'aggiunta della maggiorazione»: 25% × 12.000 = 3.000
def test_the_result_cap_of_a_named_head_is_read_from_her_appointment(db) -> None:
    result = ask(db, "fino a che cifra può arrivare il risultato della Laura Bianchi con "
                     "l'interim che ha?")
    assert result.citations == ["art. 17 c. 2"]
    assert "€ 3.000,00" in result.answer and "€ 12.000,00" in result.answer
    assert "dal database" in result.answer
    assert "«attualmente»" in result.answer  # the text's own hedge on the 25%


def test_the_increase_left_is_the_cap_less_the_result_stated(db) -> None:
    # 25% × 8.000 = 2.000; 2.000 − 1.500 = 500
    result = ask(db, "posizione 8.000 euro, risultato già 1.500 euro: con l'interim di "
                     "quanto può essere la maggiorazione al massimo?")
    assert "€ 2.000,00" in result.answer and "**€ 500,00**" in result.answer
    assert result.verdict is None


def test_a_yes_no_question_on_the_cap_keeps_its_verdict(db) -> None:
    result = ask(db, "ho preso un interim: sommando la maggiorazione al risultato posso "
                     "superare il 25% della retribuzione di posizione?")
    assert result.verdict == "vietato"
    assert "art. 17 c. 2" in result.citations


def test_an_amount_is_bound_to_the_word_before_it() -> None:
    module = import_path(Path(__file__).parents[1] / "checks" / "tetto_risultato.py",
                         "ordina_checks")
    found = module._amounts("indennità di risultato 1.200 € e di posizione di € 9.500, "
                            "anno 2026, 25%")
    assert found == {"result": Decimal(1200), "position": Decimal(9500)}


# ------------------------------------------------------- who assesses a named request
# art. 88 c. 1: requests «dovranno essere valutate per i dipendenti dai titolari di posizione
# organizzativa … e per i titolari di posizione organizzativa dal responsabile per la
# prevenzione della corruzione»; offices: Francesco Esposito RPC; Laura Bianchi Area
# Amministrativa (a PO holder); Silvia Lodi in the Servizio Segreteria of that Area
def test_a_po_holders_request_is_assessed_by_the_rpc(db) -> None:
    result = ask(db, "la richiesta della Bianchi per un incarico di docenza chi la deve esaminare?")
    assert result.citations[0] == "art. 88 c. 1"
    assert "**Francesco Esposito**" in result.answer
    assert "Valutazione" not in result.answer.split("\n")[0]  # not the appraisal (art. 20)


def test_an_employees_request_is_assessed_by_her_area_head(db) -> None:
    result = ask(db, "chi decide sulla richiesta di autorizzazione presentata dalla Lodi?")
    assert result.citations[0] == "art. 88 c. 1"
    assert "Laura Bianchi" in result.answer
    assert "titolare di posizione organizzativa della struttura" in result.answer


# ------------------------------------------------ family links to the political offices
# family_links: F001 parent of F002 and of Roberto Galli (Vice Sindaco, Assessore al Bilancio
# e Personale); F002 parent of Paolo Galli (Area Vigilanza, contract art. 110): Paolo is
# Roberto's nephew, kin of the 3rd degree; F005 parent of F003 (Roberto's wife) and of Silvia
# Lodi: in-law of the 2nd degree. Art. 54 c. 2 bars the art. 53 contracts only.
def test_the_staffs_links_to_the_giunta_are_listed_with_what_art_54_bars(db) -> None:
    result = ask(db, "tra i dipendenti chi ha legami di parentela con gli assessori?")
    assert result.citations == ["art. 54 c. 2"]
    galli = next(line for line in result.answer.splitlines() if "**Paolo Galli**" in line)
    assert "3° grado" in galli and "nipote" in galli and "ne ha uno in corso" in galli
    lodi = next(line for line in result.answer.splitlines() if "**Silvia Lodi**" in line)
    assert "affine di 2° grado" in lodi and "non ne è toccato" in lodi


def test_two_namesakes_are_told_apart_by_who_is_staff(db) -> None:
    result = ask(db, "in che grado di parentela stanno il Galli comandante dei vigili e il Galli "
                     "vicesindaco?")
    assert "Ci sono" not in result.answer  # no "which Galli?" asked back
    assert "**Paolo Galli**" in result.answer and "**Roberto Galli**" in result.answer


def test_no_link_says_between_whom(db) -> None:
    result = ask(db, "che legami familiari ha il Conti con gli amministratori comunali?")
    assert "non risulta alcun legame familiare tra Antonio Conti e" in result.answer


def test_a_question_on_the_giunta_without_a_family_word_is_not_about_kinship(db) -> None:
    result = ask(db, "chi redige i verbali delle riunioni di giunta?")
    assert "art. 54 c. 2" not in result.citations


# ------------------------------------------------ small readings fixed in this round
def test_a_request_of_no_named_kind_is_not_taken_for_an_incarico(db) -> None:
    # the Neri's only request on record (10) was communicated: nothing to assess under art.
    # 88 c. 1, and her «richiesta» may be of holidays or mobility
    result = ask(db, "la richiesta della Neri chi la esamina?")
    assert "**Autorizzazioni**" not in result.answer


def test_a_request_named_by_a_word_of_the_incarico_on_record(db) -> None:
    # external_assignments: Conti's incarico «Amministratore del condominio …»; Conti is in
    # the Area Tecnica, whose head Verdi assesses it (art. 88 c. 1)
    result = ask(db, "sono il Conti: chi esamina la richiesta che ho fatto per il condominio?")
    assert result.citations[0] == "art. 88 c. 1"
    assert "Giovanni Verdi" in result.answer


def test_by_how_much_time_is_a_deadline_not_a_structure_question(db) -> None:
    # art. 73 c. 1: the extract of Titolo VII goes to the Corte dei conti «entro 30 giorni»
    result = ask(db, "entro quanto va inviato alla Corte dei conti l'estratto del titolo VII "
                     "sugli incarichi?")
    assert result.citations[0] == "art. 73 c. 1" and "30 giorni" in result.quote


def test_a_clause_asking_which_is_no_yes_no(db) -> None:
    # «…, e su quale posto?»: its «e» is no «è»; Lodi fills post DO-08A (employments)
    result = ask(db, "Paola Greco di che categoria è, e su quale posto della dotazione?")
    assert result.verdict is None
    assert "posto DO-08B della dotazione organica (all. A)" in result.answer


def test_an_area_named_with_a_slash_names_its_head(db) -> None:
    # art. 60 c. 1: «verificato dal Responsabile dell'Area Economico/Finanziaria»: Rossi
    result = ask(db, "chi controlla il tetto di spesa degli incarichi su ogni determina di "
                     "conferimento?")
    assert "art. 60 c. 1" in result.citations
    assert "Responsabile dell'Area Finanziaria: **Mario Rossi**" in result.answer


def test_who_follows_a_temporary_unit_is_its_head_with_its_end(db) -> None:
    # units: «Unità di progetto PNRR», headed by Paola Greco, until 31/12/2027 (art. 11 c. 1)
    result = ask(db, "l'unità PNRR chi la segue, e fino a quando è prevista?")
    assert "**Paola Greco**" in result.answer and "31/12/2027" in result.answer
    assert "assent" not in result.answer  # not a question on absences


@pytest.mark.parametrize("text", [
    "un quinto di 123456789012345678901234567890123456789012345678901234567890 euro?",
    "con l'interim e una posizione di 123456789012345678901234567890123 euro quanto è il "
    "tetto del risultato?",
])
def test_a_figure_no_comune_has_is_no_crash(db, text: str) -> None:
    # found by tests/test_fuzz_cli.py: rounding a 60-digit figure to the cent raised
    result = ask(db, text)
    assert "123456789012345678901234567890" not in result.answer.replace(".", "")
