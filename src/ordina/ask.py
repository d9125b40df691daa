"""Answer one question: parse it, then hand it to the answerer of its intent.

This is the one dispatcher of ``ordina ask``, the TUI and ``serve``: the answerers are
registered by intent in :mod:`ordina.answerers` (the regulation's text, its structure, rule
look-ups, the checks and the database's look-ups). Parsing never opens the database; an
answerer opens it only when it needs it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from ordina.answer import MAX_CITATIONS, Answer, Missing
from ordina.answerers import Env, answerer_for
from ordina.answerers.regulation import EXAMPLE_QUESTIONS, closest_examples
from ordina.query import intents as I
from ordina.query.model import Query
from ordina.query.notes import note_in

#: Intents whose answer is a computation from figures in the question or the database.
CALCULATIONS = frozenset({I.POSITION_PAY, I.EVALUATION, I.EXCELLENCE_BONUS,
                          I.ECONOMIC_PROGRESSION, I.CAREER_PROGRESSION, I.MILEAGE, I.DEADLINE,
                          I.MOBILITY_RANKING, I.REMAINING_CAP, I.OVERDUE_REQUESTS,
                          I.ENDING_CONTRACTS, I.UNIT_HEADS, I.EXPIRING_ASSIGNMENTS, I.ABSENCES,
                          I.REGISTER, I.RESULT_CAP})

#: The intents whose answer comes from the regulation's text.
TEXT_ANSWERS = frozenset({I.LOOKUP, I.STRUCTURE, I.SEARCH})
#: Question forms that ask for a figure, not for a verdict.
FIGURE_FORMS = frozenset({"quanti", "quanto", "durata", "termine"})

#: What each intent answers, for "se intendevi…" (Italian, English).
INTENT_LABELS: dict[str, tuple[str, str]] = {
    I.LOOKUP: ("che cosa dice il regolamento", "what the regulation says"),
    I.STRUCTURE: ("dove ne parla il regolamento", "where the regulation deals with it"),
    I.WHO: ("chi ricopre oggi l'incarico", "who holds the post today"),
    I.SUBSTITUTE: ("chi sostituisce chi", "who stands in"),
    I.COMPETENT: ("chi è competente nel Comune", "who is competent in the Comune"),
    I.OBLIGATIONS: ("gli obblighi di una persona", "a person's duties"),
    I.INCOMPATIBILITY: ("le incompatibilità di una persona", "a person's incompatibilities"),
    I.EXTERNAL_ASSIGNMENT: ("se un incarico esterno è consentito",
                            "whether an outside job is allowed"),
    I.PART_TIME: ("se il part-time è consentito", "whether part-time is allowed"),
    I.FIXED_TERM_CONTRACT: ("se un contratto a tempo determinato è possibile",
                            "whether a fixed-term contract is possible"),
    I.AREA_HEAD_APPOINTMENT: ("se la nomina a responsabile di area è possibile",
                              "whether the head-of-area appointment is possible"),
    I.HIGHER_DUTIES: ("se le mansioni superiori sono possibili",
                      "whether higher duties are possible"),
    I.MOBILITY_OUT: ("se la mobilità in uscita è possibile", "whether outgoing mobility is possible"),
    I.MOBILITY_RANKING: ("il punteggio di mobilità", "the mobility score"),
    I.COLLABORATION: ("se la collaborazione è regolare", "whether the collaboration is lawful"),
    I.EVALUATION_BOARD: ("se il nucleo di valutazione è regolare",
                         "whether the evaluation board is lawful"),
    I.POSITION_PAY: ("il calcolo della retribuzione di posizione", "the position pay"),
    I.EVALUATION: ("il calcolo della retribuzione di risultato", "the result allowance"),
    I.DEADLINE: ("il calcolo di una scadenza", "a deadline computed from a date"),
    I.ARTICLE: ("il testo di un articolo", "the text of an article"),
    I.REFS: ("che cosa cita un articolo", "what an article cites"),
    I.CITED_BY: ("chi cita un articolo", "which articles cite it"),
    I.SEARCH: ("una ricerca nel testo", "a search of the text"),
    I.EXPIRING_ASSIGNMENTS: ("gli incarichi in scadenza", "the assignments ending"),
    I.REMAINING_CAP: ("quanto resta del tetto annuo dei compensi di una persona",
                      "how much of a person's annual cap is left"),
    I.OVERDUE_REQUESTS: ("le richieste di autorizzazione senza risposta",
                         "the authorisation requests waiting for an answer"),
    I.ENDING_CONTRACTS: ("i contratti e le collaborazioni in scadenza",
                         "the contracts and collaborations ending"),
    I.UNIT_HEADS: ("i responsabili delle unità in una data", "the heads of the units on a date"),
    I.ABSENCES: ("chi è assente in una data", "who is absent on a date"),
    I.REGISTER: ("un registro del Comune in un periodo", "one of the Comune's registers"),
    I.EVALUATION_RESULTS: ("le valutazioni di un anno in graduatoria",
                           "the evaluations of a year, ranked"),
    I.RESULT_CAP: ("il tetto del risultato con l'interim", "the result allowance's cap"),
    I.KINSHIP: ("le parentele con gli organi politici", "the family links to the council's members"),
    I.EXCELLENCE_BONUS: ("il bonus delle eccellenze", "the excellence bonus"),
    I.ECONOMIC_PROGRESSION: ("la progressione economica", "the economic progression"),
    I.CAREER_PROGRESSION: ("la riserva dei posti agli interni", "the posts reserved to staff"),
    I.MILEAGE: ("il rimborso delle trasferte", "the travel refund"),
}

__all__ = ["EXAMPLE_QUESTIONS", "answer_query", "answer_question", "closest_examples"]


def answer_question(text: str, db: Any = None, as_of: date | None = None,
                    cli_facts: dict[str, Any] | None = None, *, lexicon: Any = None,
                    interview: Any = None) -> Answer:
    """Parse ``text`` and answer it.

    :param text: the question as typed.
    :param db: the personnel database (sqlite_utils.Database), a function that opens it
        (called only when the question needs it), or None.
    :param as_of: the reference date (default today).
    :param cli_facts: facts from ``--fact``, already parsed by :mod:`ordina.facts`.
    :param lexicon: names to resolve; default: read from ``db`` when given.
    :param interview: optional callback asking missing facts (see ``ordina.engine``).
    :raises ordina.errors.UserError: empty or oversized question, unknown reference.
    """
    from ordina.query import parse_question

    as_of = as_of or date.today()
    env = db if isinstance(db, Env) else Env(db, as_of)
    if lexicon is None and db is not None:
        from ordina.query.lexicon import LazyLexicon, store_lexicon

        lexicon = LazyLexicon(lambda: store_lexicon(env.db()))
    query = parse_question(text, lexicon, today=as_of, stated=tuple(cli_facts or ()),
                           prefer=_intents_reading(cli_facts, env) if cli_facts else ())
    return answer_query(query, env, as_of, cli_facts or {}, interview=interview)


def _intents_reading(cli_facts: dict[str, Any], env: Env) -> frozenset[str]:
    """The intents whose checks read a fact given with ``--fact``: those facts name the case."""
    from ordina.engine.registry import default_registry

    stated = set(cli_facts)
    registry = default_registry(env.db())
    return frozenset(i for c in registry.checks if stated & set(c.facts) for i in c.intents)


def answer_query(query: Query, db: Any, as_of: date, cli_facts: dict[str, Any],
                 interview: Any = None) -> Answer:
    """Answer an already parsed :class:`Query` (``db`` as in :func:`answer_question`)."""
    env = db if isinstance(db, Env) else Env(db, as_of)
    env.as_of, env.cli_facts, env.interview = as_of, dict(cli_facts), interview
    from ordina.answerers.readings import agreeing_answer

    answerer = answerer_for(query.intent)
    agreed = agreeing_answer(query, lambda q: answerer(q, env))
    if agreed is not None:  # «nipote»: both degrees barred alike, nothing to ask
        query = replace(query, clarifications=[c for c in query.clarifications
                                               if c.fact != "kinship"])
    result = agreed or answerer(query, env)
    result = _with_clarifications(result, query)
    if result.kind is None:
        result.kind = _kind(result)
    if (result.intent in CALCULATIONS and query.form in FIGURE_FORMS
            and result.verdict not in (None, "dati_mancanti")):
        # "quanti punti in tutto?" asks for the figure: the answer states it (and whether it
        # passes), the verdict is for yes/no questions
        result.verdict = None
        result.kind = "calculation"
    if (query.form not in (None, "sino", "cosa") and result.verdict not in (None, "dati_mancanti")
            and result.intent not in TEXT_ANSWERS):
        # "chi farebbe la selezione?" asks who, not whether: a check's verdict is no answer
        result.verdict = None
        result.kind = "lookup"
    if result.intent in TEXT_ANSWERS and len(result.citations) > MAX_CITATIONS:
        # the commi that answer first; the others stay in the reasoning
        from ordina.answer import TraceStep

        extra = result.citations[MAX_CITATIONS:]
        result.citations = result.citations[:MAX_CITATIONS]
        result.trace += [TraceStep("Vedi anche.", cite) for cite in extra]
    _say_whose_case(query, result)
    result.lang = query.lang
    if query.alternative:
        asked = query
        if query.alternative == I.LOOKUP and result.intent == I.LOOKUP != query.intent:
            asked = replace(query, alternative=query.intent)  # the look-up answered instead
        note = _alternative_note(asked, env)
        if note and not any(c in note for c in result.citations):
            result.answer += note
    return result


def _say_whose_case(query: Query, result: Answer) -> None:
    """A decision about someone of the Comune whose answer never names them ("Verdi got 60
    points: does he earn the result allowance?", answered by the text): say whose case it
    is, so that the reading can be checked."""
    subject = query.subject
    if (subject is None or subject.kind != "person" or not subject.name or not subject.key
            or not result.subject_read or result.verdict in (None, "dati_mancanti")
            or subject.name in result.answer or not result.answer.strip()):
        return
    head = (f"The case of **{subject.name}**, read against the regulation:" if query.lang == "en"
            else f"Il caso di **{subject.name}**, letto sul regolamento:")
    result.answer = f"{head}\n\n{result.answer}"


def _kind(result: Answer) -> str:
    """lookup, decision, structure, search or calculation, when the answerer did not say."""
    if result.intent in CALCULATIONS:
        return "calculation"
    if result.verdict is not None:
        return "decision"
    if result.intent == I.SEARCH:
        return "search"
    return "lookup"


def _alternative_note(query: Query, env: Env) -> str:
    """'Se intendevi…': the other plausible reading, with where to find it."""
    english = query.lang == "en"
    alt = query.alternative or ""
    label = INTENT_LABELS.get(alt, (alt.replace("_", " "),) * 2)[1 if english else 0]
    if alt in (I.LOOKUP, I.STRUCTURE):
        from ordina.answerers.lookup import find

        found = find(env.corpus(), query.text, query.form, query.lang)
        if not found:
            return ""
        where = found[0].unit.citation
        return (f"\n\nIf you meant {label}: see {where}." if english
                else f"\n\nSe intendevi {label}: vedi {where}.")
    from ordina.query.router import default_router

    example = default_router().nearest(query.text, alt)
    if example is None:
        return ""
    return (f"\n\nIf you meant {label}, ask for example: «{example.text}»." if english
            else f"\n\nSe intendevi {label}, chiedi per esempio: «{example.text}».")


def _with_clarifications(result: Answer, query: Query) -> Answer:
    """Put the query's own questions ("nipote" is ambiguous) in front of the engine's."""
    questions = [c for c in query.clarifications if c.fact != "subject" or not c.options
                 and result.subject_read]
    if not questions:
        return result
    notes = "\n".join(f"- {note_in(c.question, query.lang)}" for c in questions)
    result.answer = f"{notes}\n\n{result.answer}".strip()
    for clar in questions:
        if clar.fact == "subject":
            continue
        for i, miss in enumerate(result.missing):
            if miss.fact == clar.fact:
                result.missing[i] = Missing(clar.fact, clar.question)
                break
        else:
            if result.verdict == "dati_mancanti":
                result.missing.insert(0, Missing(clar.fact, clar.question))
    return result
