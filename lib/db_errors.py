"""Turn database integrity errors into one sentence a staff member can act on."""

import re

from sqlalchemy.exc import IntegrityError

_SQLITE_PATTERNS = (
    (re.compile(r"UNIQUE constraint failed: (\w+)\.(\w+)"), "{0}.{1} must be unique: that value is already used."),
    (re.compile(r"NOT NULL constraint failed: (\w+)\.(\w+)"), "{0}.{1} is required."),
    (re.compile(r"CHECK constraint failed: (\w+)"), "A value is not allowed ({0})."),
    (re.compile(r"FOREIGN KEY constraint failed"), "A linked record does not exist, or other records still point at this one."),
)


def _explain_postgres(orig) -> str | None:
    diag = getattr(orig, "diag", None)
    code = getattr(orig, "pgcode", None)
    if diag is None or code is None:
        return None
    table, column, constraint = diag.table_name, diag.column_name, diag.constraint_name
    detail = (diag.message_detail or "").strip()
    messages = {
        "23505": f"{table}: must be unique ({constraint}). {detail}",
        "23502": f"{table}.{column} is required.",
        "23514": f"A value is not allowed ({constraint}).",
        "23503": f"A linked record does not exist, or other records still point at this one ({constraint}). {detail}",
    }
    return messages.get(code, "").strip() or None


def _explain_sqlite(text: str) -> str | None:
    for pattern, template in _SQLITE_PATTERNS:
        match = pattern.search(text)
        if match:
            return template.format(*match.groups())
    return None


def explain_integrity_error(exc: IntegrityError) -> str:
    """A one-line reason naming the table, column or constraint; never a traceback."""
    orig = exc.orig
    return _explain_postgres(orig) or _explain_sqlite(str(orig)) or f"The database refused the change: {orig}"
