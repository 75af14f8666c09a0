"""Benchmark: what the login and the per-click user re-check cost, on SQLite and PostgreSQL.

    .venv/bin/python bench/auth_bench.py                    # SQLite only
    TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/auth_bench.py

Prints the median and p95 of: load_identity (the re-check Home.py and require_page run on every
click, so a deactivated user stops at once), a successful login (bcrypt, 12 rounds) and a failed one
with an unknown email (checked against a dummy hash, so it costs the same and reveals nothing).
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.auth.bootstrap import ensure_roles  # noqa: E402
from lib.auth.login import attempt_login, load_identity  # noqa: E402
from lib.auth.passwords import hash_password  # noqa: E402
from lib.db import make_engine  # noqa: E402
from lib.migrate import upgrade_to_head  # noqa: E402
from lib.models import Role, User, UserRole  # noqa: E402
from lib.models.enums import RoleName  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402
from tests.dbutil import create_empty_database, drop_database, engine_kinds  # noqa: E402

PASSWORD = "bench-password-1"


def timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def prepare(url: str) -> int:
    upgrade_to_head(url)
    engine = make_engine(url)
    with engine.begin() as conn:
        ensure_roles(conn)
        user_id = conn.execute(insert(User).values(email="bench@local46.example", full_name="Bench",
                                                   password_hash=hash_password(PASSWORD)).returning(User.id)).scalar_one()
        role_id = conn.execute(select(Role.id).where(Role.name == RoleName.STAFF)).scalar_one()
        conn.execute(insert(UserRole).values(user_id=user_id, role_id=role_id))
    engine.dispose()
    return user_id


def main() -> None:
    for kind in engine_kinds():
        url = create_empty_database(kind, Path(tempfile.mkdtemp()))
        try:
            user_id = prepare(url)
            engine = make_engine(url)

            def recheck():
                with engine.connect() as conn:
                    load_identity(conn, user_id)

            for label, fn, runs in [("re-check per click", recheck, 500),
                                    ("login ok", lambda: attempt_login(engine, "bench@local46.example", PASSWORD), 10),
                                    ("unknown email", lambda: attempt_login(engine, "no@local46.example", PASSWORD), 10)]:
                median, p95 = timed(fn, runs)
                print(f"{kind:10} {label:20} median {median:7.2f} ms   p95 {p95:7.2f} ms   ({runs} runs)")
            engine.dispose()
        finally:
            drop_database(url)


if __name__ == "__main__":
    main()
