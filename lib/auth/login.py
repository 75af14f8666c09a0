"""Checking a login against the users table: lockout, the attempt log (audit rows) and who a user is now."""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, func, select, update

from lib.audit import record_audit
from lib.auth.identity import Identity
from lib.auth.passwords import MAX_PASSWORD_BYTES, verify_password
from lib.metrics import count_login
from lib.models import Role, User, UserRole
from lib.models.enums import AuditAction, RoleName

log = logging.getLogger(__name__)

MAX_FAILED_LOGINS = 5
LOCKOUT_MINUTES = 15
WRONG_CREDENTIALS = "Email or password is incorrect."
# Compared against for unknown emails, so a wrong email costs the same time as a wrong password.
_DUMMY_HASH = "$2b$12$uMo.rRJeuJx9xn/CrTz6c.Jt/TI5foKUzgCnaofyMr.5GVFE9Vv.e"


@dataclass(frozen=True)
class LoginResult:
    identity: Identity | None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.identity is not None


def now_utc() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime | None) -> datetime | None:
    """SQLite hands timestamps back without a zone; they were stored in UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def load_identity(conn: Connection, user_id: int) -> Identity | None:
    """The user as they are now (one query): None if missing, deactivated or without any role."""
    rows = conn.execute(
        select(User.email, User.full_name, User.is_active, Role.name)
        .select_from(User).outerjoin(UserRole, UserRole.user_id == User.id)
        .outerjoin(Role, Role.id == UserRole.role_id).where(User.id == user_id)).all()
    if not rows or not rows[0].is_active:
        return None
    roles = frozenset(RoleName(r.name) for r in rows if r.name is not None)
    if not roles:
        return None
    return Identity(id=user_id, email=rows[0].email, full_name=rows[0].full_name, roles=roles)


def find_user(conn: Connection, email: str):
    """The user's login fields as a row (id, email, password_hash, is_active, locked_until, password_changed_at)."""
    query = select(User.id, User.email, User.password_hash, User.is_active, User.locked_until,
                   User.password_changed_at).where(func.lower(User.email) == email.strip().lower())
    return conn.execute(query).first()


def lockout_message(locked_until: datetime) -> str:
    minutes = max(1, round((locked_until - now_utc()).total_seconds() / 60))
    return (f"This account is locked for {minutes} more minute{'s' if minutes != 1 else ''} after "
            f"{MAX_FAILED_LOGINS} failed logins (until {locked_until:%H:%M} UTC). Ask an admin if it is urgent.")


def _fail(conn: Connection, email: str, user_id: int | None, reason: str, ip: str | None) -> None:
    who = Identity(id=user_id, email=email)
    record_audit(conn, who, AuditAction.LOGIN_FAILED, table="users", row_id=user_id,
                 detail=f"{reason}; from {ip or 'unknown address'}")
    log.info("login failed for %s: %s (from %s)", email, reason, ip or "unknown")


def _count_failure(conn: Connection, user, ip: str | None) -> str:
    """Add one failed login; the fifth in a row locks the account for LOCKOUT_MINUTES."""
    count = conn.execute(update(User).where(User.id == user.id)
                         .values(failed_login_count=User.failed_login_count + 1)
                         .returning(User.failed_login_count)).scalar_one()
    _fail(conn, user.email, user.id, f"wrong password ({count} in a row)", ip)
    if count < MAX_FAILED_LOGINS:
        return WRONG_CREDENTIALS
    until = now_utc() + timedelta(minutes=LOCKOUT_MINUTES)
    conn.execute(update(User).where(User.id == user.id).values(locked_until=until, failed_login_count=0))
    record_audit(conn, Identity(id=user.id, email=user.email), AuditAction.LOCKOUT, table="users",
                 row_id=user.id, detail=f"{MAX_FAILED_LOGINS} failed logins; locked until {until:%Y-%m-%d %H:%M} UTC")
    log.warning("account %s locked for %d minutes after %d failed logins", user.email, LOCKOUT_MINUTES,
                MAX_FAILED_LOGINS)
    return lockout_message(until)


def _succeed(conn: Connection, user, ip: str | None) -> LoginResult:
    identity = load_identity(conn, user.id)
    if identity is None:
        _fail(conn, user.email, user.id, "account has no role", ip)
        return LoginResult(None, "This account has no role yet. Ask an admin to assign one.")
    conn.execute(update(User).where(User.id == user.id)
                 .values(failed_login_count=0, locked_until=None, last_login_at=now_utc()))
    record_audit(conn, identity, AuditAction.LOGIN, table="users", row_id=user.id,
                 detail=f"from {ip or 'unknown address'}")
    log.info("login: %s (from %s)", user.email, ip or "unknown")
    return LoginResult(identity)


def check_login(conn: Connection, email: str, password: str, ip: str | None = None) -> LoginResult:
    """One login attempt, written to the audit log whatever its outcome (inside the caller's transaction)."""
    email = (email or "").strip().lower()
    if not email or not password:
        return LoginResult(None, "Enter your email and password.")
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        return LoginResult(None, f"Passwords are at most {MAX_PASSWORD_BYTES} bytes; this one is longer.")
    user = find_user(conn, email)
    if user is None:
        verify_password(password, _DUMMY_HASH)
        _fail(conn, email, None, "unknown email", ip)
        return LoginResult(None, WRONG_CREDENTIALS)
    locked_until = as_utc(user.locked_until)
    if locked_until and locked_until > now_utc():
        _fail(conn, email, user.id, "account locked", ip)
        return LoginResult(None, lockout_message(locked_until))
    if not verify_password(password, user.password_hash):
        return LoginResult(None, _count_failure(conn, user, ip))
    if not user.is_active:
        _fail(conn, email, user.id, "account deactivated", ip)
        return LoginResult(None, "This account is deactivated. Ask an admin if you need access again.")
    return _succeed(conn, user, ip)


def attempt_login(engine: Engine, email: str, password: str, ip: str | None = None) -> LoginResult:
    with engine.begin() as conn:
        result = check_login(conn, email, password, ip)
    count_login(result.ok)  # /metrics: unionops_logins_total{outcome="success"|"failure"}
    return result


def record_logout(engine: Engine, who: Identity) -> None:
    with engine.begin() as conn:
        record_audit(conn, who, AuditAction.LOGOUT, table="users", row_id=who.id)
    log.info("logout: %s", who.email)
