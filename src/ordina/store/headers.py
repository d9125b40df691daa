"""Spreadsheet headers as HR suites write them, mapped to the columns of a table.

"Codice fiscale", "Data di nascita", "Cognome e nome", "Matricola", "Qualifica",
"Servizio", "% part-time"…: the thesaurus below is data, compared case- and
accent-insensitively. Columns nobody knows are listed once as ignored (``--strict``
makes them a problem); ``--map "Colonna=campo"`` names the rest. A file whose name does
not say its table gets the table whose columns its headers match best.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ordina.store.tables import SPECS, Column, TableSpec
from ordina.store.text import fold

#: A pseudo-column: "Cognome e nome" in one cell, split into cognome and nome.
FULL_NAME = "cognome_e_nome"
#: A pseudo-column: the codice fiscale, checked and used as the person's code when the
#: sheet has no matricola.
TAX_CODE = "codice_fiscale"

#: Header variants (folded, words joined by "_") -> the canonical header they mean.
#: A variant applies to a table only when the table has that canonical column.
VARIANTS: dict[str, tuple[str, ...]] = {
    "codice": ("matricola", "n_matricola", "numero_matricola", "matr", "cod_dipendente",
               "codice_dipendente", "id_dipendente", "codice_unita", "cod_unita", "id"),
    "persona": ("matricola", "n_matricola", "numero_matricola", "matr", "dipendente_matricola",
                "codice_dipendente", "cod_dipendente", "codice_persona", "id_dipendente"),
    "cognome": ("cognome_dipendente",),
    "nome": ("nome_dipendente", "nome_proprio", "denominazione", "nome_unita"),
    "sesso": ("genere", "m_f"),
    "data_nascita": ("data_di_nascita", "nato_il", "nata_il", "nascita", "dt_nascita"),
    "cittadinanza": ("nazionalita", "stato_cittadinanza"),
    "titolo_studio": ("titolo_di_studio", "titolo"),
    "data_assunzione": ("data_di_assunzione", "assunto_il", "assunzione", "dt_assunzione",
                        "data_inizio_rapporto"),
    "dal": ("data_inizio", "inizio", "decorrenza", "data_decorrenza", "valido_dal", "da"),
    "al": ("data_fine", "fine", "data_cessazione", "data_di_cessazione", "cessazione",
           "cessato_il", "fine_rapporto", "valido_al", "scadenza"),
    "profilo": ("qualifica", "profilo_professionale", "mansione", "figura_professionale"),
    "unita": ("servizio", "settore", "ufficio", "unita_organizzativa", "struttura",
              "area_di_assegnazione", "assegnazione", "centro_di_costo"),
    "categoria": ("cat", "categoria_giuridica", "inquadramento", "area_ccnl"),
    "posizione_economica": ("pos_economica", "posizione_econ", "progressione", "pe"),
    "part_time": ("percentuale_part_time", "part_time_percentuale", "part_time_perc",
                  "percentuale_orario", "orario", "perc_part_time", "p_time"),
    "retribuzione_annua": ("retribuzione", "stipendio_annuo", "retribuzione_annua_lorda",
                           "tabellare_annuo", "trattamento_fondamentale"),
    "contratto": ("tipo_contratto", "tipo_rapporto", "rapporto"),
    "tipo": ("tipologia", "tipo_assenza", "causale"),
    "unita_superiore": ("unita_padre", "dipende_da", "superiore"),
}
FULL_NAME_VARIANTS = ("cognome_e_nome", "cognome_nome", "nominativo", "dipendente",
                      "nome_e_cognome")
TAX_CODE_VARIANTS = ("codice_fiscale", "cod_fiscale", "cf", "c_f", "codfisc", "cod_fisc")


def header_key(text: str) -> str:
    """``"% Part-time"`` -> ``"part_time"``: folded, punctuation dropped, words joined by _."""
    key = fold(str(text)).replace("%", " percentuale ")
    key = re.sub(r"[^a-z0-9]+", " ", key).split()
    words = [w for w in key if w not in ("il", "la", "lo", "del", "della")]
    return "_".join(words)


@dataclass
class HeaderPlan:
    """How a sheet's headers map to a table: one entry per header, in order."""

    columns: list[Column | None]
    """The column each header fills (None: ignored, or a pseudo-column)."""
    full_name: int | None = None
    """Index of a "Cognome e nome" header, split into cognome and nome."""
    tax_code: int | None = None
    """Index of a codice fiscale header."""
    ignored: list[str] = field(default_factory=list)
    """Headers no column takes, as written."""
    repeated: list[str] = field(default_factory=list)
    """Headers naming a column another header already fills."""


def _lookup(spec: TableSpec) -> dict[str, Column]:
    """Every accepted key of the table's columns: header, aliases, variants."""
    by_key: dict[str, Column] = {}
    for col in spec.columns:
        for name in (col.header, *col.aliases):
            by_key.setdefault(header_key(name), col)
    for col in spec.columns:
        for variant in VARIANTS.get(col.header, ()):
            by_key.setdefault(variant, col)
    return by_key


def parse_mapping(items: Iterable[str]) -> dict[str, str]:
    """``["Colonna=campo", ...]`` -> ``{header key: field}``; a bad item is a ValueError."""
    out: dict[str, str] = {}
    for item in items:
        source, sep, target = item.partition("=")
        if not sep or not source.strip() or not target.strip():
            raise ValueError(f"--map '{item}': scrivi 'Colonna del file=campo', "
                             "es. --map \"Qualifica=profilo\"")
        out[header_key(source)] = target.strip()
    return out


def plan(spec: TableSpec, headers: list[str], mapping: Mapping[str, str] | None = None
         ) -> HeaderPlan:
    """Map ``headers`` to the columns of ``spec`` (``mapping`` from :func:`parse_mapping`).

    :raises ValueError: when ``mapping`` names a field the table does not have.
    """
    by_key = _lookup(spec)
    fields = {header_key(c.header): c for c in spec.columns}
    out = HeaderPlan(columns=[])
    seen: set[str] = set()
    for index, header in enumerate(headers):
        key = header_key(header)
        target = (mapping or {}).get(key)
        col: Column | None = None
        if target is not None:
            if header_key(target) == FULL_NAME and spec.name == "persone":
                out.full_name = index
            elif header_key(target) == TAX_CODE:
                out.tax_code = index
            elif header_key(target) in fields:
                col = fields[header_key(target)]
            else:
                raise ValueError(f"--map: la tabella {spec.name} non ha il campo '{target}'; "
                                 f"campi: {', '.join(c.header for c in spec.columns)}")
        elif not key:
            pass
        elif key in by_key:
            col = by_key[key]
        elif key in FULL_NAME_VARIANTS and spec.name == "persone":
            out.full_name = index
        elif key in TAX_CODE_VARIANTS and _takes_tax_code(spec):
            out.tax_code = index
        else:
            out.ignored.append(header)
        if col is not None and col.header in seen:
            out.repeated.append(header)
            col = None
        elif col is not None:
            seen.add(col.header)
        out.columns.append(col)
    return out


def _takes_tax_code(spec: TableSpec) -> bool:
    return any(c.header in ("codice", "persona") for c in spec.columns) and spec.name in (
        "persone", *[s.name for s in SPECS if any(c.kind == "person" for c in s.columns)])


def tax_code_target(spec: TableSpec, plan_: HeaderPlan) -> Column | None:
    """The column a codice fiscale fills when the sheet has no matricola (else None)."""
    header = "codice" if spec.name == "persone" else "persona"
    if not any(c is not None and c.header == header for c in plan_.columns):
        return next((c for c in spec.columns if c.header == header), None)
    return None


def missing_required(spec: TableSpec, plan_: HeaderPlan) -> list[str]:
    """Required columns no header fills (a split name or a codice fiscale count)."""
    filled = {c.header for c in plan_.columns if c is not None}
    if plan_.full_name is not None:
        filled |= {"cognome", "nome"}
    if plan_.tax_code is not None and tax_code_target(spec, plan_) is not None:
        filled.add("codice" if spec.name == "persone" else "persona")
    return [c.header for c in spec.columns if c.required and c.header not in filled]


def infer_table(headers: list[str]) -> TableSpec | None:
    """The table whose columns the headers fill best, with every required one present."""
    best: tuple[int, TableSpec] | None = None
    for spec in SPECS:
        shown = plan(spec, headers)
        if missing_required(spec, shown):
            continue
        score = sum(c is not None for c in shown.columns) + (shown.full_name is not None) * 2
        if best is None or score > best[0]:
            best = (score, spec)
    return best[1] if best else None


_PARTICLES = {"de", "di", "da", "del", "della", "dei", "degli", "lo", "la", "li", "d'", "dal",
              "dalla", "van", "von", "mc", "san", "santo"}


def split_full_name(text: str) -> tuple[str, str]:
    """``"ROSSI Mario"``, ``"Rossi Mario"``, ``"De Luca Anna Maria"`` -> (cognome, nome).

    Words in capitals at the start are the surname; otherwise the first word (with the
    particles before it: de, di, della…) is.
    """
    words = str(text).split()
    if len(words) < 2:
        return (str(text).strip(), "")
    capitals = 0
    while capitals < len(words) and words[capitals].isupper() and len(words[capitals]) > 1:
        capitals += 1
    if 0 < capitals < len(words):
        return (" ".join(words[:capitals]).title(), " ".join(words[capitals:]))
    cut = 0
    while cut < len(words) - 2 and fold(words[cut]) in _PARTICLES:
        cut += 1
    return (" ".join(words[:cut + 1]), " ".join(words[cut + 1:]))


def check_tax_code(text: str) -> str:
    """The codice fiscale in capitals, checked (checksum, birth date) by python-stdnum.

    :raises ValueError: with an Italian message when it is not a valid code.
    """
    from stdnum.exceptions import ValidationError
    from stdnum.it import codicefiscale

    try:
        return codicefiscale.validate(str(text))
    except ValidationError:
        raise ValueError(f"codice fiscale '{text}' non valido (carattere di controllo o "
                         "data di nascita errati)") from None
