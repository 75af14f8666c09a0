from datetime import date

import pytest

from lib.auth.identity import Identity
from lib.auth.permissions import PermissionDenied
from lib.models import Cohort
from lib.models.enums import RoleName
from lib.reports.cohort_roster import cohort_roster_pdf
from lib.reports.errors import ReportParameterError
from tests.reports.builders import add_all, cohort_fixture
from tests.reports.pdftext import pdf_pages, pdf_text

STAFF = Identity(id=2, email="staff@example.org", full_name="Sam Staff", roles=frozenset({RoleName.STAFF}))
AS_OF = date(2025, 10, 1)


def test_roster_shows_each_students_progress(engine):
    cohort_id = cohort_fixture(engine)
    text = pdf_text(cohort_roster_pdf(engine, STAFF, cohort_id, AS_OF))
    for name in ("Zoë D'Angelo", "Łukasz Wiśniewski", "Ana Smith", "Mara Quinn"):
        assert name in text
    assert "100.0%" in text and "4 / 4" in text       # Zoë
    assert "66.7%" in text and "2 / 3" in text        # Łukasz: the excused session is not counted
    assert "85.0%" in text                            # Zoë's average grade
    assert "OSHA 10" in text and "Oct 20, 2025" in text
    assert "Klein lineman's pliers" in text and "$120.50" in text and "Tape measure" not in text
    assert "Tested" in text and "3 of 24 places" in text


def test_a_cohort_without_students_says_what_to_do(engine):
    (cohort,) = add_all(engine, Cohort(name="Empty 2026", start_date=date(2026, 1, 5), end_date=date(2026, 4, 30)))
    pages = pdf_pages(cohort_roster_pdf(engine, STAFF, cohort.id, AS_OF))
    assert len(pages) == 1 and "No students are in this cohort yet" in pages[0]


def test_bad_cohort_and_wrong_role(engine):
    with pytest.raises(ReportParameterError, match="no cohort with id 404"):
        cohort_roster_pdf(engine, STAFF, 404, AS_OF)
    with pytest.raises(PermissionDenied):
        cohort_roster_pdf(engine, Identity(id=1, email="i@x", roles=frozenset({RoleName.INSTRUCTOR})), 1, AS_OF)
