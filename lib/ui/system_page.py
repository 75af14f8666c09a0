"""Admin page "System": health in detail, version, settings (secrets as set / not set), recent
warnings and errors, seed runs, and how many people use the app."""

import pandas as pd
import streamlit as st

from lib.auth.identity import Identity
from lib.config import get_settings
from lib.db import get_engine
from lib.health import detailed, status_info
from lib.logs import recent_problems
from lib.system_status import recent_seed_runs, recent_sign_ins, settings_rows
from lib.ui.session import IDENTITY_KEY

BADGE = {"healthy": ("green", ":material/check_circle:"), "degraded": ("orange", ":material/warning:"),
         "unhealthy": ("red", ":material/error:")}


def browser_sessions() -> tuple[int, int] | None:
    """(open, signed in) Streamlit sessions of THIS process: each is a browser tab connected by
    websocket. Other replicas have their own. None when no Streamlit server runs (tests, scripts)."""
    from streamlit.runtime import Runtime

    if not Runtime.exists():
        return None
    try:
        active = Runtime.instance()._session_mgr.list_active_sessions()  # no public API for this
    except AttributeError:
        return None
    return len(active), sum(1 for info in active if _signed_in(info.session.session_state))


def _signed_in(state) -> bool:
    return IDENTITY_KEY in state and isinstance(state[IDENTITY_KEY], Identity)


def _facts(check: dict) -> str:
    return "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in check.items()
                     if k not in ("healthy", "error") and not isinstance(v, dict)) or "—"


def show_health(report: dict) -> None:
    colour, icon = BADGE.get(report["status"], ("gray", ":material/help:"))
    st.subheader("Health")
    st.badge(report["status"].capitalize(), color=colour, icon=icon)
    st.dataframe(pd.DataFrame([{"Check": name, "State": "OK" if c["healthy"] else "Problem", "Facts": _facts(c)}
                               for name, c in report["checks"].items()]), hide_index=True, width="stretch")
    for name, check in report["checks"].items():
        if not check["healthy"]:
            st.error(f"{name.capitalize()}: {check.get('error', 'not healthy')}")


def show_usage(who: Identity) -> None:
    st.subheader("Who is using the app")
    sessions = browser_sessions()
    a, b = st.columns(2)
    if sessions is None:
        a.metric("Open browser sessions (this server)", "n/a", help="No Streamlit server in this process.")
    else:
        a.metric("Open browser sessions (this server)", sessions[0], help=f"{sessions[1]} of them signed in. Each "
                 "browser tab connected to this server process; other replicas are not counted.")
    b.metric("Signed in, last 24 hours (all servers)", recent_sign_ins(who, get_engine()),
             help="Different people with a login in the audit log during the last 24 hours.")


def show_versions(info: dict) -> None:
    st.subheader("Version")
    a, b, c, d = st.columns(4)
    a.metric("UnionOps", info["version"])
    b.metric("Environment", info["environment"])
    c.metric("Database", info["database_engine"])
    d.metric("Up for", f"{info['uptime_seconds'] / 3600:.1f} h" if info["uptime_seconds"] >= 3600
             else f"{info['uptime_seconds'] / 60:.0f} min")
    with st.expander("Python and packages"):
        st.dataframe(pd.DataFrame([{"Package": "python", "Version": info["python"]}] +
                                  [{"Package": k, "Version": v} for k, v in info["packages"].items()]),
                     hide_index=True, width="stretch")


def show_settings(who: Identity) -> None:
    st.subheader("Settings")
    st.caption("Secrets are shown only as set or not set.")
    rows = settings_rows(who, get_settings())
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", height=35 * (len(rows) + 1) + 3)


def show_problems() -> None:
    lines = recent_problems(50)
    st.subheader(f"Recent warnings and errors ({len(lines)})")
    st.caption("The last 50 of this server process, newest first; kept in memory, so a restart clears them.")
    if not lines:
        st.info("No warnings or errors since this server started.")
        return
    st.dataframe(pd.DataFrame([{"Time": l["time"][:19].replace("T", " "), "Level": l["level"],
                                "Logger": l["logger"], "Message": l["message"]} for l in lines]),
                 hide_index=True, width="stretch")


def show_seed_runs(who: Identity) -> None:
    st.subheader("Recent seed runs")
    runs = recent_seed_runs(who, get_engine())
    if not runs:
        st.info("No seed, reset or truncate has run on this database.")
        return
    st.dataframe(pd.DataFrame([{
        "Started": f"{r['started_at']:%Y-%m-%d %H:%M} UTC" if r["started_at"] else "", "Action": r["action"],
        "Scale": r["scale"] or "", "By": r["started_by"], "Outcome": str(r["outcome"]).lower(),
        "Seconds": round(r["duration_seconds"], 1) if r["duration_seconds"] is not None else None,
        "Step / error": r["error"] or r["current_step"] or ""} for r in runs]), hide_index=True, width="stretch")


def render(who: Identity) -> None:
    settings = get_settings()
    st.title("System")
    report = detailed(get_engine(), settings)
    show_health(report)
    show_usage(who)
    show_versions(status_info(settings))
    show_problems()
    show_seed_runs(who)
    show_settings(who)
