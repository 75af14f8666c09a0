"""Backups: every table as CSV in one ZIP (write_backup), and loading such a ZIP into an empty,
migrated database (restore_backup). `python -m lib.backup` is the command line."""

from lib.backup.archive import BackupError, Manifest
from lib.backup.dump import backup_bytes, write_backup
from lib.backup.load import restore_backup

__all__ = ["BackupError", "Manifest", "backup_bytes", "write_backup", "restore_backup"]
