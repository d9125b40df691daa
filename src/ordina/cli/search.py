"""``ordina search TESTO``: full-text search of the regulation, grouped by article."""

from __future__ import annotations

import argparse


def register(subparsers, parents) -> None:
    """Add the ``search`` subcommand."""
    p = subparsers.add_parser(
        "search", parents=parents, help="cerca parole nel regolamento",
        description="Cerca nel testo del regolamento (e nell'organigramma). Le parole si "
                    "cercano per radice e senza accenti: 'incarichi' trova anche 'incarico'. "
                    "I risultati sono i commi, raggruppati per articolo.",
    )
    p.add_argument("text", nargs="+", metavar="TESTO", help="parole da cercare")
    p.add_argument("--limit", type=int, default=10, metavar="N",
                   help="numero massimo di articoli (predefinito: 10)")
    p.set_defaults(run=run)


def format_hits(text: str, hits) -> str:
    """The hits as readable text, highlights between «»."""
    if not hits:
        return f"Nessun risultato per «{text}»."
    lines = []
    if not hits[0].matched_all:
        lines += ["Nessuna parte contiene tutte le parole: risultati con almeno una.", ""]
    for hit in hits:
        named = hit.heading and hit.heading not in hit.citation
        lines.append(f"{hit.citation} – {hit.heading}" if named else hit.citation)
        for m in hit.matches:
            short = m.citation[len(hit.citation):].strip()
            lines.append(f"  {short}: {m.marked()}" if short else f"  {m.marked()}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def run(args: argparse.Namespace) -> int:
    """Print the hits, or a JSON object with ``--json``."""
    from ordina.cli.common import as_of, emit, open_db
    from ordina.corpus.index import search
    from ordina.errors import UserError

    if args.limit < 1:
        raise UserError("--limit deve essere almeno 1")
    text = " ".join(args.text)
    hits = search(open_db(args), text, args.limit, as_of=as_of(args))
    payload = {"query": text, "matched_all": all(h.matched_all for h in hits),
               "hits": [h.to_dict() for h in hits]}
    emit(args, payload, format_hits(text, hits))
    return 0
