"""Account page "My password": anyone logged in changes their own password."""

import streamlit as st

from lib.auth.identity import Identity
from lib.auth.passwords import MAX_PASSWORD_BYTES, MIN_PASSWORD_BYTES
from lib.auth.users import UserAdminError, change_own_password
from lib.db import get_engine
from lib.ui.auth_gate import SET_COOKIE

FLASH = "password_page_flash"


def render(who: Identity) -> None:
    st.title("My password")
    if st.session_state.get(FLASH):
        st.success(st.session_state.pop(FLASH))
    st.caption(f"Logged in as {who.email}. A password has {MIN_PASSWORD_BYTES} to {MAX_PASSWORD_BYTES} bytes "
               "(accented letters and emoji count as 2 to 4). Changing it ends your saved logins elsewhere.")
    with st.form("my_password", clear_on_submit=True):
        current = st.text_input("Current password", type="password")
        new = st.text_input("New password", type="password")
        confirm = st.text_input("New password again", type="password")
        submitted = st.form_submit_button("Change password", type="primary")
    if not submitted:
        return
    try:
        with get_engine().begin() as conn:
            change_own_password(conn, who, current, new, confirm)
    except UserAdminError as exc:
        st.error(str(exc))
        return
    st.session_state[FLASH] = "Your password is changed."
    st.session_state[SET_COOKIE] = True  # a fresh cookie: the old one ended with the old password
    st.rerun()
