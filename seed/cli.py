"""`python -m seed`: seed, reset, truncate or show the demo data, with a line per step."""

import argparse
import sys
from datetime import date

from lib.auth.identity import SYSTEM
from lib.config import get_settings, normalize_database_url
from lib.db import make_engine, mask_url, wait_for_database
from lib.migrate import upgrade_to_head
from seed import runner
from seed.status import SeedStatus


def _scale(value: str) -> int:
    try:
        scale = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--scale must be a whole number, got {value!r}") from None
    if not 1 <= scale <= runner.MAX_SCALE:
        raise argparse.ArgumentTypeError(f"--scale must be from 1 to {runner.MAX_SCALE}, got {scale}")
    return scale


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m seed", description="Seed, reset or wipe the UnionOps demo data.")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--reset", action="store_true", help="remove the demo rows and nothing else")
    action.add_argument("--truncate-all", action="store_true", help="empty every table (refused in prod)")
    action.add_argument("--status", action="store_true", help="show the demo batches and recent runs")
    parser.add_argument("--scale", type=_scale, default=1, help="multiply people and their records (default 1)")
    parser.add_argument("--force", action="store_true", help="seed even if demo data is present (resets it first)")
    parser.add_argument("--i-understand", action="store_true", help="allow --truncate-all when APP_ENV=prod")
    parser.add_argument("--database-url", help="default: DATABASE_URL from the environment")
    parser.add_argument("--as-of", type=date.fromisoformat, help="the 'today' of the demo data (YYYY-MM-DD)")
    parser.add_argument("--no-migrate", action="store_true", help="do not upgrade the schema to head first")
    return parser.parse_args(argv)


def print_table(rows: list[tuple], headers: tuple[str, ...]) -> None:
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows)]
    for row in (headers, tuple("-" * w for w in widths), *rows):
        print("  ".join(str(v).rjust(w) if isinstance(v, (int, float)) or v and str(v)[0].isdigit()
                        else str(v).ljust(w) for v, w in zip(row, widths)))


def print_result(result: runner.SeedResult) -> None:
    if result.steps:
        print()
        print_table([(s.no, s.title, f"{sum(s.counts.values()):,}", f"{s.seconds:.2f}") for s in result.steps],
                    ("step", "what", "rows", "seconds"))
    if result.counts:
        print()
        print_table([(name, f"{n:,}") for name, n in sorted(result.counts.items())],
                    ("table", "rows removed" if result.action == "reset" else "rows"))
    for kept in result.kept:
        print(f"kept {kept.count:,} demo {kept.table}: real rows in {', '.join(kept.because_of)} point at them")
    for note in result.notes:
        print(note)
    print(f"\n{result.action} done in {result.seconds:.2f} s")


def print_status(status: SeedStatus) -> None:
    if status.running:
        print(status.running.describe())
    if not status.batches:
        print("No demo data. Seed it with: python -m seed")
    for batch, counts in status.batches.items():
        print(f"\n{batch}: {sum(counts.values()):,} rows")
        print_table([(name, f"{n:,}") for name, n in sorted(counts.items())], ("table", "rows"))
    print(f"\nreal rows: {sum(status.real.values()):,}")
    for run in status.runs[:10]:
        print(f"  #{run.id} {run.action} {run.outcome.value} by {run.started_by} "
              f"{run.started_at:%Y-%m-%d %H:%M} {run.error or ''}")


def _progress(no: int, total: int, title: str) -> None:
    print(f"[{no:>2}/{total}] {title}", flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = get_settings()
    url = normalize_database_url(args.database_url) if args.database_url else settings.database_url
    print(f"database: {mask_url(url)}  environment: {settings.app_env}")
    engine = make_engine(url)
    try:
        wait_for_database(engine, attempts=5)
        if not args.no_migrate:
            upgrade_to_head(url)
        if args.status:
            print_status(runner.seed_status(engine))
            return 0
        if args.reset:
            result = runner.reset_demo(engine, who=SYSTEM, progress=_progress)
        elif args.truncate_all:
            result = runner.truncate_all(engine, who=SYSTEM, settings=settings, i_understand=args.i_understand,
                                         progress=_progress)
        else:
            result = runner.run_seed(engine, scale=args.scale, who=SYSTEM, progress=_progress, force=args.force,
                                     as_of=args.as_of, settings=settings)
    except runner.SeedAlreadyRunning as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except runner.SeedError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print_result(result)
    return 0
