"""The organisation chart: units nested as in the database, with their staff as leaves."""

from __future__ import annotations

from typing import Any

from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ordina.tui.messages import FollowLink


def load_chart(db: Any, on: Any) -> list[tuple[int, int | None, str, list[tuple[int, str]]]]:
    """``(unit id, parent id, label, [(person id, name), ...])`` for the tree (worker side)."""
    from ordina.store import queries as q

    heads = q.heads_on(db, on)
    names = {pid: f"{given} {surname}" for pid, given, surname in
             db.execute("select id, given_name, surname from people")}
    staff: dict[int | None, list[tuple[int, str]]] = {}
    if q.has_personal_data(db):
        for job in q.employees(db, on):
            staff.setdefault(job.unit_id, []).append((job.person_id, names[job.person_id]))
    rows = []
    for unit in q.units(db, on):
        head = heads.get(unit.id)
        label = unit.name + (f" — {head.person_name}" if head else "")
        rows.append((unit.id, unit.parent_id, label, staff.get(unit.id, [])))
    return rows


class OrgTree(Tree[str]):
    """Units and people; node data is the link of their page (``org:3``, ``person:12``).

    A unit's staff are added when the unit is first expanded: a 25,000-employee Comune
    would otherwise put 28,000 nodes in the tree before showing it.
    """

    DEFAULT_CSS = """
    OrgTree { width: 1fr; height: 1fr; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__("Organigramma", data="", **kwargs)
        self.show_root = False
        self.guide_depth = 2
        self._by_href: dict[str, TreeNode[str]] = {}
        self._staff: dict[int, list[tuple[int, str]]] = {}
        self._unit_of: dict[int, int] = {}

    def fill(self, rows: list[tuple[int, int | None, str, list[tuple[int, str]]]]) -> None:
        """Build the tree from :func:`load_chart` rows (parents before children or not)."""
        self.clear()
        self._by_href.clear()
        known = {unit_id for unit_id, *_ in rows}
        children: dict[int | None, list] = {}
        for row in rows:
            parent = row[1] if row[1] in known else None
            children.setdefault(parent, []).append(row)
        self._staff = {unit_id: people for unit_id, _p, _l, people in rows if people}
        self._unit_of = {pid: unit_id for unit_id, people in self._staff.items()
                         for pid, _name in people}

        def add(node: TreeNode[str], parent: int | None, depth: int) -> None:
            for unit_id, _parent, label, people in children.get(parent, []):
                href = f"org:{unit_id}"
                if people or unit_id in children:
                    child = node.add(label, data=href, expand=depth < 1)
                else:
                    child = node.add_leaf(label, data=href)
                self._by_href[href] = child
                add(child, unit_id, depth + 1)

        add(self.root, None, 0)
        for unit_id in list(self._staff):  # units open from the start show their staff
            node = self._by_href[f"org:{unit_id}"]
            if node.is_expanded:
                self._add_staff(node)

    def _add_staff(self, node: TreeNode[str]) -> None:
        unit_id = int(node.data.partition(":")[2]) if node.data else 0
        for person_id, name in self._staff.pop(unit_id, []):
            self._by_href[f"person:{person_id}"] = node.add_leaf(
                f"· {name}", data=f"person:{person_id}", before=0)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[str]) -> None:
        """A unit opened: show its staff (first time only)."""
        if event.node.data and event.node.data.startswith("org:"):
            self._add_staff(event.node)

    def reveal(self, href: str) -> None:
        """Expand the path to ``href`` and put the cursor on it."""
        kind, _, key = href.partition(":")
        if kind == "person" and href not in self._by_href and key.isdigit():
            unit = self._by_href.get(f"org:{self._unit_of.get(int(key), 0)}")
            if unit is not None:
                self._add_staff(unit)
        node = self._by_href.get(href)
        if node is None:
            return
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.call_after_refresh(self.move_cursor, node, animate=False)

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        """Open the page of the chosen unit or person."""
        event.stop()
        if event.node.data:
            self.post_message(FollowLink(event.node.data))
