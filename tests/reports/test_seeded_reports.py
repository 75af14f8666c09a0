"""Every report on the seeded demo data (scale 1): it builds, numbers its pages, and says what it should."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from lib.auth.identity import SYSTEM
from lib.db import make_engine
from lib.models import Cohort, Grant, Member
from lib.reports.catalog import REPORTS, generate
from lib.reports.summary_source import load_summary
from tests.dbutil import engine_kinds
from tests.reports.pdftext import pdf_pages
from tests.seedutil import SEED_AS_OF, seeded_db_url


@pytest.fixture(scope="module", params=engine_kinds())
def seeded(request):
    engine = make_engine(seeded_db_url(request.param))
    yield engine
    engine.dispose()


def _values(engine) -> dict[str, dict]:
    with engine.connect() as conn:
        first = {model: conn.execute(select(model.id).order_by(model.id)).scalar() for model in (Member, Cohort, Grant)}
    last_month = (SEED_AS_OF.replace(day=1) - timedelta(days=1)).replace(day=1)
    return {"dues_statement": {"member_id": first[Member], "as_of": SEED_AS_OF},
            "dues_delinquency": {"as_of": SEED_AS_OF}, "grant_compliance": {"grant_id": first[Grant]},
            "cohort_roster": {"cohort_id": first[Cohort], "as_of": SEED_AS_OF},
            "leadership_summary": {"month": last_month}}


@pytest.mark.parametrize("key", [spec.key for spec in REPORTS])
def test_each_report_builds_on_the_seeded_data(seeded, key):
    pages = pdf_pages(generate(seeded, SYSTEM, key, _values(seeded)[key]))
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))
    assert "No activity" not in pages[0]


def test_the_monthly_summary_lists_the_overviews_members_in_arrears(seeded):
    month = _values(seeded)["leadership_summary"]["month"]
    with seeded.connect() as conn:
        summary = load_summary(conn, SYSTEM, month, SEED_AS_OF)
    arrears = next(a for a in summary.attention if a.title.startswith("Members 3+"))
    assert arrears.count > 0 and len(summary.charts) == 4 and len(summary.kpis) >= 6
    text = " ".join(" ".join(pdf_pages(generate(seeded, SYSTEM, "leadership_summary", {"month": month}))).split())
    assert all(member in text for member in arrears.frame["Member"])
    assert f"Members 3+ months in arrears ({arrears.count})" in text
