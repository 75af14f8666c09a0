"""Admin page "Users": who can log in, with which roles; add, change roles, reset password, deactivate."""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from lib.auth import users
from lib.auth.identity import Identity
from lib.auth.permissions import PermissionDenied
from lib.db import get_engine
from lib.models.enums import RoleName

FLASH = "users_page_flash"
ROLE_LABELS = {r: r.value.replace("_", " ").capitalize() for r in RoleName}


def run_change(change: Callable, done: str) -> None:
    """Apply one change in its own transaction; show why it was refused, or rerun with `done` shown."""
    try:
        with get_engine().begin() as conn:
            change(conn)
    except (users.UserAdminError, PermissionDenied) as exc:
        st.error(str(exc))
        return
    st.session_state[FLASH] = done
    st.rerun()


def _when(value) -> str:
    return f"{value:%Y-%m-%d %H:%M} UTC" if value is not None and not pd.isna(value) else ""


def users_table(rows: list[dict]) -> None:
    frame = pd.DataFrame([{
        "Email": r["email"], "Name": r["full_name"], "Roles": r["roles"].replace("_", " ").lower(),
        "Active": r["is_active"], "Last login": _when(r["last_login_at"]),
        "Locked until": _when(r["locked_until"])} for r in rows])
    st.dataframe(frame, hide_index=True, width="stretch")


def add_user_form(who: Identity) -> None:
    with st.expander("Add a user", icon=":material/person_add:"):
        with st.form("add_user", clear_on_submit=False):
            left, right = st.columns(2)
            email = left.text_input("Email", key="new_user_email")
            name = right.text_input("Full name", key="new_user_name")
            password = left.text_input("First password (8 to 72 bytes)", type="password", key="new_user_password")
            roles = right.multiselect("Roles", list(RoleName), format_func=ROLE_LABELS.get, key="new_user_roles")
            if st.form_submit_button("Add user", type="primary"):
                run_change(lambda conn: users.create_user(conn, who, email, name, password, set(roles)),
                           f"Added {email.strip().lower()}. Give them their first password in person.")


def _label(row: dict) -> str:
    return f"{row['full_name']} · {row['email']}" + ("" if row["is_active"] else " (deactivated)")


def roles_form(who: Identity, row: dict) -> None:
    current = [RoleName(r) for r in row["roles"].split(", ") if r]
    with st.form(f"roles_{row['id']}"):
        roles = st.multiselect("Roles", list(RoleName), default=current, format_func=ROLE_LABELS.get)
        if st.form_submit_button("Save roles"):
            run_change(lambda conn: users.set_roles(conn, who, row["id"], set(roles)),
                       f"Roles of {row['email']} saved.")


def password_form(who: Identity, row: dict) -> None:
    with st.form(f"reset_{row['id']}", clear_on_submit=True):
        password = st.text_input("New password (8 to 72 bytes)", type="password")
        if st.form_submit_button("Reset password"):
            run_change(lambda conn: users.reset_password(conn, who, row["id"], password),
                       f"Password of {row['email']} reset; their saved logins end.")


def access_buttons(who: Identity, row: dict) -> None:
    if row["is_active"]:
        if st.button("Deactivate", icon=":material/block:", key=f"deactivate_{row['id']}"):
            run_change(lambda conn: users.set_active(conn, who, row["id"], False),
                       f"{row['email']} is deactivated; an open session stops at its next click.")
    elif st.button("Reactivate", icon=":material/check_circle:", key=f"reactivate_{row['id']}"):
        run_change(lambda conn: users.set_active(conn, who, row["id"], True), f"{row['email']} is active again.")
    if row["locked_until"] is not None and st.button("Unlock", icon=":material/lock_open:", key=f"unlock_{row['id']}"):
        run_change(lambda conn: users.unlock(conn, who, row["id"]), f"{row['email']} is unlocked.")


def change_user(who: Identity, rows: list[dict]) -> None:
    st.subheader("Change a user")
    by_id = {r["id"]: r for r in rows}
    user_id = st.selectbox("User", list(by_id), format_func=lambda i: _label(by_id[i]), key="users_page_user")
    if user_id is None:
        return
    row = by_id[user_id]
    left, middle, right = st.columns([2, 2, 1])
    with left:
        roles_form(who, row)
    with middle:
        password_form(who, row)
    with right:
        access_buttons(who, row)


def attempts_log(who: Identity) -> None:
    with st.expander("Login attempt log (latest 50)", icon=":material/login:"):
        with get_engine().connect() as conn:
            rows = users.login_attempts(conn, who)
        frame = pd.DataFrame([{"When": _when(r["occurred_at"]), "What": r["action"].value.replace("_", " ").lower(),
                               "Email": r["user_email"], "Detail": r["detail"]} for r in rows])
        st.dataframe(frame, hide_index=True, width="stretch")


def render(who: Identity) -> None:
    st.title("Users")
    if st.session_state.get(FLASH):
        st.success(st.session_state.pop(FLASH))
    with get_engine().connect() as conn:
        rows = users.list_users(conn, who)
    users_table(rows)
    add_user_form(who)
    change_user(who, rows)
    attempts_log(who)
