"""The search terms of a question over the commi: word families, synonyms and their weight."""

from __future__ import annotations

from datetime import date

import pytest

from ordina.corpus import load_corpus
from ordina.corpus.retrieve import Term, comma_index, head_of
from ordina.query.wording import retrieval_terms

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def index():
    return comma_index(load_corpus(ON))


def _top(index, question: str, n: int = 1) -> list[str]:
    """The commi the look-up ranks first (retrieval, then its re-ranking)."""
    from ordina.answerers.lookup import find
    from ordina.query.wording import question_form

    return [f.unit.citation for f in find(index.corpus, question, question_form(question))][:n]


def test_a_synonym_never_weighs_more_than_the_word_it_stands_for(index) -> None:
    # "staff" is rare in the regulation (the organigramma), "dipendenti" is not: as a
    # variant of "dipendente" it must not outweigh it
    term = next(t for t in retrieval_terms("i dipendenti") if "dipendent" in t)
    weights = index.weights(term)
    assert "staff" in weights and weights["staff"] <= index.idf("dipendent")
    assert head_of(term) == frozenset({"dipendent"})


def test_a_plain_set_is_its_own_head() -> None:
    assert head_of(frozenset({"a", "b"})) == {"a", "b"}
    assert Term({"a", "b"}, ["a", "z"]).head == {"a"}  # a head is among the alternatives


def test_a_verb_cut_to_its_root_meets_its_noun() -> None:
    # the stemmer cuts "valuta" to "val" and "valutazione" to "valut"
    stems = {s for t in retrieval_terms("chi valuta il segretario?") for s in t}
    assert {"val", "valut"} <= stems


def test_an_abbreviation_names_the_concept_but_is_no_word_of_the_text() -> None:
    # "dip" (dipendente) would otherwise find "dipende" (art. 6 c. 3)
    stems = {s for t in retrieval_terms("quanti giorni di ferie ha un dipendente?") for s in t}
    assert "dipendent" in stems and "dip" not in stems


def test_a_participle_with_another_root_is_the_same_verb(index) -> None:
    # "propone" / "proposti" (art. 19 c. 4), "predispone" / "predisposta" (art. 40 c. 1)
    assert "propost" in index.related("propon") and "propon" in index.related("propost")
    assert "predispost" in index.related("predispon")


@pytest.mark.parametrize(("question", "cite"), [
    # art. 14 c. 3: the durata "non può essere inferiore all'anno" (a minimum, in other words)
    ("qual è la durata minima dell'incarico di responsabile di area?", "art. 14 c. 3"),
    # art. 40 c. 1: "La relazione sulla performance organizzativa … predisposta dal nucleo"
    ("chi predispone la relazione sulla performance organizzativa dell'ente?", "art. 40 c. 1"),
    # art. 20 c. 7: "I titolari di Posizione Organizzativa valutano i dipendenti assegnati"
    ("chi valuta i dipendenti assegnati all'area?", "art. 20 c. 7"),
    # art. 20 c. 4: "Il sindaco valuta il segretario generale"
    ("chi valuta il segretario generale?", "art. 20 c. 4"),
])
def test_the_comma_that_states_it_ranks_first(index, question, cite) -> None:
    assert _top(index, question, 1) == [cite]


def test_an_agent_that_is_the_question_s_own_word_is_no_answer() -> None:
    from ordina.answerers.lookup import evidence

    # art. 37 c. 1 names the presidente as a member: "chi presiede?" is not answered by it
    text = "Il Nucleo di Valutazione è composto dal presidente e da uno o due componenti."
    assert evidence("chi", text)[0] > 0
    asked = frozenset({"president", "presied", "nucle", "valut"})
    assert evidence("chi", text, asked) == (0.0, None)
    # art. 37 c. 2 answers it
    score, words = evidence("chi", "Il ruolo di presidente è ricoperto dal Segretario.", asked)
    assert score == 1.0 and "segretario" in words


def test_a_comma_that_points_back_speaks_of_its_predecessor_s_subject() -> None:
    from ordina.corpus.retrieve import antecedent

    corpus = load_corpus(ON)
    # art. 8 c. 2 "In particolare, agli stessi, sono attribuiti:" -> c. 1 "Ai responsabili…"
    assert antecedent(corpus, corpus.resolve("art. 8 c. 2 trattino 3")).citation == "art. 8 c. 1"
    # c. 3 "Spetta inoltre ad essi:" points back past c. 2, itself pointing back
    assert antecedent(corpus, corpus.resolve("art. 8 c. 3")).citation == "art. 8 c. 1"
    # "siano essi titolari…" is no pointer; a first comma has none
    assert antecedent(corpus, corpus.resolve("art. 29 c. 1")) is None
    assert antecedent(corpus, corpus.resolve("art. 8 c. 1")) is None


def test_a_look_up_on_such_a_comma_says_who_its_subject_is() -> None:
    from ordina.ask import answer_question

    result = answer_question("chi ha la responsabilità delle procedure di appalto?", None, ON)
    assert result.citations[0].startswith("art. 8 c. 2")
    assert "art. 8 c. 1: «Ai responsabili di area compete" in result.answer


def test_a_minimum_is_searched_as_the_text_says_it() -> None:
    # art. 14 c. 3 "non può essere inferiore all'anno": "minima" is read as "inferiore"
    term = next(t for t in retrieval_terms("qual è la durata minima?") if "minim" in t)
    assert "inferior" in term and head_of(term) == {"inferior"}


def test_an_english_verb_of_who_does_what_is_read_in_italian(index) -> None:
    # art. 52 c. 3: "Il Segretario Comunale procede … ad esaminare eventuali istanze"
    stems = {s for t in retrieval_terms("who examines the requests for internal transfer?")
             for s in t}
    assert "esamin" in stems


def test_the_subject_note_names_the_comma_pointed_back_to() -> None:
    from ordina.answerers.lookup import subject_note

    corpus = load_corpus(ON)
    note = subject_note(corpus, corpus.resolve("art. 8 c. 2 trattino 7"), english=False)
    assert note.startswith("Il soggetto è detto nel comma precedente, art. 8 c. 1: «Ai responsabili")
    assert subject_note(corpus, corpus.resolve("art. 8 c. 1"), english=False) is None


def test_a_verdict_share_counts_the_question_s_words_at_their_own_rarity(index) -> None:
    from ordina.corpus.retrieve import Ranked

    # "dipendenti" with its rarer English variant "staff" (the organigramma's): holding
    # "dipendenti" holds the term for the look-up, but a verdict asks the literal share
    term = Term({"dipendent", "staff"}, ["dipendent"])
    assert index.idf("staff") > index.idf("dipendent") > 0
    held = Ranked(index.corpus.resolve("art. 88 c. 1"), 1.0, frozenset({"dipendent"}))
    assert index.coverage(held, [term]) == 1.0
    assert index.coverage(held, [term], literal=True) < 1.0


def test_a_comma_holds_every_alternative_it_has_not_only_the_first_found(index) -> None:
    # "assegnati" widens to "assegn" and "assegner"; art. 19 c. 6 holds both, at the same
    # capped weight: which one was "matched" used to follow the set's order, so the share a
    # text verdict asks for changed from one run to the next
    terms = index.widen(list(retrieval_terms("posso rinegoziare gli obiettivi assegnati?")))
    top = index.rank(terms, 3)[0]
    assert top.unit.citation == "art. 19 c. 6"
    assert {"assegn", "assegner"} <= top.matched


def test_the_same_question_gets_the_same_answer_under_any_hash_seed(tmp_path) -> None:
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    question = "siamo a ottobre, posso ancora rinegoziare gli obiettivi assegnati?"
    code = ("import json,sys;from datetime import date;from ordina.ask import answer_question;"
            "a=answer_question(sys.argv[1],None,date(2026,11,23));"
            "print(json.dumps([a.verdict,a.citations]))")
    import ordina

    source = str(Path(ordina.__file__).resolve().parents[1])  # this checkout's package
    seen = set()
    for seed in ("1", "3", "5"):
        env = dict(os.environ, PYTHONHASHSEED=seed,
                   PYTHONPATH=os.pathsep.join(p for p in (source, os.environ.get("PYTHONPATH"))
                                              if p))
        out = subprocess.run([sys.executable, "-c", code, question], env=env, check=True,
                             capture_output=True, text=True, cwd=tmp_path).stdout
        seen.add(out.strip())
    assert len(seen) == 1
    assert json.loads(seen.pop())[0] == "vietato"  # entro il 30 settembre: ottobre is late
