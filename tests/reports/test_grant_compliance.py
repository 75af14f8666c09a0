from datetime import date

import pytest

from lib.auth.identity import Identity
from lib.auth.permissions import PermissionDenied
from lib.models.enums import RoleName
from lib.reports.errors import ReportParameterError
from lib.reports.grant_compliance import grant_compliance_pdf
from tests.reports.builders import grant_fixture
from tests.reports.pdftext import pdf_pages, pdf_text

LEADER = Identity(id=7, email="lead@example.org", full_name="Lee Leader", roles=frozenset({RoleName.LEADERSHIP}))
TEACHER = Identity(id=8, email="t@example.org", roles=frozenset({RoleName.INSTRUCTOR}))


def test_grant_report_shows_the_numbers_a_funder_checks(engine):
    grant_id = grant_fixture(engine)
    text = pdf_text(grant_compliance_pdf(engine, LEADER, grant_id))
    assert "Ève & O'Hara Foundation" in text and "Pathways to the Trade" in text
    assert "$100,000.00" in text                    # award
    assert "$1,300.00" in text                      # supplies actual: 1,234.50 + 65.50
    assert "$650.00" in text                        # instructor cost: 10 h x $50 + 2.5 h x $60
    assert "$2,750.00" in text                      # charged: 2,100 expenses + 650 instructor time
    assert "$97,250.00" in text                     # award remaining
    assert "Zoë D'Angelo" in text and "12.50" in text
    assert "Renée's Training LLC" in text
    assert "Lee Leader" in text and "Page 1 of" in text
    assert "66.7%" in text                          # completed 2 of target 3
    assert "Placed into apprenticeship 2 1 50.0%" in text.replace("\n", " ")


def test_a_period_without_activity_is_one_clear_page(engine):
    grant_id = grant_fixture(engine)
    pages = pdf_pages(grant_compliance_pdf(engine, LEADER, grant_id, date(2025, 11, 1), date(2025, 11, 30)))
    assert len(pages) == 1
    assert "No activity" in pages[0] and "Page 1 of 1" in pages[0]


def test_bad_parameters_name_the_problem(engine):
    grant_id = grant_fixture(engine)
    with pytest.raises(ReportParameterError, match="no grant with id 999"):
        grant_compliance_pdf(engine, LEADER, 999)
    with pytest.raises(ReportParameterError, match="ends .* before it starts"):
        grant_compliance_pdf(engine, LEADER, grant_id, date(2025, 5, 1), date(2025, 4, 1))


def test_an_instructor_may_not_generate_reports(engine):
    grant_id = grant_fixture(engine)
    with pytest.raises(PermissionDenied):
        grant_compliance_pdf(engine, TEACHER, grant_id)


def test_the_burn_line_stops_at_today_while_the_plan_runs_to_the_end(engine):
    from lib.reports.grant_compliance import burn_series
    from lib.reports.queries.grant import load_grant_report

    grant_id = grant_fixture(engine)
    with engine.connect() as conn:
        data = load_grant_report(conn, grant_id, None, None)
    months, charged, plan = burn_series(data, today=date(2025, 6, 15))
    assert len(months) == 12 and len(plan) == 12 and round(plan[-1]) == 100_000
    assert len(charged) == 6 and charged[-1] == 2750.0  # Jan-Jun: every charge of the fixture is by April
