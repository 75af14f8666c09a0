"""Shared column helpers and mixins for every table."""

import re
from datetime import datetime
from enum import Enum
from typing import Any

from sqlalchemy import DateTime, Enum as SAEnum, MetaData, func, text
from sqlmodel import Field, SQLModel

# Stable constraint names: Alembic batch mode on SQLite and downgrades need them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def enum_field(enum_cls: type[Enum], *, default: Any = ..., nullable: bool = False, index: bool = False) -> Any:
    """A VARCHAR column with a CHECK of the enum's values (portable, no native PG type to migrate)."""
    sa_type = SAEnum(
        enum_cls, native_enum=False, length=32, create_constraint=True,
        name=_snake(enum_cls.__name__), validate_strings=True,
    )
    return Field(default=default, sa_type=sa_type, nullable=nullable, index=index)


def fk(target: str, *, nullable: bool = False, index: bool = True) -> Any:
    """A foreign key; never cascades, so a delete cannot silently take real rows with it."""
    return Field(default=None if nullable else ..., foreign_key=target, nullable=nullable, index=index)


def money(*, nullable: bool = False, default: Any = ...) -> Any:
    return Field(default=default, max_digits=12, decimal_places=2, nullable=nullable)


def now_field(*, onupdate: bool = False) -> Any:
    kwargs: dict[str, Any] = {"server_default": func.now()}
    if onupdate:
        kwargs["onupdate"] = func.now()
    return Field(default=None, sa_type=DateTime(timezone=True), nullable=False, sa_column_kwargs=kwargs)


class TableBase(SQLModel):
    """id, timestamps and a row version (for the editors' conflict check) on every table."""

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime | None = now_field()
    updated_at: datetime | None = now_field(onupdate=True)
    row_version: int = Field(default=1, nullable=False, sa_column_kwargs={"server_default": text("1")})


class SeededBase(TableBase):
    """A table that users fill: seed_batch marks demo rows, so a reset removes them and nothing else."""

    seed_batch: str | None = Field(default=None, max_length=40, index=True)
