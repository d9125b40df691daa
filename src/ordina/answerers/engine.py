"""The answerer of every intent a check or a database look-up answers (:mod:`ordina.engine`)."""

from __future__ import annotations

import re
from dataclasses import replace

from ordina.answer import MAX_CITATIONS, Answer
from ordina.answerers import Env
from ordina.corpus.citations import overlap, within
from ordina.query import intents as I
from ordina.query.model import Clarification, Query, Subject
from ordina.query.notes import note_in


def answer_with_checks(query: Query, env: Env) -> Answer:
    """Run the checks (or the database's look-ups) that answer the query's intent; a
    decision on someone's case names who holds the offices its rule names."""
    result = _answer_with_checks(query, env)
    closer = _a_comma_asked_so(query, env, result)
    if closer is not None:
        return closer
    subject = query.subject
    if result.intent not in _RECORD_INTENTS and result.kind in ("decision", "lookup") and (
            subject is not None and subject.kind in ("person", "self")
            or result.kind == "lookup" and query.form == "chi"):
        _name_the_holders(query, env, result)  # "chi compone il nucleo?": who, by name
    return result


#: Where a decision's own words end: the facts read and the questions follow.
_AFTER_THE_RULE = re.compile(r"\n\n(?:Fatti letti|Facts read|Da chiarire|To clarify|Dal database|"
                             r"From the database)")


def _name_the_holders(query: Query, env: Env, result: Answer) -> None:
    """"il parere è del Segretario" of Rossi's request: who the Segretario is on the date."""
    from ordina.answerers.holders import holders_note

    rule = _AFTER_THE_RULE.split(result.answer, maxsplit=1)[0]
    note = holders_note(rule, env.db(), query.as_of or env.as_of, query.lang == "en")
    named = re.findall(r"\*\*([^*]+)\*\*", note)
    if note and not all(name in rule for name in named):  # not what the answer already says
        result.answer = f"{rule}\n\n{note}{result.answer[len(rule):]}"


def _answer_with_checks(query: Query, env: Env) -> Answer:
    subject_questions = [c for c in query.clarifications if c.fact == "subject" and c.options]
    if subject_questions:
        same = _same_for_every_namesake(query, env, subject_questions[0])
        if same is not None:
            return same
        return Answer(query=query.text, intent=query.intent,
                      answer="\n".join(note_in(c.question, query.lang)
                                        for c in subject_questions))
    try:
        from ordina.engine import Context, answer
    except ImportError:
        return Answer(query=query.text, intent=query.intent,
                      answer="Le verifiche di conformità non sono ancora installate: "
                             "ho capito la domanda ma non posso ancora rispondere.")
    ctx = Context(as_of=env.as_of, db=env.db(), stated=dict(env.cli_facts),
                  interview=env.interview, question=query.text)
    registry = ctx.checks()
    if not registry.lookups_for(query.intent) and not registry.for_intent(query.intent):
        from ordina.directory import answer_lookup

        found = answer_lookup(query, ctx.db, env.as_of)
        if found is not None:
            return found
    result = answer(query, ctx)
    from ordina.engine.answering import NO_CHECK_ANSWERS, NO_CHECK_APPLIES

    if _a_dead_end(query, result):
        # "what sanction applies after the warning?" asked of the incompatibility check,
        # which wants a person: the comma that says it answers, the check's hint after it
        from ordina.answerers.regulation import answer_rule_lookup

        # a record question ("ci sono dipendenti parenti di amministratori?") gets the rule
        # quoted, not a verdict: the check wanted the record it lacks
        asked = replace(query, form="cosa") if query.intent in _RECORD_INTENTS else query
        found = answer_rule_lookup(asked, env)
        if found.citations and found.kind != "search":
            from ordina.engine.answering import NO_CHECK_ANSWERS, NO_CHECK_APPLIES

            hint = result.answer.strip()
            if query.lang != "en" and hint not in (NO_CHECK_APPLIES, NO_CHECK_ANSWERS):
                found.answer += f"\n\n{hint}"
            found.intent = query.intent
            return found
    if result.answer.strip() in (NO_CHECK_APPLIES, NO_CHECK_ANSWERS):
        # no check applies to these facts ("Nessuna delle verifiche si applica"): the
        # comma that speaks of it answers instead, never a dead end
        from ordina.answerers.lookup import answer_lookup

        found = answer_lookup(query, env.corpus())
        if found.citations:
            found.intent = query.intent
            return found
    if result.verdict == "dati_mancanti" and query.form == "sino":
        better = _text_decides(query, env, result.citations)
        if better is not None:
            better.answer += _the_checks_questions(query, result)
            return better
    if result.verdict == "dati_mancanti" and query.form == "sino":
        better = _the_duty_asked(query, env, result)
        if better is not None:
            return better
    if result.verdict == "dati_mancanti" and query.form in ("quanto", "quanti"):
        # the share the comma states, applied; else the comma stating the figure asked
        # ("di quanti mesi al massimo possiamo prorogare?"), the checks' questions after it
        better = _text_computes(query, env) or _the_text_answers(query, env, result)
        if better is not None:
            return better
    if query.form in _WH_FORMS and (result.verdict == "dati_mancanti" or (
            result.verdict is not None and query.form == "chi")):
        # "chi sceglie il sostituto?" asks who, not whether: a verdict is no answer to it
        better = _the_text_answers(query, env, result)
        if better is not None:
            return better
    if result.verdict == "dati_mancanti" and _no_case_given(query, env):
        better = _the_rule_instead(query, env, result)
        if better is not None:
            return better
    if result.verdict is None or (result.verdict == "dati_mancanti" and query.form != "sino"):
        better = _the_comma_states_it(query, env, result)
        if better is not None:
            return better
    if query.intent == I.COMPETENT and any(m.fact == "matter" for m in result.missing):
        # "chi può affidare una collaborazione…?": no matter the checks know, so the comma
        # that says who answers, with who that is in this Comune
        from ordina.answerers.regulation import answer_rule_lookup

        found = answer_rule_lookup(query, env)
        if found.kind == "lookup" and found.citations:
            found.intent = query.intent
            return found
    if query.intent == I.COMPETENT and query.form != "sino":
        _quote_the_text(query, env, result)
    return result


#: A comma with an example question this like the question is what it asks about.
ASKED_SO_LIKENESS = 0.6


def _a_comma_asked_so(query: Query, env: Env, result: Answer) -> Answer | None:
    """The look-up, when the checks leave the case open and the question names nobody of
    the Comune, and one comma the checks do not rest on has an example question very like
    it ("il collaboratore può essere pagato a rate mensili?" of art. 68 c. 5): the
    question is about that comma, not the checks' case; their questions follow. A question
    stating a day or a figure is a case (a score), and a list of records ("incarichi in
    scadenza") is an answer. Measured on the tuning banks: +7 right, none lost, no confident
    wrong."""
    from ordina.answerers.lookup import find, searched_text
    from ordina.query.interpret import RECORD_LISTS

    subject = query.subject
    if (query.intent in RECORD_LISTS or result.verdict not in (None, "dati_mancanti")
            or env.cli_facts
            or subject is not None and subject.kind in ("person", "unit") and subject.key
            or query.as_of is not None or re.search(r"\d", query.text)
            or _FIRST_PERSON.search(query.text.lower())):
        # a case of someone, the asker's own ("posso fare un incarico esterno?"), or a day
        # or figure: the rows and the checks answer
        return None
    found = find(env.corpus(), searched_text(query), query.form, query.lang)
    if not found or found[0].like < ASKED_SO_LIKENESS or _overlaps(found[0].unit.citation,
                                                                   result.citations):
        return None
    from ordina.answerers.regulation import answer_rule_lookup

    text = answer_rule_lookup(replace(query, intent=I.LOOKUP), env)
    if text.kind == "search" or not text.citations:
        return None
    text.answer += _the_checks_questions(query, result)
    return text


def _a_dead_end(query: Query, result: Answer) -> bool:
    """An answer that cites nothing, decides nothing and asks nothing, about nobody named:
    a check that needs a record the question does not name."""
    subject = query.subject
    named = subject is not None and subject.kind in ("person", "unit") and bool(subject.key)
    return (not named and not result.citations and result.verdict is None
            and not result.missing and not query.clarifications)


#: The asker speaks of their own case ("posso…", "can I…").
_FIRST_PERSON = re.compile(r"\b(?:posso|potrei|devo|dovrei|ho|sono|mi|mio|mia|miei|mie|"
                           r"can i|may i|could i|do i|must i|am i|i'm|my|"
                           r"i (?:am|work|have|was|want|need|do|did))\b")


def _no_case_given(query: Query, env: Env) -> bool:
    """The question states no fact and names nobody: it asks what the rule is
    ("le progressioni spettano a tutti?"), not how it applies to a case."""
    subject = query.subject
    named = subject is not None and subject.kind not in ("generic", "self")
    if re.search(r"\d", query.text):
        return False  # "posso ammettere 12 candidati?": a figure describes a case
    if _FIRST_PERSON.search(query.text.lower()):
        return False  # "posso fare un incarico esterno?": the asker's own case
    return not named and not env.cli_facts and not set(query.facts) - {"date"}


def _the_rule_instead(query: Query, env: Env, result: Answer) -> Answer | None:
    """The comma that states the rule asked about, quoted, when the checks could only ask
    for the facts of a case nobody described; their questions follow, for a real case."""
    from ordina.answerers.lookup import answer_lookup

    found = answer_lookup(query, env.corpus())
    if found.kind == "search" or not found.citations:
        return None  # no comma holds the question: the checks' questions are the answer
    found.answer += _the_checks_questions(query, result)
    found.intent = query.intent
    return found


def _the_checks_questions(query: Query, result: Answer) -> str:
    """The facts the checks would still ask of a concrete case, as the other reading."""
    if not result.missing:
        return ""
    head = ("To decide a concrete case, these facts are needed:" if query.lang == "en" else
            "Per decidere un caso concreto servono questi fatti:")
    return "\n\n" + head + "\n" + "\n".join(f"- {m.question}" for m in result.missing[:5])


def _text_computes(query: Query, env: Env) -> Answer | None:
    """How much, with the figure given, when the checks wait for other facts: the share the
    comma states, applied ("25% dell'indennità di posizione" of the 9.000 € given)."""
    from ordina.answerers.lookup import answer_lookup

    found = answer_lookup(query, env.corpus())
    if found.kind != "calculation" or not found.citations:
        return None
    found.intent = query.intent
    return found


def _quote_the_text(query: Query, env: Env, result: Answer) -> None:
    """Add to a competence answer the words of the comma that states it: the check names
    the office ("il responsabile della struttura"), the comma says it ("I responsabili
    autorizzano le missioni…"), or says who does what the question asks when the check's
    matter is near but not it ("chi liquida i rimborsi…": art. 76 c. 3)."""
    from ordina.answerers.lookup import MIN_COVERAGE, find, lead_in, subject_note

    found = [f for f in find(env.corpus(), query.text, query.form, query.lang)
             if f.coverage >= MIN_COVERAGE]
    # the comma the check cites, when the look-up ranks it at all; else the look-up's best
    best = next((f for f in found if _within(f.unit.citation, result.citations)),
                found[0] if found else None)
    if best is None or best.quote in result.answer:
        return
    cited = _within(best.unit.citation, result.citations)
    if not cited and (len(result.citations) >= MAX_CITATIONS
                      or best.coverage < STATES_IT_COVERAGE):
        return  # a comma the check does not rest on is worth showing only when it is close
    english = query.lang == "en"
    if cited:
        label = "The text" if english else "Il testo"
    else:
        label = "See also the text" if english else "Vedi anche il testo"
    corpus = env.corpus()
    lead = lead_in(corpus, best.unit)
    quote = f"{lead} … {best.quote}" if lead else best.quote
    result.answer = f"{result.answer.rstrip()}\n\n{label}, {best.unit.citation}: «{quote}»"
    subject = subject_note(corpus, best.unit, english)
    if subject:
        result.answer += f"\n{subject}"
    if not cited:
        result.citations = [*result.citations, best.unit.citation]


def _within(citation: str, citations: list[str]) -> bool:
    """True when ``citation`` is one of ``citations`` or a unit inside one."""
    return any(within(citation, c) for c in citations)


def _overlaps(citation: str, citations: list[str]) -> bool:
    """True when ``citation`` is one of ``citations``, inside one, or holds one."""
    return any(overlap(citation, c) for c in citations)


def _text_decides(query: Query, env: Env, asked_on: list[str]) -> Answer | None:
    """A yes/no question the checks leave open, whose point one comma decides in so many
    words ("non è ammesso di regola il rinnovo"), when that comma is not one the checks'
    answer (``asked_on``) rests on: the text's verdict, with the checks named as the other
    reading. Measured on the tuning bank: +8 right, no confident wrong, against keeping the
    text to the checks' own titolo; +2 more, none wrong, when the comma's example questions
    being like it count as for any look-up (round 11)."""
    from ordina.answerers.comune import comune_figures
    from ordina.answerers.lookup import answer_lookup

    found = answer_lookup(query, env.corpus(), comune_figures(env.db()))
    if found.verdict in (None, "dati_mancanti") or not found.citations:
        return None
    if _overlaps(found.citations[0], asked_on):
        return None
    found.intent = query.intent
    return found


#: Forms that ask who, when, how or which: the checks' facts to decide a case do not answer.
_WH_FORMS = frozenset({"chi", "termine", "durata", "frequenza", "come", "dove", "casi",
                       "elenco"})


def _the_text_answers(query: Query, env: Env, result: Answer) -> Answer | None:
    """"La mia valutazione da PO chi la fa?" asks who, which a check waiting for the facts of
    a case does not say: the comma that does, with who holds the office, then the checks'
    questions for the case."""
    from ordina.answerers.regulation import answer_rule_lookup

    found = answer_rule_lookup(query, env)
    if found.kind not in ("lookup", "calculation") or not found.citations:
        return None
    found.answer += _the_checks_questions(query, result)
    found.intent = query.intent
    return found


#: Intents answered from the database's rows about whoever the question names: a comma of
#: the text is no better answer to them.
_RECORD_INTENTS = frozenset({I.WHO, I.SUBSTITUTE, I.COMPETENT, I.OBLIGATIONS,
                             I.INCOMPATIBILITY, I.UNIT_HEADS, I.OVERDUE_REQUESTS,
                             I.EXPIRING_ASSIGNMENTS, I.ENDING_CONTRACTS, I.ABSENCES,
                             I.REGISTER, I.EVALUATION_RESULTS,
                             I.KINSHIP})
#: The look-up's best comma must hold this share of the question to answer instead.
STATES_IT_COVERAGE = 0.5


def _the_comma_states_it(query: Query, env: Env, result: Answer) -> Answer | None:
    """A question that is no decision and names no record or figure ("qual è il punteggio
    massimo nella valutazione del segretario?"), routed to a check that does not rest on the comma
    holding most of the question: that comma answers, the checks' questions follow."""
    from ordina.answerers.lookup import find

    subject = query.subject
    if query.intent in _RECORD_INTENTS or (subject is not None
                                           and subject.kind in ("person", "unit")):
        return None
    if re.search(r"\d", query.text) or env.cli_facts:
        return None  # "obiettivi 30, comportamenti 15: quanto fa?": figures describe a case
    found = find(env.corpus(), query.text, query.form, query.lang)
    if not found or found[0].coverage < STATES_IT_COVERAGE or _overlaps(
            found[0].unit.citation, result.citations):
        return None
    return _the_text_answers(query, env, result)


def _the_duty_asked(query: Query, env: Env, result: Answer) -> Answer | None:
    """"Consulenza da 8.000 euro: la dobbiamo mandare alla Corte dei conti?" asks whether a
    duty holds, which the checks' permissions do not answer: the comma that states it,
    when the checks' answer does not rest on it; their questions follow."""
    from ordina.answerers.lookup import answer_lookup, asks_a_duty

    if not asks_a_duty(query.text):
        return None
    found = answer_lookup(query, env.corpus())
    if (found.kind not in ("lookup", "calculation") or not found.citations
            or _overlaps(found.citations[0], result.citations)):
        return None
    found.answer += _the_checks_questions(query, result)
    found.intent = query.intent
    return found


#: At most this many namesakes are each answered to see whether the verdict depends on who.
MAX_NAMESAKES_TRIED = 5


def _same_for_every_namesake(query: Query, env: Env, clar: Clarification) -> Answer | None:
    """A decision that is the same for every namesake («la Lodi»: all three are barred by
    art. 54 c. 2) needs no "intendi…?": answer it for each. None when the verdicts differ,
    one is missing facts, or a name does not single out one person."""
    from ordina.query.intents import PERMISSION_INTENTS
    from ordina.store.queries import find_people

    if (query.intent not in PERMISSION_INTENTS or env.db() is None
            or not 1 < len(clar.options) <= MAX_NAMESAKES_TRIED):
        return None
    others = [c for c in query.clarifications if c is not clar]
    answers: list[tuple[str, Answer]] = []
    for name in clar.options:
        people = find_people(env.db(), name, limit=2)
        if len(people) != 1:
            return None
        subject = Subject("person", query.subject.text if query.subject else name, name,
                          str(people[0].id))
        one = answer_with_checks(replace(query, subject=subject, clarifications=others), env)
        if one.verdict in (None, "dati_mancanti"):
            return None
        answers.append((name, one))
    if len({a.verdict for _, a in answers}) != 1:
        return None
    first = answers[0][1]
    who = ", ".join(name for name, _ in answers[:-1]) + f" o {answers[-1][0]}"
    text = (f"«{query.subject.text if query.subject else ''}» può essere {who}: per ognuno la "
            "risposta è la stessa.\n\n"
            + "\n\n".join(f"**{name}**\n\n{a.answer}" for name, a in answers))
    citations = list(dict.fromkeys(c for _, a in answers for c in a.citations))
    return Answer(query=query.text, intent=query.intent, answer=text, verdict=first.verdict,
                  citations=citations, kind=first.kind, trace=first.trace)
