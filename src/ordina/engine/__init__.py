"""The check engine: facts with provenance, three-valued rules, traces, answers.

How to write a check
--------------------
A check is a plugin (see :mod:`ordina.hookspecs`): a module in ``checks/`` (or in
a Comune's own folder given with ``--checks DIR``, or a package registered under
the entry-point group ``ordina``) implementing ``ordina_checks``::

    from ordina.engine import Check, F, Rule, Rules, is_true
    from ordina.hookspecs import hookimpl

    #: art. 87 c. 1 and c. 3: the part-time threshold, beside the commi that state it.
    SOGLIA_PART_TIME = 50

    ATTIVITA = Check(
        id="comune.esempio",
        title="Attività commerciale del dipendente",
        citations=("art. 87 c. 1",),
        intents=("external_assignment",),
        facts=("activity_kind", "part_time_percent"),
        evaluate=Rules(
            [Rule("commerciale", "art. 87 c. 1 lett. a",
                  (F("activity_kind") == "commerciale")
                  & (F("part_time_percent") > SOGLIA_PART_TIME),
                  "vietato", "Al dipendente a tempo pieno o oltre il 50% è vietata "
                             "l'attività commerciale.")],
            otherwise="autorizzazione", otherwise_cite="art. 88 c. 1",
            otherwise_says="Ogni altro incarico va autorizzato."),
    )

    @hookimpl
    def ordina_checks():
        return [ATTIVITA]

Rules are tried in order; a true ``vietato`` rule decides even when other facts
are unknown; an unknown fact is never defaulted: when it could change the verdict
the outcome is ``dati_mancanti`` and the missing facts are ranked by how quickly
they settle it. ``Rule(overrides=..., why=...)`` states a conflict between commi
and why one prevails. Citations are checked against the corpus when the plugin
loads: a comma that does not exist is a load error.

Facts come from the fact vocabulary (``ordina.facts``; ``ordina facts`` lists them).
A check whose logic is not a rule list passes any pure ``FactSet -> Outcome`` function
as ``evaluate`` (read facts with ``facts.get(name)``, which gives ``UNKNOWN`` when not
stated; return ``Outcome.needs([...])`` when undecided). Scenario files in YAML sit next
to the module (see :mod:`ordina.engine.scenarios`).

Entry points for the rest of ordina: :func:`answer` (``ordina ask``),
:func:`ordina.engine.audit.run_audit` (``ordina check --all``),
:func:`ordina.engine.coverage.coverage_report` (``ordina coverage``).
"""

from ordina.engine.answering import answer, evaluate, gather_facts
from ordina.engine.check import Azione, Check, Outcome, Rule, Rules
from ordina.engine.context import Context, Lookup, Subject
from ordina.engine.logic import UNKNOWN, F, is_false, is_true
from ordina.engine.provenance import FactSet, FactValue
from ordina.engine.registry import CheckLoadError, Registry, default_registry, make_registry

__all__ = [
    "UNKNOWN", "Azione", "Check", "CheckLoadError", "Context", "F", "FactSet", "FactValue", "Lookup",
    "Outcome", "Registry", "Rule", "Rules", "Subject", "answer", "default_registry",
    "evaluate", "gather_facts", "is_false", "is_true", "make_registry",
]
