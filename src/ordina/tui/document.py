"""A unit of the regulation as the reader shows it: Markdown with in-app links.

Articles show their titolo, commi numbered, lists indented and the comma being read
set apart as a quote, so a citation like ``art. 88 c. 3`` lands on the right lines.
Allegati show their tables where the text places them.
"""

from __future__ import annotations

from ordina.corpus import Corpus, Unit
from ordina.tui.links import escape, linkify, unit_href

#: Kinds shown as a page of their own; smaller units open their page at their place.
PAGE_KINDS = ("articolo", "titolo", "allegato", "sezione")


def page_of(corpus: Corpus, unit: Unit) -> Unit:
    """The page that shows ``unit``: its article, allegato, titolo or section."""
    current = unit
    while current.kind not in PAGE_KINDS and current.parent:
        parent = corpus.get(current.parent)
        if parent is None:
            break
        current = parent
    return current


def focus_comma(corpus: Corpus, unit: Unit) -> str | None:
    """The comma to set apart when ``unit`` is a comma or inside one."""
    current: Unit | None = unit
    while current is not None and current.kind not in ("comma",):
        current = corpus.get(current.parent) if current.parent else None
    return current.eid if current is not None else None


def _table(unit: Unit) -> list[str]:
    rows = unit.rows or []
    if not rows:
        return []
    width = max(len(r) for r in rows)
    lines = []
    for i, row in enumerate(rows):
        cells = [escape(c).replace("|", "/") for c in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + " --- |" * width)
    return [*lines, ""]


def _link(unit: Unit, label: str | None = None) -> str:
    return f"[{escape(label or unit.citation)}]({unit_href(unit.eid)})"


def to_markdown(corpus: Corpus, unit: Unit) -> str:
    """The page for ``unit`` (an article opened at a comma if ``unit`` is one)."""
    page = page_of(corpus, unit)
    focus = focus_comma(corpus, unit)

    def link(text: str) -> str:
        return linkify(text, corpus.__contains__)

    title = page.citation + (f" – {page.heading}" if page.heading else "")
    out = [f"# {escape(title)}", ""]
    parent = corpus.get(page.parent) if page.parent else None
    if parent is not None:
        out += [f"*{_link(parent, parent.citation + ' – ' + parent.heading.capitalize())}*", ""]
    tables = {f"[{c.citation.rsplit(' ', 2)[-2]} {c.num}]": c for c in corpus.children(page)
              if c.kind == "tabella"}
    placed: set[str] = set()
    for para in page.text.splitlines():
        table = tables.get(para.strip())
        if table is not None:
            out += ["", *_table(table)]
            placed.add(table.eid)
        elif para.strip():
            out += [link(para), ""]

    def items(u: Unit, depth: int, prefix: str) -> None:
        for child in corpus.children(u):
            mark = f"{child.num}) " if child.kind == "lettera" else ""
            out.append(f"{prefix}{'  ' * depth}- {mark}{link(child.text)}")
            items(child, depth + 1, prefix)

    for child in corpus.children(page):
        if child.kind == "comma":
            prefix = "> " if child.eid == focus else ""
            out.append(f"{prefix}**{escape(child.num)}.** {link(child.text)}")
            if child.children:
                out.append(prefix.rstrip())
                items(child, 0, prefix)
            out.append("")
        elif child.kind == "articolo":
            out.append(f"- {_link(child)} – {escape(child.heading)}")
        elif child.kind == "tabella" and child.eid not in placed:
            out += ["", *_table(child)]
        elif child.kind == "sezione":
            out += [f"## {_link(child, child.heading)}", "", link(child.text), ""]
        elif child.kind in ("lettera", "trattino"):
            items(page, 0, "")
            break
    return "\n".join(out).rstrip() + "\n"
