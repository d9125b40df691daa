"""Chi è competente: ferie (art. 81), missioni (art. 76), formazione (art. 75), disciplinare
(art. 82), autorizzazioni agli incarichi (art. 88 c. 1), pubblicazione (art. 45–46),
conferenza dei responsabili (art. 48).

The answer names the person who holds the competent office on the date, read from the
database; when that person is absent it follows the substitution rules (hook
``ordina_substitute``) and says who acts instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ordina.answer import TraceStep
from ordina.engine import Context, Lookup, Outcome
from ordina.engine.offices import (
    Holder,
    absence,
    articled,
    describe_absence,
    holders,
    offices_held,
    question_date,
    resolve_target,
)
from ordina.engine.situazione import pending_assignments
from ordina.hookspecs import hookimpl

MATTERS = ("ferie", "assenze", "missioni", "formazione", "disciplinare", "autorizzazioni",
           "pubblicazione", "conferenza", "valutazione", "mansioni_superiori", "mobilita_interna")

#: Words of a question that name a matter the query layer did not tag (art. 81 c. 2 lists
#: sickness, injuries, maternity and leave apart from holidays).
MATTER_WORDS = (("maternit", "assenze"), ("malatti", "assenze"), ("infortun", "assenze"),
                ("aspettativ", "assenze"), ("congedo", "assenze"), ("permess", "ferie"),
                ("sick", "assenze"), ("maternity", "assenze"), ("holiday", "ferie"),
                ("vacation", "ferie"), ("annual leave", "ferie"), ("time off", "ferie"),
                ("day off", "ferie"), ("days off", "ferie"), ("be off", "ferie"))
#: Who-questions about a matter decided by someone named in the database: who evaluates
#: (art. 20), who assigns higher duties (art. 13 c. 4), who decides an internal move (art. 52).
#: Asked only of a question asking who ("chi valuta la Bianchi?"), so that "a chi vanno
#: comunicati gli atti di mobilità interna?" stays a look-up of the comma that says it.
WHO_DECIDES = (
    ("valutazione", re.compile(r"\b(?:valut(?:a|ano|are|ato|ata|ati)|fa la (?:mia |sua )?"
                               r"valutazione|apprais\w*|performance review)\b")),
    ("mansioni_superiori", re.compile(r"\b(?:dispo\w*|assegn\w*|firma\w*|decid\w*|assign\w*)\b"
                                      r".*\b(?:mansioni superiori|higher duties)\b")),
    ("mobilita_interna", re.compile(r"\b(?:decid\w*|esamin\w*|spost\w*|accogl\w*|decides?)\b.*"
                                    r"(?:mobilit\w* intern\w*|altr[oa] (?:area|ufficio)|"
                                    r"passare all'area|another area|internal transfer)|"
                                    r"(?:mobilit\w* intern\w*|passare all'area|altr[oa] area)"
                                    r".*\b(?:decid\w*|esamin\w*|decides?)\b")),
)
#: How a matter is named in an answer's heading.
MATTER_LABELS = {"mansioni_superiori": "Mansioni superiori", "mobilita_interna": "Mobilità interna"}


@dataclass(frozen=True)
class Who:
    """One competence: what, who (office holder, if any), and the comma."""

    what: str
    cite: str
    office: str | None = None
    holder: Holder | None = None
    note: str = ""
    """A conflict or an ambiguity of the text about this competence, said in the answer."""
    also: tuple[str, ...] = ()
    """Other commi that say the same thing."""

    @property
    def person_id(self) -> int | None:
        return self.holder.person_id if self.holder else None

    @property
    def person(self) -> str | None:
        return self.holder.name if self.holder else None


@dataclass(frozen=True)
class Target:
    """Whose matter it is: role ``dipendente``, ``responsabile`` or ``segretario``."""

    role: str
    person_id: int | None
    name: str


# ------------------------------------------------------------------ offices on the date
def _one(db: Any, office: str, on: date, unit_id: int | None = None) -> Holder | None:
    if db is None:
        return None
    found = holders(db, office, on, unit_id)
    return found[0] if found else None


def _holder(head: Any) -> Holder | None:
    """An office holding of the store as the engine's :class:`Holder` (None stays None)."""
    if head is None:
        return None
    return Holder(head.person_id, head.person_name, head.office, head.unit_id, head.unit_name,
                  head.act, head.ad_interim, head.valid_from, head.valid_to)


def _supervisor(db: Any, person_id: int | None, on: date) -> Holder | None:
    if person_id is None or db is None:
        return None
    from ordina.store.queries import supervisor

    try:
        head = supervisor(db, person_id, on)
    except Exception:  # noqa: BLE001 - public export: no employments table
        return None
    return _holder(head)


def _area_by_name(db: Any, words: str, on: date) -> Holder | None:
    if db is None:
        return None
    row = db.conn.execute(
        "SELECT id FROM units WHERE kind = 'area' AND lower(name) LIKE ? AND valid_from <= ? "
        "AND (valid_to IS NULL OR valid_to > ?) ORDER BY id LIMIT 1",
        (f"%{words}%", on.isoformat(), on.isoformat())).fetchone()
    if row is None:
        return None
    return _one(db, "responsabile_area", on, row[0])


def _who(what: str, cite: str, found: Holder | None, office: str | None = None,
         note: str = "", also: tuple[str, ...] = ()) -> Who:
    return Who(what, cite, office, found, note, also)


# ------------------------------------------------------------------ the rules per matter
def _ferie(db: Any, t: Target, on: date) -> list[Who]:
    if t.role == "segretario":
        return [_who("ferie e permessi del Segretario: provvede il Sindaco", "art. 81 c. 1",
                     _one(db, "sindaco", on), "sindaco")]
    out = []
    if t.role == "responsabile":
        out.append(_who("ferie e permessi dei responsabili: li autorizza il Segretario",
                        "art. 81 c. 1", _one(db, "segretario", on), "segretario",
                        also=("art. 6 c. 5 trattino 6",)))
    else:
        out.append(_who("ferie, permessi retribuiti e brevi: il responsabile della struttura, "
                        "con le ferie concordate con il Segretario nella programmazione",
                        "art. 81 c. 1", _supervisor(db, t.person_id, on)))
    out.append(_who("malattia, infortunio, maternità e aspettative: il responsabile del "
                    "personale", "art. 81 c. 2", _one(db, "responsabile_personale", on),
                    "responsabile_personale"))
    return out


def _assenze(db: Any, t: Target, on: date) -> list[Who]:
    return [_who("malattia, infortunio, maternità e aspettative: decide il responsabile del "
                 "personale", "art. 81 c. 2", _one(db, "responsabile_personale", on),
                 "responsabile_personale")]


def _missioni(db: Any, t: Target, on: date) -> list[Who]:
    if t.role == "segretario":
        return [_who("missioni del Segretario: le autorizza il Sindaco", "art. 76 c. 1",
                     _one(db, "sindaco", on), "sindaco")]
    if t.role == "responsabile":
        return [_who("missioni dei responsabili: le autorizza il Sindaco", "art. 76 c. 1",
                     _one(db, "sindaco", on), "sindaco", note=MISSIONI_CONFLITTO,
                     also=("art. 76 c. 8", "art. 6 c. 5 trattino 6"))]
    boss = _supervisor(db, t.person_id, on)
    return [_who("missioni dei dipendenti: le autorizza il responsabile della struttura",
                 "art. 76 c. 2", boss),
            _who("uso del mezzo proprio: lo autorizza preventivamente il titolare di posizione "
                 "organizzativa, nei casi elencati", "art. 76 c. 5", boss)]


def _formazione(db: Any, t: Target, on: date) -> list[Who]:
    if t.role == "segretario":
        return [_who("formazione del Segretario: la autorizza il Sindaco", "art. 75 c. 6",
                     _one(db, "sindaco", on), "sindaco")]
    if t.role == "responsabile":
        return [_who("formazione dei responsabili di Area: la autorizza il Segretario",
                     "art. 75 c. 5", _one(db, "segretario", on), "segretario")]
    return [_who("partecipazione a corsi e convegni: la autorizzano i responsabili di Area",
                 "art. 75 c. 4", _supervisor(db, t.person_id, on)),
            _who("piano annuale di formazione: lo elabora il responsabile dell'Area "
                 "Amministrativa", "art. 75 c. 3", _area_by_name(db, "amministrativ", on))]


def _disciplinare(db: Any, t: Target, on: date) -> list[Who]:
    if t.role == "segretario":
        return [Who("procedimenti disciplinari del Segretario: li regolano la legge e i "
                    "contratti collettivi", "art. 82 c. 1")]
    return [_who("provvedimenti disciplinari (salvo il rimprovero verbale): l'Ufficio per i "
                 "procedimenti disciplinari, nell'Ufficio del Segretario e presieduto da lui",
                 "art. 82 c. 2", _one(db, "segretario", on), "segretario"),
            _who("rimprovero verbale: il responsabile della struttura", "art. 82 c. 2",
                 _supervisor(db, t.person_id, on))]


def _autorizzazioni(db: Any, t: Target, on: date) -> list[Who]:
    if t.role == "segretario":
        return [Who("incarichi esterni del Segretario: il Titolo IX non lo disciplina; si "
                    "applica l'art. 53 del D.Lgs. 165/2001", "art. 85 c. 1")]
    if t.role == "responsabile":
        return [_who("incarichi esterni dei titolari di posizione organizzativa: decide il "
                     "responsabile per la prevenzione della corruzione", "art. 88 c. 1",
                     _one(db, "rpc", on), "rpc")]
    return [_who("incarichi esterni dei dipendenti: decide il titolare di posizione "
                 "organizzativa della struttura", "art. 88 c. 1", _supervisor(db, t.person_id, on)),
            _who("sentito il responsabile del personale", "art. 88 c. 1",
                 _one(db, "responsabile_personale", on), "responsabile_personale"),
            _who("e informato il responsabile per la prevenzione della corruzione",
                 "art. 88 c. 1", _one(db, "rpc", on), "rpc")]


def _pubblicazione(db: Any, t: Target, on: date) -> list[Who]:
    adopter = None
    if t.person_id is not None and t.role == "responsabile" and db is not None:
        adopter = next((h for h in offices_held(db, t.person_id, on)
                        if h.office == "responsabile_area"), None)
    return [_who("determinazioni con impegno di spesa: le pubblica all'albo per 10 giorni il "
                 "responsabile che le ha adottate", "art. 45 c. 9", adopter),
            _who("altri atti: il servizio amministrativo, con il personale incaricato, che "
                 "rilascia le attestazioni", "art. 46 c. 2", _one(db, "incaricato_albo", on),
                 "incaricato_albo"),
            _who("pubblicazioni di matrimonio: l'ufficiale di stato civile", "art. 46 c. 3",
                 _one(db, "ufficiale_stato_civile", on), "ufficiale_stato_civile")]


def _conferenza(db: Any, t: Target, on: date) -> list[Who]:
    members = holders(db, "responsabile_area", on, interim=False) if db is not None else []
    names = ", ".join(dict.fromkeys(m.name for m in members)) or "nessuno in carica"
    return [_who("convoca e presiede la Conferenza il Segretario", "art. 48 c. 2",
                 _one(db, "segretario", on), "segretario"),
            Who(f"ne fanno parte il Segretario e tutti i responsabili: {names}", "art. 48 c. 1"),
            _who("redige i verbali il responsabile dell'Area Segreteria Affari Generali (qui "
                 "l'Area che comprende la Segreteria)", "art. 48 c. 7",
                 _area_by_name(db, "amministrativ", on))]


def _valutazione(db: Any, t: Target, on: date) -> list[Who]:
    if t.role == "segretario":
        return [_who("valutazione del Segretario: la fa il Sindaco", "art. 20 c. 4",
                     _one(db, "sindaco", on), "sindaco")]
    if t.role == "responsabile":
        return [_who("valutazione dei titolari di posizione organizzativa: la fa il Sindaco, con "
                     "il supporto del Nucleo di valutazione", "art. 20 c. 4",
                     _one(db, "sindaco", on), "sindaco"),
                Who(f"la propone al Sindaco il Nucleo di valutazione ({_names(db, on)})",
                    "art. 20 c. 6")]
    return [_who("valutazione dei dipendenti: la fa il titolare di posizione organizzativa "
                 "dell'area, con la metodologia dell'allegato G", "art. 20 c. 7",
                 _supervisor(db, t.person_id, on))]


def _names(db: Any, on: date, office: str = "componente_nucleo") -> str:
    members = holders(db, office, on) if db is not None else []
    return ", ".join(dict.fromkeys(m.name for m in members)) or "nessuno in carica"


def _mansioni_superiori(db: Any, t: Target, on: date) -> list[Who]:
    what = ("mansioni superiori: le dispone, con determinazione, il responsabile dell'Area "
            "presso cui il dipendente è incaricato")
    duty_head = _duty_area_head(db, t.person_id, on)
    if duty_head is not None:  # duties on record: the Area of the post they cover
        return [_who(f"{what} (l'Area del posto coperto, dal database: mansioni superiori)",
                     "art. 13 c. 4", duty_head)]
    return [_who(what, "art. 13 c. 4", _supervisor(db, t.person_id, on))]


def _duty_area_head(db: Any, person_id: int | None, on: date) -> Holder | None:
    """The titular head of the Area of the post the person's higher duties cover."""
    if db is None or person_id is None:
        return None
    from ordina.store import queries as q

    try:
        unit_id = q.higher_duty_unit(db, person_id, on)
        area = next((u for u in q.unit_ancestors(db, unit_id) if u.kind == "area"), None) \
            if unit_id is not None else None
        head = q.unit_head(db, area.id, on) if area is not None else None
    except Exception:  # noqa: BLE001 - public export: no higher_duties table
        return None
    return _holder(head)


def _mobilita_interna(db: Any, t: Target, on: date) -> list[Who]:
    boss = _supervisor(db, t.person_id, on)
    return [_who("mobilità ad altra Area: esamina le domande il Segretario, ogni sei mesi, con il "
                 "parere della posizione organizzativa dell'area del dipendente", "art. 52 c. 3",
                 _one(db, "segretario", on), "segretario"),
            _who("assegnazione a un altro ufficio della stessa Area: provvede il responsabile "
                 "con proprio atto (non è mobilità interna)", "art. 52 c. 6", boss)]


#: Art. 76 and art. 6 disagree on who authorises the missions of the responsabili.
MISSIONI_CONFLITTO = (
    "Conflitto tra norme: l'art. 6 c. 5 trattino 6 dice che il Segretario, «relativamente ai "
    "responsabili, autorizza le missioni», mentre l'art. 76 c. 1 (e di nuovo il c. 8) le "
    "riserva al Sindaco. Prevale l'art. 76: è la norma speciale sulle missioni e la ripete due "
    "volte, mentre l'art. 6 elenca in generale le funzioni del Segretario; conviene che il "
    "Comune coordini i due articoli.")


RULES: dict[str, Callable[[Any, Target, date], list[Who]]] = {
    "ferie": _ferie, "assenze": _assenze, "missioni": _missioni, "formazione": _formazione,
    "disciplinare": _disciplinare, "autorizzazioni": _autorizzazioni,
    "pubblicazione": _pubblicazione, "conferenza": _conferenza, "valutazione": _valutazione,
    "mansioni_superiori": _mansioni_superiori, "mobilita_interna": _mobilita_interna,
}


# ------------------------------------------------------------------ the lookup
def _target(db: Any, query: Any, on: date) -> Target:
    """Whose matter: resolved to a person and a role on the date (a generic employee if none)."""
    subject = getattr(query, "subject", None)
    person_id: int | None = None
    name = "un dipendente"
    stated = getattr(query, "facts", None) or {}
    if stated.get("profile") == "segretario" and db is not None:
        one = _one(db, "segretario", on)
        if one:
            person_id, name = one.person_id, one.name
    elif subject is not None and db is not None:
        found = resolve_target(db, subject, on)
        if found and found[0] == "persona":
            person_id, name = found[1], found[2]
        elif found and found[0] == "unita":
            heads = holders(db, "responsabile_area", on, found[1], interim=False)
            if heads:
                person_id, name = heads[0].person_id, heads[0].name
    role = "dipendente"
    if person_id is not None and db is not None:
        offices = {h.office for h in offices_held(db, person_id, on)}
        if "segretario" in offices:
            role = "segretario"
        elif offices & {"responsabile_area", "dirigente"}:
            role = "responsabile"
    elif subject is not None:
        text = str(getattr(subject, "text", "")).lower()
        if "segretari" in text and "vice" not in text:
            role, name = "segretario", "il Segretario"
        elif "responsabil" in text or "posizione" in text:
            role, name = "responsabile", "un responsabile di Area"
    if person_id is None and role == "dipendente" and stated.get("is_area_head") is True:
        # "sono resp. di area, chi mi autorizza…?": the role the asker states
        role, name = "responsabile", "un responsabile di Area"
    return Target(role, person_id, name)


@dataclass(frozen=True)
class Acting:
    """Who acts for a competence on the date: the holder, or why not."""

    name: str
    """The holder's name, or the substitute's when the holder is absent."""
    away: str = ""
    """``assente (malattia) fino al 04/12/2026`` when the holder is absent."""
    substitute: bool = False
    fallback: str = ""
    """With nobody appointed: who has the substitute power on inertia (the Segretario)."""

    def short(self, holder: str | None) -> str:
        """For a bullet: ``Laura Bianchi (in sostituzione di Francesco Esposito, assente …)``."""
        if not self.away:
            return self.name
        if self.substitute:
            return f"{self.name} (in sostituzione di {holder}, {self.away})"
        text = f"{self.name} ({self.away}, nessun sostituto nominato"
        if self.fallback:
            text += (f"; se il procedimento non si conclude nei termini interviene "
                     f"{self.fallback} con il potere sostitutivo, art. 6 c. 5 trattino 9")
        return text + ")"


def _present(ctx: Context, who: Who, on: date, steps: list[TraceStep]) -> Acting:
    """Who acts: the holder, or their substitute when absent (hook ``ordina_substitute``)."""
    if who.person_id is None or ctx.db is None:
        return Acting(who.person or "")
    away = absence(ctx.db, who.person_id, on)
    if away is None:
        return Acting(who.person or "")
    why = describe_absence(*away)
    chain = ctx.checks().pm.hook.ordina_substitute(ctx=ctx, person_id=who.person_id, on=on)
    if chain is not None:
        steps.extend(chain.steps[1:])
    if chain is not None and chain.acting is not None and not chain.irregular:
        steps.append(TraceStep(f"{who.person} è {why}: agisce {chain.acting.name}.", who.cite))
        return Acting(chain.acting.name, why, substitute=True)
    steps.append(TraceStep(f"{who.person} è {why} e nessun sostituto è in servizio.", who.cite))
    fallback = chain.fallback.name if chain is not None and chain.fallback else ""
    return Acting(who.person or "", why, fallback=fallback)


def _office_label(holder: Holder) -> str:
    """``Segretario comunale``, ``responsabile dell'Area Vigilanza``."""
    from ordina.store.vocab import OFFICES, label

    if holder.office in ("responsabile_area", "responsabile_servizio", "dirigente") \
            and holder.unit_name:
        return (f"responsabile {articled(holder.unit_name, 'di')}"
                + (" ad interim" if holder.ad_interim else ""))
    return label(OFFICES, holder.office)


def _line(who: Who, acting: Acting) -> str:
    cites = ", ".join((who.cite, *who.also))
    shown = acting.short(who.person)
    return f"- {who.what}" + (f": **{shown}**" if shown else "") + f" ({cites})"


def _holder_sentence(who: Who, acting: Acting, when: str, english: bool = False) -> str:
    """``Al 23/11/2026 il Segretario comunale è **Francesco Esposito** (Decreto …).``; an
    English question gets the frame in English, the office and the act as recorded."""
    assert who.holder is not None
    office = _office_label(who.holder)
    if not office.startswith(("Segretario", "Sindaco", "Vice")):
        office = office[:1].lower() + office[1:]
    the = "l'" if office[:1].lower() in "aeiou" else "il "
    lang = 1 if english else 0
    text = _HOLDER["is"][lang].format(when=when, the=the, office=office, name=who.holder.name,
                                      act=who.holder.appointment())
    if not acting.away:
        return text + "."
    text = text.replace("**", "")
    if acting.substitute:
        return text + _HOLDER["instead"][lang].format(away=acting.away, acting=acting.name)
    text += _HOLDER["nobody"][lang].format(away=acting.away)
    if acting.fallback:
        text += _HOLDER["fallback"][lang].format(fallback=acting.fallback)
    return text + "."


#: The words of :func:`_holder_sentence`, Italian and English (index 0 and 1).
_HOLDER: dict[str, tuple[str, str]] = {
    "is": ("Al {when} {the}{office} è **{name}** ({act})",
           "On {when} the {office} is **{name}** ({act})"),
    "instead": (", {away}: al suo posto agisce **{acting}**.",
                ", {away}: **{acting}** acts instead."),
    "nobody": (", {away}, e nessun sostituto è nominato", ", {away}, and no substitute is named"),
    "fallback": ((": se il procedimento non si conclude nei termini interviene **{fallback}** "
                  "con il potere sostitutivo (art. 6 c. 5 trattino 9)"),
                 (": if the procedure is not concluded in time **{fallback}** steps in with the "
                  "substitute power (art. 6 c. 5 trattino 9)")),
}


#: A question speaking of someone's request ("la richiesta del Ricci", "Rossi's request").
_REQUEST_WORDS = ("richiest", "request", "istanza")


#: A request for an incarico being assessed: an authorisation request (art. 88 c. 1: «Le
#: singole richieste di autorizzazione … dovranno essere valutate»), not an appraisal; a
#: request of no named kind may be for holidays, part-time or mobility.
_ASSESSED_REQUEST = (
    re.compile(r"\b(?:richiest\w*|request\w*|istanz\w*)\b"),
    re.compile(r"\b(?:valut\w*|esamin\w*|assess\w*|decid\w*|pronunci\w*|review\w*|rule on)\b"),
    re.compile(r"\b(?:autorizz\w*|incaric\w*|lavor\w* (?:esterno|extra)|attivit\w* (?:esterna|"
               r"extra)|outside (?:job|work)|side job|assignment|authori[sz]\w*)\b"),
)


def _assesses_a_request(db: Any, target: Target, text: str) -> bool:
    """"chi valuta la richiesta di autorizzazione del Conti?": a request, a verb of assessing
    it, and an incarico, named in words or by a word of one of the person's incarichi on
    record ("la mia richiesta per il condominio")."""
    request, verb, incarico = _ASSESSED_REQUEST
    if not (request.search(text) and verb.search(text)):
        return False
    rest = verb.sub(" ", request.sub(" ", text))  # "valuta" is no word of "valutazione"
    return bool(incarico.search(text)) or _names_their_incarico(db, target, rest)


def _names_their_incarico(db: Any, target: Target, text: str) -> bool:
    """A word of the subject of one of the person's external assignments is in ``text``."""
    if db is None or target.person_id is None:
        return False
    from ordina.store.queries import external_assignments

    words = {w[:6] for a in external_assignments(db, target.person_id)
             for w in re.findall(r"\w{6,}", (a.subject or "").lower())}
    return any(w[:6] in words for w in re.findall(r"\w{6,}", text))


def _pending_request(db: Any, target: Target, on: date, text: str) -> Any:
    """The one external-assignment request of the question's person awaiting a decision,
    when the question speaks of a request and names no matter; else None."""
    if db is None or target.person_id is None or not any(w in text for w in _REQUEST_WORDS):
        return None
    found = pending_assignments(db, [target.person_id], on)
    return found[0] if len(found) == 1 else None


_ROLE_WORDS = {"responsabile": "responsabile di Area", "segretario": "Segretario comunale"}


def _lookup(query: Any, ctx: Context) -> Outcome:
    facts = getattr(query, "facts", None) or {}
    matter = facts.get("matter") or getattr(query, "topic", None)
    text = str(getattr(query, "text", "")).lower()
    on = question_date(query, ctx)
    target = _target(ctx.db, query, on)
    asks_who = getattr(query, "form", None) == "chi"
    pending = _pending_request(ctx.db, target, on, text) \
        if matter not in RULES and asks_who else None
    if pending is not None:
        matter = "autorizzazioni"  # "la richiesta del Ricci": his request on record
    elif matter not in RULES and asks_who and _assesses_a_request(ctx.db, target, text):
        # "la richiesta di Rossi chi la deve valutare?": requests «dovranno essere valutate»
        # as art. 88 c. 1 says, whichever of them it is
        matter = "autorizzazioni"
    if matter not in RULES and asks_who:
        plain = text.replace("nucleo di valutazione", "")
        matter = next((m for m, cue in WHO_DECIDES if cue.search(plain)), matter)
    if matter not in RULES or (matter == "ferie" and "ferie" not in text):
        matter = next((m for word, m in MATTER_WORDS if word in text), matter)
    if matter not in RULES:
        asked = ("For which matter? Holidays, absences (sickness, maternity, leave), missions, "
                 "training, disciplinary, authorisations, publication, the heads' conference, "
                 "appraisal, higher duties or internal transfer."
                 if getattr(query, "lang", "it") == "en" else
                 "Per quale materia? Ferie, assenze (malattia, maternità, aspettative), "
                 "missioni, formazione, disciplinare, autorizzazioni, pubblicazione, conferenza "
                 "dei responsabili, valutazione, mansioni superiori o mobilità interna.")
        return Outcome(None, asked, ("art. 81 c. 1",), missing=("matter",))
    whos = RULES[matter](ctx.db, target, on)
    steps: list[TraceStep] = []
    if pending is not None:
        steps.append(TraceStep(f"La richiesta è quella di incarico esterno n. {pending.id} "
                               f"(«{pending.subject}»), in attesa di decisione (dal database: "
                               f"incarico {pending.id}).", "art. 88 c. 1"))
    when = on.strftime("%d/%m/%Y")
    acting = []
    for who in whos:
        acting.append(_present(ctx, who, on, steps))
        steps.append(TraceStep(
            f"{who.what[:1].upper()}{who.what[1:]}"
            + (f": al {when} {who.person} ({who.holder.appointment()})." if who.holder
               else "."), who.cite))
        steps += [TraceStep(f"Lo stesso dice {c}.", c) for c in who.also]
        if who.note:
            steps.append(TraceStep(who.note, who.cite))
    first = whos[0]
    role = _ROLE_WORDS.get(target.role)
    whom = target.name + (f" ({role})" if role and target.person_id is not None else "")
    english = getattr(query, "lang", "it") == "en"
    head = f"**{MATTER_LABELS.get(matter, matter.capitalize())}** — {'for' if english else 'per'} {whom}: {first.what} " \
           f"({', '.join((first.cite, *first.also))})."
    if first.holder is not None:
        head += " " + _holder_sentence(first, acting[0], when, english)
    parts = [head]
    if first.note:
        parts.append(first.note)
    if len(whos) > 1:
        parts.append(("Also:\n" if english else "Inoltre:\n") + "\n".join(_line(w, a) for w, a in zip(whos[1:], acting[1:],
                                                                          strict=True)))
    cites = tuple(dict.fromkeys(c for w in whos for c in (w.cite, *w.also)))
    data = {"competenti": [w.person for w in whos if w.person]}
    return Outcome(None, "\n\n".join(parts), cites, tuple(steps), data=data)


COMPETENZE = Lookup(
    id="competenze.chi_e_competente",
    title="Chi è competente, con il nome di chi ricopre l'ufficio alla data",
    citations=("art. 6 c. 5 trattino 6", "art. 45 c. 9", "art. 46 c. 2", "art. 46 c. 3", "art. 48 c. 1", "art. 48 c. 2",
               "art. 48 c. 7", "art. 75 c. 3", "art. 75 c. 4", "art. 75 c. 5", "art. 75 c. 6",
               "art. 76 c. 1", "art. 76 c. 2", "art. 76 c. 5", "art. 76 c. 8", "art. 81 c. 1",
               "art. 81 c. 2", "art. 82 c. 1", "art. 82 c. 2", "art. 85 c. 1", "art. 88 c. 1"),
    intents=("competent",),
    run=_lookup,
    topics=MATTERS,
)


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """Who is competent for leave, missions, training, discipline, authorisations..."""
    return [COMPETENZE]
