"""How the command line prints for people: rich on a terminal, plain text in a pipe.

* on a terminal: bold coloured verdict, Markdown rendered and wrapped to the width,
  tables drawn, long pages through the pager (``rich``);
* piped, ``NO_COLOR`` or ``--format testo``: the same content as plain text, never a
  raw ``**`` or ``##``;
* ``--format markdown``: the Markdown itself; ``--json`` / ``--format json``: the data.

Imported inside the commands' ``run``: ``rich`` costs the cold ``ordina ask`` only when
it prints to a terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, Literal

Kind = Literal["json", "markdown", "rich", "plain"]

#: Verdict -> colour of its line on a terminal.
VERDICT_STYLES = {"consentito": "bold green", "vietato": "bold red",
                  "autorizzazione": "bold yellow", "comunicazione": "bold yellow",
                  "dati_mancanti": "bold magenta"}


def add_format_option(parser: argparse.ArgumentParser) -> None:
    """``--format testo|markdown|json`` for a command that prints for people."""
    parser.add_argument(
        "--format", choices=("testo", "markdown", "json"), default=None,
        help="testo (a colori sul terminale, semplice in una pipe), markdown o json "
             "(come --json); predefinito: testo")


def output_kind(args: argparse.Namespace, stream: Any = None) -> Kind:
    """Which of the four outputs ``args`` and the terminal ask for."""
    stream = stream or sys.stdout
    chosen = getattr(args, "format", None)
    if getattr(args, "json", False) or chosen == "json":
        return "json"
    if chosen == "markdown":
        return "markdown"
    if chosen == "testo" or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return "plain"
    isatty = getattr(stream, "isatty", None)
    return "rich" if isatty is not None and isatty() else "plain"


def console(stream: Any = None):  # -> rich.console.Console
    """A rich console on ``stream`` (stdout), without guessing highlights."""
    from rich.console import Console

    return Console(file=stream or sys.stdout, highlight=False)


def _write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _page(con: Any, renderables: Sequence[Any]) -> None:
    """Print; through the pager when taller than the terminal (``less -R`` keeps colour)."""
    height = sum(len(con.render_lines(r, pad=False)) for r in renderables)
    if height <= con.size.height - 2:
        for item in renderables:
            con.print(item)
        return
    os.environ.setdefault("LESS", "-FRX")
    with con.pager(styles=True):
        for item in renderables:
            con.print(item)


def show_markdown(args: argparse.Namespace, payload: Any, markdown: str, *,
                  verdict: str | None = None, verdict_text: str = "",
                  footer: str = "", outcome_word: str = "Esito") -> None:
    """Print a Markdown document the way ``args`` and the terminal ask for.

    :param verdict: the verdict key, coloured on a terminal; ``verdict_text`` its words.
    :param footer: a last line (the references), dimmed on a terminal.
    :param outcome_word: what heads the verdict ("Esito", "Outcome" for an English question).
    """
    kind = output_kind(args)
    if kind == "json":
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return
    head = f"{outcome_word}: {verdict_text}" if verdict_text else ""
    if kind == "markdown":
        parts = [f"**{head}**" if head else "", markdown.strip(), footer]
        _write("\n\n".join(p for p in parts if p))
        return
    if kind == "plain":
        from ordina.cli.plain import markdown_to_text

        parts = [head, markdown_to_text(markdown).strip(), footer]
        _write("\n\n".join(p for p in parts if p))
        return
    from rich.markdown import Markdown
    from rich.text import Text

    con = console()
    items: list[Any] = []
    if head:
        items += [Text(head, style=VERDICT_STYLES.get(verdict or "", "bold")), Text("")]
    items.append(Markdown(markdown.strip(), hyperlinks=False))
    if footer:
        items += [Text(""), Text(footer, style="dim")]
    _page(con, items)


def show_text(args: argparse.Namespace, payload: Any, text: str, *,
              title: str = "") -> None:
    """Plain text (an article): a bold title and the pager on a terminal, as is elsewhere."""
    kind = output_kind(args)
    if kind == "json":
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return
    if kind != "rich":
        _write(text)
        return
    from rich.text import Text

    body = text
    items: list[Any] = []
    if title and text.startswith(title):
        items.append(Text(title, style="bold"))
        body = text[len(title):].lstrip("\n")
    items.append(Text(body.rstrip("\n")))
    _page(console(), items)


def table_renderable(headers: Sequence[str], rows: Sequence[Sequence[Any]], *,
                     title: str = "", plain: bool = False):  # -> rich.table.Table
    """A rich table: drawn on a terminal, aligned columns without lines when ``plain``."""
    from rich import box
    from rich.table import Table

    table = Table(title=title or None, box=None if plain else box.SIMPLE_HEAD,
                  show_edge=False, pad_edge=False, header_style="" if plain else "bold",
                  title_style="" if plain else "bold", title_justify="left")
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*("" if c is None else str(c) for c in row))
    return table


def show_table(args: argparse.Namespace, payload: Any, headers: Sequence[str],
               rows: Sequence[Sequence[Any]], *, title: str = "",
               before: str = "", after: str = "") -> None:
    """Print rows as a table (``--format markdown``: a Markdown table)."""
    kind = output_kind(args)
    if kind == "json":
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return
    if kind == "markdown":
        lines = [before, ""] if before else []
        lines += [f"**{title}**", ""] if title else []
        lines += ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
        lines += ["| " + " | ".join(str(c).replace("|", "/") for c in r) + " |" for r in rows]
        _write("\n".join(lines + ([after] if after else [])))
        return
    plain = kind == "plain"
    table = table_renderable(headers, rows, title=title, plain=plain)
    if plain:
        con = _plain_console()
        with con.capture() as captured:
            con.print(table)
        body = "\n".join(line.rstrip() for line in captured.get().splitlines())
        _write("\n".join(p for p in (before, body, after) if p))
        return
    con = console()
    if before:
        con.print(before, markup=False)
    con.print(table)
    if after:
        con.print(after, markup=False)


def _plain_console():  # -> rich.console.Console
    """A console that writes no colour and never wraps (pipes, files, NO_COLOR)."""
    from rich.console import Console

    return Console(file=sys.stdout, no_color=True, color_system=None, highlight=False,
                   width=10_000, soft_wrap=True, emoji=False, force_terminal=False)
