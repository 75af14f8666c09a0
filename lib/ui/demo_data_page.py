"""Admin page "Demo data": what is seeded, and Seed / Reset / Truncate with live progress."""

from datetime import datetime

import pandas as pd
import streamlit as st
from sqlalchemy import func, select

from lib.auth.identity import Identity
from lib.config import get_settings
from lib.db import get_engine
from lib.models import SeedRun
from lib.ui.backup_button import backup_button
from seed.runner import (
    SeedAlreadyRunning, SeedError, SeedResult, reset_demo, run_seed, seed_status, truncate_all,
)
from seed.lock import RunningSeed, running_seed
from seed.status import SeedStatus

SCALES = {1: "1,000 members", 5: "5,000 members", 10: "10,000 members"}
LAST_RESULT = "demo_data_last_result"
CONFIRM_RESET = "demo_data_confirm_reset"


def _when(value: datetime | None) -> str:
    return f"{value:%b %-d, %Y %H:%M} UTC" if value else "unknown time"


@st.cache_data(ttl=15, show_spinner=False)
def _status(database_url: str, runs_version: tuple) -> SeedStatus:
    """Counts per table (one GROUP BY each). Keyed by the seed runs' version, so a seed or reset on
    another replica shows here at once; real rows entered meanwhile show within the TTL."""
    return seed_status(get_engine())


def _runs_version() -> tuple:
    with get_engine().connect() as conn:
        return tuple(conn.execute(select(func.count(SeedRun.id), func.max(SeedRun.updated_at))).one())


def _running() -> RunningSeed | None:
    """Never cached: whether a run (on any replica) holds the lock right now."""
    with get_engine().connect() as conn:
        return running_seed(conn)


def _counts_table(status: SeedStatus) -> pd.DataFrame:
    tables = sorted({t for counts in status.batches.values() for t in counts} | set(status.real))
    demo = {t: sum(c.get(t, 0) for b, c in status.batches.items() if b in status.demo_batches) for t in tables}
    rows = [{"Table": t.replace("_", " "), "Demo rows": demo[t], "Real rows": status.real.get(t, 0),
             "Kept by a reset": status.kept.get(t, 0)} for t in tables]
    return pd.DataFrame(rows)


def show_state(status: SeedStatus) -> None:
    st.subheader("What is in the database")
    demo_rows = sum(sum(status.batches[b].values()) for b in status.demo_batches)
    a, b, c = st.columns(3)
    a.metric("Demo rows", f"{demo_rows:,}")
    b.metric("Real rows", f"{sum(status.real.values()):,}")
    c.metric("Kept by a reset", f"{sum(status.kept.values()):,}",
             help="Demo rows that real records point at (for example a real payment on a demo member).")
    if not status.demo_batches:
        st.info("No demo data. Press **Seed demo data** below to add it (about 3 seconds at scale 1).")
    for batch in status.demo_batches:
        run = status.run_of(batch)
        by = f"by {run.started_by}, {_when(run.started_at)}, scale {run.scale}" if run else "(no run recorded)"
        st.caption(f"Batch `{batch}` seeded {by}: {sum(status.batches[batch].values()):,} rows.")


def show_counts(status: SeedStatus) -> None:
    if status.batches or status.real:
        st.subheader("Rows per table")
        st.dataframe(_counts_table(status), hide_index=True, width="stretch", column_config={
            name: st.column_config.NumberColumn(format="localized") for name in ("Demo rows", "Real rows", "Kept by a reset")})


def _runner(action: str, scale: int = 1):
    """Run one action inside st.status with a progress bar and a line per step."""
    label = {"seed": f"Seeding demo data at scale {scale}", "reset": "Removing the demo data",
             "truncate": "Emptying every table"}[action]
    with st.status(label + "…", expanded=True) as box:
        bar = st.progress(0.0, text="Starting")

        def progress(no: int, total: int, title: str) -> None:
            bar.progress(min(no / total, 1.0), text=f"Step {no} of {total}: {title}")
            box.write(f"Step {no}/{total} · {title}")

        try:
            result = _call(action, scale, progress)
        except SeedAlreadyRunning as exc:
            box.update(label="Another run holds the lock", state="error")
            st.warning(str(exc))
            return None
        except SeedError as exc:
            box.update(label=f"{label} failed", state="error")
            st.error(str(exc))
            _count_metric(action, "failed")
            return None
        bar.progress(1.0, text="Done")
        box.update(label=f"{label}: done in {result.seconds:.1f} s", state="complete", expanded=False)
    _count_metric(action, "succeeded")
    st.cache_data.clear()  # every cache: dashboards (clear_dashboard_caches) and this page's own status
    return result


def _call(action: str, scale: int, progress) -> SeedResult:
    who, engine = st.session_state["identity"], get_engine()
    if action == "seed":
        return run_seed(engine, scale=scale, who=who, progress=progress)
    if action == "reset":
        return reset_demo(engine, who=who, progress=progress)
    return truncate_all(engine, who=who, progress=progress)


def _count_metric(action: str, outcome: str) -> None:
    try:
        from lib.metrics import count_seed_run
    except ImportError:  # the metrics module is optional for this page
        return
    count_seed_run(action, outcome)


def _headline(result: SeedResult) -> str:
    rows = sum(result.counts.values())
    if result.action == "seed":
        return f"Seeded {rows:,} rows at scale {result.scale} in {result.seconds:.1f} s."
    if result.action == "reset":
        return f"Reset removed {rows:,} demo rows in {result.seconds:.1f} s; real rows were not touched."
    return f"Every table was emptied in {result.seconds:.1f} s."


def show_result(result: SeedResult) -> None:
    st.success(_headline(result))
    with st.expander(f"Summary of the last {result.action}", expanded=result.action == "seed"):
        if result.steps:
            st.dataframe(pd.DataFrame([{"Step": s.no, "What": s.title, "Rows": sum(s.counts.values()),
                                        "Seconds": round(s.seconds, 2)} for s in result.steps]),
                         hide_index=True, width="stretch",
                         column_config={"Rows": st.column_config.NumberColumn(format="localized")})
        if result.counts:
            column = "Rows removed" if result.action == "reset" else "Rows"
            st.dataframe(pd.DataFrame([{"Table": t.replace("_", " "), column: n} for t, n in sorted(result.counts.items())]),
                         hide_index=True, width="stretch",
                         column_config={column: st.column_config.NumberColumn(format="localized")})
    for kept in result.kept:
        one = kept.count == 1
        st.info(f"Kept {kept.count:,} demo {'row' if one else 'rows'} of {kept.table.replace('_', ' ')}: real rows "
                f"in {', '.join(kept.because_of)} point at {'it' if one else 'them'}.")
    for note in result.notes:
        st.caption(note)


def _finish(result: SeedResult | None) -> None:
    if result is not None:
        st.session_state[LAST_RESULT] = result
        st.rerun()


def seed_controls(status: SeedStatus, busy: bool) -> None:
    st.markdown("**Seed**: add the demo data (18 steps).")
    scale = st.selectbox("Scale", list(SCALES), format_func=lambda s: f"{s} ({SCALES[s]})", key="demo_scale",
                         disabled=busy)
    present = bool(status.demo_batches)
    if present:
        st.caption("Demo data is already present: reset it first.")
    if st.button("Seed demo data", type="primary", disabled=busy or present, key="demo_seed"):
        _finish(_runner("seed", scale))


def reset_controls(status: SeedStatus, busy: bool) -> None:
    st.markdown("**Reset**: remove the demo data; real records stay.")
    rows = sum(sum(status.batches[b].values()) for b in status.batches)
    if not st.session_state.get(CONFIRM_RESET):
        if st.button("Reset demo data", disabled=busy or rows == 0, key="demo_reset"):
            st.session_state[CONFIRM_RESET] = True
            st.rerun()
        return
    st.warning(f"This removes {rows:,} demo rows. Real rows, and demo rows they point at, stay.")
    backup_button(st.session_state["identity"], key="demo_reset_backup")
    yes, no = st.columns(2)
    if no.button("Cancel", key="demo_reset_cancel"):
        st.session_state[CONFIRM_RESET] = False
        st.rerun()
    if yes.button("Yes, remove the demo data", type="primary", key="demo_reset_yes", disabled=busy):
        st.session_state[CONFIRM_RESET] = False
        _finish(_runner("reset"))


def truncate_controls(busy: bool) -> None:
    env = get_settings().app_env
    if env == "prod":
        st.caption("Truncate everything is not available in production.")
        return
    with st.expander("Danger zone: truncate everything"):
        st.warning("This empties EVERY table, real records included. Only the roles and the first admin are "
                 "re-created, and you will have to log in again. Download a backup first.")
        backup_button(st.session_state["identity"], key="demo_truncate_backup")
        typed = st.text_input(f"Type the environment's name ({env}) to confirm", key="demo_truncate_name")
        if typed and typed.strip() != env:
            st.caption(f"That is not '{env}'.")
        if st.button("Truncate everything", disabled=busy or typed.strip() != env, key="demo_truncate"):
            result = _runner("truncate")
            if result is not None:
                st.session_state.pop("identity", None)  # the acting user no longer exists
                st.success("Every table was emptied. Log in again as the first admin.")  # before the summary
                show_result(result)
                st.stop()


def render(who: Identity) -> None:
    settings = get_settings()
    st.title("Demo data")
    st.caption(f"Environment **{settings.app_env}** · signed in as `{who.email}`")
    live, running = _status(settings.database_url, _runs_version()), _running()
    busy = running is not None
    if busy:
        st.warning(running.describe() + " Seed, reset and truncate are unavailable until it finishes.")
        if st.button("Refresh", key="demo_refresh"):
            st.rerun()
    if LAST_RESULT in st.session_state:
        show_result(st.session_state[LAST_RESULT])
    show_state(live)
    st.divider()
    left, right = st.columns(2)
    with left:
        seed_controls(live, busy)
    with right:
        reset_controls(live, busy)
    truncate_controls(busy)
    show_counts(live)
