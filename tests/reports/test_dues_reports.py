from datetime import date

import pytest
from sqlalchemy import update

from lib.auth.identity import Identity
from lib.auth.permissions import PermissionDenied
from lib.models import Member
from lib.models.enums import MemberClassification as C, RoleName
from lib.reports.dues_delinquency import dues_delinquency_pdf
from lib.reports.dues_statement import dues_statement_pdf
from lib.reports.errors import ReportParameterError
from tests.dues.ledgerdata import add_member, base_ledger, pay
from tests.reports.pdftext import pdf_pages, pdf_text

CLERK = Identity(id=3, email="dues@example.org", full_name="Dee Clerk", roles=frozenset({RoleName.DUES_CLERK}))
LEADER = Identity(id=7, email="lead@example.org", full_name="Lee Leader", roles=frozenset({RoleName.LEADERSHIP}))
GRANTS = Identity(id=9, email="g@example.org", roles=frozenset({RoleName.GRANT_MANAGER}))


@pytest.fixture
def ledger(engine):
    """Siân O'Brien-Núñez pays Jan-Mar 2025 ($50 each) and nothing after; Pat pays every month."""
    with engine.begin() as conn:
        base_ledger(conn)
        behind = add_member(conn, date(2024, 6, 1), name="Siân")
        conn.execute(update(Member).where(Member.id == behind).values(
            last_name="O'Brien-Núñez", email="sian@example.org", phone="206-555-0101", city="Seattle"))
        paid_up = add_member(conn, date(2024, 6, 1), classification=C.APPRENTICE_1, name="Pat")
        for month in (1, 2, 3):
            pay(conn, behind, date(2025, month, 1), "50.00", date(2025, month, 5))
        for month in range(1, 13):
            pay(conn, paid_up, date(2025, month, 1), "30.00", date(2025, month, 5))
    return engine, behind, paid_up


def test_statement_shows_the_year_balance_and_standing(ledger):
    engine, behind, _ = ledger
    text = pdf_text(dues_statement_pdf(engine, CLERK, behind, date(2025, 8, 20)))
    assert "Siân O'Brien-Núñez" in text
    assert "Not in good standing" in text
    # Apr-Jun $50, Jul-Aug $55: owed 3 x 50 + 2 x 55 = $260 after Jan-Mar were paid.
    assert "$260.00" in text
    assert "Oldest unpaid month: Apr 2025" in text
    assert "Unpaid" in text and "Opening balance" in text
    assert "Page 1 of 1" in text and "Dee Clerk" in text


def test_statement_of_a_member_without_activity_says_so(ledger):
    engine, _, paid_up = ledger
    pages = pdf_pages(dues_statement_pdf(engine, CLERK, paid_up, date(2022, 1, 31)))
    assert len(pages) == 1 and "No activity" in pages[0]


def test_statement_is_for_the_dues_office_not_leadership(ledger):
    engine, behind, _ = ledger
    for who in (LEADER, GRANTS):
        with pytest.raises(PermissionDenied):
            dues_statement_pdf(engine, who, behind, date(2025, 8, 20))
    with pytest.raises(ReportParameterError, match="no member with id 99999"):
        dues_statement_pdf(engine, CLERK, 99999, date(2025, 8, 20))


def test_delinquency_lists_who_is_behind_with_totals(ledger):
    engine, _, _ = ledger
    text = pdf_text(dues_delinquency_pdf(engine, LEADER, date(2025, 8, 20)))
    assert "Siân O'Brien-Núñez" in text and "sian@example.org" in text and "206-555-0101" in text
    assert "Pat " not in text
    assert "1 of 2" in text and "$260.00" in text
    assert "Journeyman wireman" in text and "3-5 months" in text


def test_delinquency_with_nobody_behind_is_one_clear_page(ledger):
    engine, _, _ = ledger
    pages = pdf_pages(dues_delinquency_pdf(engine, LEADER, date(2025, 3, 20)))
    assert len(pages) == 1 and "No member is in arrears" in pages[0]
