"""Benchmark: the standing of every member at once (standing_select) at scale 100 on PostgreSQL.

    .venv/bin/python bench/standing_bench.py                 # generate once (if missing), then time
    .venv/bin/python bench/standing_bench.py --regenerate    # drop and rebuild the bench database
    BENCH_DATABASE_URL=postgresql://... to use another server (default: local, db unionops_ledger_bench)
    .venv/bin/python bench/standing_bench.py --database unionops_dash_bench_s100 --as-of 2026-12-06
                                                             # time an existing (seeded) database as is

Scale 100: 100,000 members initiated 1995-2025, a decade of monthly periods (Dec 2016 - Nov 2026),
yearly rate rises for every classification, 20% of members with a classification change, and
about 10 million payments (most members pay every month; one in ten stops paying 1-30 months ago).
Target: under 1 s on PostgreSQL. Prints the load average next to each figure (the machine is shared).
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, func, make_url, select, text  # noqa: E402

from lib.db import make_engine  # noqa: E402
from lib.dues.credits import rebuild_member_credits  # noqa: E402
from lib.dues.standing_sql import standing_select  # noqa: E402
from lib.migrate import upgrade_to_head  # noqa: E402

SERVER = os.environ.get("BENCH_DATABASE_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres")
NAME = "unionops_ledger_bench"
AS_OF = date(2026, 11, 22)
MEMBERS = 100_000

GENERATE = [
    """INSERT INTO dues_periods (period_month, is_closed, seed_batch)
       SELECT (date '2016-12-01' + make_interval(months => g))::date, g < 100, 'bench'
       FROM generate_series(0, 119) g""",
    # Every classification gets a rate each January from 2016, 2% higher each year.
    """INSERT INTO dues_rates (classification, monthly_amount, effective_from, effective_to, seed_batch)
       SELECT c, round((30 + k * 4) * power(1.02, y - 2016)::numeric, 2), make_date(y, 1, 1),
              CASE WHEN y < 2026 THEN make_date(y, 12, 31) END, 'bench'
       FROM unnest(ARRAY['JOURNEYMAN_WIREMAN','APPRENTICE_1','APPRENTICE_2','APPRENTICE_3','APPRENTICE_4',
                         'APPRENTICE_5','RESIDENTIAL_WIREMAN','SOUND_COMM_TECHNICIAN','MATERIAL_HANDLER','RETIRED'])
            WITH ORDINALITY AS t(c, k), generate_series(2016, 2026) y""",
    """INSERT INTO members (card_number, first_name, last_name, classification, status, status_effective_on,
                           initiation_date, seed_batch)
       SELECT 'B' || i, 'Bench', 'Member' || i,
              (ARRAY['JOURNEYMAN_WIREMAN','APPRENTICE_1','APPRENTICE_2','APPRENTICE_3','APPRENTICE_4',
                     'APPRENTICE_5','RESIDENTIAL_WIREMAN','SOUND_COMM_TECHNICIAN','MATERIAL_HANDLER',
                     'JOURNEYMAN_WIREMAN'])[1 + i % 10],
              CASE WHEN i % 33 = 0 THEN 'RETIRED' WHEN i % 101 = 0 THEN 'DECEASED' ELSE 'ACTIVE' END,
              CASE WHEN i % 33 = 0 OR i % 101 = 0 THEN date '2017-01-01' + (i * 37 % 3500) END,
              date '1995-01-01' + (i * 7919 % 11300), 'bench'
       FROM generate_series(1, {MEMBERS}) i""".replace("{MEMBERS}", str(MEMBERS)),
    # One in five members changed from apprentice to journeyman wireman: history starts at initiation.
    """INSERT INTO member_classification_changes (member_id, classification, effective_from, seed_batch)
       SELECT id, 'APPRENTICE_3', initiation_date, 'bench' FROM members WHERE id % 5 = 0
       UNION ALL
       SELECT id, 'JOURNEYMAN_WIREMAN', initiation_date + 400 + (id % 2000), 'bench' FROM members WHERE id % 5 = 0""",
    # One payment per owed month on the 10th; one member in ten stops paying (id % 30) months ago.
    """INSERT INTO dues_payments (member_id, period_id, amount, method, paid_on, seed_batch)
       SELECT m.id, p.id, 52.00, 'PAYROLL_DEDUCTION', p.period_month + 9, 'bench'
       FROM members m JOIN dues_periods p
         ON p.period_month >= date_trunc('month', m.initiation_date)
        AND p.period_month <= COALESCE(m.status_effective_on, date '2026-11-01')
        AND p.period_month < date '2026-11-01' - make_interval(months => CASE WHEN m.id % 10 = 3 THEN m.id % 30 ELSE 0 END)""",
    """INSERT INTO dues_adjustments (member_id, period_id, amount, reason, seed_batch)
       SELECT m.id, (SELECT id FROM dues_periods ORDER BY period_month DESC LIMIT 1 OFFSET 5), 25.00,
              'Bench hardship credit', 'bench' FROM members m WHERE m.id % 50 = 0""",
]


def bench_url(name: str = NAME) -> str:
    return make_url(SERVER).set(database=name).render_as_string(hide_password=False)


def generate(regenerate: bool) -> None:
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": NAME}).first()
        if exists and not regenerate:
            return
        conn.execute(text(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{NAME}"'))
    admin.dispose()
    upgrade_to_head(bench_url())
    engine = make_engine(bench_url())
    for step, sql in enumerate(GENERATE, 1):
        started = time.perf_counter()
        with engine.begin() as conn:
            # Bulk load without per-row FK checks and triggers (the data is consistent by construction);
            # the maintained credit totals are rebuilt once at the end.
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            conn.execute(text(sql))
        print(f"generate step {step}/{len(GENERATE)}: {time.perf_counter() - started:.1f} s", flush=True)
    with engine.begin() as conn:
        rebuild_member_credits(conn)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    engine.dispose()


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def backend_cpu_seconds(conn) -> float:
    """CPU time used so far by this connection's PostgreSQL backend (same machine): unlike wall
    time, it barely grows when the other helpers load the shared cores."""
    pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(repeats: int, name: str = NAME, as_of: date = AS_OF) -> None:
    engine = make_engine(bench_url(name))
    with engine.connect() as conn:
        counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                  for t in ("members", "dues_periods", "dues_payments", "dues_adjustments")}
        print("rows:", ", ".join(f"{t} {n:,}" for t, n in counts.items()))
        timings, cpu = [], []
        for _ in range(repeats):
            cpu_before, started = backend_cpu_seconds(conn), time.perf_counter()
            rows = conn.execute(standing_select(conn, as_of)).all()
            timings.append(time.perf_counter() - started)
            cpu.append(backend_cpu_seconds(conn) - cpu_before)
            conn.commit()
            print(f"  all-members standing: {timings[-1]:.3f} s wall, {cpu[-1]:.2f} s database CPU "
                  f"for {len(rows):,} rows ({load()})", flush=True)
        started = time.perf_counter()
        s = standing_select(conn, as_of).subquery()
        conn.execute(select(s.c.ageing_bucket, func.count()).group_by(s.c.ageing_bucket)).all()
        print(f"  summary by bucket: {time.perf_counter() - started:.3f} s ({load()})")
    print(f"median {statistics.median(timings):.3f} s wall, best {min(timings):.3f} s, database CPU median "
          f"{statistics.median(cpu):.2f} s over {repeats} runs (target < 1 s), {load()}")
    engine.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--database", help="time this existing database instead (never generated or changed)")
    parser.add_argument("--as-of", type=date.fromisoformat, default=AS_OF)
    args = parser.parse_args()
    if not args.database:
        generate(args.regenerate)
    run(args.repeats, args.database or NAME, args.as_of)
