"""How each fact is said: its Italian and English surface forms, read from ``fact_forms.yaml``.

:mod:`ordina.facts` declares what a fact is (type, values, the Italian question); this
module reads, beside it, the words that state the fact in a question ("a titolo
gratuito" = ``paid`` false, "capo area" = ``is_area_head`` true), the labels that bind a
number to it ("importo massimo 14.000" is ``pmax``), its question in English and the
phrases of a conditional answer ("con part-time fino al 50%"). One file, data only: the
query layer and the engine both read it, nobody writes if-chains about words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

FORMS_FILE = Path(__file__).with_name("fact_forms.yaml")
#: The same data as JSON, read at run time: ``ordina ask`` starts without importing yaml.
#: Rebuilt from the YAML by ``python -m ordina.fact_forms`` (a test checks they agree).
COMPILED_FILE = Path(__file__).with_name("fact_forms.json")


@dataclass(frozen=True)
class FactForms:
    """The surface forms of one fact.

    :param true_forms: phrases stating the (boolean) fact true.
    :param false_forms: phrases stating it false.
    :param values: for a choice fact, canonical value -> phrases.
    :param number_labels: words that name a number as this fact's value.
    :param conditions: ``vero``/``falso``/``fino_a``/``oltre`` -> {"it": ..., "en": ...}.
    """

    name: str
    question_en: str = ""
    label: str = ""
    label_en: str = ""
    true_forms: tuple[str, ...] = ()
    false_forms: tuple[str, ...] = ()
    values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    number_labels: tuple[str, ...] = ()
    conditions: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Facts stated together with this one being true ("capo area" -> is_po_holder).
    implies: dict[str, Any] = field(default_factory=dict)
    #: Intents in which the phrases name something else (the contract being offered).
    not_in_intents: tuple[str, ...] = ()
    #: Words right before a phrase that make it name someone else ("direttive *ai* resp.
    #: di area": the area heads receive, they are not who the question is about).
    not_after: tuple[str, ...] = ()
    #: The :mod:`ordina.termini` term (years) the fact looks back on ("negli ultimi 2 anni"):
    #: a phrase told in the past states it only with a time inside that window.
    window: str = ""

    def condition(self, key: str, lang: str = "it", n: Any = None) -> str | None:
        """The phrase of a conditional answer (``se_vero``, ``fino_a``...) in ``lang``."""
        texts = self.conditions.get(key)
        if not texts:
            return None
        text = texts.get(lang) or texts.get("it")
        if text is None:
            return None
        return text.replace("{n}", _number(n)) if n is not None else text


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _strings(raw: Any) -> tuple[str, ...]:
    return tuple(str(x) for x in raw or ())


def _read(name: str, raw: dict[str, Any]) -> FactForms:
    conditions = {key.removeprefix("se_"): dict(raw[key])
                  for key in ("se_vero", "se_falso", "fino_a", "oltre") if key in raw}
    return FactForms(
        name=name, question_en=str(raw.get("domanda_en", "") or ""),
        label=str(raw.get("etichetta", "") or ""), label_en=str(raw.get("etichetta_en", "") or ""),
        true_forms=_strings(raw.get("vero")), false_forms=_strings(raw.get("falso")),
        values={str(k): _strings(v) for k, v in (raw.get("valori") or {}).items()},
        number_labels=_strings(raw.get("etichette")), conditions=conditions,
        implies=dict(raw.get("implica") or {}),
        not_in_intents=_strings(raw.get("intenti_esclusi")),
        not_after=_strings(raw.get("non_dopo")), window=str(raw.get("finestra", "") or ""))


def read_source() -> dict[str, Any]:
    """The YAML source, parsed (what people edit)."""
    # yaml is imported here only: the cold ``ordina ask`` path reads the JSON copy
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(FORMS_FILE.read_text(encoding="utf-8"), Loader=loader) or {}


def build() -> Path:
    """Write the JSON copy of the YAML source; returns its path."""
    COMPILED_FILE.write_text(json.dumps(read_source(), ensure_ascii=False, indent=1,
                                        sort_keys=True) + "\n", encoding="utf-8")
    return COMPILED_FILE


@lru_cache(maxsize=1)
def all_forms() -> dict[str, FactForms]:
    """Every fact's forms, read once per process (from the JSON copy when it is there)."""
    if COMPILED_FILE.is_file():
        data = json.loads(COMPILED_FILE.read_text(encoding="utf-8"))
    else:
        data = read_source()
    return {str(name): _read(str(name), raw or {}) for name, raw in data.items()}


def forms(name: str) -> FactForms:
    """The forms of ``name`` (empty forms for a fact the file does not mention)."""
    return all_forms().get(name) or FactForms(name)


def question_en(name: str) -> str:
    """The English question of ``name`` ("" when none is written)."""
    return forms(name).question_en


if __name__ == "__main__":
    print(f"scritto {build()}")
