"""Obblighi e incompatibilità di una persona, as a user asks them (issue 4 and 5 examples).

The demo Comune's planted cases are true on 23/11/2026; every answer is checked for what
it must say, the commi it must cite, and that every citation resolves in canonical form.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date

import pytest
from checkmods import load
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_fixtures import demo_db

from ordina.ask import answer_question
from ordina.corpus import load_corpus
from ordina.db import connect
from ordina.engine import Context, default_registry
from ordina.engine.audit import collect_subjects, run_audit
from ordina.engine.person_audit import audit_person

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("duties") / "demo.db")


@pytest.fixture(scope="module")
def public(db, tmp_path_factory):
    from ordina.store.public import export_public

    path = tmp_path_factory.mktemp("duties") / "pubblico.db"
    export_public(db, path)
    return connect(path)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


def _resolves(answer) -> None:
    corpus = load_corpus()
    cites = [*answer.citations, *(s.citation for s in answer.trace if s.citation)]
    assert cites
    for cite in cites:
        assert corpus.resolve(cite).citation == cite


# ------------------------------------------------------------------ the catalogue of duties
DUTIES = sorted(load("doveri").every_duty().items())


@pytest.mark.parametrize(("name", "duty"), DUTIES, ids=[n for n, _ in DUTIES])
def test_each_duty_quotes_its_comma(name, duty) -> None:
    corpus = load_corpus()
    unit = corpus.resolve(duty.cite)
    assert unit.citation == duty.cite, f"{name}: cite the canonical form {unit.citation}"
    assert _norm(duty.quote) in _norm(corpus.full_text(unit)), f"{name}: quote not in {duty.cite}"


def test_the_numbers_of_the_catalogue_quote_their_comma() -> None:
    from ordina.norma import norme_of

    corpus = load_corpus()
    norme = norme_of(load("doveri"))
    assert {"SOGLIA_PART_TIME", "QUOTA_TETTO", "VALUTAZIONI_INTERMEDIE"} <= set(norme)
    for norma in norme.values():
        assert _norm(norma.quote) in _norm(corpus.full_text(corpus.resolve(norma.cite)))


def test_a_misquoted_duty_would_fail() -> None:
    corpus = load_corpus()
    assert _norm("entro i 30 giorni successivi") not in _norm(
        corpus.full_text(corpus.resolve("art. 4 c. 6")))


# ------------------------------------------------------------------ obligations, as asked
def test_obblighi_di_bianchi_by_role(db) -> None:
    result = answer_question("obblighi di Bianchi", db, ON)
    assert result.intent == "obligations" and result.verdict is None
    area = ("**Come Responsabile di Area (Area Amministrativa; Area Servizi sociali ad interim, "
            "art. 17 c. 1)**")
    for title in ("**Come Vice Segretario**", area, "**Come responsabile del personale**",
                  "**Incarichi esterni (Titolo IX)**"):
        assert title in result.answer
    for cite in ("art. 7 c. 1", "art. 81 c. 1", "art. 81 c. 2", "art. 76 c. 2", "art. 28 c. 1",
                 "art. 88 c. 1", "art. 88 c. 4", "art. 88 c. 5", "art. 4 c. 6"):
        assert cite in result.citations
    # each line of duties ends with its comma
    lines = [x for x in result.answer.splitlines() if x.startswith("- ")]
    assert lines and all(re.search(r"\((art\. \d+ c\. \d+[^)]*)\)$", x) for x in lines)
    _resolves(result)


def test_obligations_of_mario_rossi_carry_his_figures(db) -> None:
    result = answer_question("what must Rossi do?", db, ON)
    assert result.intent == "obligations"
    text = result.answer
    assert "un quinto di € 23.000,00 = € 4.600,00" in text
    assert "€ 2.500,00 + € 2.800,00 = € 5.300,00, oltre il tetto di € 4.600,00" in text
    assert "risposta dovuta entro il 10/12/2026" in text
    assert "Mario Rossi al 23/11/2026: tempo pieno." in text
    _resolves(result)


def test_my_obligations_for_an_external_assignment(db) -> None:
    result = answer_question("quali sono i miei obblighi se faccio un incarico esterno?", db, ON)
    assert result.intent == "obligations"
    assert "Incarichi esterni (Titolo IX)" in result.answer
    assert "Trasferte" not in result.answer and "Come " not in result.answer
    for cite in ("art. 86 c. 1", "art. 87 c. 1", "art. 87 c. 3", "art. 88 c. 3", "art. 88 c. 4",
                 "art. 88 c. 5", "art. 89 c. 1", "art. 91 c. 1"):
        assert cite in result.citations
    assert "Regime orario non noto" in result.answer  # both regimes, none assumed


def test_a_stated_part_time_picks_the_regime(db) -> None:
    result = answer_question("obblighi di un dipendente al 40% di part-time", db, ON)
    assert "art. 87 c. 3" in result.citations and "art. 87 c. 1" not in result.citations


def test_an_office_gives_that_office_and_its_holder(db) -> None:
    result = answer_question("quali obblighi ha il datore di lavoro?", db, ON)
    assert result.citations == ["art. 83 c. 2", "art. 83 c. 3", "art. 83 c. 4"]
    assert "Giovanni Verdi" in result.answer and "Marta Villa" in result.answer


def test_the_vice_knows_when_to_stand_in(db) -> None:
    absent = answer_question("obblighi del vice segretario il 3 marzo 2027", db, ON)
    present = answer_question("obblighi del vice segretario", db, ON)
    assert "il Segretario è assente" in absent.answer
    assert "è in servizio" in present.answer


def test_unknown_and_ambiguous_people_are_asked_back(db) -> None:
    # issue 10: one letter off one person resolves, saying so; namesakes are asked back
    assert "Ho inteso «Rosi» come Mario Rossi" in answer_question("obblighi di Rosi", db,
                                                                 ON).answer
    galli = answer_question("incompatibilità di Galli", db, ON)
    assert "Paolo Galli" in galli.answer and "Roberto Galli" in galli.answer
    assert not galli.citations


def test_obligations_on_a_public_database_say_what_is_missing(public) -> None:
    result = answer_question("obblighi di Mario Rossi", public, ON)
    assert "versione pubblica" in result.answer and "inquadramenti" in result.answer
    assert "Regime orario non noto" in result.answer
    assert "€" not in result.answer  # no personal figure invented
    _resolves(result)


# ------------------------------------------------------------------ incompatibility, as asked
@pytest.mark.parametrize(("question", "cites", "problems"), [
    ("incompatibilità di Bianchi", {"art. 14 c. 7"}, 1),
    ("incompatibilità di Verdi", {"art. 14 c. 3", "art. 87 c. 1 lett. b", "art. 88 c. 6", "art. 91 c. 4"}, 4),
    ("incompatibilità di Paolo Galli", {"art. 54 c. 2"}, 1),
    ("Mario Rossi è in una situazione di incompatibilità?", {"art. 88 c. 3"}, 1),
    ("is Ricci in any incompatibility?", {"art. 80 c. 4"}, 1),
])
def test_incompatibility_finds_the_planted_case(db, question, cites, problems) -> None:
    result = answer_question(question, db, ON)
    assert result.intent == "incompatibility" and result.verdict is None
    assert cites <= set(result.citations)
    word = "rilievo" if problems == 1 else "rilievi"
    assert f": {problems} {word}." in result.answer.splitlines()[0]
    assert any(s.step.startswith("Verifica «") for s in result.trace)
    _resolves(result)


def test_a_clean_person_gets_the_checks_that_ran(db) -> None:
    result = answer_question("is Neri in any incompatibility?", db, ON)
    assert result.answer.startswith("Nessuna incompatibilità rilevata per **Anna Neri**")
    assert "Verifiche eseguite (6)" in result.answer
    assert "`incarichi_responsabili.nomina`" in result.answer
    assert "art. 14 c. 3" in result.citations  # the commi of the checks that ran
    _resolves(result)


def test_incompatibility_is_the_audit_restricted_to_the_person(db) -> None:
    """Same findings as ``ordina check --all`` on that person's subjects: nothing re-implemented."""
    registry = default_registry()
    ctx = Context(as_of=ON, db=db, registry=registry)
    owner = {(s.kind, s.key): s.person for s in collect_subjects(ctx)}
    whole = run_audit(ctx)
    people = {pid for pid in owner.values() if pid is not None}
    assert len(people) >= 10
    for pid in people:
        mine = {(f.check, f.subject_kind, str(f.subject_key)) for f in whole.findings
                if owner.get((f.subject_kind, f.subject_key)) == pid}
        got = audit_person(ctx, pid)
        assert {(f.check, f.subject_kind, str(f.subject_key)) for f in got.findings} == mine


def test_incompatibility_on_a_public_database(public) -> None:
    result = answer_question("incompatibilità di Verdi", public, ON)
    assert "versione pubblica" in result.answer
    assert "legami familiari" in result.answer and "incarichi esterni dei dipendenti" in \
        result.answer
    assert "art. 14 c. 3" in result.citations  # appointment dates are public
    assert "art. 87 c. 1 lett. b" not in result.citations


# ------------------------------------------------------------------ never a traceback
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(person=st.integers(min_value=1, max_value=40),
       day=st.dates(min_value=date(2024, 1, 1), max_value=date(2029, 12, 31)),
       kind=st.sampled_from(["obblighi di", "incompatibilità di"]))
def test_any_person_any_date(db, person: int, day: date, kind: str) -> None:
    row = db.conn.execute("SELECT given_name || ' ' || surname FROM people WHERE id = ?",
                          (person,)).fetchone()
    name = row[0] if row else f"Persona{person}"
    result = answer_question(f"{kind} {name}", db, day)
    assert result.intent in ("obligations", "incompatibility")
    corpus = load_corpus()
    for cite in result.citations:
        assert corpus.resolve(cite).citation == cite


# ------------------------------------------------------------------ the command line
def test_ordina_ask_json_on_the_demo(run_ordina, tmp_path) -> None:
    path = str(tmp_path / "demo.db")
    assert run_ordina("demo", db=path).returncode == 0
    for question, cite in (("obblighi di Bianchi", "art. 7 c. 1"),
                           ("incompatibilità di Verdi", "art. 14 c. 3")):
        done = run_ordina("ask", question, "--json", "--as-of", "2026-11-23", db=path)
        assert done.returncode == 0, done.stderr.decode()
        data = json.loads(done.stdout)
        assert list(data) == ["query", "intent", "verdict", "answer", "citations", "missing",
                              "trace", "kind", "quote"]
        assert data["verdict"] is None and cite in data["citations"]
        assert "Nessuna verifica risponde" not in data["answer"]
