"""The index of the regulation: Titoli → Articoli → commi, Allegati → tabelle, organigramma."""

from __future__ import annotations

from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ordina.corpus import Corpus, Unit
from ordina.tui.messages import OpenRef


def _short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class Toc(Tree[str]):
    """A tree of the regulation; choosing a node opens it in the reader.

    Node data is the unit id. Commi are leaves under their article, so a
    citation such as ``art. 88 c. 3`` is one keypress away.
    """

    DEFAULT_CSS = """
    Toc { width: 32; border-right: vkey $foreground 20%; padding: 0; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__("Regolamento", data="", **kwargs)
        self.show_root = False
        self.guide_depth = 2
        self._by_eid: dict[str, TreeNode[str]] = {}

    def fill(self, corpus: Corpus) -> None:
        """Build the tree from ``corpus`` (called once, when the corpus is loaded)."""
        self.clear()
        self._by_eid.clear()
        titoli = self.root.add("Titoli", data="", expand=True)
        for titolo in corpus.of_kind("titolo"):
            tnode = self._add(titoli, titolo, f"{titolo.num} {titolo.heading.capitalize()}")
            for art in corpus.children(titolo):
                anode = self._add(tnode, art, f"{art.num}. {art.heading}")
                for comma in corpus.children(art):
                    if comma.kind == "comma":
                        self._add(anode, comma, f"c. {comma.num} {comma.text}", leaf=True)
        allegati = self.root.add("Allegati", data="")
        for allegato in corpus.of_kind("allegato"):
            node = self._add(allegati, allegato, f"{allegato.num} {allegato.heading.capitalize()}")
            for table in corpus.children(allegato):
                self._add(node, table, table.citation, leaf=True)
        org = corpus.get("org")
        if org is not None:
            onode = self._add(self.root, org, "Organigramma")
            for section in corpus.children(org):
                self._add(onode, section, section.heading, leaf=True)

    def _add(self, parent: TreeNode[str], unit: Unit, label: str,
             leaf: bool = False) -> TreeNode[str]:
        label = _short(label)
        node = parent.add_leaf(label, data=unit.eid) if leaf else parent.add(label, data=unit.eid)
        self._by_eid[unit.eid] = node
        return node

    def reveal(self, eid: str) -> None:
        """Expand the path to ``eid`` (or its nearest indexed ancestor) and put the cursor on it."""
        while eid and eid not in self._by_eid:
            eid = eid.rpartition("__")[0]
        node = self._by_eid.get(eid)
        if node is None:
            return
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.call_after_refresh(self.move_cursor, node, animate=False)

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        """Open the chosen unit; group nodes without a unit only fold and unfold."""
        event.stop()
        if event.node.data:
            self.post_message(OpenRef(event.node.data))
