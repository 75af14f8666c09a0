from datetime import date

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import IntegrityError

from lib.db import DatabaseUnavailable, make_engine, ping, session_scope, wait_for_database
from lib.db_errors import explain_integrity_error
from lib.models import Location, Member
from lib.models.enums import LocationKind, MemberClassification, MemberStatus


def _member(card="A1001", **overrides):
    row = dict(card_number=card, first_name="Ana", last_name="Ruiz",
               classification=MemberClassification.JOURNEYMAN_WIREMAN,
               status=MemberStatus.ACTIVE, initiation_date=date(2020, 3, 3))
    row.update(overrides)
    return row


def _integrity_message(engine, statement) -> str:
    with pytest.raises(IntegrityError) as info, engine.begin() as conn:
        conn.execute(statement)
    return explain_integrity_error(info.value)


def test_session_scope_commits_and_rolls_back(engine):
    with session_scope(engine) as session:
        session.add(Member(**_member()))
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        session.add(Member(**_member("A1002")))
        session.flush()
        raise RuntimeError("boom")
    with session_scope(engine) as session:
        cards = session.exec(select(Member.card_number)).scalars().all()
    assert cards == ["A1001"]


def test_timestamps_and_row_version_filled_by_database(engine):
    with engine.begin() as conn:
        conn.execute(insert(Member), [_member()])
        row = conn.execute(select(Member.created_at, Member.updated_at, Member.row_version)).one()
    assert row.created_at is not None and row.updated_at is not None
    assert row.row_version == 1


def test_duplicate_card_number_explained(engine):
    with engine.begin() as conn:
        conn.execute(insert(Member), [_member()])
    message = _integrity_message(engine, insert(Member).values(**_member()))
    assert "members" in message and "unique" in message


def test_dangling_foreign_key_explained(engine):
    message = _integrity_message(engine, insert(Member).values(**_member(home_location_id=999)))
    assert "linked record does not exist" in message


def test_missing_required_field_explained(engine):
    message = _integrity_message(engine, text(
        "INSERT INTO members (card_number, last_name, classification, status, initiation_date) "
        "VALUES ('A9', 'Ruiz', 'RETIRED', 'RETIRED', '2020-01-01')"))
    assert "first_name" in message and "required" in message


def test_unknown_enum_value_refused_by_database(engine):
    # Lesson 4: the old seed wrote GRADUATED, which no status allows.
    message = _integrity_message(engine, text(
        "INSERT INTO students (first_name, last_name, status, enrolled_on) "
        "VALUES ('Jo', 'Lee', 'GRADUATED', '2026-01-05')"))
    assert "not allowed" in message and "student_status" in message


def test_delete_of_referenced_row_refused(engine):
    with engine.begin() as conn:
        loc_id = conn.execute(insert(Location).values(name="Hall", kind=LocationKind.UNION_HALL)
                              .returning(Location.id)).scalar_one()
        conn.execute(insert(Member), [_member(home_location_id=loc_id)])
    message = _integrity_message(engine, text(f"DELETE FROM locations WHERE id = {loc_id}"))
    assert "point at this one" in message


def test_ping_and_wait_for_database(engine):
    assert ping(engine) >= 0
    wait_for_database(engine, attempts=1)


def test_wait_for_database_gives_up_with_clear_message():
    dead = make_engine("postgresql+psycopg2://nobody:hunter2@127.0.0.1:1/none?connect_timeout=1")
    with pytest.raises(DatabaseUnavailable) as info:
        wait_for_database(dead, attempts=2, delay=0.01)
    message = str(info.value)
    assert "after 2 attempts" in message and "DATABASE_URL" in message
    assert "hunter2" not in message
