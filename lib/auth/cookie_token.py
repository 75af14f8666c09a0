"""The login cookie's token (streamlit-authenticator's format: HS256 JWT with username and exp_date).

Read here rather than by the library, which prints every bad token on every run and lets some
JWT errors through as tracebacks. A token is honoured only while the user is active and has not
logged out or changed password since it was issued, so logout ends the cookie server-side too.
"""

import logging
from datetime import UTC, datetime, timedelta

import jwt
from sqlalchemy import Connection, exists, select

from lib.auth.identity import Identity
from lib.auth.login import as_utc, find_user, load_identity
from lib.models import AuditLog
from lib.models.enums import AuditAction

log = logging.getLogger(__name__)


def make_token(email: str, key: str, expiry_days: float, now: datetime | None = None) -> str:
    """A token as streamlit-authenticator writes it (used by tests and the browser helper)."""
    expires = (now or datetime.now(UTC)) + timedelta(days=expiry_days)
    return jwt.encode({"username": email, "exp_date": expires.timestamp()}, key, algorithm="HS256")


def decode_token(token: str | None, key: str) -> dict | None:
    """The payload of a well-signed, unexpired token; None for anything else (never raises)."""
    if not token or not key:
        return None
    try:
        payload = jwt.decode(token, key, algorithms=["HS256"])
    except jwt.InvalidTokenError:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("username"), str):
        return None
    expires = payload.get("exp_date")
    if not isinstance(expires, (int, float)) or expires <= datetime.now(UTC).timestamp():
        return None
    return payload


def issued_at(payload: dict, expiry_days: float) -> datetime:
    return datetime.fromtimestamp(payload["exp_date"], UTC) - timedelta(days=expiry_days)


def _logged_out_since(conn: Connection, user_id: int, since: datetime) -> bool:
    query = select(exists().where(AuditLog.user_id == user_id, AuditLog.action == AuditAction.LOGOUT,
                                  AuditLog.occurred_at > since))
    return conn.execute(query).scalar_one()


def identity_from_token(conn: Connection, payload: dict, expiry_days: float) -> Identity | None:
    """Who the cookie speaks for, if it still may: active, roles, no logout or new password since."""
    user = find_user(conn, payload["username"])
    if user is None:
        return None
    since = issued_at(payload, expiry_days)
    changed = as_utc(user.password_changed_at)
    if (changed and changed > since) or _logged_out_since(conn, user.id, since):
        return None
    return load_identity(conn, user.id)
