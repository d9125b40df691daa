"""The closed vocabularies of the personnel database, each value with its Italian label.

The database stores the short codes; imports accept the code or the label (case and
accents ignored), so a spreadsheet can say "Responsabile di Area" or "responsabile_area".
Where a value exists because the regulation names it, the citation sits beside it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary: code stored in the database, Italian label, source."""

    code: str
    label: str
    citation: str | None = None


def _vocab(*terms: Term) -> dict[str, Term]:
    return {t.code: t for t in terms}


#: Kinds of organisation unit: the small-Comune model of the regulation (art. 9-11, 74),
#: the large-Comune model of the Livorno organigramma, and collegial bodies.
UNIT_KINDS = _vocab(
    Term("ente", "Comune"),
    Term("area", "Area", "art. 9 c. 2"),
    Term("servizio", "Servizio", "art. 9 c. 4"),
    Term("ufficio", "Ufficio", "art. 9 c. 5"),
    Term("staff", "Ufficio di staff", "art. 9 c. 7"),
    Term("unita_progetto", "Unità di progetto", "art. 11 c. 1"),
    Term("direzione_generale", "Direzione Generale"),
    Term("dipartimento", "Dipartimento"),
    Term("staff_apicale", "Struttura di staff apicale"),
    Term("settore", "Settore"),
    Term("giunta", "Giunta comunale", "art. 4 c. 1"),
    Term("consiglio", "Consiglio comunale", "art. 4 c. 1"),
    Term("nucleo", "Nucleo di valutazione", "art. 37 c. 1"),
    Term("conferenza", "Conferenza dei responsabili", "art. 48 c. 1"),
    Term("delegazione_trattante", "Delegazione trattante di parte pubblica", "art. 77 c. 4"),
    Term("revisori", "Organo di revisione"),
)

#: Offices a person can hold over a period, with the article that creates or uses them.
OFFICES = _vocab(
    Term("sindaco", "Sindaco", "art. 4 c. 1"),
    Term("vice_sindaco", "Vice Sindaco"),
    Term("assessore", "Assessore", "art. 54 c. 2"),
    Term("consigliere", "Consigliere comunale", "art. 54 c. 2"),
    Term("presidente_consiglio", "Presidente del Consiglio comunale"),
    Term("segretario", "Segretario comunale", "art. 6"),
    Term("vice_segretario", "Vice Segretario", "art. 7"),
    Term("direttore_generale", "Direttore Generale"),
    Term("coordinatore_dipartimento", "Coordinatore di Dipartimento"),
    Term("dirigente", "Dirigente"),
    Term("responsabile_area", "Responsabile di Area (PO/EQ)", "art. 14 c. 1"),
    Term("responsabile_servizio", "Responsabile di Servizio", "art. 10 c. 3"),
    Term("responsabile_ufficio", "Responsabile di Ufficio", "art. 9 c. 5"),
    Term("responsabile_progetto", "Responsabile di Unità di progetto", "art. 11 c. 1"),
    Term("responsabile_procedimento", "Responsabile del procedimento", "art. 10 c. 4"),
    Term("responsabile_personale", "Responsabile del personale", "art. 14 c. 7"),
    Term("rpc", "Responsabile della prevenzione della corruzione", "art. 6 c. 5"),
    Term("datore_lavoro", "Datore di lavoro (D.Lgs. 81/2008)", "art. 83 c. 1"),
    Term("rspp", "Responsabile del servizio di prevenzione e protezione", "art. 83 c. 3"),
    Term("medico_competente", "Medico competente", "art. 83 c. 4"),
    Term("componente_nucleo", "Componente del Nucleo di valutazione", "art. 37 c. 1"),
    Term("componente_delegazione", "Componente della delegazione trattante", "art. 77 c. 4"),
    Term("incaricato_albo", "Incaricato delle pubblicazioni all'albo", "art. 46 c. 2"),
    Term("ufficiale_stato_civile", "Ufficiale di stato civile", "art. 46 c. 3"),
    Term("revisore_conti", "Revisore dei conti", "art. 38 c. 7"),
)

#: Offices that head the unit they are attached to.
HEAD_OFFICES: frozenset[str] = frozenset({
    "responsabile_area", "responsabile_servizio", "responsabile_ufficio", "responsabile_progetto",
    "dirigente", "coordinatore_dipartimento", "direttore_generale",
})

#: Political offices (art. 54 c. 2: Sindaco, Assessori, Consiglieri).
POLITICAL_OFFICES: frozenset[str] = frozenset({
    "sindaco", "vice_sindaco", "assessore", "consigliere", "presidente_consiglio",
})

#: Kinds of employment contract.
CONTRACTS = _vocab(
    Term("indeterminato", "tempo indeterminato"),
    Term("determinato", "tempo determinato"),
    Term("art110", "tempo determinato ex art. 110 TUEL", "art. 53 c. 1"),
    Term("segretario", "Segretario dall'Albo (Ministero dell'Interno)", "art. 6 c. 1"),
    Term("comando", "in comando da altro ente"),
)

#: Kinds of absence; art. 13 c. 1 lett. b excludes ferie from higher-duty substitution.
ABSENCE_KINDS = _vocab(
    Term("ferie", "ferie", "art. 81 c. 1"),
    Term("permesso", "permesso", "art. 81 c. 1"),
    Term("malattia", "malattia", "art. 81 c. 2"),
    Term("infortunio", "infortunio", "art. 81 c. 2"),
    Term("maternita", "congedo di maternità", "art. 81 c. 2"),
    Term("paternita", "congedo di paternità"),
    Term("congedo_parentale", "congedo parentale"),
    Term("aspettativa", "aspettativa", "art. 81 c. 2"),
    Term("altro", "altra assenza"),
)

#: Family links typed in; every degree of kinship is computed from these (art. 74-78 c.c.).
FAMILY_LINKS = _vocab(
    Term("genitore", "genitore di"),
    Term("coniuge", "coniuge"),
    Term("unione_civile", "unito civilmente"),
    Term("convivente", "convivente", "art. 54 c. 2"),
)

#: How a marriage ended; affinity survives the death of the spouse (art. 78 c. 3 c.c.).
LINK_END_REASONS = _vocab(
    Term("morte", "morte del coniuge"),
    Term("divorzio", "divorzio"),
    Term("nullita", "matrimonio dichiarato nullo"),
    Term("separazione", "fine della convivenza"),
)

#: Past political and union roles that bar the personnel head (art. 14 c. 7).
PAST_ROLE_KINDS = _vocab(
    Term("amministratore_ente_locale", "amministratore di ente locale", "art. 14 c. 7"),
    Term("sindacato", "incarico direttivo in organizzazione sindacale", "art. 14 c. 7"),
    Term("partito", "incarico direttivo in partito politico", "art. 14 c. 7"),
    Term("collaborazione_sindacato", "collaborazione remunerata con sindacato", "art. 14 c. 7"),
    Term("collaborazione_partito", "collaborazione remunerata con partito", "art. 14 c. 7"),
)

#: Client type of an external assignment (art. 88 c. 6 treats silence differently).
CLIENT_TYPES = _vocab(
    Term("pa", "pubblica amministrazione", "art. 88 c. 6"),
    Term("privato", "soggetto privato", "art. 88 c. 6"),
)

#: Activity kinds of external assignments, from the lists of art. 87 and 89.
ACTIVITY_KINDS = _vocab(
    Term("commerciale", "attività commerciale o industriale", "art. 87 c. 1 lett. a"),
    Term("libero_professionale", "attività libero professionale", "art. 87 c. 1 lett. b"),
    Term("lavoro_subordinato", "lavoro subordinato presso terzi", "art. 87 c. 1 lett. c"),
    Term("cda_societa_lucro", "carica in CdA o collegio sindacale di società a fine di lucro",
         "art. 87 c. 1 lett. d"),
    Term("progettazione_opere", "incarico tecnico per opere pubbliche nel territorio",
         "art. 87 c. 1 lett. l"),
    Term("patrocinio", "patrocinio in giudizio", "art. 87 c. 1 lett. m"),
    Term("consulenza", "consulenza tecnica o professionale", "art. 87 c. 2 lett. a"),
    Term("direzione_lavori", "direzione, coordinamento, collaudo di opere pubbliche",
         "art. 87 c. 2 lett. b"),
    Term("cda_pubblico", "consiglio di amministrazione, collegio sindacale o dei revisori "
         "di PA o società a maggioranza pubblica", "art. 87 c. 2 lett. c"),
    Term("docenza", "attività di docenza", "art. 87 c. 2 lett. d"),
    Term("commissione_concorso", "commissione di appalto o di concorso", "art. 87 c. 2 lett. e"),
    Term("commissione_ente", "commissione, comitato o organismo presso enti pubblici",
         "art. 87 c. 2 lett. f"),
    Term("arbitrato", "arbitrato", "art. 87 c. 2 lett. g"),
    Term("rilevazione_statistica", "rilevazione o indagine statistica", "art. 87 c. 2 lett. h"),
    Term("commissario_ad_acta", "commissario ad acta", "art. 87 c. 2 lett. i"),
    Term("cariche_sociali", "cariche sociali in cooperative o società agricole familiari",
         "art. 87 c. 2 lett. l"),
    Term("amministratore_condominio", "amministratore di condominio", "art. 87 c. 2 lett. m"),
    Term("professionale", "incarico di tipo professionale", "art. 87 c. 2 lett. n"),
    Term("volontariato", "attività presso associazioni di volontariato", "art. 89"),
    Term("pubblicazione", "pubblicazione di articoli o libri", "art. 89"),
    Term("opere_ingegno", "utilizzazione economica di opere dell'ingegno", "art. 89"),
    Term("convegno", "partecipazione a convegni e seminari", "art. 89"),
    Term("formazione_pa", "formazione diretta ai dipendenti della PA", "art. 89"),
    Term("ricerca", "docenze e ricerca scientifica", "art. 89"),
    Term("sindacale", "incarico da organizzazione sindacale in distacco o aspettativa", "art. 89"),
    Term("altro", "altra attività"),
)

#: Where a request for an external assignment stands (art. 88).
ASSIGNMENT_STATUSES = _vocab(
    Term("in_attesa", "in attesa di decisione", "art. 88 c. 6"),
    Term("autorizzato", "autorizzato", "art. 88 c. 1"),
    Term("negato", "negato", "art. 88 c. 1"),
    Term("sospeso", "sospeso", "art. 88 c. 7"),
    Term("revocato", "revocato", "art. 88 c. 7"),
    Term("comunicato", "comunicato (non serve autorizzazione)", "art. 89"),
    Term("non_autorizzato", "svolto senza autorizzazione", "art. 91 c. 1"),
)

#: Who asked for the authorisation (art. 88 c. 4: both employee and client must).
REQUESTERS = _vocab(
    Term("dipendente", "il dipendente", "art. 88 c. 4"),
    Term("committente", "il committente", "art. 88 c. 4"),
    Term("entrambi", "dipendente e committente", "art. 88 c. 4"),
)

#: Collaboration contracts of Titolo VII.
COLLABORATION_KINDS = _vocab(
    Term("occasionale", "lavoro autonomo occasionale", "art. 57 c. 2"),
    Term("cococo", "collaborazione coordinata e continuativa", "art. 70 c. 1"),
)

COLLABORATION_PROCEDURES = _vocab(
    Term("comparativa", "procedura comparativa", "art. 64"),
    Term("indagine_mercato", "indagine di mercato", "art. 64"),
    Term("diretta", "affidamento diretto", "art. 66 c. 1"),
)

#: The cases of art. 66 c. 1 in which an assignment may be direct.
DIRECT_REASONS = _vocab(
    Term("a", "procedura comparativa andata deserta", "art. 66 c. 1 lett. a"),
    Term("b", "particolare urgenza o competenze non comparabili", "art. 66 c. 1 lett. b"),
    Term("c", "prestazione complementare non separabile", "art. 66 c. 1 lett. c"),
    Term("d", "prestazione artistica o culturale non comparabile", "art. 66 c. 1 lett. d"),
)

#: Why higher duties were given (art. 13 c. 1).
HIGHER_DUTY_REASONS = _vocab(
    Term("vacanza", "vacanza di posto in organico", "art. 13 c. 1 lett. a"),
    Term("sostituzione", "sostituzione di dipendente assente", "art. 13 c. 1 lett. b"),
)

#: Decisions on requests (part-time and the like).
REQUEST_STATUSES = _vocab(
    Term("in_attesa", "in attesa"),
    Term("accolta", "accolta"),
    Term("respinta", "respinta"),
)

#: Degree levels, for the Nucleo requirements (art. 37 c. 5 lett. b).
DEGREE_LEVELS = _vocab(
    Term("obbligo", "scuola dell'obbligo"),
    Term("diploma", "diploma di scuola superiore"),
    Term("laurea", "laurea triennale"),
    Term("laurea_magistrale", "laurea magistrale, specialistica o vecchio ordinamento",
         "art. 37 c. 5 lett. b"),
    Term("post_laurea", "titolo post universitario", "art. 37 c. 5 lett. b"),
)

#: Evaluation schemes and their components with the maximum points each.
EVALUATION_SCHEMES: dict[str, dict[str, float]] = {
    # allegato E, art. 21 c. 2: Segretario 25 / 25 / 50
    "E": {"performance_organizzativa": 25, "performance_individuale": 25,
          "competenze_professionali": 50},
    # allegato F, art. 22: titolari di PO 30 / 40 / 20 / 10
    "F": {"performance_organizzativa": 30, "risultati": 40, "comportamenti": 20,
          "capacita_valutare": 10},
    # allegato G, art. 27: personale 60 / 20 / 10 / 10
    "G": {"risultati": 60, "comportamenti": 20, "competenze_professionali": 10,
          "valutazione_po": 10},
    # art. 42, transitional scale for PO: 20 / 40 / 30 / 10
    "art42_po": {"performance_organizzativa": 20, "risultati": 40, "comportamenti": 30,
                 "capacita_valutare": 10},
    # art. 42, transitional scale for staff: 65 / 25 / 10
    "art42_dip": {"risultati": 65, "comportamenti": 25, "valutazione_po": 10},
}
EVALUATION_SCHEME_CITATIONS = {
    "E": "all. E", "F": "all. F", "G": "all. G", "art42_po": "art. 42", "art42_dip": "art. 42",
}

#: Sub-parameters of the position grading (allegato D) with their weights in percent:
#: parameter weight x sub-parameter weight, as in the allegato's own table.
GRADING_SUBPARAMETERS: dict[str, tuple[float, float, str]] = {
    "A1": (30.0, 60.0, "Rilevanza strategica delle funzioni"),
    "A2": (30.0, 40.0, "Responsabilità di gestione delle risorse assegnate"),
    "B1": (40.0, 20.0, "Numero dipendenti operanti nell'Area"),
    "B2": (40.0, 20.0, "Complessità normativa"),
    "B3": (40.0, 30.0, "Rapporti con organi politici relativamente alle scelte programmatiche"),
    "B4": (40.0, 30.0, "Grado di capacità organizzativa"),
    "C1": (30.0, 45.0, "Complessità nella gestione dei rapporti con utenti interni ed esterni"),
    "C2": (30.0, 35.0, "Capacità di iniziativa e di sviluppare propri spazi di autonomia"),
    "C3": (30.0, 20.0, "Grado di responsabilità di procedimento"),
}


def label(vocab: dict[str, Term], code: str | None) -> str:
    """The Italian label of ``code`` (the code itself when unknown, '' for None)."""
    if code is None:
        return ""
    term = vocab.get(code)
    return term.label if term else code
