"""Rimborso per l'uso del mezzo proprio in missione (art. 76 c. 5-8).

The own car needs a prior authorisation, given only in the five cases of art. 76 c. 5 (by
the PO for employees; by the Sindaco for a PO, c. 8). Once authorised, the refund is
1/5 of the price of a litre of petrol per km when the trip is for supervision, inspection
or control, or for work delegated by the Regione and paid from the Fondo Unico Regionale;
in every other case it is the public-transport fare for the same route. Motorway tolls,
parking and custody are refunded in all cases when documented (c. 7 lett. c).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ordina.answer import TraceStep
from ordina.engine import UNKNOWN, Check, FactSet, Outcome
from ordina.errors import UserError
from ordina.formato import arrotonda, euro, numero
from ordina.hookspecs import hookimpl
from ordina.norma import Norma, decimale

#: 1/5 of the price of a litre of petrol per km.
QUOTA_BENZINA = Norma(Decimal(1) / Decimal(5), "art. 76 c. 7 lett. c trattino 1",
                      "nella misura di 1/5 del costo di un litro di benzina per km")

#: Purposes that earn the petrol-based refund (c. 7 lett. c trattino 1).
MOTIVI_BENZINA: dict[str, str] = {
    "vigilanza": "attività di vigilanza",
    "ispettiva": "attività ispettiva",
    "controllo": "attività di controllo",
    "delega_regione": "attività delegata dalla Regione e finanziata dal Fondo Unico Regionale",
}
#: Any other purpose earns the public-transport fare (c. 7 lett. c trattino 2).
MOTIVI: dict[str, str] = {**MOTIVI_BENZINA, "altro": "altra attività di servizio"}


@dataclass(frozen=True)
class Rimborso:
    """The refund for one trip with one's own vehicle."""

    importo: Decimal
    base: str
    passi: tuple[TraceStep, ...]


def rimborso_mezzo_proprio(motivo: str, km: Decimal | None = None,
                           prezzo_benzina: Decimal | None = None,
                           tariffa_mezzo_pubblico: Decimal | None = None,
                           pedaggi_parcheggi: Decimal | None = None) -> Rimborso:
    """The refund of an authorised trip (art. 76 c. 7 lett. c).

    :param motivo: one of :data:`MOTIVI`.
    :param pedaggi_parcheggi: documented tolls, parking and custody (None: none stated).
    :raises ValueError: when a needed amount is missing or negative, or the purpose is unknown.
    """
    if motivo not in MOTIVI:
        raise ValueError(f"motivo della missione sconosciuto: '{motivo}'; valori: "
                         + ", ".join(MOTIVI))
    for name, value in (("km", km), ("prezzo della benzina", prezzo_benzina),
                        ("tariffa", tariffa_mezzo_pubblico), ("pedaggi", pedaggi_parcheggi)):
        if value is not None and Decimal(value) < 0:
            raise ValueError(f"{name} non può essere negativo")
    steps: list[TraceStep] = []
    if motivo in MOTIVI_BENZINA:
        if km is None or prezzo_benzina is None:
            raise ValueError("per il rimborso a 1/5 del litro di benzina servono i km e il "
                             "prezzo della benzina")
        base = arrotonda(Decimal(km) * Decimal(prezzo_benzina) * QUOTA_BENZINA.value)
        steps.append(TraceStep(
            f"La missione è per {MOTIVI[motivo]}: spetta 1/5 del costo di un litro di benzina "
            f"per km: {numero(km, 0 if Decimal(km) == int(Decimal(km)) else 2)} km × "
            f"{euro(prezzo_benzina)} / 5 = {euro(base)}.", QUOTA_BENZINA.cite))
        kind = "benzina"
    else:
        if tariffa_mezzo_pubblico is None:
            raise ValueError("negli altri casi il rimborso è la tariffa del mezzo pubblico per lo "
                             "stesso percorso: serve il suo importo")
        base = arrotonda(Decimal(tariffa_mezzo_pubblico))
        steps.append(TraceStep(
            "La missione non è di vigilanza, ispezione o controllo né delegata dalla Regione: "
            "spetta il costo della tariffa del mezzo pubblico per lo stesso percorso, "
            f"{euro(base)}.", "art. 76 c. 7 lett. c trattino 2"))
        kind = "tariffa"
    total = base
    if pedaggi_parcheggi is not None and Decimal(pedaggi_parcheggi) > 0:
        extra = arrotonda(Decimal(pedaggi_parcheggi))
        total = base + extra
        steps.append(TraceStep(
            f"Si aggiungono pedaggi, parcheggio e custodia documentati: {euro(extra)}; totale "
            f"{euro(total)}.", "art. 76 c. 7 lett. c trattino 3"))
    else:
        steps.append(TraceStep(
            "In tutti i casi si rimborsano anche pedaggi, parcheggio e custodia del mezzo, se "
            "giustificati e documentati: non ne sono stati indicati.",
            "art. 76 c. 7 lett. c trattino 3"))
    return Rimborso(total, kind, tuple(steps))


NOTA_AUTORIZZAZIONE = TraceStep(
    "L'uso del mezzo proprio va autorizzato prima, dal titolare di PO, e solo se mancano mezzi "
    "comunali, se conviene all'Ente, se il mezzo pubblico nuoce al servizio, se gli orari sono "
    "inconciliabili o se il luogo è difficilmente raggiungibile.", "art. 76 c. 5")
NOTA_PO = TraceStep("Per le trasferte del titolare di PO l'autorizzazione è del Sindaco.",
                    "art. 76 c. 8")
NON_AUTORIZZATO = TraceStep(
    "Senza la preventiva autorizzazione all'uso del mezzo proprio non spetta il rimborso della "
    "lett. c: si rimborsa come se la trasferta fosse fatta con il mezzo pubblico (lett. a), che "
    "è il mezzo da usare in via prioritaria insieme a quelli dell'Amministrazione.",
    "art. 76 c. 4")


# ---------------------------------------------------------------------------- the check
def _opt(facts: FactSet, name: str) -> Decimal | None:
    value = facts.get(name)
    return None if value is UNKNOWN else decimale(value)


def _rimborso(facts: FactSet) -> Outcome:
    authorised = facts.get("own_vehicle_authorised")
    if authorised is UNKNOWN:
        return Outcome.needs(["own_vehicle_authorised"], (NOTA_AUTORIZZAZIONE,),
                             ("art. 76 c. 5",))
    if authorised is False:
        fare = _opt(facts, "public_transport_fare")
        data = {"rimborso": str(arrotonda(fare))} if fare is not None else {}
        text = ("Uso del mezzo proprio non autorizzato: niente rimborso chilometrico; spetta "
                "quanto per il mezzo pubblico" + (f" ({euro(fare)})." if fare is not None
                                                  else "."))
        return Outcome(None, text, ("art. 76 c. 4", "art. 76 c. 5", "art. 76 c. 7 lett. a"),
                       (NOTA_AUTORIZZAZIONE, NON_AUTORIZZATO), data=data)
    purpose = facts.get("trip_purpose")
    if purpose is UNKNOWN:
        return Outcome.needs(["trip_purpose"], citations=("art. 76 c. 7 lett. c",))
    if purpose in MOTIVI_BENZINA:
        missing = [n for n in ("km", "petrol_price") if facts.get(n) is UNKNOWN]
    else:
        missing = [n for n in ("public_transport_fare",) if facts.get(n) is UNKNOWN]
    if missing:
        return Outcome.needs(missing, citations=("art. 76 c. 7 lett. c",))
    try:
        res = rimborso_mezzo_proprio(purpose, _opt(facts, "km"), _opt(facts, "petrol_price"),
                                     _opt(facts, "public_transport_fare"),
                                     _opt(facts, "tolls_parking"))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    steps = (TraceStep("L'uso del mezzo proprio è autorizzato.", "art. 76 c. 5"), *res.passi,
             TraceStep("Sul mezzo proprio usato per servizio non si trasportano persone non "
                       "autorizzate.", "art. 76 c. 6"),
             TraceStep("Liquida il rimborso il responsabile di Area cui è affidato il budget, "
                       "sulle tabelle presentate.", "art. 76 c. 3"))
    cites = tuple(dict.fromkeys(s.citation for s in steps if s.citation))
    return Outcome(None, f"Rimborso per l'uso del mezzo proprio: **{euro(res.importo)}**.",
                   cites, steps, data={"rimborso": str(res.importo), "base": res.base})


MEZZO_PROPRIO = Check(
    id="missioni.mezzo_proprio",
    title="Rimborso chilometrico con il mezzo proprio (art. 76)",
    citations=("art. 76 c. 3", "art. 76 c. 4", "art. 76 c. 5", "art. 76 c. 6",
               "art. 76 c. 7 lett. c", "art. 76 c. 8"),
    intents=("mileage",),
    facts=("own_vehicle_authorised", "trip_purpose", "km", "petrol_price",
           "public_transport_fare", "tolls_parking"),
    evaluate=_rimborso,
)


@hookimpl
def ordina_checks() -> list[Check]:
    """The mileage calculator."""
    return [MEZZO_PROPRIO]
