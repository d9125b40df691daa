"""Facts stated inline in a question, named as in :mod:`ordina.facts`.

"incarico da 1.500 euro, retribuzione base 24.000, già autorizzati 4.000 quest'anno"
gives compensation, annual_base_salary and already_authorised_this_year: each value
is attached to the nearest label cue before it (or just after it: "4.000 già
autorizzati"); values with no label get the default meaning of the intent (the amount
of an external-assignment question is the compensation). Words that settle a boolean
fact ("gratuito", "occasionale", "fornitore") set it; their negations unset it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from ordina import facts as vocab
from ordina.fact_forms import forms as fact_forms
from ordina.limits import add_days, amount_ok, date_in_range
from ordina.query import intents as I
from ordina.query.kinship import compose
from ordina.query.model import Clarification
from ordina.query.parser import Item
from ordina.query.scan import Scan
from ordina.query.surface import (
    doubted_facts,
    find_forms,
    labelled_number_facts,
    negated_choices,
    stated_facts,
)

#: Label cue -> the fact its value fills.
LABELS: dict[str, str] = {
    "COMPENSATION": "compensation",
    "ASSIGNMENT": "compensation",
    "BASE_SALARY": "annual_base_salary",
    "ALREADY": "already_authorised_this_year",
    "THIS_YEAR": "already_authorised_this_year",
    "PMAX": "pmax",
    "GRADUATION": "graduation_G",
    "PETROL": "petrol_price",
    "EXPERIENCE": "experience_points",
    "INTERVIEW": "interview_points",
    "SALARY_POINTS": "salary_points",
    "INCREASE": "interim_increase_percent",
    "ESTABLISHMENT": "staff_establishment",
    "INVITATIONS": "invitations",
    "NOTICE": "notice_days",
    "HIRED": "years_of_service",
    "FILED": "request_date",
    "FIXED_TERM": "fixed_term_count",
    "POSITION_PAY": "position_allowance",
    "EVALUATION": "evaluation_score",
}

VALUE_KINDS = ("amount", "number", "percent", "points", "duration", "date", "km")

#: Which value kinds each labelled fact accepts.
ACCEPTS: dict[str, tuple[str, ...]] = {
    "amount": ("amount", "number"),
    "number": ("number", "points", "amount", "percent"),
    "int": ("number",),
    "percent": ("percent", "number"),
    "date": ("date", "duration"),
}

_CONNECTORS = {"da", "di", "del", "pari", "a", "al", "e", "ed", "of", "is", "per", "con",
               "uguale", "equal", "to", "la", "il", "lo", "l'", "un", "una", "su", "the",
               "sono", "gia", "already", "quest'", "anno", "lordi", "lordo", "annui", "annuo",
               "annua", "circa", "about", "totale", "complessivi", "complessivo"}


def _fact_kinds(name: str) -> tuple[str, ...]:
    fact = vocab.FACTS[name]
    if name in ("years_of_service", "notice_days", "member_experience_years"):
        return ("duration", "number")
    if name in ("request_date", "warning_date", "hire_date", "start_date"):
        return ("date", "duration")
    if name in ("evaluation_score", "graduation_G") or name.endswith("_points"):
        return ("points", "number")
    return ACCEPTS.get(fact.type, ("number",))


#: The verb of "chi autorizza…?", "who authorises…?": what is asked of the matter, not it.
_AUTHORISING_VERB = re.compile(r"^(?:autorizz(?:a|ano|are|ava)|authori[sz]e[sd]?)$",
                               re.IGNORECASE)


def _competent_matter(scan: Scan) -> str | None:
    """The matter of a who-decides question: the longest term, but "chi autorizza il corso?"
    is about the course, the verb only says what is asked."""
    found = scan.term_values("matter")
    named = [(t, v) for t, v in found if not (v == "autorizzazioni" and _AUTHORISING_VERB.match(
        t.text.strip()))]
    if not named:
        return scan.term_value("matter")
    return max(named, key=lambda tv: (len(tv[0].text), -tv[0].start))[1]


def _after(item: Item, today: date) -> bool:
    """The item is a calendar day after ``today``."""
    day = resolve_date(item, today) if item.kind == "date" else None
    return day is not None and day > today


def resolve_date(item: Item, today: date) -> date | None:
    """The calendar date of a date item or an "N giorni fa" duration (None if invalid)."""
    if item.kind == "duration":
        amount, unit, ago = item.value
        if not ago:
            return None
        days = {"days": 1, "weeks": 7, "months": 30, "years": 365}[unit] * amount
        if unit == "years":
            try:
                return today.replace(year=today.year - int(amount))
            except (ValueError, OverflowError):
                return add_days(today, -days)
        return add_days(today, -days)
    if item.kind != "date":
        return None
    kind = item.value[0]
    if kind == "rel":
        return add_days(today, item.value[1])
    _, year, month, day = item.value
    try:
        found = date(year or today.year, month, day)
    except (ValueError, OverflowError):
        return None
    return found if date_in_range(found) else None  # year 9999: no date ordina computes on


def _convert(name: str, item: Item, today: date) -> Any:
    fact = vocab.FACTS[name]
    if item.kind == "date" or (item.kind == "duration" and fact.type == "date"):
        return resolve_date(item, today)
    if item.kind == "duration":
        amount, unit, _ago = item.value
        if name in ("years_of_service", "assignment_years", "member_experience_years"):
            return round(amount * {"years": 1, "months": 1 / 12, "weeks": 7 / 365,
                                   "days": 1 / 365}[unit], 2)
        if name == "higher_duties_months":
            return round(amount * {"years": 12, "months": 1, "weeks": 0.23, "days": 1 / 30}[
                unit])
        return int(amount * {"days": 1, "weeks": 7, "months": 30, "years": 365}[unit])
    value = float(item.value)
    if fact.type == "int":
        return int(value)
    return value


#: "oltre i 6 mesi", "più di 5.000 euro": the number is a bound, the fact lies beyond it.
_ABOVE = re.compile(r"(?:\boltre|\bpiu di|\bpiù di|\bsuperiore a|\bmore than|\bover|"
                    r"\babove|\bbeyond)\s+(?:(?:i|il|le|la|l'|gli|lo|the|a)\s+)?$")
_BELOW = re.compile(r"(?:\bmeno di|\binferiore a|\bless than|\bunder|\bbelow|\bfewer than)"
                    r"\s+(?:(?:i|il|le|la|l'|gli|lo|the|a)\s+)?$")


def _beyond(scan: Scan, item: Item, value: Any) -> Any:
    """A number said as a bound ("oltre i 6 mesi") stands for the first value past it (7),
    so the rules compare what the question means, not the bound it names."""
    before = scan.lower[max(0, item.start - 24):item.start]
    if isinstance(value, date) and item.kind == "duration" and item.value[2]:
        # "più di un mese fa": a day before the month is the latest it can be
        if _ABOVE.search(before):
            return value - timedelta(days=1)
        return value + timedelta(days=1) if _BELOW.search(before) else value
    if not isinstance(value, int | float) or isinstance(value, bool):
        return value
    if _ABOVE.search(before):
        return value + 1
    if _BELOW.search(before) and value > 0:
        return value - 1
    return value


def _in_range(name: str, value: Any) -> bool:
    fact = vocab.FACTS[name]
    if not isinstance(value, int | float) or isinstance(value, bool):
        return value is not None
    if not amount_ok(value):  # a 35-digit amount, inf: no value, so the engine asks
        return False
    if fact.minimum is not None and value < fact.minimum:
        return False
    return not (fact.maximum is not None and value > fact.maximum)


def labelled_values(scan: Scan, today: date, intent: str) -> tuple[dict[str, Any], set[int]]:
    """Values attached to the label cue nearest before them (or right after them)."""
    items = scan.items
    out: dict[str, Any] = {}
    used: set[int] = set()
    labels = [(idx, it) for idx, it in enumerate(items)
              if it.kind == "cue" and it.value in LABELS]
    # a number right after a fact's own words ("comportamenti 15") is that fact's, not the
    # one a cue further back names ("valutazione PO: … comportamenti 15")
    claimed = labelled_number_facts(scan.lower, [it.start for it in items
                                                 if it.kind in VALUE_KINDS])
    for idx, label in labels:
        name = LABELS[label.value]
        if name in out:
            continue
        if label.value == "ASSIGNMENT" and intent not in (I.EXTERNAL_ASSIGNMENT,):
            continue
        if label.value == "FIXED_TERM" and intent != I.FIXED_TERM_CONTRACT:
            continue
        if label.value == "POSITION_PAY" and intent == I.POSITION_PAY:
            continue
        if label.value == "EVALUATION" and intent != I.EVALUATION:
            continue
        kinds = ("amount",) if label.value == "ASSIGNMENT" else _fact_kinds(name)
        # "30 di esperienza, 40 di colloquio": "<value> di <label>" binds backward
        target = None
        if idx >= 2 and items[idx - 1].kind == "word" and \
                items[idx - 1].value.lower() == "di" and items[idx - 2].kind in kinds:
            target = _next_value(items, idx, kinds, used, forward=False)
        if target is None:
            target = _next_value(items, idx, kinds, used, forward=True)
        if target is None:
            target = _next_value(items, idx, kinds, used, forward=False)
        if target is None:
            continue
        if claimed.get(items[target].start, name) != name:
            continue
        if _is_a_year(scan, items[target]) and not name.endswith("_year"):
            continue  # "pesatura 2026": a year, whatever the label before it
        if _a_moment(items[target], name):
            continue  # "tre anni fa": when, not how long
        if items[target].kind == "number" and _is_a_score(name) and _counts_something(
                scan, items[target]):
            continue  # "valutazione … 4 fattori": the figure counts something else
        value = _beyond(scan, items[target], _convert(name, items[target], today))
        if value is None or not _in_range(name, value):
            continue
        if name == "years_of_service" and items[target].kind == "date":
            out["hire_date"] = value
        else:
            out[name] = value
        used.add(target)
    _form_labelled(scan, today, out, used, intent)
    return out, used


def _form_labelled(scan: Scan, today: date, out: dict[str, Any], used: set[int],
                   intent: str = "") -> None:
    """Free values named by a fact's number labels in ``fact_forms.yaml`` ("Pmax 14.000"),
    but not for a fact whose forms name something else in this intent (``intenti_esclusi``)."""
    free = {it.start: idx for idx, it in enumerate(scan.items)
            if it.kind in VALUE_KINDS and idx not in used}
    for pos, name in labelled_number_facts(scan.lower, sorted(free), intent).items():
        if name in out or name not in vocab.FACTS:
            continue
        item = scan.items[free[pos]]
        if item.kind not in _fact_kinds(name):
            continue
        value = _beyond(scan, item, _convert(name, item, today))
        if value is None or not _in_range(name, value):
            continue
        out[name] = value
        used.add(free[pos])


def _next_value(items: list[Item], idx: int, kinds: tuple[str, ...], used: set[int],
                forward: bool) -> int | None:
    step = 1 if forward else -1
    j = idx + step
    gap = 0
    limit = 4 if forward else 2
    while 0 <= j < len(items) and gap <= limit:
        it = items[j]
        if it.kind in VALUE_KINDS:
            if j in used:
                return None
            if it.kind in kinds:
                if it.kind == "duration" and it.value[2] and "date" not in kinds and \
                        "duration" not in kinds:
                    return None
                return j
            return None
        # "già autorizzati 4.000 quest'anno": THIS_YEAR after ALREADY is the same label
        if it.kind == "cue" and it.value in LABELS and not (
                it.value == "THIS_YEAR" or items[idx].value == "THIS_YEAR"):
            return None
        if it.kind == "word" and it.value.lower() not in _CONNECTORS:
            gap += 1
        j += step
    return None


# --------------------------------------------------------------------------- booleans
def booleans(scan: Scan) -> dict[str, bool]:
    """Boolean facts settled by words in the question (negation flips them).

    The surface forms of ``fact_forms.yaml`` state them, with the negation scope of
    :mod:`ordina.query.surface`; the grammar's cues (FREE, COMPENSATION, PUBLISHED,
    INTERNAL) fill in the facts the forms do not state.
    """
    out: dict[str, bool] = {k: v for k, v in stated_facts(scan.lower).items()
                            if isinstance(v, bool)}
    for name, value in list(out.items()):
        if value is True:
            for other, implied in fact_forms(name).implies.items():
                out.setdefault(other, implied)
    free = scan.cue("FREE")
    paid_cue = scan.cue("COMPENSATION")
    if "paid" in out:
        pass
    elif free is not None:
        out["paid"] = scan.negated_before(free.start, 8)
    elif paid_cue is not None:
        out["paid"] = not scan.negated_before(paid_cue.start, 8)
    if scan.has("EXPENSES"):
        out.setdefault("expenses_only", True)
    pub = scan.cue("PUBLISHED")
    if pub is not None and "published" not in out and not scan.search(
            r"(?:avviso|bando|notice)\W+(?:\w+\W+){0,2}pubblicat|pubblicat\w* (?:l' )?avviso"):
        # "un avviso pubblicato 7 giorni" is the notice of art. 64, not the assignment
        out["published"] = not scan.negated_before(pub.start)
    internal = scan.cue("INTERNAL")
    if internal is not None and "internal_resources_checked" not in out:
        if scan.search(r"senza (?:aver(?:e)? )?(?:verificat|accertat)|non (?:e|sono) stat\w* "
                       r"(?:verificat|accertat)"):
            out["internal_resources_checked"] = False
        elif scan.search(r"accertat|verificat|assenza|mancan|non ci sono|non disponibil|"
                         r"nessuna risorsa|checked|no internal"):
            out["internal_resources_checked"] = True
    for name in doubted_facts(scan.lower):
        out.pop(name, None)
    return out


# --------------------------------------------------------------------------- kinship
_LINKS = re.compile(r"^(?:\s|di|del|della|dello|dei|degli|delle|dell'|d'|of|the|a|an|'s|s|un|"
                    r"una|uno|un'|il|lo|la|l'|i|gli|le|mio|mia|suo|sua|nostro|nostra)*$")


#: What may stand between a kin word and whose kin: the degree ("cugino *di primo grado* di
#: un assessore") and a gloss in brackets ("il nipote *(figlio della sorella)* dell'assessore").
_DEGREE_OR_GLOSS = re.compile(r"\([^)]*\)|\b(?:di\s+)?(?:primo|secondo|terzo|quarto|"
                              r"[1-4]\s*°?)\s+grado\b|\b(?:carnal[ei]|germano|germana|"
                              r"prim[oa]|second[oa]|first|second)\b")  # "cugino primo"


def _links(text: str) -> bool:
    """Only small words (and a degree or a gloss) between two parts of a kinship phrase."""
    return bool(_LINKS.match(_DEGREE_OR_GLOSS.sub(" ", text)))


#: The kin of someone without a political office ("di un dipendente", "of a colleague").
_NOT_POLITICAL = re.compile(
    r"\s*(?:di|del|della|dello|dell'|d'|of)\s*(?:un|una|uno|un'|an?|the|il|la|lo|l'|my|mio|"
    r"mia|suo|sua)?\s*(?:(?:altr[oa]|semplice|ordinari[oa]|comune|other|ordinary)\s+)?"
    r"(?:dipendent[ei]|collega|colleghi|impiegat[oa]|funzionari[oa]|segretari[oa]|"
    r"responsabile|employee|colleague|co-?worker|worker|staff member|clerk)\b")


def kinship(scan: Scan) -> tuple[dict[str, Any], list[Clarification], list[tuple[int, int]]]:
    """Kinship chain ("il figlio del cugino dell'assessore"): facts, clarifications, spans."""
    kin_terms = [t for t in scan.terms if t.means("kinship") or t.means("ambiguous_kinship")]
    if not kin_terms:
        return _kinship_kind(scan)
    chain = [kin_terms[0]]
    for term in kin_terms[1:]:
        if _LINKS.match(scan.between(chain[-1].end, term.start)):
            chain.append(term)
        else:
            break
    out: dict[str, Any] = {}
    spans = [(chain[0].start, chain[-1].end)]
    roles = scan.term_values("related_to")
    for term, value in roles:
        after = _links(scan.between(chain[-1].end, term.start)) and term.start >= chain[-1].end
        before = term.end <= chain[0].start and re.match(
            r"^\s*(?:'s|s)\s*(?:[a-z]+\s+)?$", scan.between(term.end, chain[0].start))
        if after or before:
            out["related_to"] = value
            spans.append((term.start, term.end))
            break
    if "related_to" not in out and _NOT_POLITICAL.match(scan.lower[chain[-1].end:]):
        out["related_to"] = "nessuna"  # "il coniuge di un dipendente": art. 54 does not apply
    ambiguous = [t for t in chain if t.means("ambiguous_kinship")]
    if ambiguous:
        term = ambiguous[0]
        options = tuple(term.value("ambiguous_kinship").split("|"))  # type: ignore[union-attr]
        labels = [f"{vocab.KINSHIP[o][0]}, {vocab.KINSHIP[o][1]}° grado" for o in options]
        question = (f"«{scan.norm.original_span(term.start, term.end)}» è ambiguo: intendi "
                    + " oppure ".join(labels) + "?")
        return out, [Clarification("kinship", question, options)], spans
    values = [t.value("kinship") for t in chain]
    result = compose([v for v in values if v])
    out.update(result.facts())
    return out, [], spans


def _kinship_kind(scan: Scan) -> tuple[dict[str, Any], list[Clarification],
                                        list[tuple[int, int]]]:
    """ "un parente del sindaco": the kind of bond (its degree is asked) and whose relative."""
    kinds = [h for h in find_forms(scan.lower) if h.fact == "kinship_kind" and not h.negated]
    if not kinds:
        return {}, [], []
    hit = kinds[0]
    out: dict[str, Any] = {"kinship_kind": hit.value}
    spans = [(hit.start, hit.end)]
    for term, value in scan.term_values("related_to"):
        if term.start >= hit.end and _links(scan.between(hit.end, term.start)):
            out["related_to"] = value
            spans.append((term.start, term.end))
            break
    return out, [], spans


def _with_step(code: str) -> str:
    """ "C" is read as "C1": the category's first step (only its letter is compared)."""
    return code if len(code) == 2 else f"{code}1"


# --------------------------------------------------------------------------- all facts
#: Choice facts with readers of their own (kinship with its relation, the deadline's kind).
_READ_ON_THEIR_OWN = frozenset({"kinship_kind", "deadline_kind"})


def categorical(scan: Scan, intent: str) -> dict[str, Any]:
    """Choice facts named by vocabulary terms and categories."""
    out: dict[str, Any] = {}
    negated = negated_choices(scan.lower)
    forms = stated_facts(scan.lower)  # the phrases with words between ("una causa in corso")
    for name in ("activity_kind", "client_type", "client_relation", "profile"):
        value = scan.term_value(name)
        if value is None and not isinstance(forms.get(name), bool):
            value = forms.get(name)
        if value is not None and name not in negated:
            out[name] = value
    for name, value in forms.items():  # any other choice its forms state ("cittadino svizzero")
        if not isinstance(value, bool) and name not in out and name not in negated \
                and name not in _READ_ON_THEIR_OWN:
            out[name] = value
    # "amministratore di una srl": the srl is the client, and the board seat is for profit
    if intent == I.COMPETENT or intent == I.SUBSTITUTE:
        out.pop("activity_kind", None)
    area = scan.term_value("area")
    if area is not None:
        out["area"] = area
    if scan.term_values("po"):
        out["is_po_holder"] = True
        out.setdefault("area", "funzionari")
    offices = {v for _t, v in scan.offices()}
    if "responsabile_area" in offices:
        out["is_area_head"] = True
        out["is_po_holder"] = True
    categories = scan.of_kind("category")
    if intent == I.HIGHER_DUTIES:
        # "le mansioni (superiori) di categoria C": the category of the duties, not the
        # employee's own
        target = next((it for it in categories if _OF_THE_DUTIES.search(
            scan.lower[max(0, it.start - 40):it.start])), None)
        if target is not None:
            out["target_category"] = target.value if len(target.value) == 2 \
                else f"{target.value}1"
            categories = [it for it in categories if it is not target]
            if not categories and out.get("area") == _AREA_OF_LETTER.get(target.value[:1]):
                out.pop("area")  # read from the same words: the duties' area, not hers
        elif len({it.value[:1] for it in categories}) == 2:
            # "una D in maternità, le sue mansioni a un C?": of two categories the higher is
            # the duties' (only the letter counts, art. 13 c. 1); the other is the employee's
            low, high = sorted(categories, key=lambda it: it.value)[::len(categories) - 1]
            out["target_category"] = _with_step(high.value)
            out["category"] = _with_step(low.value)
            out["area"] = _AREA_OF_LETTER.get(low.value[:1]) or out.get("area")
            if out["area"] is None:
                out.pop("area")
            categories = []
    if categories:
        code = categories[0].value
        if len(code) == 2:
            out["category"] = code
        out.setdefault("area", _AREA_OF_LETTER.get(code[:1], None))
        if out.get("area") is None:
            out.pop("area")
        if len(categories) > 1 and len(categories[1].value) == 2:
            out.setdefault("target_category", categories[1].value)
    if intent == I.COMPETENT:
        matter = _competent_matter(scan)
        if matter is None:
            matter = _matter_from_cue(scan)
        if matter is None and (absence := scan.term_value("absence_kind")) is not None:
            # "Rossi va in ferie: chi deve concedergliele?": the absence is the matter
            matter = "ferie" if absence == "ferie" else "assenze"
        if matter is not None:
            out["matter"] = matter
    if intent in (I.SUBSTITUTE, I.HIGHER_DUTIES):
        absence = scan.term_value("absence_kind")
        if absence is not None:
            out["absence_kind"] = absence
    if intent == I.MILEAGE:
        purpose = scan.term_value("trip_purpose")
        if purpose is not None:
            out["trip_purpose"] = purpose
            out.pop("client_relation", None)  # "controllo" is the trip's purpose here
    if intent == I.DEADLINE:
        kind = scan.term_value("deadline_kind")
        if kind is None and (scan.has("FILED") or scan.search(_AWAITS_AN_ANSWER)):
            kind = "risposta_autorizzazione"
        if kind is not None:
            out["deadline_kind"] = kind
    if intent == I.EVALUATION:
        offices_list = [v for _t, v in scan.offices()]
        if "segretario" in offices_list:
            out["evaluated_role"] = "segretario"
        elif out.get("is_po_holder"):
            out["evaluated_role"] = "po"
        elif scan.has("GENERIC") or scan.search(r"personale|staff"):
            out["evaluated_role"] = "dipendente"
    if scan.has("FULL_TIME"):
        out["part_time_percent"] = 100.0
    return out


_AREA_OF_LETTER = {"A": "operatori", "B": "operatori_esperti", "C": "istruttori",
                   "D": "funzionari"}


def _matter_from_cue(scan: Scan) -> str | None:
    text = scan.cue_text("COMPETENT")
    if scan.has("ASSIGNMENT") or text.startswith(("autorizz", "authori")):
        return "autorizzazioni"
    if text.startswith("pubblica"):
        return "pubblicazione"
    if text.startswith("convoc"):
        return "conferenza"
    if text.startswith(("irroga", "avvia")):
        return "disciplinare"
    if scan.has("NUCLEO"):
        return None
    return None


#: Words that may follow a bare figure that is itself the value ("60 su 100", "8 e 50").
_AFTER_A_VALUE = frozenset({
    "su", "e", "ed", "o", "di", "del", "della", "per", "ma", "in", "nel", "nella", "con", "a",
    "al", "alla", "mi", "ci", "si", "ho", "ha", "hanno", "sono", "e'", "è", "out", "of",
    "and", "or", "on", "at", "for", "but", "is", "was", "what", "quanto", "quanti",
    "cosa", "che", "come", "lordi", "lordo", "netti", "netto", "annui", "annuo", "totali",
})


def _is_a_year(scan: Scan, item: Any) -> bool:
    """A bare four-digit figure between 1990 and 2100 ("nel 2026", "pesatura 2026") is a
    year, not an amount or a count ("2.026 euro" and "2026 €" are amounts)."""
    if item.kind != "number":
        return False
    written = scan.lower[item.start:item.end].strip()
    if not re.fullmatch(r"(?:19|20|21)\d\d", written):
        return False
    return not re.match(r"\s*(?:€|euro|eur\b|km|punti|%)", scan.lower[item.end:])


def _is_a_score(name: str) -> bool:
    """Facts that are points on a card: a bare figure counting other things is none of them
    (a count of contracts, an amount already authorised are what their figures say)."""
    return name in ("evaluation_score", "graduation_G", "total_points") or name.endswith(
        "_points")


#: "ho chiesto il 15 novembre…: se non mi rispondono, la considero accolta?": a request of
#: the employee's that awaits the answer of art. 88 c. 6 (not the Areas' check of art. 63)
_AWAITS_AN_ANSWER = (r"\b(?:ho|abbiamo|ha|hanno) (?:chiesto|richiesto)\b(?!.*professionalit)"
                     r".*\b(?:rispond\w*|risposta|accolt\w*|respint\w*|silenzio)")
#: A question asking the sum of the figures it gives ("quanto fa il totale?", "in tutto?").
_ASKS_A_TOTAL = re.compile(r"\b(?:totale|in tutto|complessiv\w*|somma|total|overall|in all|"
                           r"che punteggio (?:ho|ha|abbiamo|hanno|fa|faccio))\b")


def _counts_something(scan: Scan, item: Any) -> bool:
    """A bare figure right before a noun counts that noun ("4 fattori", "3 componenti"):
    it is not the score or amount a check would read."""
    if re.search(r"\b(?:invece (?:di|del|dei|degli|della|delle|dello)|anziche|anziché|"
                 r"rispetto a(?:i|gli|lle)?|instead of|rather than)(?:\s+(?:i|gli|le|the))?\s*$",
                 scan.lower[:item.start]):
        return True  # "4 fattori invece di 8": the 8 counts fattori too
    after = re.match(r"\s*([^\W\d_]+)", scan.lower[item.end:])
    return bool(after) and after.group(1) not in _AFTER_A_VALUE


def defaults(scan: Scan, intent: str, today: date, used: set[int], out: dict[str, Any]
             ) -> None:
    """Give unlabelled values the meaning they have in this intent."""
    free = [(idx, it) for idx, it in enumerate(scan.items)
            if it.kind in VALUE_KINDS and idx not in used]

    def take(kinds: tuple[str, ...], name: str) -> None:
        if name in out:
            return
        for pos, (idx, it) in enumerate(free):
            if it.kind in kinds:
                if it.kind == "number" and _is_a_score(name) and _counts_something(scan, it):
                    continue  # "4 fattori di valutazione" is no score
                if _is_a_year(scan, it) and not name.endswith("_year"):
                    continue  # "la pesatura 2026" names the year, not an amount
                if _a_moment(it, name):
                    continue  # "tre anni fa" is a moment, not how long
                value = _beyond(scan, it, _convert(name, it, today))
                if value is None or not _in_range(name, value):
                    continue
                out[name] = value
                used.add(idx)
                free.pop(pos)
                return

    percents = [it for _i, it in free if it.kind == "percent"]
    if percents and intent in (I.EXTERNAL_ASSIGNMENT, I.PART_TIME, I.MOBILITY_OUT,
                               I.FIXED_TERM_CONTRACT, I.AREA_HEAD_APPOINTMENT, I.COMPETENT,
                               I.OBLIGATIONS) \
            and "part_time_percent" not in out:
        take(("percent",), "part_time_percent")
    if intent in (I.EXTERNAL_ASSIGNMENT, I.REMAINING_CAP):
        take(("amount",), "compensation")  # "ne chiede uno nuovo da 2.000 euro"
    if intent == I.EXTERNAL_ASSIGNMENT:
        # "già iniziato il 1° novembre" dates the work, not the request: leave it out, the
        # request's own date comes from the row or is asked
        free[:] = [(i, it) for i, it in free if not _dates_a_start(scan, it)]
        # "mi vuole in commissione a dicembre": a day to come is when the work is, no request
        free[:] = [(i, it) for i, it in free if not _after(it, today)]
        take(("date", "duration"), "request_date")
    elif intent == I.POSITION_PAY:
        take(("amount",), "pmax")
        take(("number", "points", "percent"), "graduation_G")
        take(("number",), "pmax")
    elif intent == I.MOBILITY_RANKING:
        take(("points", "number"), "total_points")
    elif intent == I.MOBILITY_OUT:
        take(("duration",), "years_of_service")
        # "è andato via in mobilità ad aprile 2026": the day of the move, up to which the
        # years are counted, not the day of hiring
        moves = [(i, it) for i, it in free if _dates_a_move(scan, it)]
        if moves and "date" not in out:
            out["date"] = _convert("date", moves[0][1], today)
        free[:] = [pair for pair in free if pair not in moves]
        take(("date",), "hire_date")
    elif intent == I.EVALUATION:
        years = re.findall(r"\b(20\d\d)\b", scan.lower)
        if years and "evaluation_year" not in out:
            out["evaluation_year"] = int(years[-1])  # "la valutazione del 2025"
        parts = [it for it in scan.items if it.kind in ("points", "number")
                 and not _is_a_year(scan, it) and not _counts_something(scan, it)]
        if (len(parts) >= 2 and not any(k.startswith("points_") for k in out)
                and _ASKS_A_TOTAL.search(scan.lower)
                and _in_range("evaluation_score", total := sum(float(p.value) for p in parts))):
            # "ho preso 30, 25 e 15: che punteggio ho in totale?" (items the check does not
            # name: named ones are summed by the check, each against its maximum)
            out["evaluation_score"] = total
            free[:] = [(i, it) for i, it in free if it not in parts]
        take(("points", "number", "percent"), "evaluation_score")
        take(("amount",), "result_allowance_max")
    elif intent == I.MILEAGE:
        take(("amount",), "petrol_price")
        take(("number",), "km")
    elif intent == I.COLLABORATION:
        take(("amount",), "contract_amount")
        if stated_facts(scan.lower).get("request_answered") is False:
            # "dopo 10 giorni nessuno ha risposto": the wait of art. 63 c. 3 so far
            durations = [it for _i, it in free if it.kind == "duration" and not it.value[2]]
            if durations and "internal_check_days_waited" not in out:
                out["internal_check_days_waited"] = _convert("days", durations[0], today)
                out.setdefault("internal_check_outcome", "nessuna_risposta")
                # the request of art. 63 is the check of art. 62 c. 2 lett. d, under way
                out.setdefault("internal_resources_checked", True)
    elif intent == I.DEADLINE:
        take(("date", "duration"), "start_date")
        durations = [it for _i, it in free if it.kind == "duration" and not it.value[2]]
        if durations and "days" not in out:
            out["days"] = _convert("days", durations[0], today)
    elif intent == I.HIGHER_DUTIES:
        take(("duration",), "higher_duties_months")
    elif intent == I.AREA_HEAD_APPOINTMENT:
        take(("duration",), "assignment_years")
    elif intent == I.FIXED_TERM_CONTRACT:
        take(("number",), "fixed_term_count")
    elif intent == I.SUBSTITUTE:
        take(("amount",), "position_allowance")
        take(("percent",), "interim_increase_percent")
    for it in [it for _i, it in free if it.kind == "km"]:
        out.setdefault("km", float(it.value))


def extract_facts(scan: Scan, intent: str, today: date
                  ) -> tuple[dict[str, Any], list[Clarification], list[tuple[int, int]]]:
    """All facts the question states, the clarifications they need, and the kinship spans."""
    out: dict[str, Any] = {}
    out.update(categorical(scan, intent))
    labelled, used = labelled_values(scan, today, intent)
    out.update(labelled)
    defaults(scan, intent, today, used, out)
    stated = {k: v for k, v in booleans(scan).items()
              if intent not in fact_forms(k).not_in_intents}
    out.update({k: v for k, v in stated.items() if k not in out})
    if intent == I.EXTERNAL_ASSIGNMENT and out.get("request_answered") is False:
        _days_waited(scan, used, out)
    if intent == I.HIGHER_DUTIES:
        _asked_until(scan, today, out)
    if intent == I.COLLABORATION and out.get("request_answered") is False:
        # "il segretario ha chiesto agli altri resp. 20 giorni fa, nessuno ha risposto": the
        # request is the Segretario's check of the staff within (art. 63 c. 3)
        del out["request_answered"]
        out.setdefault("internal_check_outcome", "nessuna_risposta")
        _days_waited(scan, used, out, "internal_check_days_waited")
    for name in doubted_facts(scan.lower):
        out.pop(name, None)
    if intent == I.EVALUATION and "points_po_rating" in out and not out.get("is_area_head"):
        # "valutazione della PO 9" is the staff card's fourth item (art. 27 c. 2): the one
        # evaluated is an employee, not the PO the words name
        out["evaluated_role"] = "dipendente"
        out.pop("is_po_holder", None)
        if out.get("area") == "funzionari" and not scan.search(
                r"\bfunzionar\w*|\bcat(?:egoria|\.)? ?d\b|\bd[1-7]\b"):
            out.pop("area")  # the area came with the PO's name
    if intent == I.EVALUATION and "evaluated_role" not in out and out.get("is_po_holder"):
        out["evaluated_role"] = "po"  # "resp. area con 72 punti": read from the forms
    # a negated role ("non sono PO") beats the bare word the cues saw
    out.update({k: v for k, v in stated.items() if v is False and out.get(k) is True
                and k in ("is_po_holder", "is_area_head")})
    kin, clarifications, spans = kinship(scan)
    out.update(kin)
    if intent == I.EVALUATION_BOARD and "compensation" in out:
        # "portare il compenso della Marchi a 7.000 euro": a Nucleo member's fee (art. 38 c. 7)
        out.setdefault("nucleo_compensation", out.pop("compensation"))
    if "compensation" in out and out.get("compensation", 0) > 0:
        out.setdefault("paid", True)
    if out.get("activity_kind") == "amministratore_condominio" and scan.search(_MY_CONDOMINIUM):
        out.setdefault("own_condominium", True)  # "amministratore del mio condominio"
    for name, value in list(out.items()):
        if value is True:  # "capo area" is a PO holder, a fee is more than expenses
            for other, implied in fact_forms(name).implies.items():
                out.setdefault(other, implied)
    ids = _assignment_id(scan)
    if ids is not None:
        out["assignment_id"] = ids
    return out, clarifications, spans


#: "del mio condominio", "my own building": the condominium is the employee's (art. 87 c. 2 m).
_MY_CONDOMINIUM = r"\b(?:mio|mia|nostro|proprio) condomin|\bmy (?:own )?(?:condominium|building)\b"


#: "oltre aprile 2027", "fino al 30 giugno", "beyond April 2027": the end a question asks.
_UNTIL = re.compile(r"(?:\boltre|\bdopo|\bfino a|\bfino al|\bfino alla|\bbeyond|\bafter|"
                    r"\buntil|\btill|\bup to)\s+(?:(?:il|la|l'|the|a)\s+)?"
                    r"(?:(?:fine|the end of|end of)\s+(?:di\s+)?)?$")


def _asked_until(scan: Scan, today: date, out: dict[str, Any]) -> None:
    """The day the question wants higher duties to last to: past a month it names ("oltre
    aprile 2027" = from 1 May), or to the day it names ("fino al 30 giugno")."""
    for item in scan.items:
        if item.kind != "date" or not _UNTIL.search(scan.lower[max(0, item.start - 24):
                                                               item.start]):
            continue
        day = resolve_date(item, today)
        if day is None:
            continue
        beyond = re.search(r"(?:oltre|dopo|beyond|after)\s+(?:(?:il|la|l'|the|a)\s+)?$",
                           scan.lower[max(0, item.start - 16):item.start])
        if item.value[0] == "month":
            last = calendar.monthrange(day.year, day.month)[1]
            day = day.replace(day=last)
        out["higher_duties_until"] = day + timedelta(days=1) if beyond else day
        return


def _days_waited(scan: Scan, used: set[int], out: dict[str, Any],
                 name: str = "request_days_waited") -> None:
    """"dopo 30 giorni nessuno mi ha risposto", "20 giorni fa": the days the request has
    waited, when the question gives no date of the request (art. 88 c. 6 counts from it)."""
    if "request_date" in out or name in out:
        return
    for idx, item in enumerate(scan.items):
        if item.kind == "duration" and (idx not in used or item.value[2]) and (
                not item.value[2] or name != "request_days_waited"):
            amount, unit, _ago = item.value
            out[name] = int(amount * {"days": 1, "weeks": 7, "months": 30, "years": 365}[unit])
            used.add(idx)
            return


#: Words right before a category that make it the category of the duties given.
_OF_THE_DUTIES = re.compile(r"\b(?:mansion\w*|duties)(?: \w+){0,2}?\s+(?:di|della|in|of)?\s*"
                            r"(?:cat\.?|categoria|category)?\s*$")


def _a_moment(item: Item, name: str) -> bool:
    """ "tre anni fa", "two years ago": a duration that says when, not how long (the value
    of a date fact, never of a length)."""
    return item.kind == "duration" and bool(item.value[2]) and vocab.FACTS[name].type != "date"


#: Words before a date that make it the day the work started, not the day of the request.
_STARTED = re.compile(r"(?:iniziat[oaie]|cominciat[oaie]|avviat[oaie]|partit[oaie]|started|"
                      r"began|begun|in corso|running)\s+(?:(?:il|dal|dall'|from|on|since)\s+)?$")


#: Words before the date of a move between employers ("andato via ad aprile", "left in").
_MOVED = re.compile(r"(?:andat[oaie] via|uscit[oaie]|trasferit[oaie]|passat[oaie]|"
                    r"lasciat[oaie]|cessat[oaie]|andr[aà] via|andare via|left|moved|"
                    r"transferred|leaves|leaving)\b[^,;?]{0,30}$")


def _dates_a_move(scan: Scan, item: Item) -> bool:
    """The date item follows "è andato via (in mobilità) ad", "left in"."""
    if item.kind != "date":
        return False
    before = scan.norm.original[:scan.norm.original_pos(item.start)].lower()[-50:]
    return bool(_MOVED.search(before))


def _dates_a_start(scan: Scan, item: Item) -> bool:
    """The date item follows "iniziato il", "started on", "in corso dal"."""
    if item.kind != "date":
        return False
    before = scan.norm.original[:scan.norm.original_pos(item.start)].lower()[-40:]
    return bool(_STARTED.search(before))


def _assignment_id(scan: Scan) -> str | None:
    """ "l'incarico 12", "incarico n. 12", "assignment #12"."""
    items = scan.items
    for idx, item in enumerate(items):
        if item.kind == "cue" and item.value == "ASSIGNMENT":
            for nxt in items[idx + 1: idx + 3]:
                if nxt.kind == "number" and float(nxt.value).is_integer():
                    return str(int(nxt.value))
                if not (nxt.kind == "word" and nxt.value.lower() in ("n", "numero", "nr", "no",
                                                                     "num", "id")):
                    break
    return None
