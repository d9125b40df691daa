"""Dated amendments on top of the source: the text in force on any date.

A Giunta resolution changes the regulation; the source file is never edited. Each
change is a YAML file in ``regulation/amendments/`` (or the directory named by
``ORDINA_AMENDMENTS``)::

    in_vigore_dal: 2026-03-01
    atto: Deliberazione della Giunta comunale n. 12 del 15 febbraio 2026
    operazioni:
      - sostituisci: art. 88 c. 3
        testo: L'insieme degli incarichi autorizzati …
      - inserisci: art. 88 c. 3-bis
        testo: …
      - abroga: art. 87 c. 1 lett. m

English keys (``date``, ``act``, ``operations``, ``substitute``, ``insert``,
``repeal``, ``text``, ``after``) are accepted too.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ordina.corpus.citations import LATIN, parse_reference
from ordina.corpus.model import Corpus, Unit
from ordina.corpus.sources import (  # noqa: F401 - re-exported, their home until now
    ENV_DIR,
    amendment_files,
    amendments_dir,
    fingerprint,
)
from ordina.errors import UserError

_ACTIONS = {"sostituisci": "substitute", "substitute": "substitute",
            "inserisci": "insert", "insert": "insert",
            "abroga": "repeal", "repeal": "repeal"}
_VERB = {"substitute": "sostituito", "insert": "inserito", "repeal": "abrogato"}
_LETTER_LINE = re.compile(r"^[-–]?\s*([a-z])(?:\s*-?\s*(" + "|".join(LATIN) + r"))?\s*\)\s*(.*)$")
_DASH_LINE = re.compile(r"^[-–—•]\s*(.*)$")


class AmendmentError(UserError):
    """An amendment file that cannot be read or applied."""


@dataclass(frozen=True)
class Operation:
    """One change: substitute, insert or repeal one comma or point."""

    action: str
    ref: str
    text: str = ""
    after: str | None = None


@dataclass(frozen=True)
class Amendment:
    """One amendment file: the act that made it, when it takes effect, what it changes."""

    id: str
    in_force: date
    act: str
    operations: tuple[Operation, ...]
    path: str = ""

    def to_dict(self) -> dict:
        """JSON-ready summary."""
        return {"id": self.id, "in_force": self.in_force.isoformat(), "act": self.act,
                "operations": [dataclasses.asdict(o) for o in self.operations]}


def _get(data: dict, *keys: str):
    for key in keys:
        if key in data:
            return data[key]
    return None


def _as_date(value, where: str) -> date:
    if isinstance(value, date):
        return value
    from ordina.formato import DateProblem, parse_date

    try:
        return parse_date(str(value))
    except DateProblem:
        raise AmendmentError(f"{where}: data di entrata in vigore non valida: {value!r}") from None


def parse_amendment(text: str, name: str = "emendamento") -> Amendment:
    """Read one amendment from YAML text.

    :raises AmendmentError: with the file name and what is wrong, in Italian.
    """
    import yaml

    label = f"emendamento {name}"
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" alla riga {mark.line + 1}" if mark else ""
        raise AmendmentError(f"{label}: YAML non valido{where}") from None
    if not isinstance(data, dict):
        raise AmendmentError(
            f"{label}: atteso un elenco di chiavi (in_vigore_dal, atto, operazioni)")
    when = _get(data, "in_vigore_dal", "date")
    act = _get(data, "atto", "act")
    ops = _get(data, "operazioni", "operations")
    if when is None or not act or not ops:
        raise AmendmentError(f"{label}: servono 'in_vigore_dal', 'atto' e 'operazioni'")
    if not isinstance(ops, list):
        raise AmendmentError(f"{label}: 'operazioni' deve essere un elenco (righe che iniziano "
                             "con '- ')")
    operations = []
    for i, op in enumerate(ops, start=1):
        where = f"{label}, operazione {i}"
        found = [k for k in op if k in _ACTIONS] if isinstance(op, dict) else []
        if len(found) != 1:
            raise AmendmentError(f"{where}: indicare una sola tra sostituisci, inserisci, abroga")
        action, target = _ACTIONS[found[0]], op[found[0]]
        body = _get(op, "testo", "text") or ""
        after = _get(op, "dopo", "after")
        if not isinstance(target, str | int | float) or not isinstance(body, str) or (
                after is not None and not isinstance(after, str | int | float)):
            raise AmendmentError(f"{where}: riferimenti e testo vanno scritti come testo semplice")
        if action != "repeal" and not body.strip():
            raise AmendmentError(f"{where}: manca il 'testo'")
        operations.append(Operation(action, str(target), body.strip(),
                                    str(after) if after is not None else None))
    return Amendment(id=name, in_force=_as_date(when, label), act=str(act),
                     operations=tuple(operations))


def load_amendments(directory: Path | None = None) -> list[Amendment]:
    """Every amendment in the directory, oldest in force first."""
    out = []
    for path in amendment_files(directory):
        amendment = parse_amendment(path.read_text(encoding="utf-8"), path.stem)
        out.append(dataclasses.replace(amendment, path=str(path)))
    return sorted(out, key=lambda a: (a.in_force, a.id))


def in_force(amendments: list[Amendment], as_of: date) -> list[Amendment]:
    """The amendments that have taken effect on ``as_of``."""
    return [a for a in amendments if a.in_force <= as_of]


# ---------------------------------------------------------------- applying


def _number_key(num: str) -> tuple[str | int, int]:
    """``"3-bis"`` -> ``(3, 1)``; ``"d"`` -> ``("d", 0)``: the order of inserted numbers."""
    base, _, latin = num.partition("-")
    rank = LATIN.index(latin) + 1 if latin in LATIN else 0
    return (int(base) if base.isdigit() else base, rank)


class _Editor:
    """Applies operations to a private copy of the corpus units."""

    def __init__(self, corpus: Corpus) -> None:
        self.units = {e: dataclasses.replace(u, children=list(u.children),
                                             history=list(u.history))
                      for e, u in corpus.units.items()}
        self.corpus = corpus

    def _drop_children(self, unit: Unit) -> None:
        for child in unit.children:
            self._drop_children(self.units[child])
            del self.units[child]
        unit.children = []

    def _fill(self, unit: Unit, text: str) -> None:
        """Set ``unit``'s text; lines after the first become its points or dashes."""
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        unit.text = lines[0] if lines else ""
        items = 0
        for line in lines[1:]:
            m = _LETTER_LINE.match(line)
            if m and unit.kind == "comma":
                num = m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")
                child = Unit(f"{unit.eid}__point_{num.replace('-', '')}", "lettera", num,
                             f"{unit.citation} lett. {num}", text=m.group(3), parent=unit.eid)
            else:
                items += 1
                dash = _DASH_LINE.match(line)
                child = Unit(f"{unit.eid}__item_{items}", "trattino", str(items),
                             f"{unit.citation} trattino {items}",
                             text=dash.group(1) if dash else line, parent=unit.eid)
            unit.children.append(child.eid)
            self.units[child.eid] = child

    def apply(self, amendment: Amendment) -> None:
        note_date = amendment.in_force.strftime("%d/%m/%Y")
        for i, op in enumerate(amendment.operations, start=1):
            where = f"emendamento {amendment.id}, operazione {i} ({op.ref})"
            parsed = parse_reference(op.ref)
            eid = parsed.eid() if parsed else None
            if not eid or parsed.comma is None or parsed.allegato or parsed.title:
                raise AmendmentError(
                    f"{where}: indicare un comma o una lettera, es. 'art. 88 c. 3'")
            note = f"{_VERB[op.action]} da {amendment.act}, in vigore dal {note_date}"
            if op.action == "insert":
                self._insert(eid, parsed, op, where).history.append(note)
                continue
            unit = self.units.get(eid)
            if unit is None:
                raise AmendmentError(f"{where}: non esiste nel testo in vigore")
            self._drop_children(unit)
            if op.action == "repeal":
                unit.text, unit.repealed = "", True
            else:
                self._fill(unit, op.text)
                unit.repealed = False
            unit.history.append(note)

    def _insert(self, eid: str, parsed, op: Operation, where: str) -> Unit:
        if eid in self.units:
            raise AmendmentError(f"{where}: esiste già; per cambiarlo usare 'sostituisci'")
        parent_eid = eid.rsplit("__", 1)[0]
        parent = self.units.get(parent_eid)
        if parent is None:
            raise AmendmentError(f"{where}: {parent_eid} non esiste nel testo in vigore")
        if parsed.letter:
            num = parsed.letter + (f"-{parsed.letter_latin}" if parsed.letter_latin else "")
            unit = Unit(eid, "lettera", num, f"{parent.citation} lett. {num}", parent=parent_eid)
        else:
            num = str(parsed.comma) + (f"-{parsed.comma_latin}" if parsed.comma_latin else "")
            unit = Unit(eid, "comma", num, f"{parent.citation} c. {num}", parent=parent_eid)
        self._fill(unit, op.text)
        siblings = parent.children
        if op.after:
            after = parse_reference(op.after)
            after_eid = after.eid() if after else None
            if after_eid not in siblings:
                raise AmendmentError(f"{where}: 'dopo: {op.after}' non è nello stesso livello")
            pos = siblings.index(after_eid) + 1
        else:
            same = [s for s in siblings if self.units[s].kind == unit.kind]
            before = [s for s in same if _number_key(self.units[s].num) <= _number_key(num)]
            pos = siblings.index(before[-1]) + 1 if before else 0
        siblings.insert(pos, eid)
        self.units[eid] = unit
        return unit

    def ordered(self) -> list[Unit]:
        """Units in document order: roots as before, then depth first."""
        out: list[Unit] = []

        def walk(unit: Unit) -> None:
            out.append(unit)
            for child in unit.children:
                walk(self.units[child])

        for unit in self.units.values():
            if unit.parent is None or unit.parent not in self.units:
                walk(unit)
        return out


def apply_amendments(corpus: Corpus, amendments: list[Amendment]) -> Corpus:
    """A new corpus: ``corpus`` with ``amendments`` applied in order (the input is untouched).

    :raises AmendmentError: when an operation names a unit that is not there.
    """
    editor = _Editor(corpus)
    for amendment in amendments:
        editor.apply(amendment)
    out = Corpus(editor.ordered(), source_name=corpus.source_name, anomalies=corpus.anomalies,
                 index_entries=corpus.index_entries, skipped=corpus.skipped)
    out.amendments = list(corpus.amendments) + list(amendments)
    return out


# ---------------------------------------------------------------- diff


@dataclass
class Change:
    """One unit that differs between two dates."""

    eid: str
    citation: str
    kind: str
    """``sostituito``, ``inserito``, ``abrogato`` or ``eliminato`` (when going back in time)."""
    before: str
    after: str
    acts: list[str]

    def to_dict(self) -> dict:
        """JSON-ready fields."""
        return dataclasses.asdict(self)


def diff(old: Corpus, new: Corpus) -> list[Change]:
    """What changed from ``old`` to ``new``, in document order.

    A unit counts as changed when its amendment history differs, so a substituted
    comma is one change (with its points), not one per point.
    """
    changes: list[Change] = []
    reported: set[str] = set()

    def inside_reported(eid: str) -> bool:
        return any(eid.startswith(r + "__") for r in reported)

    for eid, unit in new.units.items():
        if inside_reported(eid):
            continue
        before = old.get(eid)
        if before is None:
            kind, acts = "inserito", list(unit.history)
        elif unit.history == before.history:
            continue
        else:
            kind = "abrogato" if unit.repealed and not before.repealed else "sostituito"
            acts = ([h for h in unit.history if h not in before.history]
                    or [f"annullato: {h}" for h in before.history if h not in unit.history])
        changes.append(Change(eid, unit.citation, kind,
                              old.full_text(before) if before else "", new.full_text(unit), acts))
        reported.add(eid)
    for eid, unit in old.units.items():
        if eid not in new.units and not inside_reported(eid):
            changes.append(Change(eid, unit.citation, "eliminato", old.full_text(unit), "",
                                  [f"annullato: {h}" for h in unit.history]))
            reported.add(eid)
    return changes
