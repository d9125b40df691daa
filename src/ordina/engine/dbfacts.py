"""Default plugin: facts about people, assignments, offices and contracts from the database.

Registered before every check (see :data:`ordina.plugins.DEFAULT_PLUGINS`), so checks
never touch SQL: they read facts of the vocabulary, and every fact read here says it
came from the database as of the date asked. A column that is NULL is an unknown fact,
never a default. Everything is loaded in bulk (one query per table), so the audit of a
25,000-employee Comune costs a handful of queries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ordina import termini
from ordina.engine.context import Context, Subject
from ordina.engine.logic import fmt
from ordina.engine.provenance import FactSet, FactValue
from ordina.engine.vocabulary import FactSpec
from ordina.hookspecs import hookimpl
from ordina.store import audit_facts as rows
from ordina.store.holders import full_name
from ordina.store.organisation import has_table as store_has_table
from ordina.store.posizioni import PositionPay, area_heads_pay
from ordina.textfold import fold

#: Store activity codes -> fact vocabulary (``activity_kind``).
ACTIVITY = {
    "commerciale": "commerciale", "libero_professionale": "libero_professionale",
    "lavoro_subordinato": "lavoro_subordinato", "cda_societa_lucro": "amministratore_societa",
    "progettazione_opere": "incarico_tecnico_opere_pubbliche", "patrocinio": "patrocinio_legale",
    "consulenza": "consulenza_occasionale", "direzione_lavori": "direzione_lavori",
    "cda_pubblico": "cda_pubblico", "docenza": "docenza",
    "commissione_concorso": "commissione_concorso", "commissione_ente": "commissione_ente_pubblico",
    "arbitrato": "arbitrato", "rilevazione_statistica": "rilevazione_statistica",
    "commissario_ad_acta": "commissario_ad_acta", "cariche_sociali": "cariche_cooperative",
    "amministratore_condominio": "amministratore_condominio",
    "professionale": "incarico_professionale", "volontariato": "volontariato",
    "pubblicazione": "pubblicazione", "opere_ingegno": "opere_ingegno", "convegno": "convegni",
    "formazione_pa": "formazione_pa", "ricerca": "ricerca_scientifica",
    "sindacale": "incarico_sindacale",
}
CLIENT = {"pa": "pubblica_amministrazione", "privato": "privato"}
#: Statuses with no authorisation in force: refused, suspended or revoked (art. 88 c. 7),
#: only communicated, or worked without asking (art. 91 c. 1).
NOT_AUTHORISED = frozenset({"negato", "sospeso", "revocato", "comunicato", "non_autorizzato"})
#: Store codes of art. 66 c. 1 -> ``direct_reason`` of the vocabulary.
DIRECT_REASONS = {"a": "procedura_deserta", "b": "urgenza", "c": "complementare",
                  "d": "artistica"}
#: Store kinship (relation, up, down, through the politician's own spouse) -> vocabulary.
_BLOOD = {(1, 0): "padre", (0, 1): "figlio", (1, 1): "fratello", (2, 0): "nonno",
          (0, 2): "nipote_di_nonno", (3, 0): "bisnonno", (0, 3): "pronipote_di_bisnonno",
          (2, 1): "zio", (1, 2): "nipote_di_zio", (2, 2): "cugino", (3, 1): "prozio",
          (1, 3): "pronipote_di_zio", (2, 3): "figlio_del_cugino"}
_AFFINE_OWN = {(1, 0): "suocero", (0, 1): "figliastro", (1, 1): "cognato",
               (2, 0): "nonno_del_coniuge", (2, 1): "zio_del_coniuge",
               (2, 2): "cugino_del_coniuge"}
_AFFINE_OTHER = {(0, 1): "genero", (1, 1): "cognato"}
_POLITICAL = {"sindaco": "sindaco", "vice_sindaco": "assessore", "assessore": "assessore",
              "consigliere": "consigliere", "presidente_consiglio": "consigliere"}
#: Art. 14 c. 7: political or union offices held in the last 2 years.
ANNI_CARICHE = termini.ANNI_CARICHE


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


has_table = store_has_table


@lru_cache(maxsize=4096)
def _vocab_choice(name: str, text: str | None) -> str | None:
    if not text:
        return None
    from ordina.facts import FACTS, choice_value

    return choice_value(FACTS[name], text)


def _category(category: str | None, position: str | None) -> str | None:
    from ordina.facts import CATEGORIES

    for value in (category, position):
        if value and value.upper() in CATEGORIES:
            return value.upper()
    return None


_AREA_OF_LETTER = {"A": "operatori", "B": "operatori_esperti", "C": "istruttori",
                   "D": "funzionari"}


def _inverse_code(k: Any, spouses: set[int], coniugio: str, unione: str, convivenza: str,
                  parentela: str, affinita: str) -> str | None:
    """The vocabulary code of the *person* as seen from the politician, from the person's view."""
    if k.relation in (coniugio, unione):
        return "coniuge"
    if k.relation == convivenza:
        return "convivente"
    if k.relation == parentela:
        return _BLOOD.get((k.down, k.up))
    if k.relation == affinita:
        table = _AFFINE_OTHER if k.via_id in spouses else _AFFINE_OWN
        return table.get((k.down, k.up))
    return None


class PeopleFacts:
    """Person facts for one date, loaded in bulk: ``facts[person_id] -> {name: value}``."""

    def __init__(self, db: Any, on: date, ids: Iterable[int] | None = None) -> None:
        self.db, self.on = db, on
        self.names: dict[int, str] = {}
        self.facts: dict[int, dict[str, Any]] = {}
        self.details: dict[int, dict[str, str]] = {}
        """Per person, facts whose provenance says more than the date (who the kin is)."""
        self.only = None if ids is None else sorted(set(ids))
        self._load()

    def _load(self) -> None:
        if not has_table(self.db, "employments"):
            return
        self.names.update(rows.names_of_people(self.db, self.only))
        for (pid, category, position, profile, contract, pct, salary, hire) in \
                rows.employments_in_force(self.db, self.on, self.only):
            f = self.facts.setdefault(pid, {})
            f["part_time_percent"] = pct
            cat = _category(category, position)
            if cat:
                f["category"] = cat
                f["area"] = _AREA_OF_LETTER.get(cat[0])
            prof = _vocab_choice("profile", profile)
            if prof:
                f["profile"] = prof
            f["permanent"] = contract == "indeterminato"
            f["contract_kind"] = contract
            if salary is not None:
                f["annual_base_salary"] = salary / 100
            hired = _d(hire)
            if hired is not None:
                f["hire_date"] = hired
                f["years_of_service"] = round((self.on - hired).days / 365.25, 2)
                # the years are counted from a date the user can check
                self.details.setdefault(pid, {})["years_of_service"] = (
                    f"al {self.on.strftime('%d/%m/%Y')}: in servizio dal "
                    f"{hired.strftime('%d/%m/%Y')} ({self.names.get(pid, pid)})")
            f["is_po_holder"] = False
            f["is_area_head"] = False
            f["personnel_office"] = False
            f["already_authorised_this_year"] = 0.0
        for pid, office in rows.offices_in_force(
                self.db, self.on, ("responsabile_area", "segretario", "vice_segretario",
                                   "responsabile_personale"), self.only):
            f = self.facts.setdefault(pid, {})
            if office == "responsabile_area":
                f["is_po_holder"] = True
                f["is_area_head"] = True
            elif office == "responsabile_personale":
                f["personnel_office"] = True
            elif office == "segretario":
                f.setdefault("profile", "segretario")
        for pid, total in rows.authorised_compensation_by_person(
                self.db, self.on.year, self.only).items():
            if pid in self.facts:
                self.facts[pid]["already_authorised_this_year"] = total / 100
        for row in rows.authorised_assignments_of_year(self.db, self.on.year, self.only):
            if row["person_id"] in self.facts:
                f = self.facts[row["person_id"]]
                f["authorised_assignments"] = (*f.get("authorised_assignments", ()),
                                               _authorised_item(row))
        past = rows.people_with_past_roles(self.db, self.on, _two_years_before(self.on),
                                           self.only)
        if past is not None:
            for pid in past:
                if pid in self.facts:
                    self.facts[pid]["political_or_union_office_2y"] = True
            for pid in self.facts:
                self.facts[pid].setdefault("political_or_union_office_2y", False)
                # the table also records paid collaborations with parties and unions
                # (PAST_ROLE_KINDS): any row of the window is counted just above
                self.facts[pid].setdefault("party_union_collaboration_2y", False)
            self._past_role_details()
        self._kinship()

    def _past_role_details(self) -> None:
        """Which roles the art. 14 c. 7 fact rests on, with their dates and the day the bar
        of the last 2 years ends ("fino al 31/03/2025: l'impedimento cessa il 01/04/2027")."""
        since = _two_years_before(self.on)
        for pid, held in rows.past_roles_by_person(self.db, self.only).items():
            if pid not in self.facts:
                continue
            parts = []
            for org, role, start, stop in held:
                if _d(start) > self.on:
                    continue
                told = _role_told(org, role, start, stop)
                end = _d(stop) if stop else None
                if end is None:
                    parts.append(told)
                elif end > since:
                    free = _shift_years(end, ANNI_CARICHE.value)
                    parts.append(f"{told}: l'impedimento dell'{ANNI_CARICHE.cite} cessa il "
                                 f"{free.strftime('%d/%m/%Y')}")
                else:
                    parts.append(f"{told}: cessato da oltre {ANNI_CARICHE.value} anni")
            if parts:
                self.details.setdefault(pid, {})["political_or_union_office_2y"] = (
                    f"al {self.on.strftime('%d/%m/%Y')} ({self.names.get(pid, pid)}): "
                    + "; ".join(parts))

    def _kinship(self) -> None:
        """Closest relation of each person to a Sindaco, Assessore or Consigliere (art. 54)."""
        if not has_table(self.db, "family_links"):
            return
        from ordina.store.kinship import (
            AFFINITA,
            CONIUGIO,
            CONVIVENZA,
            PARENTELA,
            UNIONE_CIVILE,
            graph_from_db,
        )

        politicians = rows.offices_in_force(self.db, self.on, tuple(_POLITICAL))
        graph = graph_from_db(self.db)
        best: dict[int, tuple[int, str, str]] = {}
        offices_of = {pid: office for pid, office in politicians}
        # a person asked about by name who is not on the staff (a candidate for an art. 110
        # contract): their kinship with the administrators is read too (art. 54 c. 2)
        outsiders = {pid for pid in self.only or () if pid in self.names
                     and pid not in self.facts and pid not in offices_of}
        for pid in outsiders:
            self.facts[pid] = {}
        if self.only is not None and len(self.only) < len(offices_of):
            # Few people asked: expand their families, not every politician's.
            for pid in self.facts:
                spouses = {p.other_id for p in graph.partners(pid)}
                for k in graph.relatives(pid, self.on):
                    if k.relative_id not in offices_of:
                        continue
                    code = _inverse_code(k, spouses, CONIUGIO, UNIONE_CIVILE, CONVIVENZA,
                                         PARENTELA, AFFINITA)
                    rank = k.degree or 0
                    if code and (pid not in best or rank < best[pid][0]):
                        best[pid] = (rank, code, _POLITICAL[offices_of[k.relative_id]],
                                     k.relative_id)
            politicians = []
        for pol_id, office in politicians:
            spouses = {p.other_id for p in graph.partners(pol_id)}
            for k in graph.relatives(pol_id, self.on):
                if k.relative_id not in self.facts:
                    continue
                code: str | None = None
                if k.relation in (CONIUGIO, UNIONE_CIVILE):
                    code = "coniuge"
                elif k.relation == CONVIVENZA:
                    code = "convivente"
                elif k.relation == PARENTELA:
                    code = _BLOOD.get((k.up, k.down))
                elif k.relation == AFFINITA:
                    table = _AFFINE_OWN if k.via_id in spouses else _AFFINE_OTHER
                    code = table.get((k.up, k.down))
                if code is None:
                    continue
                rank = k.degree or 0
                old = best.get(k.relative_id)
                if old is None or rank < old[0]:
                    best[k.relative_id] = (rank, code, _POLITICAL[office], pol_id)
        for pid, f in self.facts.items():
            if pid in best:
                rank, code, role, pol_id = best[pid]
                f["kinship"], f["related_to"] = code, role
                self.details.setdefault(pid, {})["kinship"] = self._kin_detail(
                    pid, code, rank, role, pol_id)
            elif offices_of:
                f["kinship"] = "nessuna"
        for pid in outsiders:
            if pid not in best:  # nothing known of them but kinship: no facts at all
                del self.facts[pid]

    def _kin_detail(self, pid: int, code: str, rank: int, role: str, pol_id: int) -> str:
        """``al 23/11/2026: Paolo Galli è nipote (…), 3° grado, dell'assessore Roberto Galli``."""
        from ordina.facts import KINSHIP

        words = KINSHIP.get(code, (code.replace("_", " "), rank, ""))[0]
        other = full_name(self.db, pol_id) or f"persona {pol_id}"
        degree = f", {rank}° grado" if rank else ""
        the = "dell'" if role[:1] in "aeiou" else "del "
        return (f"al {self.on.strftime('%d/%m/%Y')}: {self.names.get(pid, pid)} è {words}"
                f"{degree}, {the}{role} {other}")

    def factset(self, pid: int) -> FactSet:
        """The facts of one person, each marked as read from the database on the date."""
        detail = f"al {self.on.strftime('%d/%m/%Y')} ({self.names.get(pid, pid)})"
        out = FactSet.from_values(self.facts.get(pid, {}), "db", detail)
        for name, text in self.details.get(pid, {}).items():
            out.add(FactValue(name, self.facts[pid][name], "db", text))
        return out


#: An incarico's subject that says the condominium is the employee's own (art. 87 c. 2 lett. m).
_OWN_CONDOMINIUM = re.compile(r"\b(?:di residenza|dove (?:abita|risiede)|in cui (?:abita|risiede)|"
                              r"di (?:sua )?proprieta|proprio condominio)\b")


def assignment_facts(row: dict[str, Any]) -> dict[str, Any]:
    """Facts of one external assignment row (Titolo IX) in the vocabulary's terms."""
    f: dict[str, Any] = {}
    if row.get("activity") in ACTIVITY:
        f["activity_kind"] = ACTIVITY[row["activity"]]
    if row.get("client_type") in CLIENT:
        f["client_type"] = CLIENT[row["client_type"]]
    flags = {"fornitore": row.get("client_supplier"), "controllato": row.get("client_supervised"),
             "contenzioso": row.get("client_litigation"), "concessione": row.get("client_permit")}
    true = [k for k, v in flags.items() if v]
    if true:
        f["client_relation"] = true[0]
    elif all(v is not None for v in flags.values()):
        f["client_relation"] = "nessuna"
    if row.get("activity") == "amministratore_condominio" and _OWN_CONDOMINIUM.search(
            fold(f"{row.get('subject') or ''} {row.get('client') or ''}")):
        f["own_condominium"] = True  # «Amministratore del condominio di residenza»
    for name, column in (("occasional", "occasional"), ("paid", "paid")):
        if row.get(column) is not None:
            f[name] = bool(row[column])
    if row.get("compensation_cents") is not None:
        f["compensation"] = row["compensation_cents"] / 100
        if row.get("paid") and row["compensation_cents"] > 0:
            f["expenses_only"] = False  # a fee on record is a compenso, not a reimbursement
    if row.get("request_date"):
        f["request_date"] = _d(row["request_date"])
        f["request_answered"] = row.get("status") != "in_attesa"
    if row.get("valid_from"):
        f["assignment_start"] = _d(row["valid_from"])
    if row.get("valid_to"):
        f["assignment_end"] = _d(row["valid_to"])
    status = row.get("status")
    if status in NOT_AUTHORISED:
        f["authorised"] = False
    elif status == "autorizzato":
        f["authorised"] = True
    f["assignment_id"] = str(row["id"])
    return f


_assignment_rows = rows.external_assignment_rows


def patron_saint(db: Any) -> str | None:
    """The Comune's patron saint as the ``patron_saint`` fact reads it (``24/06 San …``).

    The ente table keeps the day as ``MM-DD`` (``patrono``) and the name apart
    (``santo_patrono``); deadlines move past that day as past any holiday.
    """
    values = rows.ente_values(db, "patrono", "santo_patrono")
    day = values.get("patrono")
    if not day or len(day.split("-")) != 2:
        return None
    month, dd = day.split("-")
    return f"{dd}/{month} {values.get('santo_patrono') or 'santo patrono'}".strip()


def _request_year(row: dict[str, Any]) -> str:
    """The year of the request (or of the start): the year the cap of art. 88 c. 3 counts."""
    return (row.get("request_date") or row.get("valid_from") or "")[:4]


def _work_year(row: dict[str, Any]) -> str:
    """The year the assignment starts: the other reading of «annualmente» (art. 88 c. 3)."""
    return (row.get("valid_from") or row.get("request_date") or "")[:4]


def _amount(value: float) -> str:
    """``1.500 €``."""
    return f"{fmt(float(value))} €"


def _authorised_item(row: dict[str, Any]) -> dict[str, Any]:
    """An authorised incarico as the cap of art. 88 c. 3 reads it: amount, years, activity."""
    request, work = _request_year(row), _work_year(row)
    facts = assignment_facts(row)
    return {"id": row["id"], "amount": row["compensation_cents"] / 100,
            "request_year": int(request) if request else None,
            "work_year": int(work) if work else None,
            "activity_kind": facts.get("activity_kind"), "paid": facts.get("paid")}


_assignment_rows_of = rows.assignments_of_people


def assignment_subjects(db: Any, on: date, people: PeopleFacts | None = None,
                        ids: Iterable[int] | None = None,
                        person: int | None = None) -> list[Subject]:
    """External assignments with their facts and their holder's facts (one person's only,
    with ``person``)."""
    found = _assignment_rows(db, ids, person)
    if people is None:
        people = PeopleFacts(db, on, {r["person_id"] for r in found})
    by_request: dict[tuple[int, str], list[tuple[int, float]]] = {}
    by_work: dict[tuple[int, str], list[tuple[int, float]]] = {}
    authorised: dict[int, list[dict[str, Any]]] = {}
    everyone = found if ids is None and person is None else \
        _assignment_rows_of(db, {r["person_id"] for r in found})
    for r in everyone:
        if r["status"] == "autorizzato" and r["compensation_cents"]:
            item = (r["id"], r["compensation_cents"] / 100)
            by_request.setdefault((r["person_id"], _request_year(r)), []).append(item)
            by_work.setdefault((r["person_id"], _work_year(r)), []).append(item)
            authorised.setdefault(r["person_id"], []).append(_authorised_item(r))
    out = []
    when = on.strftime("%d/%m/%Y")
    patron = patron_saint(db)
    for r in found:
        who = f"{r['given_name']} {r['surname']}"
        label = f"incarico {r['id']} di {who}: {r['subject']}"
        facts = assignment_facts(r)
        facts["patron_saint"] = patron
        year = _request_year(r) or on.isoformat()[:4]
        others = [i for i in by_request.get((r["person_id"], year), []) if i[0] != r["id"]]
        work = _work_year(r)
        if work:
            facts["assignment_year"] = int(work)
            facts["authorised_in_assignment_year"] = round(sum(
                a for i, a in by_work.get((r["person_id"], work), []) if i != r["id"]), 2)
        facts["authorised_assignments"] = tuple(
            i for i in authorised.get(r["person_id"], ()) if i["id"] != r["id"])
        detail = f"al {when} (incarico {r['id']})"
        base = people.factset(r["person_id"]) if people else FactSet()
        merged = base.merged(FactSet.from_values(facts, "db", detail).facts())
        merged.add(FactValue(
            "already_authorised_this_year", round(sum(a for _, a in others), 2), "db",
            f"al {when}: incarichi autorizzati su richieste del {year}"
            + (": " + ", ".join(f"n. {i} ({_amount(a)})" for i, a in others) if others
               else ": nessuno")))
        out.append(Subject("incarico", r["id"], label, merged, person=r["person_id"]))
    return out


def person_subjects(people: PeopleFacts) -> list[Subject]:
    """Every employee on the date, with facts."""
    return [Subject("persona", pid, people.names.get(pid, str(pid)), people.factset(pid),
                    person=pid) for pid in people.facts]


def _resolve_person(ctx: Context, subject: Subject) -> int | None:
    key = subject.key
    mention = getattr(key, "key", None) or getattr(key, "name", None) or getattr(key, "text", key)
    if isinstance(mention, int):
        return mention
    text = str(mention or "").strip()
    if text.isdigit():
        return int(text)
    if not text or ctx.db is None:
        return None
    from ordina.store.queries import find_people

    found = find_people(ctx.db, text, limit=2)
    return found[0].id if len(found) == 1 else None


@hookimpl
def ordina_subject_facts(ctx: Context, subject: Subject) -> list[FactValue] | None:
    """Facts about ``subject`` from the database as of ``ctx.as_of`` (none without a database)."""
    if ctx.db is None or not has_table(ctx.db, "people"):
        return None
    kind = getattr(subject.key, "kind", None) or subject.kind
    if subject.kind == "ente":
        return comune_facts(ctx.db, ctx.as_of) + _territory_named(ctx.db, ctx.question or "")
    if kind == "assignment" or subject.kind == "incarico":
        text = str(getattr(subject.key, "key", None) or getattr(subject.key, "text", subject.key))
        digits = "".join(ch for ch in text if ch.isdigit())
        if not digits:
            return None
        found = assignment_subjects(ctx.db, ctx.as_of, ids=[int(digits)])
        return found[0].facts.facts() if found else None
    if subject.kind == "contratto":  # a collaboration named by number ("2026/3")
        found = [s for s in contract_subjects(ctx.db, ctx.as_of) if s.key == str(subject.key)]
        return found[0].facts.facts() if found else None
    if kind in ("unit", "unita"):
        return _unit_head_pay(ctx, subject) or None
    if kind not in ("person", "persona", "self"):
        return None
    pid = _resolve_person(ctx, subject)
    if pid is None:
        return None
    people = PeopleFacts(ctx.db, ctx.as_of, [pid])
    facts = people.factset(pid).facts()
    asked = fold(ctx.question or "")
    if _ASKS_OF_THE_APPOINTMENT.search(asked) and not _A_NEW_APPOINTMENT.search(asked):
        # "il decreto che nomina Verdi … è regolare?": the appointment on record, its term
        held = office_subjects(ctx.db, ctx.as_of, people, person=pid)
        if len(held) == 1:
            facts = held[0].facts.facts()
    return facts + head_pay_facts(ctx.db, ctx.as_of, person=pid) + evaluation_facts(
        ctx.db, pid, ctx.as_of)


#: A question about the appointment a person holds ("il decreto che nomina Verdi", "is his
#: appointment within the mayor's term?").
_ASKS_OF_THE_APPOINTMENT = re.compile(r"\b(?:decreto|nomina|nominat\w*|incarico di responsabil\w*|"
                                      r"appointment|appointed|mandat\w*|mayor's term)\b")
#: …and not about one to come ("potrebbe diventare", "could be put in charge").
_A_NEW_APPOINTMENT = re.compile(r"\b(?:potrebbe|potra|diventare|nuov[oa]|could|become|would)\b")


def evaluation_facts(db: Any, pid: int, on: date) -> list[FactValue]:
    """The person's evaluations up to the year of ``on`` (year, card, total), for the checks
    that read a score: the scorecard of the year asked is taken from them."""
    from ordina.store import queries

    cards = [e for e in queries.evaluations(db, pid) if e.year <= on.year]
    if not cards:
        return []
    record = tuple({"year": e.year, "scheme": e.scheme, "total": e.total} for e in cards)
    return [FactValue("evaluations_on_record", record, "db",
                      f"(valutazioni di {full_name(db, pid)})")]


def head_pay_facts(db: Any, on: date, person: int | None = None,
                   area: int | None = None) -> list[FactValue]:
    """The allegato D facts of a titular Area head's appointment on ``on`` (by the person or
    by the Area): the post's grades, the Comune's Pmax and the allowance paid."""
    pay = area_heads_pay(db, on)
    for oid, _pid, _office, unit, _start, _stop, unit_id in rows.appointments_in_force(
            db, on, ("responsabile_area",), person):
        if oid not in pay or (area is not None and unit_id != area):
            continue
        values = _pay_facts(pay[oid])
        year = pay[oid].grading_year
        where = {"pmax": "Pmax del Comune (ente)",
                 "position_allowance_paid": f"incarico di Responsabile dell'{unit}"}
        return [FactValue(name, value, "db",
                          where.get(name, f"graduazione {year or ''} dell'{unit}".replace(
                              "  ", " ")))
                for name, value in values.items()]
    return []


def _unit_head_pay(ctx: Context, subject: Subject) -> list[FactValue]:
    """A unit named in the question ("la ragioneria"): the allegato D facts of the head of
    the Area it is (or belongs to)."""
    from ordina.store.queries import find_units, unit, unit_ancestors

    key = getattr(subject.key, "key", None) or subject.key
    text = str(getattr(subject.key, "name", None) or getattr(subject.key, "text", "") or "")
    found = (unit(ctx.db, int(key)) if key and str(key).isdigit()
             else next(iter(find_units(ctx.db, text, on=ctx.as_of, limit=1)), None))
    if found is None:
        return []
    chain = unit_ancestors(ctx.db, found.id)
    area = next((u for u in chain if u.kind == "area"), None)
    return head_pay_facts(ctx.db, ctx.as_of, area=area.id) if area is not None else []


#: Offices whose appointment the checks examine (art. 7 c. 2, art. 14, art. 53).
APPOINTMENTS = ("responsabile_area", "vice_segretario", "responsabile_personale", "segretario",
                "componente_nucleo")

OFFICE_FACT = FactSpec("office", "choice", APPOINTMENTS + ("altro",),
                       "Quale ufficio ricopre la persona (responsabile di Area, Vice Segretario, "
                       "responsabile del personale, Segretario)?")
CONTRACT_FACT = FactSpec("contract_kind", "choice",
                         ("indeterminato", "determinato", "art110", "segretario", "comando"),
                         "Con quale contratto lavora la persona (tempo indeterminato, "
                         "determinato, art. 110)?")


def _mandate_end(db: Any, on: date) -> date | None:
    return _d(rows.mayor_mandate_end(db, on))


def office_subjects(db: Any, on: date, people: PeopleFacts,
                    person: int | None = None) -> list[Subject]:
    """Titular appointments in force: the person's facts plus duration and mandate."""
    from ordina.store.queries import office_holders

    end = _mandate_end(db, on)
    pay = area_heads_pay(db, on)
    # a Nucleo member's fee on record, and the auditor's it may not exceed (art. 38 c. 7)
    fees = {h.id: h.compensation_cents / 100
            for h in office_holders(db, "componente_nucleo", on) if h.compensation_cents}
    auditor = comune_facts(db, on) if fees else []
    out = []
    for oid, pid, office, unit, start, stop, unit_id in rows.appointments_in_force(
            db, on, APPOINTMENTS, person):
        values: dict[str, Any] = {"office": office}
        if oid in fees:
            values["nucleo_compensation"] = fees[oid]
        begin, finish = _d(start), _d(stop)
        if begin and finish:
            values["assignment_years"] = round((finish - begin).days / 365.25, 2)
        if finish and end:
            values["exceeds_mayor_mandate"] = finish > end
        elif finish is None and end is not None and office != "segretario":
            values["exceeds_mayor_mandate"] = True
        if end is not None:
            values["mandate_years_left"] = round((end - on).days / 365.25, 2)
        if oid in pay:
            values.update(_pay_facts(pay[oid]))
        who = people.names.get(pid, str(pid))
        label = f"{who}, {office.replace('_', ' ')}" + (f" ({unit})" if unit else "")
        facts = people.factset(pid).merged(FactSet.from_values(
            values, "db", f"al {on.strftime('%d/%m/%Y')} ({label})").facts())
        past = _past_roles(db, pid, begin, on)
        if past is not None:
            facts.add(past)
        if oid in fees:
            facts = facts.merged(auditor)
        if values.get("exceeds_mayor_mandate") and end is not None:
            period = (f"dal {begin.strftime('%d/%m/%Y')}" if begin else "") + (
                f" al {(finish - timedelta(days=1)).strftime('%d/%m/%Y')}" if finish
                else " senza termine")
            facts.add(FactValue("exceeds_mayor_mandate", True, "db",
                                f"al {on.strftime('%d/%m/%Y')}: incarico {period.strip()}, "
                                f"mandato del Sindaco fino al "
                                f"{(end - timedelta(days=1)).strftime('%d/%m/%Y')}"))
        out.append(Subject("ufficio", oid, label, facts, (office,), person=pid, unit=unit_id))
    return out


def _pay_facts(pay: PositionPay) -> dict[str, Any]:
    """Allowance paid, the post's grades (allegato D) and the Comune's Pmax, as facts."""
    values: dict[str, Any] = {f"grading_{code}": grade for code, grade in pay.grades.items()}
    if pay.allowance is not None:
        values["position_allowance_paid"] = float(pay.allowance)
    if pay.pmax is not None:
        values["pmax"] = float(pay.pmax)
    if pay.grading_year is not None:
        values["grading_year"] = pay.grading_year
    return values


def _shift_years(day: date, years: int) -> date:
    """The same day ``years`` later (earlier when negative); 29 February becomes the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _two_years_before(day: date) -> date:
    return _shift_years(day, -ANNI_CARICHE.value)


def _role_told(org: str, role: str, start: str, stop: str | None) -> str:
    """ "componente del direttivo (FP CGIL) dal 01/01/2019 al 31/03/2025", or ", tuttora"."""
    last = _d(stop) - timedelta(days=1) if stop else None
    return f"{role} ({org}) dal {_d(start).strftime('%d/%m/%Y')}" + (
        f" al {last.strftime('%d/%m/%Y')}" if last else ", tuttora")


def _past_roles(db: Any, pid: int, conferred: date | None, on: date) -> FactValue | None:
    """Art. 14 c. 7: political or union offices in the 2 years before the conferral or now.

    The text bars *conferring* the post on who held such offices «attualmente o negli ultimi
    2 anni»: the conferral date is the moment that counts, and the date of the question too.
    """
    if not has_table(db, "past_roles"):
        return None
    found = []
    for moment in dict.fromkeys(d for d in (conferred, on) if d is not None):
        for org, role, start, stop in rows.past_roles_in_window(db, pid, moment,
                                                                _two_years_before(moment)):
            text = _role_told(org, role, start, stop)
            if text not in found:
                found.append(text)
    if not found:
        return None
    when = (f"; incarico conferito il {conferred.strftime('%d/%m/%Y')}" if conferred else "")
    return FactValue("political_or_union_office_2y", True, "db",
                     f"al {on.strftime('%d/%m/%Y')}{when}: {'; '.join(found)}")


def political_office_of(db: Any, on: date, person_key: str) -> list[FactValue]:
    """Whose relative the case is, when the question names them ("Mario Rossi's wife"):
    the political office they hold on ``on`` (art. 54 c. 2: Sindaco, assessori,
    consiglieri), or «nessuna» for anybody else in the database."""
    if not person_key.isdigit():
        return []
    held = rows.offices_in_force(db, on, tuple(_POLITICAL), only=[int(person_key)])
    name = full_name(db, int(person_key)) or f"persona {person_key}"
    when = on.strftime("%d/%m/%Y")
    if held:
        role = _POLITICAL[held[0][1]]
        return [FactValue("related_to", role, "db", f"al {when}: {name} è {role}")]
    return [FactValue("related_to", "nessuna", "db",
                      f"al {when}: {name} non ricopre cariche politiche")]


def replaced_category(db: Any, on: date, person_key: str) -> list[FactValue]:
    """The category of the person stood in for, as the category of the duties (art. 13 c. 1
    trattino 2: the duties of the absent holder's post); [] when the row has none."""
    if not person_key.isdigit():
        return []
    people = PeopleFacts(db, on, [int(person_key)])
    held = people.factset(int(person_key)).fact("category")
    if held is None or not held.value:
        return []
    return [FactValue("target_category", held.value, "db",
                      f"{held.detail}: categoria della persona sostituita")]


def contract_subjects(db: Any, on: date) -> list[Subject]:
    """Collaboration contracts (Titolo VII) running on the date or in its year."""
    out = []
    patron = patron_saint(db)
    for (number, contractor, amount, proc, notice, deadline, invited, published, start,
         reason, unit_id) in rows.collaborations_since(db, date(on.year, 1, 1)):
        values: dict[str, Any] = {"patron_saint": patron}
        if proc in ("comparativa", "indagine_mercato", "diretta"):
            values["collaboration_procedure"] = proc
        if reason in DIRECT_REASONS:
            values["direct_reason"] = DIRECT_REASONS[reason]
        if start:
            values["conferral_date"] = _d(start)
        if amount is not None:
            values["contract_amount"] = amount / 100
        if notice and deadline:
            values["notice_days"] = (_d(deadline) - _d(notice)).days  # type: ignore[operator]
        if invited is not None:
            values["invitations"] = invited
        values["published"] = bool(published) and published <= on.isoformat()
        label = f"collaborazione {number} ({contractor})"
        out.append(Subject("contratto", number, label, FactSet.from_values(
            values, "db", f"al {on.strftime('%d/%m/%Y')} ({label})"), ("collaborazione",),
            unit=unit_id))
    return out


def fixed_term_subjects(db: Any, on: date, people: PeopleFacts,
                        person: int | None = None) -> list[Subject]:
    """Fixed-term contracts ex art. 110 TUEL in force (art. 53-54), with the ente's counts."""
    end = _mandate_end(db, on)
    ente = ente_subject(db, on)[0].facts
    out = []
    for eid, pid, stop in rows.art110_contracts_in_force(db, on, person):
        values: dict[str, Any] = {k: ente.get(k) for k in ("fixed_term_count",
                                                           "staff_establishment")}
        finish = _d(stop)
        if end is not None:
            values["exceeds_mayor_mandate"] = finish is None or finish > end
        label = f"contratto ex art. 110 di {people.names.get(pid, pid)}"
        facts = people.factset(pid).merged(FactSet.from_values(
            values, "db", f"al {on.strftime('%d/%m/%Y')} ({label})").facts())
        out.append(Subject("contratto", f"art110-{eid}", label, facts, ("art110",), person=pid))
    return out


def request_subjects(db: Any, on: date, people: PeopleFacts,
                     person: int | None = None) -> list[Subject]:
    """Pending part-time requests: the person's facts as if the request were granted."""
    out = []
    for rid, pid, pct, asked in rows.pending_part_time_requests(db, on, person):
        label = f"richiesta di part-time al {pct}% di {people.names.get(pid, pid)}"
        facts = people.factset(pid).merged([FactValue(
            "part_time_percent", pct, "db", f"richiesta del {_d(asked).strftime('%d/%m/%Y')}")])
        out.append(Subject("richiesta", rid, label, facts, ("part_time",), person=pid))
    return out


def comune_facts(db: Any, on: date) -> list[FactValue]:
    """Facts of the Comune itself that a question's case is measured against: the fee of
    the revisore dei conti, the cap of a Nucleo member's fee (art. 38 c. 7)."""
    from ordina.store.queries import office_holders

    if not has_table(db, "offices"):
        return []
    paid = [h for h in office_holders(db, "revisore_conti", on) if h.compensation_cents]
    if not paid:
        return []
    auditor = paid[0]
    return [FactValue("auditor_compensation", auditor.compensation_cents / 100, "db",
                      f"al {on.strftime('%d/%m/%Y')} ({auditor.person_name}, {auditor.act})")]


def _territory_named(db: Any, question: str) -> list[FactValue]:
    """"una ditta di Esempio", "residente a Esempio": the Comune's own name in the question
    places the client in its territory (art. 87 c. 1 lett. l, m)."""
    name = (rows.ente_values(db, "nome").get("nome") or "").strip()
    name = re.sub(r"^comune di\s+", "", name, flags=re.IGNORECASE)
    if len(name) < 3 or not re.search(rf"\b(?:di|a|ad|in|da|of|from)\s+{re.escape(fold(name))}\b",
                                      fold(question)):
        return []
    return [FactValue("client_in_territory", True, "db", f"«{name}» è il Comune (ente)")]


def ente_subject(db: Any, on: date) -> list[Subject]:
    """The Comune itself: posts of the dotazione organica and fixed-term contracts (art. 53)."""
    values: dict[str, Any] = {"staff_establishment": rows.posts_in_force_count(db, on)}
    if has_table(db, "employments"):
        values["fixed_term_count"] = len(rows.art110_contracts_in_force(db, on))
    label = rows.ente_values(db, "nome").get("nome") or "il Comune"
    return [Subject("ente", "ente", label, FactSet.from_values(
        values, "db", f"al {on.strftime('%d/%m/%Y')}"))]


@hookimpl
def ordina_fact_definitions() -> list[FactSpec]:
    """Facts only the database supplies: which office an appointment is, the contract kind."""
    return [OFFICE_FACT, CONTRACT_FACT, EVALUATIONS_FACT]


#: A person's scorecards on record (year, card E/F/G, total), read by the evaluation check.
EVALUATIONS_FACT = FactSpec("evaluations_on_record", "list", (),
                            "Quali valutazioni della persona risultano (anno, scheda, totale)?")


@hookimpl
def ordina_audit_subjects(ctx: Context) -> list[Subject] | None:
    """People, assignments, appointments, contracts, requests and the ente, loaded in bulk.

    Only the kinds some loaded check examines are built.
    """
    if ctx.db is None or not has_table(ctx.db, "employments"):
        return None
    db, on = ctx.db, ctx.as_of
    registry = ctx.checks()

    def wanted(kind: str) -> bool:
        return bool(registry.for_subject(kind))  # includes checks of kind:tag

    one = ctx.person
    people = PeopleFacts(db, on, None if one is None else [one])
    out: list[Subject] = []
    if wanted("persona"):
        out += person_subjects(people)
    if wanted("incarico"):
        out += assignment_subjects(db, on, people, person=one)
    if wanted("ufficio"):
        out += office_subjects(db, on, people, one)
    if wanted("contratto"):
        out += (contract_subjects(db, on) if one is None else []) \
            + fixed_term_subjects(db, on, people, one)
    if wanted("richiesta"):
        out += request_subjects(db, on, people, one)
    if wanted("ente") and one is None:
        out += ente_subject(db, on)
    return out
