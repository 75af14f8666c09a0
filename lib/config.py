"""One Settings object, read once from the environment (and .env), validated at start."""

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_URL = f"sqlite:///{PROJECT_ROOT / 'data' / 'unionops.db'}"
# Used only in dev so that logins survive restarts without configuration; refused elsewhere.
DEV_COOKIE_KEY = "dev-only-cookie-key-not-for-staging-or-prod-0123456789"
GENERATE_HINT = 'python -c "import secrets; print(secrets.token_urlsafe(48))"'
PLACEHOLDER_MARKERS = ("change", "placeholder", "example", "secret", "dev-only", "xxx", "todo")
MIN_COOKIE_KEY_LENGTH = 32


def normalize_database_url(url: str) -> str:
    """Railway and Render hand out postgres:// URLs; SQLAlchemy wants an explicit psycopg2 driver."""
    url = url.strip()
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg2://" + url[len(prefix):]
    return url


def is_placeholder_secret(value: str | None) -> bool:
    if not value or len(value) < MIN_COOKIE_KEY_LENGTH:
        return True
    lowered = value.lower()
    return any(marker in lowered for marker in PLACEHOLDER_MARKERS)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    app_env: Literal["dev", "staging", "prod"] = "dev"
    database_url: str = DEFAULT_SQLITE_URL
    auth_cookie_key: SecretStr | None = None
    auth_cookie_name: str = "unionops_auth"
    auth_cookie_expiry_days: float = Field(default=1.0, gt=0, le=30)
    admin_email: str = "admin@local46.example"
    default_admin_password: SecretStr | None = None
    run_production_seed: bool = False
    s3_endpoint_url: str | None = None
    s3_bucket: str | None = None
    s3_access_key_id: str | None = None
    s3_secret_access_key: SecretStr | None = None
    s3_region: str = "us-east-1"
    upload_dir: Path = PROJECT_ROOT / "data" / "uploads"
    max_upload_mb: int = Field(default=25, gt=0, le=500)
    port: int = Field(default=8501, gt=0, lt=65536)
    local_name: str = "IBEW Local 46"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    dues_grace_days: int = Field(default=15, ge=0, le=90)
    grievance_days_per_step: dict[str, int] = {"INSIDE": 10, "RESIDENTIAL": 10, "SOUND_COMM": 15}
    # Days that grievance deadlines skip besides weekends: HOLIDAYS=2026-01-01,2026-12-25
    holidays: Annotated[tuple[date, ...], NoDecode] = ()
    grievance_due_soon_days: int = Field(default=5, ge=0, le=30)

    @field_validator("database_url", mode="before")
    @classmethod
    def _normalize_url(cls, value: str | None) -> str:
        return normalize_database_url(value) if value else DEFAULT_SQLITE_URL

    @field_validator("holidays", mode="before")
    @classmethod
    def _parse_holidays(cls, value):
        if not isinstance(value, str):
            return value
        try:
            return tuple(sorted(date.fromisoformat(part.strip()) for part in value.split(",") if part.strip()))
        except ValueError as exc:
            raise ValueError(f"HOLIDAYS must be dates like 2026-12-25, separated by commas ({exc}).") from None

    @field_validator("s3_endpoint_url", "s3_bucket", "s3_access_key_id", mode="before")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    @model_validator(mode="after")
    def _refuse_unsafe_secrets(self) -> "Settings":
        if self.app_env != "dev" and is_placeholder_secret(self.cookie_key):
            raise ValueError(
                f"AUTH_COOKIE_KEY is missing or a placeholder, which is refused when APP_ENV={self.app_env}. "
                f"Generate one with: {GENERATE_HINT} and set it once, the same on every replica."
            )
        return self

    @property
    def cookie_key(self) -> str:
        if self.auth_cookie_key is not None:
            return self.auth_cookie_key.get_secret_value()
        return DEV_COOKIE_KEY if self.app_env == "dev" else ""

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def s3_configured(self) -> bool:
        return bool(self.s3_bucket)

    def unsafe_warnings(self) -> list[str]:
        """What an operator should hear at start: settings that are missing or unsafe (never values)."""
        warnings = []
        if self.auth_cookie_key is None:
            warnings.append("AUTH_COOKIE_KEY is not set: using the documented dev key (dev only).")
        if self.default_admin_password is None:
            warnings.append("DEFAULT_ADMIN_PASSWORD is not set.")
        if self.app_env != "dev" and self.is_sqlite:
            warnings.append("DATABASE_URL points at SQLite outside dev: data lives on the container's disk.")
        if not self.s3_configured:
            warnings.append("S3 is not configured: documents are stored in the local upload folder.")
        return warnings


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
