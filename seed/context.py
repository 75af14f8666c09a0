"""What every step receives: the open transaction, the batch, the scale, and the typed state
that earlier steps left for later ones (attributes, never dict keys: no KeyError between steps)."""

import calendar
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table

from lib.config import Settings
from lib.models.enums import MemberClassification, MemberStatus, OrganizationType, StudentStatus
from seed import bulk


@dataclass(frozen=True)
class DemoUsers:
    staff: int | None = None
    leadership: int | None = None
    instructor: int | None = None
    dues: int | None = None
    grants: int | None = None


@dataclass(frozen=True)
class MemberInfo:
    id: int
    classification: MemberClassification
    status: MemberStatus
    status_effective_on: date | None
    initiation_date: date
    # (effective_from, classification), oldest first: dues follow the classification in force.
    history: tuple[tuple[date, MemberClassification], ...] = ()

    def classification_on(self, day: date) -> MemberClassification:
        current = self.history[0][1] if self.history else self.classification
        for effective_from, classification in self.history:
            if effective_from <= day:
                current = classification
        return current

    def classification_in_month(self, month: date) -> MemberClassification:
        """The ledger's rule: a classification change applies from the month it is dated in."""
        last_day = date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])
        return self.classification_on(last_day)  # the 28th missed changes dated the 29th-31st


@dataclass(frozen=True)
class OrgInfo:
    id: int
    name: str
    org_type: OrganizationType


@dataclass(frozen=True)
class CohortInfo:
    id: int
    start: date
    end: date
    location_id: int | None
    grant_id: int | None = None


@dataclass(frozen=True)
class StudentInfo:
    id: int
    cohort_index: int
    status: StudentStatus
    enrolled_on: date
    finished_on: date | None  # completed or dropped


@dataclass(frozen=True)
class InstructorInfo:
    id: int
    hourly_rate: Decimal


@dataclass(frozen=True)
class GrantInfo:
    id: int
    start: date
    end: date
    award: Decimal


@dataclass
class SeedState:
    admin_user_id: int | None = None
    demo_users: DemoUsers = field(default_factory=DemoUsers)
    location_ids: list[int] = field(default_factory=list)
    instructors: list[InstructorInfo] = field(default_factory=list)
    organizations: list[OrgInfo] = field(default_factory=list)
    members: list[MemberInfo] = field(default_factory=list)
    # (member id, organization id, start) of the jobs members hold today: grievances are filed there.
    open_jobs: list[tuple[int, int, date]] = field(default_factory=list)
    students: list[StudentInfo] = field(default_factory=list)
    cohorts: list[CohortInfo] = field(default_factory=list)
    grants: list[GrantInfo] = field(default_factory=list)


@dataclass
class SeedContext:
    batch: str
    scale: int
    as_of: date
    seed: int
    settings: Settings
    state: SeedState = field(default_factory=SeedState)
    conn: Connection | None = None
    step_no: int = 0

    @property
    def db(self) -> Connection:
        if self.conn is None:
            raise RuntimeError("a seed step ran outside its transaction")
        return self.conn

    @property
    def demo_users_allowed(self) -> bool:
        return self.settings.app_env != "prod"

    def rng(self) -> random.Random:
        """One generator per step, so a step's data does not depend on how much earlier ones drew."""
        return random.Random(f"{self.seed}-step-{self.step_no}")

    def insert(self, table: Any, columns: Sequence[str], rows: Any) -> int:
        return bulk.insert_rows(self.db, _table(table), columns, rows, self.batch)

    def ids(self, table: Any, count: int) -> list[int]:
        return bulk.allocate_ids(self.db, _table(table), count)

    def get_or_create(self, table: Any, key: Sequence[str], columns: Sequence[str], rows: Sequence) -> list[int]:
        return bulk.get_or_create(self.db, _table(table), key, columns, rows, self.batch)


def _table(model: Any) -> Table:
    return model if isinstance(model, Table) else model.__table__
