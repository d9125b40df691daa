"""``ordina act ID``: the draft act of the latest recorded decision on a request."""

from __future__ import annotations

import argparse


def register(subparsers, parents) -> None:
    """Add the ``act`` subcommand."""
    p = subparsers.add_parser(
        "act", parents=parents, help="bozza dell'atto dell'ultima decisione registrata",
        description="Scrive la bozza di determinazione (autorizzazione, diniego, presa d'atto "
                    "art. 89, diffida art. 91 c. 1) dell'ultima decisione registrata sull'ID, "
                    "con i Visti, i fatti, la motivazione comma per comma, il dispositivo e gli "
                    "obblighi che seguono. Le parole stanno nei modelli di templates/.",
    )
    p.add_argument("id", nargs="+", metavar="ID", help="'12', 'part-time:3', '2026/3'")
    p.add_argument("--format", choices=("docx", "html", "md"), default="md",
                   help="formato (predefinito md)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="file da scrivere (md e html senza -o vanno a schermo)")
    p.add_argument("--force", action="store_true", help="sovrascrive FILE se esiste")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build the act and write it."""
    import sys
    from pathlib import Path

    from ordina.acts.build import build_act, latest_entry
    from ordina.acts.render import to_docx, to_html, to_markdown
    from ordina.cli.storedb import open_store
    from ordina.errors import UserError
    from ordina.register.subject import parse_id

    ref = parse_id(" ".join(args.id))
    db = open_store(args)
    act = build_act(db, latest_entry(db, ref))
    if args.format != "docx" and not args.output:
        sys.stdout.write(to_markdown(act) if args.format == "md" else to_html(act))
        return 0
    out = Path(args.output or f"{act.name}.{args.format}")
    if out.exists() and not args.force:
        raise UserError(f"{out} esiste già: scegli un altro nome o aggiungi --force")
    data = {"docx": to_docx, "html": lambda a: to_html(a).encode("utf-8"),
            "md": lambda a: to_markdown(a).encode("utf-8")}[args.format](act)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as exc:
        raise UserError(f"impossibile scrivere {out}: {exc.strerror}") from None
    print(f"Scritta la bozza di {act.kind.replace('_', ' ')} in {out}")
    return 0
