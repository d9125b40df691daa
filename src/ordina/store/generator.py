"""A realistic large Comune with the Livorno-style structure, for scale and benchmarks.

Structure from the Livorno organigramma (regulation/organigramma_livorno.txt): Direzione
Generale; Dipartimenti and Strutture di staff apicali; Settori headed by dirigenti;
Uffici headed by EQ/PO; a Conferenza dei dirigenti. Livorno has about 1,100 employees,
Roma Capitale about 23,000; the number of units grows with the number of employees.

The same ``(employees, seed)`` always gives the same database. Rows are generated with
ids assigned here and written with ``executemany`` in one transaction, which is what
keeps 25,000 employees under the 10-second benchmark.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ordina.store.text import fold


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_SURNAMES = _words(
    "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti "
    "De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani "
    "Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra "
    "Coppola De_Santis D'Angelo Marchetti Parisi Villa Conte Ferraro Ferri Fabbri Bianco "
    "Marini Grasso Valentini Messina Sala De_Angelis Gatti Pellegrini Palumbo Sanna Farina "
    "Rizzi Monti Cattaneo Morelli Amato Silvestri Mazza Testa Grassi Pellegrino Carbone "
    "Giuliani Benedetti Barone Rossetti Caputo Montanari Guerra Palmieri Bernardi Martino "
    "Fiore De_Rosa Ferretti Bellini Basile Riva Donati Piras Vitali Battaglia Sartori Neri "
    "Costantini Milani Pagano Ruggiero Sorrentino D'Amico Orlando Damico Negri Lodi Verdi "
    "Bassi Cecchi Franchi Lazzeri Bartolini Cioni Niccolai Giannini Mazzoni Bertini Ciampi"
)
_SURNAMES = tuple(name.replace("_", " ") for name in _SURNAMES)
_MALE = _words(
    "Marco Andrea Luca Francesco Matteo Alessandro Davide Simone Federico Lorenzo Mattia "
    "Stefano Giuseppe Riccardo Daniele Michele Alberto Giovanni Antonio Paolo Roberto Fabio "
    "Massimo Claudio Enrico Sergio Pietro Carlo Giorgio Emanuele Filippo Tommaso Nicola"
)
_FEMALE = _words(
    "Giulia Francesca Sara Martina Chiara Federica Valentina Alessia Silvia Elisa Laura "
    "Elena Paola Anna Maria Roberta Monica Barbara Cristina Simona Claudia Serena Ilaria "
    "Irene Marta Giovanna Lucia Caterina Beatrice Veronica Manuela Daniela Sabrina"
)
_DIPARTIMENTI = (
    "Servizi alla persona", "Territorio e ambiente", "Risorse e bilancio", "Sviluppo economico",
    "Sicurezza urbana", "Cultura e turismo", "Lavori pubblici", "Innovazione e sistemi",
    "Politiche sociali", "Mobilità", "Patrimonio", "Educazione", "Porto e logistica",
    "Sport e giovani", "Casa", "Verde pubblico",
)
_SETTORI = (
    "Anagrafe e stato civile", "Tributi", "Bilancio", "Economato", "Personale", "Contratti",
    "Urbanistica", "Edilizia privata", "Ambiente", "Protezione civile", "Polizia municipale",
    "Servizi educativi", "Servizi sociali", "Cultura", "Sport", "Turismo", "Patrimonio",
    "Manutenzioni", "Strade", "Mobilità", "Sistemi informativi", "Gare", "Avvocatura",
    "Commercio", "Attività produttive", "Casa", "Verde", "Cimiteri", "Statistica", "Entrate",
)
_UFFICI = (
    "Protocollo", "Segreteria", "Programmazione", "Controllo di gestione", "Sportello",
    "Istruttoria", "Contenzioso", "Progettazione", "Acquisti", "Front office", "Archivio",
    "Rendicontazione", "Pianificazione", "Vigilanza", "Amministrativo", "Tecnico",
)
_CATEGORY_MIX = (("A", 0.03), ("B1", 0.14), ("B3", 0.15), ("C", 0.42), ("D1", 0.21),
                 ("D3", 0.05))
_SALARY = {"A": 19000, "B1": 19900, "B3": 20600, "C": 21800, "D1": 23200, "D3": 26500,
           "DIR": 45260, "SEG": 52000}
_PROFILES = {
    "A": ("Operatore", "Operatore dei servizi generali"),
    "B1": ("Esecutore tecnico specializzato", "Esecutore amministrativo"),
    "B3": ("Collaboratore amministrativo", "Collaboratore tecnico"),
    "C": ("Istruttore amministrativo/contabile", "Istruttore tecnico",
          "Agente di polizia municipale", "Educatore"),
    "D1": ("Istruttore direttivo amministrativo", "Istruttore direttivo tecnico",
           "Istruttore direttivo contabile", "Assistente sociale"),
    "D3": ("Funzionario amministrativo", "Funzionario tecnico"),
}
_MANDATE = ("2024-06-24", "2029-06-24")


def _d(day: date) -> str:
    return day.isoformat()


@dataclass
class _Rows:
    """Rows per table, in insertion order, ready for ``executemany``."""

    tables: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = field(default_factory=dict)

    def add(self, table: str, **values: Any) -> None:
        cols, rows = self.tables.setdefault(table, (list(values), []))
        rows.append(tuple(values[c] for c in cols))

    def count(self, table: str) -> int:
        return len(self.tables.get(table, ((), []))[1])


class LivornoStyle:
    """Generator of one large Comune; call :meth:`rows` then write them."""

    def __init__(self, employees: int, seed: int = 1) -> None:
        self.n = max(employees, 20)
        self.rnd = random.Random(seed)
        self.out = _Rows()
        self.unit_id = 0
        self.person_id = 0
        self.post_id = 0
        self.office_id = 0
        self._last_hire = "2010-01-01"

    # ------------------------------------------------------------ helpers
    def _unit(self, code: str, name: str, kind: str, parent: int | None) -> int:
        self.unit_id += 1
        self.out.add("units", id=self.unit_id, code=code, name=name, kind=kind,
                     parent_id=parent, valid_from="2022-04-07", valid_to=None,
                     act="Deliberazione G.C. di approvazione della macrostruttura",
                     search_key=fold(name))
        return self.unit_id

    def _person(self, prefix: str, private: bool = True) -> int:
        self.person_id += 1
        sex = self.rnd.choice("FM")
        given = self.rnd.choice(_FEMALE if sex == "F" else _MALE)
        surname = self.rnd.choice(_SURNAMES)
        pid = self.person_id
        self.out.add("people", id=pid, code=f"{prefix}{pid:06d}", surname=surname,
                     given_name=given, search_key=fold(f"{surname} {given}"))
        if private:
            birth = date(1960, 1, 1) + timedelta(days=self.rnd.randrange(0, 365 * 40))
            hire = max(birth + timedelta(days=365 * 20),
                       date(1990, 1, 1) + timedelta(days=self.rnd.randrange(0, 365 * 36)))
            hire = min(hire, date(2026, 10, 1))
            self._last_hire = _d(hire)
            level = self.rnd.choice(("diploma", "laurea", "laurea_magistrale"))
            self.out.add("people_private", person_id=pid, sex=sex, birth_date=_d(birth),
                         citizenship="IT", degree_level=level, degree=None, hire_date=_d(hire),
                         experience_years=None)
        return pid

    def _office(self, person: int, office: str, unit: int | None, valid_from: str,
                valid_to: str | None = None, role: str | None = None, interim: bool = False,
                replaces: int | None = None, allowance: int | None = None) -> None:
        self.office_id += 1
        self.out.add("offices", id=self.office_id, person_id=person, office=office,
                     unit_id=unit, role=role, valid_from=valid_from, valid_to=valid_to,
                     act="Decreto sindacale", ad_interim=int(interim),
                     replaces_person_id=replaces, position_allowance_cents=allowance,
                     compensation_cents=None)

    def _employ(self, person: int, category: str, unit: int, contract: str = "indeterminato",
                profile: str | None = None, part_time: int = 100) -> None:
        self.post_id += 1
        self.out.add("posts", id=self.post_id, code=f"P{self.post_id:06d}",
                     profile=profile or category, category=category, unit_id=unit,
                     valid_from="2022-04-07", valid_to=None, act="Piano dei fabbisogni")
        hire = self._last_hire
        step = "" if category in ("DIR", "SEG") else (
            f"{category[0]}{(3 if category in ('B3', 'D3') else 1) + self.rnd.randrange(0, 3)}")
        salary = _SALARY[category] * 100 * part_time // 100 + self.rnd.randrange(0, 150000)
        self.out.add("employments", person_id=person, valid_from=hire,
                     valid_to=_MANDATE[1] if contract == "art110" else None,
                     category=category, economic_position=step or None,
                     profile=profile or self.rnd.choice(_PROFILES.get(category, (category,))),
                     unit_id=unit, post_id=self.post_id, contract=contract,
                     part_time_pct=part_time, salary_cents=salary, act=None)

    # ------------------------------------------------------------ the Comune
    def rows(self) -> _Rows:
        """Generate every row (structure, people, offices, facts)."""
        rnd = self.rnd
        out = self.out
        for key, value in (("nome", "Comune di Grandeporto"), ("abitanti", str(self.n * 140)),
                           ("patrono", "05-22"), ("santo_patrono", "Santa Giulia"),
                           ("retribuzione_posizione_max", "18000.00"), ("modello", "grande")):
            out.add("ente", key=key, value=value)
        ente = self._unit("COMUNE", "Comune di Grandeporto", "ente", None)
        giunta = self._unit("GIUNTA", "Giunta comunale", "giunta", ente)
        consiglio = self._unit("CONSIGLIO", "Consiglio comunale", "consiglio", ente)
        dg = self._unit("DG", "Direzione Generale", "direzione_generale", ente)
        conferenza = self._unit("CONF-DIR", "Conferenza dei dirigenti", "conferenza", dg)
        nucleo = self._unit("NUCLEO", "Nucleo di valutazione", "nucleo", ente)
        delegazione = self._unit("DELEGAZIONE", "Delegazione trattante di parte pubblica",
                                 "delegazione_trattante", ente)
        del conferenza, delegazione

        n_settori = max(4, self.n // 40)
        n_dip = max(2, n_settori // 5)
        n_staff = max(1, n_dip // 4)
        tops: list[int] = []
        for i in range(n_dip):
            name = _DIPARTIMENTI[i % len(_DIPARTIMENTI)]
            suffix = f" {i // len(_DIPARTIMENTI) + 1}" if i >= len(_DIPARTIMENTI) else ""
            tops.append(self._unit(f"DIP{i + 1:03d}", f"Dipartimento {name}{suffix}",
                                   "dipartimento", dg))
        staffs = [self._unit(f"STAFF{i + 1:02d}", f"Staff apicale {i + 1} - "
                             f"{('Gabinetto del Sindaco', 'Avvocatura', 'Comunicazione')[i % 3]}",
                             "staff_apicale", dg) for i in range(n_staff)]
        settori: list[tuple[int, int]] = []  # (settore id, dipartimento id)
        for i in range(n_settori):
            dip = tops[i % n_dip]
            name = f"Settore {_SETTORI[i % len(_SETTORI)]} {i + 1}"
            settori.append((self._unit(f"SET{i + 1:04d}", name, "settore", dip), dip))
        uffici: list[tuple[int, int]] = []  # (ufficio id, settore id)
        for sid, _dip in settori:
            for _ in range(rnd.randint(3, 6)):
                n = len(uffici) + 1
                uffici.append((self._unit(f"UFF{n:05d}", f"Ufficio {rnd.choice(_UFFICI)} {n}",
                                          "ufficio", sid), sid))

        # Politicians: Sindaco, Giunta, Consiglio.
        sindaco = self._person("POL", private=False)
        self._office(sindaco, "sindaco", ente, *_MANDATE)
        n_assessori = 9 if self.n < 10000 else 12
        politicians = [sindaco]
        for i in range(n_assessori):
            pid = self._person("POL", private=False)
            politicians.append(pid)
            self._office(pid, "assessore", giunta, "2024-07-01", _MANDATE[1],
                         role=_SETTORI[i % len(_SETTORI)])
        for _ in range(32 if self.n < 10000 else 48):
            pid = self._person("POL", private=False)
            politicians.append(pid)
            self._office(pid, "consigliere", consiglio, *_MANDATE)

        # Top management.
        segretario = self._person("SEG")
        self._employ(segretario, "SEG", dg, contract="segretario", profile="Segretario generale")
        self._office(segretario, "segretario", ente, "2021-01-01")
        self._office(segretario, "rpc", ente, "2021-02-01")
        self._office(segretario, "componente_nucleo", nucleo, "2024-09-01", "2027-09-01",
                     role="presidente")
        dirgen = self._person("DIR")
        self._employ(dirgen, "DIR", dg, contract="art110", profile="Direttore generale")
        self._office(dirgen, "direttore_generale", dg, "2024-07-15", _MANDATE[1])
        for _ in range(2):
            ext = self._person("EXT")
            self._office(ext, "componente_nucleo", nucleo, "2024-09-01", "2027-09-01")

        heads: dict[int, int] = {}
        for dip in tops:
            pid = self._person("DIR")
            self._employ(pid, "DIR", dip, profile="Dirigente")
            self._office(pid, "coordinatore_dipartimento", dip, "2024-08-01", _MANDATE[1],
                         allowance=3800000)
            heads[dip] = pid
        for st in staffs:
            pid = self._person("DIR")
            self._employ(pid, "DIR", st, contract=rnd.choice(("indeterminato", "art110")),
                         profile="Dirigente")
            self._office(pid, "dirigente", st, "2024-08-01", _MANDATE[1], allowance=3200000)
        first_settore_head = None
        for sid, _dip in settori:
            pid = self._person("DIR")
            self._employ(pid, "DIR", sid, contract="art110" if rnd.random() < 0.1
                         else "indeterminato", profile="Dirigente")
            self._office(pid, "dirigente", sid, "2024-08-01", _MANDATE[1],
                         allowance=rnd.randrange(2000000, 3000000))
            heads[sid] = pid
            first_settore_head = first_settore_head or pid
        vice = next(iter(heads.values()))
        self._office(vice, "vice_segretario", ente, "2024-08-01", _MANDATE[1])
        self._office(first_settore_head or vice, "responsabile_personale", settori[0][0],
                     "2024-08-01", _MANDATE[1])
        self._office(first_settore_head or vice, "datore_lavoro", ente, "2024-08-01")

        # Staff: every remaining employee in an ufficio; each ufficio headed by an EQ (cat. D).
        remaining = self.n - self.out.count("employments")
        weights = [w for _c, w in _CATEGORY_MIX]
        cats = [c for c, _w in _CATEGORY_MIX]
        staff_ids: list[tuple[int, int, str]] = []
        for i in range(max(remaining, 0)):
            uff, _sid = uffici[i % len(uffici)]
            cat = rnd.choices(cats, weights)[0]
            if i < len(uffici):
                cat = rnd.choice(("D1", "D3"))
            pid = self._person("M")
            part = 100 if rnd.random() > 0.1 else rnd.choice((50, 60, 75, 83))
            contract = "determinato" if rnd.random() < 0.04 else "indeterminato"
            self._employ(pid, cat, uff, contract=contract, part_time=part)
            staff_ids.append((pid, uff, cat))
            if i < len(uffici):
                self._office(pid, "responsabile_ufficio", uff, "2024-09-01", "2027-09-01",
                             allowance=rnd.randrange(500000, 1600000))
                heads[uff] = pid
        self._facts(staff_ids, politicians, uffici, heads)
        return out

    def _facts(self, staff: list[tuple[int, int, str]], politicians: list[int],
               uffici: list[tuple[int, int]], heads: dict[int, int]) -> None:
        rnd, out = self.rnd, self.out
        base = date(2026, 1, 1)
        kinds = ("ferie", "ferie", "malattia", "malattia", "maternita", "congedo_parentale",
                 "aspettativa", "permesso")
        for pid, _uff, _cat in staff:
            if rnd.random() < 0.18:
                start = base + timedelta(days=rnd.randrange(0, 330))
                out.add("absences", person_id=pid, kind=rnd.choice(kinds), valid_from=_d(start),
                        valid_to=_d(start + timedelta(days=rnd.randrange(1, 60))), note=None)
        # Ad interim cover for some absent heads (art. 17).
        ufficio_heads = [heads[u] for u, _s in uffici if u in heads]
        for i, (uff, _sid) in enumerate(uffici[: max(1, len(uffici) // 50)]):
            absent = heads.get(uff)
            cover = ufficio_heads[(i + 1) % len(ufficio_heads)]
            if absent and cover != absent:
                out.add("absences", person_id=absent, kind="malattia", valid_from="2026-10-01",
                        valid_to="2027-01-31", note="assenza lunga")
                self._office(cover, "responsabile_ufficio", uff, "2026-10-01", "2027-01-31",
                             interim=True, replaces=absent)
        # Families: synthetic parents shared by pairs of employees, spouses, politicians.
        links: set[tuple[int, int, str]] = set()
        people = [p for p, _u, _c in staff]
        for _ in range(len(people) // 25):
            a, b = rnd.sample(people, 2)
            parent = self._person("FAM", private=False)
            links.update({(parent, a, "genitore"), (parent, b, "genitore")})
        for _ in range(len(people) // 30):
            a, b = rnd.sample(people, 2)
            links.add((min(a, b), max(a, b), "coniuge"))
        for pol in politicians[: max(2, len(politicians) // 6)]:
            relative = rnd.choice(people)
            grand = self._person("FAM", private=False)
            middle = self._person("FAM", private=False)
            links.update({(grand, pol, "genitore"), (grand, middle, "genitore"),
                          (middle, relative, "genitore")})
        seen: set[tuple[int, int]] = set()
        for a, b, kind in sorted(links):
            if (a, b) in seen or (b, a) in seen or a == b:
                continue
            seen.add((a, b))
            out.add("family_links", person_id=a, relative_id=b, kind=kind,
                    valid_from="2000-01-01" if kind == "coniuge" else None, valid_to=None,
                    end_reason=None)
        # External assignments (Titolo IX).
        activities = ("docenza", "consulenza", "commissione_concorso", "cda_pubblico",
                      "volontariato", "convegno", "amministratore_condominio", "arbitrato")
        number = 0
        for pid, _uff, _cat in staff:
            if rnd.random() < 0.03:
                number += 1
                pa = rnd.random() < 0.5
                paid = rnd.random() < 0.8
                start = base + timedelta(days=rnd.randrange(0, 360))
                status = rnd.choice(("autorizzato", "autorizzato", "in_attesa", "negato"))
                out.add("external_assignments", id=number, person_id=pid,
                        subject=f"Incarico esterno n. {number}",
                        client=("Comune di Vicino" if pa else "Società Privata S.r.l."),
                        client_type="pa" if pa else "privato",
                        client_supplier=int(rnd.random() < 0.05), client_litigation=0,
                        client_permit=int(rnd.random() < 0.05), client_supervised=0,
                        activity=rnd.choice(activities), occasional=1, paid=int(paid),
                        compensation_cents=rnd.randrange(20000, 600000) if paid else 0,
                        place="Grandeporto", valid_from=_d(start),
                        valid_to=_d(start + timedelta(days=rnd.randrange(1, 120))),
                        request_date=_d(start - timedelta(days=40)),
                        status=status,
                        decision_date=None if status == "in_attesa"
                        else _d(start - timedelta(days=15)),
                        note=None, requested_by="entrambi")
        # Part-time requests, higher duties, collaborations.
        for pid, _uff, cat in staff[:: max(1, len(staff) // 40)]:
            out.add("part_time_requests", person_id=pid, request_date="2026-10-15",
                    percentage=rnd.choice((50, 75, 83)), activity=None, status="in_attesa",
                    decision_date=None)
        for i in range(max(1, self.n // 400)):
            number = f"2026/{i + 1}"
            amount = rnd.randrange(100000, 4000000)
            proc = rnd.choice(("comparativa", "indagine_mercato", "diretta"))
            out.add("collaborations", number=number, contractor=f"Professionista {i + 1}",
                    subject="Consulenza specialistica", kind=rnd.choice(("occasionale", "cococo")),
                    amount_cents=amount, procedure=proc,
                    direct_reason="b" if proc == "diretta" else None,
                    unit_id=uffici[i % len(uffici)][1], notice_date="2026-02-01",
                    notice_deadline="2026-02-16", invited=3 if proc == "indagine_mercato" else None,
                    publication_date="2026-03-01", valid_from="2026-03-01",
                    valid_to="2027-03-01", act=None)
        # Evaluations for the last three years (allegato G for staff).
        _cols, evals = out.tables.setdefault("evaluations", (
            ["person_id", "year", "scheme", "component", "points"], []))
        rand = rnd.random
        for pid, _uff, _cat in staff:
            for year in (2023, 2024, 2025):
                evals += [(pid, year, "G", "risultati", 30 + int(rand() * 31)),
                          (pid, year, "G", "comportamenti", 10 + int(rand() * 11)),
                          (pid, year, "G", "competenze_professionali", 5 + int(rand() * 6)),
                          (pid, year, "G", "valutazione_po", 6 + int(rand() * 5))]


def generate(conn, employees: int, seed: int = 1) -> dict[str, int]:
    """Write a Livorno-style Comune with ``employees`` employees on ``conn`` (in a transaction).

    :returns: rows written per table.
    """
    rows = LivornoStyle(employees, seed).rows()
    counts: dict[str, int] = {}
    # A bigger page cache for the bulk insert: index pages stay in memory (about 40% faster
    # on the 290,000 evaluation rows of a 25,000-employee Comune).
    (old_cache,) = conn.execute("PRAGMA cache_size").fetchone()
    conn.execute("PRAGMA cache_size = -262144")
    for table, (cols, data) in rows.tables.items():
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
            data)
        counts[table] = len(data)
    conn.execute(f"PRAGMA cache_size = {int(old_cache)}")
    return counts
