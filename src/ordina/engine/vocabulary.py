"""The fact vocabulary as the engine sees it: ``ordina.facts`` plus plugin additions.

``ordina.facts`` is the single list of facts a question, ``--fact`` or the
interview can state (name, type, allowed values, the question to ask). Third-party
plugins may add facts through the ``ordina_fact_definitions`` hook; a name already
in ``ordina.facts`` keeps its definition there.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ordina.fact_forms import question_en

#: Types whose values can be enumerated when ranking the missing facts.
BOOL_TYPES = {"bool", "boolean", "booleano", "sì/no", "si/no"}


@dataclass(frozen=True)
class FactSpec:
    """One fact of the vocabulary.

    :param name: the name used by checks and by ``--fact NAME=VALUE``.
    :param type: ``bool``, ``enum``, ``int``, ``euro``, ``percent``, ``date``, ``str``...
    :param values: the allowed values of an enumerated fact.
    :param question: the Italian question the interview asks.
    :param question_en: the same question for an English question (``fact_forms.yaml``).
    """

    name: str
    type: str
    values: tuple[Any, ...] = ()
    question: str = ""
    question_en: str = ""

    def ask(self, lang: str = "it") -> str:
        """The question in ``lang`` (Italian when no English form is written)."""
        return (self.question_en if lang == "en" else "") or self.question

    def domain(self) -> list[Any]:
        """The values to try when ranking: both booleans, or the allowed values."""
        if self.type.lower() in BOOL_TYPES:
            return [True, False]
        return list(self.values)


def _field(obj: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        if isinstance(obj, Mapping) and name in obj:
            return obj[name]
        if hasattr(obj, name):
            return getattr(obj, name)
    return default


def as_spec(obj: Any, name: str | None = None) -> FactSpec:
    """Read any fact definition (dataclass, dict, FactSpec) into a :class:`FactSpec`."""
    if isinstance(obj, FactSpec):
        if obj.question_en:
            return obj
        return replace(obj, question_en=question_en(obj.name))
    values = _field(obj, "values", "allowed", "choices", "allowed_values", default=()) or ()
    if isinstance(values, Mapping):
        values = tuple(values)
    kind = _field(obj, "type", "kind", default="str")
    kind = getattr(kind, "value", None) or getattr(kind, "__name__", None) or str(kind)
    return FactSpec(
        name=str(_field(obj, "name", default=name)),
        type=str(kind),
        values=tuple(values),
        question=str(_field(obj, "question", "domanda", default="") or ""),
        question_en=str(_field(obj, "question_en", "domanda_en", default="") or "")
        or question_en(str(_field(obj, "name", default=name))),
    )


def core_definitions() -> list[FactSpec]:
    """The definitions of ``ordina.facts`` (empty when that module is not there)."""
    try:
        module = importlib.import_module("ordina.facts")
    except ModuleNotFoundError:
        return []
    for attr in ("FACTS", "VOCABULARY", "FACT_VOCABULARY"):
        found = getattr(module, attr, None)
        if found is not None:
            break
    else:
        fn = getattr(module, "vocabulary", None) or getattr(module, "all_facts", None)
        found = fn() if callable(fn) else []
    if isinstance(found, Mapping):
        return [as_spec(v, k) for k, v in found.items()]
    return [as_spec(v) for v in found]


def build_vocabulary(extra: Iterable[Iterable[Any]] = ()) -> dict[str, FactSpec]:
    """``ordina.facts`` plus the plugins' additions (lists from the hook)."""
    vocab = {spec.name: spec for spec in core_definitions()}
    for batch in extra:
        for obj in batch or ():
            spec = as_spec(obj)
            vocab.setdefault(spec.name, spec)
    return vocab
