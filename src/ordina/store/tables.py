"""The spreadsheet tables: Italian headers, how each cell is read, and the natural keys.

One spec per importable table says, for every column: the Italian header, the
database column, how to read and write the cell, and whether it is required. The
importer, the exporter and the README's header lists all come from these specs, so
they cannot drift apart.

Periods: ``dal`` is the first day and ``al`` the **last day included**, as people write
them; the database stores ``[dal, al + 1 day)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ordina.store import vocab


@dataclass(frozen=True)
class Column:
    """One spreadsheet column.

    ``kind`` is one of: text, int, number, amount, bool, date, end (inclusive last day),
    pct (1-100), category, vocab (see ``choices``), unit, person, post, scheme, component.
    """

    header: str
    column: str
    kind: str = "text"
    required: bool = False
    choices: dict[str, vocab.Term] | None = None
    help: str = ""
    aliases: tuple[str, ...] = ()
    default: object = None


@dataclass(frozen=True)
class TableSpec:
    """How one spreadsheet maps to one database table."""

    name: str
    table: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    description: str
    id_column: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def column(self, header: str) -> Column:
        return next(c for c in self.columns if c.header == header)


def _c(header: str, column: str, kind: str = "text", required: bool = False, **kw) -> Column:
    return Column(header, column, kind, required, **kw)


_PERIOD = (_c("dal", "valid_from", "date", True, help="primo giorno"),
           _c("al", "valid_to", "end", help="ultimo giorno compreso; vuoto = in corso"))

SPECS: tuple[TableSpec, ...] = (
    TableSpec("ente", "ente", (
        _c("chiave", "key", required=True, help="nome, abitanti, patrono (MM-GG), ..."),
        _c("valore", "value", required=True)), key=("chiave",),
        description="dati del Comune (nome, abitanti, santo patrono)"),
    TableSpec("unita", "units", (
        _c("codice", "code", required=True, help="codice univoco, es. AREA-TEC"),
        _c("nome", "name", required=True),
        _c("tipo", "kind", "vocab", True, choices=vocab.UNIT_KINDS),
        _c("unita_superiore", "parent_id", "unit", help="codice dell'unità che la contiene"),
        *_PERIOD,
        _c("atto", "act", help="atto istitutivo")), key=("codice",),
        description="unità organizzative e organi collegiali"),
    TableSpec("persone", "people", (
        _c("codice", "code", required=True, help="matricola o codice univoco",
           aliases=("matricola",)),
        _c("cognome", "surname", required=True),
        _c("nome", "given_name", required=True),
        _c("sesso", "sex", "vocab", choices=vocab._vocab(vocab.Term("F", "femmina"),
                                                          vocab.Term("M", "maschio"))),
        _c("data_nascita", "birth_date", "date"),
        _c("cittadinanza", "citizenship", help="sigla del paese, es. IT"),
        _c("livello_titolo_studio", "degree_level", "vocab", choices=vocab.DEGREE_LEVELS),
        _c("titolo_studio", "degree"),
        _c("data_assunzione", "hire_date", "date"),
        _c("anni_esperienza", "experience_years", "int",
           help="anni di esperienza in valutazione e controllo (art. 37 c. 5)")),
        key=("codice",), description="persone: dipendenti, amministratori, esterni, familiari",
        extra={"private": "people_private"}),
    TableSpec("posti", "posts", (
        _c("codice", "code", required=True),
        _c("profilo", "profile", required=True),
        _c("categoria", "category", "category", True),
        _c("unita", "unit_id", "unit"),
        *_PERIOD,
        _c("atto", "act")), key=("codice",),
        description="posti della dotazione organica (art. 5, allegato A)"),
    TableSpec("inquadramenti", "employments", (
        _c("persona", "person_id", "person", True, help="codice della persona"),
        *_PERIOD,
        _c("categoria", "category", "category", True, help="A, B1, B3, C, D1, D3, DIR, SEG "
                                                           "o l'area CCNL 2022"),
        _c("posizione_economica", "economic_position", help="es. C3"),
        _c("profilo", "profile"),
        _c("unita", "unit_id", "unit"),
        _c("posto", "post_id", "post", help="codice del posto in dotazione organica"),
        _c("contratto", "contract", "vocab", True, choices=vocab.CONTRACTS),
        _c("part_time", "part_time_pct", "pct", help="percentuale 1-100; vuoto = 100",
           default=100),
        _c("retribuzione_annua", "salary_cents", "amount",
           help="trattamento economico fondamentale lordo annuo"),
        _c("atto", "act")), key=("persona", "dal"),
        description="inquadramento, unità, contratto, part-time e retribuzione nel tempo"),
    TableSpec("incarichi", "offices", (
        _c("persona", "person_id", "person", True),
        _c("carica", "office", "vocab", True, choices=vocab.OFFICES),
        _c("unita", "unit_id", "unit"),
        _c("ruolo", "role", help="es. presidente, deleghe dell'assessore"),
        *_PERIOD,
        _c("atto", "act", help="atto di conferimento"),
        _c("ad_interim", "ad_interim", "bool", default=False),
        _c("sostituisce", "replaces_person_id", "person", help="titolare sostituito ad interim"),
        _c("indennita_posizione", "position_allowance_cents", "amount"),
        _c("compenso", "compensation_cents", "amount")),
        key=("persona", "carica", "unita", "dal"),
        description="cariche e incarichi nel tempo, con l'atto di conferimento"),
    TableSpec("assenze", "absences", (
        _c("persona", "person_id", "person", True),
        _c("tipo", "kind", "vocab", True, choices=vocab.ABSENCE_KINDS),
        *_PERIOD,
        _c("note", "note")), key=("persona", "tipo", "dal"),
        description="assenze (ferie, malattia, maternità, aspettativa, ...)"),
    TableSpec("legami_familiari", "family_links", (
        _c("persona", "person_id", "person", True),
        _c("legame", "kind", "vocab", True, choices=vocab.FAMILY_LINKS,
           help="genitore: la persona è genitore del familiare"),
        _c("familiare", "relative_id", "person", True),
        _c("dal", "valid_from", "date"),
        _c("al", "valid_to", "end"),
        _c("motivo_fine", "end_reason", "vocab", choices=vocab.LINK_END_REASONS)),
        key=("persona", "familiare", "legame"),
        description="legami genitore/figlio, coniuge, unione civile, convivenza"),
    TableSpec("incarichi_politici_sindacali", "past_roles", (
        _c("persona", "person_id", "person", True),
        _c("tipo", "kind", "vocab", True, choices=vocab.PAST_ROLE_KINDS),
        _c("organizzazione", "organisation", required=True),
        _c("ruolo", "role"),
        *_PERIOD), key=("persona", "tipo", "organizzazione", "dal"),
        description="incarichi politici e sindacali (art. 14 c. 7)"),
    TableSpec("incarichi_esterni", "external_assignments", (
        _c("numero", "id", "int", True),
        _c("persona", "person_id", "person", True),
        _c("oggetto", "subject", required=True),
        _c("committente", "client", required=True),
        _c("tipo_committente", "client_type", "vocab", choices=vocab.CLIENT_TYPES),
        _c("committente_fornitore", "client_supplier", "bool"),
        _c("committente_contenzioso", "client_litigation", "bool"),
        _c("committente_autorizzazioni", "client_permit", "bool",
           help="chiede o ha ottenuto autorizzazioni, concessioni, sovvenzioni"),
        _c("committente_vigilato", "client_supervised", "bool",
           help="soggetto a controllo o vigilanza della struttura del dipendente"),
        _c("attivita", "activity", "vocab", choices=vocab.ACTIVITY_KINDS),
        _c("occasionale", "occasional", "bool"),
        _c("retribuito", "paid", "bool"),
        _c("compenso", "compensation_cents", "amount"),
        _c("luogo", "place"),
        _c("dal", "valid_from", "date"),
        _c("al", "valid_to", "end"),
        _c("data_richiesta", "request_date", "date"),
        _c("richiesto_da", "requested_by", "vocab", choices=vocab.REQUESTERS),
        _c("esito", "status", "vocab", choices=vocab.ASSIGNMENT_STATUSES, default="in_attesa"),
        _c("data_decisione", "decision_date", "date"),
        _c("note", "note")), key=("numero",), id_column="id",
        description="incarichi esterni dei dipendenti (Titolo IX)"),
    TableSpec("collaborazioni", "collaborations", (
        _c("numero", "number", required=True),
        _c("contraente", "contractor", required=True),
        _c("oggetto", "subject", required=True),
        _c("tipo", "kind", "vocab", True, choices=vocab.COLLABORATION_KINDS),
        _c("importo", "amount_cents", "amount"),
        _c("procedura", "procedure", "vocab", choices=vocab.COLLABORATION_PROCEDURES),
        _c("motivo_affidamento_diretto", "direct_reason", "vocab", choices=vocab.DIRECT_REASONS),
        _c("unita", "unit_id", "unit"),
        _c("data_avviso", "notice_date", "date"),
        _c("scadenza_avviso", "notice_deadline", "date"),
        _c("invitati", "invited", "int"),
        _c("data_pubblicazione", "publication_date", "date"),
        _c("dal", "valid_from", "date"),
        _c("al", "valid_to", "end"),
        _c("atto", "act")), key=("numero",),
        description="incarichi di collaborazione e consulenza (Titolo VII)"),
    TableSpec("mansioni_superiori", "higher_duties", (
        _c("persona", "person_id", "person", True),
        _c("categoria", "category", "category", True),
        _c("motivo", "reason", "vocab", True, choices=vocab.HIGHER_DUTY_REASONS),
        _c("posto", "post_id", "post"),
        _c("sostituisce", "replaces_person_id", "person"),
        _c("copertura_avviata", "filling_started", "bool",
           help="avviate le procedure per coprire il posto (art. 13 c. 1 lett. a)"),
        *_PERIOD,
        _c("atto", "act")), key=("persona", "dal"),
        description="mansioni superiori temporanee (art. 13)"),
    TableSpec("valutazioni", "evaluations", (
        _c("persona", "person_id", "person", True),
        _c("anno", "year", "int", True),
        _c("scheda", "scheme", "scheme", True, help="E, F, G, art42_po, art42_dip"),
        _c("voce", "component", "component", True),
        _c("punti", "points", "number", True)), key=("persona", "anno", "scheda", "voce"),
        description="punteggi delle valutazioni (allegati E, F, G; art. 42)"),
    TableSpec("graduazioni", "position_gradings", (
        _c("unita", "unit_id", "unit", True),
        _c("anno", "year", "int", True),
        _c("sottoparametro", "subparameter", "subparameter", True, help="A1 ... C3"),
        _c("graduazione", "grade", "number", True, help="in centesimi, 0-100")),
        key=("unita", "anno", "sottoparametro"),
        description="graduazione delle posizioni (allegato D)"),
    TableSpec("richieste_part_time", "part_time_requests", (
        _c("persona", "person_id", "person", True),
        _c("data_richiesta", "request_date", "date", True),
        _c("percentuale", "percentage", "pct", True),
        _c("attivita", "activity", help="attività che si intende svolgere"),
        _c("esito", "status", "vocab", choices=vocab.REQUEST_STATUSES, default="in_attesa"),
        _c("data_decisione", "decision_date", "date")), key=("persona", "data_richiesta"),
        description="richieste di trasformazione in part-time (art. 80)"),
)

#: Specs by Italian table name, in dependency order (referenced tables first).
BY_NAME: dict[str, TableSpec] = {s.name: s for s in SPECS}

#: Columns of ``people`` that live in ``people_private``.
PRIVATE_PEOPLE_COLUMNS = ("sex", "birth_date", "citizenship", "degree_level", "degree",
                          "hire_date", "experience_years")

#: Which table each reference kind points to.
REFERENCE_TABLES = {"unit": "units", "person": "people", "post": "posts"}
