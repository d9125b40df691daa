"""Obblighi di una persona: what the regulation asks of them, by role, on the date asked.

"obblighi di Bianchi" reads the offices Laura Bianchi holds on the date (Responsabile di
Area, Vice Segretario, responsabile del personale...) and her employment, and lists the
duties of ``checks/doveri.py`` that the regulation attaches to each, one line per comma,
with her own figures where they matter: the annual cap of art. 88 c. 3 with her salary and
what is already authorised, the 30 days of art. 88 c. 6 on each request pending, her
staff's requests she must decide. An office ("obblighi del datore di lavoro") gives that
office's duties and who holds it; a role in general ("quali sono i miei obblighi se faccio
un incarico esterno?") the role's duties, without names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ordina.answer import TraceStep
from ordina.engine import Context, Lookup, Outcome
from ordina.engine.offices import Holder, question_date
from ordina.formato import euro
from ordina.hookspecs import hookimpl
from ordina.plugins import import_path

D = import_path(Path(__file__).with_name("doveri.py"), "ordina_checks")

INTENT = "obligations"
PA_CLIENTS = ("pa",)
#: Words that restrict the answer to external assignments ("se faccio un incarico esterno").
_ASSIGNMENT_WORDS = re.compile(r"incarich?[io] estern|side job|external assignment|outside work",
                               re.IGNORECASE)


@dataclass
class Sezione:
    """A block of the answer: one role, its duties, and figures from the database.

    ``title`` is the Italian heading (also the answer's ``ruoli``), ``english`` the heading
    an English question is shown; the duties stay as the catalogue words them."""

    title: str
    english: str = ""
    rows: list[tuple[str, str | None]] = field(default_factory=list)

    def heading(self, english: bool) -> str:
        """The heading in the question's language."""
        return (self.english or self.title) if english else self.title

    def add(self, duty: Any, extra: str = "") -> None:
        """Add a :class:`doveri.Dovere`, with ``extra`` (the person's own figures) after it."""
        self.rows.append((duty.says + (f" {extra}" if extra else ""), duty.cite))

    def note(self, text: str, cite: str | None) -> None:
        """Add a line of facts from the database, under the comma they concern."""
        self.rows.append((text, cite))


@dataclass
class Chi:
    """Whose duties: the database and date, the person's situation (None for a role)."""

    db: Any
    on: date
    s: Any = None
    """:class:`ordina.engine.situazione.Situazione`, or None for a role in general."""
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def when(self) -> str:
        return self.on.strftime("%d/%m/%Y")

    def holder(self, office: str, unit_id: int | None = None) -> str:
        """Who holds ``office`` on the date (``Laura Bianchi``), empty without a database."""
        from ordina.engine.situazione import one, who

        if self.db is None:
            return ""
        return who(self.db, one(self.db, office, self.on, unit_id), self.on)


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _calendar(db: Any) -> Any:
    """The Comune's calendar: national holidays and its patron saint (art. 2963 c.c.)."""
    from ordina.calendar import Calendario

    patron = None
    if db is not None:
        from ordina.store.queries import ente

        facts = ente(db)
        day = facts.get("patrono", "")
        if len(day.split("-")) == 2:
            month, dd = day.split("-")
            patron = f"{dd}/{month} {facts.get('santo_patrono') or 'santo patrono'}"
    return Calendario.da_ambiente(patron)


def _request_line(chi: Chi, a: Any, whose: str = "") -> str:
    """``Incarico n. 12 di … (…, € 2.800,00): richiesto il …, risposta entro il …``."""
    requested = _d(a.request_date)
    comp = f", {euro(Decimal(a.compensation_cents) / 100)}" if a.compensation_cents else ""
    client = "" if a.client.lower() in a.subject.lower() else f", {a.client}"
    text = f"Incarico n. {a.id}{whose} ({a.subject}{client}{comp})"
    if requested is None:
        return text + ": in attesa di decisione, senza data di richiesta."
    due = _calendar(chi.db).scadenza(requested, D.RISPOSTA_AUTORIZZAZIONE.value).effettiva
    text += f": richiesto il {requested.strftime('%d/%m/%Y')}, risposta dovuta entro il " \
            f"{due.strftime('%d/%m/%Y')}"
    if chi.on > due:
        meaning = "assenso" if a.client_type in PA_CLIENTS else "diniego"
        known = a.client_type is not None
        text += (f"; il termine è scaduto: il silenzio vale {meaning}" if known else
                 "; il termine è scaduto: il silenzio vale diniego con i privati, assenso "
                 "con le PA")
    return text + "."


# ------------------------------------------------------------------ every employee
def _authorised(s: Any, year: str) -> list[Any]:
    """The person's authorised assignments counted in ``year`` (the year of the request)."""
    return [a for a in s.assignments if a.status == "autorizzato" and a.compensation_cents
            and (a.request_date or a.valid_from or "")[:4] == year]


def _cap_rows(chi: Chi, sec: Sezione) -> None:
    """Art. 88 c. 3 with the person's figures, then each pending request of theirs."""
    s = chi.s
    salary = s.salary if s is not None else None
    if salary is None:
        sec.add(D.D88_3)
    else:
        year = str(chi.on.year)
        cap = (salary * D.QUOTA_TETTO.value).quantize(Decimal("0.01"))
        done = _authorised(s, year)
        total = sum((Decimal(a.compensation_cents) / 100 for a in done), Decimal(0))
        ids = ", ".join(str(a.id) for a in done)
        room = max(cap - total, Decimal(0))
        sec.add(D.D88_3, f"Al {chi.when}: un quinto di {euro(salary)} = {euro(cap)}; già "
                         f"autorizzati sulle richieste del {year} {euro(total)}"
                         + (f" (incarichi n. {ids})" if ids else "")
                         + f"; restano {euro(room)}.")
    if s is None:
        return
    for a in s.assignments:
        if a.status != "in_attesa" or (a.request_date or "") > chi.on.isoformat():
            continue
        sec.note(_request_line(chi, a), D.D88_6.cite)
        if salary is not None and a.compensation_cents:
            year = (a.request_date or a.valid_from or str(chi.on.year))[:4]
            cap = (salary * D.QUOTA_TETTO.value).quantize(Decimal("0.01"))
            prior = sum((Decimal(x.compensation_cents) / 100 for x in _authorised(s, year)),
                        Decimal(0))
            comp = Decimal(a.compensation_cents) / 100
            over = prior + comp > cap
            sec.note(f"Con l'incarico n. {a.id} gli incarichi delle richieste del {year} "
                     f"arriverebbero a {euro(prior)} + {euro(comp)} = {euro(prior + comp)}, "
                     f"{'oltre' if over else 'entro'} il tetto di {euro(cap)}.", D.D88_3.cite)


def _decider(chi: Chi, sec: Sezione, po: bool) -> None:
    """Art. 88 c. 1: who decides on the person's requests, by name."""
    from ordina.engine.situazione import po_of, who

    if po:
        sec.add(D.D88_1_PO, f"Al {chi.when}: {chi.holder('rpc')}." if chi.db else "")
        return
    if chi.s is None or chi.db is None:
        sec.add(D.D88_1_DIP)
        return
    boss = po_of(chi.db, chi.s.person_id, chi.on)
    sec.add(D.D88_1_DIP, f"Per {chi.s.name} al {chi.when}: decide {who(chi.db, boss, chi.on)}, "
                         f"sentito {chi.holder('responsabile_personale')}, informato "
                         f"{chi.holder('rpc')}.")


def _regime(chi: Chi, pt: float) -> str:
    """``Mario Rossi al 23/11/2026: tempo pieno.`` (or the stated part-time)."""
    regime = "tempo pieno" if pt >= 100 else f"part-time al {pt:g}%"
    if chi.s is not None:
        return f"{chi.s.name} al {chi.when}: {regime}."
    return f"Indicato nella domanda: {regime}."


def dipendente(chi: Chi, only_assignments: bool = False) -> list[Sezione]:
    """Duties of every employee and PO holder: Titolo IX (art. 85-91), missions (art. 76)."""
    s = chi.s
    pt = s.part_time if s is not None else chi.facts.get("part_time_percent")
    po = (bool(s.holds("responsabile_area")) if s is not None
          else chi.facts.get("is_po_holder") is True)
    sec = Sezione("Incarichi esterni (Titolo IX)", "External assignments (Titolo IX)")
    sec.add(D.D86)
    limit = D.SOGLIA_PART_TIME.value
    if pt is None:
        sec.note("Regime orario non noto: a tempo pieno o con part-time oltre il 50% valgono i "
                 "divieti dell'art. 87 c. 1; fino al 50% vale l'art. 87 c. 3.", "art. 87 c. 1")
        sec.add(D.D87_1)
        sec.add(D.D87_3)
    elif pt > limit:
        sec.add(D.D87_1, _regime(chi, pt))
        sec.add(D.D87_2)
    else:
        sec.add(D.D87_3, _regime(chi, pt))
    sec.add(D.D88_4)
    sec.add(D.D88_5)
    _decider(chi, sec, po)
    sec.add(D.D88_6)
    sec.add(D.D89)
    _cap_rows(chi, sec)
    for duty in (D.D91_1, D.D91_2, D.D91_4):
        sec.add(duty)
    if only_assignments:
        return [sec]
    trips = Sezione("Trasferte", "Business travel")
    trips.add(D.D76_4)
    trips.add(D.D76_5)
    trips.add(D.D76_6)
    return [sec, trips]


# ------------------------------------------------------------------ offices
def _conflict(chi: Chi, sec: Sezione, to_rpc: bool) -> None:
    from ordina.engine.situazione import po_of, who

    if chi.db is None or chi.s is None:
        sec.add(D.D4_6)
    elif to_rpc:
        sec.add(D.D4_6, f"Per {chi.s.name}: al responsabile anticorruzione, "
                        f"{chi.holder('rpc')}.")
    else:
        boss = po_of(chi.db, chi.s.person_id, chi.on)
        sec.add(D.D4_6, f"Per {chi.s.name}: a {who(chi.db, boss, chi.on)}.")


def procedimento(chi: Chi, held: list[Holder]) -> list[Sezione]:
    """The responsabile del procedimento (art. 4 c. 6, art. 45 c. 4-6)."""
    units = ", ".join(h.unit_name for h in held if h.unit_name)
    units = f" ({units})" if units else ""
    sec = Sezione(f"Come responsabile del procedimento{units}",
                  f"As responsabile del procedimento{units}")
    sec.add(D.D45_4)
    sec.add(D.D45_6)
    _conflict(chi, sec, to_rpc=False)
    return [sec]


def _next_intermediate(chi: Chi) -> str:
    """The next intermediate evaluation of art. 28 c. 1, moved past holidays."""
    cal = _calendar(chi.db)
    for year in (chi.on.year, chi.on.year + 1):
        for month, day in D.VALUTAZIONI_INTERMEDIE.value:
            due = cal.scadenza_fissa(date(year, month, day)).effettiva
            if due >= chi.on:
                return f"Prossima scadenza dopo il {chi.when}: {due.strftime('%d/%m/%Y')}."
    return ""  # pragma: no cover - there is always one within a year


def responsabile(chi: Chi, held: list[Holder]) -> list[Sezione]:
    """The Responsabile di Area, titolare di PO (art. 8, 12, 20, 27-28, 45, 48, 75-76, 80-83,
    88, 91), with their staff and the requests waiting for them."""
    from ordina.engine.situazione import pending_assignments, pending_part_time, po_holders, staff

    areas = "; ".join((h.unit_name or "Area") + (" ad interim, art. 17 c. 1" if h.ad_interim
                                                  else "") for h in held)
    areas = f" ({areas})" if areas else ""
    sec = Sezione(f"Come Responsabile di Area{areas}", f"As Responsabile di Area{areas}")
    for duty in (D.D8_1, D.D8_2, D.D8_3, D.D8_4, D.D45_5, D.D45_9, D.D12_2):
        sec.add(duty)
    people: list[tuple[int, str]] = []
    heads: set[int] = set()
    if chi.s is not None and chi.s.personal:
        heads = set(po_holders(chi.db, chi.on))
        people = [p for p in staff(chi.db, [h.unit_id for h in held if h.unit_id], chi.on,
                                   chi.s.person_id) if p[0] not in heads]
        names = _few([n for _, n in people])
        sec.add(D.D81_1, f"Personale della struttura al {chi.when}: "
                         + (f"{len(people)} ({names})." if people else "nessuno."))
    else:
        sec.add(D.D81_1)
    for duty in (D.D76_2, D.D76_5_PO, D.D75_4, D.D27_1):
        sec.add(duty)
    sec.add(D.D28_1, _next_intermediate(chi))
    sec.add(D.D20_7)
    sec.add(D.D88_1_PO_DECIDE)
    sec.add(D.D88_2)
    sec.add(D.D88_6)
    if people:
        _request_rows(chi, sec, pending_assignments(chi.db, [p for p, _ in people], chi.on),
                      whose=True)
    sec.add(D.D80_2)
    if people:
        for r in pending_part_time(chi.db, [pid for pid, _ in people], chi.on)[:MAX_ITEMS]:
            asked = _d(r.request_date)
            sec.note(f"Richiesta di part-time al {r.percentage}% di {dict(people)[r.person_id]}"
                     f" del {asked.strftime('%d/%m/%Y') if asked else '?'}: in attesa.",
                     D.D80_2.cite)
    sec.add(D.D91_5_PO)
    sec.add(D.D48_6)
    own = chi.s is not None and bool(chi.s.holds("datore_lavoro"))
    sec.add(D.D83_2_AREE, f"Datore di lavoro al {chi.when}: {chi.holder('datore_lavoro')}."
            if chi.db and not own else "")
    _conflict(chi, sec, to_rpc=True)
    return [sec]


def segretario(chi: Chi, held: list[Holder]) -> list[Sezione]:
    """The Segretario (art. 4 c. 3, art. 6 c. 5, art. 27, 48, 75, 81, 82)."""
    sec = Sezione("Come Segretario comunale", "As Segretario comunale")
    for duty in (D.S4_3, D.S6_1, D.S6_2, D.S6_3, D.S6_4, D.S6_5, D.S6_6, D.S76_1, D.S6_7):
        sec.add(duty)
    rpc = chi.holder("rpc") if chi.db is not None else ""
    sec.add(D.S6_8, f"Al {chi.when} la funzione è di {rpc}." if rpc else "")
    for duty in (D.S6_9, D.S48_2, D.D48_6, D.S82_2, D.S81_1, D.S75_5, D.S27_3):
        sec.add(duty)
    return [sec]


def rpc(chi: Chi, held: list[Holder]) -> list[Sezione]:
    """The responsabile della prevenzione della corruzione (art. 4 c. 6, 75 c. 3, 88, 91)."""
    from ordina.engine.situazione import pending_assignments, po_holders

    sec = Sezione("Come responsabile della prevenzione della corruzione",
                  "As responsabile della prevenzione della corruzione")
    sec.add(D.R88_1)
    if chi.db is not None and chi.s is not None and chi.s.personal:
        heads = po_holders(chi.db, chi.on)
        _request_rows(chi, sec, pending_assignments(chi.db, heads, chi.on), whose=True)
    for duty in (D.R91_5, D.R75_3, D.R4_6):
        sec.add(duty)
    return [sec]


def vice(chi: Chi, held: list[Holder]) -> list[Sezione]:
    """The Vice Segretario (art. 7 c. 1), with the Segretario's absence on the date."""
    from ordina.engine.offices import absence
    from ordina.engine.situazione import one

    sec = Sezione("Come Vice Segretario", "As Vice Segretario")
    extra = ""
    if chi.db is not None:
        seg = one(chi.db, "segretario", chi.on)
        if seg is None:
            extra = f"Al {chi.when} il posto di Segretario risulta vacante."
        elif chi.s is not None and not chi.s.personal:
            extra = f"Segretario: {seg.name} (le assenze non sono nel database pubblico)."
        elif absence(chi.db, seg.person_id, chi.on) is not None:
            extra = f"Al {chi.when} il Segretario è assente: {chi.holder('segretario')}."
        else:
            extra = f"Al {chi.when} il Segretario, {seg.name}, è in servizio."
    sec.add(D.V7_1, extra)
    return [sec]


def personale(chi: Chi, held: list[Holder]) -> list[Sezione]:
    """The responsabile del personale (art. 14 c. 8, art. 81 c. 2, art. 88 c. 1)."""
    from ordina.engine.situazione import absences_of_kinds, pending_assignments, po_holders

    sec = Sezione("Come responsabile del personale", "As responsabile del personale")
    extra = ""
    if chi.s is not None and chi.s.personal:
        away = absences_of_kinds(chi.db, chi.on, ("malattia", "infortunio", "maternita",
                                                  "aspettativa"))
        extra = f"Al {chi.when}: " + (_few(away, "; ") if away else "nessuna assenza di "
                                      "questo tipo") + "."
    sec.add(D.P81_2, extra)
    extra = ""
    if chi.s is not None and chi.s.personal:
        heads = set(po_holders(chi.db, chi.on))
        waiting = [a for a in pending_assignments(chi.db, None, chi.on)
                   if a.person_id not in heads]
        extra = f"Richieste di dipendenti in attesa al {chi.when}: " + (
            _few([f"n. {a.id} di {a.person_name}" for a in waiting]) or "nessuna") + "."
    sec.add(D.P88_1, extra)
    sec.add(D.P14_8)
    return [sec]


def datore(chi: Chi, held: list[Holder]) -> list[Sezione]:
    """The Datore di lavoro for safety at work (art. 83 c. 2-4)."""
    sec = Sezione("Come Datore di lavoro (D.Lgs. 81/2008)",
                  "As Datore di lavoro (D.Lgs. 81/2008)")
    sec.add(D.DL83_2)
    sec.add(D.DL83_3, f"Al {chi.when}: {chi.holder('rspp')}." if chi.db else "")
    sec.add(D.DL83_4, f"Al {chi.when}: {chi.holder('medico_competente')}." if chi.db else "")
    return [sec]


def sindaco(chi: Chi, held: list[Holder]) -> list[Sezione]:
    """The Sindaco's duties towards the offices (art. 14, 17, 28, 75-76, 81, 83)."""
    from ordina.engine.situazione import uncovered_areas

    sec = Sezione("Come Sindaco (verso gli uffici)", "As Sindaco (towards the offices)")
    sec.add(D.SI14_1)
    extra = ""
    if chi.db is not None and chi.s is not None and chi.s.personal:
        gaps = uncovered_areas(chi.db, chi.on)
        extra = f"Al {chi.when} senza sostituto: " + (_few(gaps, "; ") if gaps else
                                                     "nessuna Area") + "."
    sec.add(D.SI17_3, extra)
    for duty in (D.SI76_1, D.SI81_1, D.SI75_6, D.SI28_6):
        sec.add(duty)
    sec.add(D.SI83_1, f"Al {chi.when}: {chi.holder('datore_lavoro')}." if chi.db else "")
    return [sec]


#: Office codes -> the duties of that office, in the order an answer lists them.
ROLES: dict[str, Callable[[Chi, list[Holder]], list[Sezione]]] = {
    "segretario": segretario, "rpc": rpc, "vice_segretario": vice,
    "responsabile_area": responsabile,
    "responsabile_personale": personale, "datore_lavoro": datore,
    "responsabile_procedimento": procedimento, "sindaco": sindaco,
}


# ------------------------------------------------------------------ the lookup
def _describe(s: Any, english: bool = False) -> str:
    """``Responsabile di Area (PO/EQ), Area Finanziaria; tempo indeterminato, tempo pieno, D1``
    (``english``: "…; tempo indeterminato, full time, category D1", the names as recorded)."""
    from ordina.store.vocab import OFFICES, label

    offices = "; ".join(label(OFFICES, h.office) + (f", {h.unit_name}" if h.unit_name else "")
                        + (" (ad interim)" if h.ad_interim else "") for h in s.offices)
    job = s.employment
    if job is not None and english:
        pt = "full time" if job.part_time_pct >= 100 else f"part-time {job.part_time_pct}%"
        work = f"{job.contract_label}, {pt}, category {job.category}"
    elif job is not None:
        pt = "tempo pieno" if job.part_time_pct >= 100 else f"part-time al {job.part_time_pct}%"
        work = f"{job.contract_label}, {pt}, categoria {job.category}"
    elif s.missing:
        work = ("employment not in the public database" if english else
                "rapporto di lavoro non presente nel database pubblico")
    else:
        work = "not an employee of the Comune" if english else "non è dipendente del Comune"
    return "; ".join(x for x in (offices, work) if x)


#: How a role in general is named in an English answer (``Whom.name`` is Italian).
ROLE_NAMES_EN = {"un dipendente": "an employee"}


def _head(chi: Chi, whom: Any, english: bool) -> str:
    """"Obblighi di **X** al DATE (…)", or of a role "secondo il regolamento" with who holds
    it; ``english``: "Duties of **X** on DATE (…)", "… under the regulation"."""
    from ordina.engine.offices import holders

    when = chi.when
    if chi.s is not None:
        if english:
            return f"Duties of **{chi.s.name}** on {when} ({_describe(chi.s, True)})"
        return f"Obblighi di **{chi.s.name}** al {when} ({_describe(chi.s)})"
    if english:
        head = (f"Duties of the role «{whom.name}» under the regulation" if whom.office else
                f"Duties of {ROLE_NAMES_EN.get(whom.name, whom.name)} under the regulation")
    else:
        head = (f"Obblighi del ruolo «{whom.name}» secondo il regolamento" if whom.office
                else f"Obblighi di {whom.name} secondo il regolamento")
    if whom.office and chi.db is not None:
        names = ", ".join(dict.fromkeys(h.name for h in holders(chi.db, whom.office, chi.on)))
        if english:
            head += (f" (on {when} held by: {names})" if names else
                     f" (on {when} nobody holds the office)")
        else:
            head += (f" (al {when} lo ricoprono: {names})" if names else
                     f" (al {when} nessuno ricopre l'ufficio)")
    return head


#: How many names or requests a line lists before "e altri N" (a large Comune has hundreds).
MAX_ITEMS = 10
#: Numbers of this module that are not the regulation's (arithmetic, display).
NON_NORMATIVI = ("MAX_ITEMS",)


def _few(items: list[str], sep: str = ", ") -> str:
    """``a, b, c`` or the first :data:`MAX_ITEMS` and ``e altri N``."""
    if len(items) <= MAX_ITEMS:
        return sep.join(items)
    return sep.join(items[:MAX_ITEMS]) + f"{sep}e altri {len(items) - MAX_ITEMS}"


def _request_rows(chi: Chi, sec: Sezione, requests: list[Any], whose: bool) -> None:
    """One row per pending request (art. 88 c. 6), at most :data:`MAX_ITEMS`."""
    for a in requests[:MAX_ITEMS]:
        sec.note(_request_line(chi, a, f" di {a.person_name}" if whose else ""), "art. 88 c. 6")
    if len(requests) > MAX_ITEMS:
        sec.note(f"… e altre {len(requests) - MAX_ITEMS} richieste in attesa.", "art. 88 c. 6")


def _sections(chi: Chi, office: str | None, unit_id: int | None,
              only_assignments: bool) -> list[Sezione]:
    s = chi.s
    if s is None:
        return ROLES[office](chi, []) if office in ROLES else dipendente(chi, only_assignments)
    out: list[Sezione] = []
    if not only_assignments:
        for code in [office] if office else list(ROLES):
            held = s.holds(code) if code in ROLES else []
            if unit_id is not None and code == office:
                held = [h for h in held if h.unit_id == unit_id] or held
            if code == "rpc" and not held and s.holds("segretario") and not _has_rpc(chi):
                held = s.holds("segretario")  # art. 6 c. 5 trattino 8: the Segretario is RPC
            if held:
                out += ROLES[code](chi, held)
        if office == "segretario" and s.holds("segretario") and (
                s.holds("rpc") or not _has_rpc(chi)):
            out += rpc(chi, s.holds("segretario"))
    employee = s.employment is not None or (not s.personal and bool(s.holds(
        "responsabile_area", "responsabile_procedimento", "responsabile_personale",
        "vice_segretario", "responsabile_servizio")))
    if employee and not s.holds("segretario") and (office is None or only_assignments):
        out += dipendente(chi, only_assignments)
    return out


def _has_rpc(chi: Chi) -> bool:
    from ordina.engine.situazione import one

    return chi.db is not None and one(chi.db, "rpc", chi.on) is not None


def _lookup(query: Any, ctx: Context) -> Outcome:
    from ordina.engine.persona import resolve_whom
    from ordina.engine.situazione import read_situation

    on = question_date(query, ctx)
    whom = resolve_whom(ctx.db, query, on)
    if whom.problem and whom.person_id is None and whom.office is None:
        return Outcome(None, whom.problem)
    text = str(getattr(query, "text", "") or "")
    facts = dict(getattr(query, "facts", None) or {})
    facts.update(ctx.stated)
    only = bool(_ASSIGNMENT_WORDS.search(text)) or "activity_kind" in facts
    english = getattr(query, "lang", "it") == "en"
    chi = Chi(ctx.db, on, facts=facts)
    when = chi.when
    if whom.person_id is not None:
        chi.s = read_situation(ctx.db, whom.person_id, on)
        origin = TraceStep(f"Dal database al {when}: {chi.s.name}, {_describe(chi.s)}.", None)
    else:
        origin = TraceStep(f"Nessuna persona indicata: obblighi del ruolo ({whom.name}).", None)
    head = _head(chi, whom, english)
    sections = _sections(chi, whom.office, whom.unit_id, only)
    if not sections:
        return Outcome(None, head + (": the regulation gives them no duties as an employee or "
                                     "as the holder of one of the offices it governs." if english
                                     else ": il regolamento non gli attribuisce obblighi come "
                                     "dipendente o titolare di uno degli uffici che disciplina."),
                       (), (origin,), data={"persona": whom.name, "obblighi": 0})
    lines = [head + ":"]
    steps = [origin]
    citations: list[str] = []
    for sec in sections:
        lines += ["", f"**{sec.heading(english)}**"]
        for row, cite in sec.rows:
            lines.append(f"- {row}" + (f" ({cite})" if cite else ""))
            steps.append(TraceStep(f"{sec.title}: {row}", cite))
            if cite and cite not in citations:
                citations.append(cite)
    if chi.s is not None and (chi.s.employment is not None or chi.s.missing):
        lines += ["", (f"Prohibitions and incompatibilities checked on the data: "
                       f"«incompatibilities of {chi.s.name}»." if english else
                       f"Divieti e incompatibilità verificati sui dati: «incompatibilità di "
                       f"{chi.s.name}».")]
    if chi.s is not None and chi.s.missing and english:
        lines += ["", "This database is the public copy: it lacks " + ", ".join(chi.s.missing)
                  + ". Working hours, pay, external assignments and pending requests are not "
                  "known: the duties that depend on them are given without the personal "
                  "figures."]
    elif chi.s is not None and chi.s.missing:
        lines += ["", "Questo database è la versione pubblica: mancano "
                  + ", ".join(chi.s.missing) + ". Regime orario, retribuzione, incarichi "
                  "esterni e richieste in corso non sono noti: gli obblighi che ne dipendono "
                  "sono indicati senza le cifre personali."]
    rows = sum(len(sec.rows) for sec in sections)
    data = {"persona": whom.name, "ruoli": [sec.title for sec in sections], "obblighi": rows}
    return Outcome(None, "\n".join(lines), tuple(citations), tuple(steps), data=data)


OBBLIGHI = Lookup(
    id="obblighi.persona",
    title="Obblighi di una persona o di un ufficio alla data, comma per comma",
    citations=tuple(dict.fromkeys(d.cite for d in D.every_duty().values())),
    intents=(INTENT,),
    run=_lookup,
)


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """The duties of a person, an office or a role, from the database as of the date."""
    return [OBBLIGHI]
