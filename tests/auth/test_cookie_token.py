"""The login cookie: only a well-signed, unexpired token of a user who may still log in is honoured."""

import base64
import json
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from sqlalchemy import update

from lib.auth.cookie_token import decode_token, identity_from_token, make_token
from lib.auth.login import record_logout
from lib.models import User
from lib.models.enums import RoleName as R
from tests.authutil import add_user

KEY = "k7Jd0s9QwZ3xLp5Vb8Nm2Rt6Yh1Ug4Fe0Ca7Wq3Ei9O"
EMAIL = "staff@local46.example"


def _tampered(token: str) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["username"] = "admin@local46.example"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return f"{header}.{forged}.{signature}"


def test_a_good_token_decodes():
    assert decode_token(make_token(EMAIL, KEY, 1), KEY)["username"] == EMAIL


@pytest.mark.parametrize("token", [
    make_token(EMAIL, "another-key-0123456789-0123456789-abcd", 1),
    _tampered(make_token(EMAIL, KEY, 1)),
    make_token(EMAIL, KEY, 1, now=datetime.now(UTC) - timedelta(days=2)),  # expired
    jwt.encode({"username": EMAIL, "exp": 1}, KEY, algorithm="HS256"),  # PyJWT's own expiry claim, expired
    jwt.encode({"username": EMAIL}, KEY, algorithm="HS256"),  # no expiry at all
    "a.b.c",
    "not-a-jwt", "", None,
], ids=["other-key", "tampered", "expired", "jwt-exp", "no-expiry", "garbage", "not-jwt", "empty", "none"])
def test_anything_else_is_refused_without_raising(token):
    assert decode_token(token, KEY) is None


def test_an_unsigned_token_is_refused():
    unsigned = jwt.encode({"username": EMAIL, "exp_date": 9e12}, key=None, algorithm="none")
    assert decode_token(unsigned, KEY) is None


def test_logout_password_change_and_deactivation_end_cookies_issued_before(engine):
    who = add_user(engine, EMAIL, R.STAFF)
    payload = decode_token(make_token(EMAIL, KEY, 1), KEY)
    with engine.connect() as conn:
        assert identity_from_token(conn, payload, 1) == who
    record_logout(engine, who)
    with engine.connect() as conn:
        assert identity_from_token(conn, payload, 1) is None
        fresh = decode_token(make_token(EMAIL, KEY, 1), KEY)
        assert identity_from_token(conn, fresh, 1) == who  # a login after the logout works
    with engine.begin() as conn:
        conn.execute(update(User).values(password_changed_at=datetime.now(UTC)))
        assert identity_from_token(conn, fresh, 1) is None
    later = decode_token(make_token(EMAIL, KEY, 1), KEY)
    with engine.begin() as conn:
        assert identity_from_token(conn, later, 1) == who
        conn.execute(update(User).values(is_active=False))
        assert identity_from_token(conn, later, 1) is None
