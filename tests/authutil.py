"""Users for tests: insert a user with roles straight into the tables (cheap bcrypt rounds)."""

from sqlalchemy import Engine, insert, select

from lib.auth.bootstrap import ensure_roles
from lib.auth.identity import Identity
from lib.auth.passwords import hash_password
from lib.models import Role, User, UserRole
from lib.models.enums import RoleName

PASSWORD = "correct-horse-42"


def add_user(engine: Engine, email: str, *roles: RoleName, password: str = PASSWORD,
             active: bool = True, full_name: str = "") -> Identity:
    """Create the user (and the roles table if empty); returns the Identity a login would give."""
    with engine.begin() as conn:
        ensure_roles(conn)
        user_id = conn.execute(insert(User).values(
            email=email, full_name=full_name or email.split("@")[0].title(), is_active=active,
            password_hash=hash_password(password, rounds=4)).returning(User.id)).scalar_one()
        for role in roles:
            role_id = conn.execute(select(Role.id).where(Role.name == role)).scalar_one()
            conn.execute(insert(UserRole).values(user_id=user_id, role_id=role_id))
    return Identity(id=user_id, email=email, full_name=full_name or email.split("@")[0].title(),
                    roles=frozenset(roles))
