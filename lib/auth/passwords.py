"""bcrypt used directly (passlib broke with bcrypt 4+; bcrypt 5 raises on passwords over 72 bytes)."""

import bcrypt

MIN_PASSWORD_BYTES = 8
MAX_PASSWORD_BYTES = 72


class PasswordPolicyError(ValueError):
    """The password is outside what the local accepts; the message says why."""


def check_password_policy(password: str) -> None:
    size = len(password.encode("utf-8"))
    if size < MIN_PASSWORD_BYTES:
        raise PasswordPolicyError(f"The password must be at least {MIN_PASSWORD_BYTES} characters long.")
    if size > MAX_PASSWORD_BYTES:
        raise PasswordPolicyError(
            f"The password is {size} bytes long; the limit is {MAX_PASSWORD_BYTES} bytes "
            "(accented letters and emoji count as 2-4 bytes each)."
        )


def hash_password(password: str, rounds: int = 12) -> str:
    check_password_policy(password)
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds)).decode("ascii")


def verify_password(password: str, password_hash: str) -> bool:
    """False for a wrong password, an over-long one or a malformed hash; never raises."""
    encoded = password.encode("utf-8")
    if len(encoded) > MAX_PASSWORD_BYTES or not password_hash:
        return False
    try:
        return bcrypt.checkpw(encoded, password_hash.encode("ascii"))
    except ValueError:
        return False
