"""The 18 steps of the production seed, in order (SPEC.md's table). Each is one transaction."""

from collections.abc import Callable
from dataclasses import dataclass

from seed.context import SeedContext
from seed.steps import accounts, courses, dues, grants, people, places, training, unionops
from seed.steps.common import StepOutput


@dataclass(frozen=True)
class Step:
    no: int
    title: str
    run: Callable[[SeedContext], StepOutput]


STEPS: tuple[Step, ...] = tuple(Step(no, title, run) for no, (title, run) in enumerate((
    ("Roles and the admin user", accounts.roles_and_admin),
    ("Locations", places.locations),
    ("Instructors", people.instructors),
    ("Organizations", places.organizations),
    ("Organization contacts", places.organization_contacts),
    ("Members", people.members),
    ("Member employments", people.member_employments),
    ("Students", training.students),
    ("Cohorts", training.cohorts),
    ("Tools issued", training.tools_issued),
    ("Credentials", training.credentials),
    ("JATC applications", training.jatc_applications),
    ("Grants", grants.grants),
    ("Expenses", grants.expenses),
    ("Instructor hours", grants.instructor_hours),
    ("Training: courses, enrollments, sessions, attendance, grades", courses.training),
    ("Union operations: SALTing, benevolence, grievances", unionops.union_operations),
    ("Dues: rates, periods, payments, adjustments", dues.dues),
), start=1))

__all__ = ["STEPS", "Step", "StepOutput"]
