"""Three-valued logic, rule evaluation, missing-fact ranking and traces of the engine."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordina.engine import UNKNOWN, F, FactSet, FactValue, Rule, Rules, default_registry, evaluate
from ordina.engine.logic import Call, known

TRI = st.sampled_from([True, False, None])


def _v(x):
    return {} if x is None else {"a": x}


@given(TRI, TRI)
def test_kleene_and_or(a, b) -> None:
    values = {**({} if a is None else {"a": a}), **({} if b is None else {"b": b})}
    conj = ((F("a") == True) & (F("b") == True)).eval(values)
    disj = ((F("a") == True) | (F("b") == True)).eval(values)
    if a is False or b is False:
        assert conj is False
    elif a is None or b is None:
        assert conj is UNKNOWN
    else:
        assert conj is True
    if a is True or b is True:
        assert disj is True
    elif a is None or b is None:
        assert disj is UNKNOWN
    else:
        assert disj is False


@given(TRI)
def test_negation(a) -> None:
    value = (~(F("a") == True)).eval(_v(a))
    assert value is (UNKNOWN if a is None else (not a))


def test_arithmetic_and_known() -> None:
    cap = F("c") + F("d") > F("s") / 5
    assert cap.eval({"c": 1500, "d": 4000, "s": 24000}) is True
    assert cap.eval({"c": 1500, "s": 24000}) is UNKNOWN
    assert known("c").eval({}) is False and known("c").eval({"c": 0}) is True
    step = Call("passo", lambda a, b: a + 1 == b, F("x"), F("y"))
    assert step.eval({"x": 1}) is UNKNOWN and step.eval({"x": 1, "y": 2}) is True


def test_unknown_has_no_truth_value() -> None:
    with pytest.raises(TypeError):
        bool(UNKNOWN)


def _rules() -> Rules:
    return Rules([
        Rule("a", "art. 87 c. 1 lett. a", (F("k") == "x") & (F("p") > 50), "vietato", "A."),
        Rule("c", "art. 89 c. 1 trattino 1", F("paid") == False, "comunicazione", "C."),
        Rule("b", "art. 87 c. 1 lett. b", (F("k") == "y") & (F("p") > 50), "vietato", "B."),
    ], otherwise="autorizzazione", otherwise_says="Autorizzazione.", otherwise_cite="art. 88 c. 1")


def test_a_prohibition_anywhere_decides() -> None:
    out = _rules()(FactSet.from_values({"k": "y", "p": 100, "paid": False}, "domanda"))
    assert out.verdict == "vietato" and out.citations[0] == "art. 87 c. 1 lett. b"


def test_undecided_lists_the_missing_facts() -> None:
    out = _rules()(FactSet.from_values({"k": "x"}, "domanda"))
    assert out.verdict == "dati_mancanti"
    assert set(out.missing) == {"p", "paid"}


def test_trace_names_source_and_comma() -> None:
    facts = FactSet([FactValue("k", "x", "db", "al 01/01/2026 (Rossi)"),
                     FactValue("p", 100, "opzione")])
    out = _rules()(facts)
    step = out.trace[-1]
    assert step.citation == "art. 87 c. 1 lett. a"
    assert "dal database al 01/01/2026 (Rossi)" in step.step and "da --fact" in step.step


def test_stronger_source_wins() -> None:
    facts = FactSet([FactValue("p", 100, "db")]).merged([FactValue("p", 40, "domanda")])
    assert facts["p"] == 40 and facts.fact("p").source == "domanda"


def test_never_defaults_an_unknown_fact() -> None:
    facts = FactSet.from_values({"k": None}, "domanda")
    assert "k" not in facts and facts.get("k") is UNKNOWN


def test_missing_facts_ranked_by_how_fast_they_settle() -> None:
    registry = default_registry()
    checks = [registry.get("incarichi_esterni.attivita")]
    out = evaluate(checks, FactSet.from_values(
        {"part_time_percent": 100, "activity_kind": "consulenza_occasionale",
         "paid": True, "expenses_only": False}, "domanda"), registry)
    # whether the consultancy is occasional decides between the ban of art. 87 c. 1 lett. b
    # ("consulenze abituali, sistematiche e continuative") and the authorisation of c. 2: it is
    # the one fact asked, with the answer for each value
    assert out.verdict == "dati_mancanti" and out.missing == ("occasional",)
    assert set(out.citations) == {"art. 87 c. 2 lett. a", "art. 87 c. 1 lett. b"}
    occasional = evaluate(checks, FactSet.from_values(
        {"part_time_percent": 100, "activity_kind": "consulenza_occasionale",
         "paid": True, "expenses_only": False, "occasional": True}, "domanda"), registry)
    # professional growth is what the deciding body weighs (art. 88 c. 1): a condition
    assert occasional.verdict == "autorizzazione" and occasional.missing == ()
    assert "professional_growth" in occasional.conditions
    refused = evaluate(checks, FactSet.from_values(
        {"part_time_percent": 100, "activity_kind": "consulenza_occasionale",
         "paid": True, "expenses_only": False, "occasional": False}, "domanda"), registry)
    assert refused.verdict == "vietato" and refused.citations[0] == "art. 87 c. 1 lett. b"


def test_conflict_is_stated_with_the_prevailing_comma() -> None:
    registry = default_registry()
    out = evaluate(registry.for_intent("external_assignment"), FactSet.from_values(
        {"part_time_percent": 100, "activity_kind": "docenza"}, "domanda"), registry)
    assert out.verdict == "comunicazione"
    assert "art. 87 c. 2 lett. d" in out.citations and "art. 89 c. 1 trattino 10" in out.citations
    conflict = [s for s in out.trace if s.step.startswith("Conflitto")]
    assert conflict and "Prevale art. 89" in conflict[0].step and "165/2001" in conflict[0].step


VOCAB = default_registry().vocabulary
ATTIVITA_FACTS = [n for n in default_registry().get("incarichi_esterni.attivita").facts
                  if VOCAB[n].domain()]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_more_facts_never_overturn_a_settled_verdict(data) -> None:
    """Monotonicity: a verdict decided without conditions stays when facts are added."""
    registry = default_registry()
    check = registry.get("incarichi_esterni.attivita")
    chosen = data.draw(st.dictionaries(st.sampled_from(ATTIVITA_FACTS), st.none(), max_size=6))
    values = {n: data.draw(st.sampled_from(VOCAB[n].domain())) for n in chosen}
    if data.draw(st.booleans()):
        values["part_time_percent"] = data.draw(st.sampled_from([30, 50, 60, 100]))
    first = check.run(FactSet.from_values(values, "domanda"))
    extra = data.draw(st.sampled_from(ATTIVITA_FACTS))
    if extra in values:
        return
    more = dict(values, **{extra: data.draw(st.sampled_from(VOCAB[extra].domain()))})
    second = check.run(FactSet.from_values(more, "domanda"))
    if first.verdict not in ("dati_mancanti", None) and not first.conditions:
        assert second.verdict == first.verdict, (values, extra, more)


# ------------------------------------------------ conditions of the act (once_decided)
def _act_rules() -> Rules:
    """A kin rule decides the point; the cap is a condition of the act, waiting only then."""
    return Rules([
        Rule("cap", "art. 53 c. 2", F("fixed_term_count") > 1, "vietato", "oltre il tetto",
             deferrable=True, once_decided=True),
        Rule("kin_not_barred", "art. 54 c. 2", F("related_to") == "nessuna", "consentito",
             "il legame non è vietato"),
    ], otherwise="consentito", otherwise_says="si può", otherwise_cite="art. 53 c. 1")


def test_a_condition_of_the_act_is_asked_while_nothing_is_decided() -> None:
    decision = _act_rules().decide({})
    assert decision.verdict == "dati_mancanti"
    assert "cap" in [r.id for r in decision.unknown] and not decision.deferred


def test_a_condition_of_the_act_waits_once_the_point_is_decided() -> None:
    decision = _act_rules().decide({"related_to": "nessuna"})
    assert decision.verdict == "consentito" and decision.fired.id == "kin_not_barred"
    assert [r.id for r in decision.deferred] == ["cap"]


def test_a_condition_of_the_act_that_holds_still_decides() -> None:
    assert _act_rules().decide({"related_to": "nessuna", "fixed_term_count": 3}).verdict \
        == "vietato"
