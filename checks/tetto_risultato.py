"""Il tetto della retribuzione di risultato con la maggiorazione per l'interim (art. 17 c. 2).

«Con l'interim dei servizi sociali, quanto può prendere al massimo la Bianchi di risultato?»:
the result allowance, the interim increase included (art. 17 c. 1: «una maggiorazione della
retribuzione di risultato»), may not pass 25% of the position allowance (art. 17 c. 2, whose
number has its home in ``checks/sostituzioni.py``). The position allowance is the one the
question states, or the one on record for the titular Area head it names; a result allowance
already stated leaves the increase that is still possible. A calculation: it decides nothing.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ordina.answer import TraceStep
from ordina.engine import Context, Lookup, Outcome
from ordina.engine.offices import question_date
from ordina.formato import euro
from ordina.hookspecs import hookimpl
from ordina.limits import amount_ok
from ordina.plugins import import_path
from ordina.store.audit_facts import appointments_in_force
from ordina.store.office_queries import public_copy_lacks
from ordina.store.posizioni import area_heads_pay

_SOSTITUZIONI = import_path(Path(__file__).with_name("sostituzioni.py"), "ordina_checks")
TETTO = _SOSTITUZIONI.TETTO_RISULTATO_PERCENTO  # art. 17 c. 2: 25% of the position allowance

_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,](\d{1,2}))?(?![\d])"
                     r"\s*(?:€|euro|eur\b)?|(?:€|eur\b)\s*(\d{1,3}(?:[.,]\d{3})+|\d+)",
                     re.IGNORECASE)
_POSITION = re.compile(r"posizion\w*|position", re.IGNORECASE)
_RESULT = re.compile(r"risultat\w*|result", re.IGNORECASE)
_PERCENT_AFTER = re.compile(r"^\s*(?:%|per ?cento|percent)", re.IGNORECASE)


def _amounts(text: str) -> dict[str, Decimal]:
    """The position and result allowances the question states, each bound to the nearest
    of the two words before it ("indennità di posizione di 12.000 €")."""
    found: dict[str, Decimal] = {}
    for m in _AMOUNT.finditer(text):
        digits = m.group(1) or m.group(3)
        if _PERCENT_AFTER.match(text[m.end():]) or (digits and len(digits) == 4 and
                                                    digits.startswith("20") and not m.group(2)):
            continue  # "25%", "2026"
        value = Decimal(re.sub(r"[.,]", "", digits) + (f".{m.group(2)}" if m.group(2) else ""))
        if not amount_ok(value):
            continue  # no amount of a Comune (ordina.limits)
        before = text[max(0, m.start() - 60):m.start()]
        spots = [(w.end(), "position") for w in _POSITION.finditer(before)] + \
                [(w.end(), "result") for w in _RESULT.finditer(before)]
        if spots:
            found.setdefault(max(spots)[1], value)
    return found


def _position_on_record(db: Any, person: int, on: date) -> tuple[Decimal, str] | None:
    """The position allowance of the person's titular Area head appointment on ``on``."""
    pay = area_heads_pay(db, on)
    for oid, _pid, _office, unit, *_rest in appointments_in_force(db, on, ("responsabile_area",),
                                                                   person):
        if oid in pay and pay[oid].allowance is not None:
            return pay[oid].allowance, f"incarico di Responsabile dell'{unit}"
    return None


def _person(query: Any) -> int | None:
    subject = getattr(query, "subject", None)
    key = str(getattr(subject, "key", "") or "")
    return int(key) if getattr(subject, "kind", None) == "person" and key.isdigit() else None


def result_cap(query: Any, ctx: Context) -> Outcome:
    """25% of the position allowance, the interim increase included; what is left of it."""
    english = getattr(query, "lang", "it") == "en"
    text = str(getattr(query, "text", ""))
    stated = _amounts(text)
    position, source = stated.get("position"), ("from the question" if english
                                                 else "dalla domanda")
    person = _person(query)
    if position is None and person is not None and ctx.db is not None and \
            public_copy_lacks(ctx.db, "offices") is None:
        on = question_date(query, ctx)
        found = _position_on_record(ctx.db, person, on)
        if found is not None:
            position = found[0]
            source = (f"from the database: {found[1]}" if english else
                      f"dal database: {found[1]}")
    rule = (f"the result allowance, the interim increase included, may not exceed "
            f"{TETTO.value}% of the position allowance" if english else
            f"la retribuzione di risultato, compresa la maggiorazione per l'interim, non può "
            f"superare il {TETTO.value}% della retribuzione di posizione")
    if position is None:
        ask = ("What is the annual position allowance (euro)?" if english else
               "Qual è la retribuzione di posizione annua (euro)?")
        return Outcome(None, f"{rule[:1].upper()}{rule[1:]} ({TETTO.cite}). {ask}",
                       (TETTO.cite,))
    cap = (position * Decimal(TETTO.value) / 100).quantize(Decimal("0.01"))
    lines = [(f"Cap: **{euro(cap)}** = {TETTO.value}% × {euro(position)} ({source}): {rule} "
              f"({TETTO.cite})." if english else
              f"Tetto: **{euro(cap)}** = {TETTO.value}% × {euro(position)} ({source}): {rule} "
              f"({TETTO.cite}).")]
    result = stated.get("result")
    if result is not None:
        left = max(cap - result, Decimal(0))
        lines.append(f"With a result allowance of {euro(result)}, the interim increase may be at "
                     f"most **{euro(left)}**." if english else
                     f"Con una retribuzione di risultato di {euro(result)}, la maggiorazione per "
                     f"l'interim può essere al massimo di **{euro(left)}**.")
    lines.append("The text says the cap is «attualmente» 25%: a later contract may change it."
                 if english else
                 "Il testo dice che il tetto «attualmente» è del 25%: un contratto collettivo "
                 "successivo può cambiarlo.")
    steps = (TraceStep("La maggiorazione per l'interim è una maggiorazione della retribuzione "
                       "di risultato, legata agli obiettivi raggiunti.", "art. 17 c. 1"),)
    return Outcome(None, "\n\n".join(lines), (TETTO.cite,), steps)


TETTO_RISULTATO = Lookup(
    id="tetto_risultato.interim",
    title="Tetto della retribuzione di risultato con l'interim (art. 17 c. 2)",
    citations=("art. 17 c. 2",),
    intents=("result_cap",),
    run=result_cap,
    kind="calculation",
)


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """The result allowance's cap with the interim increase."""
    return [TETTO_RISULTATO]
