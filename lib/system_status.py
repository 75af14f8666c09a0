"""Facts for the admin System page that are not health checks: settings (secrets as set / not set
only), sign-ins seen in the audit log, recent seed runs. No Streamlit here (see lib/ui/system_page.py)."""

from datetime import UTC, datetime, timedelta

from pydantic import SecretStr
from sqlalchemy import Engine, func, make_url, select

from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.config import Settings
from lib.models import AuditLog, SeedRun
from lib.models.enums import AuditAction
from seed.lock import utc

SECRET_WORDS = ("password", "secret", "key", "token")
SIGN_IN_WINDOW = timedelta(hours=24)


def is_secret(name: str, value) -> bool:
    return isinstance(value, SecretStr) or any(word in name for word in SECRET_WORDS)


def _shown(name: str, value) -> str:
    if is_secret(name, value):
        return "set" if value not in (None, "") else "not set"
    if name == "database_url":
        url = make_url(value)
        return url.set(password=None).render_as_string(hide_password=False) if url.password else value
    if isinstance(value, (tuple, list)):
        return ", ".join(str(v) for v in value) or "(none)"
    return "(not set)" if value is None else str(value)


def settings_rows(who: Identity, settings: Settings) -> list[dict[str, str]]:
    """Every setting as (name, value); secrets only as "set" / "not set", the database password too."""
    require(who, Action.VIEW_SYSTEM)
    rows = [{"Setting": name.upper(), "Value": _shown(name, getattr(settings, name))}
            for name in type(settings).model_fields]
    password = make_url(settings.database_url).password
    rows.append({"Setting": "DATABASE_URL password", "Value": "set" if password else "not set"})
    return rows


def recent_sign_ins(who: Identity, engine: Engine, *, window: timedelta = SIGN_IN_WINDOW) -> int:
    """People who signed in within the window on any replica (distinct emails with a LOGIN entry)."""
    require(who, Action.VIEW_SYSTEM)
    since = datetime.now(UTC) - window
    query = select(func.count(func.distinct(AuditLog.user_email))).where(
        AuditLog.action == AuditAction.LOGIN, AuditLog.occurred_at >= since)
    with engine.connect() as conn:
        return conn.execute(query).scalar_one()


def recent_seed_runs(who: Identity, engine: Engine, limit: int = 10) -> list[dict]:
    """The last seed, reset and truncate runs of every replica, newest first."""
    require(who, Action.VIEW_SYSTEM)
    query = select(SeedRun.action, SeedRun.outcome, SeedRun.scale, SeedRun.started_by, SeedRun.started_at,
                   SeedRun.duration_seconds, SeedRun.current_step, SeedRun.error).order_by(SeedRun.id.desc()).limit(limit)
    with engine.connect() as conn:
        return [dict(row, started_at=utc(row["started_at"])) for row in conn.execute(query).mappings()]
