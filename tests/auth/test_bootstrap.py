import pytest
from sqlalchemy import func, select

from lib.auth.bootstrap import DEV_ADMIN_PASSWORD, FirstAdminError, ensure_first_admin
from lib.auth.passwords import verify_password
from lib.config import Settings
from lib.models import Role, User

KEY = "q3VhR8m1xZ0pL7tY2wK9bN4cF6gH5jS8dA1eT0uI3oP7"


def test_dev_first_admin_uses_documented_default_once(engine):
    settings = Settings(_env_file=None, app_env="dev")
    with engine.begin() as conn:
        assert ensure_first_admin(conn, settings) is True
        assert ensure_first_admin(conn, settings) is False
        assert conn.execute(select(func.count()).select_from(Role)).scalar_one() == 6
        user = conn.execute(select(User)).one()
    assert user.email == "admin@local46.example"
    assert verify_password(DEV_ADMIN_PASSWORD, user.password_hash)


def test_prod_without_password_refuses_to_create_admin(engine):
    settings = Settings(_env_file=None, app_env="prod", auth_cookie_key=KEY)
    with pytest.raises(FirstAdminError, match="DEFAULT_ADMIN_PASSWORD"), engine.begin() as conn:
        ensure_first_admin(conn, settings)


def test_prod_with_password_and_custom_email(engine):
    settings = Settings(_env_file=None, app_env="prod", auth_cookie_key=KEY,
                        default_admin_password="S3cure-admin-pass", admin_email="boss@ibew46.example")
    with engine.begin() as conn:
        assert ensure_first_admin(conn, settings)
        user = conn.execute(select(User)).one()
    assert user.email == "boss@ibew46.example"
    assert verify_password("S3cure-admin-pass", user.password_hash)
