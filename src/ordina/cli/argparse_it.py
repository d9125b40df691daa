"""argparse in Italian: "utilizzo:", "argomenti posizionali", "scelta non valida"…

argparse looks its messages up through ``gettext`` (module-level ``_`` and ``ngettext``);
:func:`install` points those at the Italian table below, the same hook a translation
catalogue would use. Messages without an entry stay as argparse writes them.
"""

from __future__ import annotations

import argparse

#: argparse's message ids (Python 3.11-3.13) -> Italian.
MESSAGES: dict[str, str] = {
    "usage: ": "utilizzo: ",
    "positional arguments": "argomenti posizionali",
    "options": "opzioni",
    "optional arguments": "opzioni",
    "show this help message and exit": "mostra questo aiuto ed esce",
    "show program's version number and exit": "mostra la versione ed esce",
    "%(prog)s: error: %(message)s\n": "%(prog)s: errore: %(message)s\n",
    "unrecognized arguments: %s": "argomenti non riconosciuti: %s",
    "the following arguments are required: %s": "mancano gli argomenti obbligatori: %s",
    "one of the arguments %s is required": "serve uno degli argomenti %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "scelta non valida: %(value)r (possibili: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argomento %(argument_name)s: %(message)s",
    "expected one argument": "serve un valore",
    "expected at most one argument": "al massimo un valore",
    "expected at least one argument": "almeno un valore",
    "invalid %(type)s value: %(value)r": "valore non valido per %(type)s: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s":
        "opzione ambigua: %(option)s può essere %(matches)s",
    "not allowed with argument %s": "non ammesso insieme all'argomento %s",
    "ignored explicit argument %r": "argomento esplicito ignorato: %r",
    "can't open '%(filename)s': %(error)s": "impossibile aprire '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "comando sconosciuto %(parser_name)r (possibili: %(choices)s)",
    "expected %s argument": "servono %s valori",
    "expected %s arguments": "servono %s valori",
}


def gettext(message: str) -> str:
    """The Italian of an argparse message (the message itself when there is none)."""
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Plural-aware lookup, as ``gettext.ngettext``."""
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Make argparse speak Italian from now on (idempotent)."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
