"""Sostituzioni: Segretario e Vice (art. 6–7), mansioni superiori (art. 13), interim di PO (art. 17).

* "Chi sostituisce X il giorno D?" is answered from the database (lookup
  ``sostituzioni.chi_sostituisce``), following the chain when the substitute is absent
  too and saying plainly where it breaks (a gap);
* ``sostituzioni.mansioni_superiori`` checks temporary higher duties (art. 13);
* ``sostituzioni.interim`` checks an ad-interim PO and its allowance (art. 17);
* ``sostituzioni.copertura`` finds, in the audit, Aree whose head is absent or missing
  with nobody ad interim.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from ordina.answer import TraceStep
from ordina.engine import (
    Check,
    Context,
    F,
    Lookup,
    Outcome,
    Rule,
    Rules,
    Subject,
    is_false,
    is_true,
)
from ordina.engine.check import Azione, Decision
from ordina.engine.logic import ALWAYS, Call
from ordina.engine.offices import (
    Chain,
    Holder,
    absence,
    absences_known,
    articled,
    describe_absence,
    holders,
    offices_held,
    person_name,
    question_date,
    resolve_target,
)
from ordina.engine.provenance import FactSet
from ordina.engine.vocabulary import FactSpec
from ordina.hookspecs import hookimpl
from ordina.norma import Norma
from ordina.query.periods import Period, describe, segments
from ordina.store.audit_facts import higher_duty_rows
from ordina.store.office_queries import next_absence
from ordina.store.organisation import areas_on

# -- the regulation's numbers, beside the commi ---------------------------------------------
#: art. 13 c. 1 trattino 1: higher duties on a vacant post, at most 6 months...
MESI_VACANZA = Norma(6, "art. 13 c. 1 trattino 1", "per un periodo non superiore a sei mesi")
#: ...extendable to 12 when the procedures to fill the post have started.
MESI_VACANZA_PROROGA = Norma(12, "art. 13 c. 1 trattino 1", "prorogabili fino a dodici")
#: art. 17 c. 2: result allowance plus the interim increase ≤ 25% of the position allowance.
TETTO_RISULTATO_PERCENTO = Norma(25, "art. 17 c. 2", "costituito dal 25% dell’indennità di posizione")

#: Offices that head a unit. Art. 17 applies to titolari di posizione organizzativa only.
HEAD_OFFICES = ("responsabile_area", "responsabile_servizio", "responsabile_ufficio",
                "responsabile_progetto", "dirigente")
PO_OFFICES = ("responsabile_area", "dirigente")

#: Store absence kinds -> ``absence_kind`` of the vocabulary (art. 13 c. 1 trattino 2).
ABSENCE = {"ferie": "ferie", "malattia": "malattia", "infortunio": "malattia",
           "maternita": "aspettativa", "paternita": "aspettativa",
           "congedo_parentale": "aspettativa", "aspettativa": "aspettativa"}

EXTRA_FACTS = [
    FactSpec("result_allowance_percent", "percent", (),
             "Qual è la retribuzione di risultato del sostituto, in percentuale della sua "
             "retribuzione di posizione?"),
    FactSpec("unit_head_absent", "bool", (), "Il responsabile dell'unità è assente?"),
    FactSpec("unit_head_vacant", "bool", (), "Il posto di responsabile dell'unità è vacante?"),
    FactSpec("interim_appointed", "bool", (), "È stato nominato un responsabile ad interim?"),
]


# ------------------------------------------------------------------ art. 13
def _category_step(current: str, target: str) -> bool | None:
    """Whether ``target`` is the category immediately above ``current`` (B→C, C→D)."""
    order = "ABCD"
    a, b = current[:1].upper(), target[:1].upper()
    if a not in order or b not in order:
        return None
    return order.index(b) == order.index(a) + 1


IMMEDIATA = Call("categoria immediatamente superiore", _category_step,
                 F("category", "categoria del dipendente"),
                 F("target_category", "categoria delle mansioni"))
ASSENZA = F("absence_kind", "motivo della sostituzione")
MESI = F("higher_duties_months", "durata in mesi")
COPERTURA = F("post_being_filled", "procedure di copertura avviate")

class _UntilRules(Rules):
    """The rules of art. 13, reading a duration the question asks about: "prorogare le
    mansioni superiori della Greco oltre aprile 2027" is the months from the recorded start
    to that day, not the recorded duration."""

    def _asked(self, values: Mapping[str, Any]) -> int | None:
        until, start = values.get("higher_duties_until"), values.get("higher_duties_start")
        if isinstance(until, date) and isinstance(start, date) and until > start:
            return _months_to(start, until)
        return None

    def decide(self, values: Mapping[str, Any]) -> Decision:
        asked = self._asked(values)
        return super().decide(values if asked is None
                              else {**values, "higher_duties_months": asked})

    def __call__(self, facts: FactSet) -> Outcome:
        asked = self._asked(facts)
        if asked is not None:
            facts = facts.with_value("higher_duties_months", asked, "domanda")
        return super().__call__(facts)


MANSIONI = Check(
    id="sostituzioni.mansioni_superiori",
    title="Mansioni superiori temporanee",
    citations=("art. 13 c. 1", "art. 13 c. 2", "art. 13 c. 3", "art. 13 c. 4", "art. 13 c. 5"),
    intents=("higher_duties",),
    facts=("category", "target_category", "absence_kind", "higher_duties_months",
           "post_being_filled", "higher_duties_start", "higher_duties_until"),
    evaluate=_UntilRules([
        Rule("non_immediata", "art. 13 c. 1", IMMEDIATA == False,
             "vietato", "Si possono affidare solo le mansioni della categoria immediatamente "
                        "superiore."),
        Rule("ferie", "art. 13 c. 1 trattino 2", ASSENZA == "ferie", "vietato",
             "L'assenza per ferie non consente di affidare mansioni superiori."),
        Rule("impedimento", "art. 13 c. 1 trattino 2", ASSENZA == "missione", "vietato",
             "Solo l'assenza con diritto alla conservazione del posto (malattia, congedi, "
             "aspettativa) consente le mansioni superiori, non una missione o un impedimento "
             "breve."),
        Rule("vacanza_oltre_12", "art. 13 c. 1 trattino 1",
             (ASSENZA == "vacanza") & (MESI > MESI_VACANZA_PROROGA.value), "vietato",
             f"Per un posto vacante le mansioni superiori durano al massimo "
             f"{MESI_VACANZA_PROROGA.value} mesi, proroga compresa."),
        Rule("vacanza_oltre_6", "art. 13 c. 1 trattino 1",
             (ASSENZA == "vacanza") & (MESI > MESI_VACANZA.value) & (COPERTURA == False),
             "vietato", f"Oltre {MESI_VACANZA.value} mesi la proroga è ammessa solo se sono avviate le "
                        "procedure per coprire il posto vacante."),
        Rule("vacanza_6", "art. 13 c. 1 trattino 1",
             (ASSENZA == "vacanza") & (MESI <= MESI_VACANZA.value) & (IMMEDIATA == True),
             "consentito", f"Posto vacante: mansioni superiori ammesse fino a {MESI_VACANZA.value} "
                           "mesi."),
        Rule("vacanza_12", "art. 13 c. 1 trattino 1",
             (ASSENZA == "vacanza") & (MESI <= MESI_VACANZA_PROROGA.value) & (COPERTURA == True)
             & (IMMEDIATA == True),
             "consentito", f"Posto vacante in corso di copertura: mansioni superiori ammesse "
                           f"fino a {MESI_VACANZA_PROROGA.value} mesi."),
        Rule("assenza", "art. 13 c. 1 trattino 2",
             ASSENZA.isin(("malattia", "aspettativa")) & (IMMEDIATA == True),
             "consentito", "Sostituzione di un dipendente assente con diritto alla conservazione "
                           "del posto: mansioni superiori per la durata dell'assenza."),
        Rule("differenza", "art. 13 c. 2", ALWAYS, None,
             "Spetta la differenza tra il trattamento iniziale del proprio profilo e quello "
             "delle mansioni superiori.", when_verdict=("consentito",)),
        Rule("non_definitive", "art. 13 c. 3", ALWAYS, None,
             "Le mansioni superiori temporanee non danno diritto all'assegnazione definitiva.",
             when_verdict=("consentito",)),
        Rule("rotazione", "art. 13 c. 4", ALWAYS, None,
             "Si assegnano a rotazione tra più dipendenti, con determinazione del responsabile "
             "dell'Area, nei limiti delle risorse del PEG.", when_verdict=("consentito",)),
        Rule("prevalenza", "art. 13 c. 5", ALWAYS, None,
             "Affidare solo alcuni compiti, senza prevalenza, non è esercizio di mansioni "
             "superiori.", when_verdict=("consentito",)),
    ]),
    audit=("mansione",),
    actions={
        "ferie": (Azione("revocare l'incarico di mansioni superiori: le ferie non lo consentono",
                         "art. 13 c. 1 trattino 2"),),
        "impedimento": (Azione("revocare l'incarico di mansioni superiori", "art. 13 c. 1 "
                               "trattino 2"),),
        "*": (Azione("far cessare le mansioni superiori e, per un posto vacante, concluderne la "
                     "copertura", "art. 13 c. 1 trattino 1"),),
    },
)


# ------------------------------------------------------------------ art. 17
MAGGIORAZIONE = F("interim_increase_percent", "maggiorazione per l'interim (%)")
RISULTATO = F("result_allowance_percent", "retribuzione di risultato (%)")

INTERIM = Check(
    id="sostituzioni.interim",
    title="Incarico di posizione organizzativa ad interim",
    citations=("art. 17 c. 1", "art. 17 c. 2", "art. 17 c. 3"),
    intents=("substitute",),
    facts=("is_po_holder", "interim_increase_percent", "result_allowance_percent"),
    evaluate=Rules([
        Rule("non_po", "art. 17 c. 1", is_false("is_po_holder", "titolare di altra PO"),
             "vietato", "L'interim si affida solo a un altro titolare di posizione "
                        "organizzativa."),
        # the pay is a condition of the act while no increase is stated: "diamo l'interim
        # alla Romano?" asks who may hold it (c. 1), not what it pays (c. 2)
        Rule("maggiorazione_oltre", "art. 17 c. 2", MAGGIORAZIONE > TETTO_RISULTATO_PERCENTO.value,
             "vietato", f"La maggiorazione da sola supera il {TETTO_RISULTATO_PERCENTO.value}% della "
                        "retribuzione di posizione, tetto della retribuzione di risultato.",
             deferrable=True, assessed=("interim_increase_percent",)),
        Rule("somma_oltre", "art. 17 c. 2",
             MAGGIORAZIONE + RISULTATO > TETTO_RISULTATO_PERCENTO.value, "vietato",
             f"Risultato più maggiorazione supererebbero il {TETTO_RISULTATO_PERCENTO.value}% della "
             "retribuzione di posizione.",
             deferrable=True, assessed=("interim_increase_percent",)),
        Rule("ammesso", "art. 17 c. 1",
             is_true("is_po_holder", "titolare di altra PO"),
             "consentito", "Interim a un altro titolare di PO, con maggiorazione entro il tetto "
                           f"del {TETTO_RISULTATO_PERCENTO.value}%, legata agli obiettivi raggiunti."),
        Rule("sindaco", "art. 17 c. 3", ALWAYS, None, "Il sostituto è individuato dal Sindaco.",
             when_verdict=("consentito",)),
    ]),
    audit=("interim",),
    actions={
        "non_po": (Azione("affidare l'interim a un altro titolare di posizione organizzativa",
                          "art. 17 c. 1"),),
        "*": (Azione("ricondurre risultato e maggiorazione entro il tetto del 25% della "
                     "retribuzione di posizione", "art. 17 c. 2"),),
    },
)


# ------------------------------------------------------------------ coverage (audit)
def _coverage(facts: FactSet) -> Outcome:
    """An Area whose head is absent or missing needs an interim (art. 17 c. 1 and c. 3)."""
    absent, vacant = facts.get("unit_head_absent"), facts.get("unit_head_vacant")
    interim = facts.get("interim_appointed")
    if interim is True or (absent is False and vacant is False):
        return Outcome(None, "Responsabile in servizio o interim nominato.",
                       ("art. 17 c. 1",), finding=False)
    if interim is False and (absent is True or vacant is True):
        why = "vacante" if vacant is True else "assente"
        step = TraceStep(f"Il responsabile è {why} e non è nominato un interim: il Sindaco "
                         "individua il sostituto tra i titolari di posizione organizzativa.",
                         "art. 17 c. 3")
        return Outcome(None, f"Unità scoperta: responsabile {why}, nessun interim nominato.",
                       ("art. 17 c. 1", "art. 17 c. 3"),
                       (TraceStep("In caso di vacanza o assenza del titolare l'incarico può "
                                  "essere affidato ad interim.", "art. 17 c. 1"), step),
                       finding=True)
    missing = [n for n in ("unit_head_absent", "unit_head_vacant", "interim_appointed")
               if n not in facts]
    return Outcome.needs(missing, citations=("art. 17 c. 1",))


COPERTURA_CHECK = Check(
    id="sostituzioni.copertura",
    title="Unità senza responsabile né interim",
    citations=("art. 17 c. 1", "art. 17 c. 3"),
    intents=(),
    facts=("unit_head_absent", "unit_head_vacant", "interim_appointed"),
    evaluate=_coverage,
    audit=("unita:area",),
    severity="attenzione",
    actions={
        "*": (Azione("il Sindaco individua il sostituto ad interim tra i titolari di posizione "
                     "organizzativa", "art. 17 c. 3"),),
    },
)


# ------------------------------------------------------------------ who substitutes whom
_art = articled


def _absent_step(db: Any, who: Holder | int, on: date, role: str, cite: str) -> bool:
    return absence(db, who.person_id if isinstance(who, Holder) else who, on) is not None


def _segretario_chain(db: Any, holder: Holder, on: date, chain: Chain) -> None:
    vices = holders(db, "vice_segretario", on)
    if not vices:
        chain.gap = ("nessun Vice Segretario in carica: il Sindaco lo nomina tra i responsabili "
                     "in possesso dei requisiti (art. 7 c. 2)")
        chain.gap_en = ("no Vice Segretario is in office: the Sindaco appoints one among the "
                        "heads who meet the requirements (art. 7 c. 2)")
        chain.steps.append(TraceStep("Nessun Vice Segretario in carica alla data.", "art. 7 c. 2"))
        return
    vice = vices[0]
    away = absence(db, vice.person_id, on)
    chain.steps.append(TraceStep(
        f"Il Vice Segretario {vice.name} sostituisce il Segretario in caso di vacanza, assenza "
        f"o impedimento ({vice.act or 'atto non indicato'})"
        + (f"; ma è anch'egli {describe_absence(*away)}." if away else "."), "art. 7 c. 1"))
    if away:
        chain.gap = ("Segretario e Vice Segretario sono entrambi assenti: serve un Segretario "
                     "reggente o a scavalco, nominato secondo la legge (art. 6 c. 4)")
        chain.gap_en = ("the Segretario and the Vice Segretario are both absent: a regent or "
                        "acting Segretario is needed, appointed as the law provides (art. 6 c. 4)")
        chain.steps.append(TraceStep("Nomina, conferma e revoca del Segretario (e quindi la "
                                     "reggenza) sono disciplinate dalla legge.", "art. 6 c. 4"))
        return
    chain.acting = vice
    chain.acting_cite = "art. 7 c. 1"


def _unit_chain(db: Any, unit_id: int, unit_name: str, on: date, chain: Chain,
                exclude: int | None = None) -> None:
    interims = [h for h in holders(db, "responsabile_area", on, unit_id, interim=True)
                if h.person_id != exclude]
    for interim in interims:
        away = absence(db, interim.person_id, on)
        chain.steps.append(TraceStep(
            f"{unit_name} è affidata ad interim a {interim.name} "
            f"({interim.act or 'atto non indicato'})"
            + (f", che però è {describe_absence(*away)}." if away else "."), "art. 17 c. 1"))
        if not away:
            chain.acting = interim
            chain.acting_cite = "art. 17 c. 1"
            return
    if not interims:
        chain.steps.append(TraceStep(f"Per {_art(unit_name)} non è nominato alcun responsabile ad "
                                     "interim: lo individua il Sindaco.", "art. 17 c. 3"))
    chain.gap = (f"per {_art(unit_name)} non c'è un responsabile ad interim in servizio; lo individua "
                 "il Sindaco tra gli altri titolari di posizione organizzativa (art. 17 c. 1, "
                 "art. 17 c. 3)")
    chain.gap_en = (f"the {unit_name} has no interim head in service; the Sindaco chooses one "
                    "among the other holders of a posizione organizzativa (art. 17 c. 1, "
                    "art. 17 c. 3)")
    segretari = holders(db, "segretario", on)
    if segretari:
        seg = segretari[0]
        chain.steps.append(TraceStep(
            f"Nel frattempo il Segretario {seg.name} sovrintende ai Responsabili di Area e ne "
            "coordina l'attività, ma non ne è il sostituto.", "art. 6 c. 5 trattino 2"))
        chain.steps.append(TraceStep(
            f"Se un procedimento non si conclude nei termini, il Segretario {seg.name} è "
            "titolare del potere sostitutivo (art. 2 c. 9-bis l. 241/1990).",
            "art. 6 c. 5 trattino 9"))
        if absence(db, seg.person_id, on) is None:
            chain.fallback = seg
        else:
            vices = [v for v in holders(db, "vice_segretario", on)
                     if absence(db, v.person_id, on) is None]
            chain.fallback = vices[0] if vices else None


def _employee_chain(db: Any, person_id: int, on: date, chain: Chain,
                    absence_kind: str | None = None) -> None:
    rows = []
    try:
        rows = db.conn.execute(
            "SELECT h.person_id, p.given_name || ' ' || p.surname, h.category, h.act "
            "FROM higher_duties h JOIN people p ON p.id = h.person_id "
            "WHERE h.replaces_person_id = :pid AND h.valid_from <= :on "
            "AND (h.valid_to IS NULL OR h.valid_to > :on)",
            {"pid": person_id, "on": on.isoformat()}).fetchall()
    except Exception:  # noqa: BLE001 - public export without personal tables
        rows = []
    for pid, name, category, act in rows:
        chain.steps.append(TraceStep(f"{name} svolge temporaneamente le mansioni (categoria "
                                     f"{category}) in sostituzione ({act or 'atto non indicato'}).",
                                     "art. 13 c. 1 trattino 2"))
        chain.acting = Holder(pid, name, "mansioni_superiori", act=act)
        chain.acting_cite = "art. 13 c. 1 trattino 2"
        if absence_kind == "ferie":
            chain.steps.append(TraceStep("Ma l'assenza è per ferie: in questo caso le mansioni "
                                         "superiori non sono ammesse.", "art. 13 c. 1 trattino 2"))
            chain.gap = ("le mansioni superiori non si possono affidare per coprire le ferie "
                         "(art. 13 c. 1 trattino 2)")
            chain.gap_en = ("higher duties cannot be assigned to cover annual leave "
                            "(art. 13 c. 1 trattino 2)")
            chain.irregular = True
        return
    chain.steps.append(TraceStep(
        "Nessun dipendente è incaricato di mansioni superiori in sostituzione: il lavoro è "
        "ridistribuito dal responsabile della struttura; le mansioni superiori sono ammesse "
        "solo per assenze con diritto alla conservazione del posto, escluse le ferie.",
        "art. 13 c. 1 trattino 2"))


def substitute_chain(db: Any, person_id: int, on: date) -> Chain:
    """Who stands in for ``person_id`` on ``on`` (art. 6–7, 13, 17), with the steps."""
    chain = Chain()
    name = person_name(db, person_id)
    away = absence(db, person_id, on)
    offices = offices_held(db, person_id, on)
    titular = [h for h in offices if not h.ad_interim]
    segretario = next((h for h in titular if h.office == "segretario"), None)
    heads = [h for h in titular if h.office in PO_OFFICES and h.unit_id is not None]
    when = on.strftime("%d/%m/%Y")
    first_cite = ("art. 7 c. 1" if segretario else "art. 17 c. 1" if heads
                  else "art. 13 c. 1 trattino 2")
    chain.present = away is None
    chain.away = describe_absence(*away) if away else None
    chain.away_en = describe_absence(*away, english=True) if away else None
    if not absences_known(db):
        chain.present = None
        chain.steps.append(TraceStep(
            f"Il database è la copia pubblica, senza le assenze (dati personali): non è noto se "
            f"il {when} {name} sia in servizio; in caso di assenza la regola è questa.",
            first_cite))
    elif away:
        chain.steps.append(TraceStep(f"Il {when} {name} è {describe_absence(*away)}.", first_cite))
    else:
        chain.steps.append(TraceStep(f"Il {when} {name} è in servizio: nessuna sostituzione in "
                                     "corso; in caso di assenza la regola è questa.", first_cite))
    if segretario:
        _segretario_chain(db, segretario, on, chain)
    elif heads:
        for head in heads:
            _unit_chain(db, head.unit_id or 0, head.unit_name or "l'unità", on, chain,
                        exclude=person_id)
    else:
        _employee_chain(db, person_id, on, chain, away[0] if away else None)
    return chain


@hookimpl
def ordina_substitute(ctx: Context, person_id: int, on: date) -> Chain | None:
    """The substitution rules of this regulation (art. 6–7, 13, 17)."""
    if ctx.db is None:
        return None
    return substitute_chain(ctx.db, person_id, on)


# ------------------------------------------------------------------ the lookup
#: The longest period answered day by day (a year and a day).
MAX_PERIOD_DAYS = 366
#: Limits of how an answer is shown, not numbers of the regulation.
NON_NORMATIVI = ('MAX_PERIOD_DAYS',)


def _lookup(query: Any, ctx: Context) -> Outcome:
    """Who substitutes on the day asked, or on each part of the period asked."""
    if ctx.db is None:
        return Outcome(None, "Per sapere chi sostituisce chi serve il database del personale.",
                       ("art. 7 c. 1", "art. 17 c. 1"))
    on = question_date(query, ctx)
    until = (getattr(query, "facts", None) or {}).get("period_end")
    if getattr(query, "as_of", None) is None and not isinstance(until, date):
        away = _absence_asked(query, ctx, on)
        if away is not None:  # "chi sostituisce Rossi durante le sue ferie?": those days
            return _over_period(query, ctx, away)
    if not isinstance(until, date) or until <= on or (until - on).days > MAX_PERIOD_DAYS:
        return _on_day(query, ctx, on)
    return _over_period(query, ctx, Period(on, until))


#: Words of an absence in a question, and the absence kinds of the store they mean.
_ABSENCE_WORDS = (
    (re.compile(r"\bferie\b|holiday|vacation|annual leave"), ("ferie",)),
    (re.compile(r"malatti|\bsick|illness"), ("malattia", "infortunio")),
    (re.compile(r"maternit|paternit|congedo|parental"), ("maternita", "paternita",
                                                        "congedo_parentale")),
    (re.compile(r"aspettativa|\bassen[zt]|\baway\b|\bleave\b"), ()),
)


def _absence_asked(query: Any, ctx: Context, on: date) -> Period | None:
    """The days of the absence a question speaks of without dates ("durante le sue ferie"),
    read from the database: the one in course on the date or the next."""
    text = str(getattr(query, "text", "")).lower()
    kinds = next((k for pattern, k in _ABSENCE_WORDS if pattern.search(text)), None)
    if kinds is None:
        return None
    target = resolve_target(ctx.db, getattr(query, "subject", None), on)
    if target is None or target[0] != "persona":
        return None
    found = next_absence(ctx.db, target[1], on, kinds)
    if found is None or (found[2] - found[1]).days > MAX_PERIOD_DAYS:
        return None
    return Period(found[1], found[2], found[0])


def _over_period(query: Any, ctx: Context, period: Period) -> Outcome:
    """ "dal 10 al 14 X, dal 15 Y": the period split where the answer changes."""
    answers: dict[date, Outcome] = {}

    english = getattr(query, "lang", "it") == "en"

    def key(day: date) -> str:
        answers[day] = _on_day(query, ctx, day)
        text, when = answers[day].answer, day.strftime("%d/%m/%Y")
        opening = f"On {when} " if english else f"Il {when} "
        if text.startswith(opening):
            return text[len(opening):]
        return text.replace(f"on {when}" if english else f"il {when}", "{data}", 1)

    parts = segments(period, key)
    lines, cites, steps = [], [], []
    for first, last, text in parts:
        outcome = answers[first]
        span = describe(first, last, english)
        body = text.replace("{data}", span, 1)
        lines.append(f"- **{span}**: {body}" if len(parts) > 1 else
                     f"{span.capitalize()}: {body}")
        cites += [c for c in outcome.citations if c not in cites]
        steps += [s for s in outcome.trace if s not in steps]
    data = dict(answers[parts[0][0]].data)
    data["periodi"] = [{"dal": f.isoformat(), "al": t.isoformat(),
                        "sostituto": answers[f].data.get("sostituto")} for f, t, _ in parts]
    return Outcome(None, "\n".join(lines), tuple(cites), tuple(steps), data=data)


def _absent_heads(ctx: Context, on: date, english: bool = False) -> Outcome:
    """ "chi è assente tra i responsabili e chi li sostituisce?": every titular head absent
    on ``on`` and who stands in (art. 7 c. 1, art. 17 c. 1)."""
    from ordina.store.queries import absent_on, heads_on, office_holders

    away = absent_on(ctx.db, on)
    heads = [*heads_on(ctx.db, on).values(), *office_holders(ctx.db, "segretario", on)]
    people = list(dict.fromkeys(h.person_id for h in heads if h.person_id in away))
    when = on.strftime("%d/%m/%Y")
    if not people:
        return Outcome(None, f"On {when} no head is recorded as absent (from the database: "
                             "absences)." if english else
                             f"Il {when} nessun responsabile risulta assente (dal database: "
                             "assenze).", ("art. 17 c. 1",))
    lines, cites, steps = [], [], []
    for pid in people:
        chain = substitute_chain(ctx.db, pid, on)
        lines.append("- " + _sentence(chain, person_name(ctx.db, pid), on, english))
        cites += [st.citation for st in chain.steps if st.citation]
        steps += chain.steps
    if english:
        head = f"On {when} {len(people)} heads are absent (from the database: absences):\n"
    else:
        head = f"Il {when} sono assenti {len(people)} responsabili (dal database: assenze):\n"
    text = (head if len(people) > 1 else "") + "\n".join(lines)
    return Outcome(None, text, tuple(dict.fromkeys(cites)) or ("art. 17 c. 1",), tuple(steps))


def _on_day(query: Any, ctx: Context, on: date) -> Outcome:
    subject = getattr(query, "subject", None)
    english = getattr(query, "lang", "it") == "en"
    if subject is None or getattr(subject, "kind", None) == "generic":
        # nobody named: the heads absent that day, and who stands in for each
        return _absent_heads(ctx, on, english)
    target = resolve_target(ctx.db, subject, on)
    if target is None:
        return Outcome(None, "I cannot find the person or unit in the database: give a name "
                             "and surname, an Area or an office (e.g. «the Segretario»)."
                       if english else
                       "Non trovo nel database la persona o l'unità indicata: indica "
                       "nome e cognome, un'Area o un ufficio (es. «il segretario»).",
                       ("art. 7 c. 1", "art. 17 c. 1"))
    kind, key, name = target
    if kind == "ufficio":
        when = on.strftime("%d/%m/%Y")
        chain = Chain(gap=f"nessuno ricopre l'ufficio «{name}» il {when}",
                      gap_en=f"nobody holds the office «{name}» on {when}")
    elif kind == "unita":
        heads = [h for office in HEAD_OFFICES for h in holders(ctx.db, office, on, key, False)]
        if heads:
            chain = substitute_chain(ctx.db, heads[0].person_id, on)
            name = (f"{heads[0].name} (head of the {name})" if english else
                    f"{heads[0].name} (responsabile {_art(name, 'di')})")
            chain.steps.insert(0, TraceStep(f"{heads[0].unit_name} è diretta da {heads[0].name} "
                                            f"({heads[0].act or 'atto non indicato'}).",
                                            "art. 17 c. 1"))
        else:
            chain = Chain([TraceStep(f"{name}: posto di responsabile vacante.", "art. 17 c. 1")])
            _unit_chain(ctx.db, key, name, on, chain)
    else:
        found = ctx.checks().pm.hook.ordina_substitute(ctx=ctx, person_id=key, on=on)
        chain = found or substitute_chain(ctx.db, key, on)
    text = _sentence(chain, name, on, english)
    cites = tuple(dict.fromkeys(s.citation for s in chain.steps if s.citation))
    if chain.acting is not None and chain.acting.ad_interim and not chain.irregular:
        mayor = holders(ctx.db, "sindaco", on)
        who = f" (**{mayor[0].name}**)" if mayor else ""
        text += (f" The interim is given by the Sindaco{who} (art. 17 c. 3)." if english else
                 f" L'interim lo conferisce il Sindaco{who} (art. 17 c. 3).")
        cites = (*cites, "art. 17 c. 3")
    data = {"sostituto": chain.acting.name if chain.acting and not chain.irregular else None,
            "incaricato": chain.acting.name if chain.acting else None, "lacuna": chain.gap,
            "in_servizio": chain.present}
    return Outcome(None, text, cites, tuple(chain.steps), data=data)


#: The role of who stands in, by the comma that makes them the substitute (Italian, English).
_ROLES = {"art. 7 c. 1": (", Vice Segretario", " as Vice Segretario"),
          "art. 17 c. 1": (", responsabile ad interim", " as interim head"),
          "art. 13 c. 1 trattino 2": (", con mansioni superiori", " on higher duties")}
#: The words of :func:`_sentence`, Italian and English (index 0 and 1); names, acts,
#: citations and the chain's reasons are filled in.
_SAYS: dict[str, tuple[str, str]] = {
    "public": (("Questo database è la copia pubblica e non contiene le assenze (dati "
                "personali): non so se il {when} **{name}** sia in servizio."),
               ("This database is the public copy and holds no absences (personal data): I "
                "cannot tell whether **{name}** is in service on {when}.")),
    "present": ("Il {when} **{name}** è in servizio: nessuna sostituzione in corso.",
                "On {when} **{name}** is in service: no substitution is under way."),
    "would": (" In sua assenza agirebbe **{acting}**{role} ({act}; {cite}).",
              " In their absence **{acting}** would act{role} ({act}; {cite})."),
    "if_absent": ("\n\nIn caso di assenza nessun sostituto è nominato: {gap}.",
                  "\n\nIn case of absence no substitute is named: {gap}."),
    "away": (" è {away}", " is {away}"),
    "not_in_service": (" non è in servizio", " is not in service"),
    "irregular": (("Il {when} {who}. Le sue mansioni sono affidate a **{acting}** ({act}), ma "
                   "l'affidamento non è ammesso: {gap}."),
                  ("On {when} {who}. Their duties are given to **{acting}** ({act}), but that "
                   "is not allowed: {gap}.")),
    "instead": ("Il {when} {who}: al suo posto agisce **{acting}**{role} ({act}; {cite}).",
                "On {when} {who}: **{acting}** acts instead{role} ({act}; {cite})."),
    "nobody": ("Il {when} {who} e **nessun sostituto è nominato**",
               "On {when} {who} and **no substitute is named**"),
    "fallback": (("\n\nNel frattempo **{fallback}**, come Segretario, sovrintende ai "
                  "responsabili (art. 6 c. 5 trattino 2) ed è titolare del potere sostitutivo "
                  "se un procedimento non si conclude nei termini (art. 6 c. 5 trattino 9): non "
                  "è però il sostituto del responsabile."),
                 ("\n\nMeanwhile **{fallback}**, as Segretario, oversees the heads (art. 6 c. "
                  "5 trattino 2) and holds the substitute power if a procedure is not concluded "
                  "in time (art. 6 c. 5 trattino 9), but is not the head's substitute.")),
}


def _sentence(chain: Chain, name: str, on: date, english: bool = False) -> str:
    """The answer in plain words: who stands in, by which act, or that nobody does; an
    English question gets the frame in English, names, acts and citations as recorded."""
    lang = 1 if english else 0
    says = {key: pair[lang] for key, pair in _SAYS.items()}
    acting, cite = chain.acting, chain.acting_cite or "art. 17 c. 1"
    gap = (chain.gap_en or chain.gap) if english else chain.gap
    away = chain.away_en if english else chain.away
    words = {"when": on.strftime("%d/%m/%Y"), "name": name, "cite": cite, "gap": gap,
             "role": _ROLES.get(cite, ("", ""))[lang],
             "acting": acting.name if acting is not None else "",
             "act": acting.appointment(english=english) if acting is not None else ""}
    if chain.present is not False:
        text = says["public" if chain.present is None else "present"].format(**words)
        if acting is not None:
            text += says["would"].format(**words)
        elif gap:
            text += says["if_absent"].format(**words)
        return text
    words["who"] = f"**{name}**" + (says["away"].format(away=away) if away
                                    else says["not_in_service"])
    if acting is not None:
        return says["irregular" if chain.irregular else "instead"].format(**words)
    text = says["nobody"].format(**words) + (f": {gap}." if gap else ".")
    if chain.fallback is not None:
        text += says["fallback"].format(fallback=chain.fallback.name)
    return text


CHI_SOSTITUISCE = Lookup(
    id="sostituzioni.chi_sostituisce",
    title="Chi sostituisce una persona, un'Area o un ufficio a una data",
    citations=("art. 6 c. 4", "art. 6 c. 5 trattino 2", "art. 6 c. 5 trattino 9", "art. 7 c. 1",
               "art. 7 c. 2",
               "art. 13 c. 1 trattino 2", "art. 17 c. 1", "art. 17 c. 3"),
    intents=("substitute",),
    run=_lookup,
)


# ------------------------------------------------------------------ audit subjects
def _months(start: str, end: str | None) -> int | None:
    if not end:
        return None
    a, b = date.fromisoformat(start), date.fromisoformat(end)
    return math.ceil(((b - a).days) / 30.44 - 0.05)


def _months_to(start: date, last: date) -> int:
    """The months a duty from ``start`` to ``last`` (included) lasts, any part counting:
    1 May 2026 to 30 April 2027 is 12; to 1 May 2027, 13."""
    months = (last.year - start.year) * 12 + last.month - start.month
    ends = _add_months(start, months)
    return months + 1 if ends <= last else months


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    last = calendar.monthrange(day.year + year, month + 1)[1]
    return date(day.year + year, month + 1, min(day.day, last))


def _higher_duty_subjects(ctx: Context) -> list[Subject]:
    db, on = ctx.db, ctx.as_of
    rows = higher_duty_rows(db, on, ctx.person)
    out = []
    for (hid, pid, name, target, reason, _repl, filling, start, end, category, absent) in rows:
        values: dict[str, Any] = {}
        if category:
            values["category"] = category
        if target:
            values["target_category"] = target if len(target) > 1 else f"{target}1"
        if reason == "vacanza":
            values["absence_kind"] = "vacanza"
        elif absent in ABSENCE:
            values["absence_kind"] = ABSENCE[absent]
        months = _months(start, end)
        if months is not None:
            values["higher_duties_months"] = months
        values["higher_duties_start"] = date.fromisoformat(start)
        if filling is not None:
            values["post_being_filled"] = bool(filling)
        facts = FactSet.from_values(values, "db", f"al {on.strftime('%d/%m/%Y')} "
                                                  f"(mansioni superiori di {name})")
        out.append(Subject("mansione", hid, f"mansioni superiori di {name} dal "
                                            f"{date.fromisoformat(start).strftime('%d/%m/%Y')}",
                           facts, person=pid))
    return out


def _unit_subjects(ctx: Context) -> list[Subject]:
    db, on = ctx.db, ctx.as_of
    out = []
    for uid, name in areas_on(db, on):
        titular = holders(db, "responsabile_area", on, uid, interim=False)
        interim = holders(db, "responsabile_area", on, uid, interim=True)
        values = {"unit_head_vacant": not titular,
                  "unit_head_absent": bool(titular) and absence(db, titular[0].person_id, on)
                  is not None,
                  "interim_appointed": bool(interim)}
        facts = FactSet.from_values(values, "db", f"al {on.strftime('%d/%m/%Y')} ({name})")
        out.append(Subject("unita", uid, name, facts, ("area",), unit=uid))
    return out


def _interim_subjects(ctx: Context) -> list[Subject]:
    db, on = ctx.db, ctx.as_of
    out = []
    for h in holders(db, "responsabile_area", on, interim=True):
        if ctx.person is not None and h.person_id != ctx.person:
            continue
        others = [o for o in offices_held(db, h.person_id, on)
                  if o.office == "responsabile_area" and not o.ad_interim]
        facts = FactSet.from_values({"is_po_holder": bool(others)}, "db",
                                    f"al {on.strftime('%d/%m/%Y')} ({h.name})")
        out.append(Subject("interim", f"interim-{h.unit_id}-{h.person_id}",
                           f"interim di {h.unit_name} a {h.name}", facts, person=h.person_id))
    return out


@hookimpl
def ordina_audit_subjects(ctx: Context) -> list[Subject] | None:
    """Aree (coverage), ad-interim offices and higher duties of the date."""
    if ctx.db is None:
        return None
    units = _unit_subjects(ctx) if ctx.person is None else []
    return [*units, *_interim_subjects(ctx), *_higher_duty_subjects(ctx)]


def _person_key(ctx: Context, subject: Subject) -> int | None:
    """The ``people.id`` of a person subject of a question, when the database knows one."""
    if getattr(subject.key, "kind", subject.kind) not in ("person", "persona", "self"):
        return None
    key = getattr(subject.key, "key", None) if not isinstance(subject.key, int) else subject.key
    if key is not None and str(key).isdigit():
        return int(key)
    target = resolve_target(ctx.db, subject.key, ctx.as_of) if subject.key is not None else None
    return target[1] if target and target[0] == "persona" else None


@hookimpl
def ordina_subject_facts(ctx: Context, subject: Subject) -> list[Any] | None:
    """A person's higher-duties row (art. 13): the category of the post covered, why its
    holder is away, how long, whether the post is being filled — so they are not asked.

    The row in force on the date, or an ended one covering the colleague the question
    names ("Ferrari … per sostituire la Romano"); its provenance names it. An ended row says
    nothing of another duty ("could Ferrari stand in for Verdi?" is not his August one).
    """
    if ctx.db is None:
        return None
    pid = _person_key(ctx, subject)
    if pid is None:
        return None
    rows = _higher_duty_subjects(replace(ctx, person=pid, registry=ctx.registry))
    if not rows:
        return None
    on = ctx.as_of.isoformat()
    current = [r for r in rows if _covers(ctx, r.key, on)] or [
        r for r in rows if _names_the_replaced(ctx, r.key)]
    if not current:
        return None
    chosen = max(current, key=lambda r: r.key)
    return [replace(f, detail=f"({chosen.label}, riga {chosen.key})")
            for f in chosen.facts.facts() if f.name != "category"]


def _names_the_replaced(ctx: Context, hid: int) -> bool:
    """The question names the colleague the higher-duties row ``hid`` covered."""
    from ordina.store.queries import higher_duties, person

    row = next((h for h in higher_duties(ctx.db, ctx.person) if h.id == hid), None)
    who = person(ctx.db, row.replaces_person_id) if row and row.replaces_person_id else None
    return who is not None and bool(re.search(rf"\b{re.escape(who.surname)}\b",
                                              ctx.question, re.IGNORECASE))


def _covers(ctx: Context, hid: int, on: str) -> bool:
    row = ctx.db.conn.execute("SELECT 1 FROM higher_duties WHERE id = ? AND valid_from <= ? "
                              "AND (valid_to IS NULL OR valid_to > ?)", (hid, on, on)).fetchone()
    return row is not None


@hookimpl
def ordina_fact_definitions() -> list[FactSpec]:
    """Facts about units and allowances that only substitution checks use."""
    return EXTRA_FACTS


@hookimpl
def ordina_checks() -> list[Check]:
    """The substitution checks."""
    return [MANSIONI, INTERIM, COPERTURA_CHECK]


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """Who substitutes whom on a date."""
    return [CHI_SOSTITUISCE]
