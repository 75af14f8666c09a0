"""Dues: rates, periods, payments and adjustments."""

from sqlalchemy import select

from lib.models import DuesAdjustment, DuesMemberCredit, DuesPayment, DuesPeriod, DuesRate
from lib.models.enums import RoleName as R
from lib.registry.base import Entity

_DUES = frozenset({R.STAFF, R.DUES_CLERK})


class DuesRates(Entity):
    model = DuesRate
    domain = "Dues"
    natural_key = ("classification", "effective_from")
    date_order = (("effective_from", "effective_to"),)
    default_sort = ("effective_from", True)
    view_roles = create_roles = edit_roles = delete_roles = _DUES


class DuesPeriods(Entity):
    model = DuesPeriod
    domain = "Dues"
    list_columns = ("period_month", "is_closed", "closed_at", "closed_by_user_id")
    editable_columns = ("period_month",)  # closing a period is the ledger's job, with its checks
    label_format = "{period_month}"
    natural_key = ("period_month",)
    default_sort = ("period_month", True)
    view_roles = create_roles = edit_roles = delete_roles = _DUES


def _closed_period_problem(conn, period_id) -> list[tuple[str, str]]:
    closed = conn.execute(select(DuesPeriod.period_month).where(DuesPeriod.id == period_id,
                                                                DuesPeriod.is_closed.is_(True))).scalar()
    if closed is None:
        return []
    return [("period_id", f"the {closed:%B %Y} period is closed: record an adjustment with a reason instead")]


class DuesPayments(Entity):
    model = DuesPayment
    domain = "Dues"
    search_columns = ("reference",)
    default_sort = ("paid_on", True)
    view_roles = create_roles = edit_roles = delete_roles = _DUES

    @classmethod
    def before_save(cls, conn, who, operation, values, old):
        # The ledger's rule: a closed period's payments are final (a grid edit must not bypass it).
        period = values.get("period_id") or (old or {}).get("period_id")
        return _closed_period_problem(conn, period) if period else []


class DuesAdjustments(Entity):
    model = DuesAdjustment
    domain = "Dues"
    search_columns = ("reason",)
    signed_columns = ("amount",)  # negative adds a charge, positive credits the member
    labels = {"approved_by_user_id": "Approved by"}
    view_roles = create_roles = edit_roles = delete_roles = _DUES


class DuesMemberCredits(Entity):
    """Derived totals kept by database triggers: readable, never edited by hand."""

    model = DuesMemberCredit
    domain = "Dues"
    title = "Dues credit totals (derived)"
    default_sort = ("member_id", False)
    view_roles = _DUES
    disabled = ("create", "edit", "delete")
