"""``ordina refs REF``: what a part of the regulation cites, and what cites it."""

from __future__ import annotations

import argparse


def register(subparsers, parents) -> None:
    """Add the ``refs`` subcommand."""
    p = subparsers.add_parser(
        "refs", parents=parents, help="rinvii di un articolo o di una legge, nei due sensi",
        description="Per una parte del regolamento ('art. 53', '88.3', 'all. E') mostra i "
                    "rinvii che contiene (ad altri articoli e a leggi, con il link Normattiva) "
                    "e le parti che la citano. Per una legge ('D.Lgs. 165/2001', "
                    "'art. 53 D.Lgs. 165/2001', 'c.c.', 'TUEL') mostra dove il regolamento la "
                    "cita.",
    )
    p.add_argument("ref", nargs="+", metavar="REF", help="riferimento, es. 'art. 53' o 'TUEL'")
    p.set_defaults(run=run)


def _ref_line(ref, corpus, side: str, within: str = "") -> str:
    """One reference: where it is written, what it points to, the words as written."""
    where = corpus.units[ref.source].citation
    if side == "by":
        label = f"{ref.label}  " if ref.label and ref.label != ref.text else ""
        line = f"  {where}: {label}«{ref.text}»"
    else:
        short = where[len(within):].strip() if within and where.startswith(within) else where
        line = f"  {short or where}: {ref.label or '?'}  «{ref.text}»"
        if ref.url:
            line += f"\n      {ref.url}"
    if ref.problem:
        line += f"\n      ! {ref.problem}"
    return line


def _ref_dict(ref, corpus) -> dict:
    data = ref.to_dict()
    data["source_citation"] = corpus.units[ref.source].citation
    return data


def _internal(corpus, unit) -> tuple[dict, str]:
    from ordina.corpus.refs import unit_scope

    scope = unit_scope(corpus, unit)
    cites = corpus.refs.cites(scope)
    cited_by = sorted(corpus.refs.cited_by(scope), key=lambda r: list(corpus.units).index(
        r.source))
    heading = f" – {unit.heading}" if unit.heading else ""
    lines = [f"{unit.citation}{heading}", "", "Cita:"]
    lines += [_ref_line(r, corpus, "cites", unit.citation) for r in cites] or [
        "  (nessun rinvio)"]
    lines += ["", "Citato da:"]
    lines += [_ref_line(r, corpus, "by") for r in cited_by] or ["  (nessuna parte lo cita)"]
    payload = {"id": unit.eid, "citation": unit.citation, "heading": unit.heading,
               "cites": [_ref_dict(r, corpus) for r in cites],
               "cited_by": [_ref_dict(r, corpus) for r in cited_by]}
    return payload, "\n".join(lines) + "\n"


def _external(corpus, query, text: str) -> tuple[dict, str]:
    from ordina.corpus.acts import known_acts
    from ordina.errors import UserError

    if query.act is None:
        raise UserError(f"'{text}': {query.problem}; {query.suggestion}")
    act = known_acts().by_key(query.act)
    refs = corpus.refs.citing_act(query.act, query.article)
    where = f"art. {query.article} " if query.article else ""
    lines = [f"{where}{act.long_citation} – {act.title}", f"  {query.urn}", f"  {query.url}"]
    if act.repealed:
        lines.append(f"  ! abrogato dal {act.repealed.by}")
    lines += ["", "Citato da:"]
    lines += [_ref_line(r, corpus, "by") for r in refs] or ["  (il regolamento non lo cita)"]
    payload = {"act": query.act, "citation": act.long_citation, "title": act.title,
               "article": query.article, "urn": query.urn, "url": query.url,
               "cited_by": [_ref_dict(r, corpus) for r in refs]}
    return payload, "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Print both directions, or a JSON object with ``--json``."""
    from ordina.cli.common import as_of, emit, open_db
    from ordina.corpus import load_corpus
    from ordina.corpus.refs import parse_act_reference

    text = " ".join(args.ref)
    corpus = load_corpus(as_of(args), db=open_db(args))
    external = parse_act_reference(text)
    if external:
        payload, out = _external(corpus, external[0], text)
    else:
        payload, out = _internal(corpus, corpus.resolve(text))
    emit(args, payload, out)
    return 0
