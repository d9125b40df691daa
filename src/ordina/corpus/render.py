"""Present units as plain text, Markdown or JSON-ready dicts."""

from __future__ import annotations

from typing import Any

from ordina.corpus.model import Corpus, Unit


def _label(unit: Unit) -> str:
    if unit.kind == "comma":
        return f"{unit.num}."
    if unit.kind == "lettera":
        return f"{unit.num})"
    if unit.kind == "trattino":
        return "-"
    return ""


def _body(unit: Unit) -> str:
    """The unit's text, or a marker when an amendment repealed it."""
    return "(abrogato)" if unit.repealed else unit.text


def title_line(corpus: Corpus, unit: Unit) -> str:
    """``art. 88 – L'autorizzazione`` (with the enclosing titolo for articles)."""
    line = unit.citation + (f" – {unit.heading}" if unit.heading else "")
    parent = corpus.get(unit.parent) if unit.parent else None
    if unit.kind == "articolo" and parent is not None:
        line += f"\n({parent.citation} – {parent.heading})"
    return line


def to_text(corpus: Corpus, unit: Unit) -> str:
    """The unit and everything in it, indented, for a terminal."""
    lines = [title_line(corpus, unit), ""]
    lines.extend(f"[{note}]" for note in unit.history)
    if unit.repealed:
        lines.append("(abrogato)")
    tables = {f"[{c.citation.split(' ', 2)[-1]}]": c for c in corpus.children(unit)
              if c.kind == "tabella"}
    for para in unit.text.splitlines():
        table = tables.get(para)
        lines.extend(["  " + " | ".join(r) for r in table.rows or []] if table else [para])

    def walk(u: Unit, depth: int) -> None:
        for child in corpus.children(u):
            if child.kind == "articolo":
                lines.append(f"{'  ' * depth}{child.citation} – {child.heading}")
                continue
            if child.kind == "tabella":
                if unit.kind != "allegato":
                    lines.extend("  " + " | ".join(r) for r in child.rows or [])
                continue
            lines.append(f"{'  ' * depth}{_label(child)} {_body(child)}".rstrip())
            lines.extend(f"{'  ' * (depth + 1)}[{note}]" for note in child.history)
            walk(child, depth + 1)

    walk(unit, 0 if unit.kind in ("articolo", "titolo", "allegato", "sezione") else 1)
    return "\n".join(lines).rstrip() + "\n"


def to_markdown(corpus: Corpus, unit: Unit) -> str:
    """The unit as Markdown: heading, commi as paragraphs, lists, tables."""
    out = [f"## {unit.citation}" + (f" – {unit.heading}" if unit.heading else ""), ""]
    if unit.text:
        out += [unit.text, ""]

    def walk(u: Unit, depth: int) -> None:
        for child in corpus.children(u):
            indent = "  " * depth
            if child.kind == "comma":
                out.extend([f"**{child.num}.** {_body(child)}", ""])
                walk(child, 0)
                out.append("")
            elif child.kind == "articolo":
                out.append(f"- [{child.citation}](#{child.eid}) – {child.heading}")
            elif child.kind == "tabella":
                rows = child.rows or []
                width = max((len(r) for r in rows), default=1)
                for i, row in enumerate(rows):
                    cells = [c.replace("|", "/") for c in row] + [""] * (width - len(row))
                    out.append("| " + " | ".join(cells) + " |")
                    if i == 0:
                        out.append("|" + " --- |" * width)
                out.append("")
            else:
                mark = f"{child.num})" if child.kind == "lettera" else "-"
                out.append(f"{indent}- {mark if child.kind == 'lettera' else ''} {_body(child)}"
                           .replace("-  ", "- "))
                walk(child, depth + 1)

    walk(unit, 0)
    return "\n".join(out).rstrip() + "\n"


def to_dict(corpus: Corpus, unit: Unit, depth: int = 99) -> dict[str, Any]:
    """A JSON-ready tree: id, kind, number, citation, heading, text, children."""
    data: dict[str, Any] = {
        "id": unit.eid, "kind": unit.kind, "num": unit.num, "citation": unit.citation,
        "heading": unit.heading, "text": unit.text, "line": unit.line,
    }
    if unit.rows is not None:
        data["rows"] = unit.rows
    if unit.repealed or unit.history:
        data["repealed"] = unit.repealed
        data["history"] = list(unit.history)
    if depth > 0:
        data["children"] = [to_dict(corpus, c, depth - 1) for c in corpus.children(unit)]
    return data
