"""Loading checks from the plugins and validating them against corpus and vocabulary.

A check that cites a comma the regulation does not have, reads a fact the
vocabulary does not define, or repeats another check's id is a load error: the
user gets one Italian line naming the check and the bad reference.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Sequence

import pluggy

from ordina.corpus import Corpus
from ordina.engine.check import SEVERITIES, SUBJECT_KINDS, Check
from ordina.engine.context import Lookup
from ordina.engine.vocabulary import FactSpec, build_vocabulary
from ordina.errors import UnknownReference, UserError


class CheckLoadError(UserError):
    """A plugin declares something the regulation or the vocabulary does not have."""


def validate_citation(corpus: Corpus | Callable[[], Corpus], cite: str, owner: str,
                      known: Collection[str] = ()) -> None:
    """Fail unless ``cite`` is the canonical citation of a unit of the corpus.

    :param corpus: the corpus, or a function returning it (called only when needed).
    :param known: canonical citations read from the database index: one of them is valid
        without the corpus, which is then needed only to explain a bad citation.
    """
    if cite in known:
        return
    if callable(corpus):
        corpus = corpus()
    try:
        unit = corpus.resolve(cite)
    except UnknownReference as exc:
        raise CheckLoadError(f"la verifica {owner} cita '{cite}', che non è nel regolamento"
                             + (f" (forse: {', '.join(exc.suggestions)})"
                                if exc.suggestions else "")) from None
    if unit.citation != cite:
        raise CheckLoadError(f"la verifica {owner} cita '{cite}': scrivere la forma canonica "
                             f"'{unit.citation}'")


class Registry:
    """The loaded and validated checks and lookups, indexed by id and intent."""

    def __init__(self, pm: pluggy.PluginManager, checks: Sequence[Check],
                 lookups: Sequence[Lookup], vocabulary: dict[str, FactSpec]) -> None:
        self.pm = pm
        self.checks = list(checks)
        self.lookups = list(lookups)
        self.vocabulary = vocabulary
        self._by_id = {c.id: c for c in self.checks}

    def get(self, check_id: str) -> Check:
        """The check with id ``check_id``.

        :raises UserError: listing the known ids when there is none.
        """
        try:
            return self._by_id[check_id]
        except KeyError:
            raise UserError(f"verifica sconosciuta: '{check_id}'; vedi 'ordina check --list'") \
                from None

    def for_intent(self, intent: str) -> list[Check]:
        """The checks that answer ``intent``, in load order."""
        return [c for c in self.checks if intent in c.intents]

    def lookups_for(self, intent: str) -> list[Lookup]:
        """The lookups that answer ``intent``."""
        return [lk for lk in self.lookups if intent in lk.intents]

    def for_subject(self, kind: str, tags: tuple[str, ...] = ()) -> list[Check]:
        """The checks the audit runs on subjects of ``kind`` (with ``tags``, also the
        checks declared for ``kind:tag``); without tags, every check of the kind or its tags.
        """
        wanted = {kind, *(f"{kind}:{t}" for t in tags)}
        return [c for c in self.checks
                if any(a in wanted or (not tags and a.startswith(kind + ":")) for a in c.audit)]

    def question(self, fact: str, lang: str = "it") -> str:
        """The interview question of ``fact`` in ``lang`` (generic when the vocabulary has none)."""
        spec = self.vocabulary.get(fact)
        if spec is not None and spec.ask(lang):
            return spec.ask(lang)
        if lang == "en":
            return f"What is the value of «{fact.replace('_', ' ')}»?"
        return f"Qual è il valore di «{fact.replace('_', ' ')}»?"

    def intents(self) -> list[str]:
        """Every intent some check or lookup answers."""
        out: list[str] = []
        for item in [*self.checks, *self.lookups]:
            out += [i for i in item.intents if i not in out]
        return out


def validate_check(check: Check, corpus: Corpus | Callable[[], Corpus],
                   vocabulary: dict[str, FactSpec], known: Collection[str] = ()) -> None:
    """Raise :class:`CheckLoadError` when ``check`` is badly declared (``corpus`` and
    ``known`` as in :func:`validate_citation`)."""
    if not check.citations:
        raise CheckLoadError(f"la verifica {check.id} non dichiara quali commi attua")
    for cite in check.all_citations():
        validate_citation(corpus, cite, check.id, known)
    read: list[str] = []
    for rule in getattr(check.evaluate, "rules", ()):
        read += rule.when.facts()
    if check.applies is not None:
        read += check.applies.facts()
    for name in [*check.facts, *read]:
        if name not in vocabulary:
            raise CheckLoadError(f"la verifica {check.id} usa il fatto '{name}', "
                                 "che non è nel vocabolario dei fatti (ordina facts)")
    undeclared = sorted(set(read) - set(check.facts))
    if undeclared:
        raise CheckLoadError(f"la verifica {check.id} legge fatti non dichiarati: "
                             f"{', '.join(undeclared)}")
    bad_kinds = [k for k in check.audit if k.split(":", 1)[0] not in SUBJECT_KINDS]
    if bad_kinds:
        raise CheckLoadError(f"la verifica {check.id} dichiara soggetti sconosciuti: {bad_kinds}")
    if check.severity not in SEVERITIES:
        raise CheckLoadError(f"la verifica {check.id}: gravità '{check.severity}' non prevista")


def load_registry(pm: pluggy.PluginManager, corpus: Corpus | None = None, *,
                  citations: Collection[str] = ()) -> Registry:
    """Collect checks, lookups and fact definitions from ``pm`` and validate them all.

    :param corpus: the regulation to validate citations against (default: the shipped one
        in force today, parsed only if some citation is not in ``citations``).
    :param citations: the canonical citations of that regulation, when already known
        (:func:`ordina.corpus.index.canonical_citations`): parsing it costs a cold start
        ~0.05 s.
    """
    if corpus is None:
        from ordina.corpus import load_corpus

        corpus = load_corpus  # type: ignore[assignment]  # called only when needed
    known = frozenset(citations)
    vocabulary = build_vocabulary(pm.hook.ordina_fact_definitions())
    checks = [c for batch in reversed(pm.hook.ordina_checks()) for c in (batch or ())]
    lookups = [lk for batch in reversed(pm.hook.ordina_lookups()) for lk in (batch or ())]
    seen: set[str] = set()
    for item in [*checks, *lookups]:
        if item.id in seen:
            raise CheckLoadError(f"due verifiche hanno lo stesso id '{item.id}'")
        seen.add(item.id)
    for check in checks:
        validate_check(check, corpus, vocabulary, known)
    for lookup in lookups:
        if not lookup.citations:
            raise CheckLoadError(f"la ricerca {lookup.id} non dichiara quali commi attua")
        for cite in lookup.citations:
            validate_citation(corpus, cite, lookup.id, known)
    return Registry(pm, checks, lookups, vocabulary)


def make_registry(dirs: Iterable[str | os.PathLike[str]] = (), builtin: bool = True, *,
                  citations: Collection[str] = ()) -> Registry:
    """A fresh registry: plugins loaded (see :mod:`ordina.plugins`) and validated
    (``citations`` as in :func:`load_registry`)."""
    from ordina.plugins import make_plugin_manager

    return load_registry(make_plugin_manager(dirs, builtin=builtin), citations=citations)


_DEFAULT: dict[tuple[str | None, ...], Registry] = {}


def default_registry(db=None) -> Registry:
    """The registry of the default plugins, built once per process (per environment).

    :param db: a database whose regulation index (``reg_units``) gives the canonical
        citations, so the first build need not parse the regulation (``ordina ask``).
    """
    key = tuple(os.environ.get(k) for k in
                ("ORDINA_CHECKS_DIR", "ORDINA_PLUGINS", "ORDINA_DISABLE_ENTRYPOINTS"))
    registry = _DEFAULT.get(key)
    if registry is None:
        _DEFAULT.clear()
        registry = _DEFAULT[key] = make_registry(citations=_indexed_citations(db))
    return registry


def _indexed_citations(db) -> frozenset[str]:
    """The shipped regulation's citations from ``db``'s index; empty when it cannot tell."""
    if db is None:
        return frozenset()
    import sqlite3

    from ordina.corpus.index import canonical_citations

    try:
        return canonical_citations(db)
    except (sqlite3.Error, UserError):  # a read-only or damaged file: parse instead
        return frozenset()
