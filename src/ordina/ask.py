"""Answer one question: parse it, then dispatch it to the regulation or to the checks.

Regulation look-ups (article, refs, cited_by, search) are answered from the corpus here;
every other intent goes to :func:`ordina.engine.answer`, which runs the checks. A
question the grammar could not read is answered by a full-text search that says so.
Nothing here writes to the database: SQL-looking text is just words to search for.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ordina.answer import Answer, Missing
from ordina.query import intents as I
from ordina.query.model import Query

#: Questions shown as "forse volevi chiedere" when a question is not understood.
EXAMPLE_QUESTIONS: tuple[str, ...] = (
    "art. 88 c. 3",
    "cosa dice l'articolo 89?",
    "chi cita l'allegato G?",
    "cerca patrocinio legale",
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
    database = _Lazy(db)
    if lexicon is None and db is not None:
        from ordina.query.lexicon import LazyLexicon, store_lexicon

        lexicon = LazyLexicon(lambda: store_lexicon(database.get()))
    query = parse_question(text, lexicon, today=as_of)
    return answer_query(query, database, as_of, cli_facts or {}, interview=interview)


class _Lazy:
    """A database, or the function that opens it, opened at most once."""

    def __init__(self, db: Any) -> None:
        self._db = db
        self._opened = not callable(db) or hasattr(db, "conn")

    def get(self) -> Any:
        if not self._opened:
            self._db = self._db()
            self._opened = True
        return self._db


def answer_query(query: Query, db: Any, as_of: date, cli_facts: dict[str, Any],
                 interview: Any = None) -> Answer:
    """Answer an already parsed :class:`Query` (``db`` may be lazy, see answer_question)."""
    db = db if isinstance(db, _Lazy) else _Lazy(db)
    if query.intent in (I.ARTICLE, I.REFS, I.CITED_BY, I.SEARCH):
        return _regulation_answer(query, db, as_of)
    subject_questions = [c for c in query.clarifications if c.fact == "subject" and c.options]
    if subject_questions:
        return Answer(query=query.text, intent=query.intent,
                      answer="\n".join(c.question for c in subject_questions))
    result = _engine_answer(query, db, as_of, cli_facts, interview)
    return _with_clarifications(result, query)


def _with_clarifications(result: Answer, query: Query) -> Answer:
    """Put the query's own questions ("nipote" is ambiguous) in front of the engine's."""
    questions = [c for c in query.clarifications if c.fact != "subject" or not c.options]
    if not questions:
        return result
    notes = "\n".join(f"- {c.question}" for c in questions)
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


def _engine_answer(query: Query, db: _Lazy, as_of: date, cli_facts: dict[str, Any],
                   interview: Any) -> Answer:
    try:
        from ordina.engine import Context, answer
    except ImportError:
        return Answer(query=query.text, intent=query.intent,
                      answer="Le verifiche di conformità non sono ancora installate: "
                             "ho capito la domanda ma non posso ancora rispondere.")
    ctx = Context(as_of=as_of, db=db.get(), stated=dict(cli_facts), interview=interview)
    registry = ctx.checks()
    if not registry.lookups_for(query.intent) and not registry.for_intent(query.intent):
        from ordina.directory import answer_lookup

        found = answer_lookup(query, ctx.db, as_of)
        if found is not None:
            return found
    return answer(query, ctx)


# --------------------------------------------------------------------------- regulation
def _regulation_answer(query: Query, db: _Lazy, as_of: date) -> Answer:
    from ordina.corpus import load_corpus

    database = db.get()
    # the corpus in force on the date, from the database index like ``ordina article``
    corpus = load_corpus(as_of, db=database) if database is not None else load_corpus(as_of)
    if query.intent == I.ARTICLE and query.ref:
        from ordina.corpus.render import to_markdown

        unit = corpus.resolve(query.ref)
        return Answer(query=query.text, intent=query.intent,
                      answer=to_markdown(corpus, unit), citations=[unit.citation])
    if query.intent in (I.REFS, I.CITED_BY) and query.ref:
        return _refs_answer(query, corpus)
    return _search_answer(query, corpus, database, as_of)


def _refs_answer(query: Query, corpus: Any) -> Answer:
    from ordina.corpus.refs import unit_scope

    unit = corpus.resolve(query.ref or "")
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
                  citations=cited)


def _search_answer(query: Query, corpus: Any, db: Any, as_of: date) -> Answer:
    text = query.search_text or ("" if query.error else query.text)
    hits = _search(corpus, db, text, as_of) if text else []
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
                  citations=[unit.citation for unit, _ in hits])


def _search(corpus: Any, db: Any, text: str, as_of: date) -> list[tuple[Any, str]]:
    """The full-text index of the corpus (``ordina search``); the in-memory one without it."""
    if db is not None:
        try:
            from ordina.corpus.index import search
        except ImportError:  # pragma: no cover - the corpus always ships its index
            pass
        else:
            out: list[tuple[Any, str]] = []
            for hit in search(db, text, _SEARCH_LIMIT, as_of=as_of):
                for match in hit.matches[:2]:
                    unit = corpus.get(match.eid)
                    if unit is not None:
                        out.append((unit, " ".join(match.marked().split())))
            return out[:_SEARCH_LIMIT * 2]
    return search_corpus(corpus, text)


_WORD_RE = re.compile(r"[a-z]{2,}")


def _stems(text: str) -> list[str]:
    """Crude Italian stems: accents off, lowercase, words cut to their first letters.

    "incarichi"/"incarico" -> "incari", "autorizzato"/"autorizzazione" -> "autori". Good
    enough for the fallback search, and fast on a cold start (no stemmer run over the
    whole regulation); the corpus FTS index does it properly.
    """
    import unicodedata

    from ordina.query.scan import STOPWORDS

    ascii_text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return [w[:max(4, min(6, len(w) - 2))] for w in _WORD_RE.findall(ascii_text)
            if w not in STOPWORDS]


_INDEX: dict[int, list[tuple[Any, set[str], set[str]]]] = {}


def search_corpus(corpus: Any, text: str, limit: int = _SEARCH_LIMIT) -> list[tuple[Any, str]]:
    """A small stemmed search over commi, lettere and allegati (until the FTS index lands).

    Ranks by the number of distinct query stems found, then by the heading matching.
    """
    index = _INDEX.get(id(corpus))
    if index is None:
        index = []
        for unit in corpus.units.values():
            if unit.kind == "titolo" or not (unit.text or unit.heading):
                continue
            head = set(_stems(unit.heading)) if unit.heading else set()
            index.append((unit, set(_stems(unit.text)) | head, head))
        _INDEX.clear()
        _INDEX[id(corpus)] = index
    wanted = set(_stems(text))
    if not wanted:
        return []
    scored = []
    for position, (unit, stems, heading) in enumerate(index):
        found = len(wanted & stems)
        if found:
            scored.append((-found, -len(wanted & heading), position, unit))
    scored.sort(key=lambda s: s[:3])
    out = []
    for *_rest, unit in scored[:limit]:
        body = (unit.text or unit.heading).strip().replace("\n", " ")
        out.append((unit, body[:160] + ("…" if len(body) > 160 else "")))
    return out
