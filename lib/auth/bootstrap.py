"""The roles and the first admin: created at start (and by seed step 1) when missing."""

import logging

from sqlalchemy import Connection, func, insert, select

from lib.auth.passwords import hash_password
from lib.config import Settings
from lib.models import Role, User, UserRole
from lib.models.enums import RoleName

log = logging.getLogger(__name__)

DEV_ADMIN_PASSWORD = "unionops-dev-admin"
ROLE_DESCRIPTIONS = {
    RoleName.ADMIN: "Everything, including users, seed and system status",
    RoleName.STAFF: "Records, documents, reports and dashboards",
    RoleName.LEADERSHIP: "Dashboards and reports, read-only",
    RoleName.INSTRUCTOR: "Attendance and grades of their own cohorts",
    RoleName.DUES_CLERK: "Dues payments, adjustments and period closing",
    RoleName.GRANT_MANAGER: "Grants, expenses and instructor hours",
}


class FirstAdminError(RuntimeError):
    """No admin exists and none can be created safely."""


def ensure_roles(conn: Connection) -> int:
    """Insert the roles that are missing; returns how many were added."""
    existing = set(conn.execute(select(Role.name)).scalars())
    missing = [{"name": r, "description": d} for r, d in ROLE_DESCRIPTIONS.items() if r not in existing]
    if missing:
        conn.execute(insert(Role), missing)
    return len(missing)


def admin_exists(conn: Connection) -> bool:
    query = (select(func.count()).select_from(UserRole)
             .join(Role, Role.id == UserRole.role_id).join(User, User.id == UserRole.user_id)
             .where(Role.name == RoleName.ADMIN, User.is_active.is_(True)))
    return conn.execute(query).scalar_one() > 0


def first_admin_password(settings: Settings) -> tuple[str, bool]:
    """(password, is_dev_default). In prod a missing DEFAULT_ADMIN_PASSWORD stops the start."""
    if settings.default_admin_password is not None:
        return settings.default_admin_password.get_secret_value(), False
    if settings.app_env == "prod":
        raise FirstAdminError(
            "No admin exists and DEFAULT_ADMIN_PASSWORD is not set. Set it (8 to 72 bytes) for the "
            "first start; the admin can change it after logging in."
        )
    return DEV_ADMIN_PASSWORD, True


def ensure_first_admin(conn: Connection, settings: Settings) -> bool:
    """Create the roles, and the admin user when no active admin exists. True if one was created."""
    ensure_roles(conn)
    if admin_exists(conn):
        return False
    password, is_default = first_admin_password(settings)
    user_id = conn.execute(select(User.id).where(User.email == settings.admin_email)).scalar()
    if user_id is None:
        user_id = conn.execute(insert(User).values(
            email=settings.admin_email, full_name="Administrator",
            password_hash=hash_password(password)).returning(User.id)).scalar_one()
    role_id = conn.execute(select(Role.id).where(Role.name == RoleName.ADMIN)).scalar_one()
    conn.execute(insert(UserRole).values(user_id=user_id, role_id=role_id))
    log.warning("created the first admin %s%s", settings.admin_email,
                " with the documented dev password" if is_default else "")
    return True
