"""Seed speed and peak memory at scale 1 and scale 100, on SQLite and PostgreSQL, plus the reset.

    .venv/bin/python bench/seed_bench.py                        # scale 1 on both engines
    .venv/bin/python bench/seed_bench.py --scales 1 100 --engines postgresql
    PG_URL=postgresql://postgres@127.0.0.1:5432/postgres (default) is the server the database is made on.

Each run is a fresh database and a fresh Python process, so the peak memory (ru_maxrss of that
process: the whole interpreter, not only the seed) belongs to that run alone. Targets (issue 3):
scale 1 under 3 s on SQLite and 5 s on PostgreSQL; scale 100 under 90 s on PostgreSQL. The load
average is printed next to each figure because the machine may be shared.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, make_url, text  # noqa: E402

from lib.auth.identity import SYSTEM  # noqa: E402
from lib.config import Settings, normalize_database_url  # noqa: E402
from lib.db import make_engine  # noqa: E402
from lib.migrate import upgrade_to_head  # noqa: E402

PG_URL = normalize_database_url(os.environ.get("PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"))
TARGETS = {("sqlite", 1): 3.0, ("postgresql", 1): 5.0, ("postgresql", 100): 90.0}


def _fresh_database(kind: str) -> str:
    if kind == "sqlite":
        return f"sqlite:///{Path(tempfile.mkdtemp(prefix='seed-bench-')) / 'bench.db'}"
    name = f"seed_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def _drop(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{parsed.database}{suffix}").unlink(missing_ok=True)
        return
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
    admin.dispose()


def one_run(kind: str, scale: int) -> dict:
    """Seed then reset a fresh database in this process; the figures as a dict."""
    from seed.runner import reset_demo, run_seed

    url = _fresh_database(kind)
    try:
        upgrade_to_head(url)
        engine = make_engine(url)
        load_before = os.getloadavg()[0]
        result = run_seed(engine, scale=scale, who=SYSTEM, settings=Settings(_env_file=None, app_env="dev"))
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        reset = reset_demo(engine, who=SYSTEM)
        reset_seconds = time.perf_counter() - started
        engine.dispose()
    finally:
        _drop(url)
    slowest = sorted(result.steps, key=lambda s: -s.seconds)[:3]
    return {"engine": kind, "scale": scale, "seed_s": round(result.seconds, 2), "rows": sum(result.counts.values()),
            "peak_rss_mb": round(peak_mb), "reset_s": round(reset_seconds, 2),
            "rows_removed": sum(reset.counts.values()), "load_before": round(load_before, 2),
            "load_after": round(os.getloadavg()[0], 2),
            "slowest_steps": [f"{s.no} {s.title}: {s.seconds:.2f} s" for s in slowest]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1])
    parser.add_argument("--engines", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    parser.add_argument("--one", nargs=2, metavar=("ENGINE", "SCALE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one[0], int(args.one[1]))))
        return
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()}")
    for scale in args.scales:
        for kind in args.engines:
            out = subprocess.run([sys.executable, __file__, "--one", kind, str(scale)], capture_output=True,
                                 text=True, check=True).stdout.strip().splitlines()[-1]
            figures = json.loads(out)
            target = TARGETS.get((kind, scale))
            verdict = "" if target is None else (" (target %.0f s: %s)" % (target, "met" if figures["seed_s"] < target else "MISSED"))
            print(f"{kind:<10} scale {scale:>3}: seed {figures['seed_s']:>7.2f} s{verdict}, {figures['rows']:,} rows, "
                  f"peak {figures['peak_rss_mb']} MB, reset {figures['reset_s']:.2f} s, "
                  f"load {figures['load_before']} -> {figures['load_after']}")
            print("           slowest: " + "; ".join(figures["slowest_steps"]))


if __name__ == "__main__":
    main()
