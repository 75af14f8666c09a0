"""UnionOps library: everything but the Streamlit UI (which lives in lib/ui and pages/)."""

__version__ = "0.1.0"
