"""Tetto annuo dei compensi per incarichi autorizzati (art. 88 c. 3; art. 89 c. 1).

«Quanto può ancora guadagnare Rossi con incarichi esterni quest'anno?» is answered from the
database: one fifth of the gross annual base salary, minus what is already authorised in
the year, with every addend and its source shown.

The text is ambiguous in two places, and the answer says which reading it uses:

* «trattamento economico fondamentale lordo spettante»: read as the gross annual base
  salary due to the person (the one recorded for the employment, so a part-timer's is the
  reduced one); other readings take the full-time salary of the category, or add the
  accessory pay — which the word «fondamentale» seems to exclude;
* «annualmente»: read as the calendar year in which the incarichi are authorised (the
  year of the request); the other reading counts the year in which they are carried out.
  When the two give different sums, both are shown.

Incarichi that art. 89 c. 1 exempts from authorisation (docenze, convegni, volontariato,
unpaid work...) are not «incarichi autorizzati» and are left out of the sum, saying why.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ordina.answer import TraceStep
from ordina.engine import Context, Lookup, Outcome
from ordina.engine.dbfacts import ACTIVITY
from ordina.engine.offices import question_date, resolve_target
from ordina.formato import arrotonda, data, numero
from ordina.hookspecs import hookimpl
from ordina.plugins import import_path
from ordina.store.office_queries import (
    Compensation,
    assignments_of,
    base_salary_cents,
    public_copy_lacks,
)
from ordina.store.queries import unit_head

_HERE = Path(__file__)
#: The one fifth of art. 88 c. 3 lives in ``doveri.py`` beside its comma.
QUOTA_TETTO = import_path(_HERE.with_name("doveri.py"), "ordina_checks").QUOTA_TETTO
#: The activities art. 89 c. 1 exempts, by dash, live in ``incarichi_esterni.py``.
_IE = import_path(_HERE.with_name("incarichi_esterni.py"), "ordina_checks")

CITE = "art. 88 c. 3"
READING_BASE = ("«trattamento economico fondamentale lordo spettante» letto come lo stipendio "
                "base lordo annuo registrato per il rapporto di lavoro alla data (per un "
                "part-time quello ridotto)")
READING_BASE_OTHER = ("il testo non lo precisa: altre letture prendono lo stipendio a tempo "
                      "pieno della categoria, o vi sommano il salario accessorio (che la parola "
                      "«fondamentale» sembra escludere)")
READING_YEAR = ("«annualmente» letto come l'anno solare in cui gli incarichi sono autorizzati "
                "(anno della richiesta)")


def _exempt_dash(item: Compensation) -> tuple[str, str] | None:
    """The dash of art. 89 c. 1 that exempts ``item`` from authorisation, with its words."""
    if item.paid is False:
        return "art. 89 c. 1 trattino 1", "attività resa a titolo gratuito"
    kind = ACTIVITY.get(item.activity or "")
    if kind in ("docenza", "ricerca_scientifica"):
        return "art. 89 c. 1 trattino 10", "docenze e ricerca scientifica"
    for dash, (code, words) in _IE.SOLO_COMUNICAZIONE.items():
        if kind == code:
            return f"art. 89 c. 1 trattino {dash}", words
    return None


def _eur(value: Decimal) -> str:
    return f"{numero(value, 2).removesuffix(',00')} €"


def _cents(value: int) -> Decimal:
    return Decimal(value) / 100


@dataclass
class _Sums:
    counted: list[Compensation]
    exempt: list[tuple[Compensation, tuple[str, str]]]

    @property
    def total(self) -> Decimal:
        return sum((_cents(a.cents) for a in self.counted), Decimal(0))


def _by_request_year(items: list[Compensation], year: int) -> _Sums:
    sums = _Sums([], [])
    for a in items:
        when = a.request_date or a.start
        if a.status != "autorizzato" or when is None or when.year != year:
            continue
        dash = _exempt_dash(a)
        if dash is None:
            sums.counted.append(a)
        else:
            sums.exempt.append((a, dash))
    return sums


def _by_work_year(items: list[Compensation], year: int) -> Decimal:
    """The other reading: authorised incarichi carried out (at least partly) in ``year``."""
    total = Decimal(0)
    for a in items:
        if a.status != "autorizzato" or _exempt_dash(a) is not None or a.start is None:
            continue
        if a.start.year <= year and (a.last_day is None or a.last_day.year >= year):
            total += _cents(a.cents)
    return total


def _runs_in(a: Compensation, year: int) -> bool:
    """The incarico is carried out, at least partly, in ``year``."""
    return a.start is not None and a.start.year <= year and (
        a.last_day is None or a.last_day.year >= year)


def _pending_line(a: Compensation, year: int, room: Decimal, room_by_work: Decimal,
                  english: bool = False) -> str:
    """A request still waiting, and what would be left of the year's cap if it were
    authorised, under the reading used and, when they differ, under the other."""
    if english:
        return _pending_line_en(a, year, room, room_by_work)
    amount = _cents(a.cents)
    when = data(a.request_date) if a.request_date else "—"
    period = (f", da svolgere dal {data(a.start)}" + (f" al {data(a.last_day)}" if a.last_day
                                                      else "") if a.start else "")
    line = f"- in attesa: incarico {a.id} ({a.subject}), {_eur(amount)}, richiesto il {when}{period}: "
    by_request = (a.request_date or a.start) is not None and (a.request_date or a.start).year == year  # type: ignore[union-attr]
    if by_request:
        line += (f"se autorizzato resterebbero {_eur(room - amount)} nel {year}" if amount <= room
                 else f"supera il residuo del {year} ({_eur(room)})")
        if not _runs_in(a, year) and a.start is not None:
            line += (f"; contando invece l'anno in cui si svolge, pesa sul {a.start.year} e non "
                     f"sul {year}")
        return line
    if _runs_in(a, year):
        left = room_by_work - amount
        return line + (f"con la lettura usata pesa sul "
                       f"{(a.request_date or a.start).year} (anno della richiesta), non sul "  # type: ignore[union-attr]
                       f"{year}; contando invece l'anno in cui si svolge, se autorizzato nel "
                       f"{year} resterebbero "
                       + (f"{_eur(left)}" if left >= 0 else
                          f"0 € (supererebbe il tetto di {_eur(-left)})"))
    return line + f"non pesa sul {year}"


def _pending_line_en(a: Compensation, year: int, room: Decimal, room_by_work: Decimal) -> str:
    """:func:`_pending_line` in English, the incarico's subject as recorded."""
    amount = _cents(a.cents)
    when = data(a.request_date) if a.request_date else "—"
    period = (f", to be carried out from {data(a.start)}"
              + (f" to {data(a.last_day)}" if a.last_day else "") if a.start else "")
    line = (f"- pending: incarico {a.id} ({a.subject}), {_eur(amount)}, requested on "
            f"{when}{period}: ")
    counted = a.request_date or a.start
    if counted is not None and counted.year == year:
        line += (f"if authorised, {_eur(room - amount)} would be left in {year}"
                 if amount <= room else f"it exceeds what is left for {year} ({_eur(room)})")
        if not _runs_in(a, year) and a.start is not None:
            line += (f"; counting instead the year in which it is carried out, it weighs on "
                     f"{a.start.year} and not on {year}")
        return line
    if _runs_in(a, year) and counted is not None:
        left = room_by_work - amount
        return line + (f"under the reading used it weighs on {counted.year} (the year of the "
                       f"request), not on {year}; counting instead the year in which it is "
                       f"carried out, if authorised, {year} would have "
                       + (f"{_eur(left)} left" if left >= 0 else
                          f"0 € left (it would exceed the cap by {_eur(-left)})"))
    return line + f"it does not weigh on {year}"


def _addend(a: Compensation, english: bool = False) -> str:
    """ "1.000 € (dal database: incarico 9, …)"; ``english``: "(from the database: …)"."""
    source = "from the database" if english else "dal database"
    return f"{_eur(_cents(a.cents))} ({source}: incarico {a.id}, {a.subject})"


def _cap(base: Decimal) -> Decimal:
    """The annual cap: one fifth of the base salary (art. 88 c. 3), to the cent."""
    return arrotonda(base * QUOTA_TETTO.value)


def _of_the_stated(salary: Any, asked: dict[str, Any], ctx: Context, english: bool) -> Outcome:
    """The cap of a salary the question states, less what it says is already authorised."""
    already = asked.get("already_authorised_this_year",
                        ctx.stated.get("already_authorised_this_year"))
    fee = asked.get("compensation", ctx.stated.get("compensation"))
    outcome = _cap_of_a_salary(Decimal(str(salary)), english,
                               Decimal(str(already)) if already is not None else None)
    if fee is None or already is None:
        return outcome
    # "ne chiede uno nuovo da 2.000 euro: rientra nel limite?": the new fee against the room
    cap, fee, already = _cap(Decimal(str(salary))), Decimal(str(fee)), Decimal(str(already))
    total = already + fee
    line = f"{_eur(already)} + {_eur(fee)} = {_eur(total)} {'>' if total > cap else '≤'} {_eur(cap)}"
    if english:
        said = (f"The new incarico of {_eur(fee)} {'exceeds' if total > cap else 'fits within'} "
                f"the cap: {line} ({CITE}).")
    else:
        said = (f"Il nuovo incarico da {_eur(fee)} "
                f"{'supera il' if total > cap else 'rientra nel'} tetto: {line} ({CITE}).")
    return Outcome(None, f"{said}\n\n{outcome.answer}", outcome.citations,
                   outcome.trace + (TraceStep(said, CITE),),
                   data={**outcome.data, "totale": float(total), "entro": total <= cap})


def remaining(query: Any, ctx: Context) -> Outcome:
    """How much the person may still be paid in the year for authorised incarichi."""
    asked = getattr(query, "facts", None) or {}
    stated = asked.get("annual_base_salary") or ctx.stated.get("annual_base_salary")
    english = getattr(query, "lang", "it") == "en"
    if ctx.db is None:  # a stated salary needs no database; without one, the rule
        return _of_the_stated(stated, asked, ctx, english) if stated else _the_rule(english)
    lacks = public_copy_lacks(ctx.db, "external_assignments")
    if lacks:
        return Outcome(None, lacks, (CITE,))
    on = question_date(query, ctx)
    target = resolve_target(ctx.db, getattr(query, "subject", None), on)
    if target is not None and target[0] == "unita":
        # "the finance area head's cap": the titular head of the unit named
        head = unit_head(ctx.db, target[1], on)
        target = ("persona", head.person_id, head.person_name) if head else None
    if (target is None or target[0] != "persona") and stated:
        return _of_the_stated(stated, asked, ctx, english)
    if target is None or target[0] != "persona":
        return _the_rule(english)
    _, pid, name = target
    salary, pct = base_salary_cents(ctx.db, pid, on)
    if salary is None and not stated:
        return Outcome.needs(["annual_base_salary"], citations=(CITE,))
    base = Decimal(str(stated)) if stated else _cents(salary or 0)
    if english:
        source = "from the question" if stated else f"from the database: employment of {name}"
    else:
        source = "dalla domanda" if stated else f"dal database: rapporto di lavoro di {name}"
    cap = _cap(base)
    items = assignments_of(ctx.db, pid)
    sums = _by_request_year(items, on.year)
    room = max(cap - sums.total, Decimal(0))
    addends = (" + ".join(_addend(a, english) for a in sums.counted)
               or ("none" if english else "nessuno"))
    part_time = f", part-time {pct}%" if pct and pct < 100 else ""
    if english:
        lines = [
            (f"In {on.year} **{name}** may still be paid for authorised incarichi up to "
             f"**{_eur(room)}** ({CITE})."),
            f"- cap: one fifth (un quinto) of {_eur(base)} ({source}{part_time}) = {_eur(cap)}",
            f"- already authorised in {on.year}: {addends} = {_eur(sums.total)}",
            f"- left: {_eur(cap)} − {_eur(sums.total)} = {_eur(room)}",
        ]
    else:
        lines = [
            (f"Nel {on.year} **{name}** può ancora ricevere compensi per incarichi autorizzati "
             f"fino a **{_eur(room)}** ({CITE})."),
            f"- tetto: un quinto di {_eur(base)} ({source}{part_time}) = {_eur(cap)}",
            f"- già autorizzati nel {on.year}: {addends} = {_eur(sums.total)}",
            f"- restano: {_eur(cap)} − {_eur(sums.total)} = {_eur(room)}",
        ]
    cites = [CITE]
    steps = [TraceStep(f"Tetto annuo: un quinto di {_eur(base)} = {_eur(cap)}.", QUOTA_TETTO.cite),
             TraceStep(f"Compensi autorizzati nel {on.year}: {_eur(sums.total)}.", CITE)]
    for a, (dash, words) in sums.exempt:
        what = f"incarico {a.id} ({a.subject}, {_eur(_cents(a.cents))})"
        lines.append(f"- not counted: {what}: «{words}» need no authorisation, a notice is "
                     f"enough ({dash})" if english else
                     f"- non contato: {what}: per «{words}» non serve l'autorizzazione, basta "
                     f"la comunicazione ({dash})")
        steps.append(TraceStep(f"Incarico {a.id} escluso dalla somma: {words}.", dash))
        cites.append(dash)
    if sums.exempt:
        # the other reading: what was authorised on record counts, needed or not
        counted_too = sum((_cents(a.cents) for a, _w in sums.exempt), Decimal(0))
        left = max(room - counted_too, Decimal(0))
        lines.append(f"- counting {'it' if len(sums.exempt) == 1 else 'them'} too (they are on "
                     f"record as authorised), {_eur(left)} would be left" if english else
                     f"- contando anche {'questo' if len(sums.exempt) == 1 else 'questi'} (a "
                     f"registro come autorizzat{'o' if len(sums.exempt) == 1 else 'i'}), "
                     f"resterebbero {_eur(left)}")
    pending = [a for a in items if a.status == "in_attesa"]
    other = _by_work_year(items, on.year)
    for a in pending:
        lines.append(_pending_line(a, on.year, room, max(cap - other, Decimal(0)), english))
    # the readings are quoted as the module words them, in Italian, inside either frame
    lines.append(f"\nReading used: {READING_BASE}; {READING_YEAR}. The rule is ambiguous: "
                 f"{READING_BASE_OTHER}." if english else
                 f"\nLettura usata: {READING_BASE}; {READING_YEAR}. Norma ambigua: "
                 f"{READING_BASE_OTHER}.")
    if other != sums.total:
        alt = max(cap - other, Decimal(0))
        lines.append(f"If instead the year in which the incarichi are carried out is counted, "
                     f"{on.year} has {_eur(other)} and {_eur(alt)} would be left." if english else
                     f"Se invece si conta l'anno in cui gli incarichi si svolgono, nel "
                     f"{on.year} risultano {_eur(other)} e il residuo sarebbe {_eur(alt)}.")
    data_out = {"persona": name, "anno": on.year, "tetto": float(cap),
                "autorizzati": float(sums.total), "residuo": float(room),
                "esclusi": [a.id for a, _ in sums.exempt], "in_attesa": [a.id for a in pending]}
    return Outcome(None, "\n".join(lines), tuple(dict.fromkeys(cites)), tuple(steps),
                   data=data_out)


def _cap_of_a_salary(base: Decimal, english: bool, already: Decimal | None = None) -> Outcome:
    """The annual cap for the salary the question states, nobody's records being named, and
    what is left of it after what the question says is already authorised."""
    cap = _cap(base)
    steps = [TraceStep(f"Tetto annuo: un quinto di {_eur(base)} = {_eur(cap)}.", QUOTA_TETTO.cite)]
    if already is not None:
        room = max(cap - already, Decimal(0))
        steps.append(TraceStep(f"Già autorizzati nell'anno {_eur(already)}: restano "
                               f"{_eur(room)}.", CITE))
        if english:
            text = (f"Still **{_eur(room)}** may be authorised this year: the cap is one fifth "
                    f"(un quinto) of {_eur(base)} = {_eur(cap)} (from the question; "
                    f"{QUOTA_TETTO.cite}), minus {_eur(already)} already authorised: "
                    f"{_eur(cap)} − {_eur(already)} = {_eur(room)}.")
        else:
            text = (f"Si possono ancora autorizzare **{_eur(room)}** nell'anno: il tetto è un "
                    f"quinto di {_eur(base)} = {_eur(cap)} (dalla domanda; {QUOTA_TETTO.cite}), "
                    f"meno {_eur(already)} già autorizzati: {_eur(cap)} − {_eur(already)} = "
                    f"{_eur(room)}.")
        return Outcome(None, text, (CITE,), tuple(steps),
                       data={"tetto": float(cap), "autorizzati": float(already),
                             "residuo": float(room)})
    if english:
        text = (f"The authorised incarichi may bring at most **{_eur(cap)}** a year in all: one "
                f"fifth (un quinto) of {_eur(base)} (from the question; {QUOTA_TETTO.cite}). "
                "What is already authorised this year counts against it.")
    else:
        text = (f"Gli incarichi autorizzati possono portare al massimo **{_eur(cap)}** l'anno in "
                f"tutto: un quinto di {_eur(base)} (dalla domanda; {QUOTA_TETTO.cite}). Va tolto "
                "quanto è già stato autorizzato nell'anno.")
    return Outcome(None, text, (CITE,), tuple(steps), data={"tetto": float(cap)})


def _the_rule(english: bool) -> Outcome:
    """The cap as the rule states it, when the question names nobody and gives no salary."""
    if english:
        text = (f"In a year the authorised incarichi may bring at most **one fifth** of the "
                f"gross base salary due («{QUOTA_TETTO.quote}», {QUOTA_TETTO.cite}). "
                "To compute it, give the salary or the person's name (e.g. «how much can Mario "
                "Rossi still earn?»).")
    else:
        text = (f"Nell'anno gli incarichi autorizzati possono portare in tutto al massimo "
                f"**«{QUOTA_TETTO.quote}»** ({QUOTA_TETTO.cite}). Per il calcolo indica lo stipendio "
                "o il nome (per esempio «quanto può ancora guadagnare Mario Rossi?»).")
    return Outcome(None, text, (CITE,))


RESIDUO = Lookup(
    id="tetto_compensi.residuo",
    title="Quanto resta del tetto annuo dei compensi per incarichi autorizzati",
    citations=("art. 88 c. 3", *(f"art. 89 c. 1 trattino {n}" for n in range(1, 11))),
    intents=("remaining_cap",),
    run=remaining,
    kind="calculation",
)


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """The remaining annual cap of a person (art. 88 c. 3)."""
    return [RESIDUO]
