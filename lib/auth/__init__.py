"""Authentication and authorisation: passwords, users and roles (no streamlit here)."""
