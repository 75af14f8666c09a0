"""Step 1: the roles, the real first admin, and (outside prod) one demo user per role."""

from functools import lru_cache

import bcrypt
from sqlalchemy import select

from lib.auth.bootstrap import ensure_first_admin, ensure_roles
from lib.models import Role, User, UserRole
from lib.models.enums import RoleName
from seed.context import DemoUsers, SeedContext
from seed.steps.common import StepOutput

DEMO_PASSWORD = "unionops-demo"
DEMO_USERS = (
    ("staff", "staff@demo.local46.example", "Sam Okafor (demo staff)", RoleName.STAFF),
    ("leadership", "leadership@demo.local46.example", "Lena Brooks (demo leadership)", RoleName.LEADERSHIP),
    ("instructor", "instructor@demo.local46.example", "Ivan Torres (demo instructor)", RoleName.INSTRUCTOR),
    ("dues", "dues@demo.local46.example", "Dana Price (demo dues clerk)", RoleName.DUES_CLERK),
    ("grants", "grants@demo.local46.example", "Grace Lin (demo grant manager)", RoleName.GRANT_MANAGER),
)
# A fixed salt: the demo password is public anyway, and a fixed hash keeps the seed deterministic
# and fast (one bcrypt computation per process instead of one per user).
_DEMO_SALT = b"$2b$10$" + b"UnionOpsDemoSeedSalt.."


@lru_cache(maxsize=1)
def demo_password_hash() -> str:
    return bcrypt.hashpw(DEMO_PASSWORD.encode(), _DEMO_SALT).decode("ascii")


def _demo_users(ctx: SeedContext) -> DemoUsers:
    columns = ["email", "full_name", "password_hash", "is_active"]
    rows = [(email, name, demo_password_hash(), True) for _, email, name, _ in DEMO_USERS]
    user_ids = ctx.get_or_create(User, ["email"], columns, rows)
    role_ids = {name: rid for name, rid in ctx.db.execute(select(Role.name, Role.id))}
    links = [(uid, role_ids[role]) for uid, (_, _, _, role) in zip(user_ids, DEMO_USERS)]
    ctx.get_or_create(UserRole, ["user_id", "role_id"], ["user_id", "role_id"], links)
    return DemoUsers(**{key: uid for uid, (key, _, _, _) in zip(user_ids, DEMO_USERS)})


def roles_and_admin(ctx: SeedContext) -> StepOutput:
    ensure_roles(ctx.db)
    ensure_first_admin(ctx.db, ctx.settings)
    admin_email = ctx.settings.admin_email
    ctx.state.admin_user_id = ctx.db.execute(select(User.id).where(User.email == admin_email)).scalar()
    if ctx.demo_users_allowed:
        ctx.state.demo_users = _demo_users(ctx)
    demo_count = len(DEMO_USERS) if ctx.demo_users_allowed else 0
    return StepOutput({"roles": len(RoleName), "users": 1 + demo_count, "user_roles": 1 + demo_count})
