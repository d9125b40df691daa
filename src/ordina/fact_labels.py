"""Short Italian names of the facts, for lines like "retribuito: sì".

The vocabulary (``ordina.facts.FACTS``) names facts with ids such as ``paid``; those ids
are for ``--fact`` and JSON, never for people. A fact without an entry here is named by
the first clause of its description ("carattere occasionale dell'incarico").
"""

from __future__ import annotations

import re

#: Fact id -> the name people read.
LABELS: dict[str, str] = {
    "part_time_percent": "percentuale del rapporto di lavoro",
    "is_po_holder": "titolare di posizione organizzativa",
    "is_area_head": "responsabile di area",
    "profile": "profilo professionale",
    "category": "categoria",
    "area": "area",
    "years_of_service": "anni di servizio",
    "permanent": "a tempo indeterminato",
    "hire_date": "data di assunzione",
    "annual_base_salary": "trattamento economico fondamentale annuo",
    "activity_kind": "tipo di attività",
    "client_type": "committente",
    "client_relation": "rapporto del committente con il Comune",
    "client_in_territory": "committente del territorio",
    "paid": "retribuito",
    "expenses_only": "solo rimborso spese",
    "compensation": "compenso",
    "already_authorised_this_year": "già autorizzato nell'anno",
    "occasional": "occasionale",
    "professional_growth": "crescita professionale",
    "interferes_with_service": "interferisce con il servizio",
    "conflict_of_interest": "conflitto di interessi",
    "request_date": "data della richiesta",
    "request_answered": "richiesta con risposta",
    "authorised": "autorizzato",
    "warning_date": "data della diffida",
    "absence_kind": "motivo dell'assenza",
    "date": "data",
    "days": "giorni",
    "start_date": "decorrenza",
    "assignment_id": "incarico",
}

_CLAUSE_END = re.compile(r"\s*[(:;]")


def label_for(name: str, description: str = "") -> str:
    """The name people read for fact ``name``."""
    if name in LABELS:
        return LABELS[name]
    clause = _CLAUSE_END.split(description, maxsplit=1)[0].strip()
    return clause or name.replace("_", " ")
