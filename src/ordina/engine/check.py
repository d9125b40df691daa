"""Checks: declared rules of the regulation, evaluated with three-valued logic.

A :class:`Check` names the commi it implements, the intents it answers and the
facts it reads, and holds a pure function ``FactSet -> Outcome``. Most checks
build that function from an ordered list of :class:`Rule` with :class:`Rules`:

* the first rule whose condition is true gives the verdict;
* a true prohibition (``vietato``) decides even when other facts are missing,
  unless a rule that is true or still possible overrides it;
* when unknown facts leave more than one verdict possible the outcome is
  ``dati_mancanti`` and lists the facts that could still change it;
* a rule that prevails over another (``overrides``) states the conflict in the
  trace: both commi, which prevails and why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ordina.answer import VERDICT_LABELS, TraceStep, Verdict
from ordina.engine.logic import UNKNOWN, Expr
from ordina.engine.provenance import FactSet

#: Audit severities, from the most serious.
SEVERITIES = ("grave", "attenzione", "info")

#: Subject kinds the audit iterates over.
SUBJECT_KINDS = ("persona", "ufficio", "incarico", "contratto", "ente")

_UNDECIDED = "dati_mancanti"


@dataclass(frozen=True)
class Rule:
    """One comma turned into a condition and its consequence.

    :param id: short id, unique within the check (``divieto_commerciale``).
    :param cite: canonical citation of the comma (``art. 87 c. 1 lett. a``).
    :param when: the condition, over facts of the vocabulary.
    :param verdict: the verdict when the condition holds; None for a note that
        only adds a step to the trace (who decides, which deadline runs).
    :param says: the consequence in Italian, as a Segretario would read it.
    :param overrides: ids of rules of the same check this one prevails over.
    :param why: why it prevails (the principle: speciality, later rule, higher law).
    """

    id: str
    cite: str
    when: Expr
    verdict: Verdict | None
    says: str
    overrides: tuple[str, ...] = ()
    why: str = ""


@dataclass(frozen=True)
class Outcome:
    """What a check concluded, with everything needed to explain it.

    :param verdict: the verdict, ``dati_mancanti``, or None (a value, a name, not pertinent).
    :param answer: Markdown text of the conclusion.
    :param citations: canonical citations the conclusion rests on.
    :param trace: the reasoning, one step per comma.
    :param missing: names of the facts to ask, fastest-deciding first.
    :param data: computed values for programs (amounts, dates, names).
    :param pertinent: False when the check does not apply to these facts.
    """

    verdict: Verdict | None
    answer: str
    citations: tuple[str, ...] = ()
    trace: tuple[TraceStep, ...] = ()
    missing: tuple[str, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)
    pertinent: bool = True

    @classmethod
    def not_pertinent(cls, why: str = "") -> Outcome:
        """An outcome saying the check has nothing to say about these facts."""
        return cls(None, why, pertinent=False)

    @classmethod
    def needs(cls, missing: Sequence[str], trace: Sequence[TraceStep] = (),
              citations: Sequence[str] = ()) -> Outcome:
        """A ``dati_mancanti`` outcome for a raw check function."""
        return cls("dati_mancanti", "Mancano dati per decidere.", tuple(citations),
                   tuple(trace), tuple(missing))


Evaluate = Callable[[FactSet], Outcome]


@dataclass(frozen=True)
class Check:
    """A deterministic check of the regulation, contributed by a plugin.

    :param id: dotted id, module then check (``incarichi_esterni.attivita``).
    :param title: Italian title for listings and audit reports.
    :param citations: canonical citations it implements (validated against the corpus).
    :param intents: query intents it answers (``permesso_incarico``...).
    :param facts: names of the facts it reads, from the fact vocabulary.
    :param evaluate: pure function from facts to :class:`Outcome`.
    :param audit: subject kinds ``ordina check --all`` runs it over (``persona``...).
    :param severity: audit severity of a ``vietato`` finding.
    :param applies: optional precondition; when false the check is not pertinent.
    :param probes: extra values worth trying per fact when ranking missing facts.
    """

    id: str
    title: str
    citations: tuple[str, ...]
    intents: tuple[str, ...]
    facts: tuple[str, ...]
    evaluate: Evaluate
    audit: tuple[str, ...] = ()
    severity: str = "grave"
    applies: Expr | None = None
    probes: Mapping[str, Sequence[Any]] = field(default_factory=dict)

    def run(self, facts: FactSet) -> Outcome:
        """Evaluate the check on ``facts``, honouring :attr:`applies`."""
        if self.applies is not None:
            gate = self.applies.eval(facts)
            if gate is False:
                return Outcome.not_pertinent()
        return self.evaluate(facts)

    def all_citations(self) -> tuple[str, ...]:
        """Declared citations plus those of its rules, in order, without repeats."""
        cites = list(self.citations)
        rules = getattr(self.evaluate, "rules", ())
        for rule in rules:
            if rule.cite not in cites:
                cites.append(rule.cite)
        return tuple(cites)

    def candidate_values(self, name: str) -> list[Any]:
        """Values worth trying for ``name``: declared probes plus constants in the rules."""
        values: list[Any] = list(self.probes.get(name, ()))
        for rule in getattr(self.evaluate, "rules", ()):
            values += rule.when.probes(name)
        if self.applies is not None:
            values += self.applies.probes(name)
        out: list[Any] = []
        for value in values:
            if value not in out:
                out.append(value)
        return out


def _facts_line(expr: Expr, facts: FactSet) -> str:
    """``tipo attività = commerciale (dalla domanda); …`` for the facts ``expr`` read."""
    parts = []
    for name in expr.facts():
        fact = facts.fact(name)
        if fact is not None:
            parts.append(fact.describe())
    return "; ".join(parts)


def _common_cite(cites: Sequence[str]) -> str:
    """The longest common parent of citations (``art. 87 c. 1`` for its letters)."""
    first = cites[0].split()
    for cite in cites[1:]:
        words = cite.split()
        n = 0
        while n < min(len(first), len(words)) and first[n] == words[n]:
            n += 1
        first = first[:n]
    text = " ".join(first)
    if text.endswith(("c.", "lett.", "trattino")):
        text = text.rsplit(" ", 1)[0]
    return text or cites[0]


class Rules:
    """An ordered rule list as a pure ``FactSet -> Outcome`` function.

    :param rules: the rules, prohibitions first, exceptions before what they except.
    :param otherwise: verdict when no rule applies (None: the check has no opinion).
    :param otherwise_says: Italian text of that conclusion.
    :param otherwise_cite: the comma that gives it.
    """

    def __init__(self, rules: Sequence[Rule], otherwise: Verdict | None = None,
                 otherwise_says: str = "", otherwise_cite: str | None = None) -> None:
        ids = [r.id for r in rules]
        if len(set(ids)) != len(ids):
            raise ValueError(f"regole con id ripetuto: {ids}")
        self.rules: tuple[Rule, ...] = tuple(rules)
        self._by_id = {r.id: r for r in self.rules}
        for rule in self.rules:
            for other in rule.overrides:
                if other not in self._by_id:
                    raise ValueError(f"la regola {rule.id} prevale su '{other}', che non esiste")
        self._deciding = tuple(r for r in self.rules if r.verdict is not None)
        self._notes = tuple(r for r in self.rules if r.verdict is None)
        self._prohibitions = tuple(r for r in self._deciding if r.verdict == "vietato")
        self.otherwise = otherwise
        self.otherwise_says = otherwise_says
        self.otherwise_cite = otherwise_cite

    # The decision (fast path used by the audit) ---------------------------------------
    def decide(self, values: Mapping[str, Any]) -> tuple[str | None, Rule | None, list[Rule]]:
        """``(verdict, rule that fired, rules left unknown)``; verdict may be dati_mancanti.

        A true prohibition wins wherever it sits in the list, unless a rule that is
        true or still possible declares that it prevails over it.
        """
        possible: set[str | None] = set()
        unknown: list[Rule] = []
        fired: Rule | None = None
        status: dict[str, Any] = {}
        for rule in self._deciding:
            value = status[rule.id] = rule.when.eval(values)
            if value is UNKNOWN:
                possible.add(rule.verdict)
                unknown.append(rule)
            elif value:
                possible.add(rule.verdict)
                fired = rule
                break
        if fired is None:
            possible.add(self.otherwise)
        blockers: set[str] = set(fired.overrides) if fired is not None else set()
        for rule in unknown:
            blockers.update(rule.overrides)
        for rule in self._prohibitions:
            if rule.id in blockers:
                continue
            value = status.get(rule.id)
            if value is None:
                value = rule.when.eval(values)
            if value is True:
                return "vietato", rule, unknown
        if len(possible) == 1:
            return possible.pop(), fired, unknown
        return _UNDECIDED, fired, unknown

    # The explained outcome --------------------------------------------------------------
    def __call__(self, facts: FactSet) -> Outcome:
        verdict, fired, unknown = self.decide(facts)
        trace: list[TraceStep] = []
        citations: list[str] = []

        def cite(c: str | None) -> None:
            if c and c not in citations:
                citations.append(c)

        excluded = [r for r in self._deciding
                    if r is not fired and r not in unknown and r.when.eval(facts) is False
                    and (fired is None or self.rules.index(r) < self.rules.index(fired)
                         or r.verdict == "vietato")]
        prohibitions = [r.cite for r in excluded if r.verdict == "vietato"]
        if prohibitions and verdict != "vietato":
            common = _common_cite(prohibitions)
            trace.append(TraceStep(
                f"Nessun divieto ricorre sui fatti noti ({', '.join(prohibitions)}).", common))
        for note in self._notes:
            if note.when.eval(facts) is True:
                line = _facts_line(note.when, facts)
                trace.append(TraceStep(note.says + (f" [{line}]" if line else ""), note.cite))
                cite(note.cite)
        if verdict == _UNDECIDED:
            names: list[str] = []
            for rule in unknown:
                missing_here = [n for n in rule.when.facts() if n not in facts]
                known = _facts_line(rule.when, facts)
                trace.append(TraceStep(
                    f"Non si può ancora dire se si applica: {rule.says} "
                    f"(manca: {', '.join(n.replace('_', ' ') for n in missing_here)}"
                    + (f"; noto: {known}" if known else "") + ").", rule.cite))
                cite(rule.cite)
                names += [n for n in missing_here if n not in names]
            if fired is not None:
                trace.append(TraceStep(f"Se nessuna delle regole precedenti si applica: "
                                       f"{fired.says}", fired.cite))
                cite(fired.cite)
            return Outcome(_UNDECIDED, "Mancano dati per decidere.", tuple(citations),
                           tuple(trace), tuple(names))
        if fired is not None:
            line = _facts_line(fired.when, facts)
            trace.append(TraceStep(f"{fired.says}" + (f" [{line}]" if line else ""), fired.cite))
            cite(fired.cite)
            for other_id in fired.overrides:
                other = self._by_id[other_id]
                if other.when.eval(facts) is True:
                    trace.append(TraceStep(
                        f"Conflitto tra norme: {other.cite} ({other.says}) e {fired.cite} "
                        f"({fired.says}). Prevale {fired.cite}: {fired.why}", fired.cite))
                    cite(other.cite)
            answer = f"**{VERDICT_LABELS.get(verdict or '', 'esito')}**: {fired.says}"
            conflict = [s for s in trace if s.step.startswith("Conflitto")]
            if conflict:
                answer += "\n\n" + conflict[0].step
        else:
            if verdict is None and not self.otherwise_says:
                return Outcome.not_pertinent()
            trace.append(TraceStep(self.otherwise_says, self.otherwise_cite))
            cite(self.otherwise_cite)
            label = VERDICT_LABELS.get(verdict or "", "")
            answer = f"**{label}**: {self.otherwise_says}" if label else self.otherwise_says
        return Outcome(verdict, answer, tuple(citations), tuple(trace))  # type: ignore[arg-type]
