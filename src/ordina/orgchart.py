"""How the Comune's units sit inside one another, from the database on a date (art. 9).

«Quali servizi ci sono nell'Area Amministrativa?», «sotto che area sta l'Ufficio
Protocollo?», «how many Areas does the Comune have?»: the Areas are the units of highest
level (art. 9 c. 1-2), the Servizi are parts of an Area (art. 9 c. 4), the Uffici are units
inside a Servizio (art. 9 c. 5); staff offices stand outside that line (art. 9 c. 7) and
project units are set up for a time (art. 11 c. 1). Plain look-ups: they decide nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ordina.formato import data

#: The comma that says what each kind of unit is.
KIND_CITATIONS = {"area": "art. 9 c. 2", "servizio": "art. 9 c. 4", "ufficio": "art. 9 c. 5",
                  "staff": "art. 9 c. 7", "unita_progetto": "art. 11 c. 1"}
#: What each kind is called in a sentence (singular, plural; Italian, English).
_KIND_WORDS = {
    "area": (("Area", "Aree"), ("Area", "Areas")),
    "servizio": (("Servizio", "Servizi"), ("Service", "Services")),
    "ufficio": (("Ufficio", "Uffici"), ("Office", "Offices")),
    "staff": (("ufficio di staff", "uffici di staff"), ("staff office", "staff offices")),
    "unita_progetto": (("unità di progetto", "unità di progetto"),
                       ("project unit", "project units")),
}
#: The kinds of the organisation's line, as art. 9 sets them; collegial bodies are not parts.
_LINE = ("area", "servizio", "ufficio", "staff", "unita_progetto")

def _kind(kind: str, english: bool, plural: bool = False) -> str:
    words = _KIND_WORDS.get(kind)
    if words is None:
        return kind
    return words[1 if english else 0][1 if plural else 0]


def parts_text(db: Any, unit: Any, on: date, english: bool = False) -> tuple[str, list[str]]:
    """Where ``unit`` sits (the units above it) and the units directly inside it."""
    from ordina.store import queries as q

    above = [u for u in q.unit_ancestors(db, unit.id)[1:] if u.kind in _LINE]
    inside = [u for u in q.units(db, on, parent_id=unit.id) if u.kind in _LINE]
    cites = [c for c in (KIND_CITATIONS.get(unit.kind),
                         *(KIND_CITATIONS.get(u.kind) for u in inside)) if c]
    lines = []
    if above:
        chain = " → ".join(u.name for u in reversed(above))
        lines.append(f"{unit.name} ({_kind(unit.kind, english).lower()}) is part of: {chain}."
                     if english else
                     f"{unit.name} ({_kind(unit.kind, english).lower()}) sta in: {chain}.")
    if inside:
        by_kind: dict[str, list[str]] = {}
        for u in inside:
            by_kind.setdefault(u.kind, []).append(u.name)
        said = "; ".join(f"{len(names)} {_kind(k, english, len(names) > 1).lower()}: "
                         + ", ".join(names) for k, names in by_kind.items())
        holds = (f"On {data(on)} it holds {said} (from the database)." if english else
                 f"Al {data(on)} comprende {said} (dal database).")
        lines.append(holds if above else f"{unit.name} ({_kind(unit.kind, english).lower()}): "
                     + holds[0].lower() + holds[1:])
    elif not above:
        lines.append(f"{unit.name}: no unit inside it on {data(on)}." if english else
                     f"{unit.name}: al {data(on)} non comprende altre unità.")
    else:
        lines.append(f"On {data(on)} no unit is inside it." if english else
                     f"Al {data(on)} non comprende altre unità.")
    return " ".join(lines), list(dict.fromkeys(cites))


def areas_text(db: Any, on: date, english: bool = False) -> tuple[str, list[str]]:
    """The Areas of the Comune on ``on``, each with its Servizi, and the units outside them."""
    from ordina.store import queries as q

    areas = q.units(db, on, kind="area")
    lines = [(f"On {data(on)} the Comune has {len(areas)} Areas (art. 9 c. 1-2, from the "
              "database):" if english else
              f"Al {data(on)} il Comune è articolato in {len(areas)} Aree (art. 9 c. 1-2, dal "
              "database):")]
    for area in areas:
        services = [u.name for u in q.units(db, on, parent_id=area.id) if u.kind == "servizio"]
        lines.append(f"- **{area.name}**" + (f": {', '.join(services)}" if services else ""))
    cites = ["art. 9 c. 2", "art. 9 c. 4"]
    for kind in ("staff", "unita_progetto"):
        others = q.units(db, on, kind=kind)
        if others:
            label = _kind(kind, english, len(others) > 1)
            lines.append((f"Outside the Areas, {label}: " if english else
                          f"Fuori dalle Aree, {label}: ") + ", ".join(u.name for u in others)
                         + f" ({KIND_CITATIONS[kind]}).")
            cites.append(KIND_CITATIONS[kind])
    return "\n".join(lines), cites
