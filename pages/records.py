"""Records: every registered table, searched, paged and edited in one grid."""

from lib.auth.permissions import Action
from lib.ui.records_page import render
from lib.ui.session import require_page

who = require_page(Action.VIEW_RECORDS)
render(who)
