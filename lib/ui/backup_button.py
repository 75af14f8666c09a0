"""The "Download backup" button offered before a reset or a truncate: every table as CSV in a ZIP."""

import streamlit as st

from lib.auth.identity import Identity
from lib.backup.dump import backup_bytes, backup_file_name
from lib.config import get_settings
from lib.db import get_engine

RESTORE_HINT = "python -m lib.backup restore FILE.zip"


def backup_button(who: Identity, key: str) -> None:
    """The ZIP is built only when pressed (on Streamlit's download thread), never on each rerun."""
    engine = get_engine()
    st.download_button("Download backup", data=lambda: backup_bytes(engine, who=who),
                       file_name=backup_file_name(get_settings().app_env), mime="application/zip",
                       key=key, on_click="ignore", icon=":material/download:",
                       help="A ZIP with every table as CSV (password hashes included: keep it safe).")
    st.caption(f"Every table as CSV. To load it into an empty migrated database: `{RESTORE_HINT}`")
