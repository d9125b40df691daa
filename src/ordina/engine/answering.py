"""From a parsed question to an :class:`~ordina.answer.Answer`: the entry point of ``ordina ask``.

``answer(query, ctx)`` gathers the facts (database as of the date, the question,
``--fact``), runs every check that answers the query's intent, combines their
outcomes (one ``vietato`` decides; otherwise missing data; otherwise the
strictest requirement) and, when facts are missing, ranks them so that the one
most likely to settle the verdict is asked first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ordina.answer import Answer, Missing, TraceStep
from ordina.engine.check import Check, Outcome
from ordina.engine.context import Context, Subject
from ordina.engine.provenance import FactSet, FactValue
from ordina.engine.registry import Registry

#: How strict a decided verdict is, when several checks agree to allow something.
STRICTNESS = {"consentito": 0, "comunicazione": 1, "autorizzazione": 2, "vietato": 3}

MAX_INTERVIEW_QUESTIONS = 20

#: The engine's answers when no check decides: the dispatcher then looks the rule up.
NO_CHECK_APPLIES = "Nessuna delle verifiche si applica a questi fatti."
NO_CHECK_ANSWERS = "Nessuna verifica risponde a questo tipo di domanda."


def query_text(query: Any) -> str:
    """The user's words, whatever the Query object calls them."""
    for attr in ("text", "query", "raw", "source"):
        value = getattr(query, attr, None)
        if isinstance(value, str):
            return value
    return str(query)


def query_facts(query: Any) -> dict[str, Any]:
    """The facts stated in the question (``query.facts``), as plain values."""
    facts = getattr(query, "facts", None) or {}
    if isinstance(facts, dict):
        return {k: getattr(v, "value", v) for k, v in facts.items()}
    return {f.name: f.value for f in facts}


def subject_facts(ctx: Context, subject: Subject) -> list[FactValue]:
    """What the database says about ``subject`` as of ``ctx.as_of`` (all plugins)."""
    if ctx.db is None:
        return list(subject.facts.facts())
    out = list(subject.facts.facts())
    for batch in reversed(ctx.checks().pm.hook.ordina_subject_facts(ctx=ctx, subject=subject)):
        out += list(batch or ())
    return out


def gather_facts(query: Any, ctx: Context, subject: Subject | None = None) -> FactSet:
    """Database facts, then the question's, then ``--fact`` ones (stronger sources win)."""
    facts = FactSet([FactValue("date", getattr(query, "as_of", None) or ctx.as_of, "contesto")])
    if subject is not None:
        facts = facts.merged(subject_facts(ctx, subject))
    assignment = query_facts(query).get("assignment_id") or ctx.stated.get("assignment_id")
    if assignment and ctx.db is not None:
        facts = facts.merged(subject_facts(ctx, Subject("incarico", str(assignment),
                                                        f"incarico {assignment}")))
    collab = query_facts(query).get("collaboration_number") or ctx.stated.get(
        "collaboration_number")
    if collab and ctx.db is not None:
        facts = facts.merged(subject_facts(ctx, Subject("contratto", str(collab),
                                                        f"collaborazione {collab}")))
    facts = facts.merged(FactSet.from_values(query_facts(query), "domanda").facts())
    facts = facts.merged(FactSet.from_values(dict(ctx.stated), "opzione").facts())
    return facts


def rank_missing(check: Check, facts: FactSet, names: Sequence[str],
                 registry: Registry) -> list[tuple[str, float]]:
    """Score each missing fact by the share of its values that settle ``check`` alone.

    A boolean that decides the verdict either way scores 1; a fact that only
    matters together with others scores 0 and is asked later.
    """
    scored: list[tuple[str, float]] = []
    for name in names:
        spec = registry.vocabulary.get(name)
        values = (spec.domain() if spec is not None else []) or check.candidate_values(name)
        if not values:
            scored.append((name, 0.0))
            continue
        settled = sum(1 for v in values
                      if check.run(facts.with_value(name, v)).verdict != "dati_mancanti")
        scored.append((name, settled / len(values)))
    return scored


def evaluate(checks: Iterable[Check], facts: FactSet, registry: Registry) -> Outcome:
    """Run ``checks`` on ``facts`` and combine their outcomes into one."""
    outcomes: list[tuple[Check, Outcome]] = []
    for check in checks:
        outcome = check.run(facts)
        if outcome.pertinent:
            outcomes.append((check, outcome))
    if not outcomes:
        return Outcome(None, NO_CHECK_APPLIES, pertinent=False)
    verdicts = [o.verdict for _, o in outcomes]
    if "vietato" in verdicts:
        # the prohibitions decide; undecided checks are dropped, but notes without a
        # verdict (a deadline that runs, who decides) still matter to whoever must answer
        chosen = [(c, o) for c, o in outcomes if o.verdict in ("vietato", None)]
        verdict: Any = "vietato"
    elif "dati_mancanti" in verdicts:
        chosen = outcomes
        verdict = "dati_mancanti"
    else:
        decided = [v for v in verdicts if v is not None]
        verdict = max(decided, key=lambda v: STRICTNESS.get(v, 0)) if decided else None
        chosen = outcomes
    trace: list[TraceStep] = []
    citations: list[str] = []
    answers: list[str] = []
    for check, outcome in chosen:
        if len(chosen) > 1:
            trace.append(TraceStep(f"Verifica «{check.title}».", check.all_citations()[0]))
        trace += outcome.trace
        citations += [c for c in outcome.citations if c not in citations]
        if outcome.answer and outcome.verdict != "dati_mancanti":
            answers.append(outcome.answer)
        elif outcome.verdict == "dati_mancanti" and "\n\n" in outcome.answer:
            answers.append(outcome.answer.split("\n\n", 1)[1])  # what is already excluded
    missing: list[str] = []
    if verdict == "dati_mancanti":
        scores: dict[str, tuple[float, int]] = {}
        order = 0
        for check, outcome in chosen:
            if outcome.verdict != "dati_mancanti":
                continue
            for name, score in rank_missing(check, facts, outcome.missing, registry):
                best = scores.get(name)
                if best is None or score > best[0]:
                    scores[name] = (score, best[1] if best else order)
                order += 1
        missing = sorted(scores, key=lambda n: (-scores[n][0], scores[n][1]))
        settled = [a for a in answers if a]
        answers = ["Mancano dati per decidere."]
        if settled:
            answers.append("Già accertato:\n" + "\n".join(f"- {a}" for a in settled))
    data: dict[str, Any] = {}
    conditions: list[str] = []
    for _, outcome in chosen:
        data.update(outcome.data)
        conditions += [c for c in outcome.conditions if c not in conditions]
    return Outcome(verdict, "\n\n".join(answers), tuple(citations), tuple(trace),
                   tuple(missing), data, conditions=tuple(conditions))


def to_answer(query: Any, intent: str, outcome: Outcome, registry: Registry) -> Answer:
    """The public :class:`Answer` of an outcome, with the question of each missing fact."""
    missing = [Missing(name, registry.question(name)) for name in outcome.missing]
    text = outcome.answer
    if missing:
        text += "\n\nDa chiarire, nell'ordine:\n" + "\n".join(
            f"- {m.question} (`{m.fact}`)" for m in missing)
    return Answer(query=query_text(query), intent=intent, answer=text, verdict=outcome.verdict,
                  citations=list(outcome.citations), missing=missing, trace=list(outcome.trace))


#: Query subject kinds -> audit subject kinds.
_SUBJECT_KINDS = {"person": "persona", "self": "persona", "generic": "persona",
                  "assignment": "incarico", "unit": "unita", "office": "ufficio"}


def resolve_subject(query: Any, ctx: Context) -> Subject | None:
    """The subject of the question, when it names one the database knows."""
    subject = getattr(query, "subject", None)
    if subject is None or isinstance(subject, Subject):
        return subject
    kind = _SUBJECT_KINDS.get(str(getattr(subject, "kind", "person")), "persona")
    label = getattr(subject, "name", None) or getattr(subject, "text", None) or str(subject)
    return Subject(kind, subject, str(label))


def answer(query: Any, ctx: Context) -> Answer:
    """Answer a parsed question: the function ``ordina ask`` calls.

    :param query: a typed query with ``intent``, ``subject`` and ``facts``.
    :param ctx: the date, database, stated facts and optional interviewer.
    """
    registry = ctx.checks()
    intent = str(getattr(query, "intent", ""))
    lookups = registry.lookups_for(intent)
    checks = registry.for_intent(intent)
    stated = set(query_facts(query)) | set(ctx.stated)
    wants_check = bool(checks) and any(stated & set(c.facts) for c in checks)
    if lookups and not wants_check:
        topic = str(getattr(query, "topic", "") or "")
        chosen = next((lk for lk in lookups if topic and topic in lk.topics), lookups[0])
        result = to_answer(query, intent, chosen.run(query, ctx), registry)
        result.kind = chosen.kind
        return result
    if not checks:
        return Answer(query=query_text(query), intent=intent,
                      answer=NO_CHECK_ANSWERS)
    facts = gather_facts(query, ctx, resolve_subject(query, ctx))
    outcome = evaluate(checks, facts, registry)
    asked = 0
    while (outcome.verdict == "dati_mancanti" and ctx.interview is not None
           and outcome.missing and asked < MAX_INTERVIEW_QUESTIONS):
        name = outcome.missing[0]
        value = ctx.interview(Missing(name, registry.question(name)))
        if value is None:
            break
        facts = facts.merged([FactValue(name, value, "intervista")])
        outcome = evaluate(checks, facts, registry)
        asked += 1
    return to_answer(query, intent, outcome, registry)
