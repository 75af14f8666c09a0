"""The ZIP's layout: manifest.json (what, from where, how many rows) and one <table>.csv per table."""

import json
from dataclasses import asdict, dataclass, field
from zipfile import BadZipFile, ZipFile

FORMAT = 1
MANIFEST = "manifest.json"
# Kept by triggers from the payments and adjustments: loaded last, over what the triggers wrote.
DERIVED_TABLES = frozenset({"dues_member_credits"})


class BackupError(RuntimeError):
    """A backup that cannot be written or restored; the message says why and what to do."""


@dataclass
class Manifest:
    revision: str | None
    engine: str
    created_at: str
    created_by: str
    app_version: str
    tables: dict[str, int] = field(default_factory=dict)  # table -> rows, in load order
    format: int = FORMAT

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)

    @property
    def total_rows(self) -> int:
        return sum(self.tables.values())


def csv_name(table: str) -> str:
    return f"{table}.csv"


def read_manifest(archive: ZipFile) -> Manifest:
    try:
        raw = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise BackupError(f"Not a UnionOps backup: {MANIFEST} is missing from the ZIP.") from None
    except ValueError as exc:
        raise BackupError(f"Not a UnionOps backup: {MANIFEST} is not valid JSON ({exc}).") from None
    if raw.get("format") != FORMAT:
        raise BackupError(f"Backup format {raw.get('format')!r} is not supported (this version reads {FORMAT}).")
    return Manifest(**raw)


def open_zip(path) -> ZipFile:
    try:
        return ZipFile(path)
    except (BadZipFile, OSError) as exc:
        raise BackupError(f"Cannot open {path} as a ZIP: {exc}") from None
