"""Time and peak memory of each report.

    .venv/bin/python bench/reports_bench.py [--url URL] [--expenses 10000] [--seed-scale N]

Builds (in a fresh SQLite file unless --url is given) a grant with --expenses expenses and
instructor hours, times the grant compliance report (the 5 s target), and, when the seed is
available (--seed-scale), times every report on the seeded data. Peak memory is measured in a
second run under tracemalloc (Python allocations), so that it does not slow the timed run.
"""

import argparse
import os
import random
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sqlalchemy import insert, select  # noqa: E402

from lib.auth.identity import SYSTEM  # noqa: E402
from lib.config import normalize_database_url  # noqa: E402
from lib.db import make_engine  # noqa: E402
from lib.migrate import upgrade_to_head  # noqa: E402
from lib.models import Cohort, Expense, Grant, GrantBudgetLine, Instructor, InstructorHours, Member  # noqa: E402
from lib.models.enums import ExpenseCategory  # noqa: E402
from lib.reports.catalog import generate  # noqa: E402

VENDORS = ["Platt Electric Supply", "Graybar Electric", "Home Depot Pro", "Klein Tools", "Fastenal",
           "Consolidated Electrical Distributors", "North Coast Electric", "Grainger Industrial Supply"]


def big_grant(engine, expenses: int) -> int:
    """A two-year grant with `expenses` expenses and 1,500 instructor-hour rows."""
    rng = random.Random(46)
    start = date(2024, 7, 1)
    with engine.begin() as conn:
        gid = conn.execute(insert(Grant).values(
            grant_number=f"G-BENCH-{expenses}", name="Bench: Pathways to the Trade", funder="Bench Foundation",
            award_amount=Decimal("5000000"), start_date=start, end_date=date(2026, 6, 30), target_enrollments=120,
            target_completions=90, target_placements=60).returning(Grant.id)).scalar_one()
        conn.execute(insert(GrantBudgetLine), [{"grant_id": gid, "category": c, "amount": Decimal("800000")}
                                               for c in ExpenseCategory])
        conn.execute(insert(Expense), [{
            "grant_id": gid, "category": rng.choice(list(ExpenseCategory)),
            "amount": Decimal(rng.randint(500, 250000)) / 100, "spent_on": start + timedelta(days=rng.randint(0, 728)),
            "vendor": rng.choice(VENDORS), "description": f"Order {i:05d}: supplies and equipment for the cohort"}
            for i in range(expenses)])
        teachers = conn.execute(insert(Instructor).returning(Instructor.id), [
            {"first_name": f"Teacher{i}", "last_name": "Bench", "email": f"t{i}-{gid}@bench.example",
             "hourly_rate": Decimal("55")} for i in range(75)]).scalars().all()
        conn.execute(insert(InstructorHours), [{
            "instructor_id": teachers[i % 75], "grant_id": gid, "worked_on": start + timedelta(days=i % 700),
            "hours": Decimal("3.5"), "rate": Decimal("55")} for i in range(1500)])
    return gid


def measure(engine, key: str, values: dict) -> tuple[float, float, float, int]:
    """Wall time, this process's CPU time (what the wall time would be on an idle machine, less the
    database server's share), peak Python memory and the PDF's size."""
    started, cpu_started = time.perf_counter(), time.process_time()
    pdf = generate(engine, SYSTEM, key, values)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    tracemalloc.start()
    generate(engine, SYSTEM, key, values)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, cpu, peak, len(pdf)


def seeded_cases(engine) -> list[tuple[str, dict]]:
    with engine.connect() as conn:
        member = conn.execute(select(Member.id).order_by(Member.id)).scalar()
        cohort = conn.execute(select(Cohort.id).order_by(Cohort.id)).scalar()
        grant = conn.execute(select(Grant.id).order_by(Grant.id)).scalar()
    today = date.today()
    return [("dues_statement", {"member_id": member, "as_of": today}), ("dues_delinquency", {"as_of": today}),
            ("cohort_roster", {"cohort_id": cohort, "as_of": today}), ("grant_compliance", {"grant_id": grant}),
            ("leadership_summary", {"month": (today.replace(day=1) - timedelta(days=1)).replace(day=1)})]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url")
    parser.add_argument("--expenses", type=int, default=10_000)
    parser.add_argument("--seed-scale", type=int, default=0)
    args = parser.parse_args()
    url = normalize_database_url(args.url) if args.url else f"sqlite:///{tempfile.mkdtemp(prefix='reports-bench-')}/bench.db"
    upgrade_to_head(url)
    engine = make_engine(url)
    cases = []
    if args.seed_scale:
        from seed.runner import run_seed
        run_seed(engine, scale=args.seed_scale)
        cases += seeded_cases(engine)
    if args.expenses:
        cases.append(("grant_compliance", {"grant_id": big_grant(engine, args.expenses)}))
    print(f"engine={engine.dialect.name} load average={os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
    for key, values in cases:
        seconds, cpu, peak, size = measure(engine, key, values)
        print(f"{key:18} {values}: {seconds:6.2f} s (CPU {cpu:5.2f} s), peak {peak:6.1f} MiB (Python), "
              f"{size / 1024:,.0f} KB, "
              f"load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
