"""The leadership monthly summary on a small hand-built ledger, through the Overview's functions."""

from datetime import date

import pytest
from sqlalchemy import update

from lib.auth.identity import Identity
from lib.auth.permissions import PermissionDenied
from lib.models import Member
from lib.models.enums import MemberClassification as C, RoleName
from lib.reports.catalog import generate, reports_for
from lib.reports.errors import ReportParameterError
from lib.reports.leadership_summary import leadership_summary_pdf
from tests.dues.ledgerdata import add_member, base_ledger, pay
from tests.reports.pdftext import pdf_pages

LEADER = Identity(id=7, email="lead@example.org", full_name="Lee Leader", roles=frozenset({RoleName.LEADERSHIP}))
TEACHER = Identity(id=8, email="t@example.org", roles=frozenset({RoleName.INSTRUCTOR}))
AUG_2025 = date(2025, 8, 1)


@pytest.fixture
def ledger(engine):
    """Siân O'Brien-Núñez pays Jan-Mar 2025 ($50 each) and nothing after; Pat pays every month ($30)."""
    with engine.begin() as conn:
        base_ledger(conn)
        behind = add_member(conn, date(2024, 6, 1), name="Siân")
        conn.execute(update(Member).where(Member.id == behind).values(last_name="O'Brien-Núñez"))
        paid_up = add_member(conn, date(2024, 6, 1), classification=C.APPRENTICE_1, name="Pat")
        for month in (1, 2, 3):
            pay(conn, behind, date(2025, month, 1), "50.00", date(2025, month, 5))
        for month in range(1, 13):
            pay(conn, paid_up, date(2025, month, 1), "30.00", date(2025, month, 5))
    return engine


def test_leadership_gets_the_months_numbers_and_who_needs_attention(ledger):
    pages = pdf_pages(leadership_summary_pdf(ledger, LEADER, AUG_2025, today=date(2026, 1, 15)))
    text = " ".join(" ".join(pages).split())  # words as a reader sees them, whatever the line breaks
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1] and len(pages) <= 3
    assert "August 2025" in pages[0] and "Figures as of Aug 31, 2025" in text
    assert "Members in good standing" in text and "Compared with July 2025" in text
    # Siân owes Apr-Jun at $50 and Jul-Aug at $55 (unpaid by Aug 31): 5 months, $260; Pat is paid up.
    assert "Members 3+ months in arrears (1)" in text
    assert "Siân O'Brien-Núñez" in text and "$260.00" in text
    assert "Dues collected, August" in text and "$30" in text  # only Pat paid in August
    assert "Lee Leader" in text


def test_a_month_with_nothing_on_record_is_one_clear_page(engine):
    pages = pdf_pages(leadership_summary_pdf(engine, LEADER, date(2025, 3, 1), today=date(2026, 1, 15)))
    assert len(pages) == 1
    assert "No activity in March 2025" in pages[0] and "Page 1 of 1" in pages[0]


def test_leadership_may_generate_it_and_an_instructor_may_not(ledger):
    assert "leadership_summary" in [spec.key for spec in reports_for(LEADER)]
    assert reports_for(TEACHER) == []
    assert generate(ledger, LEADER, "leadership_summary", {"month": AUG_2025}).startswith(b"%PDF")
    with pytest.raises(PermissionDenied):
        leadership_summary_pdf(ledger, TEACHER, AUG_2025)
    with pytest.raises(ReportParameterError, match="has not started yet"):
        generate(ledger, LEADER, "leadership_summary", {"month": date(2099, 1, 1)})
    with pytest.raises(ReportParameterError, match="Month is required"):
        generate(ledger, LEADER, "leadership_summary", {"month": None})
