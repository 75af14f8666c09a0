"""CSV/Excel import in stages, and the bad-input corpus: a clear message each, the database unchanged."""

import io

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from lib.auth.identity import Identity
from lib.models import AuditLog, Member, metadata
from lib.models.enums import AuditAction, MemberStatus, RoleName as R
from lib.importing.mapping import auto_mapping
from lib.importing.plan import commit_import, plan_import
from lib.importing.read import ImportFileError, read_table
from lib.registry import entity_for
from tests.editing.test_save import _insert, _member

STAFF = Identity(id=None, email="staff@local46.example", roles=frozenset({R.STAFF}))
MEMBERS = entity_for("members")
MB = 1_000_000
HEADER = "Card #,first_name,Last Name,email,classification,status,initiation_date,home_location\n"


def _plan(engine, text: str | bytes, name="members.csv", entity=MEMBERS):
    frame = read_table(text.encode() if isinstance(text, str) else text, name, 25 * MB)
    return plan_import(engine, STAFF, entity, frame, auto_mapping(entity, list(frame.columns)))


def _count(engine, table="members"):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(metadata.tables[table])).scalar_one()


def _hall(engine):
    return _insert(engine, {"name": "Union Hall", "kind": "UNION_HALL"}, entity=entity_for("locations")).inserted[0]


def test_preview_sorts_lines_into_new_updated_unchanged_and_rejected(engine):
    hall = _hall(engine)
    _insert(engine, _member(card_number="A1", phone=None), _member(card_number="A2", last_name="Same"))
    stored = {m.card_number: m for m in _rows(engine)}
    csv = HEADER + (
        "a1,Ana,Ruiz,ana@example.org,JOURNEYMAN_WIREMAN,INACTIVE,2020-05-01,Union Hall\n"   # update (status)
        f"A2,Ana,Same,ana@example.org,Journeyman Wireman,active,{stored['A2'].initiation_date},\n"  # unchanged
        "B1,Bo,Diaz,bo@example.org,APPRENTICE_1,ACTIVE,2024-01-02,Union Hall\n"             # new
        "B2,,Diaz,bo@@x,APPRENTICE_9,ACTIVE,2024-13-02,Nowhere\n")                           # rejected
    plan = _plan(engine, csv)
    assert plan.counts() == {"new": 1, "updated": 1, "unchanged": 1, "rejected": 1}
    assert plan.updates[0].values == {"status": MemberStatus.INACTIVE, "home_location_id": hall}
    reasons = dict((c, r) for c, r in plan.rejected["Line 5"])
    assert set(reasons) == {"first_name", "email", "classification", "initiation_date", "home_location_id"}
    assert reasons["home_location_id"] == "'Nowhere' matches nothing in Locations (give its name, its key or its #id)"
    with pytest.raises(ImportFileError, match="1 line\\(s\\) were rejected: nothing was imported"):
        commit_import(engine, STAFF, MEMBERS, plan)
    assert _count(engine) == 2
    result = commit_import(engine, STAFF, MEMBERS, plan, skip_rejected=True, source="members.csv")
    assert (len(result.inserted), result.updated) == (1, 1)
    assert {m.card_number: m.status.value for m in _rows(engine)} == {"A1": "INACTIVE", "A2": "ACTIVE", "B1": "ACTIVE"}
    with engine.connect() as conn:
        audit = conn.execute(select(AuditLog).where(AuditLog.action == AuditAction.UPDATE)).one()
    assert audit.before == {"status": "ACTIVE", "home_location_id": None} and audit.detail == "import members.csv"


def _rows(engine):
    with engine.connect() as conn:
        return conn.execute(select(Member).order_by(Member.card_number)).all()


def test_an_excel_workbook_imports_like_a_csv(engine):
    book = Workbook()
    sheet = book.active
    sheet.append(["card_number", "first_name", "last_name", "classification", "status", "initiation_date"])
    sheet.append(["X9", "Lee", "Park", "RETIRED", "RETIRED", "2001-02-03"])
    out = io.BytesIO()
    book.save(out)
    plan = _plan(engine, out.getvalue(), "members.xlsx")
    assert plan.counts()["new"] == 1 and not plan.rejected
    commit_import(engine, STAFF, MEMBERS, plan)
    assert _rows(engine)[0].last_name == "Park"


def test_a_duplicate_card_number_in_the_file_rejects_both_lines(engine):
    row = "C1,Ana,Ruiz,,APPRENTICE_1,ACTIVE,2020-01-01,\n"
    plan = _plan(engine, HEADER + row + row.replace("Ana", "Eva"))
    assert plan.counts()["new"] == 0 or set(plan.rejected) == {"Line 2", "Line 3"}
    assert "appears more than once in this save" in plan.rejected["Line 2"][0][1]


def test_a_dangling_foreign_key_id_is_rejected(engine):
    plan = _plan(engine, HEADER + "C1,Ana,Ruiz,,APPRENTICE_1,ACTIVE,2020-01-01,#999\n")
    assert plan.rejected["Line 2"] == [("home_location_id", "Home location #999 does not exist")]


BAD_FILES = [
    (b"", "members.csv", "The file is empty"),
    (b"   \n\n", "members.csv", "The file is empty"),
    (HEADER.encode(), "members.csv", "header row but no data rows"),
    ("card_number,last_name\nA1,M\u00fcller\n".encode("latin-1"), "members.csv", "is not UTF-8 text (byte 0xFC"),
    (b"PK\x03\x04garbage", "members.xlsx", "could not be read as an Excel workbook"),
    (b"a,b\n1,2\n", "old.xls", "Old .xls workbooks are not read"),
    (b"card_number,card_number\nA,B\n", "members.csv", "names a column twice"),
    (b"first_name,last_name\nAna,Ruiz\n", "members.csv", "required field(s): Card # (card_number)"),
]


@pytest.mark.parametrize("data, name, message", BAD_FILES)
def test_a_bad_file_gets_a_clear_message_and_changes_nothing(engine, data, name, message):
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        _plan(engine, data, name)
    assert _count(engine) == 0


def test_a_file_over_the_size_limit_is_refused():
    with pytest.raises(ImportFileError, match="the limit is 1 MB"):
        read_table(b"x" * (MB + 1), "big.csv", MB)


def test_a_ten_megabyte_cell_is_rejected_on_its_line(engine):
    plan = _plan(engine, HEADER + "C1,Ana," + "R" * 10 * MB + ",,APPRENTICE_1,ACTIVE,2020-01-01,\n")
    assert plan.rejected["Line 2"] == [("last_name", "is 10,000,000 characters long; at most 80 fit")]


def test_importing_needs_the_import_role(engine):
    clerk = Identity(id=None, email="d@x.org", roles=frozenset({R.DUES_CLERK}))
    frame = read_table((HEADER + "C1,Ana,Ruiz,,APPRENTICE_1,ACTIVE,2020-01-01,\n").encode(), "m.csv", MB)
    with pytest.raises(PermissionError):
        plan_import(engine, clerk, MEMBERS, frame, auto_mapping(MEMBERS, list(frame.columns)))
