"""Structured logging that never carries report text or request bodies."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import ItemsView
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest
from django.views.debug import SafeExceptionReporterFilter

# Log record attributes that are safe to emit. Anything else a caller attaches with
# ``extra=`` is dropped unless named here, so free text cannot slip into logs.
SAFE_EXTRA_FIELDS = frozenset(
    {"event", "report_id", "county", "status", "count", "duration_ms", "path", "method", "status_code", "user_id"}
)


# Paths whose segments are secrets (follow-up links): logged with the secret masked.
_SECRET_SEGMENTS = re.compile(r"(/follow-up/)[^/\s?\"]+")
_QUERY = re.compile(r"\?[^\s\"]*")


def safe_path(path: str) -> str:
    """A request path fit for a log: no query string (searches carry free text) and no
    secret link tokens."""
    return _SECRET_SEGMENTS.sub(r"\1…", _QUERY.sub("", path or ""))


class SafePathFilter(logging.Filter):
    """Rewrites a record's message with :func:`safe_path` before any handler sees it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        safe = safe_path(message)
        if safe != message:
            record.msg, record.args = safe, ()
        # Django attaches the request (its repr names the full path); no handler of ours
        # needs it, and it must not reach one that would print it.
        record.__dict__.pop("request", None)
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": safe_path(record.getMessage()),
        }
        for key in SAFE_EXTRA_FIELDS:
            if key in record.__dict__:
                value = record.__dict__[key]
                payload[key] = safe_path(value) if key == "path" and isinstance(value, str) else value
        if record.exc_info:
            # The exception type and location, not its message: messages can quote input.
            exc_type = record.exc_info[0]
            payload["exception"] = exc_type.__name__ if exc_type else "Exception"
        return json.dumps(payload, ensure_ascii=False, default=str)


class NoRequestDataFilter(SafeExceptionReporterFilter):
    """Error reports (pages and e-mails) show no POST data, body or local variables."""

    def get_post_parameters(self, request: HttpRequest | None) -> dict[str, Any]:
        return {}

    def get_traceback_frame_variables(self, request: Any, tb_frame: Any) -> ItemsView[str, Any]:
        return {}.items()  # an empty view, as Django's own filter returns a dict's items

    def is_active(self, request: HttpRequest | None) -> bool:
        return True

