"""Every hook of the public plugin API has a test here; a new hook without one fails."""

from __future__ import annotations

import inspect
from datetime import date

import pytest

from ordina import hookspecs
from ordina.db import connect
from ordina.engine import Context, default_registry
from ordina.engine.context import Subject
from ordina.store import REFERENCE_DATE, ensure_demo

HOOKS = sorted(name for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
               if name.startswith("ordina_"))


@pytest.fixture(scope="module")
def ctx() -> Context:
    db = connect(":memory:")
    ensure_demo(db)
    return Context(as_of=REFERENCE_DATE, db=db, registry=default_registry())


def _checks(ctx: Context) -> None:
    ids = [c.id for batch in ctx.checks().pm.hook.ordina_checks() for c in batch]
    assert "incarichi_esterni.attivita" in ids
    assert len(ids) == len(set(ids))


def _lookups(ctx: Context) -> None:
    ids = [lk.id for batch in ctx.checks().pm.hook.ordina_lookups() for lk in batch]
    assert {"sostituzioni.chi_sostituisce", "competenze.chi_e_competente"} <= set(ids)


def _fact_definitions(ctx: Context) -> None:
    names = [f.name for batch in ctx.checks().pm.hook.ordina_fact_definitions() for f in batch]
    assert "interim_appointed" in names
    assert "interim_appointed" in ctx.checks().vocabulary


def _subject_facts(ctx: Context) -> None:
    from ordina.query.model import Subject as QuerySubject

    subject = Subject("persona", QuerySubject("person", "Mario Rossi"), "Mario Rossi")
    batches = ctx.checks().pm.hook.ordina_subject_facts(ctx=ctx, subject=subject)
    facts = {f.name: f for batch in batches if batch for f in batch}
    assert facts["annual_base_salary"].value == 23000.0
    assert facts["annual_base_salary"].source == "db"
    assert "23/11/2026" in facts["annual_base_salary"].provenance()


def _audit_subjects(ctx: Context) -> None:
    subjects = [s for batch in ctx.checks().pm.hook.ordina_audit_subjects(ctx=ctx) if batch
                for s in batch]
    kinds = {s.kind for s in subjects}
    assert {"persona", "incarico", "unita", "mansione", "interim"} <= kinds


def _substitute(ctx: Context) -> None:
    row = ctx.db.conn.execute("SELECT id FROM people WHERE code = 'S001'").fetchone()
    chain = ctx.checks().pm.hook.ordina_substitute(ctx=ctx, person_id=row[0],
                                                   on=date(2027, 3, 3))
    assert chain.acting is not None and chain.acting.name == "Laura Bianchi"
    assert chain.gap is None
    assert any(step.citation == "art. 7 c. 1" for step in chain.steps)


HOOK_TESTS = {
    "ordina_checks": _checks,
    "ordina_lookups": _lookups,
    "ordina_fact_definitions": _fact_definitions,
    "ordina_subject_facts": _subject_facts,
    "ordina_audit_subjects": _audit_subjects,
    "ordina_substitute": _substitute,
}


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_test(hook: str, ctx: Context) -> None:
    assert hook in HOOK_TESTS, f"l'hook {hook} non ha un test: aggiungerlo a HOOK_TESTS"
    HOOK_TESTS[hook](ctx)


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_and_typed(hook: str) -> None:
    fn = getattr(hookspecs, hook)
    assert fn.__doc__ and "\n" not in fn.__doc__.strip(), "docstring di una riga"
    assert "return" in fn.__annotations__
