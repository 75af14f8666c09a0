"""Benchmark: every dashboard's questions together, on PostgreSQL with the seed at a given scale.

    .venv/bin/python bench/dashboards_bench.py --scale 1            # seed once (if missing), then time
    .venv/bin/python bench/dashboards_bench.py --scale 100 --repeats 3
    .venv/bin/python bench/dashboards_bench.py --scale 1 --regenerate   # drop and re-seed
    BENCH_DATABASE_URL=postgresql://... for another server (default: local, db unionops_dash_bench_s<scale>)

For each dashboard (Overview, Members, Dues; Training, Grants and Union operations when their modules
exist) it runs the questions the page asks, uncached, in one connection, and prints the median wall
time of the set, the slowest questions, and EXPLAIN (ANALYZE, BUFFERS) of the slowest single SQL
statement. Targets (issue 5): each dashboard under 150 ms at scale 1 and under 1.5 s at scale 100.
"""

import argparse
import importlib
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, event, make_url, text  # noqa: E402

from lib.auth.identity import Identity  # noqa: E402
from lib.config import Settings  # noqa: E402
from lib.dashboards.filters import Filters  # noqa: E402
from lib.db import make_engine  # noqa: E402
from lib.migrate import upgrade_to_head  # noqa: E402
from lib.models.enums import RoleName  # noqa: E402

SERVER = os.environ.get("BENCH_DATABASE_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres")
LEADER = Identity(id=None, email="bench@local46.example", roles=frozenset({RoleName.LEADERSHIP}))

# What each page asks on a default run (the same calls as lib/ui/*_dashboard.py and overview_page.py).
# A question written "name(shared)" is passed the answer of the question `shared` asked before it in
# the same run (as the page passes a cached answer on); a shared question may be "widen:question"
# with a function of the filters giving the filters it is asked with.
DASHBOARDS = {
    "Overview": ("lib.dashboards.overview", ["summary", "grant_spend"]),  # summary includes the trend
    "Members": ("lib.dashboards.members", ["kpis", "by_status_and_classification", "initiations_by_month",
                                           "employment_by_contractor", "without_current_employment",
                                           "retention_by_initiation_year"]),
    "Dues": ("lib.dashboards.dues", ["standing_snapshot", "with_previous:dues_figures", "collection_kpis(dues_figures)",
                                     "collected_vs_expected(dues_figures)", "adjustments_by_month",
                                     "payments_by_method(dues_figures)"]),
}


def load() -> str:
    return " ".join(open("/proc/loadavg").read().split()[:3])


def bench_url(scale: int) -> str:
    return make_url(SERVER).set(database=f"unionops_dash_bench_s{scale}").render_as_string(hide_password=False)


def ensure_seeded(scale: int, regenerate: bool) -> str:
    url, name = bench_url(scale), f"unionops_dash_bench_s{scale}"
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if exists and regenerate:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
            exists = None
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    upgrade_to_head(url)  # also applies new indexes to an existing bench database
    engine = make_engine(url)
    with engine.connect() as conn:
        seeded = conn.execute(text("SELECT count(*) FROM members")).scalar_one()
    if not seeded:
        from seed.runner import run_seed
        started = time.perf_counter()
        run_seed(engine, scale=scale, settings=Settings(_env_file=None, app_env="dev"))
        print(f"seeded scale {scale} in {time.perf_counter() - started:.0f} s")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    engine.dispose()
    return url


class StatementLog:
    """Every SQL statement's wall time, so the slowest one can be EXPLAINed."""

    def __init__(self, engine):
        self.rows: list[tuple[float, str, object]] = []
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, conn, cursor, statement, parameters, context, executemany):
        conn.info["started"] = time.perf_counter()

    def _after(self, conn, cursor, statement, parameters, context, executemany):
        self.rows.append((time.perf_counter() - conn.info.pop("started"), statement, parameters))


class CpuMeter:
    """CPU seconds of this process and of the PostgreSQL backends it talks to (same machine, /proc):
    on this shared 2-core machine the wall time is mostly waiting for a core, CPU is what it would cost.
    Parallel query workers are separate processes and not counted; the clock ticks are 10 ms."""

    def __init__(self, engine):
        self.pids: set[int] = set()
        event.listen(engine, "connect", self._connected)

    def _connected(self, dbapi_connection, record):
        cursor = dbapi_connection.cursor()
        cursor.execute("SELECT pg_backend_pid()")
        self.pids.add(cursor.fetchone()[0])
        cursor.close()

    def _backends(self) -> float:
        ticks = 0
        for pid in self.pids:
            try:
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
                ticks += int(fields[11]) + int(fields[12])  # utime + stime
            except (OSError, IndexError):
                pass  # a backend on another machine, or gone
        return ticks / os.sysconf("SC_CLK_TCK")

    def now(self) -> tuple[float, float]:
        return time.process_time(), self._backends()


def questions() -> dict[str, list]:
    found = dict(DASHBOARDS)
    for title, module, names in (("Training", "lib.dashboards.training", None), ("Grants", "lib.dashboards.grants", None),
                                 ("Union operations", "lib.dashboards.union_ops", None)):
        try:
            mod = importlib.import_module(module)
        except ImportError:
            continue
        names = getattr(mod, "PAGE_QUESTIONS", None)
        if names:
            found[title] = (module, list(names))
    return {title: [Ask.parse(importlib.import_module(m), n) for n in names] for title, (m, names) in found.items()}


class Ask:
    """One question of a page: "name", "name(shared)" or "widen:name" (see DASHBOARDS)."""

    def __init__(self, question, shared: str | None = None, widen=None):
        self.question, self.shared, self.widen = question, shared, widen
        self.__name__ = question.__name__

    @classmethod
    def parse(cls, module, spec: str) -> "Ask":
        widen, _, spec = spec.rpartition(":")
        name, _, shared = spec.rstrip(")").partition("(")
        return cls(getattr(module, name), shared or None, getattr(module, widen) if widen else None)

    def __call__(self, conn, who, f, answers: dict):
        args = (answers[self.shared],) if self.shared else ()
        return self.question(conn, who, self.widen(f) if self.widen else f, *args)


def time_dashboard(engine, asks: list, f: Filters, repeats: int) -> tuple[list[float], dict[str, float]]:
    totals, per_question = [], {q.__name__: [] for q in asks}
    for _ in range(repeats):
        started, answers = time.perf_counter(), {}
        for q in asks:
            t = time.perf_counter()
            with engine.connect() as conn:  # one connection per question, like the cached page calls
                answers[q.__name__] = q(conn, LEADER, f, answers)
            per_question[q.__name__].append(time.perf_counter() - t)
        totals.append(time.perf_counter() - started)
    return totals, {n: statistics.median(v) for n, v in per_question.items()}


def explain_slowest(engine, log: StatementLog) -> None:
    seconds, statement, params = max(log.rows, key=lambda r: r[0])
    print(f"\nslowest statement ({seconds * 1000:.0f} ms):\n{statement[:600]}{' ...' if len(statement) > 600 else ''}")
    with engine.connect() as conn:
        conn.exec_driver_sql("SET jit = off")
        plan = conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, params).fetchall()
    print("\n".join(r[0] for r in plan))


def run(scale: int, repeats: int, regenerate: bool) -> None:
    url = ensure_seeded(scale, regenerate)
    engine = make_engine(url)
    cpu = CpuMeter(engine)  # before the first connection, so it knows every backend
    with engine.connect() as conn:
        members = conn.execute(text("SELECT count(*) FROM members")).scalar_one()
    f = Filters(as_of=date.today())
    print(f"scale {scale}: {members:,} members; {repeats} runs after a warm-up; load {load()}")
    log = StatementLog(engine)
    for title, asks in questions().items():
        time_dashboard(engine, asks, f, 1)  # warm-up (connections, catalog, buffers)
        log.rows.clear()
        (app0, db0) = cpu.now()
        totals, per_question = time_dashboard(engine, asks, f, repeats)
        (app1, db1) = cpu.now()
        slow = ", ".join(f"{n} {s * 1000:.0f}" for n, s in sorted(per_question.items(), key=lambda kv: -kv[1])[:3])
        print(f"{title:17} median {statistics.median(totals) * 1000:7.0f} ms  (min {min(totals) * 1000:.0f}; "
              f"CPU per run: app {(app1 - app0) / repeats * 1000:.0f} ms + database {(db1 - db0) / repeats * 1000:.0f} ms; "
              f"slowest questions ms: {slow})  load {load()}")
    log.rows.clear()
    time_dashboard(engine, [q for asks in questions().values() for q in asks], f, 1)
    explain_slowest(engine, log)
    engine.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args()
    run(args.scale, args.repeats, args.regenerate)
