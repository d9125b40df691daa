"""Who holds the offices a quoted comma names, in this Comune on the date.

"Il ruolo di presidente è ricoperto dal Segretario" (art. 37 c. 2) is the rule; the office
wants to know that the Segretario is Francesco Esposito. The offices are read from the
quote with the same synonyms questions use (:data:`ordina.query.vocabulary.OFFICES`); the
holders come from the personnel database as of the date.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ordina.query.vocabulary import OFFICES
from ordina.query.wording import fold_text

#: Offices held by one person, whose holder a look-up names (query key -> database code).
SINGLE_OFFICES = {"segretario": "segretario", "vice_segretario": "vice_segretario",
                  "sindaco": "sindaco", "rpc": "rpc",
                  "responsabile_personale": "responsabile_personale",
                  "datore_di_lavoro": "datore_lavoro"}
#: Offices held by several people, named in a quote by these words (database code, label).
GROUP_OFFICES = (("delegazione trattante", "componente_delegazione",
                  "Delegazione trattante di parte pubblica"),
                 ("responsabili dei servizi", "responsabile_servizio", "Responsabili dei Servizi"),
                 ("prevenzione e protezione", "rspp",
                  "Responsabile del servizio di prevenzione e protezione"),
                 ("nucleo di valutazione", "componente_nucleo", "Nucleo di valutazione"))
#: Offices whose holders stay on after their term until they are replaced (code -> citation):
#: the Nucleo's members «restano in carica fino al rinnovo del nucleo» (art. 38 c. 1).
STAY_UNTIL_RENEWED = {"componente_nucleo": "art. 38 c. 1"}
_AREA_RE = re.compile(r"\bresponsabile dell'\s?(area [a-z/ ]+?)(?=[,.;:]| il | la | che | e | su | per "
                      r"| in | con | entro | nei | nel |$)")


def holders_note(quote: str, db: Any, on: date, english: bool = False) -> str:
    """"Al 23/11/2026 il Segretario comunale è Francesco Esposito." for the offices named."""
    from ordina.store import queries as q

    if db is None or not quote:
        return ""
    folded = fold_text(quote)
    found: list[str] = []
    for key, code in SINGLE_OFFICES.items():
        label, words = OFFICES[key]
        if not any(re.search(rf"(?<![\w]){re.escape(fold_text(w))}(?![\w])", folded)
                   for w in words if len(w) > 3):
            continue
        if key == "segretario" and "vice segretario" in folded and folded.count(
                "segretario") == folded.count("vice segretario"):
            continue
        holders = _safely(lambda c=code: q.office_holders(db, c, on))
        if holders:
            names = ", ".join(h.person_name for h in holders)
            found.append(f"{label}: **{names}**")
    for words, code, label in GROUP_OFFICES:
        if words not in folded:
            continue
        holders = _safely(lambda c=code: q.office_holders(db, c, on))
        staying = ""
        if not holders and code in STAY_UNTIL_RENEWED:
            holders = _safely(lambda c=code: q.last_term_holders(db, c, on))
            if holders:
                staying = _staying(holders[0].valid_to, STAY_UNTIL_RENEWED[code], english)
        elif holders:
            staying = _term(holders, code, english)
        if holders:
            names = ", ".join(h.person_name + (f" ({h.role})" if h.role else "")
                              for h in holders)
            found.append(f"{label}: **{names}**{staying}")
    if "dotazione organica" in folded:
        found += _vacancies(db, on)
    for name in dict.fromkeys(m.group(1).strip() for m in _AREA_RE.finditer(folded)):
        units = _safely(lambda n=name: q.find_units(db, n, on=on, limit=1))
        if not units and "/" in name:  # «Area Economico/Finanziaria»: either name
            for part in name.removeprefix("area ").split("/"):
                units = units or _safely(lambda n=part: q.find_units(db, f"area {n}", on=on,
                                                                     limit=1))
        if units:
            head = _safely(lambda u=units[0]: q.acting_head(db, u.id, on))
            if head is not None:
                found.append(f"Responsabile dell'{units[0].name}: **{head.person_name}**"
                             + (" (ad interim)" if head.ad_interim else ""))
    if not found:
        return ""
    when = on.strftime("%d/%m/%Y")
    head = f"In this Comune on {when}" if english else f"Nel Comune al {when}"
    return f"{head}: " + "; ".join(found) + "."


#: A quote naming the head of the employee's own area ("il responsabile dell'Area presso cui
#: il dipendente è incaricato", "i titolari di Posizione Organizzativa valutano i dipendenti
#: assegnati all'area", "la competenza … è dei responsabili di area").
_HEAD_OF_ONES_AREA = re.compile(
    r"\b(?:responsabil[ei] (?:dell'\s?area|di area|delle aree|al quale)|"
    r"titolar[ei] di posizione organizzativa|posizione organizzativa nel(?:la)? quale|"
    r"responsabile della struttura)\b")


def area_head_note(quote: str, subject: Any, db: Any, on: date, english: bool = False) -> str:
    """Who the head the quote names is for the person or unit the question names: "Per
    Davide Ricci (Area Vigilanza) al 23/11/2026: **Paolo Galli**"."""
    from ordina.store import queries as q

    if db is None or subject is None or subject.key is None or not quote:
        return ""
    folded = fold_text(quote)
    if not _HEAD_OF_ONES_AREA.search(folded) or _AREA_RE.search(folded.replace(
            "responsabili di area", "")):
        return ""  # no head relative to the case, or an area the quote names itself
    try:
        key = int(subject.key)
    except (TypeError, ValueError):
        return ""
    if subject.kind == "person":
        job = _safely(lambda: q.employment(db, key, on))
        unit_id = job.unit_id if job is not None else None
    elif subject.kind == "unit":
        unit_id = key
    else:
        return ""
    area = next((u for u in _safely(lambda: q.unit_ancestors(db, unit_id)) or ()
                 if u.kind == "area"), None) if unit_id is not None else None
    if area is None:
        return ""
    head = _safely(lambda: q.acting_head(db, area.id, on))
    if head is None:
        return ""
    when = on.strftime("%d/%m/%Y")
    interim = (" (acting)" if english else " (ad interim)") if head.ad_interim else ""
    name = f"**{head.person_name}**{interim}"
    if subject.kind == "unit" and area.id == unit_id:  # the area asked about itself
        return (f"On {when} the head of the {area.name} is {name}." if english else
                f"Al {when} il Responsabile dell'{area.name} è {name}.")
    who = subject.name or subject.text
    return (f"For {who} ({area.name}) on {when}, the head of the area is {name}." if english
            else f"Per {who} ({area.name}) al {when} il Responsabile dell'Area è {name}.")


def _term(holders: list[Any], code: str, english: bool) -> str:
    """" (nominati fino al 31/12/2026)" when every holder's term ends on one day (the stay
    until renewal is said only once the term is over: :func:`_staying`)."""
    from ordina.formato import data, ultimo_giorno

    ends = {h.valid_to for h in holders}
    if len(ends) != 1 or None in ends:
        return ""
    last = data(ultimo_giorno(ends.pop()))
    return f" (appointed until {last})" if english else f" (nominati fino al {last})"


def _staying(valid_to: str | None, citation: str, english: bool) -> str:
    """" (term ended on 31/12/2026: in office until renewed, art. 38 c. 1)"."""
    from ordina.formato import data, ultimo_giorno

    last = data(ultimo_giorno(valid_to)) if valid_to else "?"
    return (f" (term ended on {last}, no renewal recorded: they stay in office until the "
            f"renewal, {citation})" if english else
            f" (nomina scaduta il {last}, nessun rinnovo registrato: restano in carica fino "
            f"al rinnovo, {citation})")


def _vacancies(db: Any, on: date) -> list[str]:
    """The posts of the dotazione organica nobody holds on ``on`` (from the database)."""
    from ordina.store import queries as q

    posts = _safely(lambda: q.vacant_posts(db, on))
    if posts is None:
        return []
    if not posts:
        return ["posti vacanti della dotazione organica: **nessuno**"]
    units = {u.id: u.name for u in _safely(lambda: q.units(db, on)) or ()}
    shown = [f"{p.code} {p.profile} ({p.category}"
             + (f", {units[p.unit_id]}" if p.unit_id in units else "") + ")"
             for p in posts[:MAX_POSTS]]
    more = f" e altri {len(posts) - MAX_POSTS}" if len(posts) > MAX_POSTS else ""
    return [f"posti vacanti della dotazione organica ({len(posts)}): **" + "; ".join(shown)
            + f"**{more}"]


#: At most this many vacant posts are named; the others are counted.
MAX_POSTS = 10


def _safely(call):
    """A database read, or nothing on a copy without those tables (the public copy)."""
    import sqlite3

    from ordina.errors import UserError

    try:
        return call()
    except (sqlite3.Error, UserError):
        return None
