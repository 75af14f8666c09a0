"""The logged-in identity of this browser session, and the check every page script starts with.

Contract: Home.py (the router) puts the logged-in `Identity` in st.session_state["identity"] after
login and removes it at logout. Every page script starts with `who = require_page(Action.X)`.
Each check re-reads the user from the database (one indexed query), so a deactivated user or a
removed role stops working at the very next action, not at the next login.
"""

import streamlit as st

from lib.auth.identity import Identity
from lib.auth.login import load_identity
from lib.auth.permissions import Action, can
from lib.db import get_engine

IDENTITY_KEY = "identity"
ENDED_KEY = "session_ended_reason"
# streamlit-authenticator's session keys, kept in step so its widgets agree with ours.
_AUTHENTICATOR_KEYS = ("name", "username", "email", "roles")


def current_identity() -> Identity | None:
    who = st.session_state.get(IDENTITY_KEY)
    return who if isinstance(who, Identity) else None


def start_session(who: Identity) -> None:
    st.session_state[IDENTITY_KEY] = who
    st.session_state.update(authentication_status=True, username=who.email, name=who.full_name,
                            email=who.email, roles=sorted(who.roles), logout=False)
    st.session_state.pop(ENDED_KEY, None)


def end_session(reason: str | None = None) -> None:
    """Forget the identity; `logout` keeps the (old) cookie of this browser session from logging back in."""
    st.session_state.pop(IDENTITY_KEY, None)
    st.session_state.update(authentication_status=None, logout=True, **dict.fromkeys(_AUTHENTICATOR_KEYS))
    if reason:
        st.session_state[ENDED_KEY] = reason


def refreshed_identity() -> Identity | None:
    """The session's identity as the database has it now; ends the session if the user may no longer log in."""
    who = current_identity()
    if who is None or who.id is None:  # id None: tests and system work, never a logged-in person
        return who
    with get_engine().connect() as conn:
        fresh = load_identity(conn, who.id)
    if fresh is None:
        end_session("Your account was deactivated or has no role any more. Ask an admin if this is a mistake.")
        return None
    if fresh != who:
        st.session_state[IDENTITY_KEY] = fresh
    return fresh


def require_page(action: Action) -> Identity:
    """Stop the page unless someone is logged in and may do `action`; returns who it is."""
    who = refreshed_identity()
    if who is None:
        st.warning(st.session_state.get(ENDED_KEY) or "Please log in.")
        st.stop()
    if not can(who, action):
        st.error(f"Your role does not allow you to {action.value}. Ask an admin if you need it.")
        st.stop()
    return who
