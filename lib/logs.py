"""Structured logs: JSON lines in staging/prod, plain text in dev, secrets scrubbed, recent problems kept.

Operators debug a deployment from its logs alone, so every line carries time, level, logger and the
request id, and no line may ever contain a secret (the formatter scrubs every configured secret and
any password inside a URL, including in tracebacks). The System page shows the last warnings and
errors from a bounded in-memory buffer.
"""

import json
import logging
import re
import sys
from collections import deque
from contextvars import ContextVar
from datetime import UTC, datetime
from threading import Lock

from sqlalchemy import make_url

REQUEST_ID: ContextVar[str | None] = ContextVar("request_id", default=None)
RECENT_CAPACITY = 200
MASK = "***"
# user:password@host inside any URL (postgres://, s3://, https://...).
_URL_PASSWORD = re.compile(r"(?P<scheme>[a-zA-Z][\w+.-]*://)(?P<user>[^:/@\s]+):(?P<pw>[^@/\s]+)@")
_OWN_HANDLER = "_unionops_handler"


class Redactor:
    """Replaces known secret values and URL passwords with ***."""

    def __init__(self, secrets: list[str] | None = None):
        self._secrets: list[str] = []
        self.set_secrets(secrets or [])

    def set_secrets(self, secrets: list[str]) -> None:
        # Longest first, so a secret that contains another is masked whole.
        self._secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        text = _URL_PASSWORD.sub(lambda m: f"{m['scheme']}{m['user']}:{MASK}@", text)
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return text


REDACT = Redactor()


def secrets_of(settings) -> list[str]:
    """Every secret value the settings hold (only to mask them; never to print)."""
    values = [settings.auth_cookie_key, settings.default_admin_password, settings.s3_secret_access_key]
    found = [v.get_secret_value() for v in values if v is not None]
    password = make_url(settings.database_url).password
    return found + ([str(password)] if password else [])


def _record_fields(record: logging.LogRecord) -> dict:
    fields = {
        "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
        "level": record.levelname, "logger": record.name, "message": REDACT(record.getMessage()),
    }
    request_id = getattr(record, "request_id", None) or REQUEST_ID.get()
    if request_id:
        fields["request_id"] = request_id
    return fields


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for the platform's log search."""

    def format(self, record: logging.LogRecord) -> str:
        fields = _record_fields(record)
        if record.exc_info:
            fields["exception"] = REDACT(self.formatException(record.exc_info))
        return json.dumps(fields, ensure_ascii=False)


class PlainFormatter(logging.Formatter):
    """Readable lines for a developer's terminal (still scrubbed)."""

    def format(self, record: logging.LogRecord) -> str:
        f = _record_fields(record)
        rid = f" [{f['request_id']}]" if "request_id" in f else ""
        line = f"{f['time'][:23].replace('T', ' ')} {f['level']:<7} {f['logger']}{rid}: {f['message']}"
        if record.exc_info:
            line += "\n" + REDACT(self.formatException(record.exc_info))
        return line


class RecentProblems(logging.Handler):
    """The last warnings and errors of this process, bounded, for the System page."""

    def __init__(self, capacity: int = RECENT_CAPACITY):
        super().__init__(level=logging.WARNING)
        self._lines: deque[dict] = deque(maxlen=capacity)
        self._guard = Lock()

    def emit(self, record: logging.LogRecord) -> None:
        fields = _record_fields(record)
        if record.exc_info and record.exc_info[1] is not None:
            fields["message"] += f" ({REDACT(repr(record.exc_info[1]))})"
        with self._guard:
            self._lines.append(fields)

    def latest(self, limit: int = 50) -> list[dict]:
        with self._guard:
            return list(self._lines)[-limit:][::-1]

    def clear(self) -> None:
        with self._guard:
            self._lines.clear()


RECENT = RecentProblems()


def recent_problems(limit: int = 50) -> list[dict]:
    """Newest first: time, level, logger, message (already scrubbed)."""
    return RECENT.latest(limit)


def configure_logging(settings, stream=None) -> None:
    """Root logging for the process: format by environment, scrubbing, the recent-problems buffer."""
    REDACT.set_secrets(secrets_of(settings))
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _OWN_HANDLER, False)]:
        root.removeHandler(handler)
    console = logging.StreamHandler(stream or sys.stdout)
    console.setFormatter(PlainFormatter() if settings.app_env == "dev" else JsonFormatter())
    for handler in (console, RECENT):
        setattr(handler, _OWN_HANDLER, True)
        root.addHandler(handler)
    root.setLevel(settings.log_level)


def adopt_loggers(names) -> None:
    """Route loggers that print on their own (Streamlit's, uvicorn's) through the root handlers."""
    for name in names:
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.propagate = True
