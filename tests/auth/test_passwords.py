import pytest

from lib.auth.passwords import PasswordPolicyError, hash_password, verify_password


def test_hash_and_verify():
    hashed = hash_password("correct horse", rounds=4)
    assert hashed.startswith("$2b$")
    assert verify_password("correct horse", hashed)
    assert not verify_password("wrong horse!", hashed)


@pytest.mark.parametrize(("password", "reason"), [("short", "at least 8"), ("x" * 73, "limit is 72 bytes"),
                                                  ("é" * 37, "74 bytes")])
def test_policy_refuses_with_a_reason(password, reason):
    with pytest.raises(PasswordPolicyError, match=reason):
        hash_password(password, rounds=4)


def test_verify_never_raises_on_bad_input():
    hashed = hash_password("correct horse", rounds=4)
    assert not verify_password("y" * 100, hashed)
    assert not verify_password("correct horse", "not-a-hash")
    assert not verify_password("correct horse", "")
