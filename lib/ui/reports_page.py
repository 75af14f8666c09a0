"""The Reports page: choose a report and its parameters, generate with progress, preview page 1, download."""

from datetime import date

import streamlit as st

from lib.auth.identity import Identity
from lib.auth.permissions import Action, PermissionDenied, require
from lib.db import get_engine
from lib.dues.months import month_index, month_start
from lib.reports.access import authorize
from lib.reports.catalog import Param, ReportSpec, file_name, generate, reports_for
from lib.reports.queries.cohort import cohort_choices
from lib.reports.queries.dues import member_choices
from lib.reports.queries.grant import grant_choices
from lib.reports.errors import ReportParameterError
from lib.reports.preview import first_page_png

RESULT_KEY = "reports_result"
MONTHS_OFFERED = 36
EMPTY_HINT = {"grant": "No grants yet: add one on the Records page (Grants).",
              "cohort": "No cohorts yet: add one on the Records page (Cohorts)."}


@st.cache_data(ttl=60, show_spinner=False)
def _choices(kind: str) -> list[tuple[int, str]]:
    with get_engine().connect() as conn:
        return grant_choices(conn) if kind == "grant" else cohort_choices(conn)


def _pick_from_list(param: Param, who: Identity, key: str) -> int | None:
    require(who, Action.VIEW_REPORTS)
    options = _choices(param.kind)
    if not options:
        st.info(EMPTY_HINT[param.kind])
        return None
    labels = dict(options)
    return st.selectbox(param.label, list(labels), format_func=labels.get, key=key)


def _pick_member(param: Param, who: Identity, key: str) -> int | None:
    authorize(who, "dues_statement")
    search = st.text_input("Find the member (card number or name)", key=f"{key}-search",
                           placeholder="e.g. 46-01234 or O'Brien")
    if len(search.strip()) < 2:
        st.caption("Type at least two characters of the card number or name.")
        return None
    with get_engine().connect() as conn:
        options = member_choices(conn, search)
    if not options:
        st.warning(f"No member matches \u201c{search.strip()}\u201d. Check the spelling or the card number.")
        return None
    labels = dict(options)
    return st.selectbox(param.label, list(labels), format_func=labels.get, key=key)


def month_options(today: date, count: int = MONTHS_OFFERED) -> list[date]:
    """This month and the ones before it, newest first (first days of the months)."""
    return [month_start(month_index(today) - i) for i in range(count)]


def _pick_month(param: Param, key: str) -> date:
    months = month_options(date.today())
    label = lambda m: f"{m:%B %Y}" + (" (to date)" if m == months[0] else "")  # noqa: E731
    # Last month by default: the board reviews the month that has ended.
    return st.selectbox(param.label, months, index=1, format_func=label, key=key, help=param.help)


def _param_input(param: Param, who: Identity, spec: ReportSpec):
    key = f"rp-{spec.key}-{param.name}"
    if param.kind == "month":
        return _pick_month(param, key)
    if param.kind == "date":
        default = date.today() if param.required else None
        return st.date_input(param.label, value=default, key=key, help=param.help, format="MM/DD/YYYY")
    if param.kind == "member":
        return _pick_member(param, who, key)
    return _pick_from_list(param, who, key)


def _generate(spec: ReportSpec, who: Identity, values: dict) -> None:
    progress = st.progress(0.05, text="Reading the data\u2026")
    try:
        pdf = generate(get_engine(), who, spec.key, values)
    except (ReportParameterError, PermissionDenied) as problem:
        progress.empty()
        st.error(str(problem))
        return
    progress.progress(0.75, text="Drawing the preview of page 1\u2026")
    preview = first_page_png(pdf)
    progress.progress(1.0, text="Done.")
    st.session_state[RESULT_KEY] = {"key": spec.key, "pdf": pdf, "preview": preview,
                                    "name": file_name(spec, values, date.today())}
    progress.empty()


def _show_result(spec: ReportSpec) -> None:
    result = st.session_state.get(RESULT_KEY)
    if not result or result["key"] != spec.key:
        st.caption("Choose the parameters and press Generate: a preview of page 1 and a download appear here.")
        return
    st.download_button("Download PDF", result["pdf"], file_name=result["name"], mime="application/pdf",
                       type="primary", key="rp-download")
    st.caption(f"{result['name']} \u00b7 {len(result['pdf']) / 1024:,.0f} KB")
    if result["preview"] is None:
        st.info("No preview here (pdftoppm is not installed on this server); the download has the full report.")
    else:
        st.image(result["preview"], caption="Page 1", width=640)


def render(who: Identity) -> None:
    st.title("Reports")
    specs = reports_for(who)
    if not specs:
        st.info("Your role has no reports. Ask an admin if you need one.")
        return
    titles = {s.title: s for s in specs}
    spec = titles[st.selectbox("Report", list(titles), key="rp-report")]
    st.caption(spec.description)
    values = {p.name: _param_input(p, who, spec) for p in spec.params}
    if st.button("Generate", type="primary", key="rp-generate"):
        _generate(spec, who, values)
    _show_result(spec)
