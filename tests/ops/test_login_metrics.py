"""/metrics counts logins by outcome: one per attempt, whatever the reason of a failure."""

from prometheus_client import REGISTRY

from lib.auth.login import MAX_FAILED_LOGINS, attempt_login
from lib.models.enums import RoleName as R
from tests.authutil import PASSWORD, add_user

EMAIL = "clerk@local46.example"


def logins(outcome: str) -> float:
    return REGISTRY.get_sample_value("unionops_logins_total", {"outcome": outcome}) or 0.0


def test_each_login_attempt_is_counted_once_by_outcome(engine):
    add_user(engine, EMAIL, R.STAFF)
    success, failure = logins("success"), logins("failure")
    assert attempt_login(engine, EMAIL, PASSWORD).ok
    assert not attempt_login(engine, EMAIL, "wrong password").ok
    assert not attempt_login(engine, "nobody@local46.example", PASSWORD).ok
    assert (logins("success") - success, logins("failure") - failure) == (1, 2)


def test_attempts_on_a_locked_account_count_as_failures(engine):
    add_user(engine, EMAIL, R.STAFF)
    for _ in range(MAX_FAILED_LOGINS):
        attempt_login(engine, EMAIL, "wrong password")
    success, failure = logins("success"), logins("failure")
    assert not attempt_login(engine, EMAIL, PASSWORD).ok  # right password, but locked
    assert (logins("success") - success, logins("failure") - failure) == (0, 1)
