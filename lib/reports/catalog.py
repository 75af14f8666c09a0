"""Every report, its parameters and who may generate it: the one list the Reports page draws from."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from lib.auth.identity import Identity
from lib.reports.access import authorize, may_generate
from lib.reports.cohort_roster import cohort_roster_pdf
from lib.reports.dues_delinquency import dues_delinquency_pdf
from lib.reports.dues_statement import dues_statement_pdf
from lib.reports.errors import ReportParameterError
from lib.reports.grant_compliance import grant_compliance_pdf
from lib.reports.leadership_summary import leadership_summary_pdf


@dataclass(frozen=True)
class Param:
    """One parameter: `kind` is grant, cohort, member (picked from lists), date or month (its first day)."""

    name: str
    label: str
    kind: str
    required: bool = True
    help: str = ""


@dataclass(frozen=True)
class ReportSpec:
    key: str
    title: str
    description: str
    params: tuple[Param, ...]
    make: Callable[..., bytes]
    file_stem: str


AS_OF = Param("as_of", "As of", "date", help="The day the report describes (defaults to today).")
REPORTS: tuple[ReportSpec, ...] = (
    ReportSpec("dues_statement", "Member dues statement",
               "One member's details, standing and a year of dues with a running balance, arrears highlighted.",
               (Param("member_id", "Member", "member"), AS_OF), dues_statement_pdf, "dues-statement"),
    ReportSpec("dues_delinquency", "Dues delinquency report",
               "Members in arrears by months behind, with amounts, contact details and totals per classification.",
               (AS_OF,), dues_delinquency_pdf, "dues-delinquency"),
    ReportSpec("grant_compliance", "Grant compliance report",
               "For a funder: award, budget vs actual, expenses, instructor hours and cost, outcomes, burn.",
               (Param("grant_id", "Grant", "grant"),
                Param("period_start", "Period from", "date", required=False, help="Defaults to the award start."),
                Param("period_end", "Period to", "date", required=False, help="Defaults to the award end.")),
               grant_compliance_pdf, "grant-compliance"),
    ReportSpec("leadership_summary", "Leadership monthly summary",
               "The Overview's numbers for a month against the month before, four charts, and what needs attention.",
               (Param("month", "Month", "month", help="The month the summary describes; the current month runs "
                      "to today."),), leadership_summary_pdf, "leadership-summary"),
    ReportSpec("cohort_roster", "Cohort roster and progress",
               "Students with attendance, grades, credentials (and expiring ones), tools and JATC status.",
               (Param("cohort_id", "Cohort", "cohort"), AS_OF), cohort_roster_pdf, "cohort-roster"),
)
BY_KEY = {spec.key: spec for spec in REPORTS}


def reports_for(who: Identity | None) -> list[ReportSpec]:
    """The reports this person may generate (the page offers no others)."""
    return [spec for spec in REPORTS if may_generate(who, spec.key)]


def check_params(spec: ReportSpec, values: dict) -> dict:
    """The values the report needs, or ReportParameterError naming what is missing or wrong."""
    clean = {}
    for param in spec.params:
        value = values.get(param.name)
        if value in (None, "") and param.required:
            raise ReportParameterError(f"{param.label} is required: choose one.")
        if value not in (None, "") and param.kind in ("date", "month") and not isinstance(value, date):
            raise ReportParameterError(f"{param.label} must be a date, not {value!r}.")
        if param.kind == "month" and value:
            value = _past_month(param, value)
        if value not in (None, "") and param.kind in ("grant", "cohort", "member") and not isinstance(value, int):
            raise ReportParameterError(f"{param.label}: choose one from the list.")
        clean[param.name] = value if value != "" else None
    if clean.get("period_start") and clean.get("period_end") and clean["period_end"] < clean["period_start"]:
        raise ReportParameterError("Period to is before Period from: swap them or pick another end.")
    return clean


def _past_month(param: Param, value: date) -> date:
    month = value.replace(day=1)
    if month > date.today():
        raise ReportParameterError(f"{param.label}: {month:%B %Y} has not started yet; pick this month or an earlier one.")
    return month


def generate(engine: Engine, who: Identity, key: str, values: dict) -> bytes:
    """Check the role and the parameters, then build the PDF."""
    spec = BY_KEY.get(key)
    if spec is None:
        raise ReportParameterError(f"There is no report called {key!r}.")
    authorize(who, key)
    return spec.make(engine, who, **check_params(spec, values))


def file_name(spec: ReportSpec, values: dict, today: date) -> str:
    suffix = "-".join(f"{values[p.name]:%Y-%m}" if p.kind == "month" else str(values[p.name])
                      for p in spec.params if p.kind != "date" and values.get(p.name))
    return f"{spec.file_stem}{'-' + suffix if suffix else ''}-{today:%Y-%m-%d}.pdf"
