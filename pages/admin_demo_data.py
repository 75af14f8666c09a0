"""Demo data (admin): seed, reset or truncate the demo data, with live progress."""

from lib.auth.permissions import Action
from lib.ui.demo_data_page import render
from lib.ui.session import require_page

who = require_page(Action.RUN_SEED)
render(who)
