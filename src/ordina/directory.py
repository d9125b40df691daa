"""Plain look-ups of the personnel database for ``ordina ask``: who is who, what expires.

These are not rules (nothing is decided): they show what the database says on a date.
``ordina ask`` uses them only when no check plugin answers the intent, so a Comune's
own plugin can replace them.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ordina.answer import Answer
from ordina.formato import ultimo_giorno
from ordina.orgchart import areas_text, parts_text
from ordina.query import intents as I
from ordina.query.model import Query
from ordina.query.vocabulary import store_office_code
from ordina.query.wording import asks_the_parts, fold_text
from ordina.store.vocab import ABSENCE_KINDS, HEAD_OFFICES, label
from ordina.termini import ORE_SETTIMANALI

#: Who heads a unit, by its kind: Areas have Responsabili titolari di PO (art. 10 c. 1),
#: Servizi have responsabili chosen by the Area's (art. 10 c. 3).
UNIT_HEAD_CITATIONS = {"area": "art. 10 c. 1", "servizio": "art. 10 c. 3",
                       "ufficio": "art. 9 c. 5", "unita_progetto": "art. 11 c. 1"}
#: An absent or vacant head replaced by another PO holder (art. 17 c. 1).
INTERIM_CITATION = "art. 17 c. 1"
#: The Sindaco names the substitute (art. 17 c. 3).
SUBSTITUTE_CITATION = "art. 17 c. 3"

#: Default window of "incarichi in scadenza", in days.
EXPIRING_DAYS = 90


def answer_lookup(query: Query, db: Any, on: date) -> Answer | None:
    """The answer to a ``who`` or ``expiring_assignments`` question, or None for others."""
    if db is None:
        return None
    if query.intent == I.WHO:
        return _who(query, db, on)
    if query.intent == I.EXPIRING_ASSIGNMENTS:
        return _expiring(query, db, on)
    return None


def _when(on: date) -> str:
    return on.strftime("%d/%m/%Y")


def _who(query: Query, db: Any, on: date) -> Answer:
    from ordina.store import queries as q

    subject = query.subject
    english = query.lang == "en"
    text = ("Whom do you mean? Name a person, an area or an office." if english else
            "Di chi parli? Indica una persona, un'area o un ufficio.")
    citations: list[str] = []
    parts_asked = asks_the_parts(query.text)
    unnamed = subject is None or subject.kind not in ("person", "unit", "office") or (
        subject.kind == "person" and not subject.key)  # "How many Areas…?": no one's name
    if unnamed and parts_asked:  # "quante aree ha il comune e quali sono?"
        text, citations = areas_text(db, on, english)
        return Answer(query=query.text, intent=query.intent, answer=text, kind="lookup",
                      citations=citations)
    if subject is None:
        return Answer(query=query.text, intent=query.intent, answer=text)
    name = subject.name or subject.text
    if subject.kind == "person":
        people = ([q.person(db, int(subject.key))] if subject.key and subject.key.isdigit()
                  else q.find_people(db, name, limit=5))
        people = [p for p in people if p is not None]
        if not people:
            hint = q.suggest_people(db, name)
            if english:
                text = f"Nobody matches «{name}»" + (
                    f"; did you mean: {', '.join(hint)}?" if hint else ".")
            else:
                text = f"Nessuna persona corrisponde a «{name}»" + (
                    f"; forse cercavi: {', '.join(hint)}." if hint else ".")
        else:
            job_asked = bool(_ASKS_THE_JOB.search(fold_text(query.text)))
            cards = [_person_card(db, p, on, job_asked, english) for p in people[:3]]
            text = "\n\n".join(card for card, _ in cards)
            citations = list(dict.fromkeys(c for _, cites in cards for c in cites))
    elif subject.kind == "unit":
        units = ([q.unit(db, int(subject.key))] if subject.key and subject.key.isdigit()
                 else q.find_units(db, name, on=on, limit=1))
        units = [u for u in units if u is not None]
        if not units:
            text = (f"No unit matches «{name}» on {_when(on)}." if english else
                    f"Nessuna unità corrisponde a «{name}» al {_when(on)}.")
        elif parts_asked and units[0].kind == "ente":
            text, citations = areas_text(db, on, english)
        else:
            text, citations = _unit_head_text(db, units[0], on, english)
            if parts_asked:  # "quali servizi ci sono nell'Area Amministrativa?"
                parts, cites = parts_text(db, units[0], on, english)
                text = f"{parts}\n\n{text}"
                citations = [*cites, *(c for c in citations if c not in cites)]
            if _ASKS_THE_STAFF.search(fold_text(query.text)):
                staff, cite = _staff_text(db, units[0], on, english)
                text = f"{staff}\n\n{text}"
                citations = [cite, *citations]
    elif subject.kind == "office" and subject.key:
        text, citations = _office_text(db, subject.key, name, on, english)
    return Answer(query=query.text, intent=query.intent, answer=text, kind="lookup",
                  citations=citations)


#: A question about a person's category or profile ("che categoria e profilo ha?").
_ASKS_THE_JOB = re.compile(r"\b(?:categori\w*|profil\w*|inquadrat\w*|category|grade|job "
                           r"title|profile)\b")
#: A question about who works in a unit, or how many ("chi lavora", "quanti dipendenti").
_ASKS_THE_STAFF = re.compile(
    r"\b(?:quant[ie] (?:persone|dipendenti|addetti|impiegati)|chi (?:ci )?lavora\w*|"
    r"chi (?:sono|c'e)|assegnat[ie]|in servizio|organico|who works|who is in|"
    r"elenco (?:del personale|dei dipendenti)|(?:personale|dipendenti) (?:dell'|del |della )|"
    r"how many (?:employees|staff|people)|staff of|headcount|staff list|list of (?:the )?staff|"
    r"(?:which|what) (?:staff|employees|people) work)\b")
#: At most this many of a unit's staff are named; the others are counted.
MAX_STAFF_NAMED = 10
#: The Area's head assigns its staff to its units (the comma a staff list rests on).
STAFF_CITATION = "art. 9 c. 6"


def _staff_text(db: Any, unit: Any, on: date, english: bool) -> tuple[str, str]:
    """"Area Amministrativa al 23/11/2026: 5 dipendenti (dal database): …" and its comma."""
    from ordina.store import queries as q

    staff = q.unit_staff(db, unit.id, on)
    shown = [f"**{name}** ({job.category}"
             + (f", {job.unit_name}" if job.unit_name and job.unit_name != unit.name else "")
             + (f", part-time {job.part_time_pct}%" if job.part_time_pct < 100 else "") + ")"
             for name, job in staff[:MAX_STAFF_NAMED]]
    more = len(staff) - len(shown)
    if english:
        tail = f" and {more} more" if more > 0 else ""
        count = f"{len(staff)} employee" + ("s" if len(staff) != 1 else "")
        return (f"{unit.name} on {_when(on)}: {count} (from the database)"
                + (": " + "; ".join(shown) + tail if shown else "") + "."), STAFF_CITATION
    tail = f" e altri {more}" if more > 0 else ""
    count = f"{len(staff)} dipendent" + ("e" if len(staff) == 1 else "i")
    return (f"{unit.name} al {_when(on)}: {count} (dal database)"
            + (": " + "; ".join(shown) + tail if shown else "") + "."), STAFF_CITATION


#: Who appoints an office, as the comma that says it: the answer names them too.
APPOINTED_BY = {"rspp": ("datore_lavoro", "art. 83 c. 3"),
                "vice_segretario": ("sindaco", "art. 7 c. 2")}
#: Offices that head a unit, and the comma that sets them over it (art. 10).
UNIT_OFFICE_CITATIONS = {"responsabile_area": "art. 10 c. 1",
                         "responsabile_servizio": "art. 10 c. 3"}


def _holder_words(holder: Any, ente: str | None, english: bool = False) -> str:
    """ "**Marta Villa** (fino al 31/07/2027; Nomina del …)"; the Comune itself is not
    named as the office's unit."""
    details = [d for d in (holder.role, holder.unit_name if holder.unit_name != ente
                           else None) if d]
    if holder.ad_interim:
        details.append("ad interim, art. 17 c. 1")
    if holder.valid_to:
        details.append(f"{'until' if english else 'fino al'} {_when(ultimo_giorno(holder.valid_to))}")
    if holder.act:
        details.append(holder.act)
    return f"**{holder.person_name}**" + (f" ({'; '.join(details)})" if details else "")


def _office_text(db: Any, key: str, name: str, on: date,
                 english: bool = False) -> tuple[str, list[str]]:
    """Who holds the office on ``on``, with role, term and act, and who appointed them."""
    from ordina.store import queries as q
    from ordina.store.vocab import OFFICES

    code = store_office_code(key)
    holders = q.office_holders(db, code, on)
    term = OFFICES.get(code)
    citations = [term.citation] if term is not None and term.citation else []
    if not holders:
        return (f"On {_when(on)} nobody holds the office of {name}." if english else
                f"Al {_when(on)} nessuno ricopre l'ufficio di {name}."), citations
    ente = q.ente(db).get("nome")
    names = ", ".join(_holder_words(h, ente, english) for h in holders)
    text = (f"{holders[0].office_label} on {_when(on)} (from the database: offices): {names}."
            if english else
            f"{holders[0].office_label} al {_when(on)} (dal database: incarichi): {names}.")
    if code in UNIT_OFFICE_CITATIONS:
        citations.append(UNIT_OFFICE_CITATIONS[code])
    if any(h.ad_interim for h in holders):
        citations.append(INTERIM_CITATION)
    if code in APPOINTED_BY:
        by, cite = APPOINTED_BY[code]
        appointers = q.office_holders(db, by, on)
        by_label = OFFICES[by].label if by in OFFICES else by
        if appointers:
            text += (f" {'Appointed by' if english else 'Nomina'}: {by_label} ({cite}), "
                     + ", ".join(f"**{h.person_name}**" for h in appointers) + ".")
        citations.append(cite)
    return text, list(dict.fromkeys(citations))


def _head_words(db: Any, unit: Any, on: date,
                english: bool = False) -> tuple[str | None, list[str]]:
    """Who heads ``unit`` on ``on``, in words that follow "la dirige" ("ad interim **Laura
    Bianchi** …: il titolare **Anna Neri** è assente …"), and the commi it rests on; None
    when nobody is named. ``english``: the same words in English."""
    from ordina.store import queries as q

    cites = [UNIT_HEAD_CITATIONS.get(unit.kind, "art. 10 c. 1")]
    titular = q.unit_head(db, unit.id, on)
    interim = q.interim_for(db, unit.id, on)
    away = (q.absences(db, titular.person_id, on)
            if titular is not None and q.has_personal_data(db) else [])
    if titular is None and interim is None:
        return None, cites
    if titular is not None and not away:
        around = _absence_around(db, unit, titular, on, english)
        if around:
            cites.append(INTERIM_CITATION)
        return f"**{titular.person_name}**{around}", cites
    cites.append(INTERIM_CITATION)
    until, kind = "", ""
    if titular is not None:
        absence = away[0]
        kind = label(ABSENCE_KINDS, absence.kind)
        if absence.valid_to:
            last = _when(ultimo_giorno(absence.valid_to))
            until = f" until {last}" if english else f" fino al {last}"
        why = (f"the titular head **{titular.person_name}** is absent ({kind}{until}, from "
               "the database: absences)" if english else
               f"il titolare **{titular.person_name}** è assente "
               f"({kind}{until}, dal database: assenze)")
    else:
        why = "the post is vacant" if english else "il posto è vacante"
    if interim is not None:
        act = f" ({interim.act})" if interim.act else ""
        return f"ad interim **{interim.person_name}**{act} (art. 17 c. 1): {why}", cites
    # the titular stays the head while absent; with nobody named in their place, say so
    if english:
        who = (f"**{titular.person_name}**, titular but absent ({kind}{until}, from the "
               "database: absences)" if titular is not None else f"nobody: {why}")
    else:
        who = (f"**{titular.person_name}**, titolare ma assente ({kind}{until}, dal database: "
               "assenze)" if titular is not None else f"nessuno: {why}")
    if unit.kind != "area":
        return (f"{who}, and no substitute is named" if english else
                f"{who}, e non è nominato un sostituto"), cites
    cites.append(SUBSTITUTE_CITATION)
    if english:
        return (f"{who}, and no interim is named: the post can be given ad interim to another "
                "holder of a posizione organizzativa (art. 17 c. 1), chosen by the Sindaco "
                "(art. 17 c. 3)"), cites
    return (f"{who}, e non è nominato un interim: l'incarico può essere affidato ad interim a "
            "un altro titolare di posizione organizzativa (art. 17 c. 1), che individua il "
            "Sindaco (art. 17 c. 3)"), cites


#: An absence of the head this close to the date is told with the answer ("rientrata il…").
NEAR_ABSENCE_DAYS = 31


def _absence_around(db: Any, unit: Any, titular: Any, on: date, english: bool = False) -> str:
    """" (rientrata il 01/09/2027 da congedo parentale; fino ad allora ad interim **Laura
    Bianchi**, art. 17 c. 1)" when the head's absence ended or starts within a month."""
    from datetime import timedelta

    from ordina.store import queries as q

    if not q.has_personal_data(db):
        return ""
    for absence in q.absence_history(db, titular.person_id):
        start = date.fromisoformat(absence.valid_from)
        end = date.fromisoformat(absence.valid_to) if absence.valid_to else None
        kind = label(ABSENCE_KINDS, absence.kind)
        if end is not None and on - timedelta(days=NEAR_ABSENCE_DAYS) < end <= on:
            interim = q.interim_for(db, unit.id, end - timedelta(days=1))
            if english:
                by = (f"; until then ad interim **{interim.person_name}**, art. 17 c. 1"
                      if interim is not None else "")
                return f" (back on {_when(end)} from {kind}{by})"
            by = (f"; fino ad allora ad interim **{interim.person_name}**, art. 17 c. 1"
                  if interim is not None else "")
            return f" (rientro il {_when(end)} da {kind}{by})"
        if on < start <= on + timedelta(days=NEAR_ABSENCE_DAYS):
            return (f" (absent from {_when(start)} for {kind}: see art. 17 c. 1)" if english
                    else f" (assente dal {_when(start)} per {kind}: vedi art. 17 c. 1)")
    return ""


def _unit_head_text(db: Any, unit: Any, on: date,
                    english: bool = False) -> tuple[str, list[str]]:
    """Who heads the unit on ``on``, absences and interims included; a Servizio without a
    head answers to its Area's (art. 10 c. 3)."""
    from ordina.store import queries as q

    gone = _outside_its_life(unit, on, english)
    if gone:
        return gone, [UNIT_KIND_CITATIONS.get(unit.kind, UNIT_HEAD_CITATIONS["area"])]
    who, cites = _head_words(db, unit, on, english)
    if who is not None:
        life = _its_end(unit, english)
        if english:
            return f"{unit.name}: on {_when(on)} {_headed_by(who)}.{life}", cites
        return f"{unit.name}: al {_when(on)} {_dirige(who)}.{life}", cites
    parent = q.unit(db, unit.parent_id) if unit.parent_id else None
    above, above_cites = (_head_words(db, parent, on, english)
                          if parent is not None and unit.kind in ("servizio", "ufficio")
                          else (None, []))
    both = cites + [c for c in above_cites if c not in cites]
    if above is not None and unit.kind == "servizio":
        # art. 10 c. 3: the Area's head names the Servizio's; until then the Servizio
        # answers to the Area's head (art. 10 c. 1: the Area's head is its PO holder)
        if english:
            return ((f"{unit.name}: on {_when(on)} it has no head of servizio; the head of "
                     f"the {parent.name} answers for it (art. 10 c. 1) and must appoint one "
                     f"(art. 10 c. 3). The {parent.name} {_headed_by(above)}."), both)
        return ((f"{unit.name}: al {_when(on)} non ha un responsabile di servizio; ne "
                 f"risponde il responsabile dell'{parent.name} (art. 10 c. 1), che deve "
                 f"individuarlo (art. 10 c. 3). L'{parent.name} {_dirige(above)}."), both)
    if above is not None:
        # an Ufficio is a unit inside its Servizio (art. 9 c. 5): with no head of its
        # own, it is run within the Servizio, whose head answers for it
        if english:
            return ((f"{unit.name}: on {_when(on)} it has no head of its own; it is a unit of "
                     f"the {parent.name} (art. 9 c. 5), headed by {above}."), both)
        return ((f"{unit.name}: al {_when(on)} non ha un responsabile proprio; è "
                 f"un'unità del {parent.name} (art. 9 c. 5), di cui è responsabile {above}."),
                both)
    if english:
        return f"{unit.name}: on {_when(on)} nobody heads it: the post is vacant.", cites
    return f"{unit.name}: al {_when(on)} non la dirige nessuno: il posto è vacante.", cites


def _outside_its_life(unit: Any, on: date, english: bool = False) -> str:
    """ "Unità di progetto PNRR: prevista fino al 31/12/2027 (…): al 01/02/2028 non esiste
    più." when ``on`` falls outside the unit's validity; "" when the unit exists then."""
    start = date.fromisoformat(unit.valid_from) if unit.valid_from else None
    end = date.fromisoformat(unit.valid_to) if unit.valid_to else None
    act = f" ({unit.act})" if unit.act else ""
    if end is not None and on >= end:
        last = _when(ultimo_giorno(unit.valid_to))
        return (f"{unit.name}: it was set up until {last}{act}; on {_when(on)} it no longer "
                "exists." if english else
                f"{unit.name}: prevista fino al {last}{act}; al {_when(on)} non esiste più.")
    if start is not None and on < start:
        return (f"{unit.name}: it exists from {_when(start)}{act}; on {_when(on)} it did not "
                "exist yet." if english else
                f"{unit.name}: istituita dal {_when(start)}{act}; al {_when(on)} non esisteva "
                "ancora.")
    return ""


def _its_end(unit: Any, english: bool = False) -> str:
    """ " The unit is set up until 31/12/2027 (act)." for a unit with an end date."""
    if not unit.valid_to:
        return ""
    act = f" ({unit.act})" if unit.act else ""
    last = _when(ultimo_giorno(unit.valid_to))
    return (f" The unit is set up until {last}{act}." if english else
            f" L'unità è prevista fino al {last}{act}.")


def _dirige(who: str) -> str:
    """ "la dirige **X**", "non la dirige nessuno: …"."""
    return f"non la dirige {who}" if who.startswith("nessuno") else f"la dirige {who}"


def _headed_by(who: str) -> str:
    """ "it is headed by **X**", "nobody heads it: …" (English :func:`_dirige`)."""
    if who.startswith("nobody"):
        return who.replace("nobody", "nobody heads it", 1)
    if who.startswith("ad interim "):
        return f"it is headed ad interim by {who[len('ad interim '):]}"
    return f"it is headed by {who}"


#: What a kind of unit is, by the comma that defines it (a person's card cites it).
UNIT_KIND_CITATIONS = {"area": "art. 9 c. 2", "servizio": "art. 9 c. 4", "ufficio": "art. 9 c. 5",
                       "staff": "art. 9 c. 7", "unita_progetto": "art. 11 c. 1"}


#: A card cites at most this many commi (a look-up's limit).
MAX_CARD_CITATIONS = 5


#: The comma that sets how long a kind of contract may last (art. 110 TUEL contracts end
#: with the Sindaco's mandate).
CONTRACT_CITATIONS = {"art110": "art. 53 c. 4"}
#: The comma on granting a part-time, which a part-timer's card cites.
PART_TIME_CITATION = "art. 80 c. 2"
#: The allegato that describes each category's profiles (a card showing one cites it).
PROFILES_CITATION = "all. C"
#: Where higher duties, and how long they may last, are regulated.
HIGHER_DUTIES_CITATION = "art. 13 c. 1"
#: Outgoing mobility, which a former employee's card cites when the act ending the
#: employment says so.
MOBILITY_OUT_CITATION = "art. 51 c. 1"


def _person_card(db: Any, person: Any, on: date, job_asked: bool = False,
                 english: bool = False) -> tuple[str, list[str]]:
    """Who the person is on ``on``: employment, offices, absence; and the commi that define
    the unit they work in and the offices they hold (``job_asked``: the question asks the
    category or profile, whose allegato comes first). ``english``: the frame in English,
    the names of categories, profiles, units, offices and acts as the database has them."""
    from ordina.store import queries as q
    from ordina.store.vocab import OFFICES

    lines = [f"**{person.name}**"]
    cites: list[str] = []
    extra: list[str] = []
    job = q.employment(db, person.id, on)
    if job is not None:
        lines.append(_job_line(job, english))
        if job.contract in CONTRACT_CITATIONS:  # its end: "non … oltre il mandato del Sindaco"
            cites.append(CONTRACT_CITATIONS[job.contract])
        if not job.full_time:  # how a part-time is granted (art. 80)
            cites.append(PART_TIME_CITATION)
        extra.append(ORE_SETTIMANALI.cite)
        if job.profile and job_asked:
            cites.append(PROFILES_CITATION)
        unit = q.unit(db, job.unit_id) if job.unit_id else None
        if unit is not None and unit.kind in UNIT_KIND_CITATIONS:
            cites.append(UNIT_KIND_CITATIONS[unit.kind])
    holdings = q.offices_of(db, person.id, on)
    for holding in holdings:
        since = _when(date.fromisoformat(holding.valid_from))
        since = f"since {since}" if english else f"dal {since}"
        lines.append(f"- {holding.office_label}"
                     + (f" — {holding.unit_name}" if holding.unit_name else "")
                     + (" (ad interim)" if holding.ad_interim else "")
                     + (f" ({holding.act}, {since}" if holding.act else f" ({since}")
                     + _until(holding.valid_to, english) + ")"
                     + ((" — given by the Sindaco, art. 17 c. 3" if english else
                         " — interim conferito dal Sindaco, art. 17 c. 3")
                        if holding.ad_interim else ""))
        if holding.ad_interim:  # who gives an interim, and for how long (art. 17)
            cites[:0] = [INTERIM_CITATION, SUBSTITUTE_CITATION]
        term = OFFICES.get(holding.office)
        if term is not None and term.citation:
            cites.append(term.citation)
    duties = q.higher_duties(db, person.id, on) if q.has_personal_data(db) else []
    for duty in duties:  # "mansioni superiori di categoria C … fino al 30/04/2027"
        since = _when(date.fromisoformat(duty.valid_from))
        words = (f"- higher duties of category {duty.category} (since {since}"
                 if english else f"- mansioni superiori di categoria {duty.category} (dal {since}")
        lines.append(words + _until(duty.valid_to, english)
                     + (f"; {duty.act}" if duty.act else "")
                     + (", from the database: higher duties)" if english
                        else ", dal database: mansioni superiori)"))
        cites.append(HIGHER_DUTIES_CITATION)
    away = q.absences(db, person.id, on) if q.has_personal_data(db) else []
    if away:
        absence = away[0]
        kind = label(ABSENCE_KINDS, absence.kind)
        last = _when(ultimo_giorno(absence.valid_to)) if absence.valid_to else ""
        if english:
            lines.append(f"- on {_when(on)} absent ({kind})" + (f" until {last}" if last else "")
                         + " (from the database: absences)")
        else:
            lines.append(f"- al {_when(on)} assente ({kind})" + (f" fino al {last}" if last else "")
                         + " (dal database: assenze)")
        for holding in holdings:
            if holding.office in HEAD_OFFICES and holding.unit_id and not holding.ad_interim:
                unit = q.unit(db, holding.unit_id)
                if unit is not None:
                    who, unit_cites = _head_words(db, unit, on, english)
                    lines.append(f"  - {unit.name}: " + (_headed_by(who or "nobody") if english
                                                         else _dirige(who or "nessuno")))
                    cites += unit_cites
    year = _absences_in_year(db, person.id, on, {a.id for a in away}, english)
    if year:
        lines.append(f"- other absences in {on.year}: {year} (from the database: absences)"
                     if english else
                     f"- altre assenze nel {on.year}: {year} (dal database: assenze)")
    if away or year:
        extra.append(ABSENCES_CITE)  # who is competent for them
    if job is None:
        past = q.employment_history(db, person.id)
        ended = [e for e in past if e.valid_to and e.valid_to <= on.isoformat()]
        if ended:
            last = ended[-1]
            lines.append(("- no longer in service: employment ended on " if english else
                          "- non è più in servizio: rapporto cessato il ")
                         + _when(ultimo_giorno(last.valid_to))
                         + (f" ({last.act})" if last.act else "")
                         + (f", {last.unit_name}" if last.unit_name else ""))
            if last.act and "mobilit" in last.act.lower():
                cites.append(MOBILITY_OUT_CITATION)  # «Mobilità in uscita, det. …»
    if len(lines) == 1:
        lines.append(f"- no current employment or office on {_when(on)}" if english else
                     f"- nessun rapporto o ufficio in corso al {_when(on)}")
    # the unit's and the offices' commi first; the hours and absences' after, five at most
    return "\n".join(lines), list(dict.fromkeys(cites + extra))[:MAX_CARD_CITATIONS]


def _job_line(job: Any, english: bool = False) -> str:
    """ "- categoria D1 (…), Istruttore …, Area …, contratto tempo indeterminato, tempo pieno
    (36 ore settimanali)"; ``english``: "- category D1 (…), …, contract tempo indeterminato,
    full time (36 hours a week)", the names as recorded."""
    week = ORE_SETTIMANALI.value
    hours = week * job.part_time_pct / 100
    if english:
        part = (f", full time ({week} hours a week)" if job.full_time
                else f", part-time {job.part_time_pct}% ({hours:g} of {week} hours a week)")
    else:
        part = (f", tempo pieno ({week} ore settimanali)" if job.full_time
                else f", part-time {job.part_time_pct}% ({hours:g} ore settimanali su {week})")
    step = (job.economic_position if job.economic_position
            and job.economic_position != job.category else None)
    return (f"- {'category' if english else 'categoria'} {job.category}"
            + (f" ({job.area})" if job.area else "")
            + ((f", economic step {step}" if english else f", posizione economica {step}")
               if step else "")
            + (f", {job.profile}" if job.profile else "")
            + (f", {job.unit_name}" if job.unit_name else "")
            + ((f", post {job.post_code} (all. A)" if english else
                f", posto {job.post_code} della dotazione organica (all. A)")
               if job.post_code else "")
            + f", {'contract' if english else 'contratto'} {job.contract_label}{part}"
            + (f" ({job.act})" if job.act and not job.valid_to else "")
            + _until(job.valid_to, english, employment=True))


def _until(valid_to: str | None, english: bool = False, employment: bool = False) -> str:
    """ ", fino al 31/08/2027 (termine 01/09/2027)" for a row with an end (the first day it
    no longer runs), "" for one without; an ``employment`` says it is the last day, from
    the database."""
    if not valid_to:
        return ""
    end, last = date.fromisoformat(valid_to), ultimo_giorno(valid_to)
    if english:
        note = "last day; " if employment else ""
        source = ", from the database" if employment else ""
        return f", until {last:%d/%m/%Y} ({note}ends {end:%d/%m/%Y}{source})"
    note = "ultimo giorno; " if employment else ""
    source = ", dal database" if employment else ""
    return f", fino al {last:%d/%m/%Y} ({note}termine {end:%d/%m/%Y}{source})"


#: The comma that says who handles sickness, maternity and leave (ferie: art. 81 c. 1).
ABSENCES_CITE = "art. 81 c. 2"


def _absences_in_year(db: Any, person_id: int, on: date, shown: set[int],
                      english: bool = False) -> str:
    """The person's other absences that touch the calendar year of ``on``, in words:
    "malattia dal 09/02/2026 al 13/02/2026; ferie dal 21/12/2026 al 06/01/2027"
    (``english``: "ferie from 21/12/2026 to 06/01/2027", the kind as recorded)."""
    from ordina.store import queries as q

    if not q.has_personal_data(db):
        return ""
    first = date(on.year, 1, 1).isoformat()
    last = f"{on.year + 1:04d}-01-01"  # compared as text: no date past 9999 is built
    out = []
    for absence in q.absence_history(db, person_id):
        if absence.id in shown or absence.valid_from >= last or (
                absence.valid_to is not None and absence.valid_to <= first):
            continue
        start = _when(date.fromisoformat(absence.valid_from))
        end = (f" {'to' if english else 'al'} {_when(ultimo_giorno(absence.valid_to))}"
               if absence.valid_to else "")
        out.append(f"{label(ABSENCE_KINDS, absence.kind)} {'from' if english else 'dal'} "
                   f"{start}{end}")
    return "; ".join(out)


def _expiring(query: Query, db: Any, on: date) -> Answer:
    """What expires in the window from the date (an office named: its holders' term); an
    English question gets the frame in English, each item as the database words it."""
    from ordina.store import queries as q

    subject = query.subject
    english = query.lang == "en"
    if subject is not None and subject.kind == "office" and subject.key:
        # "quando scade l'incarico dell'RSPP?": the term of that office's holders
        text, citations = _office_text(db, subject.key, subject.name or subject.text,
                                       query.as_of or on, english)
        return Answer(query=query.text, intent=query.intent, answer=text, kind="lookup",
                      citations=citations)

    start = query.as_of or on
    days = int(query.facts.get("days") or EXPIRING_DAYS)
    if query.as_of is not None and "days" not in query.facts and query.as_of.day == 1:
        days = 31  # "a marzo 2027": the whole month
    items = q.expiring(db, start, days)
    if not items:
        text = (f"Nothing expires in the {days} days from {_when(start)}." if english else
                f"Nulla scade tra il {_when(start)} e i {days} giorni successivi.")
    else:
        lines = [f"Expiring in the {days} days from {_when(start)}:" if english else
                 f"In scadenza nei {days} giorni dal {_when(start)}:"]
        for item in items:
            last = date.fromisoformat(item["last_day"])
            lines.append(f"- {_when(last)}: {item['what']}")
        text = "\n".join(lines)
    return Answer(query=query.text, intent=query.intent, answer=text, kind="calculation")
