"""What the registry and the validator need to know about one column, read from the model."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from pydantic_core import PydanticUndefined
from sqlalchemy import Boolean, Date, DateTime, Enum as SAEnum, Integer, Float, Numeric, String, TypeDecorator

# Columns every table has that people never type into.
SYSTEM_COLUMNS = ("id", "created_at", "updated_at", "row_version", "seed_batch")


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    kind: str  # "str", "int", "float", "decimal", "date", "datetime", "bool", "enum", "json"
    nullable: bool
    required: bool  # an insert must give a value (no default anywhere)
    max_length: int | None = None
    max_digits: int | None = None
    decimal_places: int | None = None
    enum_class: type[Enum] | None = None
    fk_table: str | None = None
    unique: bool = False

    @property
    def python_type(self) -> type:
        return {"str": str, "int": int, "float": float, "decimal": Decimal, "date": date, "datetime": datetime,
                "bool": bool}.get(self.kind, object)


def _kind(sa_type) -> str:
    if isinstance(sa_type, SAEnum):
        return "enum"
    for cls, kind in ((Boolean, "bool"), (DateTime, "datetime"), (Date, "date"), (Integer, "int"),
                      (Float, "float"), (Numeric, "decimal"), (String, "str")):
        if isinstance(sa_type, cls):
            return kind
    return "json"


def _has_default(model, column) -> bool:
    field = model.model_fields.get(column.name)
    model_default = field is not None and (field.default is not PydanticUndefined
                                           or field.default_factory is not None)
    return model_default or column.server_default is not None or column.default is not None


def column_info(model, column) -> ColumnInfo:
    sa_type = column.type
    if isinstance(sa_type, TypeDecorator):  # sqlmodel's AutoString wraps a String
        sa_type = sa_type.impl_instance
    kind = _kind(sa_type)
    fk = next(iter(column.foreign_keys), None)
    return ColumnInfo(
        name=column.name, kind=kind, nullable=bool(column.nullable),
        required=not column.nullable and not _has_default(model, column) and not column.primary_key,
        max_length=getattr(sa_type, "length", None) if kind == "str" else None,
        max_digits=getattr(sa_type, "precision", None) if kind == "decimal" else None,
        decimal_places=getattr(sa_type, "scale", None) if kind == "decimal" else None,
        enum_class=getattr(sa_type, "enum_class", None) if kind == "enum" else None,
        fk_table=fk.column.table.name if fk is not None else None,
        unique=bool(column.unique),
    )


def model_columns(model) -> dict[str, ColumnInfo]:
    table = model.__table__
    return {c.name: column_info(model, c) for c in table.columns}


def unique_keys(model) -> list[tuple[str, ...]]:
    """Every set of columns that must be unique together (single-column uniques included)."""
    from sqlalchemy import UniqueConstraint

    table = model.__table__
    keys = [(c.name,) for c in table.columns if c.unique]
    keys += [tuple(c.name for c in con.columns) for con in table.constraints
             if isinstance(con, UniqueConstraint) and tuple(c.name for c in con.columns) not in keys]
    return keys
