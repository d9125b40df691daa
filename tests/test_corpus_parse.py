"""The parse of the real regulation is pinned: counts, heading variants, commi, points."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordina.corpus import load_corpus
from ordina.corpus.parser import parse_regulation
from ordina.errors import UnknownReference


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_exactly_94_articles_in_order(corpus) -> None:
    assert [a.num for a in corpus.articles] == [str(n) for n in range(1, 95)]


def test_ten_titles_and_seven_allegati(corpus) -> None:
    assert [t.num for t in corpus.of_kind("titolo")] == [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    assert [a.num for a in corpus.of_kind("allegato")] == list("ABCDEFG")


def test_index_creates_no_articles(corpus) -> None:
    # The INDICE spells art. 87 "Artico 87-"; the body's heading is the one kept.
    assert corpus.get("art_87").line > 700
    assert corpus.get("art_1").line > 100


@pytest.mark.parametrize("eid, heading", [
    ("art_12", "Mansioni individuali"),                        # "Articolo 12 –"
    ("art_48", "La Conferenza dei responsabili di area"),      # "Articolo 48–"
    ("art_24", "Valutazione dei risultati rispetto alla performance individuale"),  # "24-"
    ("art_88", "L’autorizzazione"),                            # "Art.88 L'autorizzazione"
    ("art_89", "Incarichi per i quali non è necessaria l’autorizzazione"),  # "89 Incarichi…"
    ("art_73", "disposizioni finali"),                         # "Articolo 73 disposizioni finali"
    ("art_87", "Dipendenti a tempo pieno o con part time superiore al 50%"),
])
def test_heading_variants(corpus, eid, heading) -> None:
    assert corpus.get(eid).heading == heading


def test_art_88_has_seven_commi(corpus) -> None:
    art = corpus.get("art_88")
    assert [c.num for c in corpus.children(art)] == ["1", "2", "3", "4", "5", "6", "7"]
    assert "un quinto" in corpus.get("art_88__para_3").text
    assert "30 giorni" in corpus.get("art_88__para_6").text
    # "7) le autorizzazioni…": an explicit number wins over the lowercase start.
    assert corpus.get("art_88__para_7").text.startswith("le autorizzazioni")


def test_art_87_c1_points_a_to_m_without_j_k(corpus) -> None:
    points = [p.num for p in corpus.children(corpus.get("art_87__para_1"))]
    assert points == list("abcdefghilm")
    assert corpus.get("art_87__para_1__point_d").citation == "art. 87 c. 1 lett. d"


def test_art_56_list_uses_j(corpus) -> None:
    assert [p.num for p in corpus.children(corpus.get("art_56__para_2"))] == list("abcdefghij")


def test_comma_markers(corpus) -> None:
    assert corpus.get("art_10__para_1").text.startswith("Alle Aree")      # "- 1. Alle"
    assert corpus.get("art_79__para_2").text.startswith("È riservata")    # "2 ) È"
    assert corpus.get("art_14__para_9").text.startswith("Il Sindaco")      # "9.Il Sindaco"
    assert corpus.get("art_88__para_2").text.startswith("Nell’effettuare")  # "2.Nell'…"
    assert not corpus.get("art_88__para_1").number_given                  # "- Le singole…"


def test_nested_dash_items_under_a_letter(corpus) -> None:
    point = corpus.get("art_76__para_7__point_c")
    assert len(point.children) == 3
    assert "1/5 del costo di un litro di benzina" in corpus.get(point.children[0]).text


def test_unlettered_items_have_trattino_citations(corpus) -> None:
    item = corpus.get("art_89__para_1__item_10")
    assert item.text.startswith("docenze e ricerca scientifica")
    assert item.citation == "art. 89 c. 1 trattino 10"


def test_allegati_tables(corpus) -> None:
    table = corpus.get("all_A__table_1")
    assert table.rows[0] == ["N. Ord.", "FIGURA PROFESSIONALE", "CAT.", "POSTI IN ORGANICO"]
    assert table.rows[-1] == ["TOTALE", "11"]
    assert "70,70" in corpus.get("all_D__table_2").text


def test_organigramma_sections(corpus) -> None:
    names = [corpus.get(c).heading for c in corpus.get("org").children]
    assert names == ["Direzione Generale", "Dipartimenti e Strutture di Staff apicali",
                     "Conferenza dei dirigenti", "Settori", "Uffici e Staff"]


@pytest.mark.parametrize("spelling, citation", [
    ("88.3", "art. 88 c. 3"),
    ("art 88 comma 3", "art. 88 c. 3"),
    ("articolo 87 c.1 lett. d)", "art. 87 c. 1 lett. d"),
    ("art. 87, comma 1, lettera d)", "art. 87 c. 1 lett. d"),
    ("87.1.d", "art. 87 c. 1 lett. d"),
    ("allegato D", "all. D"),
    ('all. "D"', "all. D"),
    ("all. “G”", "all. G"),
    ("titolo III", "titolo III"),
    ("tit. 9", "titolo IX"),
    ("art_88__para_6", "art. 88 c. 6"),
    ("ART. 17", "art. 17"),
])
def test_reference_spellings(corpus, spelling, citation) -> None:
    assert corpus.resolve(spelling).citation == citation


@pytest.mark.parametrize("ref, nearest", [
    ("art. 95", "art. 94"),
    ("88.9", "art. 88 c. 1"),
    ("art. 87 c. 1 lett. j", "art. 87 c. 1 lett. a"),
    ("all. Z", "all. A"),
])
def test_unknown_reference_offers_nearest(corpus, ref, nearest) -> None:
    with pytest.raises(UnknownReference) as err:
        corpus.resolve(ref)
    assert nearest in err.value.suggestions


def test_every_citation_resolves_to_its_unit(corpus) -> None:
    for unit in corpus.units.values():
        assert corpus.resolve(unit.citation) is unit


OTHER_COMUNE = """\
INDICE
Articolo 1 – Oggetto
Art. 2 - Ferie
TITOLO I
NORME GENERALI
Articolo 1 – Oggetto
Il presente regolamento disciplina gli uffici.
- Esso si applica a tutto il personale:
a) dipendenti;
- b) collaboratori;
Art. 2 - Ferie
1) Le ferie sono concesse dal responsabile.
2. Per il Segretario provvede il Sindaco.
3 Disposizioni finali
- Il regolamento entra in vigore subito.
"""


def test_a_different_comune_with_its_own_quirks() -> None:
    result = parse_regulation(OTHER_COMUNE)
    by_id = {u.eid: u for u in result.units}
    assert [u.num for u in result.units if u.kind == "articolo"] == ["1", "2", "3"]
    assert [c.split("__")[-1] for c in by_id["art_1__para_2"].children] == ["point_a", "point_b"]
    assert by_id["art_2__para_2"].text == "Per il Segretario provvede il Sindaco."
    assert by_id["art_3"].heading == "Disposizioni finali"
    assert {s.line for s in result.skipped if "indice" in s.reason} >= {1, 2, 3}


def test_bare_paragraph_inside_a_lettered_list_stays_in_the_list(corpus) -> None:
    # Art. 18: "c) …" / "Nel caso in cui il PEG …" (no marker) / "- d) …": one list, a–g.
    assert [c.num for c in corpus.children(corpus.get("art_18"))] == ["1", "2"]
    assert [p.num for p in corpus.children(corpus.get("art_18__para_2"))] == list("abcdefg")
    assert "Nel caso in cui il PEG" in corpus.get("art_18__para_2__point_c").text


def test_list_without_markers_after_a_colon(corpus) -> None:
    # Art. 48 c. 4 "In particolare la Conferenza:" then "Verifica …;", "Decide …;" bare.
    assert len(corpus.get("art_48").children) == 7
    items = corpus.children(corpus.get("art_48__para_4"))
    assert len(items) == 6 and items[0].text.startswith("Verifica")
    assert corpus.get("art_48__para_5").text.startswith("Svolge inoltre")


def test_index_entries_and_heading_anomalies_are_kept(corpus) -> None:
    allegati = [e for e in corpus.index_entries if e.kind == "allegato"]
    assert [e.num for e in allegati] == list("ABCDEFG")
    assert allegati[4].text.startswith("SCHEDA VALUTAZIONE INDENNITA")
    reasons = [a.reason for a in corpus.anomalies]
    assert "intestazione dell'art. 87 scritta «Artico» invece di «Articolo»" in reasons
    assert "intestazione dell'art. 89 senza «Articolo»" in reasons


def test_article_repeated_in_the_body_is_reported() -> None:
    text = ("Articolo 1 – Oggetto\n1. Primo.\nArticolo 2 – Ferie\n1. Ferie.\n"
            "Articolo 2 – Ferie bis\n1. Ancora.\n")
    result = parse_regulation(text)
    assert any("art. 2 ripetuto nel testo" in a.reason for a in result.anomalies)


def test_repeated_comma_number_is_one_anomaly() -> None:
    result = parse_regulation("Articolo 1 – Oggetto\n1. Primo.\n2. Secondo.\n2. Ancora.\n")
    assert [a.reason for a in result.anomalies] == ["numero ripetuto: art. 1 c. 2"]


def test_comma_number_without_dot() -> None:
    result = parse_regulation("Articolo 2 – Ferie\n1. Le ferie.\n2 Le ferie del Segretario.\n"
                              "30 giorni sono il termine.\n")
    by_id = {u.eid: u for u in result.units}
    assert by_id["art_2__para_2"].text.startswith("Le ferie del Segretario.")
    assert "art_2__para_30" not in by_id  # "30 giorni…" is no comma number


_LINES = st.sampled_from([
    "Articolo 1 – Oggetto", "Art.2 Ferie", "Artico 3- Orario", "4 Disposizioni finali",
    "TITOLO II", "ALLEGATO A", "- Il dipendente chiede:", "a) il permesso;", "- b) le ferie;",
    "2.Il Sindaco decide.", "7) le richieste sono valutate.", "iii. componente", "", ".",
    "Nel caso in cui il PEG sia approvato dopo febbraio.", "x | y | z", "Verifica i programmi;",
])


@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=40))
@settings(max_examples=300, deadline=None)
def test_any_text_parses_into_a_consistent_tree(lines) -> None:
    result = parse_regulation("\n".join(lines))
    ids = [u.eid for u in result.units]
    assert len(ids) == len(set(ids))
    by_id = {u.eid: u for u in result.units}
    for unit in result.units:
        assert unit.parent is None or unit.eid in by_id[unit.parent].children
        assert all(c in by_id for c in unit.children)
