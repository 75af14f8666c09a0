"""Who may read dues standing: the office, leadership and admins (not instructors)."""

from lib.auth.identity import Identity
from lib.auth.permissions import Action, PermissionDenied, can

READ_ACTIONS = (Action.VIEW_DASHBOARDS, Action.VIEW_REPORTS, Action.RECORD_DUES)


def require_dues_reader(who: Identity | None) -> Identity:
    if any(can(who, action) for action in READ_ACTIONS):
        return who
    raise PermissionDenied(who or Identity(id=None, email=""), Action.VIEW_REPORTS)
