"""Parentele tra il personale e gli organi politici, dal database (art. 54 c. 2).

«Che parentela c'è tra il Galli dei vigili e il vicesindaco?», «quali dipendenti sono parenti
di assessori o consiglieri?»: the family links on record, with the degree the civil code
gives them (artt. 74-78 c.c., computed by ``ordina.store.kinship``). Art. 54 c. 2 bars
«gli incarichi di cui al precedente articolo» (the fixed-term contracts of art. 53) to the
cohabitants, kin up to the fourth degree and in-laws up to the second of the Sindaco, the
Assessori and the Consiglieri (its numbers have their home in ``checks/tempo_determinato.py``):
each link says whether it falls within those limits and whether the employee holds such a
contract. It does not reach an ordinary employment. A list: it decides nothing.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from ordina.engine import Context, Lookup, Outcome
from ordina.engine.offices import question_date
from ordina.formato import data
from ordina.hookspecs import hookimpl
from ordina.plugins import import_path
from ordina.store.office_queries import public_copy_lacks

_TD = import_path(Path(__file__).with_name("tempo_determinato.py"), "ordina_checks")
PARENTI = _TD.GRADO_PARENTELA  # art. 54 c. 2: «parenti fino al quarto grado civile»
AFFINI = _TD.GRADO_AFFINITA  # art. 54 c. 2: «affini fino al secondo grado»
CITE = PARENTI.cite
#: Limits of how an answer is shown, not numbers of the regulation.
NON_NORMATIVI = ("MAX_RIGHE",)
MAX_RIGHE = 30

#: The political offices art. 54 c. 2 names, and the words a question names them with.
OFFICE_WORDS = (
    ("vice_sindaco", re.compile(r"\b(?:vice ?sindac\w*|vice-sindac\w*|deputy mayor)\b")),
    ("sindaco", re.compile(r"(?<!vice)(?<!vice )(?<!vice-)\b(?:sindac\w*|mayor)\b")),
    ("assessore", re.compile(r"\b(?:assessor\w*|giunta|cabinet)\b")),
    ("consigliere", re.compile(r"\b(?:consiglier\w*|consiglio comunale|councillors?|"
                               r"council members?)\b")),
)
_ALL_POLITICS = re.compile(r"\b(?:politic\w*|amministrator\w* (?:comunal\w*|local\w*)|"
                           r"organi di governo|eletti|elected|giunta|cabinet)\b")
_GIUNTA = re.compile(r"\b(?:giunta|cabinet)\b")


def _asked_offices(text: str) -> set[str]:
    asked = {office for office, words in OFFICE_WORDS if words.search(text)}
    if _GIUNTA.search(text):
        asked |= {"sindaco", "vice_sindaco", "assessore"}
    return asked


def _holders(db: Any, offices: set[str], on: date, text: str) -> dict[int, str]:
    """person id -> offices held, of the political offices asked (an assessore's brief,
    "al bilancio", narrows them)."""
    from ordina.store import queries as q
    from ordina.store.vocab import OFFICES, label

    out: dict[int, list[str]] = {}
    for office in sorted(offices):
        rows = q.office_holders(db, office, on)
        briefed = [h for h in rows if h.role and any(
            w in text for w in re.findall(r"\w{5,}", h.role.lower()))]
        for h in briefed or rows:
            role = f" ({h.role})" if h.role else ""
            out.setdefault(h.person_id, []).append(f"{label(OFFICES, office)}{role}")
    return {pid: ", ".join(v) for pid, v in out.items()}


def _within(link: Any) -> bool:
    """Whether the link is one art. 54 c. 2 names."""
    from ordina.store.kinship import AFFINITA, CONVIVENZA, PARENTELA

    if link.relation == PARENTELA:
        return (link.degree or 0) <= PARENTI.value
    if link.relation == AFFINITA:
        return (link.degree or 0) <= AFFINI.value
    return link.relation == CONVIVENZA


def _contract(db: Any, pid: int, on: date) -> str | None:
    from ordina.store import queries as q

    job = q.employment(db, pid, on)
    return None if job is None else job.contract


def _line(db: Any, staff: int, politic: int, offices: str, link: Any, on: date,
          english: bool) -> str:
    """One link, as what the employee is to the politician (``link`` is read from the
    politician: its term names the employee)."""
    from ordina.store import queries as q

    who, other = q.person(db, staff), q.person(db, politic)
    contract = _contract(db, staff, on)
    if not _within(link):
        tail = ("beyond the degrees of art. 54 c. 2" if english else
                "oltre i gradi dell'art. 54 c. 2")
    elif contract == "art110":  # art. 53 c. 1: the contracts «di cui al precedente articolo»
        tail = ("within art. 54 c. 2: **no art. 53 fixed-term contract may go to them**, and "
                "they hold one now (art. 110 TUEL)" if english else
                "entro l'art. 54 c. 2: **non gli si può conferire un incarico a tempo "
                "determinato dell'art. 53**, e ne ha uno in corso (art. 110 TUEL)")
    elif contract == "determinato":
        tail = ("within art. 54 c. 2, and on a fixed-term contract: check whether it is one of "
                "art. 53" if english else
                "entro l'art. 54 c. 2, e con un contratto a tempo determinato: va verificato "
                "se è uno di quelli dell'art. 53")
    else:
        tail = ("within art. 54 c. 2, which bars only the fixed-term contracts of art. 53: "
                "their employment is not touched" if english else
                "entro l'art. 54 c. 2, che vieta solo gli incarichi a tempo determinato "
                "dell'art. 53: il suo rapporto di lavoro non ne è toccato")
    of = "of" if english else "di"
    return (f"- **{who.name if who else staff}** — {link.describe()} {of} "
            f"**{other.name if other else politic}** ({offices}); {tail}")


def kinship(query: Any, ctx: Context) -> Outcome:
    """The family links between the staff and the political offices the question names."""
    if ctx.db is None:
        return Outcome(None, "Per leggere le parentele serve il database del personale.",
                       (CITE,))
    lacks = public_copy_lacks(ctx.db, "family_links")
    if lacks:
        return Outcome(None, lacks, (CITE,))
    from ordina.store import queries as q

    db, on = ctx.db, question_date(query, ctx)
    english = getattr(query, "lang", "it") == "en"
    text = str(getattr(query, "text", "")).lower()
    named: set[int] = set()
    for name in dict.fromkeys(getattr(query, "names", ()) or ()):
        named |= {p.id for p in q.find_people(db, name, limit=10)}
    subject = getattr(query, "subject", None)
    if getattr(subject, "kind", None) == "unit" and str(getattr(subject, "key", "")).isdigit():
        head = q.unit_head(db, int(subject.key), on)  # "il responsabile dell'area vigilanza"
        if head is not None:
            named.add(head.person_id)
    asked = _asked_offices(text)
    every_office = {"sindaco", "vice_sindaco", "assessore", "consigliere"}
    political = _holders(db, every_office, on, "")
    politics = {pid: political[pid] for pid in named if pid in political}
    if asked:
        politics.update(_holders(db, asked, on, text))
    elif not politics:
        politics = political  # none named: every office art. 54 c. 2 names
    staff = {pid for pid in named if pid not in politics and q.employment(db, pid, on)}
    if not staff:  # "quali dipendenti sono parenti di…?": every employee
        staff = {job.person_id for job in q.employees(db, on)}
    lines = []
    for politic in sorted(politics):
        for link in q.relatives(db, politic, on):
            if link.relative_id in staff:
                lines.append(_line(db, link.relative_id, politic, politics[politic], link, on,
                                   english))
    limits = (f"Art. 54 c. 2 bars the fixed-term contracts of art. 53 to the cohabitants, kin up "
              f"to the {PARENTI.value}th degree and in-laws up to the {AFFINI.value}nd of the "
              "Sindaco, the Assessori and the Consiglieri." if english else
              f"L'art. 54 c. 2 vieta gli incarichi a tempo determinato dell'art. 53 ai "
              f"conviventi, ai parenti fino al {PARENTI.value}° grado e agli affini fino al "
              f"{AFFINI.value}° grado del Sindaco, degli Assessori e dei Consiglieri.")
    if not lines:
        listed = [f"{q.person(db, pid).name} ({offices})" for pid, offices in
                  sorted(politics.items())[:3]]
        more = len(politics) - len(listed)
        who = "; ".join(listed)
        if more > 0:
            who += f" and {more} more" if english else f" e altri {more}"
        asked_staff = named & staff
        whom = (", ".join(q.person(db, pid).name for pid in sorted(asked_staff))
                if asked_staff else ("the staff" if english else "il personale"))
        none = (f"No family link on record on {data(on)} between {whom} and {who}."
                if english else
                f"Nel database, al {data(on)}, non risulta alcun legame familiare tra "
                f"{whom} e {who}.")
        return Outcome(None, f"{none} {limits}", (CITE,))
    shown = lines[:MAX_RIGHE] + ([f"- … e altri {len(lines) - MAX_RIGHE}"]
                                 if len(lines) > MAX_RIGHE else [])
    head = (f"**Family links on record on {data(on)}** ({len(lines)}, {CITE}, from the database):"
            if english else
            f"**Legami familiari registrati al {data(on)}** ({len(lines)}, {CITE}, dal "
            "database):")
    return Outcome(None, "\n".join([head, *shown, "", limits]), (CITE,))


PARENTELE = Lookup(
    id="parentele.organi_politici",
    title="Parentele tra il personale e gli organi politici (art. 54 c. 2)",
    citations=(CITE,),
    intents=("kinship",),
    run=kinship,
    kind="lookup",
)


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """The family links between the staff and the Sindaco, Assessori and Consiglieri."""
    return [PARENTELE]
