"""The logged-in identity of this browser session, and the check every page script starts with.

Contract: Home.py (the router) puts the logged-in `Identity` in st.session_state["identity"] after
login and removes it at logout. Every page script starts with `who = require_page(Action.X)`.
"""

import streamlit as st

from lib.auth.identity import Identity
from lib.auth.permissions import Action, can

IDENTITY_KEY = "identity"


def current_identity() -> Identity | None:
    who = st.session_state.get(IDENTITY_KEY)
    return who if isinstance(who, Identity) else None


def require_page(action: Action) -> Identity:
    """Stop the page unless someone is logged in and may do `action`; returns who it is."""
    who = current_identity()
    if who is None:
        st.warning("Please log in.")
        st.stop()
    if not can(who, action):
        st.error(f"Your role does not allow you to {action.value}. Ask an admin if you need it.")
        st.stop()
    return who
