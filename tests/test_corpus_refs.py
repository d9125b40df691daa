"""Cross-references: what the regulation cites, resolved to units and to URN:NIR."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordina.corpus import load_corpus
from ordina.corpus.acts import known_acts, normattiva_url
from ordina.corpus.model import Corpus, Unit
from ordina.corpus.refs import EXTERNAL, INTERNAL, RefGraph, extract_refs, parse_act_reference

D165 = "urn:nir:stato:decreto.legislativo:2001-03-30;165"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def refs(corpus):
    return extract_refs(corpus)


def refs_of(refs, eid):
    return [r for r in refs if r.source == eid]


def one(refs, eid, fragment):
    found = [r for r in refs_of(refs, eid) if fragment in r.text]
    assert found, f"nessun riferimento '{fragment}' in {eid}: {[r.text for r in refs_of(refs, eid)]}"
    return found[0]


@pytest.mark.parametrize("eid, fragment, target", [
    ("art_24__para_1", "art. 19", "art_19"),
    ("art_18__para_2__point_d__item_1", "art. 23", "art_23"),
    ("art_18__para_2__point_d__item_2", "art. 24 e seguenti", "art_24"),
    ("art_11__para_2", "comma precedente", "art_11__para_1"),
    ("art_87__para_2__point_b", "comma precedente", "art_87__para_1"),
    ("art_53__para_7", "precedente comma 6", "art_53__para_6"),
    ("art_53__para_2", "comma 1", "art_53__para_1"),
    ("art_54__para_2", "precedente articolo", "art_53"),
    ("art_64__para_4", "successivo articolo", "art_65"),
    ("art_54__para_1", "presente titolo", "title_VI"),
    ("art_85__para_1", "presente titolo", "title_IX"),
    ("art_50__para_7", "presente articolo", "art_50"),
    ("art_20__para_7", "allegato G)", "all_G"),
    ("art_16__para_2", "allegato D", "all_D"),
    ("art_74__para_3", "Titolo VII", "title_VII"),
    ("art_62__para_2__point_b", "lett. a)", "art_62__para_2__point_a"),
    ("art_39__para_1__point_k", "lett. a)", "art_39__para_1__point_a"),
    ("art_87__para_3", "art. 86", "art_86"),
])
def test_internal_references_resolve(refs, eid, fragment, target) -> None:
    ref = one(refs, eid, fragment)
    assert ref.kind == INTERNAL and ref.target == target and not ref.problem


def test_allegati_e_and_f_are_two_references(refs) -> None:
    targets = [r.target for r in refs_of(refs, "art_20__para_4") if "allegati" in r.text]
    assert targets == ["all_E", "all_F"]


def test_e_seguenti_is_kept(refs) -> None:
    assert one(refs, "art_18__para_2__point_d__item_2", "art. 24").extent == "e seguenti"


@pytest.mark.parametrize("eid, fragment, urn", [
    ("art_1__para_3", "D.Lgs n. 165/2001", D165),
    ("art_85__para_1", "art.53 del DLgs n.165/2001", D165 + "~art53"),
    ("art_39__para_1__point_n", "art. 36, comma 3, del decreto legislativo 30 maggio 2001, n. 165",
     D165 + "~art36"),
    ("art_58__para_2", "comma 6, dell’articolo 53 del D.Lgs. n. 165/2001", D165 + "~art53"),
    ("art_50__para_7", "articolo 34 bis del D.Lgs n. 165/2001", D165 + "~art34bis"),
    ("art_42__para_1__item_1", "D.L 95/2012", "urn:nir:stato:decreto.legge:2012-07-06;95~art5"),
    ("art_42__para_1__item_1", "L.135/2012", "urn:nir:stato:legge:2012-08-07;135"),
    ("art_53__para_1", "Art. 110 del Testo Unico delle Leggi sull’Ordinamento degli Enti Locali",
     "urn:nir:stato:decreto.legislativo:2000-08-18;267~art110"),
    ("art_57__para_2", "codice civile", "urn:nir:stato:regio.decreto:1942-03-16;262:2~art2222"),
    ("art_57__para_4", "codice di procedura civile",
     "urn:nir:stato:regio.decreto:1940-10-28;1443:1~art409"),
    ("art_70__para_1", "Cpc", "urn:nir:stato:regio.decreto:1940-10-28;1443:1~art409"),
    ("art_14__para_9", "legge 28.12.2001 n°448", "urn:nir:stato:legge:2001-12-28;448~art29"),
    ("art_42__para_1", "1° agosto 2011,n°141", "urn:nir:stato:decreto.legislativo:2011-08-01;141~art6"),
    ("art_34__para_1", "D.Lgs. 150/09", "urn:nir:stato:decreto.legislativo:2009-10-27;150~art26"),
    ("art_72__para_4", "l.23 dicembre 2005,n.266", "urn:nir:stato:legge:2005-12-23;266~art1"),
])
def test_external_references_have_urn_and_normattiva_link(refs, eid, fragment, urn) -> None:
    ref = one(refs, eid, fragment)
    assert ref.kind == EXTERNAL and ref.urn == urn
    assert ref.url == f"https://www.normattiva.it/uri-res/N2Ls?{urn}"


def test_locator_commas_and_letters_stay_in_the_label(refs) -> None:
    ref = one(refs, "art_12__para_1", "art.35")
    assert ref.label == "art. 35 c. 1 lett. a D.Lgs. 165/2001"
    assert ref.urn.endswith("~art35")   # Normattiva stops at the article
    assert one(refs, "art_57__para_1", "commi 6").label == "art. 7 c. 6 e ss. D.Lgs. 165/2001"
    assert one(refs, "art_42__para_1__item_2", "11 bis").comma == "11-bis"


def test_conversion_law_is_noted(refs) -> None:
    conv = one(refs, "art_6__para_5__item_10", "legge 35/2012")
    assert conv.note == "legge di conversione del D.L. 5/2012"


def test_both_codes_in_one_sentence_give_two_articles(refs) -> None:
    arts = [r.article for r in refs_of(refs, "art_57__para_2")]
    assert arts == ["2222", "2230"]


@pytest.mark.parametrize("eid, fragment, why", [
    ("art_66__para_1", "precedente articolo 73", "non precede"),
    ("art_39__para_1__point_a", "150/2010", "anno sembra sbagliato"),
    ("art_6__para_5__item_10", "241/1991", "anno sembra sbagliato"),
    ("art_52__para_8", "presente Capo", "capi"),
    ("art_39__para_1__point_b", "medesimo articolo", "nessuno"),
    ("art_39__para_1__point_n", "30 maggio 2001", "data dell'atto diversa"),
])
def test_references_that_cannot_be_right_carry_a_problem(refs, eid, fragment, why) -> None:
    assert why in one(refs, eid, fragment).problem


def test_suggestions_for_the_impossible_ones(refs) -> None:
    assert "art. 64" in one(refs, "art_66__para_1", "articolo 73").suggestion
    assert "27 ottobre 2009" in one(refs, "art_39__para_1__point_a", "150/2010").suggestion
    assert "7 agosto 1990" in one(refs, "art_6__para_5__item_10", "241/1991").suggestion


def test_every_reference_resolves_or_says_why(refs) -> None:
    for ref in refs:
        assert ref.resolved or ref.problem, ref


def test_graph_both_directions(corpus, refs) -> None:
    graph = RefGraph(refs)
    cited_by_19 = graph.cited_by(["art_19"])
    assert [r.source for r in cited_by_19] == ["art_24__para_1"]
    assert {r.source for r in graph.citing_act("decreto.legislativo:2001-03-30;165", "53")} == {
        "art_58__para_2", "art_85__para_1"}
    assert any(r.act for r in graph.cites(["art_85__para_1"]))


def _corpus_of(*texts: str) -> Corpus:
    art = Unit("art_1", "articolo", "1", "art. 1", children=[f"art_1__para_{i}"
                                                            for i in range(1, len(texts) + 1)])
    commi = [Unit(f"art_1__para_{i}", "comma", str(i), f"art. 1 c. {i}", text=t, parent="art_1")
             for i, t in enumerate(texts, start=1)]
    return Corpus([art, *commi])


def test_del_medesimo_decreto_follows_the_last_decree() -> None:
    c = _corpus_of("Ai sensi dell'art. 53 del D.Lgs. 165/2001 e dell'art. 7 del medesimo decreto.")
    labels = [r.label for r in extract_refs(c)]
    assert labels == ["art. 53 D.Lgs. 165/2001", "art. 7 D.Lgs. 165/2001"]
    assert extract_refs(c)[1].urn == D165 + "~art7"


def test_medesimo_decreto_without_antecedent_is_a_problem() -> None:
    c = _corpus_of("Si applica l'art. 7 del medesimo decreto.")
    assert "nessuno" in extract_refs(c)[0].problem


@pytest.mark.parametrize("text, urn", [
    ("art. 2963 c.c.", "urn:nir:stato:regio.decreto:1942-03-16;262:2~art2963"),
    ("art. 409 c.p.c.", "urn:nir:stato:regio.decreto:1940-10-28;1443:1~art409"),
    ("L. 241/1990", "urn:nir:stato:legge:1990-08-07;241"),
    ("TUEL", "urn:nir:stato:decreto.legislativo:2000-08-18;267"),
    ("art. 53 D.Lgs. 165/2001", D165 + "~art53"),
    ("articolo 53, comma 6, del decreto legislativo 30 marzo 2001, n. 165", D165 + "~art53"),
    ("D.L. 95/2012", "urn:nir:stato:decreto.legge:2012-07-06;95"),
])
def test_user_spellings_of_external_references(text, urn) -> None:
    found = parse_act_reference(text)
    assert found and found[0].urn == urn and not found[0].problem


def test_consiglio_comunale_is_not_the_civil_code() -> None:
    assert parse_act_reference("approvato con deliberazione del C.C. n. 12") == []


# -- property tests: every spelling of a known act resolves to its URN

_TYPE_SPELLINGS = {
    "decreto.legislativo": ["D.Lgs.", "D.lgs", "DLgs", "d.lgs.", "D. Lgs.", "decreto legislativo"],
    "legge": ["L.", "legge", "Legge", "l."],
    "decreto.legge": ["D.L.", "D.L", "D. L.", "decreto-legge", "decreto legge"],
}


@st.composite
def act_spellings(draw):
    acts = [a for a in known_acts().acts if a.type in _TYPE_SPELLINGS]
    act = draw(st.sampled_from(acts))
    kind = draw(st.sampled_from(_TYPE_SPELLINGS[act.type]))
    number = draw(st.sampled_from([f"n. {act.number}/{act.date.year}",
                                   f"n.{act.number}/{act.date.year}",
                                   f"{act.number}/{act.date.year}",
                                   f"{act.number}/{act.date.year % 100:02d}"]))
    article = draw(st.integers(min_value=1, max_value=300))
    lead = draw(st.sampled_from(["art. {a} del", "articolo {a} del", "art.{a},comma 2, del",
                                 "art {a} del"]))
    return act, article, f"{lead.format(a=article)} {kind} {number}"


@given(act_spellings())
@settings(max_examples=200, deadline=None)
def test_any_spelling_of_a_known_act_resolves(case) -> None:
    act, article, text = case
    found = parse_act_reference(text)
    assert found, text
    assert found[0].urn == f"{act.urn}~art{article}", text
    assert found[0].url == normattiva_url(found[0].urn)


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_extraction_never_crashes(text) -> None:
    for ref in extract_refs(_corpus_of(text)):
        assert 0 <= ref.start <= ref.end <= len(text)
        assert ref.resolved or ref.problem
