"""The check engine: facts with provenance, three-valued rules, traces, answers.

How to write a check
--------------------
A check is a plugin (see :mod:`ordina.hookspecs`): a module in ``checks/`` (or in
a Comune's own folder given with ``--checks DIR``, or a package registered under
the entry-point group ``ordina``) implementing ``ordina_checks``::

    from ordina.engine import Check, F, Rule, Rules, is_true
    from ordina.hookspecs import hookimpl

    #: art. 87 c. 3: the part-time threshold, beside the comma that states it.
    SOGLIA_PART_TIME = 50  # art. 87 c. 1 e c. 3

    ATTIVITA = Check(
        id="incarichi_esterni.esempio",
        title="Attività commerciale del dipendente",
        citations=("art. 87 c. 1",),
        intents=("permesso_incarico",),
        facts=("tipo_attivita", "percentuale_part_time"),
        evaluate=Rules(
            [Rule("commerciale", "art. 87 c. 1 lett. a",
                  (F("tipo_attivita") == "commerciale")
                  & (F("percentuale_part_time") > SOGLIA_PART_TIME),
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

Entry points for the rest of ordina: :func:`answer` (``ordina ask``),
:func:`ordina.engine.audit.run_audit` (``ordina check --all``).
"""

from ordina.engine.answering import answer, evaluate, gather_facts
from ordina.engine.check import Check, Outcome, Rule, Rules
from ordina.engine.context import Context, Lookup, Subject
from ordina.engine.logic import UNKNOWN, F, is_false, is_true
from ordina.engine.provenance import FactSet, FactValue
from ordina.engine.registry import CheckLoadError, Registry, default_registry, make_registry

__all__ = [
    "UNKNOWN", "Check", "CheckLoadError", "Context", "F", "FactSet", "FactValue", "Lookup",
    "Outcome", "Registry", "Rule", "Rules", "Subject", "answer", "default_registry",
    "evaluate", "gather_facts", "is_false", "is_true", "make_registry",
]
