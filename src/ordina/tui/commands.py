"""Command-palette providers: every key binding, and every reference of the regulation.

:class:`ActionsProvider` is built from the live bindings of the screen, so an action
with a key is always in the palette too (a test checks it).
"""

from __future__ import annotations

import asyncio
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode


class ActionsProvider(Provider):
    """Every action of the current screen and of the app, by its footer label."""

    def _bindings(self) -> list[tuple[Binding, DOMNode]]:
        """The focused widgets' active bindings, then every binding of the screen and app.

        Keys like ``s`` are inactive while a text box has the focus; the palette still
        offers their action.
        """
        found = [(a.binding, a.node) for a in self.screen.active_bindings.values()]
        for node in (self.screen, self.app):
            for bindings in node._bindings.key_to_bindings.values():
                found += [(b, node) for b in bindings]
        return found

    def _actions(self) -> list[tuple[str, str, str, object]]:
        out = []
        seen: set[str] = set()
        for binding, node in self._bindings():
            if not binding.description or binding.system or binding.action in seen:
                continue
            seen.add(binding.action)
            keys = self.app.get_key_display(binding)
            help_text = f"{binding.tooltip} [{keys}]" if binding.tooltip else f"[{keys}]"
            run = partial(self.app.run_action, binding.action, node)
            out.append((binding.description, help_text, binding.key, run))
        return out

    async def discover(self) -> Hits:
        """List all actions when the palette opens."""
        for label, help_text, _key, run in self._actions():
            yield DiscoveryHit(label, run, help=help_text)

    async def search(self, query: str) -> Hits:
        """Actions whose label or explanation matches what was typed."""
        matcher = self.matcher(query)
        for label, help_text, _key, run in self._actions():
            score = max(matcher.match(label), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(label), run, text=label, help=help_text)


class ReferenceProvider(Provider):
    """Open any unit: "art 88 c 3", "all. D", or words of an article's heading."""

    async def search(self, query: str) -> Hits:
        """A reference that resolves comes first; then headings that match the words."""
        from ordina.corpus.citations import parse_reference
        from ordina.errors import UserError

        app = self.app
        corpus = app.corpus  # type: ignore[attr-defined]
        text = query.strip()
        if not text:
            return
        if parse_reference(text) is not None or text in corpus:
            try:
                unit = corpus.resolve(text)
            except UserError:
                unit = None
            if unit is not None:
                label = f"Apri {unit.citation}"
                yield Hit(1.0, label, partial(app.open_unit, unit.eid), text=label,
                          help=(unit.heading or unit.text)[:80])
        matcher = self.matcher(query)
        for unit in corpus.units.values():
            if unit.kind not in ("articolo", "allegato", "titolo"):
                continue
            label = f"{unit.citation} – {unit.heading}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(score * 0.9, matcher.highlight(label), partial(app.open_unit, unit.eid),
                          text=label, help="Apri nel regolamento")


class PeopleProvider(Provider):
    """Open a person's page: a name ("Rossi", "mario rossi") or a matricola."""

    async def search(self, query: str) -> Hits:
        """People found by :func:`ordina.tui.people_search.people_hits`, best first."""
        if len(query.strip()) < 2:
            return
        app = self.app
        try:
            hits = await asyncio.to_thread(_people_hits, app, query)
        except Exception:  # noqa: BLE001 - a database not ready yet: no people to offer
            return
        for rank, (href, label) in enumerate(hits):
            text = f"Persona: {label}"
            yield Hit(0.95 - rank * 0.01, text, partial(app.go, "people", href),  # type: ignore[attr-defined]
                      text=text, help="Apri la scheda nella scheda Persone")


def _people_hits(app: object, query: str) -> list[tuple[str, str]]:
    """Search people on a connection owned by the worker thread."""
    from ordina.tui.people_search import people_hits

    with app.data.connection() as db:  # type: ignore[attr-defined]
        return people_hits(db, query, limit=8)
