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

#: The one table of severity names, used by the Markdown and JSON reports and the TUI.
SEVERITY_LABELS = {"grave": "grave", "attenzione": "da verificare", "info": "informazione"}

#: Subject kinds the audit iterates over.
SUBJECT_KINDS = ("persona", "ufficio", "interim", "unita", "incarico", "mansione", "contratto",
                 "richiesta", "ente")

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
    deferrable: bool = False
    """A prohibition the deciding body assesses (conflict of interest, interference):
    while its facts are unknown it does not block the verdict, and the answer states it
    as a condition to verify. When its condition is true it still decides."""
    when_verdict: tuple[str, ...] = ()
    """For notes: show the note only when the check reaches one of these verdicts."""
    once_decided: bool = False
    """For a deferrable prohibition: it waits only once another rule has decided the
    question's point ("the Segretario's brother is no kin art. 54 c. 2 bars": the cap and the
    mandate are then conditions of the act); with nothing decided it is asked as any other."""
    assessed: tuple[str, ...] = ()
    """For a deferrable prohibition: the facts the deciding body assesses. The rule defers
    only while one of them is unknown; once they are stated ("the client is a supplier of
    the Comune") the other facts it reads are asked like any other. Empty: all of them."""

    def defers(self, values: Mapping[str, Any]) -> bool:
        """True when this deferrable rule may wait: one of its assessed facts is unknown."""
        if not self.deferrable:
            return False
        return not self.assessed or any(values.get(name, UNKNOWN) is UNKNOWN
                                       for name in self.assessed)


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
    conditions: tuple[str, ...] = ()
    """Facts of deferrable prohibitions still unknown: the verdict holds if they do not apply."""
    finding: bool | None = None
    """For the audit: True/False overrides the default (a finding when the verdict is vietato),
    for checks whose problem is not a prohibition (a post left uncovered)."""
    decisive: tuple[str, ...] = ()
    """The citations that gave the verdict (the rule that fired, the rule it prevails over);
    the others in :attr:`citations` are context (notes, conditions). Empty: all decide."""
    severity: str | None = None
    """For the audit: overrides the check's severity for this outcome (one of SEVERITIES)."""
    yes_no: bool | None = None
    """A calculation's answer to a yes/no question ("mi spetta il risultato?": the allowance
    is due or not); a yes/no question gets it as its verdict (consentito / vietato)."""
    settles: bool = False
    """A permission that answers the question whatever other checks still ask: the silence
    of art. 88 c. 6 on a request to a public body is the authorisation itself."""
    clearing_readings: tuple[str, ...] = ()
    """Readings of an ambiguous text under which this finding would not arise: a finding that
    rests on an ambiguous reading is never ``grave`` (the audit files it ``attenzione``)."""

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
class Azione:
    """What the office does about a finding, with the comma that prescribes it.

    :param fa: the action in Italian, imperative infinitive (``diffidare il dipendente …``);
        ``{name}`` placeholders are filled from the outcome's ``data``.
    :param cite: canonical citation of the comma that prescribes it.
    """

    fa: str
    cite: str

    def testo(self, data: Mapping[str, Any] | None = None) -> str:
        """The action with its placeholders filled and its citation: ``… (art. 91 c. 4)``."""
        text = self.fa
        if "{" in text:
            try:
                text = text.format_map(_Known(data or {}))
            except (IndexError, ValueError):
                text = self.fa
        return f"{text} ({self.cite})"


class _Known(dict):
    """Placeholders the outcome does not fill read «…», never ``{name}``."""

    def __missing__(self, key: str) -> str:
        return "…"


@dataclass(frozen=True)
class Check:
    """A deterministic check of the regulation, contributed by a plugin.

    :param id: dotted id, module then check (``incarichi_esterni.attivita``).
    :param title: Italian title for listings and audit reports.
    :param citations: canonical citations it implements (validated against the corpus).
    :param intents: query intents it answers (``permesso_incarico``...).
    :param facts: names of the facts it reads, from the fact vocabulary.
    :param evaluate: pure function from facts to :class:`Outcome`.
    :param audit: subject kinds ``ordina check --all`` runs it over (``persona``...), or a
        kind with a tag (``ufficio:responsabile_area``, ``richiesta:part_time``).
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
    actions: Mapping[str, Sequence[Azione]] = field(default_factory=dict)
    """What to do about a finding, by the id of the rule that gave it (``outcome.data
    ["regola"]``, or every rule in ``["regole"]``), ``*`` for every other finding."""

    def actions_for(self, outcome: Outcome) -> tuple[Azione, ...]:
        """The actions a finding of this check calls for (its rule's, else the default)."""
        data = outcome.data or {}
        rules = [str(r) for r in data.get("regole", ())] or (
            [str(data["regola"])] if data.get("regola") else [])
        out: list[Azione] = []
        for rule in rules:
            out += [a for a in self.actions.get(rule, ()) if a not in out]
        return tuple(out or self.actions.get("*", ()))

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


def _facts_line(expr: Expr, facts: FactSet, sources: tuple[str, ...] = ()) -> str:
    """``tipo attività = commerciale (dalla domanda); …`` for the facts ``expr`` read
    (only those from ``sources`` when given: what the user did not say themselves)."""
    parts = []
    labels = expr.labels()
    for name in expr.facts():
        fact = facts.fact(name)
        if fact is not None and (not sources or fact.source in sources):
            parts.append(fact.describe(labels.get(name)))
    return "; ".join(parts)


def _cited(text: str, cite: str | None) -> str:
    """``… vigili urbani (art. 80 c. 4).``: the comma at the end of the sentence."""
    if not cite:
        return text
    body = text.rstrip()
    end = "." if body.endswith(".") else ""
    body = body.removesuffix(".")
    return f"{body}, {cite}{end}" if body.endswith(")") else f"{body} ({cite}){end}"


def _names(expr: Expr, names: Sequence[str]) -> str:
    """Italian labels of ``names`` as ``expr`` calls them."""
    labels = expr.labels()
    return ", ".join(labels.get(n, n.replace("_", " ")) for n in names)


def _common_cite(cites: Sequence[str]) -> str | None:
    """The closest unit containing every citation (``art. 87 c. 1`` for its letters).

    Citations are pairs of label and number (``art. 87``, ``c. 1``, ``lett. a``), so the
    common parent is the longest common run of whole pairs. Citations of different
    articles have none: the step then names them all in its text and cites no single unit
    (a bare ``art.`` would not resolve).
    """
    if not cites:
        return None
    pairs = [list(zip(c.split()[0::2], c.split()[1::2], strict=False)) for c in cites]
    common: list[tuple[str, str]] = []
    for level in zip(*pairs, strict=False):
        if any(p != level[0] for p in level[1:]):
            break
        common.append(level[0])
    return " ".join(f"{label} {number}" for label, number in common) or None


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

    def _excluded_text(self, excluded: list[str], facts: FactSet) -> str:
        """``Sui fatti noti non ricorre il divieto dell'art. 54 c. 2 (legame = …).``"""
        if len(excluded) > 1:
            return f"Sui fatti noti non ricorrono i divieti di {', '.join(excluded)}."
        rules = [r for r in self._prohibitions if r.cite == excluded[0]]
        line = "; ".join(dict.fromkeys(
            part for r in rules for part in _facts_line(r.when, facts).split("; ") if part))
        return (f"Sui fatti noti non ricorre il divieto dell'{excluded[0]}"
                + (f" ({line})" if line else "") + ".")

    # The decision (fast path used by the audit) ---------------------------------------
    def decide(self, values: Mapping[str, Any]) -> Decision:
        """The verdict (possibly ``dati_mancanti``), the rule that gave it, what is open.

        A true prohibition wins wherever it sits in the list, unless a rule that is
        true or still possible declares that it prevails over it.
        """
        possible: set[str | None] = set()
        unknown: list[Rule] = []
        deferred: list[Rule] = []
        fired: Rule | None = None
        status: dict[str, Any] = {}
        waiting: list[Rule] = []
        for rule in self._deciding:
            value = status[rule.id] = rule.when.eval(values)
            if value is UNKNOWN:
                if rule.defers(values):
                    (waiting if rule.once_decided else deferred).append(rule)
                    continue
                possible.add(rule.verdict)
                unknown.append(rule)
            elif value:
                possible.add(rule.verdict)
                fired = rule
                break
        for rule in waiting:  # a condition of the act only once the point is decided
            if fired is not None and fired.verdict != "vietato":
                deferred.append(rule)
            else:
                possible.add(rule.verdict)
                unknown.append(rule)
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
                return Decision("vietato", rule, unknown, [])
        if fired is None or fired.verdict != "vietato":
            deferred += [r for r in self._prohibitions
                         if r.defers(values) and r.id not in status and r.id not in blockers
                         and (fired is not None or not r.once_decided)
                         and r.when.eval(values) is UNKNOWN]
        else:
            deferred = []
        if len(possible) == 1:
            return Decision(possible.pop(), fired, unknown, deferred)
        return Decision(_UNDECIDED, fired, unknown, deferred)

    # The explained outcome --------------------------------------------------------------
    def __call__(self, facts: FactSet) -> Outcome:
        decision = self.decide(facts)
        verdict, fired, unknown = decision.verdict, decision.fired, decision.unknown
        trace: list[TraceStep] = []
        citations: list[str] = []

        def cite(c: str | None) -> None:
            if c and c not in citations:
                citations.append(c)

        # a comma is excluded only when every rule citing it is false ("fornitori" and
        # "controllati" share lett. i: one false does not exclude the other)
        open_cites = {r.cite for r in self._prohibitions
                      if r is fired or r.when.eval(facts) is not False}
        excluded = list(dict.fromkeys(r.cite for r in self._prohibitions
                                      if r.cite not in open_cites))
        if excluded and verdict != "vietato":
            trace.append(TraceStep(
                f"Nessun divieto ricorre sui fatti noti ({', '.join(excluded)}).",
                _common_cite(excluded)))
        if verdict == _UNDECIDED:
            names: list[str] = []
            groups: dict[tuple[tuple[str, ...], str | None], list[Rule]] = {}
            for rule in unknown:
                missing_here = tuple(n for n in rule.when.facts() if n not in facts)
                groups.setdefault((missing_here, rule.verdict), []).append(rule)
                names += [n for n in missing_here if n not in names]
            for (missing_here, group_verdict), rules in groups.items():
                for rule in rules:
                    cite(rule.cite)
                if len(rules) == 1:
                    rule = rules[0]
                    known = _facts_line(rule.when, facts)
                    trace.append(TraceStep(
                        f"Non si può ancora dire se si applica: {rule.says} "
                        f"(manca: {_names(rule.when, missing_here)}"
                        + (f"; noto: {known}" if known else "") + ").", rule.cite))
                    continue
                cites = list(dict.fromkeys(r.cite for r in rules))
                label = VERDICT_LABELS.get(group_verdict or "", "senza esito")
                trace.append(TraceStep(
                    f"Senza {_names(rules[0].when, missing_here)} non si può dire se si applica "
                    f"una delle regole che portano a «{label}» ({', '.join(cites)}).",
                    _common_cite(cites)))
            if fired is not None:
                trace.append(TraceStep(f"Se nessuna delle regole precedenti si applica: "
                                       f"{fired.says}", fired.cite))
                cite(fired.cite)
            answer = "Mancano dati per decidere."
            if excluded:
                answer += "\n\n" + self._excluded_text(excluded, facts)
            return Outcome(_UNDECIDED, answer, tuple(citations),
                           tuple(trace), tuple(names))
        conflicts: list[str] = []
        conditions: list[str] = []
        decisive: list[str] = []
        also: list[str] = []
        if fired is not None:
            line = _facts_line(fired.when, facts)
            trace.append(TraceStep(f"{fired.says}" + (f" [{line}]" if line else ""), fired.cite))
            cite(fired.cite)
            decisive.append(fired.cite)
            for other_id in fired.overrides:
                other = self._by_id[other_id]
                if other.when.eval(facts) is True:
                    text = (f"Conflitto tra norme: {other.cite} ({other.says}) e {fired.cite} "
                            f"({fired.says}). Prevale {fired.cite}: {fired.why}")
                    trace.append(TraceStep(text, fired.cite))
                    conflicts.append(text)
                    cite(other.cite)
                    decisive.append(other.cite)
            label = VERDICT_LABELS.get(verdict or "", "")
            answer = _cited(f"**{label}**: {fired.says}" if label else fired.says, fired.cite)
            known_db = _facts_line(fired.when, facts, sources=("db", "calcolo"))
            if known_db:
                answer += f"\n\nDal database: {known_db}."
            if verdict == "vietato":
                for other in self._prohibitions:
                    if other is not fired and other.when.eval(facts) is True:
                        also.append(other.id)
                        line = _facts_line(other.when, facts)
                        trace.append(TraceStep(f"Ricorre anche: {other.says}"
                                               + (f" [{line}]" if line else ""), other.cite))
                        if other.cite not in citations:
                            answer += f"\n\nRicorre anche: {other.says} ({other.cite})"
                        cite(other.cite)
                        decisive.append(other.cite)
        else:
            if verdict is None and not self.otherwise_says:
                return Outcome.not_pertinent()
            trace.append(TraceStep(self.otherwise_says, self.otherwise_cite))
            cite(self.otherwise_cite)
            if self.otherwise_cite:
                decisive.append(self.otherwise_cite)
            label = VERDICT_LABELS.get(verdict or "", "")
            answer = f"**{label}**: {self.otherwise_says}" if label else self.otherwise_says
            answer = _cited(answer, self.otherwise_cite)
        if decision.deferred:
            # each prohibition is named by the first fact it is about ("interferenza con il
            # servizio"), not by the facts it shares with its neighbours (the working time)
            by_fact: dict[str, list[str]] = {}
            labels: dict[str, str] = {}
            for rule in decision.deferred:
                open_facts = [n for n in rule.when.facts() if n not in facts]
                conditions += [n for n in open_facts if n not in conditions]
                labels.update(rule.when.labels())
                trace.append(TraceStep(
                    f"Condizione da verificare: non deve ricorrere il divieto «{rule.says}» "
                    f"(non noto: {_names(rule.when, open_facts)}).", rule.cite))
                cite(rule.cite)
                if open_facts:
                    by_fact.setdefault(open_facts[0], []).append(rule.cite)
            what = "; ".join(f"{labels.get(n, n.replace('_', ' '))} "
                             f"({', '.join(dict.fromkeys(c))})" for n, c in by_fact.items())
            answer += f"\n\nA condizione che non ricorrano i divieti ancora da verificare: {what}."
        for note in self._notes:
            if note.when_verdict and verdict not in note.when_verdict:
                continue
            if note.when.eval(facts) is True:
                line = _facts_line(note.when, facts)
                trace.append(TraceStep(note.says + (f" [{line}]" if line else ""), note.cite))
                cite(note.cite)
                if line:  # a note on this case's facts ("categoria D: il parere è del
                    # Segretario") belongs to the answer, with its comma, not only to the
                    # reasoning ("pagare un incarico non pubblicato": art. 71 c. 2)
                    answer += f"\n\n{_cited(note.says, note.cite)}"
                    if (fired is not None and note.cite and note.cite not in decisive
                            and set(note.when.facts()) <= set(fired.when.facts())):
                        decisive.append(note.cite)  # a consequence of the very facts that
                        # decided ("non pubblicato": not effective, and not to be paid)
        if conflicts:
            answer += "\n\n" + "\n\n".join(conflicts)
        return Outcome(verdict, answer, tuple(citations), tuple(trace),  # type: ignore[arg-type]
                       conditions=tuple(conditions), decisive=tuple(dict.fromkeys(decisive)),
                       data={"regola": fired.id, "regole": (fired.id, *also)}
                       if fired is not None else {})


@dataclass
class Decision:
    """The bare result of :meth:`Rules.decide`, before any text is written."""

    verdict: str | None
    fired: Rule | None
    unknown: list[Rule]
    deferred: list[Rule]
