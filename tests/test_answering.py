"""``answer(query, ctx)``: the entry point of ``ordina ask``."""

from __future__ import annotations

import doctest
import re

from ordina.answer import Missing
from ordina.db import connect
from ordina.engine import Context, answer, default_registry
from ordina.query.model import Query, Subject
from ordina.store import REFERENCE_DATE, ensure_demo


def _ctx(**kw) -> Context:
    return Context(as_of=REFERENCE_DATE, registry=default_registry(), **kw)


def test_hypothetical_question_without_database() -> None:
    a = answer(Query("q", "external_assignment",
                     facts={"part_time_percent": 100, "activity_kind": "commerciale"}), _ctx())
    assert a.verdict == "vietato" and a.citations == ["art. 87 c. 1 lett. a"]
    assert a.to_json()["trace"][-1]["citation"] == "art. 87 c. 1 lett. a"


def test_missing_facts_carry_their_question() -> None:
    a = answer(Query("q", "external_assignment", facts={"activity_kind": "commerciale"}), _ctx())
    assert a.verdict == "dati_mancanti"
    assert a.missing[0].fact == "part_time_percent" and "?" in a.missing[0].question


def test_interview_asks_until_decided() -> None:
    asked: list[Missing] = []

    def interview(m: Missing):
        asked.append(m)
        return {"part_time_percent": 100}.get(m.fact)

    a = answer(Query("q", "external_assignment", facts={"activity_kind": "commerciale"}),
               _ctx(interview=interview))
    assert [m.fact for m in asked] == ["part_time_percent"]
    assert a.verdict == "vietato" and "dall'intervista" in a.trace[-1].step


def test_stated_fact_overrides_the_database() -> None:
    db = connect(":memory:")
    ensure_demo(db)
    query = Query("q", "external_assignment", Subject("person", "Giorgio Ferrari"),
                  facts={"activity_kind": "commerciale"})
    assert answer(query, _ctx(db=db)).verdict == "comunicazione"  # 50% part-time in the DB
    forced = answer(query, _ctx(db=db, stated={"part_time_percent": 100}))
    assert forced.verdict == "vietato" and "da --fact" in forced.trace[-1].step


def test_who_questions_go_to_lookups() -> None:
    db = connect(":memory:")
    ensure_demo(db)
    a = answer(Query("q", "substitute", Subject("office", "il segretario")), _ctx(db=db))
    assert a.verdict is None and "Laura Bianchi" in a.answer


def test_unknown_intent_is_answered_not_raised() -> None:
    a = answer(Query("q", "nessuna"), _ctx())
    assert a.verdict is None and a.answer


def test_docstring_example_loads(tmp_path) -> None:
    from ordina import engine
    from ordina.engine import make_registry

    code = re.search(r"::\n\n((?:    .*\n|\n)+)", engine.__doc__).group(1)
    (tmp_path / "esempio.py").write_text(doctest.script_from_examples("") + "\n".join(
        line[4:] for line in code.splitlines()), encoding="utf-8")
    assert make_registry([tmp_path]).get("comune.esempio")
