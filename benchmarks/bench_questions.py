"""Run the question banks through ``ordina`` and report how many answers are right.

Usage (from the repository root)::

    python benchmarks/bench_questions.py              # rates, tuning beside frozen
    python benchmarks/bench_questions.py --failures   # + the TUNING failures, one by one
    python benchmarks/bench_questions.py --json       # the same, for machines

Every entry of ``tests/bank/*.yaml`` is asked in-process through
``ordina.ask.answer_question(text, db, as_of)`` on a temporary demo database (the Comune di
Esempio, built as the tests build it), on the entry's ``as_of`` or the demo's reference date.
The frozen files are scored but never shown: only their rates are printed, never a question
or a failure of theirs. What "right" means is in ``benchmarks/questions.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))
os.environ.setdefault("ORDINA_DISABLE_ENTRYPOINTS", "1")

import questions as qb  # benchmarks/ is on the path (just above)

#: Breakdowns printed under each bank.
FACETS = ("kind", "voice", "lang")
MAX_LOOKUP_CITATIONS = 5


@dataclass
class Result:
    """One entry asked: its score and what came back."""

    entry: qb.Entry
    score: qb.Score
    confident_wrong: bool
    citations: list[str]
    verdict: str | None
    seconds: float
    error: str | None = None


def ask_all(entries: list[qb.Entry], db: Any, corpus: Any) -> list[Result]:
    """Ask every entry; an exception is a wrong answer that names the error."""
    from ordina.ask import answer_question
    from ordina.store.demo import REFERENCE_DATE

    results = []
    for entry in entries:
        start = time.perf_counter()
        try:
            answer = answer_question(entry.q, db, entry.as_of or REFERENCE_DATE)
        except Exception as exc:  # noqa: BLE001 - a crash or refusal is a wrong answer
            results.append(Result(entry, qb.Score(False, False, []), False, [], None,
                                  time.perf_counter() - start, f"{type(exc).__name__}: {exc}"))
            continue
        elapsed = time.perf_counter() - start
        results.append(Result(entry, qb.score(answer, entry, corpus),
                              qb.confident_wrong(answer, entry), list(answer.citations),
                              answer.verdict, elapsed))
    return results


def _rate(items: list[Result]) -> dict[str, Any]:
    right = sum(r.score.right for r in items)
    return {"right": right, "total": len(items),
            "rate": round(right / len(items), 4) if items else None}


def summarize(results: list[Result]) -> dict[str, Any]:
    """Per bank: tuning and frozen rates, by facet, confident wrong verdicts, citation counts."""
    banks: dict[str, Any] = {}
    for bank in sorted({r.entry.bank for r in results}):
        mine = [r for r in results if r.entry.bank == bank]
        by_split = {s: [r for r in mine if r.entry.split == s] for s in qb.SPLITS}
        report: dict[str, Any] = {s: _rate(by_split[s]) for s in qb.SPLITS}
        for facet in FACETS:
            groups: dict[str, dict[str, list[Result]]] = defaultdict(lambda: defaultdict(list))
            for r in mine:
                groups[getattr(r.entry, facet)][r.entry.split].append(r)
            report[f"by_{facet}"] = {value: {s: _rate(groups[value][s]) for s in qb.SPLITS}
                                     for value in sorted(groups)}
        report["confident_wrong"] = {s: sum(r.confident_wrong for r in by_split[s])
                                     for s in qb.SPLITS}
        report["lookups_over_5_citations"] = {
            s: sum(1 for r in by_split[s] if r.entry.kind == "lookup"
                   and len(r.citations) > MAX_LOOKUP_CITATIONS) for s in qb.SPLITS}
        report["errors"] = {s: sum(1 for r in by_split[s] if r.error) for s in qb.SPLITS}
        banks[bank] = report
    times = sorted(r.seconds * 1000 for r in results)
    latency = {"p50_ms": round(statistics.median(times), 2) if times else None,
               "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 2)
               if times else None, "asks": len(times)}
    return {"banks": banks, "latency": latency}


def tuning_failures(results: list[Result]) -> list[dict[str, Any]]:
    """The wrong answers of the TUNING files only (a frozen entry is never shown)."""
    out = []
    for r in results:
        if r.entry.split != "tuning" or r.score.right:
            continue
        out.append({"id": r.entry.id, "bank": r.entry.bank, "q": r.entry.q,
                    "expected": {"verdict": r.entry.verdict, "cite": list(r.entry.cite),
                                 "words": [list(w) for w in r.entry.words]},
                    "got": {"verdict": r.verdict, "citations": r.citations[:8],
                            "missing_words": r.score.missing_words, "error": r.error}})
    return out


def _pct(rate: dict[str, Any]) -> str:
    if not rate["total"]:
        return "      -      "
    return f"{100 * rate['rate']:5.1f}% {rate['right']:>3}/{rate['total']:<3}"


def render(summary: dict[str, Any], failures: list[dict[str, Any]] | None) -> str:
    """The plain-text report."""
    lines = []
    for bank, rep in summary["banks"].items():
        lines.append(f"{'banca ' + bank:<26}tuning          frozen (test)")
        lines.append(f"{'  giuste':<25} {_pct(rep['tuning'])}   {_pct(rep['frozen'])}")
        for facet in FACETS:
            for value, rates in rep[f"by_{facet}"].items():
                label = f"  {facet}={value}"
                lines.append(f"{label:<25} {_pct(rates['tuning'])}   {_pct(rates['frozen'])}")
        for key, label in (("confident_wrong", "verdetti sicuri errati"),
                           ("lookups_over_5_citations", "look-up con >5 citazioni"),
                           ("errors", "eccezioni")):
            lines.append(f"  {label:<28} tuning {rep[key]['tuning']:>3}    "
                         f"frozen {rep[key]['frozen']:>3}")
        lines.append("")
    lat = summary["latency"]
    lines.append(f"latenza ask (in processo, {lat['asks']} domande): "
                 f"p50 {lat['p50_ms']} ms, p95 {lat['p95_ms']} ms")
    if failures is not None:
        lines.append("")
        lines.append(f"errori sulle domande di TUNING ({len(failures)}; le frozen non si "
                     f"mostrano):")
        for f in failures:
            exp, got = f["expected"], f["got"]
            lines.append(f"- [{f['id']}] {f['q']}")
            lines.append(f"    atteso: verdetto {exp['verdict']}, cita {exp['cite']}, "
                         f"parole {exp['words']}")
            detail = got["error"] or (f"verdetto {got['verdict']}, cita {got['citations']}, "
                                      f"parole mancanti {got['missing_words']}")
            lines.append(f"    avuto:  {detail}")
    return "\n".join(lines)


def open_demo(path: Path | None) -> Any:
    """The demo Comune in ``path`` (created when missing), as the tests build it."""
    from ordina.db import connect
    from ordina.store import ensure_demo

    db = connect(path)
    ensure_demo(db)
    return db


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Banche di domande: quante risposte giuste.")
    parser.add_argument("--bank-dir", type=Path, default=qb.BANK_DIR,
                        help="cartella delle banche (predefinita: tests/bank)")
    parser.add_argument("--db", type=Path, default=None,
                        help="database demo da usare (predefinito: uno temporaneo)")
    parser.add_argument("--failures", action="store_true",
                        help="elenca gli errori delle sole domande di tuning")
    parser.add_argument("--json", action="store_true", help="risultato in JSON")
    args = parser.parse_args(argv)

    try:
        entries = [e for path in qb.bank_files(args.bank_dir) for e in qb.load_bank(path)]
    except qb.BankError as exc:
        print(f"banca non valida:\n{exc}", file=sys.stderr)
        return 2
    if not entries:
        print(f"nessuna domanda in {args.bank_dir}", file=sys.stderr)
        return 2

    from ordina.corpus import load_corpus
    from ordina.corpus.index import ensure_index

    with tempfile.TemporaryDirectory(prefix="ordina-bank-") as tmp:
        db = open_demo(args.db or Path(tmp) / "ordina.db")
        ensure_index(db)  # built once here, so the first question is not timed building it
        results = ask_all(entries, db, load_corpus())
        db.conn.close()
    summary = summarize(results)
    failures = tuning_failures(results) if args.failures else None
    if args.json:
        out = dict(summary)
        if failures is not None:
            out["tuning_failures"] = failures
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(render(summary, failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
