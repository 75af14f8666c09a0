"""Audit log (admin): who changed what, when, with before and after values, and revert."""

from lib.auth.permissions import Action
from lib.ui.audit_page import render
from lib.ui.session import require_page

who = require_page(Action.VIEW_AUDIT)
render(who)
