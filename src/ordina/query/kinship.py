"""Kinship chains ("figlio del cugino", "moglie del fratello") to degree and kind.

Art. 54 excludes relatives to the 4th degree and in-laws to the 2nd degree; the civil
code (art. 74-78 c.c.) counts degrees by generations up to the common ancestor and down
again, and makes the relatives of one's spouse (and the spouses of one's relatives)
in-laws of the same degree. A chain is read left to right as people say it: "figlio del
cugino" is the son of the cousin, so the path from the reference person goes to the
cousin first, then down one generation.
"""

from __future__ import annotations

from dataclasses import dataclass

from ordina import facts


@dataclass(frozen=True)
class Step:
    """One relation: generations up, then down, and whether it crosses a marriage."""

    up: int = 0
    down: int = 0
    spouse_before: bool = False  # relative of the spouse: suocero = spouse + up 1
    spouse_after: bool = False   # spouse of a relative: genero = down 1 + spouse


#: Basic relations, as paths from the reference person.
STEPS: dict[str, Step] = {
    "padre": Step(up=1), "madre": Step(up=1), "figlio": Step(down=1),
    "fratello": Step(up=1, down=1), "nonno": Step(up=2), "nipote_di_nonno": Step(down=2),
    "bisnonno": Step(up=3), "pronipote_di_bisnonno": Step(down=3),
    "zio": Step(up=2, down=1), "nipote_di_zio": Step(up=1, down=2),
    "cugino": Step(up=2, down=2), "prozio": Step(up=3, down=1),
    "pronipote_di_zio": Step(up=1, down=3), "figlio_del_cugino": Step(up=2, down=3),
    "coniuge": Step(spouse_before=True), "convivente": Step(spouse_before=True),
    "suocero": Step(up=1, spouse_before=True), "genero": Step(down=1, spouse_after=True),
    "figliastro": Step(down=1, spouse_before=True),
    "cognato": Step(up=1, down=1, spouse_before=True),
    "nonno_del_coniuge": Step(up=2, spouse_before=True),
    "zio_del_coniuge": Step(up=2, down=1, spouse_before=True),
    "cugino_del_coniuge": Step(up=2, down=2, spouse_before=True),
}


@dataclass(frozen=True)
class Kinship:
    """The result: canonical value (when one exists), degree and kind."""

    value: str | None
    degree: int
    kind: str  # parentela | affinita | coniugio | convivenza | nessuna

    def facts(self) -> dict[str, object]:
        """The facts of :mod:`ordina.facts` this kinship sets."""
        out: dict[str, object] = {"kinship_degree": self.degree, "kinship_kind": self.kind}
        if self.value is not None:
            out["kinship"] = self.value
        return out


def compose(chain: list[str]) -> Kinship:
    """Compose a chain of canonical kinship values, outermost first.

    ``["figlio", "cugino"]`` is "the son of the cousin". An unknown value gives
    kind ``nessuna``. Blood paths that go down and then up again (the "father of the
    son") collapse to the shorter path, which is the civil-code reading.
    """
    if not chain:
        return Kinship(None, 0, "nessuna")
    if len(chain) == 1 and chain[0] in facts.KINSHIP:
        _label, degree, kind = facts.KINSHIP[chain[0]]
        return Kinship(chain[0], degree, kind)
    up = down = 0
    spouse_at_start = spouse_at_end = False
    marriages = 0
    cohabit = False
    # walk from the reference person outwards: the last word is the nearest relation
    for name in reversed(chain):
        step = STEPS.get(name)
        if step is None:
            return Kinship(None, 0, "nessuna")
        if name == "convivente":
            cohabit = True
        if step.spouse_before:
            if up or down:
                spouse_at_end = True
            else:
                spouse_at_start = True
            marriages += 1
        # going up after having gone down cancels generations (same line)
        climb = step.up
        cancel = min(climb, down)
        down -= cancel
        climb -= cancel
        up += climb
        down += step.down
        if step.spouse_after:
            spouse_at_end = True
            marriages += 1
    if marriages > 1 or (spouse_at_start and spouse_at_end):
        # in-laws of in-laws are not in-laws (art. 78 c.c.)
        return Kinship(None, 0, "nessuna")
    degree = up + down
    if degree == 0 and not (spouse_at_start or spouse_at_end):
        return Kinship(None, 0, "nessuna")
    if spouse_at_start or spouse_at_end:
        if degree == 0:
            kind = "convivenza" if cohabit else "coniugio"
            return Kinship("convivente" if cohabit else "coniuge", 0, kind)
        if cohabit:
            return Kinship(None, 0, "nessuna")
        kind = "affinita"
    else:
        kind = "parentela"
    return Kinship(_canonical(up, down, spouse_at_start, spouse_at_end), degree, kind)


def _canonical(up: int, down: int, spouse_start: bool, spouse_end: bool) -> str | None:
    for name, step in STEPS.items():
        if name in ("convivente",):
            continue
        if (step.up, step.down) == (up, down) and step.spouse_before == spouse_start \
                and step.spouse_after == spouse_end:
            return name
        if spouse_end and not spouse_start and (step.up, step.down) == (up, down) \
                and step.spouse_after and not step.spouse_before:
            return name
    if spouse_end and (up, down) == (1, 1):
        return "cognato"  # the brother's wife is a sister-in-law too
    return None
