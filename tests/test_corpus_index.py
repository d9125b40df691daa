"""The index in SQLite: build, freshness, atomic rebuilds, read-back, search quality."""

from __future__ import annotations

import re
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordina.corpus import index, load_corpus
from ordina.corpus.textutil import STEM_CACHE, query_terms, stem, stems, strip_accents
from ordina.db import connect
from ordina.errors import UserError

OTHER_COMUNE = """\
INDICE
Articolo 1 – Oggetto
TITOLO I
NORME GENERALI
Articolo 1 – Oggetto
Il presente regolamento disciplina gli uffici.
.
Articolo 2 – Ferie
1) Le ferie dei dipendenti sono concesse dal responsabile.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    database = connect(tmp_path_factory.mktemp("idx") / "ordina.db")
    index.build_index(database)
    return database


def first_hits(db, text, n=1):
    return [h.citation for h in index.search(db, text, limit=n)]


# ---------------------------------------------------------------- search quality

@pytest.mark.parametrize("question, article", [
    ("patrocinio legale", "art. 78"),
    ("part-time vigili", "art. 80"),
    ("ferie segretario", "art. 81"),
    ("part time vigili urbani", "art. 80"),
    ("nucleo di valutazione compiti", "art. 39"),
    ("mobilità volontaria in uscita", "art. 51"),
    ("autorizzazione incarichi dipendenti", "art. 88"),
])
def test_real_questions_rank_the_right_article_first(db, question, article) -> None:
    assert first_hits(db, question) == [article]


def test_results_are_commi_grouped_by_article(db) -> None:
    hits = index.search(db, "part time", limit=5)
    assert len({h.eid for h in hits}) == len(hits)
    art80 = next(h for h in hits if h.citation == "art. 80")
    assert {m.citation for m in art80.matches} >= {"art. 80 c. 1", "art. 80 c. 4"}
    assert all(m.eid.startswith("art_80__") for m in art80.matches)


def test_incarichi_finds_incarico(db) -> None:
    snippets = [m.marked() for h in index.search(db, "incarichi", limit=50) for m in h.matches]
    assert any("«incarico»" in s for s in snippets)
    assert any("«incarichi»" in s for s in snippets)


def test_autorizzazione_finds_autorizzato(db) -> None:
    assert stem("autorizzato") == stem("autorizzazione") == stem("autorizzati")
    snippets = [m.marked() for h in index.search(db, "autorizzazione", limit=50)
                for m in h.matches]
    assert any(re.search(r"«autorizzat[oaie]»", s) for s in snippets)


@pytest.mark.parametrize("spelling", ["part time", "part-time", "parttime", "Part-Time"])
def test_part_time_in_any_spelling_finds_art_80(db, spelling) -> None:
    hits = index.search(db, spelling, limit=5)
    art80 = next(h for h in hits if h.citation == "art. 80")
    assert "part" in art80.snippet and "«" in art80.snippet


def test_accents_do_not_matter(db) -> None:
    assert first_hits(db, "responsabilità", 5) == first_hits(db, "responsabilita", 5)
    assert first_hits(db, "MOBILITA", 3) == first_hits(db, "mobilità", 3)


def test_snippets_are_cut_from_the_real_text_and_highlighted(db) -> None:
    hit = index.search(db, "patrocinio legale", limit=1)[0]
    match = hit.matches[0]
    plain = match.snippet.strip("…")
    source = load_corpus().full_text(load_corpus().get(match.eid))
    assert plain in source
    assert [match.snippet[a:b].lower() for a, b in match.highlights][:2] == [
        "patrocinio", "legale"]


def test_headings_weigh_more(db) -> None:
    hits = index.search(db, "patrocinio", limit=5)
    assert hits[0].citation == "art. 78"
    assert hits[0].score > hits[1].score


def test_no_match_for_all_words_falls_back_to_any(db) -> None:
    hits = index.search(db, "patrocinio zanzibar", limit=3)
    assert hits and hits[0].citation == "art. 78" and not hits[0].matched_all


@pytest.mark.parametrize("text", ["", "   ", "il la di", "'; DROP TABLE reg_units; --",
                                  'NEAR("a" "b")', "x" * 10_000, "\x00\ufffd"])
def test_odd_input_gives_no_error(db, text) -> None:
    index.search(db, text, limit=5)
    assert db.execute("select count(*) from reg_units").fetchone()[0] > 700


@given(st.text(max_size=80))
@settings(max_examples=150, deadline=None)
def test_search_never_raises(db, text) -> None:
    for hit in index.search(db, text, limit=3):
        for m in hit.matches:
            assert all(0 <= a < b <= len(m.snippet) for a, b in m.highlights)


@given(st.text(alphabet=st.sampled_from(list("aeiouàèéìòùbcdlmnrst -")), max_size=60))
@settings(max_examples=200, deadline=None)
def test_stems_ignore_accents(text) -> None:
    assert stems(text) == stems(strip_accents(text))
    assert query_terms(text) == query_terms(strip_accents(text))


def test_stem_cache_matches_the_stemmer() -> None:
    import snowballstemmer

    live = snowballstemmer.stemmer("italian")
    lines = STEM_CACHE.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# snowballstemmer")
    for line in lines[1:]:
        word, cached = line.split("\t")
        assert cached == live.stemWord(strip_accents(word)), word


# ---------------------------------------------------------------- storage

def test_tables_are_prefixed_and_fts5(db) -> None:
    names = set(db.table_names())
    assert {"reg_meta", "reg_units", "reg_refs", "reg_notes", "reg_search",
            "reg_search_fts"} <= names
    assert all(n.startswith("reg_") for n in names)
    sql = db.execute("select sql from sqlite_master where name = 'reg_search_fts'").fetchone()[0]
    assert "fts5" in sql.lower()


def test_corpus_read_back_equals_the_parsed_one(db) -> None:
    parsed = load_corpus()
    stored = load_corpus(db=db)
    assert list(stored.units) == list(parsed.units)
    for eid, unit in parsed.units.items():
        back = stored.units[eid]
        assert (back.text, back.heading, back.children, back.rows, back.citation) == (
            unit.text, unit.heading, unit.children, unit.rows, unit.citation)
    assert [a.reason for a in stored.anomalies] == [a.reason for a in parsed.anomalies]
    assert len(stored.refs.refs) == len(parsed.refs.refs)
    assert stored.resolve("88.3").citation == "art. 88 c. 3"


def test_index_is_kept_and_not_rebuilt(db) -> None:
    assert index.is_fresh(db)
    assert index.ensure_index(db) is None


def test_rebuilt_when_an_amendment_appears(tmp_path, monkeypatch) -> None:
    database = connect(tmp_path / "o.db")
    index.build_index(database)
    folder = tmp_path / "amendments"
    folder.mkdir()
    monkeypatch.setenv("ORDINA_AMENDMENTS", str(folder))
    assert index.is_fresh(database)  # an empty folder changes nothing
    (folder / "a.yaml").write_text(
        "in_vigore_dal: 2020-01-01\natto: Delibera GC n. 1/2020\n"
        "operazioni:\n  - abroga: art. 80 c. 4\n", encoding="utf-8")
    assert not index.is_fresh(database)
    assert index.ensure_index(database) is not None
    assert load_corpus(db=database).get("art_80__para_4").repealed
    assert "art. 80" not in first_hits(database, "vigili urbani", 3)


def test_failed_build_leaves_the_previous_index(tmp_path, monkeypatch) -> None:
    database = connect(tmp_path / "o.db")
    index.build_index(database)
    before = database.execute("select count(*) from reg_units").fetchone()[0]

    def broken(db, corpus, *args):
        db["reg_meta"].create({"key": str, "value": str}, pk="key")
        raise sqlite3.OperationalError("disco pieno")

    monkeypatch.setattr(index, "_write", broken)
    with pytest.raises(sqlite3.OperationalError):
        index.build_index(database)
    assert database.execute("select count(*) from reg_units").fetchone()[0] == before
    assert index.search(database, "patrocinio legale")[0].citation == "art. 78"


def test_other_source_is_indexed_with_a_skip_report(tmp_path) -> None:
    source = tmp_path / "altro.txt"
    source.write_text(OTHER_COMUNE, encoding="utf-8")
    database = connect(tmp_path / "o.db")
    report = index.build_index(database, source=source)
    assert report.articles == 2
    assert (7, 7, "riga di sola punteggiatura") in report.skipped_ranges()
    assert (1, 2, "intestazione o indice") in report.skipped_ranges()
    corpus = load_corpus(db=database)
    assert [a.num for a in corpus.articles] == ["1", "2"]
    assert index.search(database, "ferie")[0].citation == "art. 2"
    assert index.is_fresh(database)
    source.write_text(OTHER_COMUNE + "Articolo 3 – Nuovo\nTesto.\n", encoding="utf-8")
    assert not index.is_fresh(database)
    index.ensure_index(database)
    assert len(load_corpus(db=database).articles) == 3


@pytest.mark.parametrize("content, message", [
    (b"solo testo senza articoli\n", "nessun articolo"),
    (b"Articolo 1 \xff\xfe rotto\n", "UTF-8"),
])
def test_unreadable_source_fails_and_leaves_the_db(tmp_path, content, message) -> None:
    database = connect(tmp_path / "o.db")
    index.build_index(database)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(UserError, match=message):
        index.build_index(database, source=bad)
    assert index.stored_state(database).source == ""
    assert len(load_corpus(db=database).articles) == 94


def test_build_inside_a_callers_transaction(tmp_path) -> None:
    database = connect(tmp_path / "o.db")
    database.conn.execute("BEGIN")
    database.execute("create table altro (x)")
    index.build_index(database)
    database.conn.execute("COMMIT")
    assert {"altro", "reg_units"} <= set(database.table_names())


def test_another_connection_rebuilding_is_noticed(tmp_path) -> None:
    path = tmp_path / "o.db"
    reader = connect(path)
    assert len(load_corpus(db=reader).articles) == 94
    source = tmp_path / "altro.txt"
    source.write_text(OTHER_COMUNE, encoding="utf-8")
    index.build_index(connect(path), source=source)  # another connection, e.g. another process
    assert [a.num for a in load_corpus(db=reader).articles] == ["1", "2"]
    assert index.search(reader, "ferie")[0].citation == "art. 2"


def test_a_write_by_another_connection_is_seen_by_a_warm_reader(tmp_path) -> None:
    path = tmp_path / "o.db"
    reader = connect(path)
    load_corpus(db=reader)
    fingerprint = index.stored_state(reader).fingerprint
    other = sqlite3.connect(path)  # as another process would
    other.execute("update reg_meta set value = 'stale' where key = 'fingerprint'")
    other.commit()
    load_corpus(db=reader)  # data_version moved: checked again, found stale, rebuilt
    assert index.stored_state(reader).fingerprint == fingerprint
