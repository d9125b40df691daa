"""The draft act as data: ordered blocks of text, some with links (URN on Normattiva)."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Block kinds, in the order a determinazione uses them.
KINDS = ("ente", "titolo", "oggetto", "sezione", "testo", "voce", "firma")


@dataclass(frozen=True)
class Link:
    """A link shown beside a block: ``art. 53 D.Lgs. 165/2001`` -> its Normattiva URN."""

    label: str
    url: str
    urn: str = ""


@dataclass(frozen=True)
class Block:
    """One paragraph of the act.

    :param kind: one of :data:`KINDS` (``voce`` is a list item, ``sezione`` a heading).
    """

    kind: str
    text: str
    links: tuple[Link, ...] = ()


@dataclass
class Act:
    """A draft act: its kind (``autorizzazione``…), a file-friendly name, its blocks."""

    kind: str
    name: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, kind: str, text: str, links: tuple[Link, ...] = ()) -> None:
        """Append a block."""
        self.blocks.append(Block(kind, text, links))

    def plain_text(self) -> str:
        """Every block's text and links, one per line (what a reader of the DOCX sees)."""
        lines = []
        for b in self.blocks:
            lines.append(b.text)
            lines += [f"{link.label}: {link.url}" for link in b.links]
        return "\n".join(lines)
