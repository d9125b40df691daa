"""Running a recorded decision again: on its own facts and text, on today's, or under an
amendment the Giunta has not adopted yet.

Only the Norme (the numbers beside their commi) follow another text automatically; a
comma whose words changed beyond what :mod:`ordina.register.norme` can read is listed as
changed, so the office reviews the decision instead of trusting an unchanged verdict.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from ordina.corpus.loader import corpus_as_of, corpus_from_text, source_path
from ordina.corpus.model import Corpus
from ordina.corpus.versions import Amendment, apply_amendments, load_amendments
from ordina.engine.check import Outcome
from ordina.engine.provenance import FactSet
from ordina.engine.registry import Registry
from ordina.errors import UserError
from ordina.register.chain import canonical
from ordina.register.norme import Changed, changes_under, overrides
from ordina.register.proposal import PROPOSED, propose, run_checks
from ordina.register.receipt import (
    decode_facts,
    decode_value,
    encode_value,
    regulation_version,
    sha256_file,
)
from ordina.register.subject import INTENTS, Ref, load
from ordina.store.decisions import DecisionRow


@dataclass
class Rerun:
    """One re-run of a decision and how it compares with what was recorded."""

    label: str
    verdict: str | None
    proposed: str | None
    recorded_verdict: str | None
    recorded_outcome: str
    outcome: Outcome
    norme: list[Changed] = field(default_factory=list)
    facts_changed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def same(self) -> bool:
        """True when the checks give the verdict they gave when the decision was taken."""
        return self.verdict == self.recorded_verdict

    def to_json(self) -> dict[str, Any]:
        """For ``--json``."""
        return {"label": self.label, "same": self.same, "verdict": self.verdict,
                "proposed": self.proposed, "recorded_verdict": self.recorded_verdict,
                "recorded_outcome": self.recorded_outcome,
                "norme": [c.to_json() for c in self.norme],
                "facts_changed": self.facts_changed, "notes": self.notes,
                "answer": self.outcome.answer, "citations": list(self.outcome.citations)}


def _receipt(row: DecisionRow) -> dict[str, Any]:
    return json.loads(row.receipt)


def _run(row: DecisionRow, label: str, facts: FactSet, corpus: Corpus,
         registry: Registry) -> Rerun:
    receipt = _receipt(row)
    changes = changes_under(corpus, registry)
    outcome, _ = run_checks(row.subject_kind, facts, registry, overrides(changes))
    return Rerun(label, outcome.verdict, PROPOSED.get(outcome.verdict or ""),
                 receipt["proposal"]["verdict"], row.outcome, outcome, changes)


def text_differences(recorded: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """Where the regulation files of the receipt and today's differ, in Italian."""
    out = []
    if recorded["sha256"] != now["sha256"]:
        out.append("il file del regolamento è cambiato (sha256 diverso)")
    old = {a["id"]: a for a in recorded["amendments"]}
    new = {a["id"]: a for a in now["amendments"]}
    for name in sorted(set(old) | set(new)):
        if name not in new:
            out.append(f"l'emendamento {name} non c'è più")
        elif name not in old:
            out.append(f"l'emendamento {name} non c'era")
        elif old[name]["sha256"] != new[name]["sha256"]:
            out.append(f"l'emendamento {name} è stato modificato")
    return out


@lru_cache(maxsize=1)
def _source() -> Corpus:
    return corpus_from_text(source_path().read_text(encoding="utf-8"))[0]


def recorded_corpus(version: dict[str, Any]) -> tuple[Corpus, list[str]]:
    """The text the receipt names: the source plus the recorded amendments, by hash.

    :returns: the corpus and what could not be rebuilt as recorded (a changed file, a
        missing amendment): then the current files stand in, and the note says so.
    """
    problems = []
    if version["sha256"] != sha256_file(source_path()):
        problems.append("il file del regolamento è cambiato (sha256 diverso)")
    available = {a.id: a for a in load_amendments()}
    wanted = []
    for item in version["amendments"]:
        found = available.get(item["id"])
        if found is None:
            problems.append(f"l'emendamento {item['id']} non c'è più")
        elif found.path and sha256_file(found.path) != item["sha256"]:
            problems.append(f"l'emendamento {item['id']} è stato modificato")
            wanted.append(found)
        else:
            wanted.append(found)
    return apply_amendments(_source(), wanted) if wanted else _source(), problems


def recheck_recorded(row: DecisionRow, registry: Registry) -> Rerun:
    """The recorded facts under the recorded text (source and amendments, by hash)."""
    receipt = _receipt(row)
    corpus, problems = recorded_corpus(receipt["regulation"])
    rerun = _run(row, "con i fatti e il testo registrati", decode_facts(receipt["facts"]),
                 corpus, registry)
    count = len(receipt["regulation"]["amendments"])
    rerun.notes += ([("Il testo registrato non si ricostruisce esattamente: "
                      + "; ".join(problems) + ".")] if problems else
                    [(f"Stesso testo registrato: regolamento sha256 "
                      f"{receipt['regulation']['sha256'][:12]}…, {count} emendamenti in vigore "
                      "con le stesse impronte.")])
    if receipt["ordina"] != _version():
        rerun.notes.append(f"Registrata con ordina {receipt['ordina']}, ricontrollata con "
                           f"ordina {_version()}.")
    return rerun


def _version() -> str:
    from ordina import __version__

    return __version__


def _fact_changes(old: FactSet, new: FactSet, read: set[str]) -> list[str]:
    """The facts the checks read whose value changed (not the date, not years of service)."""
    out = []
    for name in sorted((set(old) | set(new)) & read):
        if name == "date":
            continue
        a, b = old.get(name, None), new.get(name, None)
        if not _same(a, b):
            out.append(f"{name.replace('_', ' ')}: {_show(a)} → {_show(b)}")
    return out


def _same(a: Any, b: Any) -> bool:
    """Equal as the receipt records them: a tuple read back from JSON is a list, keys unordered."""
    return a == b or canonical(encode_value(a)) == canonical(encode_value(b))


def _show(value: Any) -> str:
    from ordina.engine.logic import fmt

    return "non noto" if value is None else str(fmt(value))


def recheck_today(db: Any, row: DecisionRow, registry: Registry, on: date) -> Rerun:
    """Today's facts from the database (with the facts the office stated) and today's text."""
    receipt = _receipt(row)
    recorded = decode_facts(receipt["facts"])
    stated = {f["name"]: decode_value(f["value"]) for f in receipt["facts"]
              if f["source"] == "opzione"}
    try:
        loaded = load(db, Ref(row.subject_kind, row.subject_key), on)
    except UserError as exc:
        raise UserError(f"non si può ricontrollare con i fatti di oggi: {exc}") from None
    facts = propose(loaded, on, registry, stated).facts
    rerun = _run(row, f"con i fatti e il testo in vigore al {on:%d/%m/%Y}", facts,
                 corpus_as_of(on), registry)
    read = {n for c in registry.for_intent(INTENTS[row.subject_kind]) for n in c.facts}
    rerun.facts_changed = _fact_changes(recorded, facts, read)
    diffs = text_differences(receipt["regulation"], regulation_version(on))
    if diffs:
        rerun.notes.append("Testo del regolamento diverso da quello registrato: "
                           + "; ".join(diffs) + ".")
    return rerun


def impact(rows: list[DecisionRow], amendment: Amendment, registry: Registry) -> list[Rerun]:
    """Each decision re-run on its recorded facts with ``amendment`` applied to its text."""
    out = []
    for row in rows:
        on = date.fromisoformat(row.as_of)
        corpus = apply_amendments(corpus_as_of(on), [amendment])
        rerun = _run(row, f"voce n. {row.id}: {row.subject}",
                     decode_facts(_receipt(row)["facts"]), corpus, registry)
        out.append(rerun)
    return out
