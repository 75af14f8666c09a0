"""Reports: PDFs for leadership, members and funders, previewed and downloaded."""

from lib.auth.permissions import Action
from lib.ui.reports_page import render
from lib.ui.session import require_page

who = require_page(Action.VIEW_REPORTS)
render(who)
