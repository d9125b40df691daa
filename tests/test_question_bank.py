"""The question banks follow their format, and the scorer judges answers as documented.

No bank rate is asserted here: the rates are measured by ``benchmarks/bench_questions.py``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordina.answer import Answer
from ordina.corpus import load_corpus
from ordina.errors import UnknownReference

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))

import bench_questions  # benchmarks/ is not a package: on the path just above
import questions as qb

BANK_FILES = qb.bank_files()


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def entries() -> list[qb.Entry]:
    return [e for path in BANK_FILES for e in qb.load_bank(path)]


def _entry(**kw) -> qb.Entry:
    base = {"id": "r000-01-a", "q": "domanda", "lang": "it", "voice": "dipendente",
            "kind": "lookup", "verdict": None, "cite": ("art. 88 c. 6",), "words": (("30",),)}
    base.update(kw)
    return qb.Entry(**base)


def _raw(**kw) -> dict:
    base = {"id": "r088-06-a", "q": "entro quanti giorni?", "lang": "it", "voice": "dipendente",
            "kind": "lookup", "verdict": None, "cite": ["art. 88 c. 6"], "words": ["30"]}
    base.update(kw)
    return base


# --------------------------------------------------------------------------- the banks
def test_the_regulation_bank_is_there():
    names = {p.name for p in BANK_FILES}
    assert {"regolamento.tuning.yaml", "regolamento.frozen.yaml"} <= names


@pytest.mark.parametrize("path", BANK_FILES, ids=lambda p: p.name)
def test_every_bank_file_follows_the_format(path):
    assert qb.load_bank(path), f"{path.name} non ha domande"


def test_ids_are_unique_across_files(entries):
    twice = [i for i, n in Counter(e.id for e in entries).items() if n > 1]
    assert not twice, f"id ripetuti: {twice}"


def test_every_cite_is_a_canonical_unit_of_the_corpus(entries, corpus):
    wrong = []
    for e in entries:
        for cite in e.cite:
            try:
                unit = corpus.resolve(cite)
            except UnknownReference as exc:
                wrong.append(f"{e.id}: {cite!r} non esiste ({exc})")
                continue
            if unit.citation != cite:
                wrong.append(f"{e.id}: {cite!r} si scrive {unit.citation!r}")
    assert not wrong, "\n".join(wrong)


def test_each_entry_is_in_the_file_its_id_hash_names(entries):
    misplaced = [f"{e.id} in {e.bank}.{e.split}.yaml, va in {qb.split_of(e.id)}"
                 for e in entries if qb.split_of(e.id) != e.split]
    assert not misplaced, "\n".join(misplaced)


def test_every_decision_says_why(entries):
    assert not [e.id for e in entries if e.kind == "decision" and not e.note]


# --------------------------------------------------------------------------- the format
def test_split_rule_on_known_ids():
    # int(sha1(id).hexdigest(), 16) % 3 == 0 means frozen
    import hashlib

    for entry_id in ("r088-06-a", "r087-02m-a", "p001-a", "ralD-t3-b"):
        frozen = int(hashlib.sha1(entry_id.encode()).hexdigest(), 16) % 3 == 0
        assert qb.split_of(entry_id) == ("frozen" if frozen else "tuning")


def test_a_wrong_entry_gets_every_problem_named(tmp_path):
    bad = [_raw(), {"id": "r1", "q": "", "lang": "fr", "voice": "sindaco", "kind": "lookup",
                    "verdict": "vietato", "cite": [], "words": "30", "verdit": 1}]
    path = tmp_path / "regolamento.tuning.yaml"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(qb.BankError) as err:
        qb.load_bank(path)
    message = str(err.value)
    for part in ("voce 2 (r1)", "«q»", "«lang»", "«voice»", "solo le domande di kind decision",
                 "«cite»", "«words»", "campo sconosciuto «verdit»"):
        assert part in message


@pytest.mark.parametrize("raw, problem", [
    (_raw(kind="decision"), "vuole un verdict"),
    (_raw(verdict="forse"), "«verdict»"),
    (_raw(id="x088-06-a"), "iniziano con «r»"),
    (_raw(as_of="ieri"), "«as_of»"),
    (_raw(words=[["30", ""]]), "«words»"),
    ({k: v for k, v in _raw().items() if k != "cite"}, "manca il campo «cite»"),
])
def test_entry_problems(raw, problem):
    assert any(problem in p for p in qb.entry_problems(raw, "regolamento"))


def test_personale_entries_need_their_date():
    raw = _raw(id="p001-a")
    assert any("as_of" in p for p in qb.entry_problems(raw, "personale"))
    assert qb.entry_problems(dict(raw, as_of="2026-11-23"), "personale") == []


def test_a_file_name_outside_the_format_is_refused(tmp_path):
    path = tmp_path / "regolamento.yaml"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(qb.BankError, match="tuning.yaml o"):
        qb.load_bank(path)


def test_good_entry_loads_with_its_split(tmp_path):
    path = tmp_path / "regolamento.frozen.yaml"
    path.write_text(json.dumps([_raw(words=["30", ["giorni", "days"]])]), encoding="utf-8")
    (entry,) = qb.load_bank(path)
    assert (entry.bank, entry.split, entry.words) == ("regolamento", "frozen",
                                                      (("30",), ("giorni", "days")))


# --------------------------------------------------------------------------- the scorer
def test_right_answer(corpus):
    entry = _entry(kind="decision", verdict="autorizzazione", cite=("art. 87 c. 2 lett. m",),
                   words=(("autorizzazione",),))
    answer = Answer(query="q", intent="x", answer="Serve l'autorizzazione.",
                    verdict="autorizzazione", citations=["art. 87 c. 2 lett. m", "art. 88 c. 1"])
    assert qb.score(answer, entry, corpus).right


def test_wrong_verdict_is_wrong_and_confident(corpus):
    entry = _entry(kind="decision", verdict="autorizzazione", cite=("art. 87 c. 2 lett. m",),
                   words=())
    answer = Answer(query="q", intent="x", answer="No.", verdict="vietato",
                    citations=["art. 87 c. 2 lett. m"])
    result = qb.score(answer, entry, corpus)
    assert (result.right, result.verdict_ok, result.cite_ok) == (False, False, True)
    assert qb.confident_wrong(answer, entry)


def test_asking_for_facts_is_not_a_confident_wrong_verdict():
    entry = _entry(kind="decision", verdict="vietato", words=())
    answer = Answer(query="q", intent="x", answer="Mi serve sapere…", verdict="dati_mancanti")
    assert not qb.confident_wrong(answer, entry)
    assert not qb.confident_wrong(Answer(query="q", intent="x", answer="", verdict="vietato"),
                                  entry)


def test_a_lookup_with_a_verdict_is_wrong(corpus):
    answer = Answer(query="q", intent="x", answer="30 giorni", verdict="consentito",
                    citations=["art. 88 c. 6"])
    assert not qb.score(answer, _entry(), corpus).verdict_ok


def test_missing_decisive_citation(corpus):
    entry = _entry(kind="decision", verdict="autorizzazione", cite=("art. 87 c. 2 lett. m",),
                   words=())
    answer = Answer(query="q", intent="x", answer="", verdict="autorizzazione",
                    citations=["art. 87 c. 1 lett. d"])
    assert not qb.score(answer, entry, corpus).cite_ok
    assert not qb.score(Answer(query="q", intent="x", answer="", verdict="autorizzazione"),
                        entry, corpus).cite_ok


@pytest.mark.parametrize("expected, got, covers", [
    ("art. 87 c. 1", "art. 87 c. 1 lett. d", True),
    ("art. 88", "art. 88 c. 6", True),
    ("art. 89 c. 1", "art. 89 c. 1 trattino 2", True),
    ("all. D", "all. D tab. 3", True),
    ("titolo IX", "art. 88 c. 3", True),
    ("art. 88 c. 6", "art. 88 c. 6", True),
    ("art. 8", "art. 88 c. 1", False),
    ("art. 87 c. 1 lett. d", "art. 87 c. 1", False),
    ("art. 87 c. 2", "art. 87 c. 1 lett. d", False),
])
def test_a_unit_inside_the_decisive_one_counts(corpus, expected, got, covers):
    assert qb.citation_covers(expected, got, corpus) is covers
    assert qb.citation_covers(expected, got) is (covers and expected != "titolo IX")


def test_another_spelling_of_the_citation_counts(corpus):
    assert qb.citation_covers("art. 88 c. 6", "88.6", corpus)
    assert not qb.citation_covers("art. 88 c. 6", "non è una citazione", corpus)


def test_missing_word(corpus):
    answer = Answer(query="q", intent="x", answer="Entro trenta giorni.",
                    citations=["art. 88 c. 6"])
    result = qb.score(answer, _entry(), corpus)
    assert (result.cite_ok, result.right, result.missing_words) == (True, False, ["30"])


def test_words_ignore_case_accents_and_apostrophes(corpus):
    entry = _entry(cite=("art. 72 c. 3",),
                   words=(("Responsabile dell'Area Amministrativa",), ("attivita",)))
    answer = Answer(query="q", intent="x", citations=["art. 72 c. 3"],
                    answer="Il Registro è gestito dal RESPONSABILE DELL’AREA AMMINISTRATIVA "
                           "(art. 72 c. 3); vale per ogni attività.")
    assert qb.score(answer, entry, corpus).right


def test_alternatives_and_the_quote_count(corpus):
    entry = _entry(words=(("trenta", "30"),), cite=("art. 88 c. 6",))
    answer = Answer(query="q", intent="x", answer="Within thirty days.", quote="entro 30 giorni",
                    citations=["art. 88 c. 6"])
    assert qb.score(answer, entry, corpus).right


@given(st.text(alphabet="aàeèéiìoòuùAÈzZ' ’\n", min_size=1, max_size=40), st.data())
def test_any_piece_of_the_answer_is_found(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    piece = text[start:data.draw(st.integers(start + 1, len(text)))].strip()
    if piece:
        assert qb.missing_words(((piece.upper(),),), text) == []


# --------------------------------------------------------------------------- the benchmark
def test_benchmark_never_shows_a_frozen_question(tmp_path, capsys):
    from store_fixtures import demo_db

    frozen_id = next(f"r088-06-{c}" for c in "abcdefghijklmnopqrstuvwxyz"
                     if qb.split_of(f"r088-06-{c}") == "frozen")
    tuning_id = next(f"r088-06-{c}" for c in "abcdefghijklmnopqrstuvwxyz"
                     if qb.split_of(f"r088-06-{c}") == "tuning")
    secret = "domanda segreta numero sette: chi tiene il registro degli incarichi?"
    (tmp_path / "regolamento.frozen.yaml").write_text(
        json.dumps([_raw(id=frozen_id, q=secret, words=["parola-impossibile"])]),
        encoding="utf-8")
    (tmp_path / "regolamento.tuning.yaml").write_text(
        json.dumps([_raw(id=tuning_id, q="chi tiene il registro? xyz", words=["qwerty"])]),
        encoding="utf-8")
    db_path = tmp_path / "demo.db"
    demo_db(str(db_path)).conn.close()

    for flags in ([], ["--failures"], ["--json", "--failures"]):
        assert bench_questions.main(["--bank-dir", str(tmp_path), "--db", str(db_path),
                                     *flags]) == 0
        out = capsys.readouterr().out
        assert secret not in out and frozen_id not in out
    report = json.loads(out)
    regolamento = report["banks"]["regolamento"]
    assert regolamento["frozen"]["total"] == 1 and regolamento["tuning"]["total"] == 1
    assert [f["id"] for f in report["tuning_failures"]] == [tuning_id]
    assert set(report["latency"]) == {"p50_ms", "p95_ms", "asks"}


def test_benchmark_refuses_a_broken_bank(tmp_path, capsys):
    (tmp_path / "regolamento.tuning.yaml").write_text("- id: r1\n", encoding="utf-8")
    assert bench_questions.main(["--bank-dir", str(tmp_path)]) == 2
    assert "manca il campo" in capsys.readouterr().err
