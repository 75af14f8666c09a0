"""UnionOps router and frame: page config, login, then the pages this user's roles allow."""

import streamlit as st

from lib.config import get_settings
from lib.metrics import count_page_view
from lib.ui.auth_gate import build_authenticator, current_user, login_form, logout, sync_cookie
from lib.ui.shell import (
    dev_admin_notice, env_banner, hide_cookie_frames, home_page, login_navigation, navigation, user_box,
)

settings = get_settings()
st.set_page_config(page_title=f"UnionOps · {settings.local_name}", page_icon="⚡", layout="wide")
authenticator = build_authenticator(settings)  # once per run: it owns the login cookie
who = current_user(settings)
sync_cookie(authenticator, settings)
hide_cookie_frames()
env_banner(settings)


def login_page() -> None:
    st.title(f"UnionOps · {settings.local_name}")
    login_form("Log in")
    dev_admin_notice(settings)


if who is None:
    # The only page before login, whatever the URL asks for.
    login_navigation(login_page).run()
    st.stop()

def show_home() -> None:
    home_page(who, settings)


user_box(who, logout)
page = navigation(who, show_home)
count_page_view(page.url_path or "home")  # /metrics: which pages people use; only logged-in runs count
page.run()
