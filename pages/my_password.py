"""My password (everyone): change one's own password."""

from lib.auth.permissions import Action
from lib.ui.password_page import render
from lib.ui.session import require_page

who = require_page(Action.CHANGE_OWN_PASSWORD)
render(who)
