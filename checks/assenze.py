"""Chi è assente a una data o in un periodo (art. 81; art. 17 c. 1 per i responsabili).

«Chi è assente oggi?», «who is off from 10 to 20 June?», «a Natale quali responsabili
mancano?»: every absence on record that overlaps the day or period, with its kind and days,
the unit of whoever is away and, for the head of a unit, who holds it ad interim. Who
grants each kind of absence is the comma cited: holidays and permits by the responsabili
(art. 81 c. 1), sickness, maternity and leave by the personnel office (art. 81 c. 2).
"""

from __future__ import annotations

import re
from typing import Any

from ordina.answer import TraceStep
from ordina.engine import Context, Lookup, Outcome
from ordina.engine.offices import question_date, question_end, resolve_target
from ordina.hookspecs import hookimpl
from ordina.query.periods import describe
from ordina.store.office_queries import AbsentPerson, absences_between, public_copy_lacks
from ordina.store.queries import heads_on, interims_on
from ordina.store.vocab import ABSENCE_KINDS

#: The longest period answered (a year and a day).
MAX_PERIOD_DAYS = 366
#: At most this many absences are listed by name; the others are counted.
MAX_RIGHE = 40
#: Limits of how an answer is shown, not numbers of the regulation.
NON_NORMATIVI = ("MAX_PERIOD_DAYS", "MAX_RIGHE")

#: Who grants each kind of absence, when the regulation says it.
_GRANTED = {"ferie": "art. 81 c. 1", "permesso": "art. 81 c. 1"}
_PERSONNEL_OFFICE = "art. 81 c. 2"
#: "quali responsabili mancano?", "which heads are away?": only the heads of units.
_HEADS_ONLY = re.compile(r"\b(?:responsabil[ei]|capi|capo area|capi area|titolari|po|eq|"
                         r"heads?|managers?)\b", re.IGNORECASE)

#: A kind of absence the question names ("chi è in ferie?"): only those are listed.
_KIND_WORDS = (
    (re.compile(r"\b(?:ferie|holidays?|vacation)\b", re.IGNORECASE), ("ferie",)),
    (re.compile(r"\b(?:malattia|malat\w*|infortun\w*|sick\w*|ill|injur\w*)\b", re.IGNORECASE),
     ("malattia", "infortunio")),
    (re.compile(r"\b(?:maternit\w*|paternit\w*|congedo parentale|parental|maternity|"
                r"paternity)\b", re.IGNORECASE), ("maternita", "paternita", "congedo_parentale")),
    (re.compile(r"\b(?:aspettativa|unpaid leave)\b", re.IGNORECASE), ("aspettativa",)),
    (re.compile(r"\b(?:permess\w*)\b", re.IGNORECASE), ("permesso",)),
)

_WORDS = {
    "it": {"title": "Assenti {when}", "none": "Nessuna assenza registrata {when}.",
           "open": "senza termine registrato",
           "interim": "ad interim **{who}**",
           "no_interim": "nessun interim: può essere affidato ad interim a un altro titolare di "
                         "posizione organizzativa, che individua il Sindaco (art. 17 c. 1, "
                         "art. 17 c. 3)",
           "head": "responsabile di {unit}", "more": "… e altre {n} assenze",
           "heads_only": " tra i responsabili"},
    "en": {"title": "Absent {when}", "none": "No absence on record {when}.",
           "open": "no end recorded",
           "interim": "acting head **{who}**",
           "no_interim": "no acting head: the Mayor may name another PO holder ad interim "
                         "(art. 17 c. 1, art. 17 c. 3)",
           "head": "head of {unit}", "more": "… and {n} more absences",
           "heads_only": " among the heads"},
}


def _kind(kind: str) -> str:
    term = ABSENCE_KINDS.get(kind)
    return term.label if term is not None else kind.replace("_", " ")


def _cite(kind: str) -> str | None:
    """The comma saying who grants it: holidays and permits c. 1; sickness, injury, the
    maternity and parental leaves, aspettative c. 2; nothing for an unnamed kind."""
    if kind == "altro" or kind not in ABSENCE_KINDS:
        return None
    return _GRANTED.get(kind, _PERSONNEL_OFFICE)


def _line(a: AbsentPerson, headed: list[tuple[str, str | None]], w: dict[str, str],
          english: bool) -> str:
    first = a.first_day.strftime("%d/%m/%Y")
    days = (describe(a.first_day, a.last_day, english) if a.last_day
            else (f"from {first}, " if english else f"dal {first}, ") + w["open"])
    units = [u for u, _i in headed]
    where = ", ".join(w["head"].format(unit=u) for u in units) if units else a.unit
    text = f"- **{a.name}**" + (f" ({where})" if where else "") + f": {_kind(a.kind)} {days}"
    for unit, interim in headed:
        text += ("; " + (f"{unit}: " if len(headed) > 1 else "")
                 + (w["interim"].format(who=interim) + " (art. 17 c. 1)" if interim
                    else w["no_interim"]))
    return text


def absent(query: Any, ctx: Context) -> Outcome:
    """Who is absent on the question's day or in its period, heads with their interim."""
    if ctx.db is None:
        return Outcome(None, "Per sapere chi è assente serve il database.", (_PERSONNEL_OFFICE,))
    english = getattr(query, "lang", "it") == "en"
    w = _WORDS["en" if english else "it"]
    first = question_date(query, ctx)
    last = question_end(query, first, MAX_PERIOD_DAYS) or first
    lacks = public_copy_lacks(ctx.db, "absences")
    if lacks:
        return Outcome(None, lacks, (_PERSONNEL_OFFICE,))
    rows = absences_between(ctx.db, first, last)
    heads, interims = heads_on(ctx.db, first), interims_on(ctx.db, first)
    headed: dict[int, list[tuple[str, str | None]]] = {}
    for unit_id, holding in heads.items():
        interim = interims.get(unit_id)
        headed.setdefault(holding.person_id, []).append(
            (holding.unit_name or str(unit_id), interim.person_name if interim else None))
    subject = getattr(query, "subject", None)
    target = resolve_target(ctx.db, subject, first) if subject is not None else None
    if target and target[0] == "persona":
        rows = [a for a in rows if a.person_id == target[1]]
    elif target and target[0] == "unita":
        rows = [a for a in rows if a.unit == target[2]
                or any(u == target[2] for u, _i in headed.get(a.person_id, ()))]
    text = getattr(query, "text", "") or ""
    kinds = {k for pattern, named in _KIND_WORDS if pattern.search(text) for k in named}
    if kinds:
        rows = [a for a in rows if a.kind in kinds]
    heads_only = bool(_HEADS_ONLY.search(text))
    if heads_only:
        rows = [a for a in rows if a.person_id in headed]
    when = describe(first, last, english)
    if kinds:
        when += " (" + ", ".join(sorted(_kind(k) for k in kinds)) + ")"
    if not rows:
        said = w["none"].format(when=when + (w["heads_only"] if heads_only else ""))
        asked = tuple(dict.fromkeys(c for k in sorted(kinds) if (c := _cite(k))))
        return Outcome(None, said, asked or (_PERSONNEL_OFFICE,), data={"assenti": []})
    lines = [_line(a, headed.get(a.person_id, []), w, english) for a in rows]
    if len(lines) > MAX_RIGHE:
        lines = [*lines[:MAX_RIGHE], w["more"].format(n=len(lines) - MAX_RIGHE)]
    cites = list(dict.fromkeys(c for a in rows if (c := _cite(a.kind))))
    if any(headed.get(a.person_id) for a in rows):
        cites.append("art. 17 c. 1")
    if any(interim is None for a in rows for _u, interim in headed.get(a.person_id, ())):
        cites.append("art. 17 c. 3")
    title = w["title"].format(when=when) + (w["heads_only"] if heads_only else "")
    steps = (TraceStep("Ferie e permessi li concedono i responsabili della struttura; quelli "
                       "dei responsabili, il Segretario.", "art. 81 c. 1"),
             TraceStep("Le assenze per malattia o infortunio, le astensioni per maternità e le "
                       "aspettative sono di competenza del responsabile del personale.",
                       _PERSONNEL_OFFICE))
    return Outcome(None, f"**{title}**:\n" + "\n".join(lines), tuple(cites or [_PERSONNEL_OFFICE]),
                   steps, data={"assenti": [a.name for a in rows]})


ASSENZE = Lookup(
    id="assenze.elenco",
    title="Chi è assente a una data o in un periodo",
    citations=("art. 81 c. 1", "art. 81 c. 2", "art. 17 c. 1"),
    intents=("absences",),
    run=absent,
    kind="calculation",
)


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """Who is absent on a date or in a period (art. 81, 17)."""
    return [ASSENZE]
