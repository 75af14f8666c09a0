"""The only part of lib/ that imports streamlit."""
