"""Questions of the eleventh round, asked as ``ordina ask`` asks them, on the demo Comune.

Each expectation is worked out by hand from the regulation's text and the demo rows (as of
23/11/2026); the comments say which words and which rows. None of these questions is in
``regulation/esiti.yaml``, ``regulation/domande.yaml`` nor in the question banks.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from store_fixtures import demo_db

from ordina.answerers.comma_questions import Example, QuestionIndex
from ordina.answerers.comma_verdicts import VerdictIndex, figures, verdicts_file
from ordina.ask import answer_question
from ordina.corpus import load_corpus
from ordina.query.datafiles import load_yaml
from ordina.query.wording import fold_text, retrieval_terms

ON = date(2026, 11, 23)
VERDICTS = {"consentito", "vietato", "autorizzazione", "comunicazione"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("round11") / "demo.db")


def ask(db, text: str, on: date = ON):
    return answer_question(text, db, on)


# ------------------------------------------------- the yes/no questions each comma decides
def test_every_yes_no_example_quotes_the_comma_it_cites() -> None:
    corpus = load_corpus()
    items = load_yaml(verdicts_file())
    assert len(items) > 250
    for item in items:
        unit = corpus.resolve(item["cite"])
        assert unit.citation == item["cite"]
        assert fold_text(" ".join(item["decisive"].split())) in fold_text(
            " ".join(corpus.full_text(unit).split())), item["cite"]
        assert item["q"] and all(q["verdict"] in VERDICTS and q["q"].strip()
                                 for q in item["q"]), item["cite"]


def _index(rows: list[tuple[str, str, str]]) -> VerdictIndex:
    """A verdict index of ``(citation, question, verdict)`` rows, beside filler examples of
    another comma (so that the words of the rows are rare, as in the shipped file)."""
    filler = [("art. 1 c. 1", f"domanda generica numero {n} sul regolamento degli uffici",
               None) for n in range(30)]
    examples = [Example(c, q, tuple(retrieval_terms(q))) for c, q, _v in rows + filler]
    built = {str(i): [v, "parole decisive", sorted({s for t in e.terms for s in t})]
             for i, (e, (_c, _q, v)) in enumerate(zip(examples, rows + filler)) if v}
    return VerdictIndex(QuestionIndex(examples), built)


BOTH_SIDES = [
    ("art. 66 c. 1 lett. a", ("la selezione comparativa è andata deserta: posso affidare "
                              "l'incarico direttamente lasciando invariate le condizioni?"),
     "consentito"),
    ("art. 66 c. 1 lett. a", ("la selezione comparativa è andata deserta: posso affidare "
                              "l'incarico direttamente aumentando il compenso?"), "vietato"),
]


def _reading(index: VerdictIndex, question: str, comma: str = ""):
    return index.reading(question, list(retrieval_terms(question)), "art. 66 c. 1 lett. a",
                         comma)


def test_a_question_on_one_side_of_the_condition_takes_that_side_s_verdict() -> None:
    got = _reading(_index(BOTH_SIDES), "la selezione comparativa è andata deserta: possiamo "
                                       "affidare l'incarico direttamente aumentando il compenso?")
    assert got is not None and got.verdict == "vietato"


def test_a_word_only_the_other_side_uses_withholds_the_verdict() -> None:
    # the closest example lets the conditions be, the question changes the fee: no verdict
    got = _reading(_index(BOTH_SIDES), "la selezione comparativa è andata deserta: possiamo "
                                       "affidare l'incarico direttamente lasciando invariate "
                                       "le condizioni ma aumentando il compenso?")
    assert got is None


def test_a_question_saying_nothing_of_either_side_gets_no_verdict() -> None:
    got = _reading(_index(BOTH_SIDES), "la selezione comparativa è andata deserta: possiamo "
                                       "affidare l'incarico direttamente?")
    assert got is None


def test_other_figures_than_the_example_s_give_no_verdict() -> None:
    index = _index([("art. 66 c. 1 lett. a", "posso articolare le 36 ore su 5 giorni?",
                     "consentito")])
    assert _reading(index, "posso articolare le 36 ore su 5 giorni?") is not None
    assert _reading(index, "posso articolare le 36 ore su 4 giorni?") is None


@given(st.lists(st.integers(min_value=0, max_value=99999), max_size=4))
def test_figures_are_read_as_written_without_separators(numbers: list[int]) -> None:
    text = " e ".join(f"{n:,}".replace(",", ".") for n in numbers)
    assert figures(text) == {str(n) for n in numbers}


# ------------------------------------------------------------------ the interim (art. 17)
def test_the_interim_cannot_go_to_someone_who_holds_no_po(db) -> None:
    # Chiara Romano is in the Area Finanziaria with no Area of her own (offices); Rossi,
    # away, is not the one the question asks of: art. 17
    # c. 1 «ad altro titolare di posizione organizzativa»
    got = ask(db, "Rossi a Natale è in ferie: affidiamo l'interim dell'area finanziaria alla "
                  "Romano?")
    assert got.verdict == "vietato"
    assert got.citations[0] == "art. 17 c. 1"
    assert "Chiara Romano" in got.answer


def test_the_interim_may_go_to_another_area_head_within_the_pay_cap(db) -> None:
    # Laura Bianchi heads the Area Amministrativa: another PO holder; the 25% cap of c. 2
    # is a condition of the act, the question states no increase
    got = ask(db, "durante le ferie di Rossi a Natale diamo l'interim della ragioneria alla "
                  "Bianchi?")
    assert got.verdict == "consentito"
    assert "art. 17 c. 2" in got.answer


def test_two_people_and_no_recipient_decide_no_one_s_case(db) -> None:
    got = ask(db, "Rossi e Verdi: possiamo dare l'interim?")
    assert got.verdict is None


def test_who_picks_the_interim_is_the_text_s_answer_not_a_verdict(db) -> None:
    # art. 17 c. 3: «All'individuazione del sostituto provvede il Sindaco»
    got = ask(db, "chi sceglie il sostituto ad interim di un responsabile di area in malattia?")
    assert got.verdict is None
    assert got.citations[0] == "art. 17 c. 3"
    assert "Sindaco" in got.answer


# -------------------------------------------- silence on a named request (art. 88 c. 6)
def test_silence_on_a_request_with_a_private_client_is_a_refusal(db) -> None:
    # incarico 14: Davide Ricci, Associazione Tiro a Segno Esempio (privato), requested on
    # 15/11/2026: «si intende negativa per le richieste … con privati»
    got = ask(db, "Ricci ha chiesto l'autorizzazione per l'istruttore di tiro a segno: se il "
                  "comune non gli risponde, può cominciare?")
    assert got.verdict == "vietato"
    assert "art. 88 c. 6" in got.citations
    assert "respinta" in got.answer


def test_an_either_or_question_on_silence_is_no_yes_no(db) -> None:
    # incarico 12: Mario Rossi, Consorzio Acque Esempio (PA), requested on 10/11/2026
    got = ask(db, "la richiesta di Rossi si intende accolta o respinta se nessuno risponde?")
    assert got.verdict is None
    assert "accolta" in got.answer
    assert "10/12/2026" in got.answer


# ------------------------------------------------------------------ the same answer twice
def test_the_same_question_gets_the_same_answer_whatever_the_hash_seed(tmp_path) -> None:
    """Which example term a question's term meets was left to the order of a set: one run
    cited art. 37 c. 2 and the next did not."""
    import json
    import os
    import subprocess
    import sys

    from store_fixtures import demo_db as make_demo

    path = tmp_path / "demo.db"
    make_demo(path)
    question = "Da chi è composto il nucleo di valutazione e chi lo presiede?"
    got = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-m", "ordina", "--db", str(path), "--as-of",
                              "2026-11-23", "--json", "ask", question],
                             capture_output=True, text=True, env=env, check=True).stdout
        answer = json.loads(out)
        got.append((answer["citations"], answer["answer"]))
    assert got[0] == got[1] == got[2]


# ------------------------------------------------------ whose scorecard, from the rows
@pytest.mark.parametrize(("score", "verdict"), [(61, "consentito"), (60, "vietato")])
def test_a_named_po_holder_s_score_is_weighed_on_the_po_card(db, score: int,
                                                             verdict: str) -> None:
    # Giovanni Verdi heads the Area Tecnica (offices): a PO holder, allegato F; art. 22 c. 2
    # pays the result allowance above 60 points
    got = ask(db, f"Verdi nella valutazione 2024 ha avuto {score} punti: gli spetta la "
                  "retribuzione di risultato?")
    assert got.verdict == verdict
    assert "art. 22 c. 2" in got.citations
    assert "titolare di PO/EQ = sì (dal database" in got.answer
