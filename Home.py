"""UnionOps entry point. Placeholder until the app shell (login, roles, navigation) lands."""

import streamlit as st

from lib import __version__
from lib.config import get_settings

settings = get_settings()
st.set_page_config(page_title=f"UnionOps · {settings.local_name}", page_icon="⚡", layout="wide")
st.title(f"UnionOps · {settings.local_name}")
st.info(f"Version {__version__} · environment {settings.app_env}. The app shell is being built.")
