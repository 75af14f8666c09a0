"""Who may generate which report, enforced in lib (the page only hides what this refuses)."""

from lib.auth.identity import Identity
from lib.auth.permissions import Action, PermissionDenied, require
from lib.models.enums import RoleName

# A member's own dues statement is personal: the office that keeps dues, not every report reader.
_FINER_RULES: dict[str, frozenset[RoleName]] = {
    "dues_statement": frozenset({RoleName.STAFF, RoleName.DUES_CLERK}),
}


def may_generate(who: Identity | None, report_key: str) -> bool:
    try:
        authorize(who, report_key)
    except PermissionDenied:
        return False
    return True


def authorize(who: Identity | None, report_key: str) -> Identity:
    """VIEW_REPORTS for every report, plus the report's finer rule if it has one (admins pass both)."""
    require(who, Action.VIEW_REPORTS)
    roles = _FINER_RULES.get(report_key)
    if roles is not None and not who.has_any(*roles):
        raise PermissionDenied(who, Action.VIEW_REPORTS)
    return who
