"""The office's dated obligations, read from the database and the register.

Terms in days run on the Comune's calendar (:mod:`ordina.calendar`, art. 2963 c.c.);
every number comes from its home (:mod:`ordina.termini`, :mod:`ordina.leggi`, the Norme
of ``checks/collaborazioni.py``). What is still pending by nature (a request without an
answer, a contract not yet published, a diffida running) is listed even when overdue; a
communication due once (PerlaPA) is listed while the incarico it concerns still runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from ordina import leggi, termini
from ordina.calendar import Calendario, Scadenza
from ordina.engine.dbfacts import patron_saint
from ordina.formato import euro
from ordina.norma import Norma
from ordina.plugins import builtin_checks_dir, import_path
from ordina.register.book import corrected_by
from ordina.store import queries as q
from ordina.store.decisions import DecisionRow, all_decisions

#: art. 71 c. 3: the lists of incarichi go to the Funzione Pubblica every six months.
SEMESTRE = Norma(6, "art. 71 c. 3", "trasmessi semestralmente")

DEFAULT_WITHIN = 60
#: Kinds listed whatever the window: a term that already outlasts the mandate is wrong now.
ALWAYS = frozenset({"mandato"})


def corte_conti() -> Norma:
    """The 5.000 euro of art. 72 c. 4, from its home beside the Titolo VII checks."""
    return import_path(builtin_checks_dir() / "collaborazioni.py",
                       "ordina_checks").SOGLIA_CORTE_CONTI


@dataclass(frozen=True)
class Deadline:
    """One dated obligation.

    :param day: the day it falls due (moved past holidays when it is a term in days).
    :param kind: ``risposta``, ``perlapa``, ``diffida``, ``pubblicazione``, ``corte_conti``,
        ``elenchi_semestrali``, ``fine_incarico``, ``mandato``.
    :param source: where it comes from (``database: incarico 12``, ``registro: voce n. 3``).
    """

    day: date
    kind: str
    what: str
    subject: str
    source: str
    cite: str
    meaning: str
    key: str
    nominal: date | None = None

    def days_left(self, on: date) -> int:
        """Days from ``on`` to the deadline (negative when overdue)."""
        return (self.day - on).days

    def to_json(self, on: date) -> dict[str, Any]:
        """For ``ordina deadlines --json``."""
        return {"date": self.day.isoformat(),
                "nominal": (self.nominal or self.day).isoformat(), "kind": self.kind,
                "what": self.what, "subject": self.subject, "source": self.source,
                "citation": self.cite, "meaning": self.meaning, "key": self.key,
                "days_left": self.days_left(on), "overdue": self.day < on}


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _term(kind: str, s: Scadenza, **kw: Any) -> Deadline:
    return Deadline(day=s.effettiva, nominal=s.nominale, kind=kind, **kw)


def _decided(rows: list[DecisionRow]) -> dict[tuple[str, str], DecisionRow]:
    """The latest entry on each subject."""
    return {(r.subject_kind, r.subject_key): r for r in rows}


def _requests(db: Any, cal: Calendario, on: date,
              decided: dict[tuple[str, str], DecisionRow]) -> Iterator[Deadline]:
    """Art. 88 c. 6: requests awaiting an answer, and what silence will mean."""
    days = termini.RISPOSTA_AUTORIZZAZIONE
    for a in q.external_assignments(db, status="in_attesa"):
        asked = _d(a.request_date)
        if asked is None or asked > on or ("incarico", str(a.id)) in decided:
            continue
        meaning = {"pa": "presso una pubblica amministrazione: il silenzio vale assenso",
                   "privato": "presso un privato: il silenzio vale diniego"}.get(
            a.client_type or "", "il silenzio vale diniego con i privati, assenso con le PA")
        yield _term("risposta", cal.scadenza(asked, days.value),
                    what=f"risposta alla richiesta di autorizzazione dell'incarico n. {a.id}",
                    subject=f"{a.person_name}: {a.subject}", key=f"incarico {a.id}",
                    source=f"database: incarico {a.id}, richiesto il {asked:%d/%m/%Y}",
                    cite=days.cite, meaning=f"Entro {days.value} giorni; scaduti, {meaning}.")


def _register(db: Any, cal: Calendario, on: date, rows: list[DecisionRow]) -> Iterator[Deadline]:
    """PerlaPA after an authorisation (art. 53 c. 12: incarichi «conferiti o autorizzati»;
    the activities exempt from authorisation, art. 89, are not); the 30 days of a diffida."""
    fixed = corrected_by(db)
    for r in rows:
        if r.id in fixed or r.subject_kind != "incarico":
            continue
        decided = _d(r.recorded_at[:10])
        a = q.assignment(db, int(r.subject_key))
        ends = _d(a.valid_to) if a else None
        source = f"registro: voce n. {r.id} del {decided:%d/%m/%Y} ({r.outcome})"
        if r.outcome == "autorizzato" and (ends is None or ends > on):
            days = leggi.PERLAPA
            yield _term("perlapa", cal.scadenza(decided, days.value),
                        what=f"comunicazione a PerlaPA dell'incarico n. {r.subject_key}",
                        subject=r.subject, source=source, cite=days.cite,
                        key=f"incarico {r.subject_key}",
                        meaning=f"Entro {days.value} giorni dall'autorizzazione, al "
                                "Dipartimento della Funzione Pubblica (Anagrafe delle "
                                "prestazioni), richiamato dall'art. 90.")
        if r.act_kind == "diffida":
            days = termini.DIFFIDA
            yield _term("diffida", cal.scadenza(decided, days.value),
                        what=f"fine dei {days.value} giorni della diffida sull'incarico n. "
                             f"{r.subject_key}", subject=r.subject, source=source,
                        cite=days.cite, key=f"incarico {r.subject_key}",
                        meaning="Se l'incompatibilità non è cessata, licenziamento per giusta "
                                "causa (art. 91 c. 2). Il termine decorre dal ricevimento: la "
                                "data qui è quella della registrazione.")


def _authorised(db: Any, cal: Calendario, on: date,
                decided: dict[tuple[str, str], DecisionRow]) -> Iterator[Deadline]:
    """PerlaPA for authorisations in the database not yet due (older ones: not knowable)."""
    days = leggi.PERLAPA
    for a in q.external_assignments(db, status="autorizzato"):
        when = _d(a.decision_date)
        if when is None or ("incarico", str(a.id)) in decided:
            continue
        due = cal.scadenza(when, days.value)
        if due.effettiva < on:
            continue
        yield _term("perlapa", due, what=f"comunicazione a PerlaPA dell'incarico n. {a.id}",
                    subject=f"{a.person_name}: {a.subject}", key=f"incarico {a.id}",
                    source=f"database: incarico {a.id}, autorizzato il {when:%d/%m/%Y}",
                    cite=days.cite, meaning=f"Entro {days.value} giorni dall'autorizzazione.")


def _collaborations(db: Any, on: date) -> Iterator[Deadline]:
    """Art. 71 c. 1: not published, no effect; art. 72 c. 4: over 5.000 € to the Corte."""
    soglia = corte_conti()
    for c in q.collaborations(db):
        ends = _d(c.valid_to)
        if ends is not None and ends <= on:
            continue
        start = _d(c.valid_from) or on
        published = _d(c.publication_date)
        label = f"collaborazione {c.number} ({c.contractor})"
        if published is None or published > on:
            yield Deadline(start, "pubblicazione", f"pubblicare la collaborazione {c.number}",
                           f"{label}: {c.subject}", f"database: collaborazione {c.number}",
                           "art. 71 c. 1",
                           "Il contratto acquista efficacia solo dalla pubblicazione di "
                           "nominativo, oggetto e compenso sul sito; prima non si eseguono "
                           "prestazioni né si paga (art. 71 c. 2).", f"collaborazione {c.number}")
        if c.amount_cents is not None and Decimal(c.amount_cents) / 100 > soglia.value:
            yield Deadline(start, "corte_conti",
                           f"trasmettere la collaborazione {c.number} alla Corte dei conti",
                           f"{label}: {c.subject}", f"database: collaborazione {c.number}, "
                           f"{euro(Decimal(c.amount_cents) / 100)}", soglia.cite,
                           f"Importo superiore a {euro(soglia.value)}: se è una consulenza, "
                           "copia alla sezione regionale di controllo (art. 1 c. 173 L. "
                           "266/2005); il regolamento non fissa un termine.",
                           f"collaborazione {c.number}")


def _semesters(cal: Calendario, on: date, until: date) -> Iterator[Deadline]:
    """Art. 71 c. 3: the lists at the end of each semester (the text gives no day)."""
    step = SEMESTRE.value
    year, month = on.year, 6 if on.month <= 6 else 12
    while True:
        end = date(year, month, 30 if month == 6 else 31)
        if end > until:
            return
        due = cal.scadenza_fissa(end)
        yield _term("elenchi_semestrali", due,
                    what="trasmissione semestrale degli elenchi degli incarichi alla Funzione "
                         "Pubblica", subject=f"incarichi del semestre che termina il "
                                             f"{end:%d/%m/%Y}",
                    source="regolamento", cite=SEMESTRE.cite, key=f"semestre {end.isoformat()}",
                    meaning=f"Ogni {step} mesi, con consulente o collaboratore, oggetto, durata "
                            "e compenso; il regolamento non fissa il giorno: qui la fine del "
                            "semestre.")
        month += step
        if month > 12:
            year, month = year + 1, month - 12


_ENDING_CITES = {"incarico": "art. 14 c. 3", "incarico_esterno": "art. 88 c. 5 lett. d",
                 "collaborazione": "art. 68 c. 3"}


def _ending(db: Any, on: date, within: int) -> Iterator[Deadline]:
    """Incarichi, collaborations and contracts whose last day falls in the window."""
    for item in q.expiring(db, on, within):
        cite = _ENDING_CITES.get(item["kind"])
        if cite is None or (item["kind"] == "incarico"
                            and not item["what"].startswith("Responsabile di Area")):
            continue  # only the appointments art. 14 c. 3 governs
        last = date.fromisoformat(item["last_day"])
        meaning = {"incarico": "Alla scadenza l'incaricato resta fino alla nuova nomina del "
                               "Sindaco solo se è scaduto il mandato (art. 14 c. 3).",
                   "incarico_esterno": "Termina la durata autorizzata: una prosecuzione "
                                       "richiede una nuova autorizzazione.",
                   "collaborazione": "Di regola il contratto non si rinnova; la proroga solo "
                                     "per completare il progetto, a compenso invariato."}
        yield Deadline(last, "fine_incarico", f"ultimo giorno: {item['what']}", item["what"],
                       f"database: {item['kind'].replace('_', ' ')} {item['id']}", cite,
                       meaning[item["kind"]], f"{item['kind']} {item['id']}")


def _mandate(db: Any, on: date) -> Iterator[Deadline]:
    """Art. 14 c. 3: Area heads' terms may not outlast the Sindaco's mandate."""
    mayor = next(iter(q.office_holders(db, "sindaco", on)), None)
    end = _d(mayor.valid_to) if mayor else None
    if end is None:
        return
    last = end - timedelta(days=1)
    for h in q.office_holders(db, "responsabile_area", on):
        stop = _d(h.valid_to)
        if h.ad_interim or (stop is not None and stop <= end):
            continue
        term = "senza termine" if stop is None else f"fino al {stop - timedelta(days=1):%d/%m/%Y}"
        yield Deadline(last, "mandato", f"l'incarico di {h.person_name} ({h.unit_name}) "
                                        f"supera il mandato del Sindaco", h.person_name,
                       f"database: incarico {h.id} ({h.act or 'atto non indicato'}), {term}",
                       "art. 14 c. 3",
                       f"La durata non può superare il mandato del Sindaco, che termina il "
                       f"{last:%d/%m/%Y}: l'atto va ricondotto entro quella data.",
                       f"ufficio {h.id}")


def collect(db: Any, on: date, within: int = DEFAULT_WITHIN) -> list[Deadline]:
    """Every obligation due by ``on + within`` days (pending ones even when overdue)."""
    cal = Calendario.da_ambiente(patron_saint(db))
    until = on + timedelta(days=within)
    rows = all_decisions(db)
    decided = _decided(rows)
    items = [*_requests(db, cal, on, decided), *_register(db, cal, on, rows),
             *_authorised(db, cal, on, decided), *_collaborations(db, on),
             *_semesters(cal, on, until), *_ending(db, on, within), *_mandate(db, on)]
    return sorted((d for d in items if d.day <= until or d.kind in ALWAYS),
                  key=lambda d: (d.day, d.kind, d.key))
