import pytest
from pydantic import ValidationError

from lib.config import DEFAULT_SQLITE_URL, DEV_COOKIE_KEY, Settings, normalize_database_url

GOOD_KEY = "q3VhR8m1xZ0pL7tY2wK9bN4cF6gH5jS8dA1eT0uI3oP7"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@db.internal:5432/app", "postgresql+psycopg2://u:p@db.internal:5432/app"),
        ("postgresql://u:p@db.internal:5432/app", "postgresql+psycopg2://u:p@db.internal:5432/app"),
        ("postgres://u:p@h/app?sslmode=require", "postgresql+psycopg2://u:p@h/app?sslmode=require"),
        ("postgresql://u@h:6543/app?sslmode=require&connect_timeout=5",
         "postgresql+psycopg2://u@h:6543/app?sslmode=require&connect_timeout=5"),
        ("postgresql+psycopg2://u@h/app", "postgresql+psycopg2://u@h/app"),
        ("sqlite:///data/x.db", "sqlite:///data/x.db"),
        ("  postgres://u@h/app \n", "postgresql+psycopg2://u@h/app"),
    ],
)
def test_database_url_normalised(given, expected):
    assert normalize_database_url(given) == expected
    assert Settings(_env_file=None, database_url=given).database_url == expected


def test_blank_database_url_falls_back_to_sqlite_under_data(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "")
    settings = Settings(_env_file=None)
    assert settings.database_url == DEFAULT_SQLITE_URL
    assert settings.database_url.endswith("/data/unionops.db")


@pytest.mark.parametrize("env", ["staging", "prod"])
@pytest.mark.parametrize("key", [None, "", "changeme", "please-change-me-to-something-long-enough",
                                 "short-but-random-9f8e", "your-secret-key-here-your-secret-key-here"])
def test_unsafe_cookie_key_refused_outside_dev(env, key, monkeypatch):
    monkeypatch.delenv("AUTH_COOKIE_KEY", raising=False)
    kwargs = {} if key is None else {"auth_cookie_key": key}
    with pytest.raises(ValidationError) as info:
        Settings(_env_file=None, app_env=env, **kwargs)
    message = str(info.value)
    assert "AUTH_COOKIE_KEY" in message
    assert "secrets.token_urlsafe" in message


def test_real_cookie_key_accepted_in_prod_and_never_printed():
    settings = Settings(_env_file=None, app_env="prod", auth_cookie_key=GOOD_KEY)
    assert settings.cookie_key == GOOD_KEY
    assert GOOD_KEY not in repr(settings)
    assert GOOD_KEY not in str(settings.model_dump())


def test_dev_uses_documented_persistent_key(monkeypatch):
    monkeypatch.delenv("AUTH_COOKIE_KEY", raising=False)
    first = Settings(_env_file=None, app_env="dev")
    second = Settings(_env_file=None, app_env="dev")
    assert first.cookie_key == second.cookie_key == DEV_COOKIE_KEY
    assert any("AUTH_COOKIE_KEY" in w for w in first.unsafe_warnings())


def test_unknown_app_env_refused():
    with pytest.raises(ValidationError, match="app_env"):
        Settings(_env_file=None, app_env="production")


def test_settings_read_from_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://x@y/z")
    monkeypatch.setenv("APP_ENV", "staging")
    monkeypatch.setenv("AUTH_COOKIE_KEY", GOOD_KEY)
    monkeypatch.setenv("S3_BUCKET", "docs")
    settings = Settings(_env_file=None)
    assert (settings.database_url, settings.app_env, settings.s3_configured) == (
        "postgresql+psycopg2://x@y/z", "staging", True)
