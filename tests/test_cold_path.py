"""The cold path of ``ordina ask`` stays light: guarded by what it imports, not by a timer.

A cold ``ordina ask`` must answer in under 0.5 s on a busy two-core machine, and a timed
test would be flaky there. These tests pin the structure instead: which modules a real
``ordina ask`` process imports, and that the check registry validates citations against
the database index instead of parsing the regulation again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ordina.corpus import index, load_corpus
from ordina.db import connect

REPO = Path(__file__).resolve().parents[1]

#: Never imported by ``ordina ask``: the terminal app, spreadsheets, dataframes, and
#: sqlite-utils (with click and dateutil), which only writing commands need.
NEVER = ("textual", "ordina.tui", "openpyxl", "numpy", "pandas", "sqlite_utils", "click",
         "markdown_it")

#: Imported by ``ordina ask`` only when its question needs them.
ONLY_WHEN_NEEDED = {
    # a deadline is computed: asked directly, or the 30-day answer term of a pending
    # request (art. 88 c. 6), which the answer on incarico 12 reports beside its verdict
    "holidays": ("entro quando", "incarico 12"),
    "ordina.corpus.parser": None,     # the index holds the parsed regulation
    "yaml": None,                     # no amendment files are shipped
    "ordina.corpus.versions": None,   # the index's freshness needs only corpus.sources
    "regex": None,                    # Lark loads without it (ordina.query._lark)
    # entry point names are cached (ordina.plugins); holidays reads its version with it
    "importlib.metadata": ("entro quando", "incarico 12"),
}

QUESTIONS = [
    "art. 88 c. 3",
    "cerca patrocinio legale",
    "un dipendente a tempo pieno può fare l'amministratore di una srl?",
    "può Mario Rossi accettare l'incarico 12?",
    "chi sostituisce il segretario il 3 marzo 2027?",
    "richiesta di autorizzazione presentata il 12/03/2026: entro quando va data risposta?",
]

_PROBE = """
import json, os, sys
from ordina.cli import main
code = main(sys.argv[1:])
with open(os.environ["PROBE_OUT"], "w") as out:
    json.dump(sorted(sys.modules), out)
sys.exit(code)
"""


@pytest.fixture(scope="module")
def cold_modules(tmp_path_factory) -> dict[str, set[str]]:
    """The modules each question's ``ordina ask`` process imported, on a ready database."""
    tmp = tmp_path_factory.mktemp("cold")
    probe = tmp / "probe" / "probe.py"  # its folder is on sys.path: nothing else goes there
    probe.parent.mkdir()
    probe.write_text(_PROBE, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), ORDINA_DB=str(tmp / "o.db"),
               ORDINA_CACHE_DIR=str(tmp / "cache"), PROBE_OUT=str(tmp / "modules.json"))
    env.pop("ORDINA_DISABLE_ENTRYPOINTS", None)  # as users run it: entry points on

    def run(question: str) -> set[str]:
        done = subprocess.run([sys.executable, str(probe), "ask", question], env=env,
                              capture_output=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr.decode()
        return set(json.loads((tmp / "modules.json").read_text(encoding="utf-8")))

    run("chi sostituisce il segretario?")  # first start: demo, index, caches
    return {q: run(q) for q in QUESTIONS}


@pytest.mark.slow
@pytest.mark.parametrize("question", QUESTIONS)
def test_ask_never_imports_heavy_modules(cold_modules, question) -> None:
    loaded = cold_modules[question]
    bad = [m for m in loaded if m.split(".")[0] in NEVER or m.startswith(NEVER)]
    assert not bad, f"{question!r} imported {sorted(bad)[:5]}"


@pytest.mark.slow
@pytest.mark.parametrize("question", QUESTIONS)
def test_ask_imports_the_rest_only_when_needed(cold_modules, question) -> None:
    loaded = cold_modules[question]
    for module, cue in ONLY_WHEN_NEEDED.items():
        cues = (cue,) if isinstance(cue, str) else cue or ()
        if not any(c in question for c in cues):
            assert module not in loaded, f"{question!r} imported {module}"


@pytest.mark.slow
def test_the_deadline_question_does_load_holidays(cold_modules) -> None:
    """The guard above would pass vacuously if the holidays were never loaded at all."""
    assert "holidays" in cold_modules[QUESTIONS[-1]]


def test_index_citations_are_what_validation_accepts() -> None:
    """A citation of the index is valid exactly when the parsed corpus resolves it to a
    unit with that canonical citation: the set can replace the parse."""
    db = connect(":memory:")
    corpus = load_corpus()
    cited = index.canonical_citations(db)
    assert cited == {u.citation for u in corpus.units.values()}
    assert all(corpus.resolve(c).citation == c for c in cited)


def test_index_of_another_regulation_gives_no_citations(tmp_path) -> None:
    source = tmp_path / "altro.txt"
    source.write_text("Articolo 1 – Oggetto\n1. Il presente regolamento disciplina.\n",
                      encoding="utf-8")
    db = connect(":memory:")
    index.build_index(db, source=source)
    assert index.canonical_citations(db) == frozenset()


def test_registry_with_an_index_does_not_parse_the_regulation(monkeypatch) -> None:
    from ordina.corpus import loader, parser
    from ordina.engine.registry import default_registry, make_registry

    db = connect(":memory:")
    index.ensure_index(db)

    def no_parse(*_a, **_k):
        raise AssertionError("the regulation was parsed")

    monkeypatch.setattr(parser, "parse_regulation", no_parse)
    loader._source_corpus.cache_clear()
    loader._corpus_in_force.cache_clear()
    try:
        registry = make_registry(citations=index.canonical_citations(db))
        assert registry.get("incarichi_esterni.attivita")
        monkeypatch.setenv("ORDINA_PLUGINS", "incarichi_esterni")  # a fresh default
        assert default_registry(db).get("incarichi_esterni.attivita")
    finally:
        loader._source_corpus.cache_clear()
        loader._corpus_in_force.cache_clear()


def test_a_citation_missing_from_the_index_is_still_explained(tmp_path) -> None:
    from test_plugins import GOOD, _write

    from ordina.engine import CheckLoadError, make_registry

    db = connect(":memory:")
    _write(tmp_path / "a", "x.py", GOOD.replace('"art. 89 c. 1",)', '"89.1",)'))
    with pytest.raises(CheckLoadError, match="forma canonica 'art. 89 c. 1'"):
        make_registry([tmp_path / "a"], citations=index.canonical_citations(db))
    _write(tmp_path / "b", "y.py", GOOD.replace('"art. 89 c. 1",)', '"art. 95 c. 1",)'))
    with pytest.raises(CheckLoadError, match="art. 95 c. 1.*non è nel regolamento"):
        make_registry([tmp_path / "b"], citations=index.canonical_citations(db))


@pytest.mark.parametrize("argv", [
    ["ask", "art. 88 c. 3"],
    ["--db", "x.db", "--json", "ask", "--fact", "paid=si", "art", "88"],
    ["--as-of", "2026-03-12", "search", "ferie", "--limit", "2"],
    ["import", "persone.csv"],
    ["check", "--all"],
])
def test_one_command_parser_parses_like_the_full_one(argv) -> None:
    """``ordina ask`` registers only its own subcommand; the parse must not change."""
    from ordina.cli import build_parser, requested_command

    assert requested_command(argv) is not None
    one = vars(build_parser(argv).parse_args(argv))
    full = vars(build_parser().parse_args(argv))
    assert one.pop("run").__module__ == full.pop("run").__module__
    assert one == full


@pytest.mark.parametrize("argv", [[], ["--help"], ["-h", "ask"], ["--version"], ["askk"],
                                  ["--db", "ask"]])
def test_help_typos_and_no_command_get_the_full_parser(argv) -> None:
    from ordina.cli import requested_command

    assert requested_command(argv) is None
