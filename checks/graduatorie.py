"""Gli esiti delle valutazioni di un anno, dal database: graduatoria, soglia, progressioni.

«Chi ha avuto la valutazione più alta nel 2025 tra i dipendenti?», «quali responsabili non
hanno superato i 60 punti?», «per la progressione della categoria B chi è primo?»: the
scorecards on record (allegati E, F, G), ranked by their total. The titolari di posizione
organizzativa get the result allowance only above 60 points (art. 22 c. 2, whose number has
its home in ``checks/valutazione.py``); the economic progressions rank the staff of a
category on the last three years, the last weighing more (art. 32 c. 2, ranked by
``checks/premi.py``). A list: it decides nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ordina.answer import TraceStep
from ordina.engine import Context, Lookup, Outcome
from ordina.engine.offices import question_date
from ordina.formato import punti
from ordina.hookspecs import hookimpl
from ordina.plugins import import_path
from ordina.store.office_queries import public_copy_lacks

_VALUTAZIONE = import_path(Path(__file__).with_name("valutazione.py"), "ordina_checks")
_PREMI = import_path(Path(__file__).with_name("premi.py"), "ordina_checks")
SOGLIA = _VALUTAZIONE.SOGLIA_RISULTATO  # art. 22 c. 2: «superiore a 60 punti»
ANNI = _PREMI.ANNI_PROGRESSIONI  # art. 32 c. 2: «valutazioni degli ultimi 3 anni»

#: The schemes of the allegati: who is evaluated with each, and the comma that says so.
SCHEDE = {
    "F": ("titolari di posizione organizzativa", "position holders", "art. 22 c. 1"),
    "G": ("dipendenti", "employees", "art. 27 c. 2"),
    "E": ("Segretario comunale", "Municipal Secretary", "art. 21 c. 1"),
}
#: Weights of the three years (oldest first) used to show the art. 32 ranking: the text
#: wants the last year to weigh more and fixes no weights, so the ranking is shown with
#: these and checked against others (every year counts: «sulla base delle valutazioni degli
#: ultimi 3 anni», so no weight is zero).
PESI_MOSTRATI = (Decimal(1), Decimal(1), Decimal(2))
PESI_DI_CONTROLLO = ((Decimal(1), Decimal(2), Decimal(3)), (Decimal(1), Decimal(1), Decimal(10)),
                     (Decimal(1), Decimal(1), Decimal("1.01")))
#: Limits of how an answer is shown, not numbers of the regulation.
NON_NORMATIVI = ("PESI_MOSTRATI", "PESI_DI_CONTROLLO", "MAX_RIGHE")
MAX_RIGHE = 30

_PO = re.compile(r"\b(?:p\.?o\.?|e\.?q\.?|posizion\w* organizzativ\w*|elevat\w* qualificazion\w*|"
                 r"responsabil\w*|capi|capo|titolari|area heads?|heads?|position holders?|"
                 r"managers?)\b", re.IGNORECASE)
_STAFF = re.compile(r"\b(?:dipendent\w*|personale|collaborator\w*|non titolar\w*|staff|"
                    r"employees?|workers?)\b", re.IGNORECASE)
_SEGRETARIO = re.compile(r"\b(?:segretari\w*|secretary)\b", re.IGNORECASE)
_PROGRESSION = re.compile(r"\b(?:progression\w*|peo|graduatori\w*|progressioni economiche|"
                          r"pay progression|step progression)\b", re.IGNORECASE)
_CATEGORY = re.compile(r"\b(?:cat\.?|categoria|category)\s*([abcd])\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(20\d\d)\b")


@dataclass(frozen=True)
class Row:
    """One person's scorecard of one year: its total and the two components that break ties
    in the progressions (art. 32 c. 2)."""

    name: str
    scheme: str
    year: int
    total: Decimal
    category: str | None
    skills: Decimal = Decimal(0)
    behaviour: Decimal = Decimal(0)


def _rows(db: Any, years: range) -> list[Row]:
    """The scorecards of ``years``, with each person's name and category at the end of the
    last of them (the one rankings and progressions go by), read in a few queries: a large
    Comune holds hundreds of thousands of scores."""
    from ordina.store import queries as q

    cards = [(year, *card) for year in years for card in q.evaluation_totals(db, year)]
    names = q.names_of(db, (card[1] for card in cards))
    category = {job.person_id: job.category[:1]
                for job in q.employees(db, date(years[-1], 12, 31)) if job.category}
    return [Row(names.get(pid, str(pid)), scheme, year, Decimal(str(total)), category.get(pid),
                Decimal(str(skills)), Decimal(str(behaviour)))
            for year, pid, scheme, total, skills, behaviour in cards]


def _year(query: Any, db: Any, on: date) -> int | None:
    """The year the question names, or the last one on record up to the question's day."""
    from ordina.store.queries import evaluation_years

    facts = getattr(query, "facts", None) or {}
    asked = facts.get("evaluation_year")
    if not isinstance(asked, int):
        found = _YEAR.findall(str(getattr(query, "text", "")))
        asked = int(found[-1]) if found else None
    if asked is not None:
        return asked
    years = [y for y in evaluation_years(db) if y <= on.year]
    return years[-1] if years else None


def _schemes(text: str) -> tuple[str, ...]:
    """The schemes the question asks about (all when it names none)."""
    staff = bool(_STAFF.search(text))
    po = bool(_PO.search(re.sub(r"(?i)non titolar\w* di posizion\w* organizzativ\w*", "", text)))
    asked = tuple(s for s, on in (("F", po), ("G", staff), ("E", bool(_SEGRETARIO.search(text))))
                  if on)
    return asked or tuple(SCHEDE)


def _ranking(rows: list[Row], scheme: str, english: bool) -> list[str]:
    ranked = sorted(rows, key=lambda r: (-r.total, r.name))
    lines = []
    for i, r in enumerate(ranked[:MAX_RIGHE], 1):
        cat = f" (categoria {r.category})" if r.category and scheme == "G" else ""
        mark = ""
        if scheme == "F":
            over = r.total > SOGLIA.value
            mark = (("; over 60: result allowance due" if over else
                     "; **not over 60: no result allowance**") if english else
                    ("; oltre 60: indennità di risultato spettante" if over else
                     "; **non supera 60: nessuna indennità di risultato**"))
            mark += f" ({SOGLIA.cite})"
        lines.append(f"{i}. **{r.name}**{cat}: {punti(r.total)} "
                     f"{'points' if english else 'punti'}{mark}")
    if len(ranked) > MAX_RIGHE:
        lines.append(f"… {len(ranked) - MAX_RIGHE} more" if english else
                     f"… e altri {len(ranked) - MAX_RIGHE}")
    return lines


def _progressions(rows: list[Row], year: int, category: str | None,
                  english: bool) -> tuple[str, list[TraceStep]]:
    """The art. 32 c. 2 ranking of each category of staff on the three years to ``year``."""
    years = tuple(range(year - ANNI.value + 1, year + 1))
    by_person: dict[str, dict[int, Row]] = {}
    for r in rows:
        if r.scheme == "G" and r.year in years:
            by_person.setdefault(r.name, {})[r.year] = r
    complete = {n: ys for n, ys in by_person.items() if set(ys) == set(years)}
    categories = sorted({ys[year].category or "?" for ys in complete.values()})
    if category:
        categories = [c for c in categories if c == category.upper()]
    parts, steps = [], []
    for cat in categories:
        cands = [_PREMI.Candidato(n, tuple(ys[y].total for y in years), ys[year].skills,
                                  ys[year].behaviour)
                 for n, ys in sorted(complete.items()) if (ys[year].category or "?") == cat]
        shown = _PREMI.graduatoria_progressioni(cands, PESI_MOSTRATI)
        firsts = {_PREMI.graduatoria_progressioni(cands, w).posizioni[0].candidato.nome
                  for w in PESI_DI_CONTROLLO}
        lines = [f"{p.posto}. **{p.candidato.nome}**: "
                 + " / ".join(punti(s) for s in p.candidato.punteggi)
                 + f" → {punti(p.punteggio)}" for p in shown.posizioni[:MAX_RIGHE]]
        more = len(shown.posizioni) - MAX_RIGHE
        if more > 0:
            lines.append(f"… {more} more" if english else f"… e altri {more}")
        first = shown.posizioni[0].candidato.nome
        if english:
            sure = (f"{first} is first with any weights that favour the last year."
                    if firsts == {first} else
                    "Who comes first depends on the weights: the text fixes none.")
            head = f"**Category {cat}** (scores {years[0]}–{years[-1]}):"
        else:
            sure = (f"{first} è al primo posto con qualunque peso che favorisca l'ultimo anno."
                    if firsts == {first} else
                    "Il primo posto dipende dai pesi, che il regolamento non fissa.")
            head = f"**Categoria {cat}** (valutazioni {years[0]}–{years[-1]}):"
        parts.append("\n".join([head, *lines, sure]))
        steps += list(shown.passi[:MAX_RIGHE])  # the weights, then the ties at the top
    if not parts:
        return ("No employee has the three years of scorecards on record." if english else
                "Nessun dipendente ha in archivio le valutazioni dei tre anni."), steps
    note = (f"Ranking on the last {ANNI.value} years, the last weighing more ({ANNI.cite}); "
            "shown with weights 1 / 1 / 2, which the text does not fix." if english else
            f"Graduatoria sulle valutazioni degli ultimi {ANNI.value} anni, con peso maggiore "
            f"all'ultimo ({ANNI.cite}); qui con pesi 1 / 1 / 2, che il regolamento non fissa: "
            "li stabilisce il sistema di valutazione dell'ente.")
    return note + "\n\n" + "\n\n".join(parts), steps


def results(query: Any, ctx: Context) -> Outcome:
    """The scorecards of the year the question names, ranked, for the groups it names."""
    if ctx.db is None:
        return Outcome(None, "Per leggere le valutazioni serve il database del personale.",
                       (SOGLIA.cite,))
    lacks = public_copy_lacks(ctx.db, "evaluations")
    if lacks:
        return Outcome(None, lacks, (SOGLIA.cite,))
    text = str(getattr(query, "text", ""))
    english = getattr(query, "lang", "it") == "en"
    year = _year(query, ctx.db, question_date(query, ctx))
    if year is None:
        return Outcome(None, "No evaluation on record." if english else
                       "Nessuna valutazione registrata nel database.", (SOGLIA.cite,))
    category = _CATEGORY.search(text)
    progression = bool(_PROGRESSION.search(text))
    rows = _rows(ctx.db, range(year - ANNI.value + 1, year + 1) if progression
                 else range(year, year + 1))
    if progression:
        body, steps = _progressions(rows, year, category.group(1) if category else None,
                                    english)
        return Outcome(None, body, ("art. 32 c. 2", "art. 32 c. 1"), tuple(steps))
    parts, cites = [], []
    for scheme in _schemes(text):
        these = [r for r in rows if r.year == year and r.scheme == scheme and (
            category is None or scheme != "G" or r.category == category.group(1).upper())]
        who_it, who_en, cite = SCHEDE[scheme]
        title = (f"**Evaluations {year} — {who_en}**" if english else
                 f"**Valutazioni {year} — {who_it}**")
        source = "from the database" if english else "dal database"
        if these:
            parts.append(f"{title} ({len(these)}, {cite}, {source}):\n"
                         + "\n".join(_ranking(these, scheme, english)))
            cites.append(cite)
            if scheme == "F":
                cites.append(SOGLIA.cite)
        else:
            parts.append(f"{title}: nothing on record." if english else
                         f"{title}: nessuna scheda registrata.")
    if not cites:
        cites = [SOGLIA.cite]
    return Outcome(None, "\n\n".join(parts), tuple(dict.fromkeys(cites)))


GRADUATORIE = Lookup(
    id="graduatorie.valutazioni",
    title="Gli esiti delle valutazioni di un anno: graduatoria, soglia, progressioni",
    citations=("art. 22 c. 1", "art. 22 c. 2", "art. 27 c. 2", "art. 21 c. 1", "art. 32 c. 1",
               "art. 32 c. 2"),
    intents=("evaluation_results",),
    run=results,
    kind="lookup",
)


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """The evaluations on record, ranked."""
    return [GRADUATORIE]
