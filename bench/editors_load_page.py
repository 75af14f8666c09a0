"""Records page queries at 100,000 members: page 1, a deep page, a search, on SQLite and PostgreSQL.

    .venv/bin/python bench/editors_load_page.py [--members 100000] [--pg postgresql://postgres@127.0.0.1:5432/postgres]

Builds a throwaway database per engine (named editors_bench_*), fills members, times each query
(median of 5 runs after one warm-up) through the same functions the page calls, then drops it.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sqlalchemy import create_engine, insert, make_url, text  # noqa: E402

from lib.auth.identity import Identity  # noqa: E402
from lib.config import normalize_database_url  # noqa: E402
from lib.db import make_engine  # noqa: E402
from lib.editing.listing import PageRequest, count_rows, list_rows, page_labels  # noqa: E402
from lib.migrate import upgrade_to_head  # noqa: E402
from lib.models import Location, Member  # noqa: E402
from lib.models.enums import MemberClassification, MemberStatus, RoleName  # noqa: E402
from lib.registry import entity_for  # noqa: E402

STAFF = Identity(id=None, email="bench@local46.example", roles=frozenset({RoleName.STAFF}))
LAST = ["Smith", "Johnson", "Nguyen", "Garcia", "Okafor", "Kowalski", "Ruiz", "Chen", "Olsen", "Haddad",
        "Brown", "Murphy", "Tanaka", "Silva", "Novak", "Ivanova", "Kim", "Lopez", "Walker", "Young"]
FIRST = ["Ana", "Ben", "Chloe", "Dev", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kai", "Lena"]


def fill(engine, n: int) -> None:
    classes, statuses = list(MemberClassification), list(MemberStatus)
    with engine.begin() as conn:
        loc = conn.execute(insert(Location).values(name="Union Hall", kind="UNION_HALL").returning(Location.id)).scalar_one()
        for start in range(0, n, 10_000):
            conn.execute(insert(Member), [{
                "card_number": f"L46-{i:07d}", "first_name": FIRST[i % len(FIRST)],
                "last_name": f"{LAST[i % len(LAST)]}{i // 400}", "email": f"m{i}@example.org",
                "phone": f"206-555-{i % 10000:04d}", "classification": classes[i % len(classes)],
                "status": statuses[i % len(statuses)], "initiation_date": date(1990, 1, 1) + timedelta(days=i % 12000),
                "home_location_id": loc} for i in range(start, min(n, start + 10_000))])


def timed(fn, runs: int = 5) -> float:
    fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def page_load(engine, request: PageRequest):
    members = entity_for("members")
    count_rows(engine, STAFF, members, request)
    page = list_rows(engine, STAFF, members, request)
    page_labels(engine, members, page.rows)
    return page


def measure(name: str, url: str, n: int) -> None:
    upgrade_to_head(url)
    engine = make_engine(url)
    started = time.perf_counter()
    fill(engine, n)
    print(f"{name}: filled {n:,} members in {time.perf_counter() - started:.1f} s")
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("ANALYZE members"))
    cases = {
        "page 1 (50 rows, sorted by last name)": PageRequest(),
        "page 1000": PageRequest(page=1000),
        "search 'okafor1' (name, 5 columns)": PageRequest(search="okafor1"),
        "search card 'L46-0099999'": PageRequest(search="L46-0099999"),
        "filter classification=APPRENTICE_1": PageRequest(filters={"classification": "APPRENTICE_1"}),
    }
    for label, request in cases.items():
        print(f"{name}: {label}: {timed(lambda: page_load(engine, request)):.1f} ms")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--pg", default=os.environ.get("TEST_DATABASE_URL"))
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        measure("sqlite", f"sqlite:///{tmp}/bench.db", args.members)
    if args.pg:
        name = f"editors_bench_{uuid.uuid4().hex[:8]}"
        args.pg = normalize_database_url(args.pg)
        admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            measure("postgresql", make_url(args.pg).set(database=name).render_as_string(hide_password=False), args.members)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    print(f"load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


if __name__ == "__main__":
    main()
