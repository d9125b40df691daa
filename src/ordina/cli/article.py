"""``ordina article REF``: show an article, comma, point, allegato or titolo."""

from __future__ import annotations

import argparse

from ordina.cli.terminal import add_format_option


def register(subparsers, parents) -> None:
    """Add the ``article`` subcommand."""
    p = subparsers.add_parser(
        "article", parents=parents, help="mostra un articolo, comma, lettera o allegato",
        description="Mostra il testo di un'unità del regolamento. REF si scrive come si vuole: "
                    "'88.3', 'art 88 comma 3', 'articolo 87 c.1 lett. d)', 'allegato D', 'titolo IX'.",
    )
    p.add_argument("ref", nargs="+", metavar="REF", help="riferimento, es. 'art. 88 c. 3'")
    add_format_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the unit (rendered on a terminal, through the pager when long; tables as
    tables), or as a JSON tree with ``--json``."""
    from ordina.cli.common import as_of, open_db
    from ordina.cli.terminal import show_markdown
    from ordina.corpus import load_corpus
    from ordina.corpus.render import to_dict, to_markdown

    corpus = load_corpus(as_of(args), db=open_db(args))
    unit = corpus.resolve(" ".join(args.ref))
    show_markdown(args, to_dict(corpus, unit), to_markdown(corpus, unit))
    return 0
