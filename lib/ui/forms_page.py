"""Forms for frequent tasks: a dues payment, the next grievance step, a session's attendance."""

from datetime import date

import pandas as pd
import streamlit as st

from lib.auth.identity import Identity
from lib.auth.permissions import Action, can
from lib.db import get_engine
from lib.dues.payments import DuesError
from lib.editing.forms import (
    advance_grievance, current_step, default_dues_amount, open_grievances, record_dues_payment,
    save_attendance, session_choices, session_roster,
)
from lib.editing.listing import search_rows
from lib.grievances.clock import GrievanceError
from lib.models.enums import AttendanceStatus, PaymentMethod, StepOutcome
from lib.registry import entity_for
from lib.ui.dashkit import clear_dashboard_caches


OUTCOMES = {StepOutcome.ESCALATED: "Escalated: start the next step",
            StepOutcome.RESOLVED: "Resolved: the grievance is settled",
            StepOutcome.WITHDRAWN: "Withdrawn: the grievance is withdrawn",
            StepOutcome.DENIED: "Denied (at arbitration this closes the grievance)"}


def _title(value: str) -> str:
    return value.replace("_", " ").title()


def dues_payment_form(who: Identity) -> None:
    engine = get_engine()
    find, pick, month = st.columns([2, 3, 1])
    term = find.text_input("Find the member (name or card number)", key="dues_find")
    if len(term.strip()) < 2:
        st.caption("Type at least two letters of the name, or the card number.")
        return
    found = search_rows(engine, who, "members", term)
    if not found:
        st.info(f"No member matches {term!r}. Check the spelling, or add the member on the Records page.")
        return
    member = pick.selectbox("Member", list(found), format_func=found.get, key="dues_member")
    period = month.date_input("Period (any day of the month)", value=date.today().replace(day=1), key="dues_period",
                              format="YYYY-MM-DD").replace(day=1)
    default = default_dues_amount(engine, who, member, period)
    if not default:
        st.caption("No dues rate is set for this member's classification in that month: type the amount "
                   "(rates are kept on the Records page, Dues › Dues rates).")
    with st.form("dues_payment", clear_on_submit=False):
        left, middle, right = st.columns(3)
        amount = left.text_input("Amount ($)", value=f"{default:.2f}", key=f"dues_amount_{member}_{period}",
                                 help="Defaults to the member's monthly rate for that period.")
        method = middle.selectbox("Method", list(PaymentMethod), format_func=lambda m: _title(m.value))
        paid_on = right.date_input("Paid on", value=date.today(), max_value=date.today(), format="YYYY-MM-DD")
        reference = st.text_input("Reference (check number, receipt...)", max_chars=60)
        if st.form_submit_button("Record payment", type="primary"):
            try:
                payment = record_dues_payment(engine, who, member_id=member, period=period, amount=amount,
                                              method=method, paid_on=paid_on, reference=reference)
            except DuesError as exc:
                st.error(str(exc))
            else:
                clear_dashboard_caches()
                st.success(f"Recorded payment #{payment}: ${float(amount.replace(',', '').lstrip('$')):,.2f} "
                           f"from {found[member]} for {period:%B %Y}.")


def grievance_form(who: Identity) -> None:
    engine = get_engine()
    if flash := st.session_state.pop("grievance_flash", None):
        st.success(flash)
    grievances = open_grievances(engine, who)
    if not grievances:
        st.info("No open grievances. File one on the Records page (Union operations › Grievances).")
        return
    chosen = st.selectbox("Grievance", list(grievances), format_func=grievances.get, key="grievance_pick")
    step = current_step(engine, chosen)
    if step is not None:
        st.caption(f"Open now: {step.step.label}, started {step.started_on:%b %-d, %Y}, due {step.deadline_on:%b %-d, %Y}.")
    else:
        st.caption("No step is open: advancing starts the next step from the filed date or the last closing.")
    with st.form("grievance_advance"):
        outcome = st.selectbox("What happened", list(OUTCOMES), format_func=OUTCOMES.get, disabled=step is None)
        closed_on = st.date_input("On", value=date.today(), max_value=date.today(), format="YYYY-MM-DD",
                                  disabled=step is None)
        notes = st.text_area("Notes on the step being closed", max_chars=1000, disabled=step is None)
        label = "Start step 1" if step is None else "Save"
        if st.form_submit_button(label, type="primary"):
            try:
                opened = advance_grievance(engine, who, chosen, closed_on=closed_on, notes=notes or None,
                                           outcome=outcome)
            except GrievanceError as exc:
                st.error(str(exc))
            else:
                clear_dashboard_caches()
                st.session_state["grievance_flash"] = (
                    f"{opened.step} started {opened.started_on:%b %-d, %Y}; the deadline is "
                    f"{opened.deadline_on:%b %-d, %Y}." if opened else
                    f"{step.step.label} closed: {OUTCOMES[outcome].split(':')[0].lower()}.")
                st.rerun()  # show the step now open, not the one just closed


def attendance_form(who: Identity) -> None:
    engine = get_engine()
    sessions = session_choices(engine, who)
    if not sessions:
        st.info("No class sessions to record. Sessions are added on the Records page (Training › Class sessions).")
        return
    session = st.selectbox("Class session", list(sessions), format_func=sessions.get, key="attendance_session")
    roster = session_roster(engine, who, session)
    if not roster:
        st.info("No students are in this session's cohort yet.")
        return
    frame = pd.DataFrame([{"student_id": r.student_id, "Student": r.name,
                           "Status": (r.status.value if r.status else AttendanceStatus.PRESENT.value)} for r in roster])
    edited = st.data_editor(frame, hide_index=True, key=f"attendance_grid_{session}", disabled=["student_id", "Student"],
                            column_config={"student_id": None, "Status": st.column_config.SelectboxColumn(
                                options=[s.value for s in AttendanceStatus], format_func=_title, required=True)})
    if st.button("Save attendance", type="primary"):
        result = save_attendance(engine, who, session, roster, dict(zip(edited["student_id"], edited["Status"])))
        if result.ok:
            clear_dashboard_caches()
            st.success(f"Attendance saved: {len(result.inserted):,} new marks, {result.updated:,} changed.")
        else:
            st.error("Nothing saved: " + "; ".join(f"{p.position}: {p.reason}" for p in result.problems)
                     + (" Someone else changed this session's marks; reload the page." if result.conflicts else ""))


def render(who: Identity) -> None:
    st.title("Forms")
    forms = [(can(who, Action.RECORD_DUES), "Dues payment", dues_payment_form),
             (entity_for("grievance_steps").can(who, "create"), "Grievance step", grievance_form),
             (can(who, Action.RECORD_ATTENDANCE), "Attendance", attendance_form)]
    allowed = [(title, form) for ok, title, form in forms if ok]
    if not allowed:
        st.info("Your role has no forms here.")
        return
    tabs = st.tabs([title for title, _ in allowed])
    for tab, (_, form) in zip(tabs, allowed):
        with tab:
            form(who)
