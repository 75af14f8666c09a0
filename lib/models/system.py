"""System tables: users and roles, the audit log, attachments and seed runs."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Text, UniqueConstraint
from sqlmodel import Field

from lib.models.base import SeededBase, TableBase, enum_field, fk
from lib.models.enums import AttachmentEntity, AuditAction, RoleName, SeedOutcome


def _ts(*, index: bool = False, nullable: bool = True) -> Any:
    return Field(default=None, sa_type=DateTime(timezone=True), index=index, nullable=nullable)


class User(SeededBase, table=True):
    __tablename__ = "users"
    email: str = Field(max_length=160, unique=True)
    full_name: str = Field(max_length=160)
    password_hash: str = Field(max_length=100)
    is_active: bool = True
    failed_login_count: int = 0
    locked_until: datetime | None = _ts()
    last_login_at: datetime | None = _ts()
    password_changed_at: datetime | None = _ts()


class Role(TableBase, table=True):
    __tablename__ = "roles"
    name: RoleName = enum_field(RoleName)
    description: str | None = Field(default=None, max_length=200)
    __table_args__ = (UniqueConstraint("name"),)


class UserRole(SeededBase, table=True):
    __tablename__ = "user_roles"
    __table_args__ = (UniqueConstraint("user_id", "role_id"),)
    user_id: int = fk("users.id")
    role_id: int = fk("roles.id")


class AuditLog(TableBase, table=True):
    __tablename__ = "audit_logs"
    occurred_at: datetime | None = _ts(index=True)
    user_id: int | None = fk("users.id", nullable=True)
    user_email: str | None = Field(default=None, max_length=160)
    action: AuditAction = enum_field(AuditAction, index=True)
    table_name: str | None = Field(default=None, max_length=60, index=True)
    row_id: int | None = Field(default=None, index=True)
    before: dict | None = Field(default=None, sa_type=JSON)
    after: dict | None = Field(default=None, sa_type=JSON)
    detail: str | None = Field(default=None, sa_type=Text)


class FileAttachment(SeededBase, table=True):
    __tablename__ = "file_attachments"
    entity_type: AttachmentEntity = enum_field(AttachmentEntity, index=True)
    entity_id: int = Field(index=True)
    storage_key: str = Field(max_length=200, unique=True)
    original_name: str = Field(max_length=255)
    content_type: str = Field(max_length=120)
    size_bytes: int
    sha256: str = Field(max_length=64)
    uploaded_by_user_id: int | None = fk("users.id", nullable=True)
    uploaded_at: datetime | None = _ts()


class SeedRun(TableBase, table=True):
    __tablename__ = "seed_runs"
    batch: str = Field(max_length=40, index=True)
    action: str = Field(default="seed", max_length=20)
    scale: int = 1
    started_by: str | None = Field(default=None, max_length=160)
    started_at: datetime | None = _ts()
    finished_at: datetime | None = _ts()
    current_step: str | None = Field(default=None, max_length=80)
    counts: dict | None = Field(default=None, sa_type=JSON)
    duration_seconds: float | None = None
    outcome: SeedOutcome = enum_field(SeedOutcome, index=True)
    error: str | None = Field(default=None, sa_type=Text)
