"""Every scenario file next to the checks runs here: law tests a lawyer can read."""

from __future__ import annotations

import pytest

from ordina.engine import default_registry
from ordina.engine.scenarios import failures, load_scenarios, run_scenario, scenario_files
from ordina.plugins import builtin_checks_dir

SCENARIOS = [s for path in scenario_files(builtin_checks_dir()) for s in load_scenarios(path)]


def test_there_are_scenarios() -> None:
    assert len(SCENARIOS) >= 30


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.label for s in SCENARIOS])
def test_scenario(scenario) -> None:
    outcome = run_scenario(scenario, default_registry())
    problems = failures(scenario, outcome)
    assert not problems, f"{scenario.label}: " + "; ".join(problems)
