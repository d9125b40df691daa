"""The records the queries return: small frozen dataclasses with a ``to_dict`` for JSON.

Amounts are integer cents; dates are ISO strings exactly as stored (``valid_to`` None
means open-ended); yes/no facts are ``True``/``False`` or ``None`` when unknown.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ordina.store.vocab import (
    ABSENCE_KINDS,
    ACTIVITY_KINDS,
    ASSIGNMENT_STATUSES,
    CLIENT_TYPES,
    CONTRACTS,
    OFFICES,
    UNIT_KINDS,
    label,
)


class _Record:
    def to_dict(self) -> dict[str, Any]:
        """Plain dict for ``--json`` output, labels included."""
        data = asdict(self)  # type: ignore[call-overload]
        for name in dir(type(self)):
            if isinstance(getattr(type(self), name), property):
                data[name] = getattr(self, name)
        return data


@dataclass(frozen=True)
class Unit(_Record):
    """An organisation unit or collegial body."""

    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    valid_from: str
    valid_to: str | None = None
    act: str | None = None

    @property
    def kind_label(self) -> str:
        return label(UNIT_KINDS, self.kind)


@dataclass(frozen=True)
class Person(_Record):
    """A natural person: employee, politician, external member or family member.

    ``has_private`` is False on a public database, where the private fields are absent
    (not unknown): a check must then say the personal facts are missing.
    """

    id: int
    code: str
    surname: str
    given_name: str
    has_private: bool = False
    sex: str | None = None
    birth_date: str | None = None
    citizenship: str | None = None
    degree_level: str | None = None
    degree: str | None = None
    hire_date: str | None = None
    experience_years: int | None = None

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.surname}"


@dataclass(frozen=True)
class Employment(_Record):
    """A person's classification, unit and contract over one period."""

    id: int
    person_id: int
    valid_from: str
    valid_to: str | None
    category: str
    economic_position: str | None
    profile: str | None
    unit_id: int | None
    unit_name: str | None
    post_id: int | None
    contract: str
    part_time_pct: int
    salary_cents: int | None
    act: str | None = None
    post_code: str | None = None
    """The code of the post of the dotazione organica it fills (allegato A)."""

    @property
    def contract_label(self) -> str:
        return label(CONTRACTS, self.contract)

    @property
    def area(self) -> str | None:
        """The CCNL 2022 area of the category (None for dirigenti and the Segretario)."""
        from ordina.store.categories import area_of

        found = area_of(self.category)
        return found.label if found else None

    @property
    def full_time(self) -> bool:
        return self.part_time_pct == 100


@dataclass(frozen=True)
class OfficeHolding(_Record):
    """A person holding an office over a period, with the act that conferred it."""

    id: int
    person_id: int
    person_name: str
    office: str
    unit_id: int | None
    unit_name: str | None
    role: str | None
    valid_from: str
    valid_to: str | None
    act: str | None
    ad_interim: bool
    replaces_person_id: int | None = None
    position_allowance_cents: int | None = None
    compensation_cents: int | None = None

    @property
    def office_label(self) -> str:
        return label(OFFICES, self.office)


@dataclass(frozen=True)
class Absence(_Record):
    """An absence over ``[valid_from, valid_to)``."""

    id: int
    person_id: int
    kind: str
    valid_from: str
    valid_to: str | None
    note: str | None = None

    @property
    def kind_label(self) -> str:
        return label(ABSENCE_KINDS, self.kind)


@dataclass(frozen=True)
class ExternalAssignment(_Record):
    """An employee's external assignment and the decision on it (Titolo IX)."""

    id: int
    person_id: int
    person_name: str
    subject: str
    client: str
    client_type: str | None
    client_supplier: bool | None
    client_litigation: bool | None
    client_permit: bool | None
    client_supervised: bool | None
    activity: str | None
    occasional: bool | None
    paid: bool | None
    compensation_cents: int | None
    place: str | None
    valid_from: str | None
    valid_to: str | None
    request_date: str | None
    requested_by: str | None
    status: str
    decision_date: str | None
    note: str | None = None

    @property
    def activity_label(self) -> str:
        return label(ACTIVITY_KINDS, self.activity)

    @property
    def status_label(self) -> str:
        return label(ASSIGNMENT_STATUSES, self.status)

    @property
    def client_type_label(self) -> str:
        return label(CLIENT_TYPES, self.client_type)


@dataclass(frozen=True)
class Collaboration(_Record):
    """A collaboration or consultancy contract (Titolo VII)."""

    id: int
    number: str
    contractor: str
    subject: str
    kind: str
    amount_cents: int | None
    procedure: str | None
    direct_reason: str | None
    unit_id: int | None
    notice_date: str | None
    notice_deadline: str | None
    invited: int | None
    publication_date: str | None
    valid_from: str | None
    valid_to: str | None
    act: str | None = None


@dataclass(frozen=True)
class HigherDuty(_Record):
    """Temporary higher duties (art. 13)."""

    id: int
    person_id: int
    category: str
    reason: str
    post_id: int | None
    replaces_person_id: int | None
    filling_started: bool | None
    valid_from: str
    valid_to: str | None
    act: str | None = None


@dataclass(frozen=True)
class Evaluation(_Record):
    """One year's evaluation of a person under one scheme, component by component."""

    person_id: int
    year: int
    scheme: str
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return round(sum(self.scores.values()), 2)


@dataclass(frozen=True)
class Post(_Record):
    """A post of the dotazione organica (art. 5, allegato A)."""

    id: int
    code: str
    profile: str
    category: str
    unit_id: int | None
    valid_from: str
    valid_to: str | None
    act: str | None = None


@dataclass(frozen=True)
class PastRole(_Record):
    """A political or union role, for art. 14 c. 7."""

    id: int
    person_id: int
    kind: str
    organisation: str
    role: str | None
    valid_from: str
    valid_to: str | None


@dataclass(frozen=True)
class PartTimeRequest(_Record):
    """A request to go part-time (art. 80)."""

    id: int
    person_id: int
    request_date: str
    percentage: int
    activity: str | None
    status: str
    decision_date: str | None
