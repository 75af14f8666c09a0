from datetime import date
from decimal import Decimal

from sqlalchemy import select

from lib.audit import changed_fields, record_audit
from lib.auth.identity import Identity
from lib.models import AuditLog
from lib.models.enums import AuditAction, MemberStatus, RoleName


def test_audit_row_keeps_before_and_after(engine):
    who = Identity(id=None, email="clerk@local46.example", roles=frozenset({RoleName.STAFF}))
    before, after = changed_fields({"phone": "555-0100", "status": MemberStatus.ACTIVE, "x": 1},
                                   {"phone": "555-0199", "status": MemberStatus.ACTIVE, "x": 1})
    with engine.begin() as conn:
        record_audit(conn, who, AuditAction.UPDATE, table="members", row_id=7, before=before,
                     after={**after, "paid": Decimal("12.50"), "on": date(2026, 3, 3)})
        row = conn.execute(select(AuditLog)).one()
    assert (row.user_email, row.action, row.table_name, row.row_id) == (
        "clerk@local46.example", AuditAction.UPDATE, "members", 7)
    assert row.before == {"phone": "555-0100"}
    assert row.after == {"phone": "555-0199", "paid": "12.50", "on": "2026-03-03"}
