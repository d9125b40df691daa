"""ordina lint: what must be fixed before adoption, each finding with citation and fix."""

from __future__ import annotations

import pytest

from ordina.corpus import load_corpus
from ordina.corpus.lint import SEVERITIES, lint
from ordina.corpus.loader import corpus_from_text


@pytest.fixture(scope="module")
def findings():
    return lint(load_corpus())


def find(findings, code, citation=None, quote=None):
    found = [f for f in findings if f.code == code
             and (citation is None or f.citation == citation)
             and (quote is None or quote in f.quote)]
    assert found, f"nessun {code} {citation} {quote}"
    return found[0]


def test_every_finding_is_complete(findings) -> None:
    for f in findings:
        assert f.citation and f.quote and f.why and f.fix, f
        assert f.severity in SEVERITIES


@pytest.mark.parametrize("citation, quote", [
    ("art. 1 c. 1 trattino 1", "deliberazione n. del ;"),
    ("art. 18 c. 2 lett. d trattino 1", "articoli …………del regolamento comunale di"),
    ("intestazione, riga 1", "COMUNE DI"),
])
def test_placeholders(findings, citation, quote) -> None:
    assert find(findings, "segnaposto", citation, quote).severity == "errore"


def test_editorial_note_in_art_42(findings) -> None:
    f = find(findings, "nota-redazionale", quote="NON CAPISCO LA PARTE SUCCESSIVA")
    assert f.citation.startswith("art. 42") and f.eid.startswith("art_42")
    find(findings, "nota-redazionale", "art. 4 c. 6", "(NB Procedimento")


def test_impossible_references(findings) -> None:
    f = find(findings, "rinvio-impossibile", "art. 66 c. 1", "precedente articolo 73")
    assert "art. 73 non precede art. 66" in f.why and "art. 64" in f.fix
    f = find(findings, "atto-da-verificare", "art. 39 c. 1 lett. a", "Titolo III del DLgs 150/2010")
    assert "27 ottobre 2009" in f.fix
    find(findings, "rinvio-non-risolto", "art. 52 c. 8", "presente Capo")


def test_repealed_and_renamed_sources(findings) -> None:
    f = find(findings, "fonte-abrogata", "art. 2 c. 1 lett. a", "163/2006")
    assert "D.Lgs. 31 marzo 2023, n. 36" in f.fix
    assert "abrogato" in f.why
    f = find(findings, "fonte-rinominata", "art. 39 c. 1 lett. b", "Commissione per la valutazione")
    assert "ANAC" in f.fix


def test_terms_superseded_by_the_2022_contract(findings) -> None:
    f = find(findings, "termine-superato", quote="posizione organizzativa")
    assert "Elevata Qualificazione" in f.fix and "16.11.2022" in f.why
    f = find(findings, "termine-superato", "art. 14 c. 1", "categoria D")
    assert "Funzionari e dell'Elevata Qualificazione" in f.fix
    find(findings, "termine-superato", "all. A tab. 1", "CAT.")


def test_numbering_anomalies(findings) -> None:
    f = find(findings, "numerazione", quote="Artico 87")
    assert f.citation == "indice, riga 106" and f.eid == "art_87"
    assert "manca la «d»" in find(findings, "numerazione", "art. 22 c. 1").why
    assert "manca la «a»" in find(findings, "numerazione", "art. 8 c. 3").why
    find(findings, "numerazione", "art. 89", "89 Incarichi")


def test_list_of_allegati_names_them_differently(findings) -> None:
    f = find(findings, "allegati-elenco", quote="SCHEDA VALUTAZIONE INDENNITA")
    assert "allegato E" in f.why and "SEGRETARIO" in f.why
    assert "allegato F" in f.why   # the entry describes F (the PO methodology)
    find(findings, "allegato-vuoto", "all. B")


def test_index_heading_naming_the_wrong_titolo(findings) -> None:
    f = find(findings, "indice-difforme", quote="Norme transitorie titolo IV")
    assert "titolo III" in f.fix


def test_every_unresolved_reference_is_reported(findings) -> None:
    corpus = load_corpus()
    reported = {(f.eid, f.start) for f in findings}
    for ref in corpus.refs.problems():
        assert (ref.source, ref.start) in reported, ref


def test_findings_follow_the_document(findings) -> None:
    order = {eid: i for i, eid in enumerate(load_corpus().units)}
    positions = [order[f.eid] for f in findings if f.eid and f.eid in order]
    assert positions == sorted(positions)


CLEAN = """\
Articolo 1 – Oggetto
1. Il presente regolamento disciplina gli uffici del Comune di Borgo.
2. Si applica l'art. 53 del D.Lgs. 30 marzo 2001, n. 165.
Articolo 2 – Incarichi
1. Il dipendente chiede l'autorizzazione:
a) al responsabile dell'area;
b) al Segretario, per i responsabili.
2. Resta fermo quanto previsto dal comma 1 e dall'articolo precedente.
"""


def test_a_clean_regulation_has_no_findings() -> None:
    corpus, _ = corpus_from_text(CLEAN, organigramma="")
    assert lint(corpus) == []


def test_repeated_comma_number_is_reported() -> None:
    text = "Articolo 1 – Oggetto\n1. Primo.\n2. Secondo.\n2. Ancora secondo.\n"
    corpus, _ = corpus_from_text(text, organigramma="")
    assert [f.code for f in lint(corpus)] == ["numerazione"]
    assert "numero ripetuto: art. 1 c. 2" in lint(corpus)[0].why
