"""Writing a draft act as Markdown, HTML or DOCX (Word and LibreOffice open it)."""

from __future__ import annotations

import html
from io import BytesIO

from ordina.acts.model import Act, Block, Link


def _links_md(links: tuple[Link, ...]) -> str:
    return "".join(f" [{link.label}]({link.url})" for link in links)


def to_markdown(act: Act) -> str:
    """The act in Markdown: headings, paragraphs, list items with their links."""
    lines: list[str] = []
    for b in act.blocks:
        text = b.text + _links_md(b.links)
        if b.kind != "voce" and lines and lines[-1].startswith("- "):
            lines.append("")  # a list ends before the next block
        if b.kind == "titolo":
            lines += [f"# {text}", ""]
        elif b.kind == "ente":
            lines += [f"**{text}**", ""]
        elif b.kind == "sezione":
            lines += [f"## {text}", ""]
        elif b.kind == "oggetto":
            lines += [f"**{text}**", ""]
        elif b.kind == "voce":
            lines.append(f"- {text}")
        else:
            lines += [text, ""]
    return "\n".join(lines).rstrip() + "\n"


def _links_html(links: tuple[Link, ...]) -> str:
    return "".join(f' <a href="{html.escape(link.url)}" title="{html.escape(link.urn)}">'
                   f"{html.escape(link.label)}</a>" for link in links)


def to_html(act: Act) -> str:
    """The act as a standalone HTML page."""
    body: list[str] = []
    in_list = False
    for b in act.blocks:
        text = html.escape(b.text) + _links_html(b.links)
        if b.kind == "voce":
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{text}</li>")
            continue
        if in_list:
            body.append("</ul>")
            in_list = False
        tag = {"titolo": "h1", "sezione": "h2"}.get(b.kind, "p")
        cls = f' class="{b.kind}"' if b.kind in ("ente", "oggetto", "firma") else ""
        body.append(f"<{tag}{cls}>{text}</{tag}>")
    if in_list:
        body.append("</ul>")
    title = html.escape(act.name)
    return ("<!DOCTYPE html>\n<html lang=\"it\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title><style>body{{font-family:serif;max-width:50em;margin:auto}}"
            ".ente,.oggetto{font-weight:bold}h2{text-align:center}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def _hyperlink(paragraph, link: Link) -> None:
    """A real hyperlink run in python-docx (it has no public API for one)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rid = paragraph.part.relate_to(link.url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    node = OxmlElement("w:hyperlink")
    node.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = link.label
    run.append(text)
    node.append(run)
    paragraph._p.append(node)


def _docx_block(doc, b: Block) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    if b.kind == "titolo":
        p = doc.add_heading(b.text, level=1)
    elif b.kind == "sezione":
        p = doc.add_heading(b.text, level=2)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif b.kind == "voce":
        p = doc.add_paragraph(b.text, style="List Bullet")
    else:
        p = doc.add_paragraph()
        run = p.add_run(b.text)
        run.bold = b.kind in ("ente", "oggetto")
    for link in b.links:
        p.add_run(" ")
        _hyperlink(p, link)


def to_docx(act: Act) -> bytes:
    """The act as a DOCX file's bytes."""
    from docx import Document

    doc = Document()
    doc.core_properties.title = act.name
    for b in act.blocks:
        _docx_block(doc, b)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def docx_text(data: bytes) -> str:
    """Every paragraph of a DOCX, hyperlinks' text included, one per line (for tests)."""
    from docx import Document

    doc = Document(BytesIO(data))
    lines = []
    for p in doc.paragraphs:
        lines.append("".join(node.text or "" for node in p._p.iter()
                             if node.tag.endswith("}t")))
    return "\n".join(lines)


def docx_links(data: bytes) -> list[str]:
    """The targets of the DOCX's hyperlinks."""
    from docx import Document

    doc = Document(BytesIO(data))
    return [rel.target_ref for rel in doc.part.rels.values() if rel.is_external]
