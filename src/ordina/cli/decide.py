"""``ordina decide ID``: the proposed outcome of a request, and its recording.

Imports stay inside :func:`run` (see :mod:`ordina.cli`).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence


def register(subparsers, parents) -> None:
    """Add the ``decide`` subcommand."""
    p = subparsers.add_parser(
        "decide", parents=parents, help="proposta di decisione su una richiesta, e registrazione",
        description="Esegue le verifiche sulla richiesta o sul contratto indicato (incarico "
                    "esterno '12' o 'incarico 12', 'part-time:3', collaborazione '2026/3') alla "
                    "data --as-of e mostra l'esito proposto con la motivazione. Con --record "
                    "l'esito deciso entra nel registro delle decisioni, con la ricevuta.",
    )
    p.add_argument("id", nargs="+", metavar="ID",
                   help="'12', 'incarico 12', 'part-time:3', '2026/3'")
    p.add_argument("--fact", "-f", action="append", default=[], metavar="NOME=VALORE",
                   help="un fatto accertato dall'ufficio, es. professional_growth=sì (ripetibile)")
    p.add_argument("--record", action="store_true", help="registra la decisione")
    p.add_argument("--esito", choices=("autorizzato", "negato", "preso_atto"),
                   help="l'esito deciso (con --record)")
    p.add_argument("--by", metavar="NOME", help="chi decide (con --record)")
    p.add_argument("--note", metavar="TESTO",
                   help="motivazione; obbligatoria se l'esito differisce dalla proposta")
    p.add_argument("--corregge", type=int, metavar="N",
                   help="la voce del registro che questa decisione corregge")
    p.set_defaults(run=run)


#: How to write a value of each type of fact after ``--fact NAME=``.
VALUE_HINTS = {"bool": "sì|no", "amount": "EURO", "percent": "PERCENTUALE", "number": "NUMERO",
               "int": "NUMERO", "date": "AAAA-MM-GG", "str": "TESTO"}


def missing_facts(names: Sequence[str], ident: str) -> list[str]:
    """What the office must still establish: each fact's question and the ``--fact`` to give.

    :param names: the missing facts' ids, as the checks report them.
    :param ident: the ID the user typed, repeated in the command to copy.
    """
    from ordina.facts import FACTS

    lines = ["Per decidere l'ufficio deve accertare questi fatti e indicarli con --fact:"]
    flags, listed = [], True
    for name in names:
        fact = FACTS.get(name)
        if fact is None:
            lines.append(f"- {name.replace('_', ' ')}: --fact {name}=VALORE")
            flags.append(f"--fact {name}=VALORE")
            continue
        value = VALUE_HINTS.get(fact.type, "VALORE")
        if fact.type == "choice":
            listed = listed and len(fact.choices) <= 4
            value = "|".join(fact.choices) if len(fact.choices) <= 4 else "VALORE"
        lines.append(f"- {fact.question} --fact {name}={value}")
        flags.append(f"--fact {name}=…")
    lines.append(f"e ripetere: ordina decide {ident} " + " ".join(flags)
                 + ("" if listed else " (i valori: ordina facts)"))
    return lines


def render(p, ident: str = "ID") -> str:  # p: ordina.register.proposal.Proposal
    """The proposal for people: subject, proposed outcome, reasoning, checks.

    :param ident: the ID as typed, for the command that gives the missing facts.
    """
    from ordina.register.proposal import OUTCOME_LABELS

    lines = [f"{p.label[:1].upper()}{p.label[1:]} — al {p.as_of:%d/%m/%Y}", ""]
    if p.proposed is None:
        lines.append(f"Esito proposto: NESSUNO ({p.verdict_label})")
    else:
        lines.append(f"Esito proposto: {OUTCOME_LABELS[p.proposed].upper()} "
                     f"(verifiche: {p.verdict_label})")
    lines += ["", p.outcome.answer.rstrip()]
    if p.outcome.missing:
        lines += ["", *missing_facts(p.outcome.missing, ident)]
    lines += ["", "Motivazione:"]
    lines += [f"- {s.step}" + (f" ({s.citation})" if s.citation else "") for s in p.outcome.trace]
    lines += ["", "Verifiche eseguite: " + (", ".join(p.checks) or "nessuna")]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Propose, and with ``--record`` append the decision to the register."""
    from ordina.cli.common import as_of, emit
    from ordina.cli.storedb import open_store
    from ordina.engine.registry import default_registry
    from ordina.errors import UserError
    from ordina.facts import parse_assignments
    from ordina.register.book import record
    from ordina.register.proposal import propose
    from ordina.register.subject import load, parse_id

    ref = parse_id(" ".join(args.id))
    if not args.record and (args.esito or args.by or args.note or args.corregge):
        raise UserError("--esito, --by, --note e --corregge servono solo con --record")
    if args.record and not (args.esito and args.by):
        raise UserError("per registrare servono --esito autorizzato|negato|preso_atto e "
                        "--by \"Nome Cognome\"")
    on = as_of(args)
    db = open_store(args)
    stated = parse_assignments(args.fact)
    proposal = propose(load(db, ref, on), on, default_registry(db), stated)
    payload = {"subject": {"kind": proposal.kind, "key": proposal.key, "label": proposal.label,
                           "person": proposal.person},
               "as_of": on.isoformat(), "proposed": proposal.proposed,
               "verdict": proposal.outcome.verdict, "answer": proposal.outcome.answer,
               "citations": list(proposal.outcome.citations),
               "missing": list(proposal.outcome.missing), "checks": list(proposal.checks),
               "trace": [{"step": s.step, "citation": s.citation}
                         for s in proposal.outcome.trace]}
    text = render(proposal, _quoted(" ".join(args.id)))
    if args.record:
        number = record(db, proposal, args.esito, args.by, args.note, args.corregge)
        payload["entry"] = number
        differs = args.esito != proposal.proposed
        text += (f"\n\nRegistrata la voce n. {number} del registro delle decisioni: "
                 f"{args.esito}, decide {args.by.strip()}"
                 + (" (difforme dalla proposta, motivata)" if differs else "") + ".")
    emit(args, payload, text)
    return 0


def _quoted(ident: str) -> str:
    """The ID as a shell word: ``12``, or ``"incarico 12"`` when it has spaces."""
    return f'"{ident}"' if " " in ident else ident
