"""The frame around every page: environment banner, navigation by role, the user box, the home page."""

import logging
from collections.abc import Callable

import streamlit as st
from sqlalchemy import select

from lib import __version__
from lib.auth.bootstrap import DEV_ADMIN_PASSWORD
from lib.auth.identity import Identity
from lib.auth.permissions import Action, can
from lib.config import PROJECT_ROOT, Settings
from lib.db import get_engine
from lib.models import User
from lib.models.enums import RoleName
from lib.ui.navigation import PAGES, PageSpec, pages_for

log = logging.getLogger(__name__)
ENV_COLOURS = {"dev": ("#B45309", "Development"), "staging": ("#6D28D9", "Staging")}
HOME_ICON = ":material/home:"


def role_names(who: Identity) -> str:
    return ", ".join(r.value.replace("_", " ").lower() for r in sorted(who.roles))


def hide_cookie_frames() -> None:
    """The cookie manager is an invisible iframe; without this its empty row pushes the page down."""
    st.html('<style>[data-testid="stElementContainer"]:has(iframe[height="0"]){display:none}</style>')


def env_banner(settings: Settings) -> None:
    """A coloured strip in dev and staging, so nobody mistakes them for the real thing; nothing in prod."""
    if settings.app_env not in ENV_COLOURS:
        return
    colour, label = ENV_COLOURS[settings.app_env]
    st.html(f'<div style="background:{colour};color:#fff;padding:4px 12px;border-radius:6px;'
            f'font-weight:600">{label} environment · UnionOps {__version__} · not the live system</div>')


def dev_admin_default_in_use(settings: Settings) -> bool:
    """Dev only: the first admin was created with the documented password and never changed it."""
    if settings.app_env != "dev" or settings.default_admin_password is not None:
        return False
    with get_engine().connect() as conn:
        row = conn.execute(select(User.id, User.password_changed_at)
                           .where(User.email == settings.admin_email)).first()
    return row is not None and row.password_changed_at is None


def dev_admin_notice(settings: Settings) -> None:
    if dev_admin_default_in_use(settings):
        st.warning(f"Dev: the first admin **{settings.admin_email}** uses the documented default password "
                   f"`{DEV_ADMIN_PASSWORD}` (DEFAULT_ADMIN_PASSWORD is not set). Change it under My password.")


def url_path_of(spec: PageSpec) -> str:
    return spec.url_path or spec.script.removesuffix(".py")


def page_of(spec: PageSpec) -> st.Page:
    return st.Page(PROJECT_ROOT / "pages" / spec.script, title=spec.title, icon=spec.icon,
                   url_path=url_path_of(spec))


def login_navigation(login: Callable[[], None]):
    """Before login every page's URL shows the login (not Streamlit's 'page not found' dialog); after
    the login the same URL opens the page asked for, if the role allows it."""
    pages = [st.Page(login, title="Log in", icon=":material/login:", default=True)]
    pages += [st.Page(login, title="Log in", url_path=url_path_of(spec)) for spec in PAGES]
    return st.navigation(pages, position="hidden")


def navigation(who: Identity, home: Callable[[], None]):
    """The menu for this person: Home first, then every section their roles allow."""
    sections: dict[str, list] = {"Overview": [st.Page(home, title="Home", icon=HOME_ICON, default=True)]}
    for section, specs in pages_for(who).items():
        sections.setdefault(section, []).extend(page_of(s) for s in specs)
    return st.navigation(sections, expanded=True)


def user_box(who: Identity, on_logout: Callable[[], None]) -> None:
    with st.sidebar:
        st.caption(f"Logged in as **{who.full_name or who.email}** · {who.email}")
        st.caption(f"Role: {role_names(who)}")
        st.button("Log out", icon=":material/logout:", on_click=on_logout, key="logout_button")


def leadership_summary(who: Identity) -> None:
    """The Overview's KPI tiles (last 12 months), for everyone who may see dashboards."""
    from lib.dashboards.filters import Filters
    from lib.ui.dashkit import kpi_row
    from lib.ui.overview_page import overview_tiles

    st.subheader("Leadership summary · last 12 months")
    try:
        tiles, *_ = overview_tiles(who, Filters())  # the same cached standing as the Overview and Dues pages
    except Exception:  # the home page must open even if a dashboard query fails
        log.exception("the leadership summary failed on the home page")
        st.info("The summary is not available right now; the Overview page has the details.")
        return
    kpi_row(tiles.iloc[:4])
    kpi_row(tiles.iloc[4:])
    if (PROJECT_ROOT / "pages" / "overview.py").exists():
        st.page_link("pages/overview.py", label="Open the Overview", icon=":material/dashboard:")


def home_page(who: Identity, settings: Settings) -> None:
    st.title(f"UnionOps · {settings.local_name}")
    st.markdown(f"Welcome, **{who.full_name or who.email}**.")
    left, middle, right = st.columns(3)
    left.metric("Role", role_names(who))
    middle.metric("Environment", settings.app_env)
    right.metric("Version", __version__)
    if RoleName.ADMIN in who.roles:
        dev_admin_notice(settings)
    st.caption("Use the menu on the left; it shows the pages your role may open.")
    if can(who, Action.VIEW_DASHBOARDS):
        leadership_summary(who)
