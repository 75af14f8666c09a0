"""PDF reports: data in (aggregated in SQL), PDF bytes out. No streamlit here."""
