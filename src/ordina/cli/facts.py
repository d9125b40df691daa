"""``ordina facts``: the fact vocabulary that ``--fact`` and the checks use."""

from __future__ import annotations

import argparse


def register(subparsers, parents) -> None:
    """Add the ``facts`` subcommand."""
    p = subparsers.add_parser(
        "facts", parents=parents, help="elenca i fatti che si possono dare con --fact",
        description="Elenca i fatti del vocabolario condiviso da domande, --fact e verifiche: "
                    "nome, tipo, valori ammessi e la domanda che ordina pone quando mancano.",
    )
    p.add_argument("name", nargs="?", metavar="NOME", help="mostra solo questo fatto")
    p.set_defaults(run=run)


_TYPES = {"bool": "sì/no", "choice": "scelta", "amount": "importo €", "percent": "percentuale",
          "number": "numero", "int": "intero", "date": "data", "str": "testo"}


def run(args: argparse.Namespace) -> int:
    """Print every fact (or one), as text or JSON."""
    from ordina.cli.common import emit
    from ordina.facts import FACTS, get_fact

    chosen = [get_fact(args.name)] if args.name else list(FACTS.values())
    lines = []
    for fact in chosen:
        kind = _TYPES.get(fact.type, fact.type)
        bounds = ""
        if fact.minimum is not None or fact.maximum is not None:
            low = "" if fact.minimum is None else f"{fact.minimum:g}"
            high = "" if fact.maximum is None else f"{fact.maximum:g}"
            bounds = f" [{low}..{high}]"
        cite = f" ({fact.citation})" if fact.citation else ""
        lines.append(f"{fact.name}  {kind}{bounds}{cite}")
        lines.append(f"    {fact.description}")
        if fact.choices:
            lines.append("    valori: " + ", ".join(fact.choices))
        lines.append(f"    domanda: {fact.question}")
    emit(args, [f.to_json() for f in chosen], "\n".join(lines))
    return 0
