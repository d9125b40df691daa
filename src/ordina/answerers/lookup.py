"""Rule look-ups: "chi presiede il nucleo?", "entro quanti giorni…?", answered from one comma.

The commi are ranked against the question (:mod:`ordina.corpus.retrieve`); what the question
asks for (a role, a number, a deadline…, ``grammar/domande.yaml``) tells which candidate can
answer it: the one whose text holds such words (the form's ``indizi``). The answer quotes the
decisive sentence and cites the most specific unit that holds it.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from ordina.answer import Answer
from ordina.answerers.arithmetic import Computed, compute
from ordina.answerers.comma_questions import question_index
from ordina.answerers.comma_verdicts import verdict_index
from ordina.answerers.term_dates import TermDate, term_date
from ordina.answerers.thresholds import (
    _NUMBER,
    Bound,
    Figure,
    _number,
    describe,
    figures_verdict,
    threshold_verdict,
)
from ordina.corpus.model import Corpus, Unit
from ordina.corpus.retrieve import Ranked, Term, antecedent, comma_index, word_stems
from ordina.query import intents as I
from ordina.query.model import Query
from ordina.query.normalize import normalize
from ordina.query.parts import second_question
from ordina.query.surface import within_window
from ordina.query.wording import (
    _load,
    asks_the_form,
    fold_text,
    italian_for,
    question_form,
    retrieval_pairs,
    retrieval_terms,
)

#: Below this share of the question's distinctive words, no comma is said to answer it.
MIN_COVERAGE = 0.45
#: Candidates within this share of the best one's score are offered as "vedi anche".
NEAR = 0.8
_CANDIDATES = 15
#: Commi whose example questions are most like the question, added to the candidates.
_EXAMPLE_CANDIDATES = 3
#: The weight of a candidate's likeness to the question through its example questions.
W_EXAMPLE = 0.9
#: An example question this alike (cosine) counts as the question's words all held.
EXAMPLE_FULL = 0.7
#: How a candidate comma is scored: its rank against the best, the share of the question it
#: holds, and whether it has words of the kind asked for (measured on the tuning bank: the
#: right comma comes first for 68% of look-ups, against 64% for the rank alone).
W_RANK, W_COVERAGE, W_EVIDENCE = 0.4, 0.4, 0.1
#: The weight of the candidate's best sentence: the question's words and the asked-for kind
#: of words found together in it.
W_FOCUS = 0.2
#: Within a sentence, what words of the kind asked for add to its share of the question.
W_SENTENCE_EVIDENCE = 0.6
#: The weight of an Italian word no comma holds, against a rare word's ~4.
UNKNOWN_WEIGHT = 3.0
#: Forms whose answer is a list: the comma is cited whole, with its points.
_LIST_FORMS = frozenset({"casi", "elenco"})
_QUOTE_CHARS = 420
#: A comma up to this long is quoted whole: a question asking two things ("entro quanto e a
#: chi?") finds both in it.
_WHOLE_CHARS = 900
_MAX_MATCHES = 12
#: A part of a two-part question this well held by a comma of another article names its
#: own subject ("chi mi dà le ferie? e il Segretario c'entra?").
OWN_SUBJECT_COVERAGE = 0.7
#: How much of a "vedi anche" comma is quoted.
NEAR_CHARS = 120


@dataclass(frozen=True)
class Segment:
    """A piece of a comma that can be quoted: its own text or one of its points."""

    unit: Unit
    text: str
    context: str = ""
    """Words the piece is read with: a table row, with its table's header row."""


@dataclass(frozen=True)
class Found:
    """The comma chosen, the sentence quoted and the decisive words in it."""

    unit: Unit
    quote: str
    decisive: str | None
    score: float
    coverage: float
    literal: float = 0.0
    """The share of the question held in its own words (:meth:`CommaIndex.coverage`,
    ``literal``): what a verdict read from the text needs."""
    like: float = 0.0
    """How like the question the comma's closest example question is (0–1)."""


@lru_cache(maxsize=1)
def _evidence() -> dict[str, tuple[re.Pattern[str], ...]]:
    data = _load("domande.yaml") or {}
    return {form: tuple(re.compile(p) for p in patterns)
            for form, patterns in (data.get("indizi") or {}).items()}


def evidence(form: str | None, text: str,
             asked: frozenset[str] = frozenset()) -> tuple[float, str | None]:
    """How well ``text`` answers a question of ``form`` (0–1) and the words that do.

    A pattern's ``answer`` group holds the words that answer ("dal Segretario"); when they
    are the question's own words (``asked``, stems) the match only restates the question
    ("composto dal presidente" for "chi presiede…?") and the next one is tried.
    """
    candidates = [(rank, words) for rank, words, answer in _matches(form or "", text)
                  if answer is None or answer not in asked]
    if not candidates:
        return 0.0, None
    rank = candidates[0][0]
    same = [words for r, words in candidates if r == rank]
    # several matches of the best pattern ("10 per cento … tra il 10 e il 30 percento"): the
    # one among the question's words
    words = max(same, key=lambda w: _near_the_question(text, w, asked)) if len(same) > 1 \
        else same[0]
    return max(0.4, 1.0 - 0.2 * rank), words


#: How far around a match the question's words are looked for.
_AROUND = 80


def _near_the_question(text: str, words: str, asked: frozenset[str]) -> int:
    """How many of the question's stems stand near ``words`` in ``text`` (ties: earlier)."""
    folded = _folded(text)
    at = folded.find(words)
    if at < 0:
        return 0
    return len(asked & _stems_of(folded[max(0, at - _AROUND):at + len(words) + _AROUND]))


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return fold_text(text)


@lru_cache(maxsize=8192)
def _matches(form: str, text: str) -> tuple[tuple[int, str, str | None], ...]:
    """Every match of the form's patterns in ``text``, in the patterns' order: the pattern's
    rank, the words matched and the first stem of their ``answer`` group (None without)."""
    folded = fold_text(text)
    out: list[tuple[int, str, str | None]] = []
    for rank, pattern in enumerate(_evidence().get(form, ())):
        at = 0
        while (m := pattern.search(folded, at)) is not None:
            answer = m.group("answer") if "answer" in pattern.groupindex else None
            first = word_stems(answer)[:1] if answer else []
            out.append((rank, m.group(0), first[0] if first else None))
            if len(out) > _MAX_MATCHES:
                break
            at = m.start() + 1
    return tuple(out)


@lru_cache(maxsize=8192)
def _stems_of(text: str) -> frozenset[str]:
    return frozenset(word_stems(text))


def segments(corpus: Corpus, unit: Unit) -> list[Segment]:
    """The comma's own sentences and each of its points (lettere, trattini) as segments."""
    out: list[Segment] = []
    if unit.text:
        for sentence in re.split(r"(?<=[.;:])\s+(?=[A-ZÀ-Ü«\"(])", unit.text):
            if sentence.strip():
                out.append(Segment(unit, sentence.strip()))
    if unit.kind == "tabella":
        out += _rows(unit)
    for child in corpus.children(unit):
        out += segments(corpus, child) if child.kind != "tabella" else _rows(child)
    return out or [Segment(unit, unit.text or unit.heading)]


def _rows(table: Unit) -> list[Segment]:
    """A table's rows, each read with the header row ("TOTALE | 11" is 11 posti in organico)."""
    rows = [" | ".join(row) for row in table.rows or []]
    header = rows[0] if rows else ""
    return [Segment(table, row, header if i else "") for i, row in enumerate(rows)]


def _segment_score(weights: list[dict[str, float]], asked: frozenset[str], form: str | None,
                   seg: Segment, inherited: frozenset[str] = frozenset(),
                   inherited_ev: float = 0.0) -> tuple[float, str | None]:
    """How well one sentence answers: the share of the question it holds (``weights``: each
    term's alternatives; with the words of its article's heading, ``inherited``: "Il ruolo
    di presidente…" is the nucleo's) and whether it has words of the kind asked for that
    are not the question's own (``asked``); a sentence of "agli stessi…" has those of the
    comma it points back to (``inherited_ev``)."""
    have = _stems_of(seg.text) | inherited | (_stems_of(seg.context) if seg.context else set())
    words = sum(max((w for s, w in term.items() if s in have), default=0.0) for term in weights)
    total = sum(max(term.values(), default=0.0) for term in weights) or 1.0
    ev, decisive = evidence(form, seg.text, asked)
    return words / total + W_SENTENCE_EVIDENCE * max(ev, inherited_ev), decisive


def searched_text(query: Query) -> str:
    """The question without the names of the people it names: "Rossi" is in no comma, and
    an unknown word weighs like a rare one."""
    text = query.text
    for name in getattr(query, "names", ()) or ():
        text = text.replace(name, " ")
    return " ".join(text.split())


def question_terms(corpus: Corpus, text: str) -> list[Term]:
    """The question's search terms, widened with the synonyms the commi use."""
    return comma_index(corpus).widen(list(retrieval_terms(text)))


def find(corpus: Corpus, text: str, form: str | None, lang: str = "it",
         within: frozenset[str] | None = None, terms: list[Term] | None = None) -> list[Found]:
    """The commi that answer ``text``, best first (empty when none is close enough).

    In an Italian question, a word the regulation never uses weighs like a rare one, so a
    question about something else is not answered by a comma sharing its common words.
    A candidate also scores by its best sentence: the one holding the question's words
    together with words of the kind asked for ("presieduto dal Segretario").

    :param within: the eids of the articles to look in ("cosa disciplina il titolo VII?"
        asks of the commi of that titolo only).
    :param terms: :func:`question_terms` of ``text``, when the caller has them already
        (never others: the result is kept by ``text``).
    """
    key = (text, form, lang, within)
    cache = _FOUND.setdefault(corpus, {})
    if key not in cache:
        if len(cache) >= _FOUND_KEPT:
            cache.clear()
        cache[key] = _find(corpus, text, form, lang, within, terms)
    return list(cache[key])


#: What :func:`find` found, per corpus: the fallbacks of one answer ask the same question
#: again (the engine's look-up, its "vedi anche", the comma a question is about).
_FOUND: weakref.WeakKeyDictionary[Corpus, dict[tuple, list[Found]]] = \
    weakref.WeakKeyDictionary()
_FOUND_KEPT = 256


def _find(corpus: Corpus, text: str, form: str | None, lang: str,
          within: frozenset[str] | None, terms: list[Term] | None) -> list[Found]:
    index = comma_index(corpus)
    terms = question_terms(corpus, text) if terms is None else terms
    unknown = UNKNOWN_WEIGHT if lang == "it" else 0.0
    every = index.rank(terms, len(index.docs), retrieval_pairs(text))
    alike = _alike(corpus, terms) if within is None else {}
    if within is None:
        ranked = every[:_CANDIDATES]
        picked = sorted(alike, key=lambda eid: -alike[eid][0])[:_EXAMPLE_CANDIDATES]
        ranked += [r for r in every[_CANDIDATES:] if r.unit.eid in picked]
        held = {r.unit.eid for r in every}
        ranked += [Ranked(unit, 0.0, frozenset()) for eid in picked if eid not in held
                   and (unit := corpus.get(eid)) is not None]
    else:
        ranked = [r for r in every if (r.unit.article_eid or r.unit.eid) in within][:_CANDIDATES]
    if not ranked:
        return []
    top = max(r.score for r in ranked) or 1.0  # an example-only candidate scores 0
    asked = frozenset(s for t in terms for s in t)
    weights = [index.weights(t) for t in terms]
    scored: list[tuple[float, Ranked, float, Segment, str | None, float]] = []
    for cand in ranked:
        like = alike.get(cand.unit.eid, (0.0, ""))[0]
        cov = max(index.coverage(cand, terms, unknown), min(1.0, like / EXAMPLE_FULL))
        ev, _ = evidence(form, corpus.full_text(cand.unit), asked) if form else (0.0, None)
        inherited = frozenset(word_stems(_heading(corpus, cand.unit)))
        before = antecedent(corpus, cand.unit)
        ev_before = 0.0
        if before is not None:  # "agli stessi": who they are is said in the comma before
            ev_before = evidence(form, before.text or "", asked)[0] if form else 0.0
            ev = max(ev, ev_before)
        (focus, decisive), best = max(
            ((_segment_score(weights, asked, form, seg, inherited, ev_before), seg)
             for seg in segments(corpus, cand.unit)), key=lambda pair: pair[0][0])
        total = (W_RANK * cand.score / top + W_COVERAGE * cov + W_EVIDENCE * ev
                 + W_FOCUS * focus + W_EXAMPLE * like)
        scored.append((total, cand, cov, best, decisive, like))
    scored.sort(key=lambda x: -x[0])
    out: list[Found] = []
    for total, cand, cov, best, decisive, like in scored[:4]:
        unit = cand.unit if form in _LIST_FORMS or _asks_of_the_list(
            corpus, best.unit, asked) else best.unit  # a list is cited whole
        literal = index.coverage(cand, terms, unknown, literal=True)
        out.append(Found(unit, _clip(best.text, decisive), decisive, total, cov, literal, like))
    return out


def _asks_of_the_list(corpus: Corpus, point: Unit, asked: frozenset[str]) -> bool:
    """A point of a list whose own words add nothing of the question to its lead-in's: the
    question asks what the list holds ("che caratteristiche devono avere gli obiettivi?")."""
    if point.kind not in ("lettera", "trattino") or not point.text:
        return False
    parent = corpus.get(point.parent or "")
    if parent is None or parent.kind != "comma" or not parent.text:
        return False
    own = _stems_of(point.text) & asked
    return not own - _stems_of(parent.text)


def _alike(corpus: Corpus, terms: list[Term]) -> dict[str, tuple[float, str]]:
    """Eid of each indexed comma -> how like the question its closest example question is
    (``regulation/domande.yaml``; an example of a lettera counts for its comma)."""
    out: dict[str, tuple[float, str]] = {}
    eids = _indexed_eids(corpus)
    for citation, (score, example) in question_index().alike(terms).items():
        eid = eids.get(citation)
        if eid is not None and score > out.get(eid, (0.0, ""))[0]:
            out[eid] = (score, example)
    return out


_EIDS: weakref.WeakKeyDictionary[Corpus, dict[str, str]] = weakref.WeakKeyDictionary()


def _indexed_eids(corpus: Corpus) -> dict[str, str]:
    """Citation of every example -> the eid of the searchable unit holding it (a lettera's
    comma), once per corpus."""
    found = _EIDS.get(corpus)
    if found is None:
        index = comma_index(corpus)
        found = {}
        for citation in set(question_index().citations):
            unit = corpus.by_citation(citation)
            if unit is not None and unit.eid not in index.eids:
                # an article cited whole ("art. 94") is searched through its first comma
                inside = next((u for u in corpus.descendants(unit) if u.eid in index.eids), None)
                while inside is None and unit is not None and unit.eid not in index.eids:
                    unit = corpus.get(unit.parent or "")
                unit = inside or unit
            if unit is not None:
                found[citation] = unit.eid
        _EIDS[corpus] = found
    return found


def _clip(text: str, decisive: str | None) -> str:
    text = " ".join(text.split())
    if len(text) <= _QUOTE_CHARS:
        return text
    start = 0
    if decisive:
        at = fold_text(text).find(decisive[:40])
        if at > _QUOTE_CHARS // 2:
            start = text.rfind(" ", 0, at - 60) + 1
    end = text.rfind(" ", start, start + _QUOTE_CHARS)
    return ("…" if start else "") + text[start:end if end > start else None] + "…"


@lru_cache(maxsize=1)
def _polarity() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    data = _load("domande.yaml") or {}
    return tuple((verdict, tuple(re.compile(p) for p in patterns))
                 for verdict, patterns in (data.get("polarita") or {}).items())


_APOSTROPHE_E = re.compile(r"\be' ")
#: A question asking whether one may refuse or skip what it names ("posso rifiutarmi di…").
_REFUSAL = re.compile(r"\b(?:rifiutar\w*|sottrar\w*|esimer\w*|esonerat\w*|refuse|decline|"
                      r"opt out|skip)\b")
#: A question asking whether one may go without what it names ("posso evitare la
#: procedura comparativa?", "can we skip the notice?").
_AVOIDING = re.compile(r"\b(?:evitar\w*|fare a meno|farne a meno|saltar\w*|omett\w*|"
                       r"tralasciar\w*|avoid\w*|do without|dispense with|bypass\w*)\b")
#: A clause saying what it names is not needed ("non comporta l'utilizzo delle procedure
#: comparative", "senza l'esperimento di procedure", "non è necessaria").
_NOT_NEEDED = re.compile(r"\b(?:non (?:comporta|comportano|richiede|richiedono|occorre|occorrono|"
                         r"serve|servono|(?:e|sono) (?:necessari\w*|richiest\w*|obbligatori\w*))|"
                         r"senza (?:l'|il |la |i |le |gli )?(?:esperimento|ricorso|utilizzo|"
                         r"obbligo|necessita))\b")
#: A question asking whether something is a duty ("sono tenuti al segreto?").
_ASKS_A_DUTY = re.compile(r"\b(?:bound|obliged|obligated|required to|have to|has to|"
                          r"do we need to|does it need|is it required|must we|"
                          r"tenut[oaie]|obbligat[oaie]|obbligatori[oaie]?|dobbiamo|devo|"
                          r"deve|devono|serv(?:e|ono) (?:il|lo|la|l'|i|gli|le|un|una)|occorre|bisogna|"
                          r"va fatt[oa]|va(?:nno)? (?:\w+at[oaie]|trasmess[oaie]|mess[oaie]|"
                          r"inviat[oaie]|res[oaie]|scritt[oaie])|"
                          r"e necessari[oa])\b")
def asks_a_duty(question: str) -> bool:
    """"va mandata alla Corte dei conti?", "serve la procedura comparativa?": whether a duty
    holds, which no permission answers, unless the duty asked is the authorisation itself."""
    return bool(_ASKS_A_DUTY.search(fold_text(question))) and not asks_the_form(question)
#: A clause that makes what it names a duty ("hanno l'obbligo di cooperare").
_DUTY = re.compile(r"\b(?:obblig\w*|(?:e|sono) tenut\w*|deve|devono|dovra|dovranno|"
                   r"e dovut\w*|sono dovut\w*)\b")
_QUESTION_NEGATION = re.compile(r"\b(?:non|senza|mai|nessun\w*|neanche|not|without|never|no)\b")
#: The modal verbs, which say what a clause allows, not what it is about.
_MODAL_STEMS = frozenset({"poss", "pot", "dev", "dov", "can", "may", "must"})
#: A question asking to have two things together ("sia il bonus sia il premio", "both").
_BOTH = re.compile(r"\b(?:sia\b.+\bsia|entramb\w*|tutti e due|tutte e due|insieme|cumular\w*|"
                   r"both|at the same time|together)\b")
#: A clause allowing only one of them ("optare per uno solo", "non cumulabil…").
_ONE_ONLY = re.compile(r"\b(?:optare|uno solo|una sola|non (?:sono |e )?cumulabil\w*|"
                       r"non cumulabil\w*|alternativ\w*)\b")
#: What a clause permits: the words after "può", "possono", "è consentito"…
_PERMITTED = re.compile(r"\b(?:puo|possono|potra|potranno|(?:e|sono) (?:consentit|ammess)\w*)"
                        r"\s+((?:[^\W\d_]+['’]?\s*){1,8})")
#: Words after the modal that say how, not what ("possono *altresì* svolgere").
_HOW_WORDS = frozenset({"altresi", "anche", "comunque", "inoltre", "sempre", "essere",
                        "venire", "pure", "solo", "soltanto", "liberamente"})


def permits_what_is_asked(question: str, clause: str) -> bool:
    """Whether what the clause permits is what the question asks about: «i dipendenti in
    part time fino al 50% possono *svolgere attività professionale*» answers "posso fare
    l'avvocato?", not "posso avere il part-time al 50%?". True when the clause says no
    "può…" (its verdict is read otherwise)."""
    found = list(_PERMITTED.finditer(fold_text(clause)))
    if not found:
        return True
    asked = set(word_stems(_english_words(question))) - _MODAL_STEMS
    prefixes = {s[:5] for s in asked if len(s) >= 5}
    for m in found:
        words = [w for w in re.findall(r"[^\W\d_]+", m.group(1)) if w not in _HOW_WORDS]
        permitted = set(word_stems(" ".join(words))) - _MODAL_STEMS
        if permitted & asked or any(s[:5] in prefixes for s in permitted if len(s) >= 5):
            return True
    return False


#: ... or, holding a quarter of it, when one of its example questions is this like it.
VERDICT_LIKENESS = 0.7
#: ... or, holding less, when one of its example questions is this like it: the question
#: says in its own words what the comma says ("dare un passaggio" of «il trasporto»).
VERDICT_OWN_LIKENESS = 0.8
#: ... or, for a figure compared with the comma's bound, when the comma holds this much
#: of the question with the thesaurus' words.
COMPARED_COVERAGE = 0.8
#: A verdict is read from the text only when the comma holds this much of the question.
VERDICT_COVERAGE = 0.4


#: Where a comma's clauses part: "possono essere svolte …, ma … non possono essere avviate".
_CLAUSES = re.compile(r"[.;:]\s|,\s(?=(?:ma|salvo|tranne|purche|fermo restando|but|unless)\b)")


def _clause_verdict(clause: str) -> str | None:
    folded = _APOSTROPHE_E.sub("e ", fold_text(clause))  # "E’ vietato" is "È vietato"
    for verdict, patterns in _polarity():
        if any(p.search(folded) for p in patterns):
            return verdict
    return None


#: Words that make a clause (or the lead-in of its points) a condition to be met.
_REQUIREMENT = re.compile(r"\b(?:previa|previo|preventiv\w*|solo|soltanto|esclusivamente|"
                          r"unicamente|condizione|purche|requisit\w*|necessari\w*|occorre|"
                          r"occorrono|obbligatori\w*|a seguito|in possesso|subordinat\w*|"
                          r"abbiano|aventi|devono|deve)\b")
#: How far a negation reaches: "senza *titoli post universitari*", "non *strutturale*".
_NEGATED = re.compile(r"\b(?:non|senza|privo|priva|without|not|no|nessun\w*)\s+"
                      r"((?:(?!(?:o|e|ne|or|and)\s)[^\W\d_]+['’]?\s*){1,4}"
                      r"(?:(?:o|e|ne|or|and)\s+(?:[^\W\d_]+['’]?\s*){1,3})?)")
#: An article ends what a negation reaches: "non vengano modificate *le condizioni*" negates
#: the change, not the conditions.
_ARTICLE = re.compile(r"\b(?:il|lo|la|le|i|gli|l'|un|una|uno|the|an)\b")
#: The verbs a negation can bear that say what a clause allows, not what it is about.
_MODAL_OR_AUXILIARY = re.compile(r"(?:puo|possono|potra|potranno|deve|devono|dovra|dovranno|"
                                 r"e|sono|si|sia|siano|essere|viene|vengono|venga|vengano|"
                                 r"ha|hanno|abbia|abbiano|aver|avere|can|may|must|is|are|be)$")
#: A stem must be at least this rare across the commi to tie a question to a condition.
RARE_IDF = 2.5


def requirement_unmet(question: str, clauses: list[str], lead: str | None,
                      rare: Callable[[str], bool]) -> str | None:
    """``vietato`` when the question's case misses a condition the comma sets: it lacks what
    is required ("senza titoli post universitari" of "un titolo di studio post universitario"
    among the requisiti) or has what is excluded ("ha una condanna penale" of "non aver
    riportato condanne penali"). A condition that is an authorisation or a communication
    ("previa autorizzazione") gives that form instead: the question asks whether it is
    needed. None when no condition of the comma is touched."""
    # the negation's reach is measured on the words as written, then put in Italian: "no
    # conflict of interest" negates the interest too, as "nessun conflitto di interessi"
    folded = fold_text(question)
    negated = {s for m in _NEGATED.finditer(folded)
               for s in word_stems(_english_words(m.group(1))) if rare(s)}
    said = {s for s in word_stems(_english_words(_NEGATED.sub(" ", folded))) if rare(s)}
    lead_says = bool(lead and _REQUIREMENT.search(fold_text(lead)))
    negated -= _waived(lead)  # "senza l'esperimento di procedure di selezione": not required
    for clause in clauses:
        text = _APOSTROPHE_E.sub("e ", fold_text(clause))
        if not (lead_says or _REQUIREMENT.search(text)):
            continue
        excluded = {s for m in _NEGATED.finditer(text)
                    for s in word_stems(_ARTICLE.split(m.group(1))[0])}
        required = set(word_stems(_NEGATED.sub(" ", text)))
        # a word the clause both wants and excludes ("diritti ed interessi", "non sussista
        # conflitto di interessi") tells nothing of what the case lacks or has
        required, excluded = required - excluded, excluded - required
        if said & excluded or negated & required:
            form = _clause_verdict(clause)
            return form if form in ("autorizzazione", "comunicazione") else "vietato"
    return None


#: What a lead-in says its case goes without, up to the end of the phrase.
_WITHOUT = re.compile(r"\b(?:senza|without)\s+([^,;:.]+)")


def _waived(lead: str | None) -> set[str]:
    """The stems of what the lead-in lets its points go without ("può conferire … senza
    l'esperimento di procedure di selezione"): a question's "senza rifare la selezione" meets
    such a rule, it does not miss a requirement of it."""
    if not lead:
        return set()
    return {s for m in _WITHOUT.finditer(fold_text(lead)) for s in word_stems(m.group(1))}


def text_verdict(question: str, sentence: str, comma: str | None = None,
                 lead: str | None = None, rare: Callable[[str], bool] | None = None
                 ) -> str | None:
    """What the decisive words say of a yes/no question: a verdict, or None when they say
    nothing clear or the question carries a negation of its own.

    A comma whose clauses say different things ("possono essere svolte…, ma… non possono
    essere avviate prima…") answers with the clause that holds most of the question; a tie
    between clauses that disagree is no verdict. Refusing what the text makes a duty
    ("posso rifiutarmi di fornire i dati?" of "hanno l'obbligo di … fornire") is barred."""
    folded = fold_text(question)
    clauses = [c for c in _CLAUSES.split(comma or sentence) if c.strip()]
    if _REFUSAL.search(folded):
        asked = set(word_stems(_english_words(question)))
        duties = [c for c in clauses if _DUTY.search(_APOSTROPHE_E.sub("e ", fold_text(c)))
                  and asked & set(word_stems(c))]
        return "vietato" if duties else None
    if _AVOIDING.search(folded):
        return _may_go_without(question, clauses)
    if asks_a_duty(question):
        return None  # "are they bound by secrecy?": a duty, which no permission answers
    if rare is not None:
        unmet = requirement_unmet(question, clauses, lead, rare)
        if unmet is not None:
            return unmet
    met = bool(rare is not None and _QUESTION_NEGATION.search(folded)
               and _meets_the_negated_condition(question, clauses, rare))
    if _QUESTION_NEGATION.search(folded) and not met:
        return None
    if _BOTH.search(folded) and any(_ONE_ONLY.search(fold_text(c)) for c in clauses):
        return "vietato"  # "sia il bonus sia il premio?" of "optare per uno solo"
    said = [(c, v) for c in clauses if (v := _clause_verdict(c)) is not None]
    if not said and lead and asks_the_form(question) and not _LEAD_CONDITION.search(
            fold_text(lead)) and (v := _clause_verdict(lead)) is not None:
        # "devo chiedere l'autorizzazione per un libro?": a point says which form its
        # lead-in asks ("seguenti incarichi: … la semplice comunicazione"), when the lead-in
        # sets no condition of its own ("a tempo pieno o con part time superiore al 50%")
        said = [(f"{lead} {comma or sentence}", v)]
    if not said:
        return None
    if len({v for _c, v in said}) == 1:
        return _outside_the_ban(question, *said[0], rare, met)
    asked = set(word_stems(_english_words(question))) - _MODAL_STEMS
    overlap = sorted(((len(asked & set(word_stems(c))), i, v) for i, (c, v) in enumerate(said)),
                     reverse=True)
    if overlap[0][0] == overlap[1][0] and overlap[0][2] != overlap[1][2]:
        return None
    return _outside_the_ban(question, said[overlap[0][1]][0], overlap[0][2], rare, met)


def _may_go_without(question: str, clauses: list[str]) -> str | None:
    """"posso evitare la procedura comparativa?": allowed where a clause holding the
    question's words says it is not needed, barred where one makes it a duty; else none."""
    asked = set(word_stems(_english_words(question))) - _MODAL_STEMS
    held = [c for c in clauses if len(asked & set(word_stems(c))) >= 2]
    folded = [_APOSTROPHE_E.sub("e ", fold_text(c)) for c in held]
    if any(_NOT_NEEDED.search(c) for c in folded):
        return "consentito"
    if any(_DUTY.search(c) for c in folded):
        return "vietato"
    return None


def _meets_the_negated_condition(question: str, clauses: list[str],
                                 rare: Callable[[str], bool]) -> bool:
    """Whether every negation of the question states what the comma's own negation asks
    ("nessun conflitto di interessi" of «a condizione che non sussista conflitto di
    interessi»): the question then says the condition is met, it does not turn the answer."""
    folded = fold_text(question)
    spans = [m.group(1) for m in _NEGATED.finditer(folded)]
    if not spans or len(spans) != len(_QUESTION_NEGATION.findall(folded)):
        return False  # a negation whose reach is not read ("non posso?") turns the answer
    excluded = {s for c in clauses for m in _NEGATED.finditer(_APOSTROPHE_E.sub(
        "e ", fold_text(c))) for s in word_stems(m.group(1)) if rare(s)}
    return all((stems := {s for s in word_stems(_english_words(span)) if rare(s)})
               and stems <= excluded for span in spans)


def _outside_the_ban(question: str, clause: str, verdict: str,
                     rare: Callable[[str], bool] | None, met: bool = False) -> str | None:
    """A ban on what it describes with a negation ("collaborazione remunerata e *non
    occasionale*") does not reach a case that states the negated word ("occasionale"): no
    verdict. Any other verdict passes, a permission only when it is unconditional or when the
    question says its condition is met (``met``: "nessun conflitto di interessi")."""
    if verdict != "vietato":
        return verdict if met else _unconditional(clause, verdict)
    folded = fold_text(clause)
    if _before_the_window(fold_text(question), folded):
        return None  # "ho lasciato il sindacato tre anni fa" of "negli ultimi 2 anni"
    if rare is None:
        return verdict
    described = {s for m in _NEGATED.finditer(folded)
                 if not _MODAL_OR_AUXILIARY.match((m.group(1).split() or [""])[0])
                 for s in word_stems((m.group(1).split() or [""])[0]) if rare(s)}
    stated = set(word_stems(_english_words(_NEGATED.sub(" ", fold_text(question)))))
    return None if described & stated else verdict


#: Words that make a permission conditional: "nei comuni con popolazione inferiore a…",
#: "solo se", "qualora", "previa".
_CONDITION = re.compile(r"\b(?:condizione|a patto|nei casi|nel caso|in caso|solo|soltanto|solamente|"
                        r"esclusivamente|unicamente|qualora|purche|a condizione|inferiore a|"
                        r"superiore a|entro|salvo|ove|se|limitatamente|nel rispetto)\b")


#: A lead-in whose permission or ban holds only for some ("ai dipendenti a tempo pieno",
#: "sempre che abbiano carattere occasionale").
_LEAD_CONDITION = re.compile(r"\b(?:sempre che|a condizione|a patto|purche|qualora|tempo pieno|"
                             r"superiore a\w*|inferiore a\w*|salvo|ove|se)\b")


_WINDOW = re.compile(rf"\bnegli ultimi ({_NUMBER}) (anni|mesi)\b")


def _before_the_window(question: str, clause: str) -> bool:
    """The question's case is older than the window a ban looks back on ("tre anni fa"
    against "negli ultimi 2 anni"): the ban does not reach it."""
    window = _WINDOW.search(clause)
    if window is None:
        return False
    limit = (_number(window.group(1)) or 0.0) * (12 if window.group(2) == "anni" else 1)
    return within_window(normalize(question).lower, limit) is False


def _unconditional(clause: str, verdict: str) -> str | None:
    """A permission the clause grants only under a condition is no verdict the question can
    take as such (the figures of a question are compared with it elsewhere)."""
    if verdict == "consentito" and _CONDITION.search(fold_text(clause)):
        return None
    return verdict


def _english_words(question: str) -> str:
    """The question with each English word of the glossary followed by its Italian."""
    return " ".join(f"{w} {it}" if (it := italian_for(w)) else w
                    for w in re.findall(r"[^\W_]+", fold_text(question)))


def answer_lookup(query: Query, corpus: Corpus, comune: tuple[Figure, ...] = ()) -> Answer:
    """The rule look-up answer: the decisive words of the comma that states it.

    :param comune: the Comune's own figures (its population), compared with a bound of the
        comma when the question states none of that kind.
    """
    english = query.lang == "en"
    form = getattr(query, "form", None) or question_form(query.text)
    searched = searched_text(query)
    terms = question_terms(corpus, searched)
    found = find(corpus, searched, form, query.lang, terms=terms)
    computed = _computed(query, corpus, found[0].unit) if found else None
    dated = _dated(query, form, found[0]) if found and computed is None else None
    least = SHARE_NAMED_COVERAGE if computed is not None and _names_the_share(
        query.text, computed) else COMPUTE_COVERAGE
    if found and MIN_COVERAGE > found[0].coverage >= least and (
            computed is not None or dated is not None):
        found = [replace(found[0], coverage=MIN_COVERAGE)] + found[1:]  # the figure answers
    if found and MIN_COVERAGE > found[0].coverage >= PAIR_COVERAGE and _holds_a_rare_pair(
            query.text, corpus, found[0].unit):
        found = [replace(found[0], coverage=MIN_COVERAGE)] + found[1:]  # "ricorso gerarchico"
    if not found or found[0].coverage < MIN_COVERAGE:
        return _no_answer(query, corpus, found, english)
    best = found[0]
    near: list[Found] = []
    for f in found[1:]:
        if f.score >= NEAR * best.score and f.coverage >= MIN_COVERAGE and f.unit.eid not in {
                best.unit.eid, *(n.unit.eid for n in near)}:
            near.append(f)
    near = near[:2]
    shown = _shown(corpus, best, form)
    where = _cap(best.unit.citation) + _heading(corpus, best.unit)
    lines = [f"{where} says: «{shown}»" if english else f"{where}: «{shown}»"]
    also = _second_part(query, corpus, best, shown, terms)
    if also is not None:  # "… e chi lo presiede?": the comma that says the second thing
        near = [f for f in near if f.unit.eid != also.unit.eid][:1]
        also_shown = _shown(corpus, also, None)
        lines.append(f"{_cap(also.unit.citation)}{_heading(corpus, also.unit)}: «{also_shown}»")
    subject = subject_note(corpus, best.unit, english)
    if subject:  # "agli stessi": say who they are
        lines.append(subject)
    lines.append("")
    lines.append(_more(corpus, best.unit, english))
    if near:
        label = "See also" if english else "Vedi anche"
        lines.append(f"{label}: " + "; ".join(
            f"{f.unit.citation} («{in_context(corpus, f)}»)" for f in near))
    if computed is not None:
        lines.insert(0, computed.sentence(best.unit.citation, english))
    if dated is not None:
        lines.insert(0, dated.sentence(best.unit.citation, english))
    verdict = None
    # a comma holding the question in the thesaurus' words, with a bound of the unit of a
    # figure the question states ("6 mesi" of «non può essere inferiore all'anno»)
    measured = form == "sino" and best.coverage >= COMPARED_COVERAGE and threshold_verdict(
        query.text, best.quote) is not None  # (the bounds' patterns load only for yes/no)
    # the allegati describe profiles, methods and tables: a verdict is read from an
    # article's commi only
    if form == "sino" and not best.unit.citation.startswith("all.") and (
            best.literal >= VERDICT_COVERAGE or best.like >= VERDICT_OWN_LIKENESS or measured
            or best.literal >= PAIR_COVERAGE and (best.like >= VERDICT_LIKENESS or
                                                  _holds_a_rare_pair(query.text, corpus,
                                                                     best.unit))):
        index = comma_index(corpus)
        verdict = text_verdict(query.text, best.quote, best.unit.text,
                               lead_in(corpus, best.unit, 400),
                               lambda stem: index.idf(stem) >= RARE_IDF)
        compared = threshold_verdict(query.text, best.quote)
        if compared is not None and best.literal < VERDICT_COVERAGE and not measured:
            compared = None  # a comma held by its examples' likeness: its bound is another's
        if compared is not None and compared[0] == "consentito" and compared[2].unit == "data":
            # a day before a comma's deadline ("ends on 1 March" against «entro il 31
            # marzo») permits nothing: the deadline may be another act's (tuning: −1 wrong)
            compared = None
        own = compared is None and bool(comune)
        if own:  # "il Sindaco può avocare a sé…?" of «comuni con popolazione inferiore a 5.000»
            compared = figures_verdict(comune, best.quote)
        if compared is not None:
            # a figure of the question against the comma's bound decides; a bound met keeps
            # the form the text asks for (an authorisation, a communication)
            verdict = compared[0] if compared[0] == "vietato" or verdict in (None, "vietato") \
                else verdict
            duty = asks_a_duty(query.text)
            if duty:
                verdict = None  # "8.000 euro: va mandata alla Corte?": the bound says, no verdict
            lines.insert(0, _comparison(compared[1], compared[2], english, duty, own))
        elif best.literal < VERDICT_COVERAGE and _other_figures(query.text, best.quote):
            verdict = None  # "dopo 10 giorni…" of «entro 30 giorni», not compared: no verdict
    if verdict in ("consentito", "comunicazione", "autorizzazione") and not english and not \
            permits_what_is_asked(query.text, best.quote):
        verdict = None  # «possono svolgere attività» does not answer "posso avere il part-time?"
    reading = None
    if verdict is None and form == "sino" and not best.unit.citation.startswith("all.") \
            and (best.literal >= PAIR_COVERAGE or best.like >= VERDICT_LIKENESS) \
            and not asks_a_duty(query.text):
        # the text's words hold no verdict a pattern reads: a yes/no question of its
        # comma very like this one does ("attività di tipo ordinario" bars the incarico)
        reading = verdict_index().reading(query.text, terms, best.unit.citation,
                                          corpus.full_text(best.unit))
        if reading is not None:
            verdict = reading.verdict
    if verdict is not None:
        from ordina.answer import VERDICT_LABELS

        label = VERDICT_LABELS[verdict]
        label = label[:1].upper() + label[1:]
        lines.insert(0, (f"**{label}** according to the text of {best.unit.citation} (check that "
                         "it fits the case):" if english else
                         f"**{label}** secondo il testo dell'{best.unit.citation} (verifica che "
                         "corrisponda al caso):"))
        if reading is not None and fold_text(reading.decisive) not in fold_text(shown):
            lines.insert(1, f"«{reading.decisive}» ({reading.citation})")  # as a reader marked them
    kind = ("decision" if verdict else "calculation" if computed is not None or dated is not None
            else "lookup")
    return Answer(query=query.text, intent=I.LOOKUP, answer="\n".join(lines),
                  citations=[best.unit.citation] + [f.unit.citation for f in near]
                  + ([also.unit.citation] if also is not None and also.unit.eid != best.unit.eid
                     else []),
                  kind=kind, quote=best.quote, verdict=verdict)


def _second_part(query: Query, corpus: Corpus, best: Found, shown: str,
                 terms: list[Term]) -> Found | None:
    """The comma (or the sentence of the same comma) that answers one part of a question
    asking two things, when the quote of the whole question's comma does not hold it.

    A part is looked up alone when it names its own subject; a part that leans on the other
    ("e chi ci entra?") is looked up with the whole question's words and its own form."""
    parts = second_question(query.text)
    if parts is None:
        return None
    for part in parts:
        form = question_form(part)
        own = question_terms(corpus, part)
        alone = find(corpus, part, form, query.lang, terms=own)
        if alone and alone[0].coverage >= MIN_COVERAGE and (
                alone[0].unit.article_eid == best.unit.article_eid
                or alone[0].coverage >= OWN_SUBJECT_COVERAGE and len(own) >= 2):
            tries = [alone]
        else:  # "e chi lo presiede?": in the article of the whole question, then anywhere
            tries = [find(corpus, part, form, query.lang, terms=own,
                          within=frozenset({best.unit.article_eid or best.unit.eid})),
                     find(corpus, searched_text(query), form, query.lang, terms=terms)]
        for found in tries:
            if found and found[0].coverage >= MIN_COVERAGE and \
                    fold_text(found[0].quote) not in fold_text(shown):
                return found[0]
    return None


def _other_figures(question: str, quote: str) -> bool:
    """The question and the comma both state figures, none of them the same: what the
    comma says of its own figures is no verdict on the question's."""
    from ordina.answerers.comma_verdicts import figures

    asked, stated = figures(question), figures(quote)
    return bool(asked and stated and not asked & stated)


#: A verdict is read from a comma holding less of the question when it holds, as the
#: question does, two of its rare words side by side ("ricorso gerarchico").
PAIR_COVERAGE = 0.25


def _holds_a_rare_pair(question: str, corpus: Corpus, unit: Unit) -> bool:
    """Whether the comma has two adjacent rare stems of the question, in the same order."""
    index = comma_index(corpus)
    held = retrieval_pairs(question) & index.pairs.get(unit.eid, frozenset())
    return any(_a_word(a) and _a_word(b) and min(index.idf(a), index.idf(b)) >= PAIR_IDF
               for a, b in held)


#: Both stems of the pair must be this rare: "ricorso gerarchico", not "coordinata e
#: continuativa", which half the commi on collaborations share.
PAIR_IDF = 3.0
#: Stems that name no subject: figures and references ("5.000 euro", "art. 110").
_NO_SUBJECT = frozenset({"art", "artt", "eur", "euro", "comm", "lett"})


def _a_word(stem: str) -> bool:
    return stem.isalpha() and stem not in _NO_SUBJECT


#: A share is computed on a comma that holds at least this much of the question.
COMPUTE_COVERAGE = 0.3
#: ... and this share when the question names what the share is of ("25% dell'indennità di
#: posizione" of "la mia indennità di posizione è 10.000 euro").
SHARE_NAMED_COVERAGE = 0.2
#: How many stems of what a share is of the question must name.
SHARE_NAMED_STEMS = 2


def _names_the_share(question: str, computed: Computed) -> bool:
    """The question names what the comma's share is a share of."""
    asked = set(word_stems(_english_words(question))) - _MODAL_STEMS
    of_what = {s for s in word_stems(computed.share.words) if len(s) > 3} - _MODAL_STEMS
    return len(asked & of_what) >= SHARE_NAMED_STEMS


def _computed(query: Query, corpus: Corpus, unit: Unit) -> Computed | None:
    """The comma's share of the question's figure, for a question asking how much."""
    if query.form not in ("quanto", "quanti", None):
        return None
    asked = set(word_stems(_english_words(query.text)))
    return compute(query.text, corpus.full_text(unit), asked)


def _dated(query: Query, form: str | None, best: Found) -> TermDate | None:
    """The comma's term run from the date the question gives ("entro quando…?")."""
    if form != "termine":
        return None
    return term_date(query.text, best.quote, query.as_of or date.today())


def _comparison(bound: Bound, figure: Figure, english: bool, duty: bool = False,
                own: bool = False) -> str:
    """"60 punti (dalla domanda) contro «superiore a 60 punti»: non rispettato"; of a duty's
    threshold ("superiore a 5.000 euro … viene trasmessa"), whether the case is over it;
    ``own``: the figure is the Comune's, from the database."""
    met = bound.holds(figure)
    if english:
        said = ("within it" if met else "outside it") if duty else ("met" if met else "not met")
        source = "the Comune's, from the database" if own else "from the question"
        return f"{describe(figure)} ({source}) against «{bound.text}»: {said}."
    said = (("vi rientra" if met else "non vi rientra") if duty else
            ("rispettato" if met else "non rispettato"))
    source = "del Comune, dal database: ente" if own else "dalla domanda"
    return f"{describe(figure)} ({source}) contro «{bound.text}»: {said}."


def _shown(corpus: Corpus, best: Found, form: str | None) -> str:
    """What the answer quotes: a short comma whole, a list with its items, else the sentence."""
    unit = best.unit
    text = " ".join((unit.text or "").split())
    points = [c for c in corpus.children(unit) if c.text]
    if points and all(c.kind == "tabella" for c in points) and best.quote \
            and form in (None, "sino"):
        # an allegato's tables are no list of cases: its sentence that holds the question
        # answers ("E' inoltre richiesta specifica patente", under the agente's profile)
        return best.quote
    if points and form in ("casi", "elenco", "cosa", "come", None):
        items = "; ".join(f"{c.num}) {_short(' '.join(c.text.split()), 140)}"
                          if c.number_given else _short(" ".join(c.text.split()), 140)
                          for c in points[:12])
        more = f"; … (altre {len(points) - 12})" if len(points) > 12 else ""
        return f"{_short(text, 300)} {items}{more}".strip()
    lead = lead_in(corpus, unit, 240)
    if lead:
        return f"{lead} … {best.quote}"
    if not points and len(text) <= _WHOLE_CHARS:
        return text
    return best.quote


def subject_note(corpus: Corpus, unit: Unit, english: bool) -> str | None:
    """For a comma that points back ("agli stessi"), the comma that names its subject."""
    before = antecedent(corpus, unit)
    if before is None:
        return None
    said = f"{before.citation}: «{_short(' '.join((before.text or '').split()), 200)}»"
    return (f"Its subject is named in the comma before, {said}" if english else
            f"Il soggetto è detto nel comma precedente, {said}")


def lead_in(corpus: Corpus, unit: Unit, limit: int = 100) -> str | None:
    """The words of the comma (or lettera) a point hangs from, which a point needs to say
    anything: "presidenza delle commissioni" needs "Spetta ai Responsabili di Area:"."""
    if unit.kind in ("comma", "articolo"):
        return None
    parent = corpus.get(unit.parent or "")
    if parent is None or parent.kind not in ("comma", "lettera") or not parent.text:
        return None
    return _short(" ".join(parent.text.split()), limit)


def in_context(corpus: Corpus, found: Found, limit: int = NEAR_CHARS) -> str:
    """A short quote of ``found`` around its decisive words, after its lead-in for a point."""
    lead = lead_in(corpus, found.unit)
    quote = _around(found.quote, found.decisive, limit)
    return f"{lead} … {quote}" if lead else quote


def _heading(corpus: Corpus, unit: Unit) -> str:
    """" (Responsabili di Area)": the article's heading, which says what "gli stessi" are."""
    article = corpus.get(unit.article_eid or "") if unit.article_eid else None
    heading = " ".join((article.heading if article is not None else "").split())
    return f" ({heading})" if heading else ""


def _more(corpus: Corpus, unit: Unit, english: bool) -> str:
    """Where to read on: the full text and the comma's references, both ways."""
    from ordina.corpus.refs import unit_scope

    scope = unit_scope(corpus, unit)
    cites = sorted({r.label or r.text for r in corpus.refs.cites(scope)})
    cited = sorted({corpus.units[r.source].citation for r in corpus.refs.cited_by(scope)
                    if r.source in corpus.units})
    none = "none" if english else "nessuno"
    if english:
        return (f"Full text: `ordina article \"{unit.citation}\"`. Cites: "
                f"{', '.join(cites) or none}. Cited by: {', '.join(cited) or none}.")
    return (f"Testo completo: `ordina article \"{unit.citation}\"`. Cita: "
            f"{', '.join(cites) or none}. Citato da: {', '.join(cited) or none}.")


def _no_answer(query: Query, corpus: Corpus, found: list[Found], english: bool) -> Answer:
    head = ("The regulation does not say it in so many words. The closest provisions:"
            if english else
            "Il regolamento non lo dice espressamente. Le disposizioni più vicine:")
    # each around the words of the kind asked for ("entro 30 giorni" of "quanto tempo…?")
    lines = [head] + [f"- **{f.unit.citation}**: «{_head_and_decisive(f.quote, f.decisive)}»"
                      for f in found[:3]]
    if not found:
        lines = ["No provision of the regulation speaks of this." if english else
                 "Nessuna disposizione del regolamento ne parla."]
        lines.append("Try `ordina search WORDS`." if english else
                     "Prova con `ordina search PAROLE` o riformula la domanda.")
    if query.fallback:
        from ordina.answerers.regulation import closest_examples

        lines.insert(0, "I did not recognise the question among those I can read." if english
                     else "Non ho riconosciuto la domanda tra quelle che so interpretare.")
        lines.append(("\nYou might ask: " if english else "\nForse volevi chiedere: ")
                     + "; ".join(f"«{q}»" for q in closest_examples(query.text)) + ".")
    return Answer(query=query.text, intent=I.LOOKUP, answer="\n".join(lines),
                  citations=[f.unit.citation for f in found[:3]], kind="search")


def _around(text: str, decisive: str | None, limit: int = NEAR_CHARS) -> str:
    """``text`` shortened to ``limit`` characters, keeping its decisive words in view: a
    "vedi anche" shows what the other comma would answer, not only how it begins."""
    if len(text) <= limit or not decisive:
        return _short(text, limit)
    at = fold_text(text).find(decisive[:40])
    if at < 0 or at + min(len(decisive), 60) <= limit:
        return _short(text, limit)
    start = text.rfind(" ", 0, max(at - 30, 0)) + 1
    return "…" + _short(text[start:], limit)


def _head_and_decisive(text: str, decisive: str | None, limit: int = 200) -> str:
    """How ``text`` begins and, when they come later, its decisive words: "Il dipendente che
    svolge un incarico senza… … nei successivi 30 giorni"."""
    around = _around(text, decisive, limit // 2)
    if not around.startswith("…"):
        return _around(text, decisive, limit)
    return f"{_short(text, limit // 2).rstrip('…')} … {around[1:]}"


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:text.rfind(" ", 0, limit)] + "…"


def _cap(citation: str) -> str:
    return citation[:1].upper() + citation[1:]
