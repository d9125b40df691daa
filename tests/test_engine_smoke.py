"""First smoke tests of the engine API (the full suite lives in test_engine_*.py)."""

from __future__ import annotations

from ordina.engine import F, FactSet, Rule, Rules


def _rules() -> Rules:
    return Rules([
        Rule("comm", "art. 87 c. 1 lett. a",
             (F("tipo_attivita") == "commerciale") & (F("percentuale_part_time") > 50),
             "vietato", "Attività commerciale vietata."),
    ], otherwise="autorizzazione", otherwise_says="Serve l'autorizzazione.",
        otherwise_cite="art. 88 c. 1")


def test_prohibition_decides() -> None:
    out = _rules()(FactSet.from_values(
        {"tipo_attivita": "commerciale", "percentuale_part_time": 100}, "domanda"))
    assert out.verdict == "vietato"
    assert out.citations == ("art. 87 c. 1 lett. a",)


def test_unknown_never_defaults() -> None:
    out = _rules()(FactSet.from_values({"tipo_attivita": "commerciale"}, "domanda"))
    assert out.verdict == "dati_mancanti"
    assert out.missing == ("percentuale_part_time",)
