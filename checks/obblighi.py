"""Obblighi e incompatibilità di una persona: «obblighi di Bianchi», «incompatibilità di Verdi».

Both are answered from the database as of the date:

* the obligations follow from the offices the person holds (each with its act), read in
  the commi that give them, plus those of every employee (art. 4 c. 6, art. 86, art. 88 c. 4,
  art. 89);
* the incompatibilities are the rules that bind the person's position (full-time or
  part-time, PO holder, personnel head, art. 110 contract, kin of a politician) and what the
  checks find on the person's own assignments, appointments, contracts and requests — the
  audit of ``ordina check --all`` restricted to that person.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ordina.answer import TraceStep
from ordina.engine import Context, Lookup, Outcome
from ordina.engine.offices import (
    Holder,
    articled,
    holders,
    offices_held,
    question_date,
    resolve_target,
)
from ordina.hookspecs import hookimpl

#: Duties of each office, with the comma that gives each one (the text's own words, short).
DUTIES: dict[str, tuple[tuple[str, str], ...]] = {
    "segretario": (
        (("assistenza giuridico-amministrativa agli organi e ai Responsabili di Area sulla "
         "conformità dell'azione alle leggi, allo Statuto e ai regolamenti"),
         "art. 6 c. 5 trattino 1"),
        (("sovrintendere ai Responsabili di Area, coordinarne l'attività ed emanare direttive; "
         "adottare i provvedimenti disciplinari di competenza"), "art. 6 c. 5 trattino 2"),
        ("partecipare alle riunioni di Consiglio e Giunta curandone la verbalizzazione",
         "art. 6 c. 5 trattino 3"),
        (("autorizzare ferie e permessi dei responsabili (per le missioni l'art. 76 c. 1 indica "
         "il Sindaco)"), "art. 6 c. 5 trattino 6"),
        ("presiedere le commissioni per le selezioni dei dipendenti di categoria D",
         "art. 6 c. 5 trattino 7"),
        ("responsabile della prevenzione della corruzione, salvo diversa determinazione",
         "art. 6 c. 5 trattino 8"),
        ("titolare del potere sostitutivo se un procedimento non si conclude nei termini",
         "art. 6 c. 5 trattino 9"),
        ("convocare e presiedere la Conferenza dei responsabili", "art. 48 c. 2"),
        ("presiedere la delegazione trattante di parte pubblica", "art. 77 c. 4"),
        ("presiedere l'Ufficio per i procedimenti disciplinari", "art. 82 c. 2"),
        ("esaminare ogni sei mesi le domande di mobilità interna", "art. 52 c. 3"),
        ("autorizzare la formazione dei responsabili di Area", "art. 75 c. 5"),
    ),
    "vice_segretario": (
        ("coadiuvare il Segretario e sostituirlo in caso di vacanza, assenza o impedimento",
         "art. 7 c. 1"),
    ),
    "responsabile_area": (
        (("organizzare servizi e uffici e adottare gli atti di gestione, compresi quelli che "
         "impegnano l'ente verso l'esterno"), "art. 8 c. 1"),
        (("presiedere le commissioni di gara e di concorso, stipulare i contratti, gestire il "
         "personale e adottare autorizzazioni e concessioni"), "art. 8 c. 2"),
        (("usare un linguaggio semplice, agevolare l'accesso ai servizi, valutare efficienza e "
         "soddisfazione dell'utenza, fissare gli standard"), "art. 8 c. 3"),
        ("assegnare con determinazione le risorse umane alle articolazioni dell'Area",
         "art. 9 c. 6"),
        ("individuare i responsabili dei servizi e dei procedimenti", "art. 10 c. 4"),
        ("disporre le mansioni superiori a rotazione, con determinazione", "art. 13 c. 4"),
        ("pubblicare all'albo per 10 giorni le determinazioni con impegno di spesa",
         "art. 45 c. 9"),
        ("partecipare alla Conferenza dei responsabili", "art. 48 c. 1"),
        ("autorizzare le missioni dei dipendenti della struttura", "art. 76 c. 2"),
        (("concedere ferie e permessi ai dipendenti della struttura, concordando le ferie con "
         "il Segretario"), "art. 81 c. 1"),
        (("valutare le richieste di autorizzazione agli incarichi esterni dei dipendenti, sentito "
         "il responsabile del personale e informato il RPC"), "art. 88 c. 1"),
        ("applicare le norme su inconferibilità e incompatibilità del d.lgs. 39/2013",
         "art. 4 c. 5"),
    ),
    "responsabile_personale": (
        ("decidere su malattie, infortuni, maternità e aspettative", "art. 81 c. 2"),
        ("essere sentito sulle richieste di autorizzazione agli incarichi esterni",
         "art. 88 c. 1"),
        ("iscrivere gli esperti nelle liste di accreditamento con provvedimento motivato",
         "art. 67 c. 4"),
    ),
    "rpc": (
        (("decidere sugli incarichi esterni dei titolari di posizione organizzativa ed essere "
         "informato su quelli dei dipendenti"), "art. 88 c. 1"),
        ("vigilare sull'applicazione del Titolo IX (incarichi esterni)", "art. 91 c. 5"),
    ),
    "responsabile_servizio": (
        ("curare di norma i procedimenti del Servizio", "art. 10 c. 3"),
    ),
    "incaricato_albo": (
        ("pubblicare gli atti diversi dalle determinazioni e rilasciarne le attestazioni",
         "art. 46 c. 2"),
    ),
    "ufficiale_stato_civile": (
        ("curare le pubblicazioni di matrimonio", "art. 46 c. 3"),
    ),
    "datore_lavoro": (
        ("esercitare le funzioni del d.lgs. 81/2008 con i relativi poteri di gestione",
         "art. 83 c. 2"),
        ("designare il responsabile del servizio di prevenzione e protezione", "art. 83 c. 3"),
        ("nominare il medico competente", "art. 83 c. 4"),
    ),
}

#: In a Comune with dirigenti (the large model) they hold the responsabili's duties.
DUTIES["dirigente"] = DUTIES["responsabile_area"]

#: Duties of the Area Amministrativa's head in particular.
AREA_AMMINISTRATIVA: tuple[tuple[str, str], ...] = (
    ("elaborare ogni anno il piano di formazione del personale", "art. 75 c. 3"),
    ("gestire il Registro degli incarichi", "art. 72 c. 3"),
)

#: Every employee's duties and limits.
EVERYONE: tuple[tuple[str, str], ...] = (
    (("astenersi in caso di conflitto di interessi, anche potenziale, e segnalarlo entro 15 "
     "giorni (termine da raccordare con il codice di comportamento, dice il testo)"),
     "art. 4 c. 6"),
    ("non svolgere attività non conciliabili con i doveri d'ufficio e il prestigio dell'ente",
     "art. 86 c. 1"),
    (("chiedere l'autorizzazione per gli incarichi esterni retribuiti, insieme a chi li "
     "conferisce"), "art. 88 c. 4"),
    ("comunicare tempestivamente gli incarichi che non richiedono autorizzazione",
     "art. 89 c. 1"),
)

_OFFICE_WORDS = {
    "segretario": "Segretario comunale", "vice_segretario": "Vice Segretario",
    "rpc": "Responsabile della prevenzione della corruzione",
    "responsabile_personale": "Responsabile del personale",
    "incaricato_albo": "Incaricato delle pubblicazioni all'albo",
    "ufficiale_stato_civile": "Ufficiale di stato civile",
    "datore_lavoro": "Datore di lavoro (d.lgs. 81/2008)",
}

#: The checks whose findings may be incompatibilities...
INCOMPATIBILITY_CHECKS = ("incarichi_esterni", "tempo_determinato", "incarichi_responsabili",
                          "part_time")
#: ...and the commi that make a finding one (a mandate too long is another defect).
INCOMPATIBILITY_COMMI = ("art. 14 c. 7", "art. 54 ", "art. 80 c. 4", "art. 86 ", "art. 87 ",
                         "art. 88 ", "art. 89 ", "art. 91 ")


def _office_title(h: Holder) -> str:
    if h.office in ("responsabile_area", "responsabile_servizio", "dirigente") and h.unit_name:
        return f"Responsabile {articled(h.unit_name, 'di')}" + (
            " (ad interim)" if h.ad_interim else "")
    return _OFFICE_WORDS.get(h.office, h.office.replace("_", " ").capitalize())


def _person(query: Any, ctx: Context, on: date) -> tuple[int, str] | None:
    """The person asked about; for a unit, its head (the Segretario for his office)."""
    if ctx.db is None:
        return None
    found = resolve_target(ctx.db, getattr(query, "subject", None), on)
    if found and found[0] == "persona":
        return found[1], found[2]
    if found and found[0] == "unita":
        heads = holders(ctx.db, "responsabile_area", on, found[1], interim=False)
        if not heads and "segretari" in str(found[2]).lower():
            heads = holders(ctx.db, "segretario", on)
        if heads:
            return heads[0].person_id, heads[0].name
    return None


def _audit(ctx: Context, person: int, on: date, only: tuple[str, ...] = ()) -> list[Any]:
    """The findings of ``ordina check --all`` on this person's subjects."""
    from ordina.engine.audit import run_audit

    sub = Context(as_of=on, db=ctx.db, registry=ctx.checks(), person=person)
    return run_audit(sub, only).findings


def _findings_lines(findings: list[Any]) -> list[str]:
    from ordina.engine.audit import SEVERITY_LABELS

    lines = []
    for f in findings:
        paragraphs = f.answer.split("\n\n")
        first = " ".join([paragraphs[0], *(p for p in paragraphs[1:]
                                            if p.startswith("Ricorre anche"))])
        lines.append(f"- *{f.subject}* ({SEVERITY_LABELS.get(f.severity, f.severity)}): "
                     f"{first}")
    return lines


def _no_person(what: str) -> Outcome:
    return Outcome(None, f"Di chi? Indica nome e cognome di un dipendente (es. «{what} di "
                         "Bianchi»); senza, valgono gli obblighi di ogni dipendente:\n"
                   + "\n".join(f"- {text} ({cite})" for text, cite in EVERYONE),
                   tuple(c for _, c in EVERYONE))


def _obligations(query: Any, ctx: Context) -> Outcome:
    on = question_date(query, ctx)
    who = _person(query, ctx, on)
    if who is None:
        return _no_person("obblighi")
    pid, name = who
    when = on.strftime("%d/%m/%Y")
    held = offices_held(ctx.db, pid, on)
    parts = [(f"**Obblighi di {name}** al {when}, secondo gli uffici che ricopre "
             "e il regolamento:")]
    steps: list[TraceStep] = []
    cites: list[str] = []
    for h in held:
        duties = DUTIES.get(h.office, ())
        if h.office == "responsabile_area" and (h.unit_name or "").lower().startswith(
                "area amministrativa"):
            duties = duties + AREA_AMMINISTRATIVA
        if not duties:
            continue
        if h.ad_interim:
            steps.append(TraceStep(f"{name} è {_office_title(h)} ({h.appointment()}).",
                                   "art. 17 c. 1"))
            parts.append(f"**{_office_title(h)}** ({h.appointment()}): gli stessi obblighi "
                         "del responsabile di Area, per quest'Area, finché dura l'interim "
                         "(art. 17 c. 1).")
            cites.append("art. 17 c. 1")
            continue
        steps.append(TraceStep(f"{name} è {_office_title(h)} ({h.appointment()}).",
                               duties[0][1]))
        parts.append(f"**{_office_title(h)}** ({h.appointment()}):\n"
                     + "\n".join(f"- {text} ({cite})" for text, cite in duties))
        cites += [c for _, c in duties]
    parts.append("**Come ogni dipendente:**\n"
                 + "\n".join(f"- {text} ({cite})" for text, cite in EVERYONE))
    cites += [c for _, c in EVERYONE]
    findings = _audit(ctx, pid, on)
    if findings:
        parts.append("**Rilievi sulla sua posizione** (`ordina check --all`):\n"
                     + "\n".join(_findings_lines(findings)))
        for f in findings:
            cites += f.citations
            steps += f.trace
    return Outcome(None, "\n\n".join(parts), tuple(dict.fromkeys(cites)), tuple(steps),
                   data={"uffici": [h.office for h in held], "rilievi": len(findings)})


def _rules_for(facts: Any, held: list[Holder]) -> list[tuple[str, str]]:
    """The incompatibility rules that bind this position, from the person's facts."""
    offices = {h.office for h in held}
    pct = facts.get("part_time_percent")
    out: list[tuple[str, str]] = [
        ("nessuna attività non conciliabile con i doveri d'ufficio e il prestigio dell'ente",
         "art. 86 c. 1")]
    if isinstance(pct, (int, float)) and pct <= 50:
        out.append(((f"in part-time al {pct:g}%: può svolgere attività professionale e lavoro "
                    "subordinato, con comunicazione all'ente e nei limiti dell'art. 86"),
                    "art. 87 c. 3"))
    elif isinstance(pct, (int, float)):
        out.append(((f"in part-time al {pct:g}%" if pct < 100 else "a tempo pieno")
                    + ": sono vietate le attività dell'art. 87 c. 1 (commercio e "
                      "industria, libera professione, altri impieghi, cariche in società di "
                      "lucro, incarichi da fornitori o da chi ha contenziosi o concessioni "
                      "con il Comune...); gli incarichi occasionali dell'art. 87 c. 2 vanno "
                      "autorizzati", "art. 87 c. 1"))
    if offices & {"responsabile_area", "dirigente", "segretario"}:
        out.append((("come Segretario o titolare di posizione organizzativa: inconferibilità e "
                    "incompatibilità del d.lgs. 39/2013 (da verificare sulle dichiarazioni, "
                    "non sono nel database)"), "art. 4 c. 5"))
    if offices & {"responsabile_area", "dirigente"}:
        out.append(("come Responsabile di Area non può avere il rapporto a part-time",
                    "art. 80 c. 4"))
    if facts.get("profile") == "polizia_municipale":
        out.append(("come agente di polizia municipale non può avere il rapporto a part-time",
                    "art. 80 c. 4"))
    if "responsabile_personale" in offices:
        out.append((("come responsabile del personale: nessun incarico di amministratore di "
                    "enti locali, direttivo di partiti o sindacati, né collaborazione "
                    "retribuita con loro, ora o negli ultimi 2 anni"), "art. 14 c. 7"))
    if facts.get("contract_kind") == "art110":
        out.append((("con un contratto ex art. 110: non può essere convivente, parente fino al "
                    "4° grado o affine fino al 2° di Sindaco, Assessori e Consiglieri"),
                    "art. 54 c. 2"))
    kin = facts.get("kinship")
    if isinstance(kin, str) and kin != "nessuna" and facts.get("contract_kind") != "art110":
        fact = facts.fact("kinship")
        out.append(("ha un legame con un amministratore"
                    + (f" ({fact.detail.split(': ', 1)[-1]})" if fact and fact.detail else "")
                    + ": il divieto dell'art. 54 c. 2 vale solo per i contratti a tempo "
                      "determinato dell'art. 53, non per il suo rapporto; resta l'obbligo di "
                      "astenersi in caso di conflitto di interessi", "art. 4 c. 6"))
    return out


def _incompatibility(query: Any, ctx: Context) -> Outcome:
    on = question_date(query, ctx)
    who = _person(query, ctx, on)
    if who is None:
        return _no_person("incompatibilità")
    pid, name = who
    from ordina.engine.dbfacts import PeopleFacts

    facts = PeopleFacts(ctx.db, on, [pid]).factset(pid)
    held = offices_held(ctx.db, pid, on)
    findings = [f for f in _audit(ctx, pid, on, INCOMPATIBILITY_CHECKS)
                if any(c.startswith(INCOMPATIBILITY_COMMI) for c in f.citations)]
    when = on.strftime("%d/%m/%Y")
    rules = _rules_for(facts, held)
    parts = [f"**Incompatibilità di {name}** al {when}."]
    if findings:
        n = len(findings)
        parts[0] += f" Le verifiche trovano {n} {'rilievo' if n == 1 else 'rilievi'}:"
        parts.append("\n".join(_findings_lines(findings)))
    else:
        parts[0] += (" Le verifiche non trovano incompatibilità nei suoi incarichi, nomine, "
                     "contratti e richieste registrati nel database.")
    parts.append("**Regole che valgono per la sua posizione:**\n"
                 + "\n".join(f"- {text} ({cite})" for text, cite in rules))
    cites = [c for f in findings for c in f.citations] + [c for _, c in rules]
    steps = [s for f in findings for s in f.trace]
    steps += [TraceStep(text[:1].upper() + text[1:] + ".", cite) for text, cite in rules]
    return Outcome(None, "\n\n".join(parts), tuple(dict.fromkeys(cites)), tuple(steps),
                   data={"rilievi": len(findings)})


_CITES = tuple(dict.fromkeys(c for duties in (*DUTIES.values(), AREA_AMMINISTRATIVA, EVERYONE)
                             for _, c in duties))

OBBLIGHI = Lookup(
    id="obblighi.persona",
    title="Obblighi di una persona secondo gli uffici che ricopre",
    citations=_CITES,
    intents=("obligations",),
    run=_obligations,
)

INCOMPATIBILITA = Lookup(
    id="obblighi.incompatibilita",
    title="Incompatibilità di una persona: regole della sua posizione e rilievi",
    citations=("art. 4 c. 5", "art. 4 c. 6", "art. 14 c. 7", "art. 54 c. 2", "art. 80 c. 4",
               "art. 86 c. 1", "art. 87 c. 1", "art. 87 c. 3"),
    intents=("incompatibility",),
    run=_incompatibility,
)


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """«obblighi di X», «incompatibilità di X»."""
    return [OBBLIGHI, INCOMPATIBILITA]
