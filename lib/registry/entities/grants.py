"""Grants, their budgets, expenses and instructor hours charged to them."""

from lib.models import Expense, Grant, GrantBudgetLine, InstructorHours
from lib.models.enums import RoleName as R
from lib.models.enums import AttachmentEntity
from lib.registry.base import Entity

_GRANTS = frozenset({R.STAFF, R.GRANT_MANAGER})


class GrantsEntity(Entity):
    model = Grant
    attachments = AttachmentEntity.GRANT
    domain = "Grants"
    search_columns = ("grant_number", "name", "funder")
    label_format = "{grant_number} {name}"
    natural_key = ("grant_number",)
    date_order = (("start_date", "end_date"),)
    default_sort = ("start_date", True)
    labels = {"funder_organization_id": "Funder organization"}
    view_roles = create_roles = edit_roles = delete_roles = _GRANTS


class GrantBudgetLines(Entity):
    model = GrantBudgetLine
    domain = "Grants"
    natural_key = ("grant_id", "category")
    view_roles = create_roles = edit_roles = delete_roles = _GRANTS


class Expenses(Entity):
    model = Expense
    domain = "Grants"
    search_columns = ("vendor", "description")
    default_sort = ("spent_on", True)
    view_roles = create_roles = edit_roles = delete_roles = _GRANTS


class InstructorHoursEntity(Entity):
    model = InstructorHours
    domain = "Grants"
    title = "Instructor hours"
    default_sort = ("worked_on", True)
    view_roles = create_roles = edit_roles = delete_roles = _GRANTS
