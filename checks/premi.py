"""Premi e progressioni: bonus delle eccellenze (art. 30), fascia di merito transitoria
(art. 42 c. 7), progressioni economiche (art. 32) e riserva nelle progressioni di carriera (art. 33).

Every function here works on a whole group (the evaluated staff, the candidates, the
posts of a competition) because these rules are shares and rankings. Where the regulation
leaves a choice open (how to round 5%, how much more the last year weighs, who wins a tie
that survives both tie-breaks) the function does not invent it: it takes it as input or
reports it in the trace.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from ordina.answer import TraceStep
from ordina.engine import UNKNOWN, Check, FactSet, Outcome, Rule, Rules, is_true
from ordina.engine.logic import known
from ordina.errors import UserError
from ordina.formato import arrotonda, numero, punti
from ordina.hookspecs import hookimpl
from ordina.norma import Norma, decimale

CENTO = Decimal(100)
#: Numbers of this module that are not the regulation's (arithmetic, display).
NON_NORMATIVI = ("CENTO",)

QUOTA_ECCELLENZE = Norma(Decimal(5), "art. 30 c. 1", "Al 5% dei responsabili di Area")
QUOTA_MERITO_TRANSITORIA = Norma(Decimal(10), "art. 42 c. 7",
                                 "comunque non inferiori al 10 per cento")
MAGGIORAZIONE_MIN = Norma(Decimal(10), "art. 42 c. 7", "tra il 10 e il 30 percento")
MAGGIORAZIONE_MAX = Norma(Decimal(30), "art. 42 c. 7", "tra il 10 e il 30 percento")
ANNI_PROGRESSIONI = Norma(3, "art. 32 c. 2", "valutazioni degli ultimi 3 anni")
RISERVA_INTERNI = Norma(Decimal(50), "art. 33 c. 1", "non superiore al 50% dei posti")
QUOTA_VALUTAZIONI_TITOLI = Norma(Decimal(50), "art. 33 c. 2",
                                 "il 50% del punteggio complessivo previsto per i titoli")


@dataclass(frozen=True)
class Valutato:
    """Someone evaluated: a name, a total score, a group (``po`` or ``dipendente``)."""

    nome: str
    punteggio: Decimal
    gruppo: str = "dipendente"


@dataclass(frozen=True)
class Fascia:
    """Who falls in a top share of one group, and the ties that the rule cannot split."""

    gruppo: str
    valutati: int
    posti: int
    scelti: tuple[Valutato, ...]
    pari_al_limite: tuple[Valutato, ...]
    passi: tuple[TraceStep, ...]


_GRUPPI = {"po": "Responsabili di Area (PO)", "dipendente": "dipendenti"}


def _classifica(persone: Sequence[Valutato]) -> list[Valutato]:
    return sorted(persone, key=lambda v: (-Decimal(v.punteggio), v.nome))


def _fascia(gruppo: str, persone: Sequence[Valutato], posti: int,
            cite: str) -> tuple[tuple[Valutato, ...], tuple[Valutato, ...], list[TraceStep]]:
    ordered = _classifica(persone)
    if posti <= 0 or not ordered:
        return (), (), []
    cutoff = Decimal(ordered[posti - 1].punteggio)
    sure = tuple(v for v in ordered if Decimal(v.punteggio) > cutoff)
    tied = tuple(v for v in ordered if Decimal(v.punteggio) == cutoff)
    steps: list[TraceStep] = []
    if len(sure) + len(tied) > posti:
        free = posti - len(sure)
        steps.append(TraceStep(
            f"Tra i {_GRUPPI.get(gruppo, gruppo)} {len(tied)} persone hanno lo stesso punteggio "
            f"al limite ({punti(cutoff)}: {', '.join(v.nome for v in tied)}) per {free} "
            f"post{'o' if free == 1 else 'i'}: il regolamento non indica come scegliere.", cite))
        return sure, tied, steps
    return tuple(ordered[:posti]), (), steps


def posti_eccellenze(valutati: int, gruppo: str = "dipendente") -> tuple[int, list[TraceStep]]:
    """How many of ``valutati`` people may receive the excellence bonus (art. 30 c. 1).

    5% is rounded down, because the law the article implements grants the bonus to
    "non più del cinque per cento" (art. 21 c. 1 d.lgs. 150/2009).
    """
    exact = Decimal(valutati) * QUOTA_ECCELLENZE.value / CENTO
    posti = math.floor(exact)
    steps = [TraceStep(
        f"{_GRUPPI.get(gruppo, gruppo).capitalize()} valutati: {valutati}; il 5% è "
        f"{numero(exact)}, arrotondato per difetto a {posti} perché la legge attribuisce il "
        "bonus a \"non più del cinque per cento del personale\" (art. 21 c. 1 d.lgs. "
        "150/2009). Il regolamento non dice se il 5% si conti per gruppo o sul totale: si "
        "conta per gruppo, perché PO e dipendenti sono valutati con schede diverse.",
        QUOTA_ECCELLENZE.cite)]
    if posti == 0:
        steps.append(TraceStep(
            f"Con {valutati} valutati il 5% è meno di una persona: nessun bonus per "
            "questo gruppo.", QUOTA_ECCELLENZE.cite))
    return posti, steps


def bonus_eccellenze(persone: Sequence[Valutato]) -> list[Fascia]:
    """Who may receive the excellence bonus: the best 5% of each group (art. 30 c. 1)."""
    out = []
    for gruppo in sorted({v.gruppo for v in persone}):
        members = [v for v in persone if v.gruppo == gruppo]
        posti, steps = posti_eccellenze(len(members), gruppo)
        sure, tied, tie_steps = _fascia(gruppo, members, posti, "art. 30 c. 3")
        steps += tie_steps
        if sure:
            steps.append(TraceStep("Destinatari: " + ", ".join(
                f"{v.nome} ({punti(v.punteggio)})" for v in sure) + ".", "art. 30 c. 3"))
        out.append(Fascia(gruppo, len(members), posti, sure, tied, tuple(steps)))
    return out


NOTE_BONUS = (
    TraceStep("La misura del bonus è fissata dal contratto collettivo nazionale.", "art. 30 c. 2"),
    TraceStep("Chi riceve il bonus e anche il premio per l'innovazione o l'accesso all'alta "
              "formazione deve optare per uno solo di questi benefici.", "art. 30 c. 4"),
    TraceStep("La disciplina del bonus entra in vigore con la stipula del nuovo contratto "
              "nazionale: prima di allora non si eroga.", "art. 30 c. 5"),
)


def posti_merito_transitoria(valutati: int,
                             gruppo: str = "dipendente") -> tuple[int, list[TraceStep]]:
    """The fewest people of a group the art. 42 c. 7 increase must reach: 10%, rounded up."""
    exact = Decimal(valutati) * QUOTA_MERITO_TRANSITORIA.value / CENTO
    posti = math.ceil(exact)
    return posti, [TraceStep(
        f"{_GRUPPI.get(gruppo, gruppo).capitalize()} valutati: {valutati}; i più "
        "meritevoli devono essere \"comunque non inferiori al 10 per cento\" della "
        f"rispettiva totalità: almeno {numero(exact)}, cioè {posti} (per eccesso).",
        QUOTA_MERITO_TRANSITORIA.cite)]


def fascia_merito_transitoria(persone: Sequence[Valutato]) -> list[Fascia]:
    """The most deserving of each group, at least 10% of it (art. 42 c. 7)."""
    out = []
    for gruppo in sorted({v.gruppo for v in persone}):
        members = [v for v in persone if v.gruppo == gruppo]
        posti, steps = posti_merito_transitoria(len(members), gruppo)
        sure, tied, tie_steps = _fascia(gruppo, members, posti, QUOTA_MERITO_TRANSITORIA.cite)
        if tied:
            tie_steps.append(TraceStep(
                "Essendo la quota un minimo, includere tutti i pari merito al limite la rispetta.",
                QUOTA_MERITO_TRANSITORIA.cite))
        steps += tie_steps
        if sure:
            steps.append(TraceStep("Più meritevoli: " + ", ".join(
                f"{v.nome} ({punti(v.punteggio)})" for v in sure) + ".",
                QUOTA_MERITO_TRANSITORIA.cite))
        out.append(Fascia(gruppo, len(members), posti, sure, tied, tuple(steps)))
    return out


def maggiorazione_transitoria(medio: Decimal) -> tuple[Decimal, Decimal, TraceStep]:
    """The range of the art. 42 c. 7 increase: 10% to 30% of the average accessory pay."""
    medio = Decimal(medio)
    low = arrotonda(medio * MAGGIORAZIONE_MIN.value / CENTO)
    high = arrotonda(medio * MAGGIORAZIONE_MAX.value / CENTO)
    return low, high, TraceStep(
        f"Maggiorazione tra il 10% e il 30% del trattamento accessorio medio della categoria "
        f"({numero(medio)} €): da {numero(low)} a {numero(high)} €, nei limiti delle risorse.",
        MAGGIORAZIONE_MIN.cite)


# ------------------------------------------------------------------ economic progressions
@dataclass(frozen=True)
class Candidato:
    """A candidate to an economic progression: three yearly scores, oldest first.

    :param competenze: score for professional skills used as first tie-break.
    :param comportamenti: score for organisational behaviour, the second tie-break.
    """

    nome: str
    punteggi: tuple[Decimal, Decimal, Decimal]
    competenze: Decimal
    comportamenti: Decimal


@dataclass(frozen=True)
class Posizione:
    """A place in the ranking."""

    posto: int
    candidato: Candidato
    punteggio: Decimal
    vincitore: bool | None


@dataclass(frozen=True)
class GraduatoriaProgressioni:
    """The ranking of art. 32 with the steps that built it."""

    posizioni: tuple[Posizione, ...]
    passi: tuple[TraceStep, ...]


def _check_weights(pesi: Sequence[Decimal]) -> tuple[Decimal, Decimal, Decimal]:
    if len(pesi) != ANNI_PROGRESSIONI.value:
        raise ValueError(f"servono {ANNI_PROGRESSIONI.value} pesi, uno per anno, dal più "
                         f"vecchio all'ultimo (indicati {len(pesi)})")
    w = tuple(Decimal(p) for p in pesi)
    if any(p < 0 for p in w) or sum(w) == 0:
        raise ValueError("i pesi devono essere non negativi e non tutti nulli")
    if not (w[2] > w[0] and w[2] > w[1]):
        raise ValueError("l'art. 32 c. 2 vuole un peso maggiore per la valutazione dell'ultimo "
                         f"anno: i pesi {', '.join(punti(p) for p in w)} non lo danno")
    return w  # type: ignore[return-value]


def punteggio_progressione(punteggi: Sequence[Decimal], pesi: Sequence[Decimal]) -> Decimal:
    """Weighted mean of the last three scores (oldest first), to two decimals."""
    w = _check_weights(pesi)
    if len(punteggi) != ANNI_PROGRESSIONI.value:
        raise ValueError(f"servono le valutazioni degli ultimi {ANNI_PROGRESSIONI.value} anni")
    total = sum((Decimal(s) * p for s, p in zip(punteggi, w, strict=True)), Decimal(0))
    return arrotonda(total / sum(w))


def graduatoria_progressioni(candidati: Sequence[Candidato], pesi: Sequence[Decimal],
                             posti: int | None = None) -> GraduatoriaProgressioni:
    """Rank candidates by weighted score, then skills, then behaviour (art. 32 c. 2).

    :param pesi: weights of the three years, oldest first; the last must be the largest.
    :param posti: progressions available, to mark the winners (None: ranking only).
    """
    w = _check_weights(pesi)
    scored = [(punteggio_progressione(c.punteggi, w), c) for c in candidati]
    scored.sort(key=lambda sc: (-sc[0], -Decimal(sc[1].competenze),
                                -Decimal(sc[1].comportamenti), sc[1].nome))
    steps = [TraceStep(
        f"Punteggio di ciascuno: media delle valutazioni degli ultimi 3 anni pesate "
        f"{' / '.join(punti(p) for p in w)} (dal più vecchio), con peso maggiore all'ultimo anno.",
        ANNI_PROGRESSIONI.cite)]
    for (s1, c1), (s2, c2) in pairwise(scored):
        if s1 != s2:
            continue
        if c1.competenze != c2.competenze:
            steps.append(TraceStep(
                f"{c1.nome} e {c2.nome} sono pari ({punti(s1)}): prevale {c1.nome} per la "
                f"migliore valutazione delle competenze professionali ({punti(c1.competenze)} "
                f"contro {punti(c2.competenze)}).", "art. 32 c. 2"))
        elif c1.comportamenti != c2.comportamenti:
            steps.append(TraceStep(
                f"{c1.nome} e {c2.nome} sono pari anche nelle competenze: prevale {c1.nome} per "
                f"i comportamenti organizzativi ({punti(c1.comportamenti)} contro "
                f"{punti(c2.comportamenti)}).", "art. 32 c. 2"))
        else:
            steps.append(TraceStep(
                f"{c1.nome} e {c2.nome} restano pari dopo entrambi i criteri: il regolamento non "
                "dice altro (qui sono in ordine alfabetico).", "art. 32 c. 2"))
    positions = tuple(
        Posizione(i + 1, c, s, None if posti is None else i < posti)
        for i, (s, c) in enumerate(scored))
    if posti is not None:
        steps.append(TraceStep(
            f"Progressioni disponibili: {posti}, a una quantità limitata di dipendenti.",
            "art. 32 c. 1"))
    return GraduatoriaProgressioni(positions, tuple(steps))


# ------------------------------------------------------------------ career progressions
@dataclass(frozen=True)
class Riserva:
    """Posts of a competition reserved to internal staff and left to external access."""

    posti: int
    interni: int
    esterni: int
    passi: tuple[TraceStep, ...]


NOTA_RISERVA_LEGGE = TraceStep(
    "Dal d.l. 80/2021 l'art. 52 c. 1-bis d.lgs. 165/2001 fa passare tra le aree con una procedura "
    "comparativa interna, fatta salva una riserva di almeno il 50% dei posti all'accesso "
    "dall'esterno: il tetto coincide con quello del regolamento. Con il CCNL 16/11/2022 le "
    "posizioni di accesso B3 e D3 non esistono più, e la parte del comma che le riguarda non ha "
    "più oggetto.", "art. 33 c. 1")


def riserva_interni(posti: int, eccezione: bool = False) -> Riserva:
    """The most posts a profile's competition can reserve to internal staff (art. 33 c. 1).

    At most 50%; a single post allows no reserve unless the ranking will be used again or
    the competition is run jointly with other bodies (``eccezione``); with an odd number the
    odd post goes to external access.
    :raises ValueError: when ``posti`` is not positive.
    """
    if posti < 1:
        raise ValueError("il concorso deve mettere a bando almeno un posto")
    cite = RISERVA_INTERNI.cite
    steps: list[TraceStep] = []
    if posti == 1 and not eccezione:
        steps.append(TraceStep(
            "Posto unico: non si può dar luogo alla riserva per il personale interno (salvo "
            "utilizzo successivo della graduatoria o concorso in forma associata).", cite))
        return Riserva(1, 0, 1, tuple(steps + [NOTA_RISERVA_LEGGE]))
    half = Decimal(posti) * RISERVA_INTERNI.value / CENTO
    interni = math.floor(half)
    if posti == 1:
        steps.append(TraceStep(
            "Posto unico, ma la graduatoria sarà riutilizzata o il concorso è associato: il "
            "divieto del posto unico non opera; la riserva si calcola sui posti che la "
            "graduatoria coprirà nel complesso, mentre sul posto di questo bando il 50% è meno "
            "di un posto.", cite))
    else:
        steps.append(TraceStep(
            f"Posti a concorso per il profilo: {posti}; riserva al personale interno non "
            f"superiore al 50%: {numero(half)} posti.", cite))
    if posti % 2 == 1 and posti > 1:
        steps.append(TraceStep(
            f"Numero dispari: il resto va all'accesso dall'esterno; riservati al più {interni}, "
            f"dall'esterno almeno {posti - interni}.", cite))
    else:
        steps.append(TraceStep(
            f"Riservati al più {interni}, dall'esterno almeno {posti - interni}.", cite))
    return Riserva(posti, interni, posti - interni, tuple(steps + [NOTA_RISERVA_LEGGE]))


def quota_titoli_valutazioni(punti_titoli: Decimal) -> tuple[Decimal, TraceStep]:
    """Points of the titles reserved to the last 3 years' evaluations: 50% (art. 33 c. 2)."""
    quota = arrotonda(Decimal(punti_titoli) * QUOTA_VALUTAZIONI_TITOLI.value / CENTO)
    return quota, TraceStep(
        f"Degli {punti(punti_titoli)} punti previsti per i titoli, il 50% ({punti(quota)}) va "
        "agli esiti delle valutazioni degli ultimi 3 anni.", QUOTA_VALUTAZIONI_TITOLI.cite)


# ---------------------------------------------------------------------------- the checks
def _count(facts: FactSet) -> int | None:
    value = facts.get("evaluated_count")
    return None if value is UNKNOWN else int(value)


def _eccellenze(facts: FactSet) -> Outcome:
    n = _count(facts)
    if n is None:
        return Outcome.needs(["evaluated_count"], citations=(QUOTA_ECCELLENZE.cite,))
    posti, steps = posti_eccellenze(n)
    steps += list(NOTE_BONUS)
    return Outcome(None, f"Bonus delle eccellenze: al più **{posti}** su {n} valutati (il 5%, "
                         "per difetto), a chi ha le valutazioni più positive. La disciplina "
                         "entra in vigore con il nuovo contratto nazionale (art. 30 c. 5).",
                   ("art. 30 c. 1", "art. 30 c. 5"), tuple(steps), data={"posti": posti})


ECCELLENZE = Check(
    id="premi.bonus_eccellenze",
    title="Bonus delle eccellenze al 5% dei valutati (art. 30)",
    citations=("art. 30 c. 1", "art. 30 c. 2", "art. 30 c. 3", "art. 30 c. 4", "art. 30 c. 5"),
    intents=("excellence_bonus",),
    facts=("evaluated_count", "several_benefits"),
    # "li prendo tutti e due?" asks whether the benefits add up, not how many get the bonus
    applies=~known("several_benefits"),
    evaluate=_eccellenze,
)

CUMULO = Check(
    id="premi.cumulo_benefici",
    title="Bonus delle eccellenze e premio per l'innovazione non si cumulano (art. 30 c. 4)",
    citations=("art. 30 c. 4",),
    intents=("excellence_bonus",),
    facts=("several_benefits",),
    applies=known("several_benefits"),
    evaluate=Rules(
        [Rule("un_solo_beneficio", "art. 30 c. 4",
              is_true("several_benefits", "destinatario di più benefici"), "vietato",
              "Chi è destinatario del bonus delle eccellenze e anche del premio annuale per "
              "l'innovazione o dell'accesso ai percorsi di alta formazione deve optare per uno "
              "solo di questi benefici.")],
        otherwise=None),
)


def _transitoria(facts: FactSet) -> Outcome:
    n = _count(facts)
    assert n is not None  # guaranteed by ``applies``
    posti, steps = posti_merito_transitoria(n)
    return Outcome(None, f"Nella fase transitoria il trattamento accessorio maggiorato (dal 10% "
                         f"al 30% del medio) va ad almeno **{posti}** su {n} valutati (il 10%, "
                         "per eccesso).", (QUOTA_MERITO_TRANSITORIA.cite,), tuple(steps),
                   data={"posti_minimi": posti})


TRANSITORIA = Check(
    id="premi.fascia_merito_transitoria",
    title="Fascia dei più meritevoli, almeno il 10% (art. 42 c. 7)",
    citations=("art. 42 c. 7", "art. 42 c. 8"),
    intents=("evaluation", "excellence_bonus"),
    facts=("evaluated_count",),
    applies=known("evaluated_count"),
    evaluate=_transitoria,
)

_ANNI = ("score_year_minus_2", "score_year_minus_1", "score_last_year")
_PESI = ("weight_year_minus_2", "weight_year_minus_1", "weight_last_year")


def _progressione(facts: FactSet) -> Outcome:
    missing = [n for n in (*_ANNI, *_PESI) if facts.get(n) is UNKNOWN]
    note = TraceStep("Il regolamento vuole un peso maggiore per l'ultimo anno ma non fissa i "
                     "pesi: vanno indicati (li stabilisce il sistema di valutazione dell'ente).",
                     ANNI_PROGRESSIONI.cite)
    if missing:
        return Outcome.needs(missing, (note,), (ANNI_PROGRESSIONI.cite,))
    try:
        score = punteggio_progressione([decimale(facts[n]) for n in _ANNI],
                                       [decimale(facts[n]) for n in _PESI])
    except ValueError as exc:
        raise UserError(str(exc)) from None
    parts = " + ".join(f"{punti(decimale(facts[a]))} × {punti(decimale(facts[w]))}"
                       for a, w in zip(_ANNI, _PESI, strict=True))
    steps = [note, TraceStep(
        f"Punteggio per la graduatoria: ({parts}) / "
        f"{punti(sum(decimale(facts[w]) for w in _PESI))} = {punti(score)}.",
        ANNI_PROGRESSIONI.cite),
        TraceStep("A parità di punteggio prevale la migliore valutazione delle competenze "
                  "professionali, poi quella dei comportamenti organizzativi.", "art. 32 c. 2"),
        TraceStep("Le progressioni sono selettive e per una quantità limitata di dipendenti "
                  "per categoria.", "art. 32 c. 1")]
    return Outcome(None, f"Punteggio per la graduatoria delle progressioni economiche: "
                         f"**{punti(score)}**.", ("art. 32 c. 1", "art. 32 c. 2"),
                   tuple(steps), data={"punteggio": str(score)})


PROGRESSIONI = Check(
    id="premi.progressioni_economiche",
    title="Punteggio delle progressioni economiche sugli ultimi 3 anni (art. 32)",
    citations=("art. 32 c. 1", "art. 32 c. 2"),
    intents=("economic_progression",),
    facts=(*_ANNI, *_PESI),
    evaluate=_progressione,
)


def _riserva(facts: FactSet) -> Outcome:
    posti = facts.get("posts_in_competition")
    if posti is UNKNOWN:
        return Outcome.needs(["posts_in_competition"], citations=(RISERVA_INTERNI.cite,))
    posti = int(posti)
    exception = facts.get("single_post_exception")
    if posti == 1 and exception is UNKNOWN:
        return Outcome.needs(["single_post_exception"], citations=(RISERVA_INTERNI.cite,))
    try:
        res = riserva_interni(posti, exception is True)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    steps = list(res.passi)
    data: dict[str, object] = {"interni": res.interni, "esterni": res.esterni}
    cites = [RISERVA_INTERNI.cite]
    title_points = facts.get("title_points")
    if title_points is not UNKNOWN:
        quota, step = quota_titoli_valutazioni(decimale(title_points))
        steps.append(step)
        data["punti_valutazioni"] = str(quota)
        cites.append(QUOTA_VALUTAZIONI_TITOLI.cite)
    return Outcome(None, f"Su {posti} posti a concorso si possono riservare al personale interno "
                         f"al più **{res.interni}**; almeno {res.esterni} restano all'accesso "
                         "dall'esterno.", tuple(cites), tuple(steps), data=data)


RISERVA = Check(
    id="premi.riserva_progressioni_carriera",
    title="Riserva per il personale interno nei concorsi, al più il 50% (art. 33)",
    citations=("art. 33 c. 1", "art. 33 c. 2"),
    intents=("career_progression",),
    facts=("posts_in_competition", "single_post_exception", "title_points"),
    evaluate=_riserva,
)


@hookimpl
def ordina_checks() -> list[Check]:
    """Bonus, merit band, economic and career progressions."""
    return [ECCELLENZE, CUMULO, TRANSITORIA, PROGRESSIONI, RISERVA]
