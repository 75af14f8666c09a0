"""Login, cookie and logout around streamlit-authenticator (0.4.2), backed by the users tables.

The `Authenticate` object is created once per run in Home.py. It owns the login cookie: a JWT
signed with AUTH_COOKIE_KEY, written and deleted in the browser by its cookie manager. The
password check, lockout and audit live in lib.auth.login (the library keeps failed attempts in a
dict in memory and would hash-check against a credentials dict we would have to keep in sync);
the cookie is read by lib.auth.cookie_token (the library prints every bad token on every run).
"""

import logging
from contextlib import suppress

import streamlit as st
import streamlit_authenticator as stauth

from lib.auth.cookie_token import decode_token, identity_from_token
from lib.auth.identity import Identity
from lib.auth.login import attempt_login, record_logout
from lib.config import Settings
from lib.db import get_engine
from lib.ui.session import ENDED_KEY, current_identity, end_session, refreshed_identity, start_session

log = logging.getLogger(__name__)
SET_COOKIE, DELETE_COOKIE, COOKIE_SEEN = "auth_set_cookie", "auth_delete_cookie", "auth_cookie_seen"
LOGIN_ERROR = "login_error"


def build_authenticator(settings: Settings) -> stauth.Authenticate:
    """No credentials dict: users are checked in the database (lib.auth.login), never copied."""
    return stauth.Authenticate({"usernames": {}}, cookie_name=settings.auth_cookie_name,
                               cookie_key=settings.cookie_key,
                               cookie_expiry_days=settings.auth_cookie_expiry_days,
                               auto_hash=False, login_sleep_time=0)


def client_address() -> str | None:
    headers = st.context.headers
    forwarded = headers.get("X-Forwarded-For") if headers else None
    return forwarded.split(",")[0].strip() if forwarded else st.context.ip_address


def _cookie_manager(authenticator: stauth.Authenticate):
    return authenticator.cookie_controller.cookie_model.cookie_manager


def sync_cookie(authenticator: stauth.Authenticate, settings: Settings) -> None:
    """Write or delete the browser cookie when a login or logout of this run asked for it."""
    if st.session_state.pop(SET_COOKIE, False) and current_identity():
        authenticator.cookie_controller.set_cookie()
    if st.session_state.pop(DELETE_COOKIE, False):
        with suppress(KeyError):  # the manager had not reported the browser's cookies yet: deleted anyway
            _cookie_manager(authenticator).delete(settings.auth_cookie_name)


def _login_from_cookie(settings: Settings) -> Identity | None:
    """Once per browser session: a valid cookie logs in; any other cookie is cleared (logged once)."""
    token = st.context.cookies.get(settings.auth_cookie_name)
    if not token or st.session_state.get("logout") or st.session_state.get(COOKIE_SEEN):
        return None
    st.session_state[COOKIE_SEEN] = True
    payload = decode_token(token, settings.cookie_key)
    who = None
    if payload is not None:
        with get_engine().connect() as conn:
            who = identity_from_token(conn, payload, settings.auth_cookie_expiry_days)
    if who is None:
        log.info("ignored a login cookie that is expired, tampered with, signed with another key or revoked; "
                 "cleared it")
        st.session_state[DELETE_COOKIE] = True
        return None
    start_session(who)
    return who


def current_user(settings: Settings) -> Identity | None:
    """Who this run is for: the session's user re-checked in the database, else the cookie's."""
    if current_identity() is not None:
        who = refreshed_identity()
        if who is None:
            st.session_state[DELETE_COOKIE] = True
        return who
    return _login_from_cookie(settings)


def _submit_login() -> None:
    """Form callback (runs before the script): so the same run already shows the user's pages."""
    email = st.session_state.get("login_email", "")
    password = st.session_state.get("login_password", "")
    st.session_state["login_password"] = ""
    result = attempt_login(get_engine(), email, password, client_address())
    if result.ok:
        start_session(result.identity)
        st.session_state[SET_COOKIE] = True
        st.session_state.pop(LOGIN_ERROR, None)
    else:
        st.session_state[LOGIN_ERROR] = result.message


def logout() -> None:
    """Button callback: audit, forget the identity, delete the cookie in this run."""
    who = current_identity()
    if who is not None:
        record_logout(get_engine(), who)
    end_session()
    st.session_state[DELETE_COOKIE] = True


def login_form(title: str) -> None:
    st.subheader(title)
    notice = st.session_state.get(ENDED_KEY)
    if notice:
        st.warning(notice)
    with st.form("login", enter_to_submit=True):
        st.text_input("Email", key="login_email", autocomplete="username")
        st.text_input("Password", type="password", key="login_password", autocomplete="current-password")
        st.form_submit_button("Log in", type="primary", on_click=_submit_login)
    if st.session_state.get(LOGIN_ERROR):
        st.error(st.session_state[LOGIN_ERROR])
