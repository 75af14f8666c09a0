"""Users (admin): create users, assign roles, reset passwords, deactivate, the login attempt log."""

from lib.auth.permissions import Action
from lib.ui.session import require_page
from lib.ui.users_page import render

who = require_page(Action.MANAGE_USERS)
render(who)
