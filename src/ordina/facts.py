"""The fact vocabulary: every fact a question, ``--fact``, the database or an interview can supply.

This module is the single contract between the query layer (which extracts facts from
questions), the CLI (``--fact NAME=VALUE``), the interview (which asks the ``question``)
and the checks (which declare the facts they need by ``name``). A check must never read a
fact that is not declared here; an unknown fact is *missing*, never a default.

Choice facts carry ``synonyms``: the words people type ("srl", "ditta") mapped to the one
canonical value ("societa"). The query grammar and ``--fact`` share them.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from ordina.errors import UserError
from ordina.fact_model import Fact
from ordina.facts_calcs import CALCS_FACTS
from ordina.formato import parse_date
from ordina.textfold import fold

# --------------------------------------------------------------------------- choices
#: Activity kinds of art. 87 c. 1 (forbidden), c. 2 (may be authorised) and art. 89 (communication).
ACTIVITY_KINDS: dict[str, str] = {
    # art. 87 c. 1 — forbidden to full-time and >50% part-time staff
    "commerciale": "attività commerciale o industriale (art. 87 c. 1 lett. a)",
    "libero_professionale": "attività libero professionale o consulenza abituale (art. 87 c. 1 lett. b)",
    "lavoro_subordinato": "assunzione alle dipendenze di privati o PA (art. 87 c. 1 lett. c)",
    "amministratore_societa": "carica in CdA o collegio sindacale di società a fine di lucro "
                              "(art. 87 c. 1 lett. d)",
    "incarico_tecnico_opere_pubbliche": "incarico tecnico per opere pubbliche nel territorio "
                                        "(art. 87 c. 1 lett. l)",
    "patrocinio_legale": "patrocinio in giudizio per soggetti del territorio (art. 87 c. 1 lett. m)",
    # art. 87 c. 2 — occasional, may be authorised
    "consulenza_occasionale": "consulenza tecnica o professionale occasionale (art. 87 c. 2 lett. a)",
    "direzione_lavori": "direzione, coordinamento, collaudo di opere pubbliche (art. 87 c. 2 lett. b)",
    "cda_pubblico": "consiglio di amministrazione, collegio sindacale o revisori di PA o società "
                    "mista a maggioranza pubblica (art. 87 c. 2 lett. c)",
    "docenza": "attività di docenza (art. 87 c. 2 lett. d; ma art. 89: docenze esenti)",
    "commissione_concorso": "commissione di appalto o di concorso (art. 87 c. 2 lett. e)",
    "commissione_ente_pubblico": "commissioni, comitati, organismi presso enti pubblici "
                                 "(art. 87 c. 2 lett. f)",
    "arbitrato": "attività di arbitrato (art. 87 c. 2 lett. g)",
    "rilevazione_statistica": "rilevazione di indagini statistiche (art. 87 c. 2 lett. h)",
    "commissario_ad_acta": "incarico di commissario ad acta (art. 87 c. 2 lett. i)",
    "cariche_cooperative": "cariche sociali in cooperative o società agricole familiari "
                           "(art. 87 c. 2 lett. l)",
    "amministratore_condominio": "amministratore di condominio in cui si è proprietari "
                                 "(art. 87 c. 2 lett. m)",
    "incarico_professionale": "incarico di tipo professionale occasionale (art. 87 c. 2 lett. n)",
    # art. 89 — communication only
    "volontariato": "attività presso associazioni di volontariato o cooperative socio "
                    "assistenziali senza scopo di lucro (art. 89)",
    "pubblicazione": "pubblicazione di articoli o libri (art. 89)",
    "opere_ingegno": "utilizzazione economica di opere dell'ingegno o invenzioni (art. 89)",
    "convegni": "partecipazione a convegni e seminari (art. 89)",
    "aspettativa_comando": "incarico in aspettativa, comando o fuori ruolo (art. 89)",
    "incarico_sindacale": "incarico da organizzazioni sindacali a dipendenti distaccati (art. 89)",
    "formazione_pa": "formazione diretta a dipendenti della PA (art. 89)",
    "ricerca_scientifica": "docenze e ricerca scientifica (art. 89)",
}

ACTIVITY_SYNONYMS: dict[str, str] = {
    "commercio": "commerciale", "commerciante": "commerciale", "negozio": "commerciale",
    "industriale": "commerciale", "attivita commerciale": "commerciale",
    "aprire un negozio": "commerciale", "attivita industriale": "commerciale",
    "libero professionista": "libero_professionale", "libera professione": "libero_professionale",
    "libero professionale": "libero_professionale", "partita iva": "libero_professionale",
    "freelance": "libero_professionale", "consulente abituale": "libero_professionale",
    "lavoro dipendente": "lavoro_subordinato", "secondo lavoro": "lavoro_subordinato",
    "dipendente di privati": "lavoro_subordinato", "lavoro subordinato": "lavoro_subordinato",
    "amministratore": "amministratore_societa", "consigliere di amministrazione":
    "amministratore_societa", "sindaco revisore": "amministratore_societa",
    "amministratore di societa": "amministratore_societa",
    "amministratore di una societa": "amministratore_societa",
    "amministratore di una srl": "amministratore_societa",
    "progettista": "incarico_tecnico_opere_pubbliche", "progettare":
    "incarico_tecnico_opere_pubbliche", "progettazione":
    "incarico_tecnico_opere_pubbliche",
    "patrocinio": "patrocinio_legale", "avvocato": "patrocinio_legale",
    "patrocinio in giudizio": "patrocinio_legale",
    # the activity, not "il consulente" of the Comune (a collaborator, Titolo VII)
    "consulenza": "consulenza_occasionale", "fare il consulente": "consulenza_occasionale",
    "fare da consulente": "consulenza_occasionale", "come consulente": "consulenza_occasionale",
    "consulenza tecnica": "consulenza_occasionale", "perizia": "consulenza_occasionale",
    "direzione lavori": "direzione_lavori", "collaudo": "direzione_lavori",
    "collaudatore": "direzione_lavori", "direttore dei lavori": "direzione_lavori",
    "revisore dei conti": "cda_pubblico", "revisore": "cda_pubblico",
    "docenza": "docenza", "docente": "docenza", "insegnamento": "docenza",
    "insegnare": "docenza", "lezioni": "docenza", "tenere un corso": "docenza",
    "tenere corsi": "docenza", "professore": "docenza", "insegnante": "docenza",
    "commissario di concorso": "commissione_concorso", "commissione di concorso":
    "commissione_concorso", "commissione di gara": "commissione_concorso",
    "commissione di appalto": "commissione_concorso", "commissario di gara":
    "commissione_concorso", "commissario": "commissione_concorso",
    "comitato": "commissione_ente_pubblico", "arbitro": "arbitrato", "arbitrato": "arbitrato",
    "rilevatore": "rilevazione_statistica", "censimento": "rilevazione_statistica",
    "istat": "rilevazione_statistica", "commissario ad acta": "commissario_ad_acta",
    "cooperativa": "cariche_cooperative",
    "amministratore di condominio": "amministratore_condominio", "condominio":
    "amministratore_condominio",
    "volontariato": "volontariato", "volontario": "volontariato", "onlus": "volontariato",
    "articoli di giornale": "pubblicazione", "articolo di giornale": "pubblicazione",
    "libro": "pubblicazione", "libri": "pubblicazione", "scrivere un libro": "pubblicazione",
    "scrivere articoli": "pubblicazione", "scrivere un articolo": "pubblicazione",
    # "un articolo" for a magazine, never "l'articolo 88" of the regulation
    "un articolo": "pubblicazione", "qualche articolo": "pubblicazione",
    "articoli per": "pubblicazione", "articolo per": "pubblicazione",
    "una rivista": "pubblicazione", "an article": "pubblicazione", "a magazine": "pubblicazione",
    # "pubblicare un libro", never "pubblicare sul sito l'incarico" (art. 71)
    "pubblicare un libro": "pubblicazione", "pubblicare libri": "pubblicazione",
    "pubblicare articoli": "pubblicazione", "pubblicare un articolo": "pubblicazione",
    "pubblicare un saggio": "pubblicazione", "pubblicare una ricerca": "pubblicazione",
    "pubblicare un romanzo": "pubblicazione", "pubblicazione": "pubblicazione",
    "brevetto": "opere_ingegno", "diritti d'autore": "opere_ingegno", "invenzione":
    "opere_ingegno",
    "convegno": "convegni", "seminario": "convegni", "relatore": "convegni",
    "conferenza": "convegni",
    "aspettativa": "aspettativa_comando", "in aspettativa": "aspettativa_comando",
    "in comando": "aspettativa_comando",
    "posizione di comando": "aspettativa_comando", "fuori ruolo": "aspettativa_comando",
    "distaccato presso il sindacato": "incarico_sindacale", "distacco sindacale":
    "incarico_sindacale", "formatore": "docenza", "formazione": "docenza",
    "formazione dei dipendenti pubblici": "formazione_pa", "formazione per la pa": "formazione_pa",
    "formazione del personale pubblico": "formazione_pa",
    "formazione dei dipendenti della pa": "formazione_pa",
    "ricerca scientifica": "ricerca_scientifica",
    "teaching": "docenza", "teach": "docenza", "lecture": "docenza", "lectures": "docenza",
    "lecturer": "docenza", "tutor": "docenza", "consulting": "consulenza_occasionale", "volunteering":
    "volontariato", "board member": "amministratore_societa", "director": "amministratore_societa",
    "freelancer": "libero_professionale", "shop": "commerciale", "business": "commerciale",
    # employed by someone else (art. 87 c. 1 lett. c): the job, not the employer's trade
    "commesso": "lavoro_subordinato", "commessa": "lavoro_subordinato",
    "cassiere": "lavoro_subordinato", "cassiera": "lavoro_subordinato",
    "cameriere": "lavoro_subordinato", "cameriera": "lavoro_subordinato",
    "dipendente di un privato": "lavoro_subordinato",
    "dipendente di una ditta": "lavoro_subordinato",
    "dipendente di un'azienda": "lavoro_subordinato",
    "alle dipendenze di": "lavoro_subordinato", "assunto da": "lavoro_subordinato",
    "assunta da": "lavoro_subordinato", "farmi assumere": "lavoro_subordinato",
    "mi vuole assumere": "lavoro_subordinato", "vuole assumermi": "lavoro_subordinato",
    "mi vogliono assumere": "lavoro_subordinato", "vogliono assumermi": "lavoro_subordinato",
    "assumermi": "lavoro_subordinato", "mi assume": "lavoro_subordinato",
    "mi assumerebbe": "lavoro_subordinato", "essere assunto": "lavoro_subordinato",
    "essere assunta": "lavoro_subordinato", "lavorare come dipendente": "lavoro_subordinato",
    "barista": "lavoro_subordinato", "wants to hire me": "lavoro_subordinato",
    "anche come dipendente": "lavoro_subordinato", "come dipendente al": "lavoro_subordinato",
    "come dipendente in": "lavoro_subordinato", "come dipendente presso": "lavoro_subordinato",
    "come dipendente di": "lavoro_subordinato",
    "hire me": "lavoro_subordinato",
    "shop assistant": "lavoro_subordinato", "employed by": "lavoro_subordinato",
    "be employed": "lavoro_subordinato", "second job": "lavoro_subordinato",
    "waiter": "lavoro_subordinato", "cashier": "lavoro_subordinato",
    "as an employee at": "lavoro_subordinato", "as an employee of": "lavoro_subordinato",
    "as an employee in": "lavoro_subordinato", "as an employee for": "lavoro_subordinato",
    "work as an employee": "lavoro_subordinato", "job as an employee": "lavoro_subordinato",
    "bartender": "lavoro_subordinato", "barman": "lavoro_subordinato",
    "sales assistant": "lavoro_subordinato", "shop worker": "lavoro_subordinato",
    "consiglio di amministrazione": "amministratore_societa", "cda": "amministratore_societa",
    "board of directors": "amministratore_societa", "company board": "amministratore_societa",
    # English names of the kinds of art. 87 c. 2 and art. 89
    "condominium": "amministratore_condominio", "building administrator":
    "amministratore_condominio", "condominium administrator": "amministratore_condominio",
    "administrator of the condominium": "amministratore_condominio",
    "examining board": "commissione_concorso", "exam board": "commissione_concorso",
    "examination board": "commissione_concorso", "selection board": "commissione_concorso",
    "selection panel": "commissione_concorso", "competition board": "commissione_concorso",
    "tender board": "commissione_concorso",
    "write a book": "pubblicazione", "wrote a book": "pubblicazione", "book": "pubblicazione",
    "books": "pubblicazione", "articles": "pubblicazione", "publish": "pubblicazione",
    "royalties": "opere_ingegno", "patent": "opere_ingegno", "invention": "opere_ingegno",
    "design": "incarico_tecnico_opere_pubbliche", "designing": "incarico_tecnico_opere_pubbliche",
    "public works design": "incarico_tecnico_opere_pubbliche",
    "census": "rilevazione_statistica", "enumerator": "rilevazione_statistica",
    "arbitrator": "arbitrato", "arbitration": "arbitrato",
    "board of auditors": "cda_pubblico", "auditor": "cda_pubblico",
    "cooperative": "cariche_cooperative", "volunteer": "volontariato",
    "conference": "convegni", "seminar": "convegni", "speaker": "convegni",
    "legal representation": "patrocinio_legale", "lawyer": "patrocinio_legale",
    "site supervision": "direzione_lavori", "works supervision": "direzione_lavori",
    "acceptance testing": "direzione_lavori", "consultancy": "consulenza_occasionale",
    "as a consultant": "consulenza_occasionale", "expert report": "consulenza_occasionale",
    "training course": "docenza",
    "recruitment panel": "commissione_concorso", "selection committee": "commissione_concorso",
    "tender committee": "commissione_concorso",
}

CLIENT_TYPES: dict[str, str] = {
    "pubblica_amministrazione": "pubblica amministrazione (Stato, Regione, Comune, ASL...)",
    "ente_pubblico": "ente pubblico (non economico)",
    "universita": "università o istituto di ricerca pubblico",
    "societa_mista": "società mista a maggioranza pubblica",
    "societa": "società a fine di lucro (srl, spa, ditta, impresa)",
    "privato": "soggetto privato (persona fisica o altro privato)",
    "associazione": "associazione di volontariato o cooperativa sociale senza scopo di lucro",
    "sindacato": "organizzazione sindacale",
}

CLIENT_SYNONYMS: dict[str, str] = {
    "pa": "pubblica_amministrazione", "p.a.": "pubblica_amministrazione",
    "pubblica amministrazione": "pubblica_amministrazione", "comune": "pubblica_amministrazione",
    "ente": "ente_pubblico", "altro comune": "pubblica_amministrazione", "un comune": "pubblica_amministrazione",
    "un altro comune": "pubblica_amministrazione", "altra amministrazione":
    "pubblica_amministrazione", "regione": "pubblica_amministrazione", "provincia":
    "pubblica_amministrazione", "ministero": "pubblica_amministrazione", "lo stato":
    "pubblica_amministrazione", "dello stato": "pubblica_amministrazione",
    "allo stato": "pubblica_amministrazione", "asl": "pubblica_amministrazione", "amministrazione pubblica":
    "pubblica_amministrazione", "public administration": "pubblica_amministrazione",
    "ente pubblico": "ente_pubblico", "altro ente": "ente_pubblico", "un ente": "ente_pubblico",
    "public body": "ente_pubblico", "another administration": "pubblica_amministrazione",
    "another municipality": "pubblica_amministrazione", "province": "pubblica_amministrazione",
    "the region": "pubblica_amministrazione", "ministry": "pubblica_amministrazione",
    "another council": "pubblica_amministrazione", "neighbouring council":
    "pubblica_amministrazione", "neighbouring municipality": "pubblica_amministrazione",
    "other municipality": "pubblica_amministrazione", "local authority":
    "pubblica_amministrazione", "public authority": "pubblica_amministrazione",
    "universita": "universita", "university": "universita", "ateneo": "universita",
    "cnr": "universita",
    "societa mista": "societa_mista", "partecipata": "societa_mista",
    "societa partecipata": "societa_mista",
    "srl": "societa", "s.r.l.": "societa", "spa": "societa", "s.p.a.": "societa",
    "societa": "societa", "ditta": "societa", "impresa": "societa", "azienda": "societa",
    "company": "societa", "studio professionale": "societa", "snc": "societa", "sas": "societa",
    "privato": "privato", "privati": "privato", "private": "privato", "cliente privato":
    "privato", "persona fisica": "privato",
    "associazione": "associazione", "onlus": "associazione", "cooperativa sociale":
    "associazione", "associazione di volontariato": "associazione", "charity": "associazione",
    "sindacato": "sindacato", "organizzazione sindacale": "sindacato", "union": "sindacato",
}

CLIENT_RELATIONS: dict[str, str] = {
    "nessuna": "nessun rapporto con il Comune",
    "fornitore": "fornitore di beni o servizi del Comune (art. 87 c. 1 lett. i)",
    "contenzioso": "ha un contenzioso in corso con il Comune (art. 87 c. 1 lett. h)",
    "concessione": "ha chiesto o ottenuto concessioni, autorizzazioni, licenze, sovvenzioni "
                   "dal Comune (art. 87 c. 1 lett. h)",
    "controllato": "soggetto a controllo o vigilanza del dipendente o della sua struttura "
                   "(art. 87 c. 1 lett. i)",
}

CLIENT_RELATION_SYNONYMS: dict[str, str] = {
    "fornitore": "fornitore", "fornisce": "fornitore", "appaltatore": "fornitore",
    "supplier": "fornitore", "contractor": "fornitore",
    "contenzioso": "contenzioso", "causa": "contenzioso", "lite": "contenzioso",
    "ricorso": "contenzioso", "lawsuit": "contenzioso", "litigation": "contenzioso",
    "concessione": "concessione", "concessionario": "concessione", "licenza": "concessione",
    "autorizzazione": "concessione", "sovvenzione": "concessione", "contributo": "concessione",
    "permesso": "concessione", "nulla osta": "concessione", "licence": "concessione",
    "controllato": "controllato", "vigilanza": "controllato", "controllo": "controllato",
    "vigilato": "controllato", "ispezionato": "controllato",
    "nessuna": "nessuna", "nessun rapporto": "nessuna",
}

#: Categories of the old classification (CCNL 1999) and the new areas (CCNL 2022).
CATEGORIES: tuple[str, ...] = (
    "A1", "A2", "A3", "A4", "A5", "A6",
    "B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8",
    "C1", "C2", "C3", "C4", "C5", "C6",
    "D1", "D2", "D3", "D4", "D5", "D6", "D7",
)

#: New areas (CCNL Funzioni locali 2022); categoria D = area dei Funzionari e EQ.
AREAS: dict[str, str] = {
    "operatori": "area degli Operatori (ex categoria A)",
    "operatori_esperti": "area degli Operatori esperti (ex categoria B)",
    "istruttori": "area degli Istruttori (ex categoria C)",
    "funzionari": "area dei Funzionari e dell'Elevata qualificazione (ex categoria D)",
}

AREA_SYNONYMS: dict[str, str] = {
    "operatori": "operatori", "operatore": "operatori", "categoria a": "operatori",
    "operatori esperti": "operatori_esperti", "operatore esperto": "operatori_esperti",
    # not "collaboratore" alone: the Comune's external collaborator (Titolo VII) is no
    # category; the profile "collaboratore amministrativo" (B3) is
    "esecutore": "operatori_esperti", "esecutori": "operatori_esperti",
    "collaboratore amministrativo": "operatori_esperti",
    "collaboratori amministrativi": "operatori_esperti",
    "collaboratore professionale": "operatori_esperti", "categoria b":
    "operatori_esperti",
    "istruttori": "istruttori", "istruttore": "istruttori", "categoria c": "istruttori",
    "funzionari": "funzionari", "funzionario": "funzionari", "categoria d": "funzionari",
    "area dei funzionari": "funzionari", "area dei funzionari e dell'elevata qualificazione":
    "funzionari", "funzionari e eq": "funzionari", "elevata qualificazione": "funzionari",
    "eq": "funzionari", "po": "funzionari", "posizione organizzativa": "funzionari",
    "area degli istruttori": "istruttori", "area degli operatori": "operatori",
    "area degli operatori esperti": "operatori_esperti",
    "istruttore direttivo": "funzionari", "istruttori direttivi": "funzionari",
}

#: Profiles of allegato C and roles that change the rules (art. 80 c. 4, art. 6-7, art. 88).
PROFILES: dict[str, str] = {
    "esecutore_tecnico": "esecutore tecnico specializzato (cat. B1)",
    "collaboratore_amministrativo": "collaboratore amministrativo (cat. B3)",
    "istruttore_amministrativo": "istruttore amministrativo/contabile (cat. C)",
    "polizia_municipale": "agente di polizia municipale (cat. C)",
    "istruttore_direttivo_amministrativo": "istruttore direttivo amministrativo (cat. D1)",
    "istruttore_direttivo_contabile": "istruttore direttivo contabile (cat. D1)",
    "istruttore_direttivo_tecnico": "istruttore direttivo tecnico (cat. D1)",
    "istruttore_direttivo_socio_educativo": "istruttore direttivo socio educativo (cat. D1)",
    "responsabile_area": "responsabile di Area, titolare di posizione organizzativa / EQ",
    "segretario": "Segretario comunale",
    "vice_segretario": "Vice Segretario",
}

PROFILE_SYNONYMS: dict[str, str] = {
    "esecutore tecnico": "esecutore_tecnico", "esecutore tecnico specializzato":
    "esecutore_tecnico", "operaio": "esecutore_tecnico",
    "collaboratore amministrativo": "collaboratore_amministrativo",
    "istruttore amministrativo": "istruttore_amministrativo", "istruttore contabile":
    "istruttore_amministrativo", "impiegato": "istruttore_amministrativo",
    "istruttore amministrativo/contabile": "istruttore_amministrativo",
    "istruttore amministrativo contabile": "istruttore_amministrativo",
    "agente di polizia municipale": "polizia_municipale", "polizia municipale":
    "polizia_municipale", "agente di polizia locale": "polizia_municipale", "polizia locale":
    "polizia_municipale", "vigile urbano": "polizia_municipale", "vigile": "polizia_municipale",
    "agente di polizia": "polizia_municipale", "municipal police": "polizia_municipale",
    "police officer": "polizia_municipale", "vigilessa": "polizia_municipale",
    "istruttore direttivo amministrativo": "istruttore_direttivo_amministrativo",
    "istruttore direttivo contabile": "istruttore_direttivo_contabile",
    "istruttore direttivo tecnico": "istruttore_direttivo_tecnico",
    "istruttore direttivo socio educativo": "istruttore_direttivo_socio_educativo",
    "responsabile di area": "responsabile_area", "responsabile d'area": "responsabile_area",
    "titolare di posizione organizzativa": "responsabile_area", "titolare di po":
    "responsabile_area", "titolare di eq": "responsabile_area", "area head": "responsabile_area",
    "segretario": "segretario", "segretario comunale": "segretario", "secretary": "segretario",
    "vice segretario": "vice_segretario", "vicesegretario": "vice_segretario",
}

#: Kinship of art. 54 (degrees by art. 74-78 c.c.): value -> (label, degree, kind).
KINSHIP: dict[str, tuple[str, int, str]] = {
    "padre": ("padre", 1, "parentela"), "madre": ("madre", 1, "parentela"),
    "figlio": ("figlio/figlia", 1, "parentela"),
    "fratello": ("fratello/sorella", 2, "parentela"),
    "nonno": ("nonno/nonna", 2, "parentela"),
    "nipote_di_nonno": ("nipote (figlio del figlio)", 2, "parentela"),
    "bisnonno": ("bisnonno/bisnonna", 3, "parentela"),
    "pronipote_di_bisnonno": ("pronipote (figlio del nipote in linea retta)", 3, "parentela"),
    "zio": ("zio/zia", 3, "parentela"),
    "nipote_di_zio": ("nipote (figlio del fratello o della sorella)", 3, "parentela"),
    "cugino": ("cugino/cugina", 4, "parentela"),
    "prozio": ("prozio/prozia", 4, "parentela"),
    "pronipote_di_zio": ("pronipote (figlio del nipote di zio)", 4, "parentela"),
    "figlio_del_cugino": ("figlio del cugino", 5, "parentela"),
    "coniuge": ("coniuge o unito civilmente", 0, "coniugio"),
    "convivente": ("convivente", 0, "convivenza"),
    "suocero": ("suocero/suocera", 1, "affinita"),
    "genero": ("genero/nuora", 1, "affinita"),
    "figliastro": ("figlio del coniuge", 1, "affinita"),
    "cognato": ("cognato/cognata", 2, "affinita"),
    "nonno_del_coniuge": ("nonno del coniuge", 2, "affinita"),
    "zio_del_coniuge": ("zio del coniuge", 3, "affinita"),
    "cugino_del_coniuge": ("cugino del coniuge", 4, "affinita"),
    "nessuna": ("nessun rapporto di parentela o affinità", 0, "nessuna"),
}

KINSHIP_SYNONYMS: dict[str, str] = {
    "padre": "padre", "papa": "padre", "father": "padre", "madre": "madre", "mamma": "madre",
    "mother": "madre", "figlio": "figlio", "figlia": "figlio", "son": "figlio",
    "daughter": "figlio", "child": "figlio",
    "fratello": "fratello", "sorella": "fratello", "brother": "fratello", "sister": "fratello",
    "nonno": "nonno", "nonna": "nonno", "grandfather": "nonno", "grandmother": "nonno",
    "grandparent": "nonno", "grandson": "nipote_di_nonno", "granddaughter": "nipote_di_nonno",
    "grandchild": "nipote_di_nonno", "nephew": "nipote_di_zio", "niece": "nipote_di_zio",
    "bisnonno": "bisnonno", "bisnonna": "bisnonno",
    "zio": "zio", "zia": "zio", "uncle": "zio", "aunt": "zio",
    "cugino": "cugino", "cugina": "cugino", "cousin": "cugino",
    "prozio": "prozio", "prozia": "prozio",
    "figlio del cugino": "figlio_del_cugino", "figlia del cugino": "figlio_del_cugino",
    "figlio della cugina": "figlio_del_cugino", "figlia della cugina": "figlio_del_cugino",
    "cousin's son": "figlio_del_cugino", "cousin's daughter": "figlio_del_cugino",
    "coniuge": "coniuge", "moglie": "coniuge", "marito": "coniuge", "wife": "coniuge",
    "husband": "coniuge", "spouse": "coniuge", "unito civilmente": "coniuge",
    "convivente": "convivente", "compagno": "convivente", "compagna": "convivente",
    "partner": "convivente",
    "suocero": "suocero", "suocera": "suocero", "father-in-law": "suocero",
    "mother-in-law": "suocero",
    "genero": "genero", "nuora": "genero", "son-in-law": "genero", "daughter-in-law": "genero",
    "figliastro": "figliastro", "figliastra": "figliastro",
    "cognato": "cognato", "cognata": "cognato", "brother-in-law": "cognato",
    "sister-in-law": "cognato",
    "nipote di nonno": "nipote_di_nonno", "figlio del figlio": "nipote_di_nonno",
    "figlia del figlio": "nipote_di_nonno", "nipote di zio": "nipote_di_zio",
    "figlio del fratello": "nipote_di_zio", "figlia del fratello": "nipote_di_zio",
    "figlio della sorella": "nipote_di_zio", "figlia della sorella": "nipote_di_zio",
}

#: Words that name a kinship but not which one: the question must be asked back.
AMBIGUOUS_KINSHIP: dict[str, tuple[str, ...]] = {
    "nipote": ("nipote_di_nonno", "nipote_di_zio"),
    "pronipote": ("pronipote_di_bisnonno", "pronipote_di_zio"),
}

KINSHIP_KINDS: dict[str, str] = {
    "parentela": "parentela (stesso ceppo)",
    "affinita": "affinità (parenti del coniuge, coniugi dei parenti)",
    "coniugio": "coniugio",
    "unione_civile": "parte di un'unione civile (L. 76/2016)",
    "convivenza": "convivenza",
    "nessuna": "nessun legame rilevante",
}

#: Political offices of art. 54 whose relatives may not get art. 110 fixed-term contracts.
POLITICAL_ROLES: dict[str, str] = {
    "sindaco": "Sindaco", "assessore": "Assessore", "consigliere": "Consigliere comunale",
    "nessuna": "nessuna carica politica (un dipendente, il Segretario, un privato)",
}

POLITICAL_ROLE_SYNONYMS: dict[str, str] = {
    "sindaco": "sindaco", "sindaca": "sindaco", "mayor": "sindaco",
    "assessore": "assessore", "assessora": "assessore", "councillor": "consigliere",
    "consigliere": "consigliere", "consigliera": "consigliere",
    "consigliere comunale": "consigliere", "alderman": "assessore",
    "nessuna": "nessuna", "nessuno": "nessuna", "none": "nessuna", "dipendente": "nessuna",
}

#: Matters whose competent office the "who authorises / who is competent" question asks for.
MATTERS: dict[str, str] = {
    "ferie": "ferie e permessi (art. 81 c. 1)",
    "assenze": "malattia, infortunio, maternità e aspettative (art. 81 c. 2)",
    "missioni": "viaggi e missioni (art. 76)",
    "formazione": "formazione del personale (art. 75)",
    "disciplinare": "procedimenti disciplinari (art. 82)",
    "autorizzazioni": "autorizzazioni agli incarichi esterni (art. 88)",
    "pubblicazione": "pubblicazione di determinazioni e albo on-line (art. 45-46)",
    "conferenza": "conferenza dei Responsabili di Area (art. 48)",
    "valutazione": "valutazione della performance individuale (art. 20)",
    "mansioni_superiori": "assegnazione di mansioni superiori (art. 13 c. 4)",
    "mobilita_interna": "mobilità interna e assegnazione ad altro ufficio (art. 52)",
}

MATTER_SYNONYMS: dict[str, str] = {
    "ferie": "ferie", "permesso": "ferie", "permessi": "ferie", "leave": "ferie",
    "aspettativa": "assenze", "aspettative": "assenze", "congedo": "assenze",
    "congedi": "assenze", "assenza": "assenze", "assenze": "assenze", "malattia": "assenze",
    "infortunio": "assenze", "maternita": "assenze", "maternità": "assenze",
    "sick leave": "assenze", "maternity": "assenze",
    "holiday": "ferie", "holidays": "ferie", "vacation": "ferie",
    "missione": "missioni", "missioni": "missioni", "trasferta": "missioni", "trasferte":
    "missioni", "viaggio": "missioni", "viaggi": "missioni", "mission": "missioni",
    "missions": "missioni", "travel": "missioni", "business trip": "missioni",
    "formazione": "formazione", "corso di formazione": "formazione", "corsi": "formazione",
    "aggiornamento": "formazione", "training": "formazione", "training course": "formazione",
    "training courses": "formazione",
    "disciplinare": "disciplinare", "procedimento disciplinare": "disciplinare",
    "procedimenti disciplinari": "disciplinare", "sanzione": "disciplinare", "sanzioni":
    "disciplinare", "provvedimenti disciplinari": "disciplinare", "disciplinary": "disciplinare",
    "autorizzazione": "autorizzazioni", "autorizzazioni": "autorizzazioni",
    "authorisation": "autorizzazioni", "authorization": "autorizzazioni",
    "authorisations": "autorizzazioni", "authorizations": "autorizzazioni",
    "pubblicazione": "pubblicazione", "pubblicazioni": "pubblicazione", "albo":
    "pubblicazione", "albo pretorio": "pubblicazione", "determinazioni": "pubblicazione",
    "determine": "pubblicazione", "publication": "pubblicazione",
    "conferenza": "conferenza", "conferenza dei responsabili": "conferenza",
}

ABSENCE_KINDS: dict[str, str] = {
    "ferie": "ferie (art. 13: non danno luogo a mansioni superiori)",
    "malattia": "malattia o infortunio",
    "aspettativa": "aspettativa o congedo con diritto alla conservazione del posto",
    "vacanza": "posto vacante",
    "missione": "missione o impedimento temporaneo",
}

ABSENCE_SYNONYMS: dict[str, str] = {
    "ferie": "ferie", "vacanza": "ferie", "in ferie": "ferie", "holiday": "ferie",
    "malattia": "malattia", "malato": "malattia", "infortunio": "malattia", "sick": "malattia",
    "aspettativa": "aspettativa", "maternita": "aspettativa", "congedo": "aspettativa",
    "posto vacante": "vacanza", "vacante": "vacanza", "vacancy": "vacanza", "cessato":
    "vacanza", "dimesso": "vacanza", "in pensione": "vacanza",
    "missione": "missione", "trasferta": "missione",
}

DEADLINE_KINDS: dict[str, str] = {
    "risposta_autorizzazione": "risposta alla richiesta di autorizzazione, 30 giorni (art. 88 c. 6)",
    "diffida": "termine della diffida a cessare l'incarico, 30 giorni (art. 91 c. 1-2)",
    "conflitto_interessi": "segnalazione del conflitto di interessi, 15 giorni (art. 4 c. 5)",
    "valutazione": "scadenze del ciclo della performance (art. 18, art. 28)",
    "avviso_comparativo": "durata minima dell'avviso di procedura comparativa (art. 64)",
    "risorse_interne": "riscontro sulle risorse interne, 15 giorni (art. 63)",
}

DEADLINE_SYNONYMS: dict[str, str] = {
    "risposta": "risposta_autorizzazione", "silenzio": "risposta_autorizzazione",
    "autorizzazione": "risposta_autorizzazione", "richiesta di autorizzazione":
    "risposta_autorizzazione", "diffida": "diffida", "diffidato": "diffida",
    "diffidata": "diffida", "diffidati": "diffida", "conflitto di interessi":
    "conflitto_interessi", "conflitto": "conflitto_interessi", "valutazione": "valutazione",
    "performance": "valutazione", "avviso": "avviso_comparativo", "risorse interne":
    "risorse_interne",
}

EVALUATED_ROLES: dict[str, str] = {
    "segretario": "Segretario comunale",
    "po": "titolare di posizione organizzativa / EQ",
    "dipendente": "dipendente",
}


# --------------------------------------------------------------------------- the vocabulary
def _choice(name: str, values: dict[str, Any], synonyms: dict[str, str], question: str,
            description: str, citation: str | None = None) -> Fact:
    labels = {k: (v[0] if isinstance(v, tuple) else v) for k, v in values.items()}
    return Fact(name, "choice", question, description, tuple(values), labels, synonyms,
                citation=citation)


FACTS: dict[str, Fact] = {f.name: f for f in (
    # -- who the person is
    Fact("part_time_percent", "percent",
         "Qual è la percentuale del rapporto di lavoro? (100 se a tempo pieno, es. 50 per "
         "part-time al 50%)",
         "percentuale di tempo lavorato: 100 = tempo pieno; ≤ 50 = regime di art. 87 c. 3",
         minimum=1, maximum=100, citation="art. 87 c. 1"),
    Fact("is_po_holder", "bool",
         "Il dipendente è titolare di posizione organizzativa (EQ)?",
         "titolare di PO/EQ: l'autorizzazione spetta al RPC invece che alla PO (art. 88 c. 1)",
         citation="art. 88 c. 1"),
    Fact("is_area_head", "bool", "Il dipendente è Responsabile di Area?",
         "Responsabile di Area (escluso dal part-time, art. 80 c. 4)", citation="art. 80 c. 4"),
    _choice("profile", PROFILES, PROFILE_SYNONYMS,
            "Qual è il profilo professionale del dipendente?",
            "profilo professionale dell'allegato C o ruolo (segretario, responsabile di area)",
            citation="art. 80 c. 4"),
    Fact("category", "choice", "Qual è la categoria del dipendente (es. B1, C1, D1)?",
         "categoria di inquadramento (CCNL 1999, posizioni economiche A1-D7)",
         choices=CATEGORIES, citation="art. 14 c. 1"),
    _choice("area", AREAS, AREA_SYNONYMS,
            "In quale area è inquadrato il dipendente (Operatori, Operatori esperti, "
            "Istruttori, Funzionari e EQ)?",
            "area del CCNL 2022; categoria D = area dei Funzionari e dell'EQ"),
    Fact("years_of_service", "number",
         "Da quanti anni il dipendente presta servizio a tempo indeterminato nel Comune?",
         "anni di servizio di ruolo (mobilità in uscita dopo 5 anni, art. 51)",
         minimum=0, maximum=60, citation="art. 51"),
    Fact("permanent", "bool", "Il dipendente è assunto a tempo indeterminato?",
         "rapporto di lavoro a tempo indeterminato", citation="art. 51"),
    Fact("hire_date", "date", "In che data è stato assunto il dipendente?",
         "data di assunzione a tempo indeterminato", citation="art. 51"),
    Fact("annual_base_salary", "amount",
         "Qual è il trattamento economico fondamentale lordo annuo del dipendente (euro)?",
         "retribuzione fondamentale lordo annua: il tetto degli incarichi è un quinto "
         "(art. 88 c. 3)", minimum=0, citation="art. 88 c. 3"),
    # -- the external assignment (Titolo IX)
    _choice("activity_kind", ACTIVITY_KINDS, ACTIVITY_SYNONYMS,
            "Che tipo di attività è l'incarico (es. consulenza, docenza, amministratore di "
            "società, volontariato)?",
            "tipo di attività secondo gli elenchi di art. 87 c. 1, art. 87 c. 2 e art. 89",
            citation="art. 87 c. 1"),
    _choice("client_type", CLIENT_TYPES, CLIENT_SYNONYMS,
            "Chi conferisce l'incarico: una pubblica amministrazione, un ente pubblico, "
            "un'università, una società o un privato?",
            "natura del soggetto che conferisce l'incarico (silenzio-assenso solo con PA, "
            "art. 88 c. 6)", citation="art. 88 c. 6"),
    _choice("client_relation", CLIENT_RELATIONS, CLIENT_RELATION_SYNONYMS,
            "Il committente ha rapporti con il Comune: è fornitore, ha un contenzioso, "
            "una concessione o è soggetto a vostro controllo? (nessuna se non ne ha)",
            "rapporto del committente con il Comune (art. 87 c. 1 lett. h-i)",
            citation="art. 87 c. 1 lett. h"),
    Fact("client_in_territory", "bool",
         "Il committente risiede od opera nel territorio del Comune?",
         "committente del territorio (patrocinio, opere pubbliche: art. 87 c. 1 lett. l-m)",
         citation="art. 87 c. 1 lett. m"),
    Fact("paid", "bool", "L'incarico è retribuito (è previsto un compenso)?",
         "incarico a titolo oneroso; a titolo gratuito basta la comunicazione (art. 89)",
         citation="art. 89"),
    Fact("expenses_only", "bool",
         "È previsto solo il rimborso delle spese documentate?",
         "solo rimborso spese documentate: basta la comunicazione (art. 89)",
         citation="art. 89"),
    Fact("compensation", "amount", "Qual è il compenso lordo previsto per l'incarico (euro)?",
         "compenso lordo dell'incarico richiesto (art. 88 c. 2-3, c. 5 lett. e)",
         minimum=0, citation="art. 88 c. 3"),
    Fact("already_authorised_this_year", "amount",
         "Quanto è il totale lordo degli incarichi già autorizzati nell'anno (euro)?",
         "compensi lordi già autorizzati nell'anno solare (art. 88 c. 3)",
         minimum=0, citation="art. 88 c. 3"),
    Fact("occasional", "bool", "L'incarico è occasionale (non abituale né continuativo)?",
         "carattere occasionale dell'incarico (art. 87 c. 2, art. 88 c. 1 e c. 3)",
         citation="art. 87 c. 2"),
    Fact("professional_growth", "bool",
         "L'incarico comporta una crescita della professionalità del dipendente?",
         "crescita professionale (art. 87 c. 2, art. 88 c. 1)", citation="art. 87 c. 2"),
    Fact("interferes_with_service", "bool",
         "L'incarico interferisce con le esigenze di servizio o l'attività ordinaria?",
         "interferenza con il servizio (art. 87 c. 1 lett. e)", citation="art. 87 c. 1 lett. e"),
    Fact("conflict_of_interest", "bool",
         "L'incarico crea un conflitto di interessi con il Comune o ne pregiudica "
         "l'imparzialità?",
         "conflitto di interessi o pregiudizio all'imparzialità (art. 87 c. 1 lett. f-g)",
         citation="art. 87 c. 1 lett. f"),
    Fact("public_works_in_territory", "bool",
         "L'incarico tecnico riguarda opere pubbliche nel territorio del Comune o da esso "
         "autorizzate o finanziate?",
         "incarico tecnico su opere del territorio (art. 87 c. 1 lett. l)",
         citation="art. 87 c. 1 lett. l"),
    Fact("request_date", "date", "In che data è stata presentata la richiesta di autorizzazione?",
         "data di presentazione della richiesta (risposta entro 30 giorni, art. 88 c. 6)",
         citation="art. 88 c. 6"),
    Fact("higher_duties_start", "date", "Da quando sono affidate le mansioni superiori?",
         "inizio delle mansioni superiori (art. 13 c. 1)", citation="art. 13 c. 1"),
    Fact("higher_duties_until", "date", "Fino a quando si vogliono affidare le mansioni "
         "superiori?", "fine delle mansioni superiori chiesta nella domanda (art. 13 c. 1)",
         citation="art. 13 c. 1"),
    Fact("request_days_waited", "int", "Da quanti giorni la richiesta attende risposta?",
         "giorni trascorsi dalla richiesta senza risposta (art. 88 c. 6)",
         citation="art. 88 c. 6", minimum=0, maximum=3650),
    Fact("request_answered", "bool", "La richiesta di autorizzazione ha avuto risposta?",
         "risposta data alla richiesta (altrimenti vale il silenzio, art. 88 c. 6)",
         citation="art. 88 c. 6"),
    Fact("authorised", "bool", "L'incarico è stato autorizzato?",
         "incarico già autorizzato dall'organo competente (art. 88, art. 91)",
         citation="art. 91 c. 1"),
    Fact("warning_date", "date", "In che data il dipendente è stato diffidato?",
         "data della diffida a cessare l'incarico non autorizzato (art. 91 c. 1)",
         citation="art. 91 c. 1"),
    # -- substitutions and higher duties
    _choice("absence_kind", ABSENCE_KINDS, ABSENCE_SYNONYMS,
            "Perché il titolare è assente: ferie, malattia, aspettativa o posto vacante?",
            "motivo dell'assenza (art. 13: niente mansioni superiori per ferie)",
            citation="art. 13 c. 2"),
    Fact("post_being_filled", "bool",
         "Sono state avviate le procedure per coprire il posto vacante?",
         "copertura del posto in corso: mansioni superiori fino a 12 mesi (art. 13)",
         citation="art. 13 c. 2"),
    Fact("higher_duties_months", "int",
         "Per quanti mesi durerebbero le mansioni superiori?",
         "durata delle mansioni superiori in mesi (art. 13: 6, o 12 se il posto è in copertura)",
         minimum=0, maximum=120, citation="art. 13 c. 2"),
    Fact("target_category", "choice", "Qual è la categoria delle mansioni superiori?",
         "categoria del posto da ricoprire (solo quella immediatamente superiore, art. 13)",
         choices=CATEGORIES, citation="art. 13 c. 1"),
    Fact("position_allowance", "amount",
         "Qual è la retribuzione di posizione annua della PO sostituita (euro)?",
         "retribuzione di posizione del titolare sostituito (maggiorazione ≤ 25%, art. 17)",
         minimum=0, citation="art. 17"),
    Fact("interim_increase_percent", "percent",
         "Di quale percentuale è la maggiorazione per l'incarico ad interim?",
         "maggiorazione della retribuzione di risultato per l'interim (≤ 25%, art. 17)",
         minimum=0, maximum=100, citation="art. 17"),
    # -- appointments and incompatibilities
    Fact("assignment_years", "number",
         "Per quanti anni è conferito l'incarico di Responsabile di Area?",
         "durata dell'incarico: almeno 1 anno, non oltre il mandato del Sindaco (art. 14)",
         minimum=0, maximum=20, citation="art. 14 c. 2"),
    Fact("exceeds_mayor_mandate", "bool",
         "L'incarico o il contratto dura oltre il mandato del Sindaco?",
         "durata oltre il mandato del Sindaco (art. 14, art. 53)", citation="art. 53"),
    Fact("political_or_union_office_2y", "bool",
         "Negli ultimi 2 anni la persona ha ricoperto cariche politiche o sindacali?",
         "cariche politiche o sindacali negli ultimi 2 anni (art. 14 c. 7)",
         citation="art. 14 c. 7"),
    Fact("fixed_term_count", "int",
         "Quanti contratti a tempo determinato ex art. 110 sono già in essere?",
         "contratti a tempo determinato in essere (tetto del 20% della dotazione, art. 53)",
         minimum=0, citation="art. 53"),
    Fact("staff_establishment", "int", "Quanti posti conta la dotazione organica?",
         "posti della dotazione organica (allegato A)", minimum=0, citation="all. A"),
    _choice("kinship", {k: v for k, v in KINSHIP.items()}, KINSHIP_SYNONYMS,
            "Che rapporto di parentela, affinità o convivenza c'è con l'amministratore "
            "(es. cugino, cognato, convivente; nessuna se non c'è)?",
            "parentela fino al 4° grado, affinità fino al 2°, coniugio o convivenza "
            "(art. 54; gradi secondo art. 74-78 c.c.)", citation="art. 54"),
    Fact("kinship_degree", "int",
         "Di che grado è la parentela o l'affinità (1 = genitori e figli, 2 = fratelli, "
         "4 = cugini)?",
         "grado secondo il codice civile (art. 74-78 c.c.): parenti fino al 4°, affini "
         "fino al 2° sono esclusi (art. 54); 0 per coniuge e convivente",
         minimum=0, maximum=10, citation="art. 54"),
    _choice("kinship_kind", KINSHIP_KINDS, {"parente": "parentela", "affine": "affinita",
                                            "sposato": "coniugio", "convivente": "convivenza"},
            "Si tratta di parentela, affinità, coniugio o convivenza?",
            "tipo di legame (art. 54; art. 74-78 c.c.)", citation="art. 54"),
    _choice("related_to", POLITICAL_ROLES, POLITICAL_ROLE_SYNONYMS,
            "Di chi è parente o affine la persona: Sindaco, Assessore, Consigliere, o nessuno "
            "di questi (un dipendente, un privato)?",
            "carica politica del parente (art. 54)", citation="art. 54"),
    # -- mobility
    Fact("experience_points", "number", "Quanti punti (su 35) ha per l'esperienza?",
         "punteggio esperienza nella mobilità, max 35 centesimi (art. 50)",
         minimum=0, maximum=35, citation="art. 50"),
    Fact("interview_points", "number", "Quanti punti (su 50) ha ottenuto al colloquio?",
         "punteggio colloquio nella mobilità, max 50 centesimi (art. 50)",
         minimum=0, maximum=50, citation="art. 50"),
    Fact("salary_points", "number", "Quanti punti (su 15) ha per il trattamento economico?",
         "punteggio trattamento economico nella mobilità, max 15 centesimi (art. 50)",
         minimum=0, maximum=15, citation="art. 50"),
    Fact("total_points", "number", "Qual è il punteggio complessivo (in centesimi)?",
         "punteggio totale in centesimi (nessuna assunzione con 75 o meno, art. 50)",
         minimum=0, maximum=100, citation="art. 50"),
    # -- pay and evaluation
    Fact("graduation_G", "number", "Qual è la graduazione G della posizione (0-100)?",
         "graduazione della posizione organizzativa secondo l'allegato D", minimum=0,
         maximum=100, citation="all. D"),
    Fact("pmax", "amount",
         "Qual è l'importo massimo Pmax della retribuzione di posizione (euro)?",
         "retribuzione di posizione massima: P = G × Pmax / 100 (allegato D)",
         minimum=0, citation="all. D"),
    _choice("evaluated_role", EVALUATED_ROLES, {"segretario": "segretario", "po": "po",
                                                "eq": "po", "posizione organizzativa": "po",
                                                "dipendente": "dipendente",
                                                "personale": "dipendente"},
            "Chi è valutato: il Segretario, un titolare di PO/EQ o un dipendente?",
            "ruolo valutato, che sceglie la scheda (allegati E, F, G)"),
    Fact("evaluation_score", "number", "Qual è il punteggio di valutazione (su 100)?",
         "punteggio complessivo della scheda di valutazione", minimum=0, maximum=100,
         citation="art. 22"),
    Fact("evaluation_year", "int", "Di quale anno è la valutazione?",
         "anno della valutazione", minimum=2000, maximum=2100, citation="art. 28 c. 6"),
    Fact("result_allowance_max", "amount",
         "Qual è l'importo massimo della retribuzione di risultato (euro)?",
         "retribuzione di risultato massima, erogata in proporzione al punteggio",
         minimum=0, citation="art. 15"),
    # -- mileage (art. 76)
    Fact("km", "number", "Quanti chilometri sono stati percorsi?",
         "chilometri percorsi con il mezzo proprio (art. 76)", minimum=0, citation="art. 76"),
    Fact("petrol_price", "amount", "Qual è il prezzo di un litro di benzina (euro)?",
         "prezzo della benzina: l'indennità è 1/5 del litro per km (art. 76)", minimum=0,
         citation="art. 76"),
    Fact("own_vehicle_authorised", "bool",
         "L'uso del mezzo proprio è stato autorizzato in uno dei casi previsti?",
         "uso autorizzato del mezzo proprio nei casi dell'art. 76", citation="art. 76"),
    Fact("public_transport_fare", "amount",
         "Quanto costerebbe il viaggio con i mezzi pubblici (euro)?",
         "tariffa dei mezzi pubblici, rimborsata negli altri casi (art. 76)", minimum=0,
         citation="art. 76"),
    # -- deadlines
    _choice("deadline_kind", DEADLINE_KINDS, DEADLINE_SYNONYMS,
            "Quale scadenza vuoi calcolare (risposta all'autorizzazione, diffida, conflitto "
            "di interessi...)?", "tipo di termine da calcolare"),
    Fact("start_date", "date", "Da quale data decorre il termine?",
         "data da cui decorre il termine (art. 2963 c.c.)"),
    Fact("days", "int", "Di quanti giorni è il termine?", "durata del termine in giorni",
         minimum=0, maximum=3650),
    # -- collaboration contracts (Titolo VII)
    Fact("contract_amount", "amount", "Qual è l'importo annuo del contratto di collaborazione?",
         "importo del contratto di collaborazione (art. 64, art. 72)", minimum=0,
         citation="art. 72"),
    Fact("notice_days", "int", "Per quanti giorni è stato pubblicato l'avviso?",
         "durata dell'avviso di procedura comparativa (almeno 10 giorni, art. 64)",
         minimum=0, citation="art. 64"),
    Fact("invitations", "int", "Quanti soggetti sono stati invitati?",
         "inviti nell'indagine di mercato (almeno 3, art. 64)", minimum=0, citation="art. 64"),
    Fact("internal_resources_checked", "bool",
         "È stata accertata l'assenza di risorse interne (art. 63)?",
         "accertamento preventivo delle risorse interne (art. 63)", citation="art. 63"),
    Fact("published", "bool", "L'incarico è stato pubblicato sul sito del Comune?",
         "pubblicazione dell'incarico: efficace solo da allora (art. 71 c. 1)",
         citation="art. 71 c. 1"),
    # -- what the question is about
    _choice("matter", MATTERS, MATTER_SYNONYMS,
            "Per quale materia cerchi il competente (ferie, missioni, formazione, "
            "disciplinare, autorizzazioni, pubblicazione, valutazione, mansioni superiori, "
            "mobilità interna)?",
            "materia di cui si chiede l'organo competente"),
    Fact("date", "date", "A quale data si riferisce la domanda?",
         "data della domanda (es. di chi sostituisce chi)"),
    Fact("assignment_id", "str", "Qual è il numero dell'incarico nel database?",
         "identificativo dell'incarico nel database del personale"),
    Fact("collaboration_number", "str", "Qual è il numero della collaborazione (es. 2026/3)?",
         "numero della collaborazione nel database del personale"),
    Fact("replaced_person_id", "str", "Chi è la persona sostituita (numero nel database)?",
         "persona sostituita nelle mansioni superiori (identificativo nel database)"),
)}


# --------------------------------------------------------------------------- parsing values
def normalise_word(text: str) -> str:
    """Lowercase, strip accents and typographic apostrophes, squeeze spaces."""
    return fold(text)


_TRUE = {"si", "sì", "s", "yes", "y", "true", "vero", "1", "x"}
_FALSE = {"no", "n", "false", "falso", "0"}
_NUMBER = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^[+-]?\d+(?:[.,]\d+)?$")
#: English thousands with a decimal point ("12,911.42"), or several groups ("1,500,000"):
#: never an Italian number.
_ENGLISH_NUMBER = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+\.\d+$|^[+-]?\d{1,3}(?:,\d{3}){2,}$")


def parse_number(text: str) -> Decimal:
    """An Italian or plain number: "1.500", "1500", "1.500,00", "12,5", "12.5"; or an
    English one that cannot be Italian: "12,911.42", "1,500,000".

    A dot followed by exactly three digits is a thousands separator ("1.500" = 1500);
    otherwise a lone dot or comma is the decimal point.
    :raises ValueError: when the text is not a number.
    """
    raw = normalise_word(text)
    for junk in ("€", "euro", "eur", "%", "per cento", "percento", "punti", "km"):
        raw = raw.replace(junk, " ")
    raw = raw.replace(" ", "")
    if _ENGLISH_NUMBER.match(raw):
        raw = raw.replace(",", "")
    elif not _NUMBER.match(raw):
        raise ValueError(text)
    if "," in raw:
        raw = raw.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[+-]?\d{1,3}(?:\.\d{3})+", raw):
        raw = raw.replace(".", "")
    try:
        return Decimal(raw)
    except InvalidOperation:  # pragma: no cover - guarded by the regex
        raise ValueError(text) from None


def _bad(fact: Fact, value: str, hint: str) -> UserError:
    return UserError(f"valore non valido per il fatto '{fact.name}': '{value}'; {hint}")


def choice_value(fact: Fact, value: str) -> str | None:
    """The canonical choice for a typed word, or ``None`` when it is not one."""
    key = normalise_word(value)
    for candidate in (key, key.replace(" ", "_"), key.upper()):
        if candidate in fact.choices:
            return candidate
    found = fact.synonyms.get(key)
    if found is None:  # the surface forms of fact_forms.yaml are synonyms too
        from ordina.fact_forms import forms

        found = next((value for value, phrases in forms(fact.name).values.items()
                      if key in {normalise_word(p) for p in phrases}), None)
    return found


def parse_value(fact: Fact, value: str) -> Any:
    """Parse and validate a typed value of ``fact`` (the right side of ``--fact NAME=VALUE``).

    :raises UserError: with the accepted values when the value does not fit.
    """
    text = value.strip()
    if fact.type == "bool":
        key = normalise_word(text)
        if key in _TRUE:
            return True
        if key in _FALSE:
            return False
        raise _bad(fact, value, "usa sì o no")
    if fact.type == "choice":
        if fact.name in ("category", "target_category"):
            key = normalise_word(text).upper().replace("CAT.", "").replace("CATEGORIA", "")
            key = key.strip()
            if key in fact.choices:
                return key
            raise _bad(fact, value, "usa una categoria come B1, C1, D3")
        if normalise_word(text) in AMBIGUOUS_KINSHIP and fact.name == "kinship":
            options = ", ".join(AMBIGUOUS_KINSHIP[normalise_word(text)])
            raise _bad(fact, value, f"è ambiguo: specifica {options}")
        found = choice_value(fact, text)
        if found is None:
            raise _bad(fact, value, "valori ammessi: " + ", ".join(fact.choices))
        return found
    if fact.type == "date":
        key = normalise_word(text)
        if key in ("oggi", "today"):
            return date.today()
        try:
            return parse_date(text)
        except ValueError:
            raise _bad(fact, value, "usa GG/MM/AAAA o AAAA-MM-GG") from None
    if fact.type == "str":
        if not text:
            raise _bad(fact, value, "serve un testo non vuoto")
        return text
    try:
        number = parse_number(text)
    except ValueError:
        hint = {"amount": "usa un importo in euro, es. 1.500 o 1500,00",
                "percent": "usa una percentuale, es. 50 o 50%",
                "int": "usa un numero intero", "number": "usa un numero, es. 70,70"}[fact.type]
        raise _bad(fact, value, hint) from None
    from ordina.limits import amount_ok

    if not amount_ok(number):
        raise _bad(fact, value, "il numero è troppo grande")
    if fact.type == "int":
        if number != number.to_integral_value():
            raise _bad(fact, value, "usa un numero intero")
        result: Any = int(number)
    else:
        result = float(number)
    if fact.minimum is not None and result < fact.minimum:
        raise _bad(fact, value, f"deve essere almeno {fact.minimum:g}")
    if fact.maximum is not None and result > fact.maximum:
        raise _bad(fact, value, f"deve essere al massimo {fact.maximum:g}")
    return result


def get_fact(name: str) -> Fact:
    """The fact called ``name``.

    :raises UserError: naming the closest known facts when ``name`` is unknown.
    """
    fact = FACTS.get(name.strip())
    if fact is not None:
        return fact
    from rapidfuzz import process

    close = [m[0] for m in process.extract(name, list(FACTS), limit=3, score_cutoff=60)]
    hint = ("; forse intendevi: " + ", ".join(close)) if close else ""
    raise UserError(f"fatto sconosciuto: '{name}'{hint}; 'ordina facts' li elenca tutti")


def parse_assignment(text: str) -> tuple[str, Any]:
    """Parse one ``NAME=VALUE`` of ``--fact``.

    :raises UserError: when the form, the name or the value is wrong.
    """
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise UserError(f"--fact vuole NOME=VALORE, per esempio part_time_percent=50 (non '{text}')")
    fact = get_fact(name)
    return fact.name, parse_value(fact, value)


def parse_assignments(items: list[str] | None) -> dict[str, Any]:
    """All ``--fact`` values as a dict (a later one overrides an earlier one)."""
    return dict(parse_assignment(item) for item in items or [])


# --------------------------------------------------------------------------- more facts
# Facts of the appointment, collaboration, pay, evaluation and deadline checks.
FACTS.update({f.name: f for f in CALCS_FACTS if f.name not in FACTS})
