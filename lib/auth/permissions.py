"""What each role may do. Checked where data is read and written (lib), not only in the menu."""

from enum import StrEnum

from lib.auth.identity import Identity
from lib.models.enums import RoleName as R


class Action(StrEnum):
    VIEW_DASHBOARDS = "view dashboards"
    VIEW_REPORTS = "view reports"
    VIEW_RECORDS = "view records"
    EDIT_RECORDS = "edit records"
    IMPORT_RECORDS = "import records"
    EXPORT_RECORDS = "export records"
    VIEW_DOCUMENTS = "view documents"
    MANAGE_DOCUMENTS = "manage documents"
    RECORD_ATTENDANCE = "record attendance and grades"
    RECORD_DUES = "record dues payments and adjustments"
    MANAGE_GRANTS = "manage grants, expenses and hours"
    VIEW_AUDIT = "view the audit log"
    MANAGE_USERS = "manage users and roles"
    RUN_SEED = "seed and reset demo data"
    VIEW_SYSTEM = "view system status"
    CHANGE_OWN_PASSWORD = "change own password"


_OFFICE = {R.STAFF, R.DUES_CLERK, R.GRANT_MANAGER}
ALLOWED: dict[Action, frozenset[R]] = {a: frozenset(roles | {R.ADMIN}) for a, roles in {
    Action.VIEW_DASHBOARDS: _OFFICE | {R.LEADERSHIP},
    Action.VIEW_REPORTS: _OFFICE | {R.LEADERSHIP},
    Action.VIEW_RECORDS: _OFFICE | {R.INSTRUCTOR},
    Action.EDIT_RECORDS: _OFFICE | {R.INSTRUCTOR},
    Action.IMPORT_RECORDS: {R.STAFF},
    Action.EXPORT_RECORDS: _OFFICE,
    Action.VIEW_DOCUMENTS: _OFFICE,
    Action.MANAGE_DOCUMENTS: _OFFICE,
    Action.RECORD_ATTENDANCE: {R.STAFF, R.INSTRUCTOR},
    Action.RECORD_DUES: {R.STAFF, R.DUES_CLERK},
    Action.MANAGE_GRANTS: {R.STAFF, R.GRANT_MANAGER},
    Action.VIEW_AUDIT: set(),
    Action.MANAGE_USERS: set(),
    Action.RUN_SEED: set(),
    Action.VIEW_SYSTEM: set(),
    Action.CHANGE_OWN_PASSWORD: set(R),
}.items()}


class PermissionDenied(PermissionError):
    """Raised by lib functions when the identity may not do the action."""

    def __init__(self, who: Identity, action: Action):
        super().__init__(f"{who.email or 'nobody'} may not {action.value}")
        self.action = action


def can(who: Identity | None, action: Action) -> bool:
    return who is not None and who.is_active_user and bool(who.roles & ALLOWED[action])


def require(who: Identity | None, action: Action) -> Identity:
    """Return the identity if it may do the action; raise PermissionDenied otherwise."""
    if not can(who, action):
        raise PermissionDenied(who or Identity(id=None, email=""), action)
    return who
