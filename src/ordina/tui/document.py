"""A unit of the regulation as the reader shows it: Markdown with in-app links.

Articles show their titolo, commi numbered, lists indented and the comma being read
set apart as a quote, so a citation like ``art. 88 c. 3`` lands on the right lines.
Allegati show their tables where the text places them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ordina.corpus import Corpus, Unit
from ordina.tui.links import Span, annotate, escape, unit_href

#: Kinds shown as a page of their own; smaller units open their page at their place.
PAGE_KINDS = ("articolo", "titolo", "allegato", "sezione")

#: Lint severities flagged inside the text (``info`` findings are listed beside it only).
FLAGGED = ("errore", "avviso")


def spans(corpus: Corpus, unit: Unit, findings: Sequence[Any] = ()) -> list[Span]:
    """Links for the references written in ``unit`` and flags for its lint findings."""
    out = [Span(f.start, f.end, flag=True) for f in findings
           if f.start is not None and f.end is not None and f.severity in FLAGGED]
    for ref in corpus.refs.cites([unit.eid]):
        if ref.target and ref.target in corpus:
            out.append(Span(ref.start, ref.end, unit_href(ref.target)))
        elif ref.url:
            out.append(Span(ref.start, ref.end, ref.url))
    return out


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


def to_markdown(corpus: Corpus, unit: Unit,
                findings: Mapping[str, Sequence[Any]] | None = None) -> str:
    """The page for ``unit`` (an article opened at a comma if ``unit`` is one).

    :param findings: lint findings by unit id, flagged where they sit in the text.
    """
    page = page_of(corpus, unit)
    focus = focus_comma(corpus, unit)
    findings = findings or {}

    def text_of(u: Unit) -> str:
        return annotate(u.text, spans(corpus, u, findings.get(u.eid, ())))

    title = page.citation + (f" – {page.heading}" if page.heading else "")
    out = [f"# {escape(title)}", ""]
    parent = corpus.get(page.parent) if page.parent else None
    if parent is not None:
        out += [f"*{_link(parent, parent.citation + ' – ' + parent.heading.capitalize())}*", ""]
    tables = {f"[{c.citation.rsplit(' ', 2)[-2]} {c.num}]": c for c in corpus.children(page)
              if c.kind == "tabella"}
    placed: set[str] = set()
    offset = 0
    page_spans = spans(corpus, page, findings.get(page.eid, ()))
    for para in page.text.split("\n"):
        table = tables.get(para.strip())
        if table is not None:
            out += ["", *_table(table)]
            placed.add(table.eid)
        elif para.strip():
            local = [Span(s.start - offset, s.end - offset, s.href, s.flag) for s in page_spans
                     if offset <= s.start and s.end <= offset + len(para)]
            out += [annotate(para, local), ""]
        offset += len(para) + 1

    def items(u: Unit, depth: int, prefix: str) -> None:
        for child in corpus.children(u):
            mark = f"{child.num}) " if child.kind == "lettera" else ""
            out.append(f"{prefix}{'  ' * depth}- {mark}{text_of(child)}")
            items(child, depth + 1, prefix)

    for child in corpus.children(page):
        if child.kind == "comma":
            prefix = "> " if child.eid == focus else ""
            out.append(f"{prefix}**{escape(child.num)}.** {text_of(child)}")
            if child.children:
                out.append(prefix.rstrip())
                items(child, 0, prefix)
            out.append("")
        elif child.kind == "articolo":
            out.append(f"- {_link(child)} – {escape(child.heading)}")
        elif child.kind == "tabella" and child.eid not in placed:
            out += ["", *_table(child)]
        elif child.kind == "sezione":
            out += [f"## {_link(child, child.heading)}", "", text_of(child), ""]
        elif child.kind in ("lettera", "trattino"):
            items(page, 0, "")
            break
    return "\n".join(out).rstrip() + "\n"


def _scope(corpus: Corpus, page: Unit) -> list[str]:
    return [page.eid] + [d.eid for d in corpus.descendants(page)]


def cites(corpus: Corpus, page: Unit) -> list[tuple[str, str]]:
    """``(href, label)`` of what the page cites: units of the regulation and national acts."""
    out = []
    for ref in corpus.refs.cites(_scope(corpus, page)):
        if ref.target and ref.target in corpus and not ref.target.startswith(page.eid):
            out.append((unit_href(ref.target), f"→ {ref.label or corpus.units[ref.target].citation}"))
        elif ref.url:
            out.append((ref.url, f"↗ {ref.label}"))
    return out


def cited_by(corpus: Corpus, page: Unit) -> list[tuple[str, str]]:
    """``(href, label)`` of the units that cite the page ("citato da")."""
    out = []
    for ref in corpus.refs.cited_by(_scope(corpus, page)):
        source = corpus.get(ref.source)
        if source is not None:
            out.append((unit_href(source.eid), f"← {source.citation}"))
    return out


def lint_markdown(corpus: Corpus, page: Unit, findings: Mapping[str, Sequence[Any]]) -> str:
    """The ``ordina lint`` findings of the page, with why and what to do."""
    lines = []
    for eid in _scope(corpus, page):
        for f in findings.get(eid, ()):
            lines.append(f"- **{escape(f.citation)}** ({f.severity}): «{escape(f.quote)}» — "
                         f"{escape(f.why)}. *{escape(f.fix)}*")
    return "\n".join(lines)
