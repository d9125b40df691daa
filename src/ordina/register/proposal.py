"""The proposed outcome of a decision: the engine's checks run on the subject's facts.

No rule lives here: the checks of the subject's intent run through
:func:`ordina.engine.answering.evaluate`, exactly as ``ordina ask`` runs them, and the
verdict is translated into the words of a decision (``autorizzato``, ``negato``,
``preso_atto``) and into the kind of act that writes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ordina.answer import VERDICT_LABELS
from ordina.corpus.loader import corpus_as_of
from ordina.engine.answering import evaluate
from ordina.engine.check import Outcome
from ordina.engine.provenance import FactSet, FactValue
from ordina.engine.registry import Registry
from ordina.norma import values_in_force
from ordina.register.norme import Changed, changes_under, overrides
from ordina.register.subject import INTENTS, Loaded

#: The outcomes a decision records.
OUTCOMES = ("autorizzato", "negato", "preso_atto")
OUTCOME_LABELS = {"autorizzato": "autorizzato", "negato": "negato",
                  "preso_atto": "preso atto della comunicazione"}

#: Verdict of the checks -> the outcome the office is proposed.
PROPOSED = {"vietato": "negato", "autorizzazione": "autorizzato", "consentito": "autorizzato",
            "comunicazione": "preso_atto"}

#: Kinds of act, as ``ordina act`` writes them (one template each under ``templates/``).
ACT_KINDS = ("autorizzazione", "diniego", "presa_atto", "diffida")

#: The check whose pertinence means the work is already done without authorisation.
SANCTIONS_CHECK = "incarichi_esterni.sanzioni"


@dataclass(frozen=True)
class Proposal:
    """What the checks propose for one subject on one date."""

    kind: str
    key: str
    label: str
    person: str | None
    as_of: date
    outcome: Outcome
    checks: tuple[str, ...]
    """Ids of the checks that applied to these facts."""
    facts: FactSet
    norme: tuple[Changed, ...] = ()
    """Numbers the text in force on ``as_of`` states differently from the shipped one."""

    @property
    def proposed(self) -> str | None:
        """``autorizzato``, ``negato``, ``preso_atto``, or None when the checks cannot say."""
        return PROPOSED.get(self.outcome.verdict or "")

    @property
    def verdict_label(self) -> str:
        """The verdict in words (``vietato``, ``mancano dati per decidere``)."""
        return VERDICT_LABELS.get(self.outcome.verdict or "", "nessun esito")


def act_kind(outcome: str, checks: tuple[str, ...] | list[str]) -> str:
    """The act that writes ``outcome``: a refusal of work already done is a diffida."""
    if outcome == "autorizzato":
        return "autorizzazione"
    if outcome == "preso_atto":
        return "presa_atto"
    return "diffida" if SANCTIONS_CHECK in checks else "diniego"


def run_checks(kind: str, facts: FactSet, registry: Registry,
               values: Mapping[tuple[str, str], Any] | None = None,
               ) -> tuple[Outcome, tuple[str, ...]]:
    """The combined outcome and the checks that applied, under ``values`` of the Norme."""
    checks = registry.for_intent(INTENTS[kind])
    with values_in_force(values or {}):
        applied = tuple(c.id for c in checks if c.run(facts).pertinent)
        outcome = evaluate(checks, facts, registry)
    return outcome, applied


def propose(loaded: Loaded, on: date, registry: Registry,
            stated: Mapping[str, Any] | None = None) -> Proposal:
    """Run the checks on the subject, with the facts ``stated`` on the command line on top.

    :param stated: ``--fact`` values (source ``opzione``: the office's form).
    """
    facts = loaded.subject.facts
    if stated:
        facts = facts.merged(FactValue(n, v, "opzione", "indicato nella decisione")
                             for n, v in stated.items())
    changes = changes_under(corpus_as_of(on), registry)  # amendments in force on the date
    outcome, applied = run_checks(loaded.ref.kind, facts, registry, overrides(changes))
    return Proposal(loaded.ref.kind, loaded.ref.key, loaded.subject.label, loaded.person, on,
                    outcome, applied, facts, tuple(changes))
