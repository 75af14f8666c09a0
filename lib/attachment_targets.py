"""The records documents can be attached to: how each is named for people, and found by search."""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Select, String, cast, or_, select

from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.models import BenevolenceApplication, Grant, Grievance, Member, Organization, Student
from lib.models.enums import AttachmentEntity as E

MAX_RESULTS = 25


@dataclass(frozen=True)
class Target:
    title: str  # singular, for people: "Member"
    model: type


TARGETS = {
    E.MEMBER: Target("Member", Member),
    E.STUDENT: Target("Student", Student),
    E.ORGANIZATION: Target("Organization", Organization),
    E.GRANT: Target("Grant", Grant),
    E.GRIEVANCE: Target("Grievance", Grievance),
    E.BENEVOLENCE_APPLICATION: Target("Benevolence application", BenevolenceApplication),
}


def _person(model) -> list:
    return [model.last_name, model.first_name]


def _label_query(entity: E) -> tuple[Select, list]:
    """(select of id plus the label's parts, the columns a search looks in) for one kind of record."""
    if entity is E.MEMBER:
        cols = [Member.card_number, *_person(Member)]
        return select(Member.id, *cols), cols
    if entity is E.STUDENT:
        return select(Student.id, *_person(Student)), _person(Student)
    if entity is E.ORGANIZATION:
        return select(Organization.id, Organization.name), [Organization.name]
    if entity is E.GRANT:
        cols = [Grant.grant_number, Grant.name, Grant.funder]
        return select(Grant.id, *cols), cols
    if entity is E.GRIEVANCE:
        query = select(Grievance.id, Grievance.grievance_number, *_person(Member)).join(
            Member, Member.id == Grievance.member_id)
        return query, [Grievance.grievance_number, *_person(Member)]
    query = select(BenevolenceApplication.id, BenevolenceApplication.submitted_on, *_person(Member)).join(
        Member, Member.id == BenevolenceApplication.member_id)
    return query, [cast(BenevolenceApplication.id, String), *_person(Member)]


def _label(entity: E, row) -> str:
    if entity is E.MEMBER:
        return f"{row.last_name}, {row.first_name} · card {row.card_number}"
    if entity is E.STUDENT:
        return f"{row.last_name}, {row.first_name} · student #{row.id}"
    if entity is E.ORGANIZATION:
        return row.name
    if entity is E.GRANT:
        return f"{row.grant_number} · {row.name}"
    if entity is E.GRIEVANCE:
        return f"{row.grievance_number} · {row.last_name}, {row.first_name}"
    return f"Benevolence #{row.id} · {row.last_name}, {row.first_name} · {row.submitted_on:%b} " \
           f"{row.submitted_on.day}, {row.submitted_on.year}"


def record_labels(conn: Connection, entity: E, ids: Iterable[int]) -> dict[int, str]:
    """Labels of the given rows of one kind; ids that do not exist are absent from the result."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    query, _ = _label_query(entity)
    model = TARGETS[entity].model
    return {row.id: _label(entity, row) for row in conn.execute(query.where(model.id.in_(wanted)))}


def record_exists(conn: Connection, entity: E, row_id: int) -> bool:
    model = TARGETS[entity].model
    return conn.execute(select(model.id).where(model.id == row_id)).first() is not None


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_records(engine: Engine, who: Identity, entity: E, text: str, limit: int = MAX_RESULTS) -> list[tuple[int, str]]:
    """Records of one kind whose name, number or card contains `text` (all words), as (id, label)."""
    require(who, Action.VIEW_DOCUMENTS)
    query, columns = _label_query(entity)
    for word in text.split():
        query = query.where(or_(*(col.ilike(like_pattern(word), escape="\\") for col in columns)))
    model = TARGETS[entity].model
    with engine.connect() as conn:
        rows = conn.execute(query.order_by(*columns[:2], model.id).limit(limit)).all()
    return [(row.id, _label(entity, row)) for row in rows]
