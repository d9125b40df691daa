"""I doveri del regolamento, uno per comma: the catalogue ``checks/obblighi.py`` answers from.

Each :class:`Dovere` is a comma (canonical citation), what it asks in plain Italian, and
the comma's own words that say it: a test resolves every citation in the corpus and finds
those words in the cited text, so a duty cannot drift from its source. Grouped by who
bears it: every employee (Titolo IX, missions), the responsabile del procedimento, the
Responsabile di Area, the Segretario and the RPC, the Vice Segretario, the responsabile
del personale, the Datore di lavoro, the Sindaco. Where two commi disagree the line says
so. No hooks: this module is data, imported by ``obblighi.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ordina import termini
from ordina.norma import Norma
from ordina.termini import CONFLITTO_INTERESSI, RISPOSTA_AUTORIZZAZIONE

#: art. 87 c. 1 and c. 3: the prohibitions bind full time and part-time above 50%.
SOGLIA_PART_TIME = termini.SOGLIA_PART_TIME
#: art. 88 c. 3: authorised compensation in a year ≤ one fifth of the gross base salary.
QUOTA_TETTO = termini.QUOTA_TETTO
#: art. 28 c. 1: the intermediate evaluations, as (month, day).
VALUTAZIONI_INTERMEDIE = Norma(((5, 31), (9, 30)), "art. 28 c. 1",
                               "Entro il 31 maggio ed il 30 settembre di ogni anno")


@dataclass(frozen=True)
class Dovere:
    """One duty: the comma, what it asks, and the comma's own words that say it."""

    cite: str
    says: str
    quote: str


# ------------------------------------------------------------------ every employee (Titolo IX)
D86 = Dovere("art. 86 c. 1", "Non svolgere alcuna attività che non sia conciliabile con i doveri "
             "d'ufficio e con l'immagine e il prestigio dell'Ente.",
             "qualunque attività che non sia conciliabile con i doveri d’ufficio")
D87_1 = Dovere("art. 87 c. 1", "A tempo pieno o con part-time oltre il 50%, non svolgere le "
               "attività vietate: commerciali e industriali; libero professionali e consulenze "
               "abituali, sistematiche e continuative; lavoro alle dipendenze di privati o di "
               "altre amministrazioni; cariche in società a fine di lucro; incarichi che "
               "interferiscono con il servizio, in conflitto di interessi o che pregiudicano "
               "l'imparzialità; incarichi da chi ha contenziosi con l'ente o ne ottiene "
               "sovvenzioni, concessioni o altri atti di consenso, da fornitori dell'ente o da "
               "soggetti che il dipendente o la sua struttura controlla; incarichi tecnici per "
               "opere pubbliche del territorio; patrocinio per soggetti del territorio.",
               "è fatto divieto di svolgere le seguenti attività")
D87_3 = Dovere("art. 87 c. 3", "Con part-time fino al 50% l'attività professionale e di lavoro "
               "subordinato è ammessa, nel rispetto dell'art. 86, con l'obbligo di comunicarla "
               "all'ente.", "fermo restando il vincolo di comunicazione all’ente")
D87_2 = Dovere("art. 87 c. 2", "Gli incarichi dell'elenco (consulenze, collaudi, commissioni, "
               "docenza, arbitrati, rilevazioni statistiche, amministratore di condominio...) "
               "si possono svolgere solo se autorizzati, se occasionali e se accrescono la "
               "professionalità.", "sempre che gli stessi abbiano carattere occasionale")
D88_4 = Dovere("art. 88 c. 4", "L'autorizzazione va chiesta sia dal dipendente sia dal soggetto "
               "che conferisce l'incarico.",
               "deve essere richiesta sia dal dipendente che dal soggetto che conferisce")
D88_5 = Dovere("art. 88 c. 5", "La richiesta deve indicare l'oggetto dell'incarico, chi paga il "
               "compenso, il luogo, la durata, il compenso lordo previsto e la dichiarazione di "
               "non interferenza con l'attività ordinaria.",
               "La richiesta di autorizzazione deve contenere le seguenti informazioni")
D88_1_DIP = Dovere("art. 88 c. 1", "Sulla richiesta di un dipendente decide il titolare di "
                   "posizione organizzativa, sentito il responsabile del personale e informato il "
                   "responsabile per la prevenzione della corruzione.",
                   "per i dipendenti dai titolari di posizione organizzativa sentito il "
                   "responsabile del personale")
D88_1_PO = Dovere("art. 88 c. 1", "Sulla richiesta di un titolare di posizione organizzativa "
                  "decide il responsabile per la prevenzione della corruzione.",
                  "per i titolari di posizione organizzativa dal responsabile per la "
                  "prevenzione della corruzione")
D88_3 = Dovere("art. 88 c. 3", "Gli incarichi autorizzati non possono portare nell'anno, tutti "
               "insieme, un compenso lordo superiore a un quinto del trattamento economico "
               "fondamentale lordo.", QUOTA_TETTO.quote)
D89 = Dovere("art. 89 c. 1", "Per attività gratuite, volontariato, pubblicazioni, opere "
             "dell'ingegno, convegni e seminari, incarichi con il solo rimborso spese, in "
             "aspettativa o comando, sindacali, formazione ai dipendenti pubblici, docenze e "
             "ricerca scientifica non serve l'autorizzazione: basta la comunicazione tempestiva.",
             "è sufficiente la semplice comunicazione tempestiva")
D88_6 = Dovere("art. 88 c. 6", f"La richiesta deve avere risposta entro "
               f"{RISPOSTA_AUTORIZZAZIONE.value} giorni; senza risposta si intende respinta per "
               "le attività con privati e accolta per quelle con pubbliche amministrazioni.",
               RISPOSTA_AUTORIZZAZIONE.quote)
D91_1 = Dovere("art. 91 c. 1", "Chi svolge un incarico senza la prescritta autorizzazione, o con "
               "una richiesta non veritiera, è diffidato a cessare l'incompatibilità entro 30 "
               "giorni.", "senza la prescritta autorizzazione")
D91_2 = Dovere("art. 91 c. 2", "Se l'incompatibilità non cessa dopo la diffida si irroga il "
               "licenziamento per giusta causa.", "licenziamento per giusta causa")
D91_4 = Dovere("art. 91 c. 4", "Il compenso di prestazioni svolte senza autorizzazione va versato "
               "all'ente, dall'erogante o, in difetto, dal dipendente.",
               "in difetto dal dipendente")
D76_4 = Dovere("art. 76 c. 4", "In trasferta usare prima di tutto i mezzi dell'Amministrazione, "
               "se disponibili, e il mezzo pubblico.",
               "dovrà prioritariamente utilizzare i mezzi di trasporto di proprietà")
D76_5 = Dovere("art. 76 c. 5", "Il mezzo proprio si usa solo con l'autorizzazione preventiva "
               "del titolare di posizione organizzativa, nei casi elencati dal comma.",
               "sono preventivamente autorizzati dal Titolare di Posizione Organizzativa")
D76_6 = Dovere("art. 76 c. 6", "Sul mezzo dell'ente, o sul proprio usato per servizio, non si "
               "trasportano persone non autorizzate.", "di persone non autorizzate")
D4_6 = Dovere("art. 4 c. 6", "In caso di conflitto di interessi, anche potenziale, astenersi e "
              f"segnalarlo entro {CONFLITTO_INTERESSI.value} giorni al responsabile di area "
              "competente o, se il conflitto riguarda lui, al responsabile anticorruzione (il "
              "comma rinvia al codice di comportamento integrativo per procedimento e termine).",
              CONFLITTO_INTERESSI.quote)

# ------------------------------------------------------------------ responsabile del procedimento
D45_4 = Dovere("art. 45 c. 4", "Predisporre la proposta di determinazione e sottoporla al "
               "Responsabile di area per l'adozione, salvo delega.",
               "La proposta di determinazione è predisposta dal Responsabile del procedimento")
D45_6 = Dovere("art. 45 c. 6", "Sottoscrivere la proposta di determinazione e gli atti "
               "istruttori che predispone.", "lo stesso deve essere opportunamente sottoscritto")

# ------------------------------------------------------------------ Responsabile di Area (PO)
D8_1 = Dovere("art. 8 c. 1", "Organizzare i servizi e gli uffici, nell'ambito delle direttive e "
              "degli indirizzi degli Organi di governo, e adottare i connessi atti di gestione.",
              "organizzazione dei servizi e degli uffici")
D8_2 = Dovere("art. 8 c. 2", "Presiedere le commissioni di gara e di concorso e rispondere delle "
              "procedure; stipulare i contratti; adottare gli atti di gestione finanziaria "
              "(impegni di spesa), di amministrazione e gestione del personale, le "
              "autorizzazioni e concessioni, le attestazioni e certificazioni.",
              "la presidenza delle commissioni di gara e di concorso")
D8_3 = Dovere("art. 8 c. 3", "Curare un linguaggio semplice e chiaro negli atti, agevolare "
              "l'accesso dei cittadini ai servizi, valutare periodicamente efficienza, efficacia, "
              "economicità e soddisfazione dell'utenza, sviluppare la comunicazione integrata, "
              "stabilire gli standard di prestazione.",
              "siano redatti con un linguaggio semplice e chiaro")
D8_4 = Dovere("art. 8 c. 4", "Rispondere agli organi di direzione politica degli obiettivi, dei "
              "risultati della gestione, della funzionalità della struttura, della correttezza "
              "degli atti e del buon andamento.",
              "risponde nei confronti degli organi di direzione politica")
D81_1 = Dovere("art. 81 c. 1", "Concedere al personale della struttura ferie (secondo la "
               "pianificazione, concordate prima con il Segretario), permessi retribuiti e brevi, "
               "e disporne i recuperi.", "la concessione di ferie secondo l’apposita pianificazione")
D76_2 = Dovere("art. 76 c. 2", "Autorizzare le missioni dei dipendenti della propria struttura.",
               "autorizzano le missioni dei dipendenti incardinati nella propria struttura")
D76_5_PO = Dovere("art. 76 c. 5", "Autorizzare preventivamente l'uso del mezzo proprio, solo nei "
                  "casi elencati.", D76_5.quote)
D75_4 = Dovere("art. 75 c. 4", "Autorizzare la partecipazione a congressi, convegni, corsi e "
               "seminari, finché manca il piano di formazione.", "è autorizzata dai responsabili "
               "di Area")
D27_1 = Dovere("art. 27 c. 1", "Subito dopo l'approvazione del PEG, assegnare ai dipendenti della "
               "struttura gli obiettivi, con indicatori e pesi.",
               "subito dopo l’approvazione del PEG assegnano ai dipendenti")
D28_1 = Dovere("art. 28 c. 1", "Valutare in via intermedia l'attività del personale assegnato "
               "entro il 31 maggio e il 30 settembre e comunicargliene gli esiti (una sola "
               "valutazione, entro il 30 settembre, se bilancio o PEG non sono adottati entro "
               "febbraio).", "deve essere effettuata anche dai responsabili di AREA")
D20_7 = Dovere("art. 20 c. 7", "Valutare i dipendenti assegnati all'Area con la metodologia "
               "dell'allegato G.", "valutano i dipendenti assegnati all’area")
D88_1_PO_DECIDE = Dovere("art. 88 c. 1", "Valutare le richieste di autorizzazione agli incarichi "
                         "esterni dei dipendenti, sentito il responsabile del personale e "
                         "informato il responsabile per la prevenzione della corruzione, secondo "
                         "i criteri del comma (occasionalità, non interferenza, natura "
                         "dell'attività, modalità, impegno, crescita professionale).",
                         D88_1_DIP.quote)
D88_2 = Dovere("art. 88 c. 2", "Nel valutarle, considerare il compenso come indice della "
               "gravosità dell'impegno e verificare gli altri incarichi già autorizzati.",
               "ulteriori incarichi già autorizzati")
D80_2 = Dovere("art. 80 c. 2", "Valutare le richieste di part-time e autorizzarle se non ostano "
               "gravi ragioni di servizio e l'attività che si vuole svolgere non è in contrasto "
               "o in concorrenza con quella del Comune né in conflitto di interessi (il testo "
               "dice «determini comunque conflitto di interessi»: si legge come un divieto).",
               "la autorizza ove non ostino gravi ragioni di servizio")
D91_5_PO = Dovere("art. 91 c. 5", "Sostenere il responsabile per la prevenzione della corruzione "
                  "nella vigilanza sugli incarichi esterni.",
                  "si avvale del supporto dei titolari di posizione organizzativa")
D48_6 = Dovere("art. 48 c. 6", "Partecipare alla Conferenza dei responsabili: è obbligatorio.",
               "alla Conferenza è obbligatoria")
D45_9 = Dovere("art. 45 c. 9", "Pubblicare all'Albo pretorio online, per 10 giorni, le "
               "determinazioni adottate che comportano impegni di spesa.",
               "per la durata di 10 giorni a cura del responsabile che l’ha adottata")
D45_5 = Dovere("art. 45 c. 5", "Se non condivide la proposta del responsabile del procedimento, "
               "darne atto nel provvedimento e motivare.",
               "deve darne espressamente atto nel provvedimento e motivare le ragioni")
D12_2 = Dovere("art. 12 c. 2", "Risponde direttamente delle mansioni superiori svolte fuori dai "
               "casi previsti dalla normativa.",
               "è direttamente responsabile il titolare di posizione organizzativa")
D83_2_AREE = Dovere("art. 83 c. 2", "Eseguire gli adempimenti amministrativi, contabili e "
                    "finanziari che seguono alle disposizioni del Datore di lavoro per la "
                    "sicurezza.", "tenuti ad ogni conseguente adempimento amministrativo")

# ------------------------------------------------------------------ Segretario, RPC, Vice
S6_1 = Dovere("art. 6 c. 5 trattino 1", "Collaborare con gli Organi dell'Ente e i Responsabili "
              "di Area e assisterli sulla conformità dell'azione amministrativa a leggi, Statuto "
              "e Regolamenti.", "svolge compiti di collaborazione e funzioni di assistenza")
S6_2 = Dovere("art. 6 c. 5 trattino 2", "Sovrintendere alle funzioni dei Responsabili di Area, "
              "coordinarne l'attività ed emanare direttive operative; adottare i provvedimenti "
              "disciplinari e irrogare le sanzioni di competenza.",
              "sovrintende allo svolgimento delle funzioni dei Responsabili di Area")
S6_3 = Dovere("art. 6 c. 5 trattino 3", "Partecipare alle riunioni del Consiglio e della Giunta "
              "con funzioni consultive, referenti e di assistenza, curandone la verbalizzazione.",
              "curandone la verbalizzazione")
S6_4 = Dovere("art. 6 c. 5 trattino 4", "Può rogare i contratti dell'Ente e autenticare "
              "scritture private e atti unilaterali nel suo interesse.",
              "può rogare tutti i contratti")
S6_5 = Dovere("art. 6 c. 5 trattino 5", "Esercitare le altre funzioni attribuite da Statuto e "
              "Regolamenti o conferite dal Sindaco.", "esercita ogni altra funzione attribuita")
S6_6 = Dovere("art. 6 c. 5 trattino 6", "Autorizzare ferie e permessi dei responsabili (e, per "
              "questo trattino, le loro missioni) garantendo la piena funzionalità dell'ente.",
              "relativamente ai responsabili autorizza le missioni")
S76_1 = Dovere("art. 76 c. 1", "Conflitto tra norme: le missioni del Segretario e dei "
               "responsabili le autorizza il Sindaco secondo l'art. 76 (ripetuto al c. 8), norma "
               "speciale che prevale sull'elenco generale dell'art. 6.",
               "Le missioni del Segretario e dei responsabili sono autorizzate dal Sindaco")
S6_7 = Dovere("art. 6 c. 5 trattino 7", "Presiedere le commissioni per le selezioni dei "
              "dipendenti di categoria D.", "assume la presidenza delle Commissioni")
S6_8 = Dovere("art. 6 c. 5 trattino 8", "Esercitare la funzione di responsabile della "
              "prevenzione della corruzione, salvo diversa e motivata determinazione.",
              "esercita la funzione di responsabile della prevenzione della corruzione")
S6_9 = Dovere("art. 6 c. 5 trattino 9", "Esercitare il potere sostitutivo (art. 2 c. 9-bis l. "
              "241/1990; accesso civico, art. 5 c. 4 d.lgs. 33/2013).",
              "le funzioni di titolare del potere sostitutivo")
S4_3 = Dovere("art. 4 c. 3", "Sovrintendere, con compiti di coordinamento, alle funzioni dei "
              "responsabili, garantendo l'unitarietà operativa dell'organizzazione.",
              "garantendo l’unitarietà operativa")
S48_2 = Dovere("art. 48 c. 2", "Convocare e presiedere la Conferenza dei responsabili.",
               "convocata e presieduta dal Segretario")
S82_2 = Dovere("art. 82 c. 2", "Presiedere l'Ufficio per i procedimenti disciplinari, che ha "
               "sede nell'Ufficio del Segretario.", "è presieduto dal Segretario")
S81_1 = Dovere("art. 81 c. 1", "Concordare nella programmazione la concessione delle ferie dei "
               "dipendenti; concedere ferie e permessi ai responsabili.",
               "Per i responsabili tale compito è attribuito al Segretario")
S75_5 = Dovere("art. 75 c. 5", "Autorizzare la partecipazione dei responsabili di Area alle "
               "iniziative di formazione.", "è autorizzata dal Segretario")
S27_3 = Dovere("art. 27 c. 3", "Il suo ufficio compila le schede di valutazione dei dipendenti, "
               "tenendo conto della valutazione dei responsabili.",
               "vengono compilate dall’ufficio del segretario comunale")
R88_1 = Dovere("art. 88 c. 1", "Decidere sulle richieste di incarichi esterni dei titolari di "
               "posizione organizzativa; essere informato di quelle dei dipendenti.",
               D88_1_PO.quote)
R91_5 = Dovere("art. 91 c. 5", "Vigilare sull'applicazione delle norme sugli incarichi esterni, "
               "con il supporto dei titolari di posizione organizzativa.",
               "è preposto il responsabile per la prevenzione della corruzione")
R75_3 = Dovere("art. 75 c. 3", "Individuare i fabbisogni formativi da inserire nel piano di "
               "formazione del personale.",
               "i fabbisogni formativi individuati dal responsabile della prevenzione")
R4_6 = Dovere("art. 4 c. 6", "Ricevere le segnalazioni di conflitto di interessi che riguardano "
              "un responsabile di area.", "al responsabile anticorruzione")
V7_1 = Dovere("art. 7 c. 1", "Coadiuvare il Segretario e sostituirlo in caso di vacanza, "
              "assenza o impedimento.", "coadiuva il segretario e lo sostituisce")

# ------------------------------------------------------------------ personale, sicurezza, Sindaco
P81_2 = Dovere("art. 81 c. 2", "È competente per le assenze per malattia o infortunio, le "
               "astensioni per maternità e le aspettative.",
               "è competente in materia di assenze per malattia")
P88_1 = Dovere("art. 88 c. 1", "Essere sentito sulle richieste di autorizzazione agli incarichi "
               "esterni dei dipendenti.", "sentito il responsabile del personale")
P14_8 = Dovere("art. 14 c. 8", "All'atto del conferimento, autocertificare di non avere, ora o "
               "negli ultimi 2 anni, incarichi politici o sindacali (c. 7); l'ente può "
               "controllare.", "autocertificazione che deve essere prodotta dal soggetto "
               "interessato")
DL83_2 = Dovere("art. 83 c. 2", "Esercitare i poteri gestionali connessi e assolvere tutti gli "
                "obblighi del D.Lgs. 81/2008, anche con disposizioni ai responsabili delle Aree "
                "interessate.", "provvederà all’assolvimento di tutti gli obblighi normativi")
DL83_3 = Dovere("art. 83 c. 3", "Designare il responsabile del servizio di prevenzione e "
                "protezione interno.", "designa il responsabile del servizio di prevenzione")
DL83_4 = Dovere("art. 83 c. 4", "Nominare il medico competente.", "nomina il medico competente")
SI17_3 = Dovere("art. 17 c. 3", "Individuare chi sostituisce ad interim il titolare di "
                "posizione organizzativa assente o il posto vacante.",
                "All’individuazione del sostituto provvede il Sindaco")
SI14_1 = Dovere("art. 14 c. 1", "Conferire gli incarichi di Responsabile di Area a dipendenti di "
                "categoria D.", "sono conferiti dal Sindaco a dipendenti di categoria D")
SI76_1 = Dovere("art. 76 c. 1", "Autorizzare le missioni del Segretario e dei responsabili.",
                S76_1.quote)
SI81_1 = Dovere("art. 81 c. 1", "Provvedere alle ferie del Segretario.",
                "Per il Segretario provvede direttamente il Sindaco")
SI75_6 = Dovere("art. 75 c. 6", "Autorizzare la formazione del Segretario.",
                "La partecipazione del Segretario è autorizzata dal Sindaco")
SI28_6 = Dovere("art. 28 c. 6", "Decidere la valutazione finale entro il 30 aprile dell'anno "
                "successivo, motivando se si discosta dalla proposta del Nucleo.",
                "entro il 30 aprile dell’anno successivo")
SI83_1 = Dovere("art. 83 c. 1", "Nominare tra i responsabili il Datore di lavoro per la "
                "sicurezza (D.Lgs. 81/2008).", "nomina tra i responsabili il Datore di Lavoro")


def every_duty() -> dict[str, Dovere]:
    """Every :class:`Dovere` of this module, by constant name (the tests check each one)."""
    return {name: value for name, value in globals().items() if isinstance(value, Dovere)}
