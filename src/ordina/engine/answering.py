"""From a parsed question to an :class:`~ordina.answer.Answer`: the entry point of ``ordina ask``.

``answer(query, ctx)`` gathers the facts (database as of the date, the question,
``--fact``), runs every check that answers the query's intent, combines their
outcomes (one ``vietato`` decides; otherwise missing data; otherwise the
strictest requirement) and, when facts are missing, ranks them so that the one
most likely to settle the verdict is asked first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from ordina import facts as vocab
from ordina.answer import MAX_CITATIONS, Answer, Missing, TraceStep
from ordina.engine.check import Check, Outcome
from ordina.engine.conditional import condition, conditional_text, fact_label, value_label
from ordina.engine.context import Context, Subject
from ordina.engine.logic import fmt
from ordina.engine.provenance import FactSet, FactValue
from ordina.engine.registry import Registry
from ordina.engine.relevance import STRICTNESS, Branch, Relevance
from ordina.engine.wording import frame_en, joined_citations, say, verdict_label
from ordina.errors import UserError
from ordina.formato import ultimo_giorno

MAX_INTERVIEW_QUESTIONS = 20
#: A decision rests on few facts: at most this many are asked back.
MAX_MISSING = 5
#: A conditional answer names at most this many outcomes of one fact (else: just ask).
MAX_BRANCHES = 3

#: Intents about one external assignment: the incarico on record that a question
#: describes is read from the database (:func:`assignment_named`).
ASSIGNMENT_INTENTS = frozenset({"external_assignment"})
#: Intents about a collaboration contract: the one a question names by its contractor is
#: read from the database (:func:`collaboration_named`).
CONTRACT_INTENTS = frozenset({"collaboration"})
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


def gather_facts(query: Any, ctx: Context, subject: Subject | None = None,
                 assignment: Any = None, collaboration: str | None = None) -> FactSet:
    """Database facts, then the question's, then ``--fact`` ones (stronger sources win).

    :param assignment: the incarico the question is about when it does not give its number
        (see :func:`assignment_named`).
    :param collaboration: the collaboration contract the question names by its contractor
        (see :func:`collaboration_named`).
    """
    facts = FactSet([FactValue("date", getattr(query, "as_of", None) or ctx.as_of, "contesto")])
    if ctx.db is not None:  # the Comune's own facts (the auditor's fee), weakest first
        facts = facts.merged(subject_facts(ctx, Subject("ente", "ente", "il Comune")))
    asked = query_facts(query)
    anchor = _whose_relative(subject, asked) if getattr(query, "relative_of_subject", False) \
        else None
    if anchor is not None and ctx.db is not None:
        # "Mario Rossi's wife": the case is the relative's, Rossi only says whose relative
        from ordina.engine.dbfacts import political_office_of

        facts = facts.merged(political_office_of(ctx.db, getattr(query, "as_of", None)
                                                 or ctx.as_of, anchor))
    elif subject is not None:
        facts = facts.merged(subject_facts(ctx, subject))
    assignment = (query_facts(query).get("assignment_id") or ctx.stated.get("assignment_id")
                  or assignment)
    if assignment and ctx.db is not None:
        facts = facts.merged(subject_facts(ctx, Subject("incarico", str(assignment),
                                                        f"incarico {assignment}")))
    replaced = query_facts(query).get("replaced_person_id")
    if replaced and ctx.db is not None:  # "al posto di Verdi": the duties of Verdi's post
        from ordina.engine.dbfacts import replaced_category

        facts = facts.merged(replaced_category(ctx.db, ctx.as_of, str(replaced)))
    collab = query_facts(query).get("collaboration_number") or ctx.stated.get(
        "collaboration_number") or collaboration
    if collab and ctx.db is not None:
        facts = facts.merged(subject_facts(ctx, Subject("contratto", str(collab),
                                                        f"collaborazione {collab}")))
    # what the question states wins, unless the database says the same with its row
    # ("era nel direttivo della CGIL": the row has the dates)
    told = {name: value for name, value in query_facts(query).items()
            if (held := facts.fact(name)) is None or held.source != "db" or held.value != value}
    facts = facts.merged(FactSet.from_values(told, "domanda").facts())
    facts = facts.merged(FactSet.from_values(dict(ctx.stated), "opzione").facts())
    return facts


def _whose_relative(subject: Subject | None, asked: dict[str, Any]) -> str | None:
    """The database key of the person named as the one the case is a relative of ("la
    moglie di Rossi"), when the question gives a kinship but not whose office it is."""
    if subject is None or subject.kind != "persona" or "kinship" not in asked \
            or "related_to" in asked:
        return None
    key = getattr(subject.key, "key", None)
    return str(key) if key else None


#: Words of an incarico's subject or client too common to tell one incarico from another.
_COMMON_WORDS = frozenset({
    "comune", "comuni", "comunale", "comunali", "della", "delle", "degli", "dello", "corso",
    "corsi", "presso", "servizi", "servizio", "ente", "enti", "societa", "srl", "snc", "spa",
    "per", "con", "dei", "del", "nel",
})
#: Words that make the question about a new incarico, not one on record.
_NEW_INCARICO = re.compile(r"\b(?:altr[oaie]|un'altra|nuov[oaie]|another|new|other)\b")


#: Words that name a request for authorisation ("la richiesta di Verdi").
_A_REQUEST = re.compile(r"\b(?:richiest[ae]|domand[ae]|istanz[ae]|request|application)\b")


def _authorised_on_record(query: Any, ctx: Context, facts: FactSet, outcome: Any,
                          lang: str) -> Any:
    """"Il Conti può continuare a fare l'amministratore del condominio?": the checks say
    the incarico needs an authorisation, and the database holds one that covers the date:
    the requirement is met, so the incarico is allowed as authorised. A question about the
    form itself ("doveva chiedere l'autorizzazione?") keeps the checks' answer."""
    from ordina.query.wording import asks_the_form

    if (outcome.verdict != "autorizzazione" or facts.get("authorised") is not True
            or asks_the_form(query_text(query))):
        return outcome
    from datetime import date

    from ordina.engine.offices import question_date
    from ordina.query.periods import find_period

    on = question_date(query, ctx)
    start, end = facts.get("assignment_start"), facts.get("assignment_end")
    ident = facts.get("assignment_id")
    asked = find_period(query_text(query), ctx.as_of)
    if isinstance(end, date) and asked is not None and asked.end >= end > on:
        # "vorrei continuarla anche nel 2027": past the authorisation's end, a new one is due
        last = ultimo_giorno(end.isoformat()).strftime("%d/%m/%Y")
        note = (f"The authorisation of incarico {ident} runs to {last}: from "
                f"{end.strftime('%d/%m/%Y')} a new authorisation is needed (art. 88 c. 1)."
                if lang == "en" else
                f"L'autorizzazione dell'incarico {ident} vale fino al {last}: dal "
                f"{end.strftime('%d/%m/%Y')} ne serve una nuova (art. 88 c. 1).")
        return replace(outcome, answer=f"{note}\n\n{outcome.answer}".strip())
    if (isinstance(start, date) and on < start) or (isinstance(end, date) and on >= end):
        return outcome  # the authorisation is for another period
    which = facts.fact("authorised")
    source = f" ({which.provenance()})" if which is not None else ""
    last = (ultimo_giorno(end.isoformat()).strftime("%d/%m/%Y")
            if isinstance(end, date) else None)
    if lang == "en":
        until = f" (it runs to {last})" if last else ""
        note = (f"Incarico {ident} is already **authorised**{source} and the authorisation "
                f"covers {on.strftime('%d/%m/%Y')}{until}: the authorisation the rule asks for "
                "is there, so it may go on within what was authorised.")
    else:
        until = f" (vale fino al {last})" if last else ""
        note = (f"L'incarico {ident} è già **autorizzato**{source} e l'autorizzazione copre il "
                f"{on.strftime('%d/%m/%Y')}{until}: l'autorizzazione che la norma chiede c'è, "
                "quindi può proseguire nei limiti di quanto autorizzato.")
    return replace(outcome, verdict="consentito",
                   answer=f"{note}\n\n{outcome.answer}".strip())


def assignment_named(query: Any, ctx: Context) -> Any:
    """The one incarico on record of the person asked about that the question describes
    ("la docenza all'Unione dei Comuni", "il lavoro al bar"): by a word of its subject or
    client, or by its kind of activity; None when none or several fit, when the question
    gives its number, or asks about a new one."""
    subject = getattr(query, "subject", None)
    key = getattr(subject, "key", None)
    asked = query_facts(query)
    text = query_text(query)
    if (ctx.db is None or getattr(subject, "kind", None) != "person" or not key
            or not str(key).isdigit() or asked.get("assignment_id")
            or ctx.stated.get("assignment_id") or "compensation" in asked
            or _NEW_INCARICO.search(text.lower())):
        return None
    from ordina.engine.dbfacts import ACTIVITY
    from ordina.store.queries import external_assignments

    words = _words(text)
    common = _untelling(ctx.db)
    kind = asked.get("activity_kind")
    asked_on = asked.get("request_date")
    rows = external_assignments(ctx.db, int(key))
    fits = []
    for row in rows:
        own = _telling(f"{row.subject} {row.client}", common)
        if (own & words or (kind and ACTIVITY.get(row.activity or "") == kind)
                or asked_on is not None and row.request_date == str(asked_on)):
            fits.append(row)  # "la richiesta di Verdi del 1° ottobre": its request date
    if not fits and _A_REQUEST.search(text.lower()):
        # "la richiesta di Verdi": the one request still waiting for an answer
        fits = [row for row in rows if row.status == "in_attesa"]
    return fits[0] if len(fits) == 1 else None


def _words(text: str) -> set[str]:
    """The folded words of ``text``."""
    from ordina.textfold import fold

    return set(re.findall(r"[a-z0-9]+", fold(text)))


def _untelling(db: Any) -> frozenset[str]:
    """Words that tell no record apart: the common ones and the Comune's own name
    ("Esempio" is in many clients' names)."""
    from ordina.store.queries import ente

    return _COMMON_WORDS | frozenset(_words(ente(db).get("nome", "")))


def _telling(text: str, common: frozenset[str]) -> set[str]:
    """The words of a record's text that can name it: longer than three letters, not common."""
    return {w for w in _words(text) if len(w) > 3 and w not in common}


#: Words of a contractor's name that tell no contract apart ("Studio Legale …").
_CONTRACTOR_COMMON = frozenset({"studio", "legale", "associato", "associati", "tecnico",
                                "societa", "cooperativa", "dott", "dottssa", "avv", "ing",
                                "arch", "geom"})


def collaboration_named(query: Any, ctx: Context) -> str | None:
    """The number of the one collaboration on record (Titolo VII) whose contractor the
    question names ("la consulenza Ferraro" of «Studio Legale Ferraro»); None when none or
    several fit, or when the question gives a number of its own."""
    if ctx.db is None or query_facts(query).get("collaboration_number") \
            or ctx.stated.get("collaboration_number"):
        return None
    return contract_named(ctx.db, query_text(query), ctx.as_of)


def contract_named(db: Any, text: str, on: date) -> str | None:
    """The number of the one collaboration of ``on``'s year whose contractor ``text`` names,
    or None when none or several fit."""
    from ordina.store.audit_facts import collaborations_since

    words = _words(text)
    common = _CONTRACTOR_COMMON | _untelling(db)
    running = collaborations_since(db, date(on.year, 1, 1))  # as the register's
    fits = [str(number) for number, contractor, *_ in running
            if _telling(contractor, common) & words]
    return fits[0] if len(fits) == 1 else None


def _contract_read(db: Any, number: str, lang: str) -> str:
    """"Ho inteso la collaborazione 2026/1 del registro: …": the record the answer is about,
    with its dates, so that the reading can be checked."""
    from ordina.formato import data as day
    from ordina.formato import ultimo_giorno
    from ordina.store.queries import collaboration

    row = collaboration(db, number)
    if row is None:
        return ""
    english = lang == "en"
    when = []
    if row.valid_from:
        when.append(("from " if english else "dal ") + day(date.fromisoformat(row.valid_from)))
    if row.valid_to:  # stored as the day after the last one
        when.append(("to " if english else "al ") + day(ultimo_giorno(row.valid_to)))
    period = f", {' '.join(when)}" if when else ""
    if english:
        return (f"I read this as collaboration {number} of the register: {row.contractor}, "
                f"{row.subject}{period}.\n\n")
    return (f"Ho inteso la collaborazione {number} del registro: {row.contractor}, "
            f"{row.subject}{period}.\n\n")


def rank_missing(check: Check, facts: FactSet, names: Sequence[str],
                 registry: Registry) -> list[tuple[str, float]]:
    """Score each missing fact by the share of its values that settle ``check`` alone.

    Kept for plugins that rank one check; :func:`evaluate` ranks across all checks with
    :class:`~ordina.engine.relevance.Relevance`, which also drops the facts that cannot
    change the verdict.
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


def _decisive(outcome: Outcome) -> list[str]:
    """The commi that gave an outcome's verdict (all of them when the check does not say)."""
    return list(outcome.decisive or outcome.citations)


def evaluate(checks: Iterable[Check], facts: FactSet, registry: Registry,
             lang: str = "it", asks_the_form: bool = False) -> Outcome:
    """Run ``checks`` on ``facts`` and combine their outcomes into one.

    ``citations`` keeps the commi that decided (at most :data:`MAX_CITATIONS`); the
    others stay in the trace. When facts are missing only those that can still change the
    verdict are asked (at most :data:`MAX_MISSING`), most decisive first, and when one of
    them decides alone the answer says what each of its values gives.
    """
    checks = list(checks)
    outcomes: list[tuple[Check, Outcome]] = []
    for check in checks:
        outcome = check.run(facts)
        if outcome.pertinent:
            outcomes.append((check, outcome))
    if not outcomes:
        # the dispatcher recognises this sentence and looks the rule up instead
        return Outcome(None, NO_CHECK_APPLIES, pertinent=False)
    verdicts = [o.verdict for _, o in outcomes]
    if "vietato" not in verdicts and any(o.settles and o.verdict == "consentito"
                                         for _, o in outcomes):
        # the permission the question asks about is given (silence as assent): what the
        # other checks still ask does not change it
        outcomes = [(c, o) for c, o in outcomes if o.settles or o.verdict is None]
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
    decisive: list[str] = []
    answers: list[str] = []
    for check, outcome in chosen:
        if len(chosen) > 1:
            trace.append(TraceStep(f"Verifica «{check.title}».", check.all_citations()[0]))
        trace += outcome.trace
        citations += [c for c in outcome.citations if c not in citations]
        # a prohibition decides alone; an allowed verdict rests on every check that allowed
        # it (authorisable, and within the cap of art. 88 c. 3)
        if outcome.verdict not in (None, "dati_mancanti") and (
                verdict != "vietato" or outcome.verdict == "vietato"):
            decisive += [c for c in _decisive(outcome) if c not in decisive]
        if outcome.answer and outcome.verdict != "dati_mancanti":
            answers.append(outcome.answer)
        elif outcome.verdict == "dati_mancanti" and "\n\n" in outcome.answer:
            answers.append(outcome.answer.split("\n\n", 1)[1])  # what is already excluded
    missing: list[str] = []
    depends_on: str | None = None
    if verdict == "dati_mancanti":
        names: list[str] = []
        for _check, outcome in chosen:
            if outcome.verdict == "dati_mancanti":
                names += [n for n in outcome.missing if n not in names and n not in facts]
        relevance = Relevance([c for c, _o in chosen], facts, registry)
        ranked = relevance.rank(names)
        missing = ranked[:MAX_MISSING]
        settled = [a for a in answers if a]
        answers = [say("missing", lang)]
        if missing:
            text, cites = _conditional(relevance, ranked, registry, lang)
            if text:
                answers = [text]
                decisive += [c for c in cites if c not in decisive]
            bound = relevance.permitted_bound(ranked)
            if bound is not None:
                # never forbidden whatever the open facts: the strictest form is the answer
                verdict, cite = bound
                label = verdict_label(verdict, lang)
                answers.insert(0, say("bound", lang, label=label[:1].upper() + label[1:],
                                      cite=cite or ""))
                if cite:
                    decisive = [cite] + [c for c in decisive if c != cite]
            beside = relevance.form_beside_bans(ranked) if asks_the_form and bound is None \
                else None
            if beside is not None:
                # "serve l'autorizzazione?" of a case art. 89 lists: the form asked is the
                # communication, for every activity that no ban forbids outright
                verdict, cite, bans = beside
                label = verdict_label(verdict, lang)
                answers = [a for a in answers if a != say("missing", lang)]
                answers.insert(0, say("beside_bans", lang, label=label[:1].upper() + label[1:],
                                      cite=cite or "", bans=joined_citations(bans, lang)))
                decisive = [c for c in (cite,) if c] + [c for c in decisive if c != cite]
        computed = _computed_branches([c for c, _o in chosen], facts, ranked, relevance, lang)
        if computed is not None and verdict == "dati_mancanti":
            # a calculation whose amount each value of one open fact settles: both amounts
            text, cites = computed
            verdict, answers, depends_on = None, [text], ranked[0]
            asked = [c for _c, o in chosen if o.verdict == "dati_mancanti"
                     for c in o.citations[:1]]  # the comma of the open fact
            citations = list(dict.fromkeys(asked + cites))[:MAX_CITATIONS]
        if settled:
            answers.append(say("settled", lang) + "\n" + "\n".join(f"- {a}" for a in settled))
    if verdict is not None:
        kept = (decisive or citations)[:MAX_CITATIONS]
        context = [c for c in citations if c not in kept]
        if context:
            trace.append(TraceStep("Commi di contesto, non decisivi: " + ", ".join(context)
                                   + "."))
        citations = kept
    data: dict[str, Any] = {}
    conditions: list[str] = []
    for _, outcome in chosen:
        data.update(outcome.data)
        conditions += [c for c in outcome.conditions if c not in conditions]
    if depends_on is not None:
        data["dipende_da"] = depends_on  # a calculation on two values of this fact
    yes_no = next((o.yes_no for _, o in chosen if o.yes_no is not None), None) \
        if verdict is None else None
    return Outcome(verdict, "\n\n".join(answers), tuple(citations), tuple(trace),
                   tuple(missing), data, conditions=tuple(conditions),
                   decisive=tuple(citations), yes_no=yes_no)


def _computed_branches(checks: Sequence[Check], facts: FactSet, ranked: Sequence[str],
                       relevance: Relevance, lang: str) -> tuple[str, list[str]] | None:
    """"Se l'uso del mezzo proprio è autorizzato: 44,40 €; se no: la tariffa del mezzo
    pubblico": a calculation that every value of the first open fact completes (no value
    forbids or leaves it open), each value with its result and commi."""
    if not ranked:
        return None
    top = ranked[0]
    values = relevance.values(top)
    if not 1 < len(values) <= MAX_BRANCHES:
        return None
    parts: list[str] = []
    results: set[str] = set()
    cites: list[str] = []
    for i, value in enumerate(values):
        try:
            outcomes = [o for o in (c.run(facts.with_value(top, value)) for c in checks)
                        if o.pertinent]
        except UserError:
            return None  # a value the stated facts rule out: not a plain two-way calculation
        done = [o for o in outcomes if o.verdict is None and o.answer]
        if not done or any(o.verdict is not None for o in outcomes):
            return None
        words = condition(top, Branch((value,), None, None), None, i == len(values) - 1, lang)
        result = " ".join(o.answer for o in done)
        results.add(result)
        parts.append(f"- {words}: {result}")
        cites += [c for o in done for c in _decisive(o) if c not in cites]
    if len(results) < len(parts):
        return None  # two values give the same result: this fact is not what it turns on
    head = say("depends", lang, label=fact_label(top, lang))
    return f"{head}:\n" + "\n".join(parts), cites


def _conditional(relevance: Relevance, ranked: Sequence[str], registry: Registry,
                 lang: str) -> tuple[str | None, list[str]]:
    """The conditional answer on the most decisive fact (and the next, where it is open)."""
    top = ranked[0]
    branches = relevance.branches(top)
    if not 1 < len({(b.verdict, b.cite) for b in branches}) <= MAX_BRANCHES:
        return None, []
    subs: dict[int, tuple[str, list[Branch]]] = {}
    for i, branch in enumerate(branches):
        if branch.verdict not in ("dati_mancanti", None):
            continue
        fixed = relevance.facts.with_value(top, branch.values[0])
        inner = Relevance(relevance.checks, fixed, registry)
        rest = inner.rank([n for n in ranked if n != top])
        if rest:
            sub = inner.branches(rest[0])
            grouped = {(b.verdict, b.cite) for b in sub}
            if 1 < len(grouped) <= MAX_BRANCHES and any(
                    b.verdict not in ("dati_mancanti", None) for b in sub):
                subs[i] = (rest[0], sub)
    if not any(b.verdict not in ("dati_mancanti", None) for b in branches) and not subs:
        return None, []
    cites = [b.cite for b in branches if b.cite and b.verdict not in ("dati_mancanti", None)]
    cites += [b.cite for _n, sub in subs.values() for b in sub
              if b.cite and b.verdict not in ("dati_mancanti", None)]
    text = conditional_text(top, branches, lang, only=len(ranked) == 1, subs=subs or None)
    return text, list(dict.fromkeys(cites))


#: Facts that name a record of the database: the facts read from it say it, not its key.
_RECORD_KEYS = frozenset({"replaced_person_id"})
#: At most this many facts read from the database are listed under an answer.
MAX_DB_FACTS_SHOWN = 8


def _facts_read(facts: FactSet | None, lang: str, reads: frozenset[str] = frozenset()) -> str:
    """``Fatti letti:`` and one line per fact read from the question, with its source, and
    the database's facts that the intent's checks read (``reads``), with theirs.

    (``--fact`` values and interview answers are what the user just typed: not repeated.)"""
    if facts is None:
        return ""
    from_db = [f for f in facts.facts() if f.source == "db" and f.name in reads
               and not isinstance(f.value, tuple | list)]  # records: the reasoning says them
    stated = [f for f in facts.facts() if f.source == "domanda" and f.name not in _RECORD_KEYS
              ] + from_db[:MAX_DB_FACTS_SHOWN]
    if not stated:
        return ""
    lines = []
    for fact in stated:
        line = fact.describe(fact_label(fact.name, lang))
        if fact.name.endswith("_year") and isinstance(fact.value, int):
            # "anno della valutazione = 2025", not 2.025 ("…_this_year" is an amount)
            line = line.replace(f"= {fmt(fact.value)} ", f"= {fact.value} ")
        if fact.name in vocab.FACTS and vocab.FACTS[fact.name].labels:
            line = line.replace(f"= {fmt(fact.value)} ", f"= {value_label(fact.name, fact.value)} ")
        if lang == "en":
            line = line.replace("(dalla domanda)", "(from the question)").replace(
                "(dal database al ", "(from the database as of ").replace(
                "(dal database ", "(from the database: ")
        lines.append(f"- {line}")
    return say("read", lang) + "\n" + "\n".join(lines)


def _english(outcome: Outcome) -> str:
    """The English frame around the Italian rule text: verdict, commi, then the rule."""
    head = f"**{verdict_label(outcome.verdict, 'en')}**" if outcome.verdict else ""
    if outcome.citations and head:
        head += f" ({', '.join(outcome.citations[:3])})"
    body = frame_en(outcome.answer)
    if outcome.verdict == "dati_mancanti" or outcome.missing:  # framed, with what to ask
        return body
    return "\n\n".join(p for p in (head, say("rule_it", "en"), body) if p)


def to_answer(query: Any, intent: str, outcome: Outcome, registry: Registry,
              facts: FactSet | None = None, kind: str | None = None) -> Answer:
    """The public :class:`Answer` of an outcome, with the question of each missing fact."""
    lang = query_lang(query)
    missing = [Missing(name, registry.question(name, lang)) for name in outcome.missing]
    text = (outcome.answer if lang != "en" else _english(outcome) if kind == "decision"
            else frame_en(outcome.answer))  # a computed answer's frame said in English too
    if missing:
        text += f"\n\n{say('to_clarify', lang)}\n" + "\n".join(
            f"- {m.question} (`{m.fact}`)" for m in missing)
    reads = frozenset(f for c in registry.for_intent(intent) for f in c.facts)
    read = _facts_read(facts, lang, reads) if kind in ("decision", "calculation") else ""
    if read:
        text += "\n\n" + read
    return Answer(query=query_text(query), intent=intent, answer=text, verdict=outcome.verdict,
                  citations=list(outcome.citations), missing=missing, trace=list(outcome.trace),
                  kind=kind)


def query_lang(query: Any) -> str:
    """The language of the question ("en" or "it")."""
    return "en" if getattr(query, "lang", "it") == "en" else "it"


def answer_kind(outcome: Outcome) -> str | None:
    """``decision`` for a verdict, ``calculation`` for computed values, else nothing."""
    if outcome.verdict is not None:
        return "decision"
    if outcome.data:
        return "calculation"
    return None


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


def _a_case_to_decide(query: Any, ctx: Context) -> bool:
    """ "diamo l'interim alla Romano?": a yes/no question about someone in the database is a
    case the intent's checks decide from their rows, not the look-up of who does it."""
    subject = getattr(query, "subject", None)
    return (ctx.db is not None and getattr(query, "form", None) == "sino"
            and getattr(subject, "kind", None) == "person" and bool(getattr(subject, "key", None)))


def _who_of_a_record(query: Any, ctx: Context) -> bool:
    """ "chi sostituisce Verdi?": who, of someone in the database, is the look-up's to say,
    whatever facts the question also states."""
    subject = getattr(query, "subject", None)
    return (ctx.db is not None and getattr(query, "form", None) == "chi"
            and getattr(subject, "kind", None) in ("person", "unit")
            and bool(getattr(subject, "key", None)))


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
    wants_check = bool(checks) and not _who_of_a_record(query, ctx) and (
        any(stated & set(c.facts) for c in checks) or _a_case_to_decide(query, ctx))
    if lookups and not wants_check:
        topic = str(getattr(query, "topic", "") or "")
        chosen = next((lk for lk in lookups if topic and topic in lk.topics), lookups[0])
        result = to_answer(query, intent, chosen.run(query, ctx), registry)
        result.kind = chosen.kind
        return result
    if not checks:
        return Answer(query=query_text(query), intent=intent,
                      answer=NO_CHECK_ANSWERS)
    lang = query_lang(query)
    named = assignment_named(query, ctx) if intent in ASSIGNMENT_INTENTS else None
    contract = collaboration_named(query, ctx) if intent in CONTRACT_INTENTS else None
    # a contract named by its contractor is the subject: no employee is ("Ferraro")
    facts = gather_facts(query, ctx, None if contract else resolve_subject(query, ctx),
                         named.id if named is not None else None, contract)
    from ordina.query.wording import asks_the_form

    form_asked = asks_the_form(query_text(query))
    outcome = evaluate(checks, facts, registry, lang, form_asked)
    asked = 0
    # a permitted bound still lists the facts that may lighten it: the interview asks them
    while (ctx.interview is not None and outcome.missing
           and asked < MAX_INTERVIEW_QUESTIONS):
        name = outcome.missing[0]
        value = ctx.interview(Missing(name, registry.question(name, lang)))
        if value is None:
            break
        facts = facts.merged([FactValue(name, value, "intervista")])
        outcome = evaluate(checks, facts, registry, lang, form_asked)
        asked += 1
    outcome = _authorised_on_record(query, ctx, facts, outcome, lang)
    kind = answer_kind(outcome)
    if outcome.yes_no is not None and getattr(query, "form", None) == "sino":
        # "mi spetta il risultato?" computed: the yes or no is the verdict
        outcome = replace(outcome, verdict="consentito" if outcome.yes_no else "vietato")
    result = to_answer(query, intent, outcome, registry, facts, kind)
    result.subject_read = contract is None
    if contract is not None:
        result.answer = _contract_read(ctx.db, contract, lang) + result.answer
    if named is not None:
        status = named.status.replace("_", " ")
        result.answer = ((f"I read this as incarico {named.id} of the database: {named.subject} "
                          f"({named.client}), status «{status}».\n\n")
                         if getattr(query, "lang", "it") == "en" else
                         (f"Ho inteso l'incarico {named.id} del database: {named.subject} "
                          f"({named.client}), stato «{status}».\n\n")) + result.answer
    return result
