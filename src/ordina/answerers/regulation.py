"""Answers from the regulation's text: an article, its references, a search, a rule
look-up, a structure question. Nothing here writes to the database: SQL-looking text is just
words to search for.
"""

from __future__ import annotations

import re
from typing import Any

from ordina.answer import Answer
from ordina.answerers import Env
from ordina.query import intents as I
from ordina.query.model import Query

#: Questions shown as "forse volevi chiedere" when a question is not understood.
EXAMPLE_QUESTIONS: tuple[str, ...] = (
    "art. 88 c. 3",
    "cosa dice l'articolo 89?",
    "chi cita l'allegato G?",
    "cerca patrocinio legale",
    "chi presiede il nucleo di valutazione?",
    "entro quanti giorni il Comune risponde a una richiesta di autorizzazione?",
    "quali articoli compongono il titolo VII?",
    "chi sostituisce il segretario il 3 marzo 2027?",
    "chi sostituisce l'area tecnica?",
    "chi autorizza le ferie di Neri?",
    "obblighi di Bianchi",
    "incompatibilità di Verdi",
    "incarichi in scadenza",
    "può Mario Rossi accettare l'incarico 12?",
    "un dipendente a tempo pieno può fare l'amministratore di una srl?",
    "un agente di polizia municipale può chiedere il part-time?",
    "sono assunto da 3 anni, posso chiedere la mobilità in uscita?",
    "graduazione 80 e Pmax 16.000: quanto è la retribuzione di posizione?",
)

_SEARCH_LIMIT = 5


def closest_examples(text: str, limit: int = 3) -> list[str]:
    """The supported question forms closest to ``text`` (rapidfuzz)."""
    from rapidfuzz import fuzz, process

    found = process.extract(text, list(EXAMPLE_QUESTIONS), scorer=fuzz.token_set_ratio,
                            limit=limit)
    return [choice for choice, _score, _i in found]


def answer_article(query: Query, env: Env) -> Answer:
    """The text of the unit the question names."""
    from ordina.corpus.render import to_markdown
    from ordina.errors import UnknownReference

    if not query.ref:
        # "quando cessa il contratto art. 110…?": a law's article, and a question around it
        return answer_rule_lookup(query, env) if query.form else answer_search(query, env)
    corpus = env.corpus()
    try:
        unit = corpus.resolve(query.ref)
    except UnknownReference as exc:
        return _not_in_the_regulation(query, exc)
    return Answer(query=query.text, intent=query.intent, answer=to_markdown(corpus, unit),
                  citations=[unit.citation], kind="lookup")


def _not_in_the_regulation(query: Query, exc: Any) -> Answer:
    """A question about a unit the regulation lacks ("art. 2 c. 9"): said plainly, with the
    units closest to it, never a bare error."""
    english = query.lang == "en"
    near = list(exc.suggestions)[:5]
    head = (f"The regulation has no {exc.ref}." if english else
            f"Il regolamento non ha un {exc.ref}.")
    if near:
        head += (" Closest: " if english else " I più vicini: ") + ", ".join(near) + "."
    return Answer(query=query.text, intent=query.intent, answer=head, citations=near,
                  kind="lookup")


def answer_rule_lookup(query: Query, env: Env) -> Answer:
    """Who / how many / by when…: the decisive words of the comma that states it."""
    from ordina.answerers.comune import comune_figures
    from ordina.answerers.conflicts import conflict_answer
    from ordina.answerers.holders import area_head_note, holders_note
    from ordina.answerers.lookup import answer_lookup

    conflict = conflict_answer(query, env)
    if conflict is not None:  # two people linked on record, one handling the other's matter
        return conflict
    result = answer_lookup(query, env.corpus(), comune_figures(env.db()))
    if result.quote and result.kind == "lookup":
        on, english = query.as_of or env.as_of, query.lang == "en"
        said = result.answer.split("\n\n", 1)[0]  # the comma as quoted, often whole
        note = "\n".join(n for n in (
            area_head_note(result.quote, query.subject, env.db(), on, english),
            holders_note(said, env.db(), on, english)) if n)
        if note:
            result.answer = _after_the_quote(result.answer, note)
            result.citations = _with_cited(result.citations, note, env)
    if result.citations and result.kind in ("lookup", "calculation"):
        from ordina.answerers.records import records_note

        rows, cited, verdict = records_note(query, env, result.citations[0])
        if rows:  # the person's own rows that the rule applies to
            result.answer = _after_the_quote(result.answer, rows)
            result.citations = list(dict.fromkeys([*result.citations, *cited]))[:5]
        if verdict is not None and result.verdict is None:
            result.verdict, result.kind = verdict, "decision"  # the rows decide the case
        if not rows:
            _add_collaboration_card(query, env, result)
    elif result.kind == "search":
        _add_collaboration_card(query, env, result)
    return result


#: A citation a note gives in passing ("restano in carica fino al rinnovo, art. 38 c. 1").
_NOTE_CITATION = re.compile(r"\bart\. \d+(?: c\. \d+)?")


def _with_cited(citations: list[str], note: str, env: Env) -> list[str]:
    """``citations`` and the commi a note about the Comune's holders rests on (at most 5)."""
    corpus = env.corpus()
    named = [c for c in _NOTE_CITATION.findall(note) if corpus.by_citation(c) is not None]
    return list(dict.fromkeys([*citations, *named]))[:5]


def _after_the_quote(answer: str, paragraph: str) -> str:
    """``answer`` with ``paragraph`` after its first one (the comma as quoted)."""
    first, _, rest = answer.partition("\n\n")
    return f"{first}\n\n{paragraph}\n\n{rest}".rstrip()


def _add_collaboration_card(query: Query, env: Env, result: Answer) -> None:
    """The named collaboration's record ("la collaborazione con la Bassi è ancora in
    corso?"): after the comma's text, or first when no comma answers. A point its record
    names (the case of art. 66 c. 1 lett. b) is cited before the comma holding it."""
    from ordina.answerers.records import collaboration_card

    card, cited = collaboration_card(query, env)
    if not card:
        return
    if result.kind == "search":
        result.answer = f"{card}\n\n{result.answer}"
    else:
        result.answer = _after_the_quote(result.answer, card)
    comma = result.citations[0].split(" lett.")[0] if result.citations else ""
    sharper = [c for c in cited if comma and c.startswith(comma + " ")
               and c != result.citations[0]]
    if sharper:  # the record's own case, in the text's words
        from ordina.answerers.lookup import _short

        unit = env.corpus().by_citation(sharper[0])
        if unit is not None:
            said = _short(" ".join((unit.text or "").split()), 200)
            result.answer = result.answer.replace(card, f"{card}\n  {sharper[0]}: «{said}»")
    result.citations = list(dict.fromkeys([*sharper, *result.citations]))[:5]


def answer_structure_question(query: Query, env: Env) -> Answer:
    """Which articles make up a titolo, where a matter is regulated, who cites a law."""
    from ordina.answerers.structure import answer_structure

    return answer_structure(query, env.corpus())


def answer_refs(query: Query, env: Env) -> Answer:
    """What a unit cites (``refs``) or who cites it (``cited_by``)."""
    from ordina.corpus.refs import unit_scope

    corpus = env.corpus()
    if not query.ref:
        # "quali norme si applicano ai procedimenti?" names no unit: the comma that says it
        # answers, when there is one; else the words are searched
        found = answer_rule_lookup(query, env)
        return found if found.kind == "lookup" else answer_search(query, env)
    unit = corpus.resolve(query.ref)
    scope = unit_scope(corpus, unit)
    order = {eid: i for i, eid in enumerate(corpus.units)}
    if query.intent == I.REFS:
        refs = corpus.refs.cites(scope)
        head = f"{unit.citation} cita:" if refs else f"{unit.citation} non cita altre norme."
    else:
        refs = sorted(corpus.refs.cited_by(scope), key=lambda r: order.get(r.source, 0))
        head = (f"{unit.citation} è citato da:" if refs
                else f"Nessuna disposizione cita {unit.citation}.")
    cited: list[str] = [unit.citation]
    lines = [head]
    for ref in refs:
        where = corpus.units[ref.source].citation
        if query.intent == I.REFS:
            target = corpus.get(ref.target) if ref.target else None
            label = target.citation if target is not None else (ref.label or ref.text)
            if target is not None and target.citation not in cited:
                cited.append(target.citation)
            line = f"- **{label}** (in {where}): «{ref.text}»"
            if ref.url:
                line += f" — {ref.url}"
        else:
            if where not in cited:
                cited.append(where)
            line = f"- **{where}**: «{ref.text}»"
        lines.append(line)
    return Answer(query=query.text, intent=query.intent, answer="\n".join(lines),
                  citations=cited, kind="structure")


def answer_search(query: Query, env: Env) -> Answer:
    """A full-text search: the commi holding the words, with snippets."""
    corpus = env.corpus()
    database = env.db()
    if database is None:
        from ordina.corpus.index import memory_index

        database = memory_index()
    text = query.search_text or ("" if query.error else query.text)
    hits = _search(corpus, database, text, env.as_of) if text else []
    lines: list[str] = []
    if query.fallback:
        if query.error:
            lines.append(query.error)
        else:
            lines.append("Non ho riconosciuto la domanda tra quelle che so interpretare: "
                         "ho cercato le parole nel testo del regolamento.")
        lines.append("")
    if hits:
        lines.append(f"Risultati per «{text}»:")
        for unit, snippet in hits:
            lines.append(f"- **{unit.citation}** — {snippet}")
    elif text:
        lines.append(f"Nessuna disposizione parla di «{text}».")
    if query.fallback:
        while lines and not lines[-1]:
            lines.pop()
        lines.append("")
        lines.append("Forse volevi chiedere: " + "; ".join(
            f"«{q}»" for q in closest_examples(query.text)) + ".")
    return Answer(query=query.text, intent=I.SEARCH, answer="\n".join(lines),
                  citations=[unit.citation for unit, _ in hits], kind="search")


def _search(corpus: Any, db: Any, text: str, as_of: Any) -> list[tuple[Any, str]]:
    """Commi matching ``text`` in the full-text index (``ordina search``), with snippets."""
    from ordina.corpus.index import search

    out: list[tuple[Any, str]] = []
    for hit in search(db, text, _SEARCH_LIMIT, as_of=as_of):
        for match in hit.matches[:2]:
            unit = corpus.get(match.eid)
            if unit is not None:
                out.append((unit, " ".join(match.marked().split())))
    return out[:_SEARCH_LIMIT * 2]
