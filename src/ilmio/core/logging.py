"""Structured logging that never carries report text or request bodies."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from django.views.debug import SafeExceptionReporterFilter

# Log record attributes that are safe to emit. Anything else a caller attaches with
# ``extra=`` is dropped unless named here, so free text cannot slip into logs.
SAFE_EXTRA_FIELDS = frozenset(
    {"event", "report_id", "county", "status", "count", "duration_ms", "path", "method", "status_code", "user_id"}
)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in SAFE_EXTRA_FIELDS:
            if key in record.__dict__:
                payload[key] = record.__dict__[key]
        if record.exc_info:
            # The exception type and location, not its message: messages can quote input.
            exc_type = record.exc_info[0]
            payload["exception"] = exc_type.__name__ if exc_type else "Exception"
        return json.dumps(payload, ensure_ascii=False, default=str)


class NoRequestDataFilter(SafeExceptionReporterFilter):
    """Error reports (pages and e-mails) show no POST data, body or local variables."""

    def get_post_parameters(self, request):  # type: ignore[no-untyped-def]
        return {}

    def get_traceback_frame_variables(self, request, tb_frame):  # type: ignore[no-untyped-def]
        return []

    def is_active(self, request):  # type: ignore[no-untyped-def]
        return True
