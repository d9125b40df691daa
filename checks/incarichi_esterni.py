"""Incarichi esterni dei dipendenti e dei titolari di posizione: Titolo IX, art. 85–91.

Four checks answer "può il dipendente accettare questo incarico?":

* ``incarichi_esterni.attivita`` — the activity itself: forbidden (art. 87 c. 1 lett. a–m,
  art. 86), authorisable if occasional (art. 87 c. 2), communication only (art. 89,
  art. 87 c. 3 for part-time up to 50%); who decides and how (art. 88 c. 1–7);
* ``incarichi_esterni.tetto_compensi`` — the annual cap of one fifth of the gross base
  salary, counting what is already authorised (art. 88 c. 3);
* ``incarichi_esterni.silenzio`` — the 30-day answer and the meaning of silence (art. 88 c. 6);
* ``incarichi_esterni.sanzioni`` — work done without authorisation (art. 91).

Conflict stated, not hidden: art. 87 c. 2 lett. d lists "attività di docenza" among the
activities needing authorisation, art. 89 exempts "docenze e ricerca scientifica". Art. 89
prevails: it reproduces art. 53 c. 6 lett. f-bis D.Lgs. 165/2001, the statute this Titolo
declares it implements (art. 85 c. 1) and which a municipal regulation cannot narrow.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from ordina import termini
from ordina.answer import TraceStep
from ordina.calendar import Calendario
from ordina.engine import UNKNOWN, Check, F, Outcome, Rule, Rules, is_false, is_true
from ordina.engine.check import Azione
from ordina.engine.logic import ALWAYS, fmt, known
from ordina.engine.provenance import FactSet
from ordina.engine.vocabulary import FactSpec
from ordina.facts import ACTIVITY_KINDS
from ordina.formato import arrotonda, frazione, numero
from ordina.hookspecs import hookimpl
from ordina.norma import decimale

# -- the regulation's numbers, beside the commi that state them -----------------------------
#: art. 87 c. 1 and c. 3: the prohibitions bind full-time staff and part-time above 50%.
SOGLIA_PART_TIME = termini.SOGLIA_PART_TIME
#: art. 88 c. 3: authorised compensation in a year ≤ one fifth of the gross base salary.
QUOTA_TETTO = termini.QUOTA_TETTO
#: art. 88 c. 6: the request must be answered within 30 days (counted on the calendar).
GIORNI_RISPOSTA = termini.RISPOSTA_AUTORIZZAZIONE
#: art. 91 c. 1–2: 30 days after the warning, dismissal.
GIORNI_DIFFIDA = termini.DIFFIDA

INTENT = "external_assignment"

#: The activity as the regulation lists it, without the citation in brackets.
ACTIVITY_LABELS = {k: v.split(" (art.")[0] for k, v in ACTIVITY_KINDS.items()}

# -- facts, with their Italian labels -------------------------------------------------------
PT = F("part_time_percent", "percentuale del rapporto di lavoro")
KIND = F("activity_kind", "tipo di attività")
RELATION = F("client_relation", "rapporto del committente con il Comune")
CLIENT = F("client_type", "committente")
OLTRE_50 = PT > SOGLIA_PART_TIME.value

#: Public clients (art. 88 c. 6: silence is assent; art. 87 c. 1 lett. i: not "privati").
_PUBBLICI = frozenset({"pubblica_amministrazione", "ente_pubblico", "universita",
                       "societa_mista"})
_PRIVATI = frozenset({"societa", "privato", "associazione", "sindacato"})
#: Clients that are not companies "costituite a fine di lucro" (art. 87 c. 1 lett. d).
_NON_LUCRO = _PUBBLICI | {"associazione", "sindacato"}

#: Activity kinds art. 87 c. 2 lets be authorised, by letter (docenza: see art. 89).
AUTORIZZABILI: dict[str, str] = {
    "a": "consulenza_occasionale", "b": "direzione_lavori", "c": "cda_pubblico",
    "d": "docenza", "e": "commissione_concorso", "f": "commissione_ente_pubblico",
    "g": "arbitrato", "h": "rilevazione_statistica", "i": "commissario_ad_acta",
    "l": "cariche_cooperative", "m": "amministratore_condominio", "n": "incarico_professionale",
}

#: Activity kinds of art. 89, by dash (trattino): communication only.
SOLO_COMUNICAZIONE: dict[int, tuple[str, str]] = {
    2: ("volontariato", ("attività presso associazioni di volontariato o cooperative "
                        "socio-assistenziali senza scopo di lucro")),
    3: ("pubblicazione", "pubblicazione di articoli o libri"),
    4: ("opere_ingegno", "utilizzazione economica di opere dell'ingegno o invenzioni"),
    5: ("convegni", "partecipazione a convegni e seminari"),
    7: ("aspettativa_comando", "incarico svolto in aspettativa, comando o fuori ruolo"),
    8: ("incarico_sindacale", ("incarico conferito dalle organizzazioni sindacali a "
                              "dipendenti distaccati o in aspettativa")),
    9: ("formazione_pa", "formazione diretta ai dipendenti della pubblica amministrazione"),
}

PERCHE_PREVALE_89 = (
    "l'art. 89 riproduce l'art. 53 c. 6 lett. f-bis del D.Lgs. 165/2001, che esclude docenze "
    "e ricerca scientifica dal regime autorizzatorio; il Titolo IX dichiara di attuare quella "
    "legge (art. 85 c. 1) e un regolamento comunale non può restringerla. L'art. 87 c. 2 "
    "lett. d resta applicabile solo alla docenza che la legge non esenta."
)


def _prohibitions() -> list[Rule]:
    """Art. 87 c. 1 lett. a–m (full-time and >50%) and art. 86 (everyone)."""
    chi = "Ai dipendenti a tempo pieno o con part-time oltre il 50% sono vietat"
    return [
        Rule("commerciale", "art. 87 c. 1 lett. a", (KIND == "commerciale") & OLTRE_50, "vietato",
             f"{chi}e le attività commerciali e industriali."),
        # lett. b: "consulenze abituali, sistematiche e continuative": a consultancy that is
        # not occasional is this ban too, not only a professional practice
        Rule("libero_professionale", "art. 87 c. 1 lett. b",
             ((KIND == "libero_professionale") | ((KIND == "consulenza_occasionale") & is_false(
                 "occasional", "consulenza abituale o continuativa"))) & OLTRE_50, "vietato",
             f"{chi}e le attività libero professionali e le consulenze abituali, sistematiche "
             "e continuative."),
        Rule("subordinato", "art. 87 c. 1 lett. c", (KIND == "lavoro_subordinato") & OLTRE_50,
             "vietato", f"{chi}e le assunzioni alle dipendenze di privati o di altre "
                        "pubbliche amministrazioni."),
        # lett. d: boards and statutory auditors of companies *a fine di lucro*. A board seat
        # named for a client that is not one (an association, a PA) is not this ban, so the
        # client decides: unknown, it is asked (more facts never overturn a verdict); an
        # auditor's seat in a for-profit company is the ban, even when typed as "revisore"
        Rule("cariche_societa", "art. 87 c. 1 lett. d",
             (((KIND == "amministratore_societa") & ~CLIENT.isin(tuple(_NON_LUCRO)))
              | ((KIND == "cda_pubblico") & known("client_type") & (CLIENT == "societa")))
             & OLTRE_50, "vietato",
             f"{chi}e le cariche in consigli di amministrazione o collegi sindacali "
             "di società a fine di lucro."),
        Rule("interferenza", "art. 87 c. 1 lett. e",
             is_true("interferes_with_service", "interferenza con il servizio") & OLTRE_50,
             "vietato", f"{chi}i gli incarichi che interferiscono con le esigenze di servizio.",
             deferrable=True),
        Rule("conflitto", "art. 87 c. 1 lett. f",
             is_true("conflict_of_interest", "conflitto di interessi") & OLTRE_50, "vietato",
             f"{chi}i gli incarichi in conflitto di interessi con l'ente o che ne pregiudicano "
             "l'imparzialità (anche lett. g).", deferrable=True),
        Rule("contenzioso_concessioni", "art. 87 c. 1 lett. h",
             RELATION.isin(("contenzioso", "concessione")) & OLTRE_50, "vietato",
             f"{chi}i gli incarichi di chi ha contenziosi con l'ente o ne ha chiesto o ottenuto "
             "sovvenzioni, concessioni, licenze o altri atti di consenso.", deferrable=True,
             assessed=("client_relation",)),
        # lett. i names two kinds of client: *private* suppliers of goods and services to the
        # Comune, and anyone the employee's office controls or supervises (public or not)
        Rule("fornitori", "art. 87 c. 1 lett. i",
             (RELATION == "fornitore") & ~CLIENT.isin(tuple(_PUBBLICI)) & OLTRE_50, "vietato",
             f"{chi}i gli incarichi attribuiti da soggetti privati fornitori di beni e servizi "
             "all'ente.", deferrable=True, assessed=("client_relation",)),
        Rule("controllati", "art. 87 c. 1 lett. i",
             (RELATION == "controllato") & OLTRE_50, "vietato",
             f"{chi}i gli incarichi di soggetti sottoposti al controllo o alla vigilanza del "
             "dipendente o della struttura cui è assegnato.", deferrable=True,
             assessed=("client_relation",)),
        Rule("opere_pubbliche", "art. 87 c. 1 lett. l",
             # direction and testing of public works (c. 2 lett. b) are technical
             # assignments under d.lgs 163/2006 too: lett. l bars them for the Comune's works
             KIND.isin(("incarico_tecnico_opere_pubbliche", "direzione_lavori"))
             & is_true("public_works_in_territory", "opere pubbliche del territorio")
             & OLTRE_50, "vietato",
             f"{chi}i gli incarichi tecnici per opere pubbliche nel territorio dell'ente o da "
             "esso autorizzate o finanziate."),
        Rule("patrocinio", "art. 87 c. 1 lett. m",
             (KIND == "patrocinio_legale")
             & is_true("client_in_territory", "committente del territorio") & OLTRE_50,
             "vietato", f"{chi}i gli incarichi di patrocinio in giudizio per enti e soggetti "
                        "del territorio dell'ente."),
        Rule("inconciliabile", "art. 86 c. 1",
             is_true("conflict_of_interest", "conflitto di interessi")
             | is_true("interferes_with_service", "interferenza con il servizio"),
             "vietato", "A tutti i dipendenti e ai titolari di posizione è vietata ogni "
                        "attività non conciliabile con i doveri d'ufficio e con l'immagine "
                        "e il prestigio dell'ente.", deferrable=True),
    ]


def _communications() -> list[Rule]:
    """Art. 89: activities needing only a timely communication."""
    rules = [
        Rule("gratuito", "art. 89 c. 1 trattino 1", is_false("paid", "incarico retribuito"),
             "comunicazione", "L'attività resa a titolo gratuito richiede solo la "
                              "comunicazione tempestiva."),
        Rule("rimborso_spese", "art. 89 c. 1 trattino 6",
             is_true("expenses_only", "solo rimborso spese"), "comunicazione",
             "Per gli incarichi con il solo rimborso delle spese documentate basta la "
             "comunicazione tempestiva."),
    ]
    for dash, (kind, text) in SOLO_COMUNICAZIONE.items():
        rules.append(Rule(f"art89_{dash}", f"art. 89 c. 1 trattino {dash}", KIND == kind,
                          "comunicazione",
                          f"Per {text} non serve l'autorizzazione: basta la comunicazione "
                          "tempestiva."))
    rules.append(Rule(
        "docenza_ricerca", "art. 89 c. 1 trattino 10", KIND.isin(("docenza", "ricerca_scientifica")),
        "comunicazione", "Docenze e ricerca scientifica non richiedono l'autorizzazione: "
                         "basta la comunicazione tempestiva.",
        overrides=("autorizzabile_d",), why=PERCHE_PREVALE_89))
    return rules


def _authorisable() -> list[Rule]:
    """Art. 87 c. 3 (≤50%) and c. 2 (occasional, with professional growth)."""
    c2_kinds = tuple(k for k in AUTORIZZABILI.values() if k != "docenza")
    rules = [
        Rule("part_time_50", "art. 87 c. 3", PT <= SOGLIA_PART_TIME.value, "comunicazione",
             "Il dipendente con part-time fino al 50% può svolgere attività professionale e "
             "di lavoro subordinato, nel rispetto dell'art. 86, con comunicazione all'ente."),
        # occasionality and professional growth are the criteria the deciding body weighs
        # (art. 88 c. 1): unknown, they are conditions of the authorisation; stated false,
        # the authorisation cannot be given
        Rule("non_occasionale", "art. 87 c. 2",
             KIND.isin(c2_kinds) & is_false("occasional", "carattere occasionale") & OLTRE_50,
             "vietato", "Gli incarichi dell'art. 87 c. 2 sono autorizzabili solo se occasionali: "
                        "svolti con abitualità ricadono nei divieti del comma 1.",
             deferrable=True, assessed=("occasional",)),
        Rule("senza_crescita", "art. 87 c. 2",
             KIND.isin(c2_kinds) & is_false("professional_growth", "crescita professionale")
             & OLTRE_50,
             "vietato", "Gli incarichi dell'art. 87 c. 2 sono autorizzabili solo se ne consegue "
                        "una crescita della professionalità.", deferrable=True,
             assessed=("professional_growth",)),
    ]
    # lett. m names only «condomini, di residenza o nei quali il dipendente è titolare di
    # proprietà»: anyone else's condominium is a professional activity of its own
    rules.append(Rule(
        "condominio_altrui", "art. 87 c. 2 lett. m",
        (KIND == "amministratore_condominio")
        & is_false("own_condominium", "condominio di residenza o di proprietà") & OLTRE_50,
        "vietato", "L'art. 87 c. 2 lett. m autorizza solo l'amministrazione dei condomini di "
                   "residenza o in cui il dipendente ha una proprietà: quella di altri "
                   "condomini è un'attività professionale, vietata a tempo pieno o con "
                   "part-time oltre il 50% (art. 87 c. 1 lett. b)."))
    for letter, kind in AUTORIZZABILI.items():
        condition = (KIND == kind) & OLTRE_50
        if kind == "amministratore_condominio":
            condition = condition & is_true("own_condominium",
                                            "condominio di residenza o di proprietà")
        rules.append(Rule(
            f"autorizzabile_{letter}", f"art. 87 c. 2 lett. {letter}", condition,
            "autorizzazione",
            f"L'incarico ({ACTIVITY_LABELS.get(kind, kind.replace('_', ' '))}) può essere "
            "autorizzato: è tra quelli dell'art. 87 c. 2, purché occasionale e utile alla "
            "crescita professionale."
            if kind != "docenza" else
            "L'attività di docenza è tra gli incarichi che l'art. 87 c. 2 sottopone ad "
            "autorizzazione."))
    return rules


def _procedure_notes() -> list[Rule]:
    """Art. 88: who decides, on which criteria, what the request contains, the 30 days."""
    auth = ("autorizzazione",)
    return [
        Rule("decide_po", "art. 88 c. 1", is_false("is_po_holder", "titolare di PO/EQ"), None,
             "Decide il titolare di posizione organizzativa della struttura, sentito il "
             "responsabile del personale e informato il responsabile per la prevenzione della "
             "corruzione, secondo i criteri del comma 1 (occasionalità, non interferenza, "
             "natura e interessi dell'ente, modalità, impegno, crescita professionale).",
             when_verdict=auth),
        Rule("decide_rpc", "art. 88 c. 1", is_true("is_po_holder", "titolare di PO/EQ"), None,
             "Per i titolari di posizione organizzativa decide il responsabile per la "
             "prevenzione della corruzione, secondo i criteri del comma 1.",
             when_verdict=auth),
        Rule("compenso_gravosita", "art. 88 c. 2", known("compensation"), None,
             "L'organo competente assume il compenso pattuito come indice della gravosità "
             "dell'impegno e verifica gli altri incarichi già autorizzati.", when_verdict=auth),
        Rule("richiesta_doppia", "art. 88 c. 4", ALWAYS,
             None, "L'autorizzazione va chiesta sia dal dipendente sia dal soggetto che "
                   "conferisce l'incarico.", when_verdict=auth),
        Rule("contenuto_richiesta", "art. 88 c. 5", ALWAYS,
             None, "La richiesta indica oggetto, soggetto che eroga il compenso, luogo, durata, "
                   "compenso lordo previsto e la dichiarazione di non interferenza con "
                   "l'attività ordinaria (lett. a–f).", when_verdict=auth),
        Rule("silenzio_privati", "art. 88 c. 6",
             CLIENT.isin(("societa", "privato", "associazione", "sindacato")), None,
             f"La risposta è dovuta entro {GIORNI_RISPOSTA.value} giorni (che slittano al primo "
             "giorno non festivo); per un committente privato "
             "il silenzio vale diniego.", when_verdict=auth),
        Rule("silenzio_pa", "art. 88 c. 6",
             CLIENT.isin(("pubblica_amministrazione", "ente_pubblico", "universita",
                          "societa_mista")), None,
             f"La risposta è dovuta entro {GIORNI_RISPOSTA.value} giorni (che slittano al primo "
             "giorno non festivo); per un incarico presso una "
             "pubblica amministrazione il silenzio vale assenso.", when_verdict=auth),
        Rule("revoca", "art. 88 c. 7", ALWAYS, None,
             "L'autorizzazione può essere sospesa o revocata in ogni momento, con atto "
             "motivato, se ne vengono meno i presupposti o sopravviene incompatibilità.",
             when_verdict=auth),
    ]


ATTIVITA = Check(
    id="incarichi_esterni.attivita",
    title="Incarico esterno: divieto, autorizzazione o comunicazione",
    citations=("art. 85 c. 1", "art. 85 c. 2", "art. 86 c. 1", "art. 87 c. 1", "art. 87 c. 1 lett. g",
               "art. 87 c. 2", "art. 87 c. 3", "art. 88 c. 1", "art. 89 c. 1", "art. 90 c. 1"),
    intents=(INTENT,),
    facts=("part_time_percent", "activity_kind", "client_relation", "client_type",
           "interferes_with_service", "conflict_of_interest", "public_works_in_territory",
           "client_in_territory", "paid", "expenses_only", "occasional", "professional_growth",
           "is_po_holder", "compensation", "request_date", "own_condominium"),
    evaluate=Rules(
        [*_prohibitions(), *_communications(), *_authorisable(), *_procedure_notes()],
        otherwise="autorizzazione", otherwise_cite="art. 88 c. 1",
        otherwise_says="Ogni incarico retribuito non compreso negli elenchi degli art. 87 e 89 "
                       "richiede l'autorizzazione dell'ente.",
    ),
    audit=("incarico",),
    actions={
        "*": (Azione("respingere la richiesta di autorizzazione con atto motivato", "art. 88 c. 1"),
              Azione("se l'incarico è già iniziato, diffidare il dipendente a cessarlo entro "
                     "30 giorni", "art. 91 c. 1")),
        "docenza_ricerca": (Azione("prendere atto della comunicazione: la docenza non richiede "
                                   "autorizzazione", "art. 89 c. 1"),),
    },
)


def needs_authorisation(facts: Mapping[str, Any]) -> bool | None:
    """Whether :data:`ATTIVITA` says the incarico needs an authorisation.

    False when a communication is enough (art. 87 c. 3, art. 89): then no 30-day answer
    runs, it does not count towards the cap of art. 88 c. 3, and running it without an
    authorisation is no breach of art. 91. None while the activity check cannot decide.
    """
    verdict = ATTIVITA.evaluate.decide(facts).verdict  # type: ignore[union-attr]
    return {"comunicazione": False, "autorizzazione": True, "vietato": True}.get(verdict or "")


def _eur(value: Decimal) -> str:
    """``2.800 €``, ``1.500,50 €``: amounts as the answer's arithmetic shows them."""
    return f"{numero(value, 2).removesuffix(',00')} €"


def _number(value: object) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _cap_answer(over: bool, share: str, line: str, room: Decimal) -> str:
    """The art. 88 c. 3 verdict on the year's authorised fees, with the sum that decides it."""
    if over:
        return (f"**vietato**: l'incarico non può essere autorizzato, perché gli incarichi "
                f"autorizzati nell'anno supererebbero {share} del trattamento economico "
                f"fondamentale lordo (art. 88 c. 3): {line}. Nell'anno restano autorizzabili "
                f"compensi per {_eur(room)}.")
    return (f"**consentito**: con questo incarico i compensi autorizzati nell'anno restano "
            f"entro {share} del trattamento economico fondamentale lordo (art. 88 c. 3): "
            f"{line}.")


def _tetto(facts: FactSet) -> Outcome:
    """Art. 88 c. 3, with the sum written out: ``2.800 € + 2.500 € = 5.300 € > 4.600 €``.

    Decides as soon as the known amounts decide: the assignment alone above one fifth is
    refused even when what is already authorised is not known (it can only add).
    """
    cite = "art. 88 c. 3"
    if needs_authorisation(facts) is False:
        return Outcome.not_pertinent("L'incarico non richiede autorizzazione: non concorre al "
                                     "tetto dell'art. 88 c. 3.")
    comp, prior, base = (facts.get(n) for n in
                         ("compensation", "already_authorised_this_year", "annual_base_salary"))
    items = facts.get("authorised_assignments")
    if _number(base) and _number(comp) and isinstance(items, (list, tuple)):
        return _tetto_readings(facts, decimale(comp), decimale(base), items)
    if not _number(base):
        return Outcome.needs(["annual_base_salary"] + ([] if _number(prior) else
                                                       ["already_authorised_this_year"]),
                             citations=(cite,))
    base = decimale(base)
    quota = QUOTA_TETTO.in_force  # another text's share when a decision is re-examined
    cap = arrotonda(base * quota)
    share = frazione(quota)
    comp = decimale(comp)
    if not _number(prior):
        if comp <= cap:
            return Outcome.needs(["already_authorised_this_year"], citations=(cite,))
        line = f"{_eur(comp)} > {_eur(cap)} = {share} di {_eur(base)}"
        return Outcome(
            "vietato", f"**vietato**: il solo compenso di questo incarico supera il tetto "
                       f"annuo dell'art. 88 c. 3: {line}.", (cite,),
            (TraceStep(f"Il solo compenso dell'incarico supera {share} del trattamento "
                       f"fondamentale: {line}; quanto già autorizzato può solo aggiungersi.",
                       cite),), data={"tetto": float(cap), "totale": float(comp)})
    prior = decimale(prior)
    total = comp + prior
    over = total > cap
    line = (f"{_eur(comp)} + {_eur(prior)} = {_eur(total)} {'>' if over else '≤'} "
            f"{_eur(cap)} = {share} di {_eur(base)}")
    steps = [TraceStep(
        f"Compenso dell'incarico + compensi già autorizzati nell'anno: {line}. "
        f"[{_facts(facts, ('compensation', 'already_authorised_this_year', 'annual_base_salary'))}]",
        cite)]
    room = max(cap - prior, Decimal(0))
    answer = _cap_answer(over, share, line, room)
    note = _year_note(facts, comp, cap, over)
    if note is not None:
        steps.append(note)
        answer += f"\n\n{note.step}"
    return Outcome("vietato" if over else "consentito", answer, (cite,), tuple(steps),
                   data={"tetto": float(cap), "totale": float(total), "residuo": float(room)})


def _exempt(item: Mapping[str, Any], facts: FactSet) -> bool:
    """An authorised incarico that, by :data:`ATTIVITA`, needed only a communication."""
    values = {k: v for k, v in item.items() if k in ATTIVITA.facts and v is not None}
    values.setdefault("part_time_percent", facts.get("part_time_percent"))
    return needs_authorisation(values) is False


def _sum_line(comp: Decimal, items: list[Mapping[str, Any]], cap: Decimal) -> tuple[Decimal, str]:
    """``2.800 € + 1.000 € (n. 9) = 3.800 € ≤ 4.600 €`` and the total."""
    total = comp + sum((decimale(i["amount"]) for i in items), Decimal(0))
    parts = [_eur(comp)] + [f"{_eur(decimale(i['amount']))} (n. {i['id']})" for i in items]
    if not items:
        parts.append(_eur(Decimal(0)))
    return total, f"{' + '.join(parts)} = {_eur(total)} {'>' if total > cap else '≤'} {_eur(cap)}"


def _tetto_readings(facts: FactSet, comp: Decimal, base: Decimal,
                    items: list[Mapping[str, Any]] | tuple[Mapping[str, Any], ...]) -> Outcome:
    """Art. 88 c. 3 on the database's list of authorised incarichi, under each reading.

    The adopted reading sums, with this incarico, the incarichi authorised on requests of
    the same year that needed an authorisation (an incarico of art. 89 is not one of «gli
    incarichi autorizzati», even when an authorisation was issued). The text leaves two
    points open: which year «annualmente» means (the request's or the work's), and whether
    an authorisation issued for an exempt incarico counts. When the readings disagree the
    outcome says which would clear the finding, and the audit files it «da verificare».
    """
    cite = "art. 88 c. 3"
    cap = arrotonda(base * QUOTA_TETTO.in_force)
    share = frazione(QUOTA_TETTO.in_force)  # the text in force says it (an amendment may not)
    requested = facts.get("request_date")
    req_year = requested.year if isinstance(requested, date) else facts.get("date").year \
        if isinstance(facts.get("date"), date) else None
    work_year = facts.get("assignment_year")
    same_req = [i for i in items if i.get("request_year") == req_year]
    exempt = [i for i in same_req if _exempt(i, facts)]
    counted = [i for i in same_req if i not in exempt]
    total, line = _sum_line(comp, counted, cap)
    readings: list[tuple[str, bool, str]] = []
    if exempt:
        alt_total, alt_line = _sum_line(comp, same_req, cap)
        names = ", ".join(f"n. {i['id']}" for i in exempt)
        readings.append(((f"contando anche gli incarichi autorizzati benché esenti per l'art. 89 "
                         f"({names}), come se l'art. 87 c. 2 lett. d li sottoponesse ad "
                         f"autorizzazione"), alt_total > cap, alt_line))
    if isinstance(work_year, int) and work_year != req_year:
        in_work = [i for i in items if i.get("work_year") == work_year and not _exempt(i, facts)]
        alt_total, alt_line = _sum_line(comp, in_work, cap)
        readings.append(((f"contando l'anno in cui l'incarico si svolge ({work_year}) invece di "
                         f"quello della richiesta ({req_year})"), alt_total > cap, alt_line))
    over = total > cap
    room = max(cap - (total - comp), Decimal(0))
    adopted = (f"anno della richiesta ({req_year}), solo gli incarichi che richiedono "
               f"autorizzazione")
    steps = [TraceStep(f"Lettura adottata ({adopted}): {line}, {share} di {_eur(base)}.", cite)]
    if exempt:
        steps.append(TraceStep(
            (f"Non si conta l'incarico n. {exempt[0]['id']}: per l'art. 89 non richiede "
             "autorizzazione, anche se è stata rilasciata." if len(exempt) == 1 else
             "Non si contano gli incarichi " + ", ".join(f"n. {i['id']}" for i in exempt)
             + ": per l'art. 89 non richiedono autorizzazione, anche se è stata rilasciata."),
            "art. 89 c. 1"))
    others = [r for r in readings if r[1] != over]
    for text, alt_over, alt_line in readings:
        steps.append(TraceStep(f"Altra lettura, {text}: {alt_line} "
                               f"({'supera' if alt_over else 'entro'} il tetto).", cite))
    data: dict[str, Any] = {"tetto": float(cap), "totale": float(total), "residuo": float(room),
                            "regola": "oltre" if over else "entro_ambiguo"}
    answer = _cap_answer(over, share, line, room)
    if exempt:
        answer += ("\n\nNon si contano " + ", ".join(f"n. {i['id']}" for i in exempt)
                   + ": incarichi che per l'art. 89 non richiedono autorizzazione.")
    if not others:
        return Outcome("vietato" if over else "consentito", answer, (cite,), tuple(steps),
                       data=data)
    text = "; ".join(f"{t}: {alt}" for t, _o, alt in others)
    answer += ("\n\nNorma ambigua: l'art. 88 c. 3 non dice quale anno conta né se valgono le "
               "autorizzazioni rilasciate per incarichi esenti. "
               + (f"L'esito cambierebbe {text}, e l'incarico sarebbe autorizzabile."
                  if over else f"Con un'altra lettura l'esito cambierebbe, {text}: "
                               f"l'incarico non sarebbe autorizzabile.")
               + " Da verificare: conviene che il Comune chiarisca la lettura.")
    clearing = tuple(t for t, o, _a in readings if not o) + (() if over else (adopted,))
    return Outcome("vietato" if over else "consentito", answer, (cite, "art. 89 c. 1")
                   if exempt else (cite,), tuple(steps), data=data, finding=True,
                   severity="attenzione", clearing_readings=clearing)


def _facts(facts: FactSet, names: tuple[str, ...]) -> str:
    labels = {"compensation": "compenso dell'incarico",
              "already_authorised_this_year": "compensi già autorizzati nell'anno",
              "annual_base_salary": "trattamento economico fondamentale lordo annuo"}
    found = (facts.fact(n) for n in names)
    return "; ".join(f.describe(labels.get(f.name)) for f in found if f is not None)


def _year_note(facts: FactSet, comp: Decimal, cap: Decimal, over: bool) -> TraceStep | None:
    """The text says «annualmente» without saying which year: say so when it matters."""
    year, requested = facts.get("assignment_year"), facts.get("request_date")
    other = facts.get("authorised_in_assignment_year")
    if not isinstance(year, int) or not isinstance(requested, date) or year == requested.year:
        return None
    if not _number(other):
        return None
    alt_total = comp + decimale(other)
    alt_over = alt_total > cap
    if alt_over == over:
        return None
    return TraceStep(
        f"Norma ambigua: l'art. 88 c. 3 dice «annualmente» senza precisare l'anno. Qui si "
        f"sommano gli incarichi autorizzati nell'anno della richiesta ({requested.year}): il "
        f"tetto si verifica quando si decide l'autorizzazione. Se invece si conta l'anno in cui l'incarico si svolge ({year}), il conto è "
        f"{_eur(comp)} + {_eur(decimale(other))} = {_eur(alt_total)} "
        f"{'>' if alt_over else '≤'} {_eur(cap)} e l'esito sarebbe "
        f"«{'vietato' if alt_over else 'consentito'}»: conviene che il Comune chiarisca quale "
        f"anno conta.", "art. 88 c. 3")


TETTO = Check(
    id="incarichi_esterni.tetto_compensi",
    title="Tetto annuo dei compensi per incarichi autorizzati",
    citations=("art. 88 c. 3",),
    intents=(INTENT,),
    facts=("compensation", "already_authorised_this_year", "annual_base_salary",
           "part_time_percent", "request_date", "assignment_year",
           "authorised_in_assignment_year", "authorised_assignments", "activity_kind", "paid",
           "expenses_only", "date"),
    applies=known("compensation") & ~(PT <= SOGLIA_PART_TIME.value),
    evaluate=_tetto,
    audit=("incarico",),
    actions={
        "oltre": (Azione("negare l'autorizzazione, o autorizzare solo un compenso entro quanto "
                         "resta nell'anno", "art. 88 c. 3"),),
        "entro_ambiguo": (Azione("decidere la richiesta entro 30 giorni, indicando la lettura "
                                 "dell'art. 88 c. 3 adottata", "art. 88 c. 6"),),
        "*": (Azione("negare l'autorizzazione: il tetto annuo è superato", "art. 88 c. 3"),),
    },
)


_ANNUO_RULES = Rules(
    [Rule("oltre_tetto_annuo", "art. 88 c. 3",
          F("already_authorised_this_year", "compensi autorizzati nell'anno")
          > F("annual_base_salary", "trattamento economico fondamentale lordo annuo")
          * float(QUOTA_TETTO.value),
          "vietato", "I compensi degli incarichi già autorizzati nell'anno superano un "
                     "quinto del trattamento economico fondamentale lordo.")],
    otherwise="consentito", otherwise_cite="art. 88 c. 3",
    otherwise_says="I compensi autorizzati nell'anno restano entro un quinto del "
                   "trattamento economico fondamentale lordo.",
)


#: The reading that clears a yearly total over the cap only with the exempt incarichi.
_SENZA_ESENTI = "il non computo degli incarichi che non richiedono autorizzazione (art. 89)"

#: The common case, cheap for the audit of 25,000 people: nothing beyond the cap.
_ENTRO = Outcome("consentito", f"**consentito**: {_ANNUO_RULES.otherwise_says} (art. 88 c. 3).",
                 ("art. 88 c. 3",))


def _tetto_annuo(facts: FactSet) -> Outcome:
    """Art. 88 c. 3 on what is already authorised in the year, without the exempt incarichi.

    With the database's list of authorised incarichi, those that by :data:`ATTIVITA` need
    only a communication are left out; counting them is the other reading (da verificare).
    Without the list, the stated total is compared (the fast path of most employees).
    """
    items = facts.get("authorised_assignments")
    base, today = facts.get("annual_base_salary"), facts.get("date")
    if not isinstance(items, (list, tuple)) or not items or not _number(base) \
            or not isinstance(today, date):
        verdict = _ANNUO_RULES.decide(facts).verdict
        return _ANNUO_RULES(facts) if verdict in ("vietato", "dati_mancanti") else _ENTRO

    cite = "art. 88 c. 3"
    cap = arrotonda(decimale(base) * QUOTA_TETTO.in_force)
    share = frazione(QUOTA_TETTO.in_force)
    year = [i for i in items if i.get("request_year") == today.year]
    exempt = [i for i in year if _exempt(i, facts)]
    counted = [i for i in year if i not in exempt]
    total = sum((decimale(i["amount"]) for i in counted), Decimal(0))
    with_exempt = total + sum((decimale(i["amount"]) for i in exempt), Decimal(0))
    line = " + ".join(f"{_eur(decimale(i['amount']))} (n. {i['id']})" for i in counted) or "0 €"
    steps = [TraceStep(f"Autorizzati nel {today.year} con obbligo di autorizzazione: {line} = "
                       f"{_eur(total)} {'>' if total > cap else '≤'} {_eur(cap)}, {share} di "
                       f"{_eur(decimale(base))}.", cite)]
    data: dict[str, Any] = {"tetto": float(cap), "totale": float(total)}
    if total > cap:
        data["regola"] = "oltre_tetto_annuo"
        return Outcome("vietato", f"**vietato**: gli incarichi autorizzati nel {today.year} "
                                  f"superano {share} del trattamento economico fondamentale "
                                  f"lordo ({cite}): {_eur(total)} > {_eur(cap)}.",
                       (cite,), tuple(steps), data=data)
    if with_exempt > cap:
        names = ", ".join(f"n. {i['id']}" for i in exempt)
        data["regola"] = "oltre_tetto_annuo"
        return Outcome(
            "consentito", f"**consentito**: senza gli incarichi esenti per l'art. 89 ({names}) "
                          f"i compensi autorizzati nel {today.year} restano entro il tetto: "
                          f"{_eur(total)} ≤ {_eur(cap)} ({cite}). Contandoli si arriva a "
                          f"{_eur(with_exempt)} > {_eur(cap)}: norma ambigua, da verificare.",
            (cite, "art. 89 c. 1"), tuple(steps), data=data, finding=True,
            severity="attenzione",
            clearing_readings=(_SENZA_ESENTI,))
    return Outcome("consentito", _ENTRO.answer + f" {_eur(total)} ≤ {_eur(cap)}.", (cite,),
                   tuple(steps), data=data)


TETTO_ANNUO = Check(
    id="incarichi_esterni.tetto_annuo",
    title="Compensi già autorizzati nell'anno oltre il tetto",
    citations=("art. 88 c. 3",),
    intents=(),
    facts=("already_authorised_this_year", "annual_base_salary", "authorised_assignments",
           "part_time_percent", "date"),
    evaluate=_tetto_annuo,
    audit=("persona",),
    actions={
        "*": (Azione("riesaminare gli incarichi autorizzati nell'anno e sospendere o revocare "
                     "quelli oltre il tetto, con atto motivato", "art. 88 c. 7"),),
    },
)
_tetto_annuo.rules = _ANNUO_RULES.rules  # type: ignore[attr-defined]




def _calendario(facts: FactSet) -> Calendario:
    """The Comune's calendar: national holidays and its patron saint (fact or ORDINA_PATRONO)."""
    patron = facts.get("patron_saint")
    return Calendario.da_ambiente(None if patron is UNKNOWN else str(patron))


def _silence(facts: FactSet) -> Outcome:
    """Art. 88 c. 6: 30 days to answer; silence = denial with private clients, assent with PA.

    The 30 days run as art. 2963 c.c. says: the day of the request is not counted and a
    term ending on a holiday moves to the next working day.
    """
    requested, today = facts.get("request_date"), facts.get("date")
    answered, client = facts.get("request_answered"), facts.get("client_type")
    cite = GIORNI_RISPOSTA.cite
    if answered is True:
        return Outcome.not_pertinent("La richiesta ha avuto risposta: vale quella.")
    if needs_authorisation(facts) is False:
        return Outcome.not_pertinent("L'incarico non richiede autorizzazione: basta la "
                                     "comunicazione, e nessun silenzio vale diniego.")
    waited = facts.get("request_days_waited")
    if not isinstance(requested, date) and isinstance(waited, int) and answered is False:
        return _silence_after(waited, client)
    missing = [n for n, v in (("request_date", requested), ("request_answered", answered),
                              ("date", today)) if not isinstance(v, (date, bool))]
    if missing:
        return Outcome.needs(missing, citations=(cite,))
    term = _calendario(facts).scadenza(requested, GIORNI_RISPOSTA.in_force)
    due = term.effettiva
    steps = term.passi("la risposta alla richiesta di autorizzazione", cite)
    data = {"scadenza": due.isoformat(), "scadenza_nominale": term.nominale.isoformat(),
            "scadenza_testo": fmt(due)}
    if today <= due:
        text = f"La richiesta va decisa entro il {fmt(due)} ({cite})"
        if client in _PUBBLICI:
            text += (": l'incarico è presso una pubblica amministrazione, e se non si risponde "
                     "il silenzio vale assenso.")
        elif client in _PRIVATI:
            text += ": l'incarico è presso un privato, e il silenzio varrebbe diniego."
        else:
            text += "; fino ad allora la richiesta è in istruttoria."
        return Outcome(None, text, (cite,), tuple(steps), data=data)
    if client not in _PUBBLICI and client not in _PRIVATI:
        return Outcome.needs(["client_type"], tuple(steps), (cite,))
    public = client in _PUBBLICI
    days = GIORNI_RISPOSTA.in_force
    if public:
        steps.append(TraceStep(f"Scaduti i {days} giorni senza risposta su un incarico presso "
                               "una pubblica amministrazione: il silenzio vale assenso.", cite))
        return Outcome("consentito", f"**consentito**: la richiesta non ha avuto risposta entro "
                                     f"il {fmt(due)} ({days} giorni) e l'incarico è presso una "
                                     f"pubblica amministrazione: la mancata risposta «si "
                                     f"intende positiva», il silenzio vale autorizzazione "
                                     f"({cite}). {_ASSENT_LIMIT}",
                       (cite,), tuple(steps), data=data, settles=True)
    steps.append(TraceStep(f"Scaduti i {days} giorni senza risposta su un incarico presso un "
                           "privato: il silenzio vale diniego.", cite))
    return Outcome("vietato", f"**vietato**: la richiesta non ha avuto risposta entro il "
                              f"{fmt(due)} ({days} giorni) e l'incarico è presso un privato: la "
                              f"mancata risposta «si intende negativa», il silenzio vale diniego "
                              f"({cite}).", (cite,), tuple(steps),
                   data=data)


#: What an assent by silence cannot do: make an activity the regulation bars allowed.
_ASSENT_LIMIT = ("L'assenso vale per l'incarico chiesto se è autorizzabile: non supera i "
                 "divieti dell'art. 87 c. 1.")


def _silence_after(waited: int, client: object) -> Outcome:
    """Art. 88 c. 6 on the days waited alone ("dopo 30 giorni nessuno ha risposto"): without
    the date of the request the term cannot move past a holiday, and the answer says so."""
    cite, days = GIORNI_RISPOSTA.cite, GIORNI_RISPOSTA.in_force
    note = TraceStep(f"Senza la data della richiesta si contano {waited} giorni di calendario: "
                     f"se il {days}° giorno cade di festa il termine slitta al primo giorno "
                     "non festivo (art. 2963 c.c.), e con la data la risposta è esatta.", cite)
    if waited < days:
        return Outcome(None, f"La richiesta attende da {waited} giorni: il Comune ha {days} "
                             f"giorni per rispondere ({cite}); fino ad allora l'incarico non "
                             "può iniziare senza autorizzazione.", (cite,), (note,))
    if client not in _PUBBLICI and client not in _PRIVATI:
        return Outcome.needs(["client_type"], (note,), (cite,))
    if client in _PUBBLICI:
        return Outcome("consentito", f"**consentito**: dopo {waited} giorni senza risposta, per "
                                     "un incarico presso una pubblica amministrazione la "
                                     "mancata risposta «si intende positiva», il silenzio vale "
                                     f"assenso ({cite}). {_ASSENT_LIMIT}",
                       (cite,), (note,), settles=True)
    return Outcome("vietato", f"**vietato**: dopo {waited} giorni senza risposta, per un "
                              f"incarico presso un privato la mancata risposta «si intende "
                              f"negativa», il silenzio vale diniego ({cite}); "
                              "svolgerlo ugualmente porta alla diffida (art. 91 c. 1).",
                   (cite,), (note,))


SILENZIO = Check(
    id="incarichi_esterni.silenzio",
    title="Risposta entro 30 giorni e silenzio sulla richiesta di autorizzazione",
    citations=("art. 88 c. 6",),
    intents=(INTENT,),
    facts=("request_date", "request_answered", "client_type", "date", "patron_saint",
           "request_days_waited"),
    applies=known("request_date") | known("request_days_waited"),
    evaluate=_silence,
    audit=("incarico",),
    severity="attenzione",
    actions={
        "*": (Azione("comunicare al dipendente che la richiesta si intende respinta e "
                     "verificare che l'incarico non sia svolto", "art. 88 c. 6"),
              Azione("rispondere d'ora in poi entro 30 giorni a ogni richiesta", "art. 88 c. 6")),
    },
)


def _unauthorised(facts: FactSet) -> tuple[bool | None, str]:
    """Whether the incarico is (or was) worked without authorisation, and why.

    Refused (``authorised`` false), or a request to a private client unanswered past the
    30 days of art. 88 c. 6, which counts as refused. None when the facts do not say.
    """
    authorised = facts.get("authorised")
    if authorised is False:
        return True, ("non risulta un'autorizzazione valida: negata, sospesa, revocata o mai "
                      "rilasciata")
    if authorised is True:
        return False, ""
    if facts.get("request_answered") is False and facts.get("request_date") is not UNKNOWN:
        silence = _silence(facts)
        if silence.verdict == "vietato":
            return True, (f"la richiesta non ha avuto risposta entro il "
                          f"{silence.data['scadenza_testo']} e per un committente privato il "
                          "silenzio vale diniego (art. 88 c. 6)")
        if silence.verdict is None or silence.verdict == "consentito":
            return False, ""
    return None, ""


def _sanctions(facts: FactSet) -> Outcome:
    """Art. 91: unauthorised work — warning, 30 days, dismissal, compensation to the Comune.

    With the incarico's dates known (the audit), only an incarico already begun is a breach;
    one that ended still owes its compensation to the Comune (c. 4).
    """
    if needs_authorisation(facts) is False:
        return Outcome.not_pertinent("L'incarico richiede solo la comunicazione.")
    unauthorised, why = _unauthorised(facts)
    if unauthorised is None and "authorised" not in facts and "request_date" not in facts:
        return Outcome.not_pertinent()
    if unauthorised is None:
        return Outcome.needs(["authorised"], citations=("art. 91 c. 1",))
    if not unauthorised:
        return Outcome.not_pertinent("L'incarico è autorizzato (o la risposta è ancora in "
                                     "termine).")
    start, end, today = (facts.get(n) for n in ("assignment_start", "assignment_end", "date"))
    if isinstance(start, date) and isinstance(today, date) and start > today:
        return Outcome.not_pertinent(f"L'incarico non è ancora iniziato (dal {fmt(start)}).")
    ended = isinstance(end, date) and isinstance(today, date) and end <= today
    steps = [TraceStep("L'incarico è svolto senza la prescritta autorizzazione"
                       + (f": {why}" if why else "") + ".", "art. 91 c. 1")]
    if ended:
        steps.append(TraceStep(f"L'incarico è terminato il {fmt(end - timedelta(days=1))}: "
                               "non c'è più un'incompatibilità da far cessare.", "art. 91 c. 1"))
    else:
        steps.append(TraceStep(f"L'ente diffida il dipendente a cessare l'incompatibilità entro "
                               f"{GIORNI_DIFFIDA.value} giorni.", GIORNI_DIFFIDA.cite))
    data: dict[str, str] = {}
    warned = facts.get("warning_date")
    if isinstance(today, date):
        data["oggi"] = fmt(today)
    if ended:
        pass
    elif isinstance(warned, date):
        term = _calendario(facts).scadenza(warned, GIORNI_DIFFIDA.value)
        end_term = term.effettiva
        data["fine_diffida"] = end_term.isoformat()
        data["fine_diffida_testo"] = fmt(end_term)
        steps += term.passi("cessare l'incarico non autorizzato dopo la diffida",
                            GIORNI_DIFFIDA.cite)
        if isinstance(today, date) and today > end_term:
            steps.append(TraceStep(f"Diffida del {fmt(warned)} scaduta il {fmt(end_term)}: se "
                                   "l'incompatibilità non è cessata, si irroga il licenziamento "
                                   "per giusta causa.", "art. 91 c. 2"))
        else:
            steps.append(TraceStep(f"Diffida del {fmt(warned)}: il termine scade il "
                                   f"{fmt(end_term)}; poi, se non cessata, licenziamento per "
                                   "giusta causa.", "art. 91 c. 2"))
    else:
        if isinstance(today, date):
            term = _calendario(facts).scadenza(today, GIORNI_DIFFIDA.value)
            data["fine_diffida"] = term.effettiva.isoformat()
            data["fine_diffida_testo"] = fmt(term.effettiva)
        steps.append(TraceStep(f"Decorsi {GIORNI_DIFFIDA.value} giorni dalla diffida senza che "
                               "l'incompatibilità cessi: licenziamento per giusta causa.",
                               "art. 91 c. 2"))
    steps += [
        TraceStep("Il procedimento si svolge in contraddittorio secondo i CCNL.", "art. 91 c. 3"),
        TraceStep("Il compenso percepito va versato all'ente, dall'erogante o in difetto dal "
                  "dipendente.", "art. 91 c. 4"),
        TraceStep("Vigila il responsabile per la prevenzione della corruzione, con i titolari "
                  "di posizione organizzativa.", "art. 91 c. 5"),
    ]
    comp = facts.get("compensation")
    if _number(comp):
        data["compenso"] = _eur(decimale(comp))
    cites = tuple(dict.fromkeys(s.citation for s in steps if s.citation))
    if ended or isinstance(start, date):
        answer = ("**vietato**: l'incarico è svolto senza autorizzazione"
                  + (f" ({why})" if why else "") + "; "
                  + ("il compenso va versato all'ente (art. 91 c. 4)." if ended else
                     "si applicano la diffida e le sanzioni dell'art. 91, e il compenso va "
                     "versato all'ente (art. 91 c. 4)."))
    else:  # not known to have begun ("vale il silenzio assenso?"): the sanctions, if it has
        answer = ("**vietato**: l'incarico non è autorizzato" + (f" ({why})" if why else "")
                  + "; se è già svolto, si applicano la diffida e le sanzioni dell'art. 91, e il "
                    "compenso va versato all'ente (art. 91 c. 4).")
    data["regola"] = "terminato" if ended else "in_corso"
    return Outcome("vietato", answer, cites, tuple(steps), data=data)


SANZIONI = Check(
    id="incarichi_esterni.sanzioni",
    title="Incarico svolto senza autorizzazione",
    citations=("art. 91 c. 1", "art. 91 c. 2", "art. 91 c. 3", "art. 91 c. 4", "art. 91 c. 5"),
    intents=(INTENT,),
    facts=("authorised", "warning_date", "date", "patron_saint", "request_date",
           "request_answered", "client_type", "assignment_start", "assignment_end",
           "compensation", "activity_kind", "paid", "part_time_percent"),
    evaluate=_sanctions,
    audit=("incarico",),
    actions={
        "in_corso": (
            Azione("diffidare il dipendente a cessare l'incarico entro 30 giorni (con la diffida "
                   "del {oggi}, entro il {fine_diffida_testo})", "art. 91 c. 1"),
            Azione("chiedere il versamento del compenso ({compenso}) all'erogante o, in "
                   "difetto, al dipendente, nel conto dell'entrata del bilancio", "art. 91 c. 4"),
            Azione("se alla scadenza l'incarico non è cessato, avviare il licenziamento per "
                   "giusta causa in contraddittorio", "art. 91 c. 2"),
            Azione("informare il responsabile per la prevenzione della corruzione",
                   "art. 91 c. 5")),
        "terminato": (
            Azione("chiedere il versamento del compenso ({compenso}) all'erogante o, in "
                   "difetto, al dipendente, nel conto dell'entrata del bilancio", "art. 91 c. 4"),
            Azione("informare il responsabile per la prevenzione della corruzione",
                   "art. 91 c. 5")),
    },
)


#: Facts the database gives about one assignment, for the two readings of «annualmente».
EXTRA_FACTS = [
    FactSpec("assignment_year", "int", (), "In quale anno si svolge l'incarico?"),
    FactSpec("authorised_in_assignment_year", "amount", (),
             "Quanto è già autorizzato in compensi per l'anno in cui si svolge l'incarico?"),
    FactSpec("authorised_assignments", "list", (),
             "Quali altri incarichi della persona sono autorizzati (importo, anni, attività)?"),
    FactSpec("assignment_start", "date", (), "Da quando si svolge l'incarico?"),
    FactSpec("assignment_end", "date", (), "Fino a quando si svolge l'incarico?"),
]


@hookimpl
def ordina_fact_definitions() -> list[FactSpec]:
    """Facts only the annual cap reads (from the database)."""
    return EXTRA_FACTS


@hookimpl
def ordina_checks() -> list[Check]:
    """The Titolo IX checks."""
    return [ATTIVITA, TETTO, TETTO_ANNUO, SILENZIO, SANZIONI]
