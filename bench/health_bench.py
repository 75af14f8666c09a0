"""Start-to-healthy time and HTTP load figures of the app as `python -m lib.start` serves it (issue 7).

    .venv/bin/python bench/health_bench.py                  # everything (about 1.5 minutes)
    .venv/bin/python bench/health_bench.py --only start     # start-to-healthy only
    .venv/bin/python bench/health_bench.py --only control --only load --only seed --only streamlit-run
    PG_URL=postgresql://postgres@127.0.0.1:5432/postgres (default) is where the empty databases are made.

- start: from launching `python -m lib.start` on an empty PostgreSQL database (wait, migrate, first
  admin) to the first 200 on /api/health, with and without RUN_PRODUCTION_SEED.  Target: < 10 s.
  The CPU seconds of the app process are printed too: on a shared machine the wall time is mostly
  waiting for a core.
- load: /api/health with 10 keep-alive connections and with a new connection per request; the
  Streamlit page (/) and Streamlit's /_stcore/health on 1 keep-alive connection (the Nagle stall
  showed as ~44 ms per request there).  Target: >= 2,000 req/s and p99 < 10 ms with keep-alive.
- seed: /api/health while scale-1 seeds run: 1 s during the app's own one-time seed (a child process
  started once the server listens; it takes a few seconds, so the overlap may be partial), then the
  full run while a seed process loops on the same database.
  Target: no worse than half the idle figures.
- busy: /api/health while a pure-Python thread runs in the app's process (a page script, a report),
  at the app's GIL switch interval (1 ms) and at CPython's default (5 ms).
- control: a bare Starlette route on uvicorn at the same moment: on a shared 2-core machine the p99
  follows the other processes' CPU use, and this row shows how much.
- streamlit-run: the same page served by `streamlit run` for comparison (the 44 ms signature).

Load comes from wrk (Debian package) when installed, else from a bounded Python generator; both
only ever target the app this script started on 127.0.0.1. The load average is printed with each
figure because the machine may be shared. Results also go to bench/results/health_bench.json.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, make_url, text  # noqa: E402

from lib.config import normalize_database_url  # noqa: E402
from tests.apputil import TEST_COOKIE_KEY, free_port  # noqa: E402

PG_URL = normalize_database_url(os.environ.get("PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"))
MAX_CONNECTIONS, MAX_SECONDS = 16, 30  # bounds of any load run
LOG_DIR = ROOT / "bench" / "results"


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU the process used so far: what the start costs without the other tenants' load."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_average() -> str:
    return "load %.2f" % os.getloadavg()[0]


# --- databases and the app ---------------------------------------------------------------------------
def _admin_engine():
    return create_engine(PG_URL, isolation_level="AUTOCOMMIT")


def fresh_database() -> str:
    name = f"health_bench_{uuid.uuid4().hex[:8]}"
    engine = _admin_engine()
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    engine = _admin_engine()
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    engine.dispose()


def http_status(url: str, timeout: float = 1.0) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except OSError:
        return None


def wait_for(url: str, process: subprocess.Popen, started: float, limit: float = 60) -> float:
    """Seconds from `started` until `url` answers 200 (polled every 20 ms)."""
    while time.monotonic() - started < limit:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with {process.returncode}; see {LOG_DIR}")
        if http_status(url, timeout=0.5) == 200:
            return time.monotonic() - started
        time.sleep(0.02)
    raise TimeoutError(f"{url} not healthy within {limit} s")


class App:
    """`python -m lib.start` (or `streamlit run`) on 127.0.0.1 and a free port, output to a log file."""

    def __init__(self, db_url: str, command: list[str], log_name: str, **env: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        environment = {k: v for k, v in os.environ.items() if not k.startswith(("S3_", "RUN_PRODUCTION"))}
        environment.update(DATABASE_URL=db_url, PORT=str(self.port), APP_ENV="staging",
                           AUTH_COOKIE_KEY=TEST_COOKIE_KEY, DEFAULT_ADMIN_PASSWORD="bench-admin-pw",
                           UPLOAD_DIR=str(LOG_DIR / "uploads"), PYTHONUNBUFFERED="1", **env)
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        self.log = open(LOG_DIR / log_name, "w")
        self.started = time.monotonic()
        self.process = subprocess.Popen([a.replace("{port}", str(self.port)) for a in command], cwd=ROOT,
                                        env=environment, stdout=self.log, stderr=subprocess.STDOUT)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


START = [sys.executable, "-m", "lib.start", "--host", "127.0.0.1"]
STREAMLIT_RUN = [sys.executable, "-m", "streamlit", "run", "Home.py", "--server.address", "127.0.0.1",
                 "--server.port", "{port}"]


# --- load generators -----------------------------------------------------------------------------------
def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url: str, connections: int, seconds: float, new_connections: bool) -> dict:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency", "--timeout", "5s", url]
    if new_connections:
        command[1:1] = ["-H", "Connection: close"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30)
    out = done.stdout
    if "Requests/sec" not in out:
        raise RuntimeError(f"wrk failed: {done.stderr or out}")
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, flags=re.MULTILINE))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50_ms": _ms(latency["50"]), "p99_ms": _ms(latency["99"]),
            "requests": int(re.search(r"(\d+) requests in", out).group(1)),
            "errors": (sum(map(int, errors.groups())) if errors else 0) + (int(non_2xx.group(1)) if non_2xx else 0)}


def run_python_load(url: str, connections: int, seconds: float, new_connections: bool) -> dict:
    """Fallback: one thread per connection, plain http.client (the GIL caps it near 1-2k req/s)."""
    host, port, path = re.fullmatch(r"http://(127\.0\.0\.1):(\d+)(/.*)", url).groups()
    latencies: list[float] = []
    errors = [0]
    deadline = time.monotonic() + seconds

    def worker():
        conn, mine = None, []
        while time.monotonic() < deadline:
            conn = conn or http.client.HTTPConnection(host, int(port), timeout=5)
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Connection": "close"} if new_connections else {})
                response = conn.getresponse()
                response.read()
                mine.append(time.perf_counter() - started)
                errors[0] += response.status >= 400
            except OSError:
                errors[0] += 1
                conn.close()
                conn = None
            if new_connections and conn:
                conn.close()
                conn = None
        latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = sorted(latencies) or [0.0]
    return {"rps": len(latencies) / seconds, "p50_ms": statistics.median(ordered) * 1000,
            "p99_ms": ordered[int(len(ordered) * 0.99) - 1] * 1000, "requests": len(latencies), "errors": errors[0]}


def load(url: str, connections: int, seconds: float, new_connections: bool = False) -> dict:
    assert url.startswith("http://127.0.0.1:"), "loopback only"
    connections, seconds = min(connections, MAX_CONNECTIONS), min(seconds, MAX_SECONDS)
    runner = run_wrk if shutil.which("wrk") else run_python_load
    result = runner(url, connections, seconds, new_connections)
    return result | {"tool": "wrk" if runner is run_wrk else "python", "load_average": load_average()}


def row(label: str, result: dict) -> str:
    return (f"{label:<46} {result['rps']:>8.0f} req/s  p50 {result['p50_ms']:>6.2f} ms  "
            f"p99 {result['p99_ms']:>6.2f} ms  errors {result['errors']}  ({result['tool']}, {result['load_average']})")


# --- scenarios -----------------------------------------------------------------------------------------
def scenario_start(runs: int) -> dict:
    """Start-to-healthy on an empty PostgreSQL database, without and with the one-time seed."""
    results = {}
    for seed in (False, True):
        times, cpu = [], []
        for n in range(runs):
            url = fresh_database()
            app = App(url, START, f"start-{'seed' if seed else 'plain'}-{n}.log",
                      **({"RUN_PRODUCTION_SEED": "true"} if seed else {}))
            try:
                times.append(wait_for(f"{app.base}/api/health", app.process, app.started))
                cpu.append(process_cpu_seconds(app.process.pid))
            finally:
                app.stop()
                drop_database(url)
        label = "seed requested" if seed else "no seed"
        results[label] = {"wall_seconds": times, "cpu_seconds": cpu}
        print(f"start to healthy, empty PostgreSQL, {label:<15} " + ", ".join(f"{t:.2f} s" for t in times)
              + f"  (median {statistics.median(times):.2f} s; CPU of the app process "
              + ", ".join(f"{c:.2f}" for c in cpu) + f" s; {load_average()})", flush=True)
    return results


LOAD_CASES = [  # (label, path, connections, new connections)
    ("/api/health        keep-alive, 10 connections", "/api/health", 10, False),
    ("/api/health        new connection each, 10", "/api/health", 10, True),
    ("/api/health        keep-alive, 1 connection", "/api/health", 1, False),
    ("/ (Streamlit page) keep-alive, 1 connection", "/", 1, False),
    ("/ (Streamlit page) keep-alive, 10 connections", "/", 10, False),
    ("/_stcore/health    keep-alive, 1 connection", "/_stcore/health", 1, False),
]


def scenario_load(seconds: float) -> dict:
    url = fresh_database()
    app = App(url, START, "load.log")
    results = {}
    try:
        wait_for(f"{app.base}/api/health/readiness", app.process, app.started)
        load(f"{app.base}/api/health", 4, 1)  # warm-up
        for label, path, connections, fresh in LOAD_CASES:
            results[label] = load(app.base + path, connections, seconds, fresh)
            print(row(label, results[label]), flush=True)
    finally:
        app.stop()
        drop_database(url)
    return results


def seed_state(base: str) -> str:
    with urllib.request.urlopen(f"{base}/api/health/detailed", timeout=10) as response:
        return json.load(response)["checks"]["seed"]["background_seed"].get("state", "?")


class SeedLoop:
    """Scale-1 seeds back to back (`python -m seed --force`, reset then seed) on the app's database."""

    def __init__(self, db_url: str):
        self.db_url, self.stop, self.runs = db_url, threading.Event(), []
        self.thread = threading.Thread(target=self._run)

    def _run(self):
        while not self.stop.is_set():
            started = time.monotonic()
            done = subprocess.run([sys.executable, "-m", "seed", "--scale", "1", "--force", "--no-migrate",
                                   "--database-url", self.db_url], cwd=ROOT, capture_output=True, text=True)
            self.runs.append((done.returncode, time.monotonic() - started))

    def __enter__(self):
        self.thread.start()
        time.sleep(1.0)  # the seed is past its imports and writing
        return self

    def __exit__(self, *_exc):
        self.stop.set()
        self.thread.join()


def scenario_seed(seconds: float) -> dict:
    """/api/health while scale-1 seeds run: the app's own one-time seed (a short overlap: it takes ~1.5 s
    and starts before the server), then a seed process looping on the same database for the whole run."""
    url = fresh_database()
    app = App(url, START, "seed.log", RUN_PRODUCTION_SEED="true")
    results = {}
    try:
        healthy = wait_for(f"{app.base}/api/health", app.process, app.started)
        print(f"healthy {healthy:.2f} s after start; one-time seed state: {seed_state(app.base)}", flush=True)
        results["in-process seed (partial overlap)"] = load(f"{app.base}/api/health", 10, 1)
        print(row("during the app's own seed, keep-alive 10, 1 s", results["in-process seed (partial overlap)"])
              + f"; seed then {seed_state(app.base)}", flush=True)
        while seed_state(app.base) == "running":  # the loop's seeds would be refused by its lock
            time.sleep(0.2)
        for label, fresh in (("keep-alive, 10", False), ("new connection each, 10", True)):
            with SeedLoop(url) as seeds:
                result = load(f"{app.base}/api/health", 10, seconds, fresh)
            ok = sum(1 for code, _ in seeds.runs if code == 0)
            result["seeds"] = f"{ok}/{len(seeds.runs)} seeds ok, {statistics.mean(t for _, t in seeds.runs):.1f} s each"
            results[f"seed loop: {label}"] = result
            print(row(f"during seed loop: /api/health {label}", result) + f"; {result['seeds']}", flush=True)
    finally:
        app.stop()
        drop_database(url)
    return results


BARE = """
import sys, uvicorn
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
async def health(_request):
    return JSONResponse({"status": "healthy"})
uvicorn.run(Starlette(routes=[Route("/api/health", health)]), host="127.0.0.1", port=int(sys.argv[1]),
            log_level="warning")
"""


def scenario_control(seconds: float) -> dict:
    """A bare Starlette route on uvicorn, same machine, same moment: what the hardware allows right now."""
    app = App("sqlite://", [sys.executable, "-c", BARE, "{port}"], "control.log")
    try:
        wait_for(f"{app.base}/api/health", app.process, app.started)
        result = load(f"{app.base}/api/health", 10, seconds)
        print(row("control: bare Starlette on uvicorn, keep-alive 10", result), flush=True)
    finally:
        app.stop()
    return result


BUSY = """
import sys, threading
import lib.ui.server as server
def busy():  # stands in for a page script, a report or the admin's seed: pure Python, never waits
    while True:
        sum(i * i for i in range(10000))
server.GIL_SWITCH_INTERVAL = float(sys.argv[2])
threading.Thread(target=busy, daemon=True).start()
server.serve("127.0.0.1", int(sys.argv[1]))
"""


def scenario_busy(seconds: float) -> dict:
    """/api/health while a CPU-bound thread runs in the app's process, at the app's GIL switch interval
    and at CPython's default (5 ms)."""
    from lib.ui.server import GIL_SWITCH_INTERVAL

    url, results = fresh_database(), {}
    try:
        for interval in (GIL_SWITCH_INTERVAL, 0.005, GIL_SWITCH_INTERVAL, 0.005):
            app = App(url, [sys.executable, "-c", BUSY, "{port}", str(interval)], "busy.log")
            try:
                wait_for(f"{app.base}/api/health", app.process, app.started)
                label = f"busy thread, switch interval {interval * 1000:.0f} ms, keep-alive 10"
                results.setdefault(label, []).append(load(f"{app.base}/api/health", 10, seconds))
                print(row(label, results[label][-1]), flush=True)
            finally:
                app.stop()
    finally:
        drop_database(url)
    return results


def scenario_streamlit_run(seconds: float) -> dict:
    """The same pages served by `streamlit run` (what the Nagle stall looked like)."""
    url = fresh_database()
    prepare = subprocess.run([sys.executable, "-m", "lib.start", "--no-serve"], cwd=ROOT, capture_output=True,
                             env=os.environ | {"DATABASE_URL": url, "APP_ENV": "dev"})
    assert prepare.returncode == 0, prepare.stdout + prepare.stderr
    app = App(url, STREAMLIT_RUN, "streamlit-run.log")
    results = {}
    try:
        wait_for(f"{app.base}/_stcore/health", app.process, app.started)
        for label, path, connections in (("streamlit run: /_stcore/health keep-alive, 1", "/_stcore/health", 1),
                                         ("streamlit run: /_stcore/health keep-alive, 10", "/_stcore/health", 10),
                                         ("streamlit run: / keep-alive, 1", "/", 1)):
            results[label] = load(app.base + path, connections, seconds)
            print(row(label, results[label]), flush=True)
    finally:
        app.stop()
        drop_database(url)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=["start", "control", "load", "seed", "busy", "streamlit-run"])
    parser.add_argument("--seconds", type=float, default=5, help="length of each load run (max 30)")
    parser.add_argument("--start-runs", type=int, default=3, help="starts measured per case")
    args = parser.parse_args()
    chosen = args.only or ["start", "control", "load", "seed", "busy", "streamlit-run"]
    print(f"{os.cpu_count()} CPUs, {load_average()}, load by {'wrk' if shutil.which('wrk') else 'python'}")
    results = {}
    scenarios = {"start": lambda: scenario_start(args.start_runs), "load": lambda: scenario_load(args.seconds),
                 "seed": lambda: scenario_seed(args.seconds), "busy": lambda: scenario_busy(args.seconds),
                 "control": lambda: scenario_control(args.seconds),
                 "streamlit-run": lambda: scenario_streamlit_run(args.seconds)}
    for name in chosen:
        results[name] = scenarios[name]()
    (LOG_DIR / "health_bench.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
