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

from datetime import date
from decimal import Decimal

from ordina import termini
from ordina.answer import TraceStep
from ordina.calendar import Calendario
from ordina.engine import UNKNOWN, Check, F, Outcome, Rule, Rules, is_false, is_true
from ordina.engine.logic import ALWAYS, fmt, known
from ordina.engine.provenance import FactSet
from ordina.engine.vocabulary import FactSpec
from ordina.facts import ACTIVITY_KINDS
from ordina.formato import arrotonda, numero
from ordina.hookspecs import hookimpl
from ordina.norma import decimale

# -- the regulation's numbers, beside the commi that state them -----------------------------
#: art. 87 c. 1 and c. 3: the prohibitions bind full-time staff and part-time above 50%.
SOGLIA_PART_TIME = 50
#: art. 88 c. 3: authorised compensation in a year ≤ one fifth of the gross base salary.
QUOTA_TETTO = Decimal(1) / 5
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
OLTRE_50 = PT > SOGLIA_PART_TIME

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
        Rule("libero_professionale", "art. 87 c. 1 lett. b",
             (KIND == "libero_professionale") & OLTRE_50, "vietato",
             f"{chi}e le attività libero professionali e le consulenze abituali, sistematiche "
             "e continuative."),
        Rule("subordinato", "art. 87 c. 1 lett. c", (KIND == "lavoro_subordinato") & OLTRE_50,
             "vietato", f"{chi}e le assunzioni alle dipendenze di privati o di altre "
                        "pubbliche amministrazioni."),
        # lett. d: boards and statutory auditors of companies *a fine di lucro*. A board seat
        # named for a client that is not one (an association, a PA) is not this ban; an
        # auditor's seat in a for-profit company is, even when typed as "revisore"
        Rule("cariche_societa", "art. 87 c. 1 lett. d",
             (((KIND == "amministratore_societa")
               & ~(known("client_type") & CLIENT.isin(tuple(_NON_LUCRO))))
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
             (KIND == "incarico_tecnico_opere_pubbliche")
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
        Rule("part_time_50", "art. 87 c. 3", PT <= SOGLIA_PART_TIME, "comunicazione",
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
    for letter, kind in AUTORIZZABILI.items():
        condition = (KIND == kind) & OLTRE_50
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
           "is_po_holder", "compensation", "request_date"),
    evaluate=Rules(
        [*_prohibitions(), *_communications(), *_authorisable(), *_procedure_notes()],
        otherwise="autorizzazione", otherwise_cite="art. 88 c. 1",
        otherwise_says="Ogni incarico retribuito non compreso negli elenchi degli art. 87 e 89 "
                       "richiede l'autorizzazione dell'ente.",
    ),
    audit=("incarico",),
)


def _eur(value: Decimal) -> str:
    """``2.800 €``, ``1.500,50 €``: amounts as the answer's arithmetic shows them."""
    return f"{numero(value, 2).removesuffix(',00')} €"


def _number(value: object) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _tetto(facts: FactSet) -> Outcome:
    """Art. 88 c. 3, with the sum written out: ``2.800 € + 2.500 € = 5.300 € > 4.600 €``.

    Decides as soon as the known amounts decide: the assignment alone above one fifth is
    refused even when what is already authorised is not known (it can only add).
    """
    cite = "art. 88 c. 3"
    comp, prior, base = (facts.get(n) for n in
                         ("compensation", "already_authorised_this_year", "annual_base_salary"))
    if not _number(base):
        return Outcome.needs(["annual_base_salary"] + ([] if _number(prior) else
                                                       ["already_authorised_this_year"]),
                             citations=(cite,))
    base = decimale(base)
    cap = arrotonda(base * QUOTA_TETTO)
    comp = decimale(comp)
    if not _number(prior):
        if comp <= cap:
            return Outcome.needs(["already_authorised_this_year"], citations=(cite,))
        line = f"{_eur(comp)} > {_eur(cap)} = un quinto di {_eur(base)}"
        return Outcome(
            "vietato", f"**vietato**: il solo compenso di questo incarico supera il tetto "
                       f"annuo dell'art. 88 c. 3: {line}.", (cite,),
            (TraceStep(f"Il solo compenso dell'incarico supera un quinto del trattamento "
                       f"fondamentale: {line}; quanto già autorizzato può solo aggiungersi.",
                       cite),), data={"tetto": float(cap), "totale": float(comp)})
    prior = decimale(prior)
    total = comp + prior
    over = total > cap
    line = (f"{_eur(comp)} + {_eur(prior)} = {_eur(total)} {'>' if over else '≤'} "
            f"{_eur(cap)} = un quinto di {_eur(base)}")
    steps = [TraceStep(
        f"Compenso dell'incarico + compensi già autorizzati nell'anno: {line}. "
        f"[{_facts(facts, ('compensation', 'already_authorised_this_year', 'annual_base_salary'))}]",
        cite)]
    room = max(cap - prior, Decimal(0))
    if over:
        answer = (f"**vietato**: l'incarico non può essere autorizzato, perché gli incarichi "
                  f"autorizzati nell'anno supererebbero un quinto del trattamento economico "
                  f"fondamentale lordo (art. 88 c. 3): {line}. Nell'anno restano autorizzabili "
                  f"compensi per {_eur(room)}.")
    else:
        answer = (f"**consentito**: con questo incarico i compensi autorizzati nell'anno restano "
                  f"entro un quinto del trattamento economico fondamentale lordo (art. 88 c. 3): "
                  f"{line}.")
    note = _year_note(facts, comp, cap, over)
    if note is not None:
        steps.append(note)
        answer += f"\n\n{note.step}"
    return Outcome("vietato" if over else "consentito", answer, (cite,), tuple(steps),
                   data={"tetto": float(cap), "totale": float(total), "residuo": float(room)})


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
           "authorised_in_assignment_year"),
    applies=known("compensation") & ~(PT <= SOGLIA_PART_TIME),
    evaluate=_tetto,
    audit=("incarico",),
)


TETTO_ANNUO = Check(
    id="incarichi_esterni.tetto_annuo",
    title="Compensi già autorizzati nell'anno oltre il tetto",
    citations=("art. 88 c. 3",),
    intents=(),
    facts=("already_authorised_this_year", "annual_base_salary"),
    evaluate=Rules(
        [Rule("oltre_tetto_annuo", "art. 88 c. 3",
              F("already_authorised_this_year", "compensi autorizzati nell'anno")
              > F("annual_base_salary", "trattamento economico fondamentale lordo annuo")
              * float(QUOTA_TETTO),
              "vietato", "I compensi degli incarichi già autorizzati nell'anno superano un "
                         "quinto del trattamento economico fondamentale lordo.")],
        otherwise="consentito", otherwise_cite="art. 88 c. 3",
        otherwise_says="I compensi autorizzati nell'anno restano entro un quinto del "
                       "trattamento economico fondamentale lordo.",
    ),
    audit=("persona",),
)




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
    missing = [n for n, v in (("request_date", requested), ("request_answered", answered),
                              ("date", today)) if not isinstance(v, (date, bool))]
    if missing:
        return Outcome.needs(missing, citations=(cite,))
    term = _calendario(facts).scadenza(requested, GIORNI_RISPOSTA.value)
    due = term.effettiva
    steps = term.passi("la risposta alla richiesta di autorizzazione", cite)
    data = {"scadenza": due.isoformat(), "scadenza_nominale": term.nominale.isoformat()}
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
    days = GIORNI_RISPOSTA.value
    if public:
        steps.append(TraceStep(f"Scaduti i {days} giorni senza risposta su un incarico presso "
                               "una pubblica amministrazione: il silenzio vale assenso.", cite))
        return Outcome("consentito", f"**consentito**: la richiesta non ha avuto risposta entro "
                                     f"il {fmt(due)} ({days} giorni) e l'incarico è presso una "
                                     f"pubblica amministrazione: il silenzio vale "
                                     f"autorizzazione ({cite}).",
                       (cite,), tuple(steps), data=data)
    steps.append(TraceStep(f"Scaduti i {days} giorni senza risposta su un incarico presso un "
                           "privato: il silenzio vale diniego.", cite))
    return Outcome("vietato", f"**vietato**: la richiesta non ha avuto risposta entro il "
                              f"{fmt(due)} ({days} giorni) e l'incarico è presso un privato: il "
                              f"silenzio vale diniego ({cite}).", (cite,), tuple(steps),
                   data=data)


SILENZIO = Check(
    id="incarichi_esterni.silenzio",
    title="Risposta entro 30 giorni e silenzio sulla richiesta di autorizzazione",
    citations=("art. 88 c. 6",),
    intents=(INTENT,),
    facts=("request_date", "request_answered", "client_type", "date", "patron_saint"),
    applies=known("request_date"),
    evaluate=_silence,
    audit=("incarico",),
    severity="attenzione",
)


def _sanctions(facts: FactSet) -> Outcome:
    """Art. 91: unauthorised work — warning, 30 days, dismissal, compensation to the Comune.

    Art. 91 c. 1 speaks of an assignment done "senza la *prescritta* autorizzazione": it
    bites only where an authorisation is prescribed. What needs only a communication
    (art. 89, art. 87 c. 3) is not sanctioned for lacking one.
    """
    needed = ATTIVITA.evaluate.decide(facts)  # type: ignore[attr-defined]
    if needed.verdict in ("comunicazione", "consentito"):
        return Outcome.not_pertinent(
            "Per questa attività basta la comunicazione: non serve un'autorizzazione, "
            "e l'art. 91 non si applica.")
    if needed.verdict == "dati_mancanti":
        names = [n for r in needed.unknown for n in r.when.facts() if n not in facts]
        return Outcome.needs(list(dict.fromkeys(names)), citations=("art. 91 c. 1",))
    steps = [
        TraceStep("L'incarico è svolto senza la prescritta autorizzazione.", "art. 91 c. 1"),
        TraceStep(f"L'ente diffida il dipendente a cessare l'incompatibilità entro "
                  f"{GIORNI_DIFFIDA.value} giorni.", GIORNI_DIFFIDA.cite),
    ]
    data: dict[str, str] = {}
    warned, today = facts.get("warning_date"), facts.get("date")
    if isinstance(warned, date):
        term = _calendario(facts).scadenza(warned, GIORNI_DIFFIDA.value)
        end = term.effettiva
        data["fine_diffida"] = end.isoformat()
        steps += term.passi("cessare l'incarico non autorizzato dopo la diffida",
                            GIORNI_DIFFIDA.cite)
        if isinstance(today, date) and today > end:
            steps.append(TraceStep(f"Diffida del {fmt(warned)} scaduta il {fmt(end)}: se "
                                   "l'incompatibilità non è cessata, si irroga il licenziamento "
                                   "per giusta causa.", "art. 91 c. 2"))
        else:
            steps.append(TraceStep(f"Diffida del {fmt(warned)}: il termine scade il {fmt(end)}; "
                                   "poi, se non cessata, licenziamento per giusta causa.",
                                   "art. 91 c. 2"))
    else:
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
    cites = tuple(dict.fromkeys(s.citation for s in steps if s.citation))
    return Outcome("vietato", "**vietato**: l'incarico è svolto senza autorizzazione; si "
                              "applicano la diffida e le sanzioni dell'art. 91.",
                   cites, tuple(steps), data=data)


SANZIONI = Check(
    id="incarichi_esterni.sanzioni",
    title="Incarico svolto senza autorizzazione",
    citations=("art. 91 c. 1", "art. 91 c. 2", "art. 91 c. 3", "art. 91 c. 4", "art. 91 c. 5"),
    intents=(INTENT,),
    facts=("authorised", "warning_date", "date", "patron_saint"),
    applies=known("authorised") & is_false("authorised", "incarico autorizzato"),
    evaluate=_sanctions,
    audit=("incarico",),
)


#: Facts the database gives about one assignment, for the two readings of «annualmente».
EXTRA_FACTS = [
    FactSpec("assignment_year", "int", (), "In quale anno si svolge l'incarico?"),
    FactSpec("authorised_in_assignment_year", "amount", (),
             "Quanto è già autorizzato in compensi per l'anno in cui si svolge l'incarico?"),
]


@hookimpl
def ordina_fact_definitions() -> list[FactSpec]:
    """Facts only the annual cap reads (from the database)."""
    return EXTRA_FACTS


@hookimpl
def ordina_checks() -> list[Check]:
    """The Titolo IX checks."""
    return [ATTIVITA, TETTO, TETTO_ANNUO, SILENZIO, SANZIONI]
