"""The declarative entity registry: one small class per table (in the style of SQLAdmin's ModelView).

A subclass of `Entity` names its model and, optionally, which columns are listed, edited and
searched, their labels, how a row is shown in a select box, the natural key used by imports,
the roles that may view/create/edit/delete, row scopes and save hooks. Every column name is
checked when the class is created, so a typo fails at import with a message naming it.
"""

import string
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, Connection

from lib.auth.identity import Identity
from lib.models.enums import RoleName as R
from lib.registry.columns import SYSTEM_COLUMNS, ColumnInfo, model_columns, unique_keys

DOMAINS = ("People", "Training", "Grants", "Union operations", "Dues", "System")
OPERATIONS = ("view", "create", "edit", "delete")
REGISTRY: dict[str, type["Entity"]] = {}
_COLUMN_LISTS = ("list_columns", "editable_columns", "search_columns", "natural_key",
                 "required_columns", "signed_columns")


class RegistryError(TypeError):
    """A registry entry names something its model does not have."""


class Entity:
    model: ClassVar[Any] = None
    domain: ClassVar[str] = "People"
    title: ClassVar[str] = ""
    list_columns: ClassVar[tuple[str, ...]] = ()      # default: every non-system column
    editable_columns: ClassVar[tuple[str, ...] | None] = None  # default: the list columns
    search_columns: ClassVar[tuple[str, ...]] = ()
    labels: ClassVar[dict[str, str]] = {}
    help: ClassVar[dict[str, str]] = {}
    label_format: ClassVar[str] = "#{id}"            # how a row reads in a select box
    natural_key: ClassVar[tuple[str, ...]] = ()       # import matches existing rows on it
    default_sort: ClassVar[tuple[str, bool]] = ("id", False)  # (column, descending)
    date_order: ClassVar[tuple[tuple[str, str], ...]] = ()   # (earlier, later) pairs
    required_columns: ClassVar[tuple[str, ...]] = ()  # nullable in the DB, required here
    signed_columns: ClassVar[tuple[str, ...]] = ()    # numbers that may be negative
    view_roles: ClassVar[frozenset[R]] = frozenset({R.STAFF})
    create_roles: ClassVar[frozenset[R]] = frozenset({R.STAFF})
    edit_roles: ClassVar[frozenset[R]] = frozenset({R.STAFF})
    delete_roles: ClassVar[frozenset[R]] = frozenset({R.STAFF})
    disabled: ClassVar[tuple[str, ...]] = ()         # operations nobody may do here
    attachments: ClassVar[Any] = None                 # AttachmentEntity whose documents a row can hold
    columns: ClassVar[dict[str, ColumnInfo]] = {}
    table_name: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.model is None:
            return
        cls.table_name = cls.model.__tablename__
        cls.columns = model_columns(cls.model)
        cls.title = cls.title or cls.table_name.replace("_", " ").capitalize()
        cls.list_columns = cls.list_columns or tuple(c for c in cls.columns if c not in SYSTEM_COLUMNS)
        if cls.editable_columns is None:
            cls.editable_columns = tuple(c for c in cls.list_columns if c not in SYSTEM_COLUMNS)
        _validate(cls)
        if cls.table_name in REGISTRY and REGISTRY[cls.table_name].__qualname__ != cls.__qualname__:
            raise RegistryError(f"{cls.__name__}: table {cls.table_name} is already registered "
                                f"by {REGISTRY[cls.table_name].__name__}.")
        REGISTRY[cls.table_name] = cls

    # ----- reading the declaration -----
    @classmethod
    def label(cls, column: str) -> str:
        if column in cls.labels:
            return cls.labels[column]
        base = column[:-3] if column.endswith("_id") else column
        return base.replace("_", " ").capitalize()

    @classmethod
    def label_columns(cls) -> tuple[str, ...]:
        return tuple(name for _, name, _, _ in string.Formatter().parse(cls.label_format) if name)

    @classmethod
    def row_label(cls, row: dict) -> str:
        return cls.label_format.format(**{c: ("" if row.get(c) is None else row.get(c))
                                          for c in cls.label_columns()})

    @classmethod
    def unique_keys(cls) -> list[tuple[str, ...]]:
        return unique_keys(cls.model)

    @classmethod
    def is_required(cls, column: str) -> bool:
        return cls.columns[column].required or column in cls.required_columns

    @classmethod
    def roles_for(cls, operation: str) -> frozenset[R]:
        if operation in cls.disabled:
            return frozenset()
        return getattr(cls, f"{operation}_roles") | {R.ADMIN}

    @classmethod
    def can(cls, who: Identity | None, operation: str) -> bool:
        return who is not None and bool(who.roles & cls.roles_for(operation))

    # ----- hooks (override in an entry) -----
    @classmethod
    def row_filter(cls, who: Identity) -> ColumnElement | None:
        """Limit the rows this person may see and change (e.g. an instructor's own cohorts)."""
        return None

    @classmethod
    def normalize(cls, column: str, value: Any) -> Any:
        """One spelling of a typed value (after type conversion), e.g. card numbers in capitals."""
        return value

    @classmethod
    def check_row(cls, values: dict) -> list[tuple[str, str]]:
        """Extra rules across fields of one row: a list of (column, reason)."""
        return []

    @classmethod
    def before_save(cls, conn: Connection, who: Identity, operation: str, values: dict,
                    old: dict | None) -> list[tuple[str, str]]:
        """Called inside the transaction before a write; may adjust values or return errors."""
        return []

    @classmethod
    def after_save(cls, conn: Connection, who: Identity, operation: str, row_id: int,
                   values: dict) -> None:
        """Called inside the transaction after a write (e.g. to update a derived table)."""


def _validate(cls) -> None:
    known = set(cls.columns)
    problems = []
    for attr in _COLUMN_LISTS:
        problems += [f"{attr}: {name!r}" for name in getattr(cls, attr) if name not in known]
    problems += [f"labels: {name!r}" for name in cls.labels if name not in known]
    problems += [f"help: {name!r}" for name in cls.help if name not in known]
    problems += [f"label_format: {name!r}" for name in cls.label_columns() if name not in known]
    problems += [f"date_order: {name!r}" for pair in cls.date_order for name in pair if name not in known]
    if cls.default_sort[0] not in known:
        problems.append(f"default_sort: {cls.default_sort[0]!r}")
    problems += [f"editable_columns: {name!r} is a system column" for name in cls.editable_columns
                 if name in SYSTEM_COLUMNS]
    problems += [f"disabled: {op!r}" for op in cls.disabled if op not in OPERATIONS]
    if cls.domain not in DOMAINS:
        problems.append(f"domain: {cls.domain!r} is not one of {', '.join(DOMAINS)}")
    if problems:
        raise RegistryError(f"{cls.__name__} (table {cls.table_name}) names unknown columns or "
                            f"values: {'; '.join(problems)}. Columns of {cls.table_name}: "
                            f"{', '.join(sorted(known))}.")
