"""Fixtures for documents: a real S3-compatible server (moto, over HTTP), storages, records and people."""

from datetime import date
from decimal import Decimal

import pytest
from moto.server import ThreadedMotoServer
from sqlalchemy import insert

from lib.auth.identity import Identity
from lib.models import BenevolenceApplication, Grant, Grievance, Member, Organization, Student
from lib.models.enums import (
    BenevolenceReason, BenevolenceStatus, GrievanceStatus, MemberClassification, MemberStatus,
    OrganizationType, RoleName, StudentStatus,
)
from lib.storage import LocalStorage
from lib.storage_s3 import S3Storage
from tests.authutil import add_user as add_login_user
from tests.documents.s3server import free_port, new_bucket, wait_for_port


@pytest.fixture(scope="session")
def s3_endpoint():
    """One moto S3 server for the session, spoken to over real HTTP by boto3."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    wait_for_port(port)
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_storage(s3_endpoint):
    return S3Storage(bucket=new_bucket(s3_endpoint), endpoint_url=s3_endpoint,
                     access_key_id="testing", secret_access_key="testing")


@pytest.fixture(params=["local", "s3"])
def storage(request, tmp_path):
    if request.param == "local":
        return LocalStorage(tmp_path / "uploads")
    return request.getfixturevalue("s3_storage")


def add_user(engine, email: str, *roles: RoleName) -> Identity:
    """A real user with real role rows: pages re-read the logged-in user from the database."""
    return add_login_user(engine, email, *roles)


@pytest.fixture
def staff(engine):
    return add_user(engine, "staff@local46.example", RoleName.STAFF)


@pytest.fixture
def records(engine):
    """One record of each kind documents attach to; returns {entity: id}."""
    from lib.models.enums import AttachmentEntity as E

    with engine.begin() as conn:
        def add(model, **values):
            return conn.execute(insert(model).values(**values).returning(model.id)).scalar_one()

        member = add(Member, card_number="460001", first_name="Rosa", last_name="Parks-Nguyen",
                     classification=MemberClassification.JOURNEYMAN_WIREMAN, status=MemberStatus.ACTIVE,
                     initiation_date=date(2010, 4, 1))
        org = add(Organization, name="Sound Electric Co", org_type=OrganizationType.SIGNATORY_CONTRACTOR)
        return {
            E.MEMBER: member, E.ORGANIZATION: org,
            E.STUDENT: add(Student, first_name="Ada", last_name="Okafor", status=StudentStatus.ACTIVE,
                           enrolled_on=date(2026, 1, 12)),
            E.GRANT: add(Grant, grant_number="WA-2026-01", name="Pathways", funder="State of Washington",
                         award_amount=Decimal("250000"), start_date=date(2026, 1, 1), end_date=date(2026, 12, 31)),
            E.GRIEVANCE: add(Grievance, grievance_number="GR-26-001", member_id=member, employer_organization_id=org,
                             filed_on=date(2026, 3, 3), contract_article="Art. 4", status=GrievanceStatus.OPEN),
            E.BENEVOLENCE_APPLICATION: add(BenevolenceApplication, member_id=member, submitted_on=date(2026, 3, 3),
                                           reason=BenevolenceReason.MEDICAL, amount_requested=Decimal("500"),
                                           status=BenevolenceStatus.SUBMITTED),
        }


@pytest.fixture
def local_storage(tmp_path):
    """For tests where the backend does not matter (the round trips run on both)."""
    return LocalStorage(tmp_path / "uploads")
