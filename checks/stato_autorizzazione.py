"""Lo stato di un incarico nominato nella domanda, come lo registra il database (art. 88).

«Il Conti può fare l'incarico 11?»: before (or beside) deciding whether the incarico is
allowed, say what the database holds about its authorisation — already authorised, refused,
or still waiting for an answer — with the row it comes from. It decides nothing: the
verdict stays with the checks of Titolo IX; this only keeps the user from being asked, or
told, something the office already knows.
"""

from __future__ import annotations

from ordina.answer import TraceStep
from ordina.engine import Check, FactSet, Outcome
from ordina.engine.logic import known
from ordina.hookspecs import hookimpl


def _state(facts: FactSet) -> Outcome:
    ident = facts.get("assignment_id")
    authorised, answered = facts.get("authorised"), facts.get("request_answered")
    which = facts.fact("authorised") or facts.fact("request_answered")
    source = f" ({which.provenance()})" if which is not None else ""
    if authorised is True:
        text = (f"L'incarico {ident} risulta già **autorizzato**{source}: le verifiche dicono se "
                "l'autorizzazione era ammessa.")
    elif authorised is False:
        text = f"L'incarico {ident} risulta **non autorizzato**{source}."
    elif answered is False:
        text = (f"La richiesta per l'incarico {ident} è **in attesa di risposta**{source}; "
                "l'organo competente la valuta con i criteri dell'art. 88 c. 1.")
    else:
        return Outcome.not_pertinent("Il database non registra lo stato dell'incarico.")
    # context, not a reason: the comma goes in the trace, not among the deciding citations
    return Outcome(None, text, (), (TraceStep(text, "art. 88 c. 1"),))


STATO = Check(
    id="stato_autorizzazione.incarico",
    title="Stato dell'autorizzazione dell'incarico nominato",
    citations=("art. 88 c. 1",),
    intents=("external_assignment",),
    facts=("assignment_id", "authorised", "request_answered"),
    applies=known("assignment_id"),
    evaluate=_state,
)


@hookimpl
def ordina_checks() -> list[Check]:
    """The authorisation state of the incarico a question names."""
    return [STATO]
