"""`python -m lib.backup`: write a backup ZIP, or restore one into an empty migrated database."""

import argparse
import sys
import time
from pathlib import Path

from lib.backup import BackupError, restore_backup, write_backup
from lib.config import get_settings, normalize_database_url
from lib.db import make_engine, mask_url


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m lib.backup", description="Back up or restore every table.")
    parser.add_argument("--database-url", help="default: DATABASE_URL from the environment")
    commands = parser.add_subparsers(dest="command", required=True)
    dump = commands.add_parser("backup", help="write every table as CSV into a ZIP")
    dump.add_argument("zip", type=Path)
    load = commands.add_parser("restore", help="load a backup ZIP into an empty migrated database")
    load.add_argument("zip", type=Path)
    load.add_argument("--replace", action="store_true", help="empty every table first (all rows are lost)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    url = normalize_database_url(args.database_url) if args.database_url else get_settings().database_url
    engine = make_engine(url)
    started = time.perf_counter()
    try:
        if args.command == "backup":
            manifest = write_backup(engine, args.zip)
            print(f"wrote {args.zip}: {len(manifest.tables)} tables, {manifest.total_rows:,} rows "
                  f"from {mask_url(url)} in {time.perf_counter() - started:.1f} s")
        else:
            counts = restore_backup(engine, args.zip, replace=args.replace,
                                    progress=lambda table, n: print(f"  {table}: {n:,} rows"))
            print(f"restored {sum(counts.values()):,} rows into {mask_url(url)} in {time.perf_counter() - started:.1f} s")
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
