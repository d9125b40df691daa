"""From the phrases of a question to a :class:`Query`: intent, subject, reference, facts.

The intent is decided by what the question asks (:func:`route`): what the words say
outright ("cerca …", "chi cita l'allegato G"), else the intent whose example questions it
is most like (:mod:`ordina.query.router`), with the grammar's cues as a prior. A question
like no example is a rule look-up, answered from the commi that come closest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ordina.query import intents as I
from ordina.query.extract import extract_facts, resolve_date
from ordina.query.lexicon import Lexicon
from ordina.query.model import Clarification, Query
from ordina.query.parser import Item
from ordina.query.periods import Period, find_period
from ordina.query.rows import collaboration_number
from ordina.query.scan import NOT_NAMES, Scan
from ordina.query.subjects import (
    find_subject,
    name_candidates,
    people_named,
    people_words,
    stood_in_for,
)
from ordina.query.wording import asks_the_parts as _asks_the_parts

#: Intents about one person, unit or office: the subject is required.
NEEDS_SUBJECT = frozenset({I.SUBSTITUTE, I.OBLIGATIONS, I.INCOMPATIBILITY, I.WHO})
#: Intents whose subject can only be a member of staff: among namesakes, the one on the
#: staff is meant (others, like a fixed-term contract or a kinship, may be about outsiders).
STAFF_ONLY_INTENTS = frozenset({I.EXTERNAL_ASSIGNMENT, I.PART_TIME, I.REMAINING_CAP,
                                I.MOBILITY_OUT, I.HIGHER_DUTIES, I.OVERDUE_REQUESTS,
                                I.POSITION_PAY, I.EVALUATION, I.AREA_HEAD_APPOINTMENT,
                                I.EVALUATION_RESULTS, I.RESULT_CAP})
#: Words asking what only an employee has: "che categoria ha la Lodi?" is about the Lodi
#: on the staff (with :data:`STAFF_ONLY_INTENTS`, the duties and who is competent for them).
_EMPLOYMENT_WORDS = (r"\b(?:categori\w*|profil\w*|inquadrat\w*|matricola|contratto|orario|"
                     r"part[- ]time|mansioni|category|grade|job title|contract|working hours)\b")
#: Of those, the intents answered for everyone when nobody is named ("chi è assente tra i
#: responsabili e chi li sostituisce?": every absent head).
ANSWERED_FOR_ALL = frozenset({I.SUBSTITUTE})
_ABSENT_WORDS = r"\b(?:assent[ei]|absent|in ferie|in malattia|on leave|away|manca|mancano)\b"
#: "chi è in ferie?", "quali responsabili mancano?", "who is off work?": who is away, not who
#: grants the leave ("chi concede le ferie?").
_WHO_IS_AWAY = (r"\b(?:chi|quali|quanti|quante|who|which|how many)\b.{0,40}?\b(?:e|è|sono|"
                r"sara|sarà|saranno|risulta|risultano|is|are|will be|was|were)\s+(?:\w+\s+)?"
                r"(?:assent[ei]|in ferie|in malattia|in maternita|in maternità|in aspettativa|"
                r"in congedo|absent|off work|off|away|on leave|on holiday|on sick leave)\b|"
                # "mancano" of people only: "quanti punti mancano?" is no absence
                r"\b(?:chi|quali (?:dipendenti|responsabili|capi|colleghi|persone)|who|which "
                r"(?:employees|heads|staff))\b.{0,40}?\b(?:manca|mancano|mancheranno|mancava|"
                r"missing)\b")

#: Intents whose dates are "as of" dates (the day the question is about).
AS_OF_INTENTS = frozenset({I.SUBSTITUTE, I.COMPETENT, I.WHO, I.OBLIGATIONS,
                           I.INCOMPATIBILITY, I.EXPIRING_ASSIGNMENTS, I.UNIT_HEADS,
                           I.ENDING_CONTRACTS, I.OVERDUE_REQUESTS, I.REMAINING_CAP,
                           I.ABSENCES, I.REGISTER})

#: Intents whose answer covers a period ("a luglio", "dal 10 al 14 giugno"): ``as_of`` is
#: its first day and ``facts["period_end"]`` its last (see :mod:`ordina.query.periods`).
PERIOD_INTENTS = frozenset({I.SUBSTITUTE, I.COMPETENT, I.WHO, I.UNIT_HEADS, I.EVALUATION_BOARD,
                            I.EXPIRING_ASSIGNMENTS,
                            I.ENDING_CONTRACTS, I.OVERDUE_REQUESTS, I.REMAINING_CAP,
                            I.ABSENCES, I.REGISTER})

_ENGLISH = re.compile(
    r"(?<![\w'])(?:who|what|which|can|may|could|show|search|find|article|annex|the|is|does|"
    r"employee|accept|substitutes|replaces|authori[sz]es|approves|my|of|for|how|much|"
    r"leave|cites|allowed|was|were|are|there|any|where|when|own|need|do|it|to|at|and|"
    r"with|from|this|that|have|has|regulated|lawful|would|should)(?![\w'])")
_ITALIAN = re.compile(
    r"(?<![\w'])(?:chi|cosa|quale|quali|puo|posso|il|la|lo|gli|le|di|del|della|un|una|e|"
    r"per|sono|dell'|l'|articolo|cerca|quanto|incarico|dipendente)(?![\w'])")

_ACTIVE_PLURAL = ("citano", "richiamano", "rinviano", "rimandano", "menzionano")
_PASSIVE = ("citat", "richiamat", "menzionat", "cited", "referenced", "mentioned")


def _refs(scan: Scan) -> list[str]:
    """Regulation references, with "comma 3 dell'art. 88" merged into "art. 88 c. 3"."""
    out: list[str] = []
    items = scan.items
    for idx, item in enumerate(items):
        if item.kind != "ref":
            continue
        if _external_law(scan, item):
            continue
        citation = item.value
        if citation.startswith("art.") and " c. " not in citation:
            for prev in reversed(items[max(0, idx - 3):idx]):
                if prev.kind == "comma_ref":
                    citation += f" c. {prev.value[0]}"
                    if prev.value[1]:
                        citation += f" lett. {prev.value[1]}"
                    break
                if prev.kind == "letter_ref":
                    continue
                if prev.kind != "word":
                    break
            for prev in reversed(items[max(0, idx - 4):idx]):
                if prev.kind == "letter_ref" and " lett. " not in citation and " c. " in citation:
                    citation += f" lett. {prev.value}"
                    break
        out.append(citation)
    return out


def _external_law(scan: Scan, item: Item) -> bool:
    """ "art. 53 del d.lgs. 165/2001", "art. 2963 c.c.": not a unit of the regulation."""
    after = scan.lower[item.end:item.end + 24]
    return bool(re.match(
        r"\s*(?:,\s*)?(?:del(?:la)?\s+|of\s+the\s+)?(?:tuel|d\.?\s?lgs|dlgs|decreto|legge|l\.\s*\d|"
        r"c\.\s*c\.|codice|cod\.|dpr|d\.p\.r|ccnl|costituzione|cost\.)", after))


def _cite_intent(scan: Scan, ref_items: list[Item]) -> str | None:
    cite = scan.cue("CITE")
    if cite is None:
        return None
    verb = cite.text.lower()
    ref = ref_items[0] if ref_items else None
    ref_before = ref is not None and ref.start < cite.start
    after = scan.lower[cite.end:cite.end + 12]
    if verb.startswith(_PASSIVE):
        if re.match(r"\s*(?:da|dal|dall'|dalla|by)(?![\w])", after) and not scan.search(
                r"da\s+chi|by\s+wh|by\s+what|by\s+which"):
            return I.REFS if not ref_before else I.CITED_BY
        return I.CITED_BY
    if verb in ("riferimenti", "riferimento", "rinvii", "citazioni", "refs", "references",
                "reference"):
        if ref is not None:
            between = scan.lower[cite.end:ref.start]
            if re.search(r"(?<![\w'])(?:all'|alla|al|agli|to|a)\s*$", between):
                return I.CITED_BY
        return I.REFS
    if verb in _ACTIVE_PLURAL or verb in ("cite",):
        return I.REFS if ref_before else I.CITED_BY
    if scan.has("WHO"):
        return I.CITED_BY
    if verb in ("cites", "mentions", "refers", "references", "mention", "refer"):
        return I.REFS if ref_before else I.CITED_BY
    return I.REFS if not ref_before else I.CITED_BY


def _has_topic(scan: Scan) -> bool:
    """The question names an outside activity, a client, pay, or an assignment."""
    return bool(scan.term_values("activity_kind") or scan.term_values("client_type")
                or scan.term_values("client_relation")
                or scan.has("ASSIGNMENT", "COMPENSATION", "FREE", "EXPENSES"))


def _fixed_term_contract(scan: Scan) -> bool:
    """A fixed-term contract is what is asked for, not how the asker is employed.

    "un incarico a tempo determinato", "contratto ex art. 110", "il cugino del sindaco...
    a tempo determinato" are about the contract (art. 53-54); "un dipendente a tempo
    determinato può fare il consulente?" is about an outside activity.
    """
    if scan.has("TUEL_110"):
        return True
    cue = scan.cue("FIXED_TERM")
    if cue is None:
        return False
    if scan.term_values("kinship") or scan.term_values("ambiguous_kinship"):
        return True
    if scan.term_values("activity_kind"):
        return False
    before = scan.items[max(0, scan.index(cue) - 3):scan.index(cue)]
    if any(i.kind == "cue" and i.value == "ASSIGNMENT" or i.kind == "word" and i.value.lower()
           in ("contratto", "contratti", "assunzione", "assunzioni", "assumere", "contract")
           for i in before):
        return True
    return not _has_topic(scan)


def _appointment_role(scan: Scan) -> bool:
    offices = {v for _t, v in scan.offices()}
    return "responsabile_area" in offices or bool(scan.search(r"responsabil\w* (?:di|del|"
                                                               r"dell' |della) ?(?:area|servizio)"))


#: How much the grammar's reading of the cues adds to the examples' similarity.
GRAMMAR_PRIOR = 0.12
#: Below this similarity to every example, the question is a rule look-up: the commi that
#: come closest are shown, never a dead end.
MIN_SIMILARITY = 0.25
#: A question this like an intent's examples is theirs even without a word of its own.
CLEARLY_LIKE = 0.45
#: Two intents closer than this are both plausible: the answer names the other one.
AMBIGUITY = 0.04
#: Intents answered from the regulation's text, not by a check.
TEXT_INTENTS = frozenset({I.LOOKUP, I.STRUCTURE, I.ARTICLE, I.REFS, I.CITED_BY, I.SEARCH})
#: Intents answered from the personnel database (who, when, what expires): a who- or
#: when-question is their natural form.
DATABASE_INTENTS = frozenset({I.WHO, I.SUBSTITUTE, I.COMPETENT, I.OBLIGATIONS,
                              I.INCOMPATIBILITY, I.EXPIRING_ASSIGNMENTS, I.REMAINING_CAP,
                              I.OVERDUE_REQUESTS, I.ENDING_CONTRACTS, I.UNIT_HEADS,
                              I.ABSENCES, I.REGISTER, I.EVALUATION_RESULTS, I.KINSHIP})
#: Intents whose answer is a list or a name, never a verdict.
LIST_INTENTS = frozenset({I.WHO, I.EXPIRING_ASSIGNMENTS, I.ENDING_CONTRACTS,
                          I.OVERDUE_REQUESTS, I.UNIT_HEADS, I.ABSENCES, I.STRUCTURE,
                          I.REGISTER, I.EVALUATION_RESULTS, I.KINSHIP})
#: The lists of the database's records, answered for everyone without a name.
RECORD_LISTS = frozenset({I.EXPIRING_ASSIGNMENTS, I.ENDING_CONTRACTS, I.OVERDUE_REQUESTS,
                          I.UNIT_HEADS, I.ABSENCES, I.REGISTER,
                          I.EVALUATION_RESULTS, I.KINSHIP})
#: A yes/no question routed to a list intent loses this much.
YES_NO_TO_A_LIST = 0.15
#: A question naming a person or unit of the Comune is about the database: its intents
#: gain this much.
NAMED_IN_DATABASE = 0.15
#: ... to the database intents at least this like the question, against the best intent.
NAMED_SHARE_OF_THE_BEST = 0.7
#: A who / how-many question that names nobody of the Comune and no date loses this much
#: on the database's intents.
DATABASE_WITHOUT_NAMES = 0.15
#: Checks whose figures the database holds for a named person or unit (the grading and
#: Pmax of allegato D): a who/how-much question naming one is about the case, not the rule.
CHECKS_READING_ROWS = frozenset({I.POSITION_PAY, I.MOBILITY_OUT, I.RESULT_CAP})
#: A check decides a case from its facts: a question asking who / how many / by when… that
#: gives no figures asks what the rule says, not how it applies. Its score drops by this.
WH_WITHOUT_FIGURES = 0.25


@dataclass(frozen=True)
class Routing:
    """Where a question goes, and why."""

    intent: str
    fallback: bool = False
    form: str | None = None
    alternative: str | None = None
    """A second plausible intent of another kind, named in the answer ("se intendevi…")."""


def _has_date(text: str) -> bool:
    """A day, month or period the question is about."""
    from ordina.query.router import features

    return bool(features(text).get("n:data")) or bool(re.search(
        r"\b(?:oggi|domani|ieri|settimana|mese|natale|pasqua|agosto|luglio|giugno|gennaio|"
        r"febbraio|marzo|aprile|maggio|settembre|ottobre|novembre|dicembre|today|tomorrow|"
        r"week|month|christmas|20\d\d)\b", text.lower()))


def _has_figures(text: str) -> bool:
    """Amounts, dates or counts a check could compute with."""
    from ordina.query.router import features

    return any(f.startswith("n:") and f != "n:rif" for f in features(text))


#: "ferma dal 1 ottobre", "pending since…": a day the case started, not the day asked about.
_SINCE = re.compile(r"(?:\b(?:ferm[aoei]|in attesa|pending|waiting|aspett\w*|giace|giacciono)\b"
                    r".{0,20}\b(?:dal|dall'|da|since|from)|\bsince)\s*$")


def _since_a_past_day(text: str, period: Period, today: date) -> bool:
    """The one past day of ``period`` says since when something waits ("ferma dal…")."""
    from ordina.query.wording import fold_text

    if not period.single_day or period.start >= today:
        return False
    at = fold_text(text).find(fold_text(period.text))
    return at > 0 and bool(_SINCE.search(fold_text(text)[:at].rstrip()))


def _names_the_comune(scan: Scan, lexicon: Lexicon) -> bool:
    """The question names a person or a unit the personnel database knows ("del
    segretario" names the office, not the «Ufficio del Segretario»)."""
    from ordina.query.subjects import lexicon_matches, only_an_office_word

    offices = [(t.start, t.end) for t, _ in scan.offices()]
    return any(e.kind == "person" or e.kind == "unit" and not only_an_office_word(m, offices)
               for m in lexicon_matches(scan, lexicon) for e in m.entries)


def _names_someone(subject) -> bool:
    """The subject is a person, unit or office the question names (not "un dipendente")."""
    if subject is None or subject.kind in ("generic", "self"):
        return False
    return subject.kind == "office" or bool(subject.name or subject.key)


#: Words that may surround an office in "chi è il segretario del comune oggi?".
_AROUND_AN_OFFICE = frozenset({
    "il", "lo", "la", "l", "i", "gli", "le", "del", "della", "dello", "dei", "comune", "ente",
    "oggi", "ora", "attualmente", "adesso", "the", "of", "council", "today", "now", "current",
    "nel", "nell", "in", "al", "presso", "nostro", "nostra", "qui", "at", "our", "here",
    "municipality", "town",
})


def _only_an_office(scan: Scan) -> bool:
    """The question is "chi è / who is" and an office, with nothing else asked."""
    offices = scan.offices()
    if not scan.has("WHO_IS") or not offices:
        return False
    for item in scan.items:
        if any(t.start <= item.start < t.end for t, _ in offices):
            continue
        if item.kind == "cue" and item.value == "WHO_IS":
            continue
        if item.kind == "word" and item.value.lower().strip("'’") in _AROUND_AN_OFFICE:
            continue
        return False
    return True


def _names_an_incarico(scan: Scan) -> bool:
    """ "l'incarico 13", "incarico n. 12": a row of the database named by number."""
    from ordina.query.extract import _assignment_id

    return _assignment_id(scan) is not None


def _the_one_person(scan: Scan, lexicon: Lexicon | None, span: tuple[int, int]) -> str | None:
    """The key of the one person the words at ``span`` name (None for namesakes)."""
    from ordina.query.subjects import lexicon_matches

    if lexicon is None:
        return None
    for m in lexicon_matches(scan, lexicon):
        if (m.start, m.end) == span:
            people = [e for e in m.entries if e.kind == "person"]
            return people[0].key if len(people) == 1 else None
    return None


#: Words asking for the rows of a register: a list, what there is, who holds one.
#: One record named in the singular: "la collaborazione con la Bassi", "the collaboration with".
_ONE_RECORD = re.compile(r"\b(?:la|questa|quella) (?:collaborazione|consulenza) (?:con|di|del|"
                         r"della|dello)\b|\bthe (?:collaboration|consultancy) (?:with|of)\b")
_ASKS_FOR_ROWS = re.compile(r"\b(?:elenc\w*|in essere|in corso|attiv[ie]|risultan\w*|"
                            r"fammi vedere|mostra\w*|(?:ci sono|abbiamo)\b|"
                            r"quali (?:dipendenti|sono|collaborazion\w*|consulen\w*|incarich\w*|"
                            r"mansioni superiori)|quant[ie] (?:contratt|collabor|"
                            r"consulen|incarich)\w*|chi (?:ha|hanno|sta|stanno) |"
                            r"list\w*|show|which (?:\w+ )?(?:collaborations|consultants|employees)|"
                            r"in vigore|running|in force|"
                            r"who (?:is|are) (?:currently )?on)")
#: Words asking for the evaluations' scores or their order, not for the rule on them.
_ASKS_FOR_SCORES = re.compile(
    r"\b(?:classific\w*|graduatori\w*|ordin\w* per|(?:più|piu) (?:alt|bass)\w*|migliore|"
    r"peggiore|(?:prim|ultim)[oa] (?:in|nella|tra|posto)|esiti delle valutazioni|"
    r"rank\w*|highest|lowest|best|worst|comes? first)\b|"
    r"\b(?:chi|quali|quanti (?:dipendenti|responsabili)|who|which)\b.{0,60}?\b(?:punt\w*|"
    r"soglia|sotto|sopra|superat\w*|scor\w*|threshold|below|above|fell short)\b")
#: Words of a family link besides the kinship terms the grammar reads ("cognata", "zio").
_NAMES_A_FAMILY_LINK = re.compile(r"\b(?:parent\w*|imparentat\w*|legam\w* (?:familiar\w*|di "
                                  r"parentela)|affin[ei]|relatives?|related|family|famil\w*|"
                                  r"married|in-laws?)\b")
#: The result allowance named: what the cap of art. 17 c. 2 is about.
_NAMES_THE_RESULT_PAY = re.compile(r"\b(?:risultat\w*|result)\b")
#: "chi ha incarichi autorizzati?" asks who holds records, not who decides a matter.
_WHO_HOLDS = re.compile(r"\b(?:chi|who) (?:ha|hanno|aveva|has|have|holds?) (?:gia |already )?"
                        r"(?:degli |dei |delle |gli |i |le |any )?(?:incarich|mansion|"
                        r"collaborazion|contratt|richiest|assignment|outside job|higher dut)")


def route(scan: Scan, refs: list[str], lexicon: Lexicon | None = None,
          stated: frozenset[str] = frozenset(),
          prefer: frozenset[str] = frozenset()) -> Routing:
    """Route by what the question asks: the intent whose example questions it is most like.

    The grammar's cues add a prior to the intent they suggest; an intent that declares no
    examples keeps the grammar's reading. A question like no example is a rule look-up.
    """
    from ordina.query.router import default_router
    from ordina.query.wording import question_form

    text = scan.norm.original
    form = question_form(text)
    explicit = _explicit(scan, refs)
    if explicit is not None:
        return Routing(explicit, form=form)
    if refs and all(i.kind in ("ref", "comma_ref", "letter_ref") for i in scan.items):
        return Routing(I.ARTICLE, form=form)  # "art. 88 c. 3": nothing but the reference
    reading, unread = _grammar_reading(scan, refs)
    # ("when does her maternity leave end?" asks a date; "chi ha incarichi…?" who holds)
    if reading == I.COMPETENT and scan.term_values("matter") and form not in (
            "quanti", "termine", "durata") and not _WHO_HOLDS.search(scan.lower):
        # ("quante richieste … e di chi?" counts requests: the examples decide it)
        # "chi autorizza le ferie…", "chi convoca la conferenza…": a matter one of the
        # competence look-ups declares (checks/competenze.py) decides it
        return Routing(reading, form=form)
    if reading == I.WHO and _only_an_office(scan):
        # "chi è il responsabile della prevenzione della corruzione?": nothing but the office
        # is asked, so its holder is (the duties have their own words: "compiti", "obblighi")
        return Routing(I.WHO, form=form)
    if reading == I.OBLIGATIONS and _names_an_incarico(scan):
        # "cosa deve fare l'ufficio per l'incarico 13?": the incarico's own case, whose
        # checks say what the office must do (art. 91), not a person's list of duties
        return Routing(I.EXTERNAL_ASSIGNMENT, form=form)
    # who is named is not what is asked: "Paola Greco" is no sign of an example about
    # "Paolo Galli" (the names of the people the lexicon knows are left out of the ranking)
    scores = dict(default_router().rank(_without_people(text, scan, lexicon)))
    scores.pop(I.SEARCH, None)
    if form == "sino" or not _ASKS_FOR_ROWS.search(scan.lower) or _ONE_RECORD.search(
            scan.lower):
        # a register is listed when its rows are asked for ("quali collaborazioni
        # risultano?"), not when the rule on them is ("con quale atto si assegnano?") nor
        # one row ("la collaborazione con la Bassi è ancora in corso?")
        scores.pop(I.REGISTER, None)
    if form == "termine":
        scores.pop(I.STRUCTURE, None)  # "entro quanto…?" asks a comma's deadline, not where
    if not _ASKS_FOR_SCORES.search(scan.lower):
        # the evaluations are ranked when their scores are asked for ("chi ha preso più
        # punti?"), not when the rule is ("chi propone la valutazione dei titolari di PO?")
        scores.pop(I.EVALUATION_RESULTS, None)
    if not (scan.term_values("kinship") or scan.term_values("ambiguous_kinship")
            or _NAMES_A_FAMILY_LINK.search(scan.lower)):
        scores.pop(I.KINSHIP, None)  # family links are asked in their own words
    if not _NAMES_THE_RESULT_PAY.search(scan.lower):
        scores.pop(I.RESULT_CAP, None)  # the cap of art. 17 c. 2 is the result allowance's
    by_facts = bool(prefer & set(scores))
    if by_facts:  # the facts given with --fact belong to these intents' checks
        scores = {i: v for i, v in scores.items() if i in prefer}
        if reading not in prefer:
            reading, unread = I.SEARCH, True  # a search is asked for in words ("cerca…"): see _explicit
    named = (lexicon is not None and _names_the_comune(scan, lexicon)) or (
        scan.has("WHO_IS") and bool(scan.offices())) or (  # "chi è il segretario?"
        lexicon is not None and _asks_the_parts(text))  # "quante aree ha il comune?": the rows
    # a person or unit of the Comune named: the database holds the figures a check computes
    # with ("quanto dovrebbe prendere di posizione il responsabile della ragioneria?")
    asks_the_rule = (form not in (None, "sino") and not stated and not _has_figures(text)
                     and not (named and (reading in CHECKS_READING_ROWS or max(
                         scores, key=scores.get, default=None) in CHECKS_READING_ROWS)))
    checks = [i for i in scores if i not in TEXT_INTENTS and i not in DATABASE_INTENTS]
    if not unread and reading != I.SEARCH:
        if reading not in scores:  # no examples declared for it: the grammar decides
            return Routing(reading, form=form)
        if not (asks_the_rule and reading in checks) and not (
                form == "elenco" and reading not in LIST_INTENTS):
            # ("elenco dei responsabili, compresi gli interim" asks a list, whatever its words)
            scores[reading] += GRAMMAR_PRIOR
    if asks_the_rule:
        for intent in checks:
            scores[intent] -= WH_WITHOUT_FIGURES
    if form == "sino":  # a yes/no question asks for a verdict: lists and who-answers give none
        for intent in (LIST_INTENTS | {I.COMPETENT, I.SUBSTITUTE, I.RESULT_CAP}) & set(scores):
            scores[intent] -= YES_NO_TO_A_LIST
    if named and form != "sino":  # "può Rossi…?" asks for a decision about Rossi
        # ... unless the question is far more like a rule look-up, which then adds the named
        # person's rows (ordina.answerers.records)
        top = max(scores.values(), default=0.0)
        for intent in DATABASE_INTENTS & set(scores):
            if scores[intent] >= NAMED_SHARE_OF_THE_BEST * top:
                scores[intent] += NAMED_IN_DATABASE
    elif asks_the_rule and not _has_date(text) and not scan.offices():
        # who / how many… naming nobody of the Comune and no day: what the rule says; a list
        # of the records asked for ("which pending requests…") names nobody by its nature
        exempt = RECORD_LISTS if form == "elenco" else frozenset()
        for intent in (DATABASE_INTENTS - exempt) & set(scores):
            scores[intent] -= DATABASE_WITHOUT_NAMES
    # a tie goes to what the grammar read ("higher duties to cover X's holiday")
    order = sorted(scores, key=lambda i: (-round(scores[i], 6), i != reading))
    if not by_facts and not stated:
        # a check or list is reached by what it is about, not by words a dozen intents share
        # ("chi gradua le posizioni organizzative?" is no question on expiring incarichi)
        router = default_router()
        order = [i for i in order if i in TEXT_INTENTS or i == reading and not unread
                 or scores[i] >= CLEARLY_LIKE or named and i in DATABASE_INTENTS
                 or router.distinctive(text, i)]
    if not order or scores[order[0]] < MIN_SIMILARITY and not by_facts:
        if reading == I.ARTICLE and refs:
            return Routing(I.ARTICLE, form=form)
        return Routing(I.LOOKUP, fallback=unread, form=form)
    best = order[0]
    alternative = next((i for i in order[1:3] if scores[i] >= scores[best] - AMBIGUITY
                        and (i in TEXT_INTENTS) != (best in TEXT_INTENTS)), None)
    return Routing(best, form=form, alternative=alternative)


def _without_people(text: str, scan: Scan, lexicon: Lexicon | None) -> str:
    """``text`` without the names of the people of the lexicon it names (the lexicon is read
    only when a word looks like a name, as everywhere else: it is large on a big Comune)."""
    if lexicon is None or not name_candidates(scan, []):
        return text
    from ordina.query.subjects import lexicon_matches

    spans = sorted((scan.norm.original_pos(m.start), scan.norm.original_pos(m.end))
                   for m in lexicon_matches(scan, lexicon)
                   if any(e.kind == "person" for e in m.entries))
    for start, end in reversed(spans):
        text = text[:start] + " " + text[end:]
    return text


def _explicit(scan: Scan, refs: list[str]) -> str | None:
    """What the words say outright: "cerca …", "chi cita l'art. 19", "mostra l'art. 17"."""
    ref_items = [i for i in scan.items if i.kind == "ref" and not _external_law(scan, i)]
    first = scan.items[0] if scan.items else None
    search_cue = scan.cue("SEARCH_KW")
    if search_cue is not None and (search_cue is first or " " in search_cue.text.strip()):
        return I.SEARCH  # "cerca …", "trova …": a search asked for in words
    if refs and scan.has("CITE"):
        return _cite_intent(scan, ref_items) or I.ARTICLE
    if refs and scan.has("SHOW"):
        return I.ARTICLE
    return None


def _grammar_reading(scan: Scan, refs: list[str]) -> tuple[str, bool]:
    """The intent the grammar's cues suggest, and whether none did (a prior for the router)."""
    search_cue = scan.cue("SEARCH_KW")
    rules: list[tuple[Callable[[], bool], str]] = [
        (lambda: scan.has("HIGHER_DUTIES"), I.HIGHER_DUTIES),
        (lambda: scan.has("SUBSTITUTE"), I.SUBSTITUTE),
        (lambda: bool(scan.search(_WHO_IS_AWAY)), I.ABSENCES),
        (lambda: scan.has("COMPETENT") and (
            scan.has("WHO", "WHO_IS", "WHAT") or not scan.has("PERMIT")), I.COMPETENT),
        (lambda: scan.has("WHO") and bool(scan.term_values("matter"))
         and not _has_topic(scan), I.COMPETENT),
        (lambda: scan.has("NUCLEO"), I.EVALUATION_BOARD),
        (lambda: scan.has("COLLABORATION"), I.COLLABORATION),
        (lambda: scan.has("EXCELLENCE"), I.EXCELLENCE_BONUS),
        (lambda: scan.has("ECON_PROGRESSION"), I.ECONOMIC_PROGRESSION),
        (lambda: scan.has("CAREER_PROGRESSION"), I.CAREER_PROGRESSION),
        (lambda: scan.has("POSITION_PAY") and not scan.has("SUBSTITUTE")
         or scan.has("GRADUATION") and scan.has("PMAX"), I.POSITION_PAY),
        (lambda: scan.has("MILEAGE") or bool(scan.of_kind("km")) or scan.has("PETROL")
         and scan.has("KM"), I.MILEAGE),
        (lambda: scan.has("MOBILITY") and (
            scan.has("RANKING", "EXPERIENCE", "INTERVIEW", "SALARY_POINTS")
            or bool(scan.of_kind("points"))), I.MOBILITY_RANKING),
        (lambda: scan.has("MOBILITY") or scan.has("OUTGOING") and scan.has("PERMIT"),
         I.MOBILITY_OUT),
        (lambda: scan.has("RANKING") and scan.has("EXPERIENCE", "INTERVIEW"),
         I.MOBILITY_RANKING),
        (lambda: scan.has("DEADLINE") or scan.has("WHEN") and (
            scan.has("EXPIRE") or bool(scan.term_values("deadline_kind"))), I.DEADLINE),
        (lambda: scan.has("EXPIRE") and bool(scan.term_values("deadline_kind"))
         and not scan.has("ASSIGNMENT"), I.DEADLINE),
        (lambda: scan.has("EXPIRE") and bool(scan.search(r"\b(?:richiest|request)")),
         I.OVERDUE_REQUESTS),  # "richieste scadute": the requests past their answer term
        (lambda: scan.has("EXPIRE"), I.EXPIRING_ASSIGNMENTS),
        (lambda: scan.has("EVALUATION"), I.EVALUATION),
        (lambda: _fixed_term_contract(scan), I.FIXED_TERM_CONTRACT),
        (lambda: scan.has("INCOMPAT") and bool(scan.term_values("kinship")
                                                or scan.term_values("ambiguous_kinship"))
         and not _has_topic(scan), I.FIXED_TERM_CONTRACT),
        (lambda: scan.has("PART_TIME") and not _has_topic(scan)
         and not scan.has("OBLIGATIONS"), I.PART_TIME),
        (lambda: scan.has("APPOINT") and (_appointment_role(scan) or bool(
            scan.of_kind("category"))) and not _has_topic(scan), I.AREA_HEAD_APPOINTMENT),
        (lambda: scan.has("PERMIT") and _appointment_role(scan) and not _has_topic(scan)
         and bool(scan.search(r"(?<![\w'])(?:essere|diventare|fare|become|be)(?![\w'])")),
         I.AREA_HEAD_APPOINTMENT),
        (lambda: scan.has("INCOMPAT") and not _has_topic(scan), I.INCOMPATIBILITY),
        (lambda: scan.has("OBLIGATIONS") and not (
            scan.has("PERMIT") and _has_topic(scan)), I.OBLIGATIONS),
        (lambda: _has_topic(scan) and (
            scan.has("PERMIT", "INCOMPAT") or scan.has("ASSIGNMENT") and bool(
                scan.of_kind("amount"))), I.EXTERNAL_ASSIGNMENT),
        (lambda: scan.has("PERMIT") and bool(scan.term_values("activity_kind")),
         I.EXTERNAL_ASSIGNMENT),
        (lambda: scan.has("WHO_IS"), I.WHO),
        (lambda: bool(refs), I.ARTICLE),
        (lambda: scan.has("SHOW") and scan.has("ARTICOLO", "ALLEGATO"), I.SEARCH),
    ]
    for test, intent in rules:
        if test():
            return intent, False
    if scan.has("SHOW") or search_cue is not None:
        return I.SEARCH, False
    return I.SEARCH, True


def _search_text(scan: Scan, intent_fallback: bool) -> str:
    """What to search: the words after "cerca", or the question's content words."""
    cue = scan.cue("SEARCH_KW")
    if cue is not None and not intent_fallback:
        text = scan.norm.original[scan.norm.original_pos(cue.end):]
    else:
        cue = scan.cue("SHOW")
        if cue is not None and not intent_fallback:
            text = scan.norm.original[scan.norm.original_pos(cue.end):]
        else:
            text = scan.norm.original
    words = re.findall(r"[^\W_]+(?:[''][^\W_]+)?", text)
    content = [w for w in words if w.lower() not in NOT_NAMES or len(words) <= 2]
    result = " ".join(content) if content else " ".join(words)
    return result.strip()


#: Between a kinship word and the name it governs: "la moglie *di* Rossi", "*del* Galli".
_KIN_LINK = re.compile(r"^\s*(?:di|del|della|dello|dell'|of)\s+(?:(?:il|la|lo|sig\.?|dott\.?)\s+)?"
                       r"(?:[^\W\d_]+\s+)?$")


def _kin_governs(scan: Scan, kin: tuple[int, int], name: str) -> bool:
    """Whether the kinship words name a relative of ``name`` ("la moglie di Rossi",
    "Mario Rossi's wife"), not the person named themselves ("Galli, nipote del vicesindaco")."""
    from ordina.query.wording import fold_text

    folded = scan.lower
    at = folded.find(fold_text(name))
    if at < 0:
        return False
    end = at + len(fold_text(name))
    if at >= kin[1] and _KIN_LINK.match(folded[kin[1]:at]):
        return True
    return end <= kin[0] and bool(re.match(r"^\s*'s\s+(?:[a-z]+\s+)?$", folded[end:kin[0]]))


def _language(scan: Scan) -> str:
    english = len(_ENGLISH.findall(scan.lower))
    italian = len(_ITALIAN.findall(scan.lower))
    return "en" if english > italian else "it"


def interpret(scan: Scan, lexicon: Lexicon, today: date,
              stated: frozenset[str] = frozenset(),
              prefer: frozenset[str] = frozenset()) -> Query:
    """Build the :class:`Query` of a parsed question.

    :param stated: the facts given apart from the question (``--fact``): they are the
        figures a check computes with, so the question is about a case.
    :param prefer: the intents whose checks read those facts.
    """
    refs = _refs(scan)
    routing = route(scan, refs, lexicon, stated, prefer)
    intent = routing.intent
    query = Query(text=scan.norm.original, intent=intent, fallback=routing.fallback,
                  lang=_language(scan), form=routing.form, alternative=routing.alternative)
    if refs:
        query.ref = refs[0]
    if lexicon is not None and name_candidates(scan, []):
        query.names = people_words(scan, lexicon)
    if intent in (I.LOOKUP, I.STRUCTURE):
        query.search_text = _search_text(scan, True) or None
        if intent == I.LOOKUP and routing.form == "chi":
            # "a febbraio 2027 chi compone il nucleo?": who holds the office then
            period = find_period(scan.norm.original, today)
            if period is not None:
                query.as_of = period.start
        if intent == I.LOOKUP and name_candidates(scan, []):
            # "entro che giorno rispondiamo a Ricci?": the rule, and Ricci's rows after it
            # (the names are read only when a word looks like one)
            subject, _clar = find_subject(scan, lexicon, False, [], prefer_staff=True)
            if subject is not None and subject.kind in ("person", "unit") and subject.key:
                query.subject = subject
                query.clarifications = [c for c in _clar if not c.options]  # "Ho inteso…"
        return query
    if intent == I.SEARCH:
        query.search_text = _search_text(scan, routing.fallback) or None
        if not routing.fallback:
            query.ref = None
        return query
    if intent in (I.ARTICLE, I.REFS, I.CITED_BY):
        return query

    facts, clarifications, kin_spans = extract_facts(scan, intent, today)
    if (intent == I.REMAINING_CAP and "compensation" in facts
            and query.form not in ("quanto", "quanti")):
        # "già autorizzati 3.500: me ne autorizzano un altro da 1.500?" asks whether a new
        # incarico fits: the external-assignment check weighs it against what is left
        intent = query.intent = I.EXTERNAL_ASSIGNMENT
        facts, clarifications, kin_spans = extract_facts(scan, intent, today)
    wants_name = intent in NEEDS_SUBJECT or intent in (I.COMPETENT, I.EXTERNAL_ASSIGNMENT,
                                                       I.PART_TIME, I.MOBILITY_OUT)
    skip = list(kin_spans)
    if intent == I.AREA_HEAD_APPOINTMENT:
        # "responsabile di area" is the post being given, not who it is given to
        skip += [(t.start, t.end) for t, v in scan.offices() if v == "responsabile_area"]
    if intent == I.HIGHER_DUTIES:
        # "la Lodi al posto della Romano": the duties are the Lodi's, of the Romano's post
        away = stood_in_for(scan, lexicon)
        skip += away
        replaced = _the_one_person(scan, lexicon, away[0]) if len(away) == 1 else None
        if replaced is not None:
            facts["replaced_person_id"] = replaced
    if intent == I.SUBSTITUTE and query.form == "sino":
        # "Rossi è in ferie: diamo l'interim alla Romano?" asks of the Romano, not of Rossi
        away = stood_in_for(scan, lexicon)
        skip += away
        if not away and people_named(scan, lexicon) > 1:
            query.form = None  # who would get the interim is not told: no one's case decided
    # "chi è Galli?" lists the namesakes; "il part-time della Lodi" is about the Lodi on the
    # staff, since only an employee can be the subject of those questions
    staff_only = intent in STAFF_ONLY_INTENTS or intent in (I.OBLIGATIONS, I.COMPETENT) or (
        intent == I.WHO and bool(scan.search(_EMPLOYMENT_WORDS)))
    subject, subject_clar = find_subject(scan, lexicon, wants_name, skip,
                                         prefer_staff=staff_only)
    if subject is not None and subject.kind == "person" and kin_spans:
        query.relative_of_subject = _kin_governs(scan, kin_spans[0], subject.text)
    if subject is None and kin_spans:
        from ordina.query.model import Subject

        start, end = kin_spans[0][0], max(e for _s, e in kin_spans)
        subject = Subject("generic", scan.norm.original_span(start, end))
    if intent == I.KINSHIP:
        # "il Galli dei vigili e il vicesindaco Galli": the look-up reads every namesake and
        # keeps the employee and the politician, so no one is asked which Galli is meant
        subject_clar = [c for c in subject_clar if not c.options]
    query.subject = subject
    query.clarifications = subject_clar + clarifications
    for item in scan.items:
        if item.kind == "bad_date" or (item.kind == "date" and resolve_date(item, today) is None):
            query.clarifications.append(Clarification(
                "date", f"La data «{scan.norm.original_span(item.start, item.end)}» non "
                        "esiste: quale data intendi? (per esempio 12/03/2026)"))
    collab = collaboration_number(scan.norm.original)
    if collab is not None:
        facts["collaboration_number"] = collab
    period = find_period(scan.norm.original, today) if intent in PERIOD_INTENTS else None
    day_named = find_period(scan.norm.original, today) if period is None else period
    waiting_since = day_named is not None and _since_a_past_day(scan.norm.original, day_named,
                                                                today)
    if waiting_since:
        period = None  # "la richiesta è ferma dal 1 ottobre": the case's day, asked today
    if period is not None:
        query.as_of = facts["date"] = period.start
        if not period.single_day:
            facts["period_end"] = period.end
    elif intent in AS_OF_INTENTS and not waiting_since:
        dates = [resolve_date(i, today) for i in scan.items
                 if i.kind == "date" or (i.kind == "duration" and i.value[2])]
        dates = [d for d in dates if d is not None]
        if dates:
            query.as_of = dates[0]
            facts["date"] = dates[0]
        if intent == I.EXPIRING_ASSIGNMENTS:
            window = [i for i in scan.items if i.kind == "duration" and not i.value[2]]
            if window:
                amount, unit, _ = window[0].value
                facts["days"] = int(amount * {"days": 1, "weeks": 7, "months": 30,
                                              "years": 365}[unit])
    named = _names_someone(subject) or bool(subject_clar) or (
        intent == I.WHO and _asks_the_parts(query.text))  # "quante aree ha il comune?"
    if intent == I.WHO and subject is not None and subject.kind == "office":
        named = scan.has("WHO_IS")  # "chi è il segretario?", not "chi può … ai responsabili?"
    if intent in (I.WHO, I.COMPETENT) and not named and not (
            intent == I.COMPETENT and facts.get("matter")) or (
            intent in (I.OBLIGATIONS, I.INCOMPATIBILITY, I.REMAINING_CAP) and subject is None
            and not subject_clar and not (
                intent == I.REMAINING_CAP and "annual_base_salary" in facts
                and "already_authorised_this_year" in facts)):
        # "chi approva la dotazione organica?": nobody of the Comune is named, so it asks
        # what the regulation says: a rule look-up; so does "chi può impartire direttive ai
        # responsabili?", which asks who may act, not who holds an office ("chi è…"); a
        # salary alone asks the cap, which the look-up computes on the comma itself, while a
        # salary with what is already authorised asks what is left (the cap's own look-up)
        return Query(text=query.text, intent=I.LOOKUP, lang=query.lang, form=query.form,
                     search_text=_search_text(scan, True) or None)
    for_all = intent in ANSWERED_FOR_ALL and bool(scan.search(_ABSENT_WORDS))
    if subject is None and intent in NEEDS_SUBJECT and not for_all:
        query.clarifications.append(Clarification(
            "subject", _SUBJECT_QUESTIONS.get(intent, "Di chi parli?")))
    if subject is not None and subject.kind == "office" and facts.get("profile") == subject.key:
        facts.pop("profile")  # "il segretario" is who the question is about, not a profile
    query.facts = {k: v for k, v in facts.items() if v is not None}
    return query


_SUBJECT_QUESTIONS = {
    I.SUBSTITUTE: "Chi deve essere sostituito? Indica una persona, un'area o un ufficio "
                  "(per esempio «il segretario» o «l'area tecnica»).",
    I.OBLIGATIONS: "Di chi vuoi conoscere gli obblighi? (una persona o un ufficio)",
    I.INCOMPATIBILITY: "Di chi vuoi verificare le incompatibilità?",
    I.WHO: "Di chi o di quale ufficio parli?",
}
