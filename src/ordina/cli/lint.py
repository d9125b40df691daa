"""``ordina lint``: what a Segretario must fix before adopting the regulation."""

from __future__ import annotations

import argparse
from collections import Counter

_PLURAL = {"errore": "errori", "avviso": "avvisi", "info": "informazioni"}


def register(subparsers, parents) -> None:
    """Add the ``lint`` subcommand."""
    p = subparsers.add_parser(
        "lint", parents=parents, help="problemi da correggere prima dell'adozione",
        description="Segnala segnaposto lasciati in bianco, note redazionali, rinvii "
                    "impossibili o non risolti, fonti abrogate o rinominate, termini superati "
                    "dal CCNL Funzioni Locali 16.11.2022, anomalie di numerazione e allegati "
                    "elencati con nomi diversi. Ogni osservazione ha citazione, testo, motivo "
                    "e correzione proposta.",
    )
    p.add_argument("--severity", choices=("errore", "avviso", "info"),
                   help="solo le osservazioni di questa gravità")
    p.add_argument("--code", metavar="CODICE",
                   help="solo un tipo (segnaposto, nota-redazionale, rinvio-impossibile, …)")
    p.set_defaults(run=run)


def format_findings(findings) -> str:
    """Findings as readable text: a summary line, then one block each."""
    if not findings:
        return "Nessuna osservazione.\n"
    counts = Counter(f.severity for f in findings)
    summary = ", ".join(f"{counts[s]} {_PLURAL[s] if counts[s] != 1 else s}"
                        for s in ("errore", "avviso", "info") if counts[s])
    noun = "osservazione" if len(findings) == 1 else "osservazioni"
    lines = [f"{len(findings)} {noun}: {summary}", ""]
    for f in findings:
        lines += [f"[{f.severity}] {f.citation} – {f.code}",
                  f"  «{f.quote}»",
                  f"  perché: {f.why}",
                  f"  correzione: {f.fix}",
                  ""]
    return "\n".join(lines).rstrip() + "\n"


def run(args: argparse.Namespace) -> int:
    """Print the findings, or a JSON list with ``--json``."""
    from ordina.cli.common import as_of, emit, open_db
    from ordina.corpus import load_corpus
    from ordina.corpus.lint import lint

    findings = lint(load_corpus(as_of(args), db=open_db(args)))
    if args.severity:
        findings = [f for f in findings if f.severity == args.severity]
    if args.code:
        findings = [f for f in findings if f.code == args.code]
    emit(args, [f.to_dict() for f in findings], format_findings(findings))
    return 0
