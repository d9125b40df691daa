"""Scenario files: law tests a lawyer can read, run by the test suite and by ``ordina check``.

A scenario file sits next to its check module (``checks/incarichi_esterni.yaml`` beside
``checks/incarichi_esterni.py``) and is written in Italian::

    intento: external_assignment          # or  verifica: incarichi_esterni.attivita
    scenari:
      - nome: Amministratore di una srl, dipendente a tempo pieno
        fatti:
          part_time_percent: 100
          activity_kind: amministratore di una srl   # synonyms of ordina.facts are accepted
        esito: vietato
        citazioni: [art. 87 c. 1 lett. d]
      - nome: Manca il regime orario
        fatti: {activity_kind: commerciale}
        esito: dati_mancanti
        mancanti: [part_time_percent]

Expected keys: ``esito`` (a verdict, or ``nessuno``), ``citazioni`` (must all appear),
``mancanti`` (the first missing facts, in order), ``condizioni`` (facts left to verify),
``traccia`` and ``risposta`` (phrases that must appear), ``dati`` (computed values).
``data`` sets the date of the question. A who-question on the demo database names its
subject: ``soggetto: {tipo: person, testo: Neri}`` (``tipo``: person, unit, office, generic).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ordina.engine.answering import evaluate
from ordina.engine.check import Outcome
from ordina.engine.provenance import FactSet, FactValue
from ordina.engine.registry import Registry
from ordina.errors import UserError

EXPECTATIONS = ("esito", "citazioni", "mancanti", "condizioni", "traccia", "risposta", "dati")


@dataclass
class Scenario:
    """One scenario: facts in, expected verdict and citations out."""

    name: str
    path: Path
    facts: dict[str, Any]
    expect: dict[str, Any]
    check: str | None = None
    intent: str | None = None
    when: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    subject: dict[str, Any] | None = None
    """For who-questions on the demo database: ``{tipo: person, testo: Neri}``."""

    @property
    def label(self) -> str:
        """``incarichi_esterni.yaml: Amministratore di una srl``."""
        return f"{self.path.name}: {self.name}"


def scenario_files(folder: Path) -> list[Path]:
    """The scenario files of a checks folder (``*.yaml`` / ``*.yml``)."""
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def _typed(name: str, value: Any) -> Any:
    """Read a value written in a scenario the way ``--fact`` reads it (synonyms, numbers)."""
    if not isinstance(value, str):
        return value
    try:
        from ordina.facts import FACTS, parse_value
    except ImportError:  # pragma: no cover - ordina.facts ships with ordina
        return value
    fact = FACTS.get(name)
    return parse_value(fact, value) if fact is not None else value


def load_scenarios(path: Path) -> list[Scenario]:
    """Read every scenario of ``path``.

    :raises UserError: when the file is not valid YAML or a scenario lacks ``esito``.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise UserError(f"scenario {path.name} non leggibile: {exc}") from None
    if not isinstance(data, Mapping) or not isinstance(data.get("scenari"), list):
        raise UserError(f"scenario {path.name}: serve una lista 'scenari'")
    out: list[Scenario] = []
    for i, item in enumerate(data["scenari"], 1):
        if not isinstance(item, Mapping) or "esito" not in item:
            raise UserError(f"scenario {path.name} n. {i}: manca 'esito'")
        facts = {k: _typed(k, v) for k, v in (item.get("fatti") or {}).items()}
        when = item.get("data", data.get("data"))
        out.append(Scenario(
            name=str(item.get("nome", f"scenario {i}")), path=path, facts=facts,
            expect={k: item[k] for k in EXPECTATIONS if k in item},
            check=item.get("verifica", data.get("verifica")),
            intent=item.get("intento", data.get("intento")),
            when=when if isinstance(when, date) else None,
            subject=item.get("soggetto"),
        ))
    return out


def _demo_db() -> Any:
    """The demo Comune in memory, built once per process (who-questions need names)."""
    global _DEMO
    if _DEMO is None:
        from ordina.db import connect
        from ordina.store import ensure_demo

        _DEMO = connect(":memory:")
        ensure_demo(_DEMO)
    return _DEMO


_DEMO: Any = None


def run_lookup(scenario: Scenario, registry: Registry) -> Outcome:
    """Ask a who-question of the demo database, as ``ordina ask`` would."""
    from ordina.engine.context import Context
    from ordina.query.model import Query, Subject
    from ordina.store import REFERENCE_DATE

    spec = scenario.subject or {}
    subject = Subject(spec.get("tipo", "person"), str(spec.get("testo", ""))) \
        if spec.get("testo") or spec.get("tipo") else None
    query = Query(scenario.name, scenario.intent or "", subject, facts=dict(scenario.facts),
                  as_of=scenario.when)
    ctx = Context(as_of=REFERENCE_DATE, db=_demo_db(), registry=registry)
    lookups = registry.lookups_for(query.intent)
    if not lookups:
        raise UserError(f"{scenario.label}: nessuna ricerca risponde a '{query.intent}'")
    return lookups[0].run(query, ctx)


def run_scenario(scenario: Scenario, registry: Registry) -> Outcome:
    """Evaluate the scenario's facts with its check (or every check of its intent)."""
    if scenario.subject is not None:
        return run_lookup(scenario, registry)
    facts = FactSet.from_values(scenario.facts, "scenario")
    if scenario.when is not None:
        facts = facts.merged([FactValue("date", scenario.when, "contesto")])
    if scenario.check:
        checks = [registry.get(scenario.check)]
    elif scenario.intent:
        checks = registry.for_intent(scenario.intent)
    else:
        raise UserError(f"{scenario.label}: indicare 'verifica' o 'intento'")
    return evaluate(checks, facts, registry)


def failures(scenario: Scenario, outcome: Outcome) -> list[str]:
    """What the outcome got wrong, in Italian (empty when the scenario passes)."""
    exp = scenario.expect
    errors: list[str] = []
    want = exp.get("esito")
    got = outcome.verdict if outcome.verdict is not None else "nessuno"
    if want is not None and str(want) != got:
        errors.append(f"esito atteso {want}, ottenuto {got}")
    # the commi that decided are in ``citations``; context commi (who decides, the request's
    # contents) are in the trace: a scenario names either
    traced = {step.citation for step in outcome.trace}
    for cite in exp.get("citazioni", []) or []:
        if cite not in outcome.citations and cite not in traced:
            errors.append(f"manca la citazione {cite} (citate: {', '.join(outcome.citations)})")
    wanted_missing = list(exp.get("mancanti", []) or [])
    if wanted_missing and list(outcome.missing[:len(wanted_missing)]) != wanted_missing:
        errors.append(f"dati mancanti attesi {wanted_missing}, ottenuti {list(outcome.missing)}")
    for name in exp.get("condizioni", []) or []:
        if name not in outcome.conditions:
            errors.append(f"condizione {name} non segnalata")
    trace_text = "\n".join(f"{s.citation} {s.step}" for s in outcome.trace)
    for phrase in exp.get("traccia", []) or []:
        if phrase.lower() not in trace_text.lower():
            errors.append(f"la traccia non contiene «{phrase}»")
    for phrase in exp.get("risposta", []) or []:
        if phrase.lower() not in outcome.answer.lower():
            errors.append(f"la risposta non contiene «{phrase}»")
    for key, value in (exp.get("dati") or {}).items():
        got_value = outcome.data.get(key)
        if isinstance(value, float) and isinstance(got_value, (int, float)):
            if abs(value - got_value) > 0.005:
                errors.append(f"{key}: atteso {value}, ottenuto {got_value}")
        elif str(got_value) != str(value):
            errors.append(f"{key}: atteso {value}, ottenuto {got_value}")
    return errors
