"""The embedded demo: the fictional "Comune di Esempio", sized from Allegato A.

Every check has something real to find in it, on the reference date
:data:`REFERENCE_DATE` (the planted situations are listed in ``PLANTED``). The data are
fixed, so the demo is identical on every machine.

Sizing: Allegato A's 11 posts (D1 x 4, C x 3 incl. the agente di polizia municipale,
B3 x 2, B1 x 2) plus the Segretario; five Aree each headed by a PO of category D
(art. 10 c. 1, art. 14 c. 1), the fifth (Vigilanza) by an art. 110 fixed-term contract.
"""

from __future__ import annotations

from datetime import date

from ordina.store.schema import ensure_schema, has_personnel, write_transaction
from ordina.store.writer import Writer

#: The date on which every planted situation below holds (use it as ``--as-of``).
REFERENCE_DATE = date(2026, 11, 23)

#: Mandate of the Sindaco: the cap for PO appointments (art. 14 c. 3) and art. 110
#: contracts (art. 53 c. 4).
MANDATE = ("2024-06-10", "2029-06-10")

#: What the demo contains on purpose, for each check to find (Italian, shown by the CLI).
PLANTED: tuple[str, ...] = (
    ("incarico 12 di Mario Rossi (in attesa): supera un quinto della retribuzione base solo "
    "se si conta anche la docenza 7, autorizzata benché l'art. 89 non lo richieda: da "
    "verificare (art. 88 c. 3)"),
    ("incarico 13 di Giovanni Verdi da un fornitore privato del Comune, senza risposta da "
    "oltre 30 giorni (art. 87 c. 1 lett. i, art. 88 c. 6) e già iniziato: diffida e compenso "
    "all'ente (art. 91 c. 1 e c. 4)"),
    ("incarico 16 di Paola Greco: docenza per dipendenti pubblici (art. 87 c. 2 lett. d "
    "contro art. 89)"),
    ("Anna Neri, Responsabile dell'Area Servizi sociali, in congedo di maternità e poi "
    "parentale: l'Area è affidata ad interim a Laura Bianchi (art. 17)"),
    "Giovanni Verdi, Responsabile dell'Area Tecnica, in malattia senza sostituto ad interim",
    ("Paolo Galli, Responsabile dell'Area Vigilanza a tempo determinato ex art. 110, è nipote "
    "(3° grado) dell'assessore Roberto Galli (art. 54 c. 2)"),
    ("Silvia Lodi, collaboratrice amministrativa, è cognata (affine di 2° grado) "
    "dell'assessore Roberto Galli"),
    ("Laura Bianchi, responsabile del personale, ha lasciato il direttivo provinciale di un "
    "sindacato il 31/03/2025, meno di 2 anni fa (art. 14 c. 7)"),
    "Davide Ricci, agente di polizia municipale, chiede il part-time (art. 80 c. 4)",
    ("Giorgio Ferrari (B1) incaricato di mansioni superiori per sostituire Chiara Romano in "
    "ferie (art. 13 c. 1 lett. b)"),
    ("posto 06 (Istruttore amministrativo/contabile, C) vacante dal 01/04/2026; mansioni "
    "superiori a Paola Greco prorogate a 12 mesi (art. 13 c. 1 lett. a)"),
    "incarico di Responsabile dell'Area Tecnica oltre il mandato del Sindaco (art. 14 c. 3)",
    ("collaborazione 2026/2 affidata senza pubblicazione sul sito (art. 71 c. 1), sopra "
    "5.000 euro (art. 72 c. 4)"),
    "collaborazione 2026/3: indagine di mercato con soli 2 inviti (art. 64)",
    ("Segretario in ferie dal 01/03/2027 al 08/03/2027: lo sostituisce la Vice Segretaria "
    "(art. 7 c. 1)"),
)


def _e(euros: float) -> int:
    return round(euros * 100)


def ensure_demo(db) -> bool:
    """Create the demo Comune when the database has no organisation data yet.

    Idempotent and cheap when already done (one indexed query). Safe when two processes
    start at once: the second finds the demo made by the first under the write lock.

    :returns: True when the demo was created now.
    """
    ensure_schema(db)
    if has_personnel(db):
        return False
    with write_transaction(db) as conn:
        if has_personnel(db):
            return False
        build_demo(Writer(conn))
    return True


def build_demo(w: Writer) -> None:
    """Write the whole Comune di Esempio through ``w`` (inside a transaction)."""
    _structure(w)
    _people(w)
    _employment(w)
    _offices(w)
    _absences_and_duties(w)
    _family(w)
    _assignments(w)
    _collaborations(w)
    _evaluations(w)


def _structure(w: Writer) -> None:
    w.ente(nome="Comune di Esempio", provincia="Esempio", abitanti="4200", patrono="06-24",
           santo_patrono="San Giovanni Battista", retribuzione_posizione_max="16000.00",
           modello="piccolo")
    w.unit("COMUNE", "Comune di Esempio", "ente", valid_from="1990-01-01")
    w.unit("GIUNTA", "Giunta comunale", "giunta", "COMUNE")
    w.unit("CONSIGLIO", "Consiglio comunale", "consiglio", "COMUNE")
    w.unit("SEGRETERIA", "Ufficio del Segretario", "staff", "COMUNE")
    w.unit("STAFF-SINDACO", "Ufficio di staff del Sindaco", "staff", "COMUNE",
           valid_from="2024-07-01", act="Delibera G.C. n. 61/2024")
    w.unit("NUCLEO", "Nucleo di valutazione", "nucleo", "COMUNE")
    w.unit("CONFERENZA", "Conferenza dei responsabili di Area", "conferenza", "COMUNE")
    w.unit("DELEGAZIONE", "Delegazione trattante di parte pubblica", "delegazione_trattante",
           "COMUNE")
    w.unit("REVISORE", "Organo di revisione", "revisori", "COMUNE")
    areas = {
        "AREA-AMM": ("Area Amministrativa", [
            ("SERV-SEGR", "Servizio Segreteria e Affari generali"),
            ("SERV-PERS", "Servizio Personale"),
            ("SERV-DEMO", "Servizio Demografico e Stato civile")]),
        "AREA-FIN": ("Area Finanziaria", [
            ("SERV-RAG", "Servizio Ragioneria"), ("SERV-TRIB", "Servizio Tributi")]),
        "AREA-TEC": ("Area Tecnica", [
            ("SERV-LLPP", "Servizio Lavori pubblici e Manutenzioni"),
            ("SERV-URB", "Servizio Urbanistica ed Edilizia privata")]),
        "AREA-VIG": ("Area Vigilanza", [("SERV-PM", "Servizio Polizia municipale")]),
        "AREA-SOC": ("Area Servizi sociali", [
            ("SERV-SOC", "Servizio Sociale"), ("SERV-CULT", "Servizio Istruzione e Cultura")]),
    }
    for code, (name, services) in areas.items():
        w.unit(code, name, "area", "COMUNE", act="Delibera G.C. n. 12/2015")
        for scode, sname in services:
            w.unit(scode, sname, "servizio", code, act="Delibera G.C. n. 12/2015")
    w.unit("UFF-CONTRATTI", "Ufficio Contratti", "ufficio", "SERV-SEGR")
    w.unit("UFF-PROTOCOLLO", "Ufficio Protocollo e Albo pretorio", "ufficio", "SERV-SEGR")
    w.unit("UP-PNRR", "Unità di progetto PNRR", "unita_progetto", "COMUNE",
           valid_from="2026-01-15", valid_to="2028-01-01",
           act="Determinazione del Segretario n. 3/2026")
    # Allegato A: the dotazione organica, one row per post.
    for code, profile, cat, unit in (
        ("DO-01", "Istruttore direttivo amministrativo", "D1", "AREA-AMM"),
        ("DO-02", "Istruttore direttivo contabile", "D1", "AREA-FIN"),
        ("DO-03", "Istruttore direttivo tecnico", "D1", "AREA-TEC"),
        ("DO-04", "Istruttore direttivo socio educativo", "D1", "AREA-SOC"),
        ("DO-05", "Istruttore amministrativo/contabile", "C", "SERV-PERS"),
        ("DO-06", "Istruttore amministrativo/contabile", "C", "SERV-RAG"),
        ("DO-07", "Agente di polizia municipale", "C", "SERV-PM"),
        ("DO-08A", "Collaboratore amministrativo", "B3", "SERV-SEGR"),
        ("DO-08B", "Collaboratore amministrativo", "B3", "SERV-SOC"),
        ("DO-09A", "Esecutore tecnico specializzato", "B1", "SERV-LLPP"),
        ("DO-09B", "Esecutore tecnico specializzato", "B1", "SERV-LLPP"),
    ):
        w.post(code, profile, cat, unit, act="Allegato A, Delibera G.C. n. 12/2015")


def _people(w: Writer) -> None:
    it = "IT"
    # Employees (matricola) and the Segretario.
    w.person("M001", "Laura", "Bianchi", sex="F", birth_date="1975-04-12", citizenship=it,
             degree_level="laurea_magistrale", degree="Laurea magistrale in Giurisprudenza",
             hire_date="2003-09-01")
    w.person("M002", "Mario", "Rossi", sex="M", birth_date="1970-02-03", citizenship=it,
             degree_level="laurea_magistrale", degree="Laurea in Economia e commercio",
             hire_date="1998-05-01")
    w.person("M003", "Giovanni", "Verdi", sex="M", birth_date="1972-11-30", citizenship=it,
             degree_level="laurea_magistrale", degree="Laurea in Ingegneria civile",
             hire_date="2001-02-01")
    w.person("M004", "Anna", "Neri", sex="F", birth_date="1988-07-19", citizenship=it,
             degree_level="laurea_magistrale", degree="Laurea magistrale in Servizio sociale",
             hire_date="2016-10-01")
    w.person("M005", "Chiara", "Romano", sex="F", birth_date="1983-03-08", citizenship=it,
             degree_level="diploma", degree="Diploma di ragioneria", hire_date="2008-01-07")
    w.person("M006", "Luca", "Marino", sex="M", birth_date="1985-12-01", citizenship=it,
             degree_level="laurea", degree="Laurea in Economia aziendale",
             hire_date="2019-04-01")
    w.person("M007", "Davide", "Ricci", sex="M", birth_date="1990-05-25", citizenship=it,
             degree_level="diploma", degree="Diploma di geometra", hire_date="2014-06-16")
    w.person("M008", "Silvia", "Lodi", sex="F", birth_date="1979-09-14", citizenship=it,
             degree_level="diploma", degree="Diploma di liceo linguistico",
             hire_date="2005-03-01")
    w.person("M009", "Paola", "Greco", sex="F", birth_date="1992-01-22", citizenship=it,
             degree_level="laurea", degree="Laurea in Scienze dell'amministrazione",
             hire_date="2023-01-02")
    w.person("M010", "Antonio", "Conti", sex="M", birth_date="1968-08-08", citizenship=it,
             degree_level="obbligo", degree="Licenza media", hire_date="1995-09-01")
    w.person("M011", "Giorgio", "Ferrari", sex="M", birth_date="1980-10-10", citizenship=it,
             degree_level="diploma", degree="Diploma di perito elettrotecnico",
             hire_date="2012-02-01")
    w.person("M012", "Paolo", "Galli", sex="M", birth_date="1986-06-02", citizenship=it,
             degree_level="laurea_magistrale", degree="Laurea magistrale in Giurisprudenza",
             hire_date="2024-09-01")
    w.person("S001", "Francesco", "Esposito", sex="M", birth_date="1966-01-15", citizenship=it,
             degree_level="laurea_magistrale", degree="Laurea in Giurisprudenza",
             hire_date="2019-03-01")
    # Politicians.
    for code, given, surname in (
        ("P001", "Alberto", "Sala"), ("P002", "Roberto", "Galli"), ("P003", "Franca", "Moretti"),
        ("P004", "Stefano", "Bruno"), ("P005", "Elisa", "Costa"), ("P006", "Marco", "Fabbri"),
        ("P007", "Giulia", "Rinaldi"), ("P008", "Andrea", "Leone"), ("P009", "Sara", "Longo"),
        ("P010", "Matteo", "Gentile"), ("P011", "Valentina", "Martini"),
        ("P012", "Simone", "Lombardi"), ("P013", "Irene", "Barbieri"),
        ("P014", "Fabio", "Caruso"),
    ):
        w.person(code, given, surname)
    # External members of bodies.
    w.person("E001", "Giovanna", "Marchi", sex="F", citizenship=it,
             degree_level="laurea_magistrale", degree="Laurea in Economia e commercio",
             experience_years=8)
    w.person("E002", "Enrico", "Pellegrini", sex="M", citizenship=it,
             degree_level="laurea_magistrale", degree="Laurea in Ingegneria gestionale",
             experience_years=6)
    w.person("E003", "Sergio", "Fontana", sex="M", citizenship=it,
             degree_level="laurea_magistrale", degree="Laurea in Economia e commercio")
    w.person("E004", "Marta", "Villa", sex="F", citizenship=it,
             degree_level="laurea_magistrale", degree="Laurea in Ingegneria della sicurezza")
    # Family members who are neither staff nor politicians.
    w.person("F001", "Giuseppe", "Galli", sex="M", birth_date="1935-03-03")
    w.person("F002", "Carlo", "Galli", sex="M", birth_date="1960-12-12")
    w.person("F003", "Maria", "Lodi", sex="F", birth_date="1962-05-05")
    w.person("F004", "Elena", "Guidi", sex="F", birth_date="1972-06-06")


def _employment(w: Writer) -> None:
    ind, d110 = "indeterminato", "art110"
    w.employment("M001", "2003-09-01", "D1", ind, "AREA-AMM", economic_position="D4",
                 profile="Istruttore direttivo amministrativo", post="DO-01",
                 salary_cents=_e(25800))
    w.employment("M002", "1998-05-01", "D1", ind, "AREA-FIN", economic_position="D3",
                 profile="Istruttore direttivo contabile", post="DO-02", salary_cents=_e(23000))
    w.employment("M003", "2001-02-01", "D1", ind, "AREA-TEC", economic_position="D2",
                 profile="Istruttore direttivo tecnico", post="DO-03", salary_cents=_e(24100))
    w.employment("M004", "2016-10-01", "D1", ind, "AREA-SOC", economic_position="D1",
                 profile="Istruttore direttivo socio educativo", post="DO-04",
                 salary_cents=_e(23212.35))
    w.employment("M005", "2008-01-07", "C", ind, "SERV-PERS", economic_position="C3",
                 profile="Istruttore amministrativo/contabile", post="DO-05",
                 salary_cents=_e(22300))
    w.employment("M006", "2019-04-01", "C", ind, "SERV-RAG", valid_to="2026-04-01",
                 economic_position="C2", profile="Istruttore amministrativo/contabile",
                 post="DO-06", salary_cents=_e(21800),
                 act="Mobilità in uscita, determinazione n. 40/2026")
    w.employment("M007", "2014-06-16", "C", ind, "SERV-PM", economic_position="C2",
                 profile="Agente di polizia municipale", post="DO-07", salary_cents=_e(21900))
    w.employment("M008", "2005-03-01", "B3", ind, "SERV-SEGR", economic_position="B5",
                 profile="Collaboratore amministrativo", post="DO-08A", salary_cents=_e(20400))
    w.employment("M009", "2023-01-02", "B3", ind, "SERV-SOC", economic_position="B3",
                 profile="Collaboratore amministrativo", post="DO-08B", salary_cents=_e(19900))
    w.employment("M010", "1995-09-01", "B1", ind, "SERV-LLPP", economic_position="B4",
                 profile="Esecutore tecnico specializzato", post="DO-09A",
                 salary_cents=_e(20100))
    w.employment("M011", "2012-02-01", "B1", ind, "SERV-LLPP", economic_position="B2",
                 profile="Esecutore tecnico specializzato", post="DO-09B", part_time_pct=50,
                 salary_cents=_e(9650), act="Trasformazione in part-time, det. n. 88/2018")
    w.employment("M012", "2024-09-01", "D1", d110, "AREA-VIG", valid_to=MANDATE[1],
                 economic_position="D1", profile="Funzionario di vigilanza",
                 salary_cents=_e(30000), act="Decreto sindacale n. 18/2024 (art. 110 c. 1 TUEL)")
    w.employment("S001", "2019-03-01", "SEG", "segretario", "SEGRETERIA",
                 profile="Segretario comunale", salary_cents=_e(45000),
                 act="Decreto sindacale n. 4/2019")


def _offices(w: Writer) -> None:
    start, end = MANDATE
    # Political bodies (art. 4, art. 54 c. 2).
    w.office("P001", "sindaco", "COMUNE", start, end, act="Proclamazione del 10/06/2024")
    w.office("P002", "vice_sindaco", "GIUNTA", "2024-06-20", end, act="Decreto sindacale n. 1/2024")
    for code, role in (("P002", "Bilancio e Personale"), ("P003", "Servizi sociali e Scuola"),
                       ("P004", "Lavori pubblici e Urbanistica")):
        w.office(code, "assessore", "GIUNTA", "2024-06-20", end, role=role,
                 act="Decreto sindacale n. 1/2024")
    for code in ("P005", "P006", "P007", "P008", "P009", "P010", "P011", "P012", "P013",
                 "P014"):
        w.office(code, "consigliere", "CONSIGLIO", start, end, act="Proclamazione del 10/06/2024")
    w.office("P005", "presidente_consiglio", "CONSIGLIO", "2024-07-01", end,
             act="Delibera C.C. n. 1/2024")
    # Segretario (art. 6): also RPC (art. 6 c. 5), president of the Nucleo (art. 37 c. 2)
    # and of the delegazione trattante (art. 77 c. 4), head of the UPD (art. 82 c. 2).
    w.office("S001", "segretario", "COMUNE", "2019-03-01", act="Decreto sindacale n. 4/2019")
    w.office("S001", "rpc", "COMUNE", "2019-03-15", act="Decreto sindacale n. 6/2019")
    w.office("S001", "componente_nucleo", "NUCLEO", "2024-07-01", "2027-01-01",
             role="presidente", act="Decreto sindacale n. 9/2024")
    w.office("S001", "componente_delegazione", "DELEGAZIONE", "2024-09-01", role="presidente",
             act="Delibera G.C. n. 80/2024")
    # Vice Segretario (art. 7 c. 2): a responsabile with the Albo requirements.
    w.office("M001", "vice_segretario", "COMUNE", "2024-07-01", end,
             act="Decreto sindacale n. 7/2024")
    # Responsabili di Area, PO/EQ (art. 14): decrees of the Sindaco.
    w.office("M001", "responsabile_area", "AREA-AMM", "2024-07-01", end,
             act="Decreto sindacale n. 5/2024", position_allowance_cents=_e(12000))
    w.office("M002", "responsabile_area", "AREA-FIN", "2024-07-01", end,
             act="Decreto sindacale n. 5/2024", position_allowance_cents=_e(11300))
    w.office("M003", "responsabile_area", "AREA-TEC", "2025-07-01", "2030-12-31",
             act="Decreto sindacale n. 14/2025", position_allowance_cents=_e(11300))
    w.office("M004", "responsabile_area", "AREA-SOC", "2024-07-01", end,
             act="Decreto sindacale n. 5/2024", position_allowance_cents=_e(9128.37))
    w.office("M012", "responsabile_area", "AREA-VIG", "2024-09-01", end,
             act="Decreto sindacale n. 18/2024", position_allowance_cents=_e(9500))
    # Art. 17: Area Servizi sociali ad interim to Bianchi while Neri is on leave.
    w.office("M001", "responsabile_area", "AREA-SOC", "2026-09-01", "2027-09-01",
             ad_interim=True, replaces="M004", act="Decreto sindacale n. 12/2026")
    # Responsabili di Servizio (art. 10 c. 3), chosen by the Responsabili di Area.
    for person, unit, act in (
        ("M005", "SERV-PERS", "Determinazione Area Amministrativa n. 2/2024"),
        ("M008", "SERV-SEGR", "Determinazione Area Amministrativa n. 2/2024"),
        ("M007", "SERV-PM", "Determinazione Area Vigilanza n. 1/2024"),
    ):
        w.office(person, "responsabile_servizio", unit, "2024-07-15", act=act)
    w.office("M005", "responsabile_procedimento", "SERV-PERS", "2024-07-15",
             role="procedimenti in materia di personale",
             act="Determinazione Area Amministrativa n. 3/2024")
    w.office("M009", "responsabile_procedimento", "SERV-SOC", "2024-07-15",
             role="contributi economici", act="Determinazione Area Servizi sociali n. 1/2024")
    w.office("M009", "responsabile_progetto", "UP-PNRR", "2026-01-15", "2028-01-01",
             act="Determinazione del Segretario n. 3/2026")
    # Responsabile del personale (art. 14 c. 7, art. 81 c. 2, art. 88 c. 1).
    w.office("M001", "responsabile_personale", "SERV-PERS", "2024-07-01", end,
             act="Decreto sindacale n. 5/2024")
    # Datore di lavoro (art. 83): the Sindaco names one of the responsabili.
    w.office("M003", "datore_lavoro", "COMUNE", "2024-07-10", act="Decreto sindacale n. 8/2024")
    w.office("E004", "rspp", "COMUNE", "2024-08-01", "2027-08-01",
             act="Nomina del Datore di lavoro del 01/08/2024", compensation_cents=_e(3000))
    # Nucleo di valutazione (art. 37-38): Segretario + two external members.
    for code in ("E001", "E002"):
        w.office(code, "componente_nucleo", "NUCLEO", "2024-07-01", "2027-01-01",
                 act="Decreto sindacale n. 9/2024", compensation_cents=_e(2000))
    w.office("E003", "revisore_conti", "REVISORE", "2023-05-01", "2026-12-31",
             act="Delibera C.C. n. 15/2023", compensation_cents=_e(6500))
    # Delegazione trattante (art. 77 c. 4): members chosen among the Responsabili.
    for code in ("M001", "M002"):
        w.office(code, "componente_delegazione", "DELEGAZIONE", "2024-09-01",
                 act="Delibera G.C. n. 80/2024")
    # Publication at the albo (art. 46 c. 2) and stato civile (art. 46 c. 3).
    w.office("M008", "incaricato_albo", "UFF-PROTOCOLLO", "2024-07-15",
             act="Determinazione Area Amministrativa n. 4/2024")
    w.office("M008", "ufficiale_stato_civile", "SERV-DEMO", "2015-01-01",
             act="Decreto sindacale n. 2/2015")


def _absences_and_duties(w: Writer) -> None:
    w.absence("M004", "maternita", "2026-09-01", "2027-02-01", "congedo obbligatorio")
    w.absence("M004", "congedo_parentale", "2027-02-01", "2027-09-01")
    w.absence("M003", "malattia", "2026-11-16", "2026-12-05")
    w.absence("M005", "ferie", "2026-08-03", "2026-08-24")
    w.absence("M002", "ferie", "2026-12-21", "2027-01-07")
    w.absence("S001", "ferie", "2027-03-01", "2027-03-09")
    w.absence("M010", "malattia", "2026-02-09", "2026-02-14")
    # Art. 13 c. 1 lett. a: the vacant C post, higher duties to Greco (B3 -> C), extended
    # to 12 months because the post is being filled (concorso started).
    w.higher_duty("M009", "C", "vacanza", "2026-05-01", "2027-05-01", post="DO-06",
                  filling_started=True,
                  act="Determinazione Area Finanziaria n. 21/2026, prorogata con n. 60/2026")
    # Art. 13 c. 1 lett. b: higher duties to replace someone on ferie (not allowed).
    w.higher_duty("M011", "C", "sostituzione", "2026-08-03", "2026-08-24", replaces="M005",
                  filling_started=None, act="Determinazione Area Amministrativa n. 30/2026")
    # Art. 80 c. 4: the agente di polizia municipale asks for part-time.
    w.part_time_request("M007", "2026-11-02", 50, "attività di istruttore sportivo")
    w.part_time_request("M011", "2018-03-01", 50, "lavoro dipendente presso terzi", "accolta",
                        "2018-04-10")
    # Art. 14 c. 7: past political and union roles.
    w.past_role("M001", "sindacato", "FP CGIL Esempio", "componente del direttivo provinciale",
                "2019-01-01", "2025-04-01")
    w.past_role("M003", "amministratore_ente_locale", "Comune di Altrove", "consigliere comunale",
                "2014-05-26", "2019-05-27")


def _family(w: Writer) -> None:
    # Paolo Galli (art. 110) is the nephew of assessore Roberto Galli: 3rd degree.
    w.link("F001", "P002", "genitore")
    w.link("F001", "F002", "genitore")
    w.link("F002", "M012", "genitore")
    # Roberto Galli married Maria Lodi, sister of Silvia Lodi: affine 2nd degree.
    w.link("P002", "F003", "coniuge", "1990-09-15")
    w.person("F005", "Pietro", "Lodi", sex="M", birth_date="1938-01-01")
    w.link("F005", "F003", "genitore")
    w.link("F005", "M008", "genitore")
    # Mario Rossi's wife, cohabitation and a widowed link for the affinity rules.
    w.link("M002", "F004", "coniuge", "1999-06-12")
    w.link("M007", "M009", "convivente", "2024-03-01")


def _assignments(w: Writer) -> None:
    w.assignment(7, "M002", subject="Docenza al corso di contabilità pubblica",
                 client="Università di Pisa", client_type="pa", client_supplier=False,
                 client_litigation=False, client_permit=False, client_supervised=False,
                 activity="docenza", occasional=True, paid=True, compensation_cents=_e(1500),
                 place="Pisa", valid_from="2026-03-02", valid_to="2026-05-30",
                 request_date="2026-02-02", requested_by="entrambi", status="autorizzato",
                 decision_date="2026-02-20")
    w.assignment(9, "M002", subject="Componente di commissione di concorso",
                 client="Comune di Altrove", client_type="pa", client_supplier=False,
                 client_litigation=False, client_permit=False, client_supervised=False,
                 activity="commissione_concorso", occasional=True, paid=True,
                 compensation_cents=_e(1000), place="Altrove", valid_from="2026-06-08",
                 valid_to="2026-07-31", request_date="2026-05-11", requested_by="entrambi",
                 status="autorizzato", decision_date="2026-05-29")
    w.assignment(10, "M004", subject="Relatrice al convegno sui servizi sociali",
                 client="Regione Toscana", client_type="pa", activity="convegno",
                 occasional=True, paid=False, compensation_cents=0, place="Firenze",
                 valid_from="2025-10-10", valid_to="2025-10-11", request_date="2025-09-20",
                 requested_by="dipendente", status="comunicato", decision_date=None)
    w.assignment(11, "M010", subject="Amministratore del condominio di residenza",
                 client="Condominio Via Roma 12", client_type="privato", client_supplier=False,
                 client_litigation=False, client_permit=False, client_supervised=False,
                 activity="amministratore_condominio", occasional=True, paid=True,
                 compensation_cents=_e(1200), place="Esempio", valid_from="2026-01-01",
                 valid_to="2027-01-01", request_date="2025-12-01", requested_by="dipendente",
                 status="autorizzato", decision_date="2025-12-18")
    w.assignment(12, "M002",
                 subject="Componente del collegio dei revisori del Consorzio Acque Esempio",
                 client="Consorzio Acque Esempio", client_type="pa", client_supplier=False,
                 client_litigation=False, client_permit=False, client_supervised=False,
                 activity="cda_pubblico", occasional=True, paid=True, compensation_cents=_e(2800),
                 place="Esempio", valid_from="2027-01-01", valid_to="2028-01-01",
                 request_date="2026-11-10", requested_by="entrambi", status="in_attesa")
    w.assignment(13, "M003", subject="Progettazione di un impianto fotovoltaico",
                 client="Edil Esempio S.r.l.", client_type="privato", client_supplier=True,
                 client_litigation=False, client_permit=True, client_supervised=None,
                 activity="libero_professionale", occasional=None, paid=True,
                 compensation_cents=_e(4000), place="Esempio", valid_from="2026-11-01",
                 valid_to="2027-03-01", request_date="2026-10-01", requested_by="dipendente",
                 status="in_attesa")
    w.assignment(14, "M007", subject="Istruttore di tiro a segno",
                 client="Associazione Tiro a Segno Esempio", client_type="privato",
                 client_supplier=False, client_litigation=False, client_permit=None,
                 client_supervised=None, activity="docenza", occasional=None, paid=True,
                 compensation_cents=_e(600), place="Esempio", valid_from="2026-12-01",
                 valid_to="2027-06-01", request_date="2026-11-15", requested_by="dipendente",
                 status="in_attesa")
    w.assignment(15, "M008", subject="Volontaria alla Croce Verde", client="Croce Verde Esempio",
                 client_type="privato", activity="volontariato", occasional=False, paid=False,
                 compensation_cents=0, place="Esempio", valid_from="2025-01-01",
                 request_date="2024-12-15", requested_by="dipendente", status="comunicato")
    w.assignment(16, "M009", subject="Docenza in un corso di formazione per dipendenti comunali",
                 client="Unione dei Comuni della Valle", client_type="pa",
                 client_supplier=False, client_litigation=False, client_permit=False,
                 client_supervised=False, activity="docenza", occasional=True, paid=True,
                 compensation_cents=_e(800), place="Esempio", valid_from="2027-01-15",
                 valid_to="2027-02-15", request_date="2026-11-18", requested_by="entrambi",
                 status="in_attesa")
    w.assignment(17, "M011", subject="Lavoro dipendente part-time", client="Bar Centrale S.n.c.",
                 client_type="privato", client_supplier=False, client_litigation=False,
                 client_permit=False, client_supervised=False, activity="lavoro_subordinato",
                 occasional=False, paid=True, compensation_cents=_e(8000), place="Esempio",
                 valid_from="2018-05-01", request_date="2018-04-12", requested_by="dipendente",
                 status="comunicato")


def _collaborations(w: Writer) -> None:
    w.collaboration("2026/1", "AREA-AMM", contractor="Studio Legale Ferraro",
                    subject="Consulenza sul nuovo regolamento dei contratti", kind="occasionale",
                    amount_cents=_e(4800), procedure="comparativa", notice_date="2026-01-10",
                    notice_deadline="2026-01-26", invited=None, publication_date="2026-02-05",
                    valid_from="2026-02-05", valid_to="2027-01-01",
                    act="Determinazione Area Amministrativa n. 9/2026")
    w.collaboration("2026/2", "UP-PNRR", contractor="Paolo Serra",
                    subject="Supporto alla rendicontazione dei progetti PNRR", kind="cococo",
                    amount_cents=_e(18000), procedure="diretta", direct_reason="b",
                    publication_date=None, valid_from="2026-03-01", valid_to="2027-03-01",
                    act="Determinazione del Segretario n. 5/2026")
    w.collaboration("2026/3", "AREA-TEC", contractor="Lucia Bassi",
                    subject="Studio di fattibilità per la riqualificazione della piazza",
                    kind="occasionale", amount_cents=_e(3500), procedure="indagine_mercato",
                    notice_date="2026-05-02", notice_deadline="2026-05-09", invited=2,
                    publication_date="2026-05-20", valid_from="2026-05-20",
                    valid_to="2026-09-30", act="Determinazione Area Tecnica n. 33/2026")


def _evaluations(w: Writer) -> None:
    po = {  # allegato F: 30 / 40 / 20 / 10
        "M001": [(27, 36, 18, 9), (28, 37, 18, 9), (28, 38, 19, 9)],
        "M002": [(25, 33, 16, 7), (26, 34, 17, 8), (26, 35, 17, 8)],
        "M003": [(22, 25, 12, 5), (21, 24, 11, 4), (20, 24, 10, 4)],
        "M004": [(26, 35, 17, 8), (27, 36, 18, 8), (27, 34, 18, 8)],
    }
    for code, years in po.items():
        for year, (org, ris, comp, val) in zip((2023, 2024, 2025), years):
            w.evaluation(code, year, "F", {"performance_organizzativa": org, "risultati": ris,
                                           "comportamenti": comp, "capacita_valutare": val})
    w.evaluation("M012", 2025, "F", {"performance_organizzativa": 24, "risultati": 32,
                                     "comportamenti": 16, "capacita_valutare": 6})
    staff = {  # allegato G: 60 / 20 / 10 / 10
        "M005": [(55, 18, 9, 9), (56, 18, 9, 9), (57, 19, 9, 9)],
        "M007": [(50, 16, 8, 8), (48, 15, 7, 8), (52, 16, 8, 8)],
        "M008": [(54, 17, 8, 9), (54, 18, 8, 9), (55, 18, 9, 9)],
        "M009": [(45, 14, 7, 8), (50, 16, 8, 8), (56, 18, 9, 8)],
        "M010": [(42, 13, 6, 8), (44, 14, 6, 8), (44, 14, 7, 8)],
        "M011": [(48, 15, 7, 8), (48, 15, 7, 8), (50, 16, 8, 8)],
    }
    for code, years in staff.items():
        for year, (ris, comp, cpt, po_score) in zip((2023, 2024, 2025), years):
            w.evaluation(code, year, "G", {"risultati": ris, "comportamenti": comp,
                                           "competenze_professionali": cpt,
                                           "valutazione_po": po_score})
    for year, (org, ind, cpt) in zip((2023, 2024, 2025), [(22, 21, 44), (23, 22, 45),
                                                          (23, 23, 46)]):
        w.evaluation("S001", year, "E", {"performance_organizzativa": org,
                                         "performance_individuale": ind,
                                         "competenze_professionali": cpt})
    # Allegato D: the regulation's own worked example (G = 70,70) for Servizi sociali.
    w.grading("AREA-SOC", 2026, {"A1": 90, "A2": 60, "B1": 60, "B2": 40, "B3": 70, "B4": 80,
                                 "C1": 90, "C2": 70, "C3": 30})
    w.grading("AREA-AMM", 2026, {"A1": 95, "A2": 80, "B1": 80, "B2": 90, "B3": 80, "B4": 85,
                                 "C1": 80, "C2": 70, "C3": 60})
    w.grading("AREA-FIN", 2026, {"A1": 90, "A2": 85, "B1": 50, "B2": 90, "B3": 70, "B4": 70,
                                 "C1": 60, "C2": 60, "C3": 60})
    w.grading("AREA-TEC", 2026, {"A1": 90, "A2": 85, "B1": 70, "B2": 90, "B3": 70, "B4": 60,
                                 "C1": 80, "C2": 60, "C3": 70})
    w.grading("AREA-VIG", 2026, {"A1": 70, "A2": 50, "B1": 40, "B2": 70, "B3": 50, "B4": 60,
                                 "C1": 80, "C2": 60, "C3": 60})
