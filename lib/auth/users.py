"""Managing users (admin) and one's own password: every change checked, audited, never a hash in the log."""

import re
from datetime import datetime

from sqlalchemy import Connection, delete, desc, func, insert, select, update

from lib.audit import record_audit
from lib.auth.identity import Identity
from lib.auth.login import as_utc, now_utc
from lib.auth.passwords import PasswordPolicyError, hash_password, verify_password
from lib.auth.permissions import Action, require
from lib.models import AuditLog, Role, User, UserRole
from lib.models.enums import AuditAction, RoleName

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LOGIN_ACTIONS = (AuditAction.LOGIN, AuditAction.LOGIN_FAILED, AuditAction.LOCKOUT, AuditAction.LOGOUT)


class UserAdminError(ValueError):
    """A change that cannot be made; the message says why, in the user's words."""


def list_users(conn: Connection, who: Identity) -> list[dict]:
    """Every user with their roles, in the order they were created (two small queries)."""
    require(who, Action.MANAGE_USERS)
    pairs = conn.execute(select(UserRole.user_id, Role.name).join(Role, Role.id == UserRole.role_id)).all()
    roles: dict[int, list[str]] = {}
    for user_id, name in pairs:
        roles.setdefault(user_id, []).append(RoleName(name).value)
    query = select(User.id, User.email, User.full_name, User.is_active, User.last_login_at,
                   User.locked_until).order_by(User.id)
    return [dict(row._mapping) | {"roles": ", ".join(sorted(roles.get(row.id, []))),
                                  "locked_until": _still_locked(row.locked_until)} for row in conn.execute(query)]


def _still_locked(locked_until: datetime | None) -> datetime | None:
    moment = as_utc(locked_until)
    return moment if moment and moment > now_utc() else None


def roles_of(conn: Connection, user_id: int) -> set[RoleName]:
    query = select(Role.name).join(UserRole, UserRole.role_id == Role.id).where(UserRole.user_id == user_id)
    return {RoleName(name) for name in conn.execute(query).scalars()}


def _user(conn: Connection, user_id: int):
    row = conn.execute(select(User.id, User.email, User.is_active).where(User.id == user_id)).first()
    if row is None:
        raise UserAdminError("That user no longer exists; reload the page.")
    return row


def _active_admins(conn: Connection) -> set[int]:
    query = (select(User.id).join(UserRole, UserRole.user_id == User.id).join(Role, Role.id == UserRole.role_id)
             .where(Role.name == RoleName.ADMIN, User.is_active.is_(True)))
    return set(conn.execute(query).scalars())


def _keep_an_admin(conn: Connection, user_id: int) -> None:
    if _active_admins(conn) == {user_id}:
        raise UserAdminError("This is the only active admin; make someone else admin first.")


def _check_new_user(conn: Connection, email: str, full_name: str, roles: set[RoleName]) -> None:
    if not EMAIL_PATTERN.match(email):
        raise UserAdminError(f"“{email}” is not an email address.")
    if not full_name.strip():
        raise UserAdminError("Enter the person's name.")
    if not roles:
        raise UserAdminError("Choose at least one role.")
    if conn.execute(select(User.id).where(func.lower(User.email) == email)).first():
        raise UserAdminError(f"A user with the email {email} already exists.")


def _password_hash(password: str) -> str:
    try:
        return hash_password(password)
    except PasswordPolicyError as exc:
        raise UserAdminError(str(exc)) from None


def create_user(conn: Connection, who: Identity, email: str, full_name: str, password: str,
                roles: set[RoleName]) -> int:
    require(who, Action.MANAGE_USERS)
    email = email.strip().lower()
    _check_new_user(conn, email, full_name, roles)
    user_id = conn.execute(insert(User).values(
        email=email, full_name=full_name.strip(), password_hash=_password_hash(password),
        password_changed_at=now_utc()).returning(User.id)).scalar_one()
    _write_roles(conn, user_id, roles)
    record_audit(conn, who, AuditAction.CREATE, table="users", row_id=user_id,
                 after={"email": email, "full_name": full_name.strip(), "roles": sorted(roles)})
    return user_id


def _write_roles(conn: Connection, user_id: int, roles: set[RoleName]) -> None:
    conn.execute(delete(UserRole).where(UserRole.user_id == user_id))
    ids = conn.execute(select(Role.id).where(Role.name.in_(list(roles)))).scalars().all()
    if ids:
        conn.execute(insert(UserRole), [{"user_id": user_id, "role_id": role_id} for role_id in ids])


def set_roles(conn: Connection, who: Identity, user_id: int, roles: set[RoleName]) -> None:
    require(who, Action.MANAGE_USERS)
    user = _user(conn, user_id)
    before = roles_of(conn, user_id)
    if not roles:
        raise UserAdminError("Choose at least one role (deactivate the user to take all access away).")
    if RoleName.ADMIN in before and RoleName.ADMIN not in roles:
        _keep_an_admin(conn, user_id)
    if before == roles:
        return
    _write_roles(conn, user_id, roles)
    record_audit(conn, who, AuditAction.UPDATE, table="users", row_id=user_id, detail=f"roles of {user.email}",
                 before={"roles": sorted(before)}, after={"roles": sorted(roles)})


def reset_password(conn: Connection, who: Identity, user_id: int, new_password: str) -> None:
    """An admin sets a new password; it also lifts a lockout and ends the user's saved logins."""
    require(who, Action.MANAGE_USERS)
    user = _user(conn, user_id)
    conn.execute(update(User).where(User.id == user_id).values(
        password_hash=_password_hash(new_password), password_changed_at=now_utc(),
        failed_login_count=0, locked_until=None))
    record_audit(conn, who, AuditAction.UPDATE, table="users", row_id=user_id,
                 detail=f"password of {user.email} reset by an admin")


def set_active(conn: Connection, who: Identity, user_id: int, active: bool) -> None:
    """Deactivate (their open sessions stop at their next action) or reactivate a user."""
    require(who, Action.MANAGE_USERS)
    user = _user(conn, user_id)
    if not active and user_id == who.id:
        raise UserAdminError("You cannot deactivate yourself.")
    if not active:
        _keep_an_admin(conn, user_id)
    if user.is_active == active:
        return
    conn.execute(update(User).where(User.id == user_id).values(is_active=active))
    record_audit(conn, who, AuditAction.UPDATE, table="users", row_id=user_id, detail=user.email,
                 before={"is_active": user.is_active}, after={"is_active": active})


def unlock(conn: Connection, who: Identity, user_id: int) -> None:
    require(who, Action.MANAGE_USERS)
    user = _user(conn, user_id)
    conn.execute(update(User).where(User.id == user_id).values(failed_login_count=0, locked_until=None))
    record_audit(conn, who, AuditAction.UPDATE, table="users", row_id=user_id, detail=f"unlocked {user.email}")


def change_own_password(conn: Connection, who: Identity, current: str, new: str, confirm: str) -> None:
    require(who, Action.CHANGE_OWN_PASSWORD)
    stored = conn.execute(select(User.password_hash).where(User.id == who.id)).scalar_one_or_none()
    if stored is None or not verify_password(current, stored):
        raise UserAdminError("Your current password is not correct.")
    if new != confirm:
        raise UserAdminError("The new password and its confirmation differ.")
    if new == current:
        raise UserAdminError("The new password is the same as the current one.")
    conn.execute(update(User).where(User.id == who.id).values(
        password_hash=_password_hash(new), password_changed_at=now_utc()))
    record_audit(conn, who, AuditAction.UPDATE, table="users", row_id=who.id, detail="changed own password")


def login_attempts(conn: Connection, who: Identity, limit: int = 50) -> list[dict]:
    """The latest logins, failures, lockouts and logouts (the login attempt log)."""
    require(who, Action.MANAGE_USERS)
    query = (select(AuditLog.occurred_at, AuditLog.action, AuditLog.user_email, AuditLog.detail)
             .where(AuditLog.action.in_(LOGIN_ACTIONS)).order_by(desc(AuditLog.id)).limit(limit))
    return [dict(row._mapping) for row in conn.execute(query)]
