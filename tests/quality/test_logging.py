"""Structured logs: one JSON object per line, whitelisted fields only, never report text."""

from __future__ import annotations

import io
import json
import logging
import logging.config
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from ilmio.accounts.services import create_api_token
from ilmio.core.logging import SAFE_EXTRA_FIELDS, JsonFormatter

pytestmark = pytest.mark.django_db

NAME = "Marjatta Kuusisto-Väänänen"
HETU = "131052-308T"
TITLE = f"Asiakas {NAME} jäi ilman asuntoa"
DESCRIPTION = f"{NAME} ({HETU}) kertoi, että vuokranantaja irtisanoi sopimuksen. Häätö uhkaa."


def record(message: str = "report submitted", **extra: Any) -> logging.LogRecord:
    made = logging.getLogger("ilmio.test").makeRecord("ilmio.test", logging.INFO, __file__, 1, message, (), None)
    for key, value in extra.items():
        setattr(made, key, value)
    return made


def test_json_formatter_emits_one_valid_json_object() -> None:
    line = JsonFormatter().format(record(event="report_submitted", report_id=7, county="15", count=2))
    assert "\n" not in line
    payload = json.loads(line)
    assert payload["message"] == "report submitted"
    assert payload["level"] == "INFO" and payload["logger"] == "ilmio.test"
    assert payload["event"] == "report_submitted" and payload["report_id"] == 7 and payload["count"] == 2
    assert payload["time"].endswith("+00:00")


def test_json_formatter_drops_fields_outside_the_whitelist() -> None:
    line = JsonFormatter().format(record(event="x", description=DESCRIPTION, title=TITLE, email="a@b.fi",
                                         request="<WSGIRequest>", status=200))  # fmt: skip
    payload = json.loads(line)
    assert set(payload) <= {"time", "level", "logger", "message", "exception"} | SAFE_EXTRA_FIELDS
    assert payload["status"] == 200
    assert NAME not in line and "a@b.fi" not in line and "WSGIRequest" not in line


def test_exceptions_are_logged_by_type_not_message() -> None:
    try:
        raise ValueError(f"bad input: {DESCRIPTION}")
    except ValueError:
        import sys

        made = record("failed")
        made.exc_info = sys.exc_info()
    line = JsonFormatter().format(made)
    assert json.loads(line)["exception"] == "ValueError"
    assert NAME not in line and HETU not in line


@pytest.fixture
def captured_root() -> Iterator[io.StringIO]:
    """The output of the handlers that settings.LOGGING puts on the root logger."""
    def configured() -> list[logging.StreamHandler]:  # type: ignore[type-arg]
        return [h for h in logging.getLogger().handlers
                if isinstance(h, logging.StreamHandler) and isinstance(h.formatter, JsonFormatter)]  # fmt: skip

    handlers = configured()
    if not handlers:
        # An earlier test (a CLI run re-running django.setup()) may have replaced the root
        # handlers: apply settings.LOGGING again, as the server does at start-up.
        from django.conf import settings

        logging.config.dictConfig(settings.LOGGING)
        handlers = configured()
    assert handlers, "settings.LOGGING configures a JSON handler on the root logger"
    buffer = io.StringIO()
    # Swap streams without setStream(): it flushes the old stream, which an earlier
    # test's captured (and since closed) stderr may be.
    previous = [h.stream for h in handlers]
    for handler in handlers:
        handler.stream = buffer
    try:
        yield buffer
    finally:
        for handler, stream in zip(handlers, previous, strict=True):
            handler.stream = stream


def test_submitting_a_report_logs_no_report_text(make_user: Any, captured_root: io.StringIO) -> None:
    reporter = make_user("reporter", "15")
    _token, key = create_api_token(reporter, "logs")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    body = {"title": TITLE, "description": DESCRIPTION, "whole_county": True, "effects": NAME}
    assert api.post("/api/v1/reports", body, content_type="application/json").status_code == 201
    # An invalid one (logged as a 4xx warning) and a redaction preview.
    assert api.post("/api/v1/reports", {**body, "kind": NAME}, content_type="application/json").status_code == 422
    assert api.post("/api/v1/redact", {"text": DESCRIPTION}, content_type="application/json").status_code == 200
    web = Client()
    web.force_login(reporter)
    web.post("/reports/new/", {"title": TITLE, "description": DESCRIPTION, "whole_county": "on", "step": "preview"})

    lines = [line for line in captured_root.getvalue().splitlines() if line.strip()]
    payloads = [json.loads(line) for line in lines]  # every line is one JSON object
    assert any(p.get("event") == "report_submitted" for p in payloads), lines
    for line in lines:
        for secret in (NAME, "Kuusisto", HETU, "vuokranantaja irtisanoi", "ilman asuntoa"):
            assert secret not in line, line
