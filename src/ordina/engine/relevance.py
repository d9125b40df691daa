"""Which missing facts can still change the verdict, and what each of their values gives.

A decision rests on few facts. For each missing fact we try its values (both booleans,
the constants the rules compare it with and their neighbours, the choices the rules name
plus one "other") and look at the combined verdict of the checks:

* values that give different verdicts: the fact matters, it is asked;
* values that all give the same decided verdict: the fact cannot change it, not asked;
* values that all leave it undecided: it may matter together with another fact, so we
  try it again with each value of each other missing fact (pairs, within a budget).

Facts are ranked by the share of their values that settle the verdict alone, so the most
decisive comes first. When one fact decides, :func:`branches` gives the verdict of each
of its values: the conditional answer ("vietato a tempo pieno; con part-time fino al 50%
basta la comunicazione").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ordina.engine.check import Check, Rules
from ordina.engine.provenance import FactSet
from ordina.engine.registry import Registry
from ordina.errors import UserError
from ordina.fact_forms import forms

#: How strict a decided verdict is, when several checks agree to allow something.
STRICTNESS = {"consentito": 0, "comunicazione": 1, "autorizzazione": 2, "vietato": 3}
UNDECIDED = "dati_mancanti"
#: A value none of the rules names, standing for "anything else" of a choice fact.
OTHER = "__altro__"
#: At most this many check runs to decide which facts matter (keeps ``ask`` fast).
BUDGET = 1500
#: A long choice list (26 activity kinds) is not tried as a partner of each other fact.
MAX_PARTNER_VALUES = 10
#: Verdicts that allow the activity, in any form (the safe side among them is the strictest).
PERMITTED = frozenset({"consentito", "comunicazione", "autorizzazione"})
#: At most this many combinations of the open facts are tried for the permitted bound.
BOUND_BUDGET = 256


@dataclass(frozen=True)
class Branch:
    """What the verdict is for some values of one fact."""

    values: tuple[Any, ...]
    verdict: str | None
    cite: str | None


def verdict_of(checks: Sequence[Check], facts: FactSet | _Lazy,
               values: Mapping[str, Any] | None = None) -> tuple[str | None, str | None]:
    """The combined verdict of ``checks`` on ``facts`` and the comma that decides it.

    Combined as the answer combines them: one ``vietato`` decides; otherwise missing
    data; otherwise the strictest requirement. Rule lists use their fast path, on the
    plain ``values`` when given (the same facts without provenance: cheaper to copy).
    """
    plain: Mapping[str, Any] = facts if values is None else values
    found: list[tuple[str, str | None]] = []
    for check in checks:
        if check.applies is not None and check.applies.eval(plain) is False:
            continue
        evaluate = check.evaluate
        if isinstance(evaluate, Rules):
            decision = evaluate.decide(plain)
            if decision.verdict is None and not evaluate.otherwise_says and decision.fired is None:
                continue
            cite = decision.fired.cite if decision.fired is not None else evaluate.otherwise_cite
            found.append((decision.verdict, cite))  # type: ignore[arg-type]
            continue
        try:
            outcome = evaluate(facts.build() if isinstance(facts, _Lazy) else facts)
        except UserError:
            continue  # a tried value the stated facts rule out (25 points where 20 is the top)
        if not outcome.pertinent:
            continue
        cites = outcome.decisive or outcome.citations
        found.append((outcome.verdict, cites[0] if cites else None))  # type: ignore[arg-type]
    decided = [(v, c) for v, c in found if v is not None]
    if not decided:
        return None, None
    for v, c in decided:
        if v == "vietato":
            return v, c
    for v, c in decided:
        if v == UNDECIDED:
            return v, c
    return max(decided, key=lambda vc: STRICTNESS.get(vc[0], 0))


def domain(name: str, checks: Sequence[Check], registry: Registry) -> list[Any]:
    """The values worth trying for ``name``: booleans, or what the rules compare it with."""
    spec = registry.vocabulary.get(name)
    if spec is not None and spec.domain() == [True, False]:
        return [True, False]
    values: list[Any] = []
    for check in checks:
        for value in check.candidate_values(name):
            if value not in values:
                values.append(value)
    allowed = list(spec.values) if spec is not None else []
    if allowed and values and any(v not in values for v in allowed):
        values.append(OTHER)
    if not values and allowed:
        values = allowed
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if numbers and len(numbers) == len(values):
        values = sorted(values)
    return values


class _Lazy:
    """The facts plus a few tried values, built as a :class:`FactSet` only if a check
    that is not a rule list needs one (rule lists read the plain values)."""

    def __init__(self, base: FactSet, extra: dict[str, Any]) -> None:
        self._base = base
        self._extra = extra
        self._built: FactSet | None = None

    def build(self) -> FactSet:
        if self._built is None:
            built = self._base
            for name, value in self._extra.items():
                built = built.with_value(name, value)
            self._built = built
        return self._built


class Relevance:
    """The verdict as a function of the missing facts, tried value by value."""

    def __init__(self, checks: Sequence[Check], facts: FactSet, registry: Registry) -> None:
        self.checks = [c for c in checks if c.run(facts).pertinent] or list(checks)
        self.facts = facts
        self.registry = registry
        self.runs = 0
        self._domains: dict[str, list[Any]] = {}
        self._seen: dict[tuple[tuple[str, Any], ...], tuple[str | None, str | None]] = {}
        self._plain = dict(facts)

    def values(self, name: str) -> list[Any]:
        if name not in self._domains:
            self._domains[name] = domain(name, self.checks, self.registry)
        return self._domains[name]

    def verdict(self, extra: dict[str, Any]) -> tuple[str | None, str | None]:
        key = tuple(sorted(extra.items(), key=lambda kv: kv[0]))
        if key in self._seen:
            return self._seen[key]
        self.runs += 1
        extra = {name: f"{OTHER}{name}" if value is OTHER else value
                 for name, value in extra.items()}
        for name, value in list(extra.items()):
            if value is True:  # what the fact states with it ("paid": more than expenses)
                for other, implied in forms(name).implies.items():
                    if other not in self._plain and other not in extra:
                        extra[other] = implied
        facts = _Lazy(self.facts, extra)
        found = self._seen[key] = verdict_of(self.checks, facts, {**self._plain, **extra})
        return found

    def verdicts(self, name: str, extra: dict[str, Any] | None = None) -> list[tuple[str | None, str | None]]:
        return [self.verdict({**(extra or {}), name: v}) for v in self.values(name)]

    def rank(self, names: Sequence[str]) -> list[str]:
        """The facts of ``names`` that can change the verdict, most decisive first."""
        scores: dict[str, float] = {}
        undetermined: list[str] = []
        for name in names:
            if not self.values(name):
                scores[name] = 0.0  # a date or an amount the rules do not compare: ask it
                continue
            found = [v for v, _c in self.verdicts(name)]
            if len(set(found)) > 1:
                scores[name] = sum(v != UNDECIDED for v in found) / len(found)
            elif found and found[0] == UNDECIDED:
                undetermined.append(name)
            elif found and found[0] is None:
                scores[name] = 1.0  # a calculation: every value gives the result
        # pair each with the facts that already matter first: the likeliest partners,
        # and those with few values (working time, yes/no) before the long choice lists
        partners = sorted((n for n in names if len(self.values(n)) <= MAX_PARTNER_VALUES),
                          key=lambda n: (n not in scores, len(self.values(n))))
        kept = [n for n in undetermined if self._matters_with_another(n, partners)]
        if not scores and not kept:
            kept = undetermined  # nothing else can move it: the check waits for these
        for name in kept:
            scores[name] = 0.0
        order = {n: i for i, n in enumerate(names)}
        return sorted(scores, key=lambda n: (-scores[n], order[n]))

    def _matters_with_another(self, name: str, names: Sequence[str]) -> bool:
        for other in names:
            if other == name:
                continue
            for value in self.values(other):
                if self.runs > BUDGET:
                    return True  # out of budget: ask rather than drop a fact that may matter
                found = {v for v, _c in self.verdicts(name, {other: value})}
                if len(found) > 1:
                    return True
        return False

    def permitted_bound(self, names: Sequence[str]) -> tuple[str, str | None] | None:
        """The strictest verdict over every combination of ``names``, when none forbids.

        An incarico that is authorisable if paid and needs only a communication if unpaid
        is never forbidden: asking for the authorisation is safe whichever the facts are.
        ``None`` when some combination forbids it, leaves it undecided, or when there are
        too many combinations to try.
        """
        combos: list[dict[str, Any]] = [{}]
        for name in names:
            values = self.values(name)
            if not values or len(combos) * len(values) > BOUND_BUDGET:
                return None
            combos = [{**c, name: v} for c in combos for v in values]
        found = [self.verdict(c) for c in combos]
        if not found or any(v not in PERMITTED for v, _c in found):
            return None
        if len({v for v, _c in found}) < 2:
            return None
        return max(found, key=lambda vc: STRICTNESS.get(vc[0] or "", 0))

    def form_beside_bans(self, names: Sequence[str]
                         ) -> tuple[str, str | None, tuple[str, ...]] | None:
        """The communication every combination of ``names`` needs unless a ban forbids it
        outright, with the communication's comma and the bans' commi.

        "Serve l'autorizzazione per un incarico pagato solo a rimborso spese?": a
        communication (art. 89 c. 1), for every activity no ban of art. 87 c. 1 reaches.
        ``None`` when a combination is undecided or allowed otherwise, when no ban is among
        them, or when there are too many combinations to try.
        """
        combos: list[dict[str, Any]] = [{}]
        for name in names:
            values = self.values(name)
            if not values or len(combos) * len(values) > BOUND_BUDGET:
                return None
            combos = [{**c, name: v} for c in combos for v in values]
        found = []
        for combo in combos:
            result = self.verdict(combo)
            if result[0] == UNDECIDED:  # one level deeper: the facts this case still asks
                deeper = self._deeper(combo)
                if deeper is None:
                    return None
                found += deeper
            else:
                found.append(result)
        forms = {(v, c) for v, c in found if v != "vietato"}
        bans = tuple(sorted({c for v, c in found if v == "vietato" and c}))
        if len({v for v, _c in forms}) != 1 or not bans:
            return None
        verdict, cite = min(forms, key=lambda vc: vc[1] or "")
        return (verdict, cite, bans) if verdict == "comunicazione" else None

    def _deeper(self, combo: dict[str, Any]) -> list[tuple[str | None, str | None]] | None:
        """The verdicts of ``combo`` with each value of the facts it still misses (None when
        that is still undecided or too many to try)."""
        facts = _Lazy(self.facts, combo).build()
        names = sorted({n for c in self.checks for n in c.run(facts).missing
                        if n not in combo and n not in self._plain})
        combos: list[dict[str, Any]] = [dict(combo)]
        for name in names:
            values = self.values(name)
            if not values or len(combos) * len(values) > BOUND_BUDGET:
                return None
            combos = [{**c, name: v} for c in combos for v in values]
        found = [self.verdict(c) for c in combos]
        return None if any(v == UNDECIDED for v, _c in found) else found

    def branches(self, name: str) -> list[Branch]:
        """The verdict of each value of ``name`` (values with the same result together)."""
        out: list[Branch] = []
        for value, (verdict, cite) in zip(self.values(name), self.verdicts(name), strict=True):
            if out and out[-1].verdict == verdict and out[-1].cite == cite:
                last = out[-1]
                out[-1] = Branch((*last.values, value), verdict, cite)
            else:
                out.append(Branch((value,), verdict, cite))
        return out
