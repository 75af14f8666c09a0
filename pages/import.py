"""Import: CSV or Excel into any table the person may fill, previewed before anything is written."""

from lib.auth.permissions import Action
from lib.ui.import_page import render
from lib.ui.session import require_page

who = require_page(Action.IMPORT_RECORDS)
render(who)
