"""The access log of `ilmio serve` (gunicorn, configured as `ilmio serve` configures it)
writes neither query strings (searches) nor follow-up tokens."""

from __future__ import annotations

import logging
import sys
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from tests.quality.pii_scan import find_leaks, probe_texts

pytestmark = pytest.mark.django_db(transaction=False)


def serve_access_log(monkeypatch: pytest.MonkeyPatch, raw_uri: str, referer: str = "-") -> tuple[str, list[str]]:
    """The access-log lines gunicorn writes for one request, with the configuration
    `ilmio serve` passes to it (its command line, parsed by gunicorn itself)."""
    pytest.importorskip("gunicorn")
    from gunicorn.app.wsgiapp import WSGIApplication

    from ilmio.core.server import serve

    configs: list[Any] = []
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    monkeypatch.delenv("GUNICORN_CMD_ARGS", raising=False)
    monkeypatch.setattr(WSGIApplication, "run", lambda self: configs.append(self.cfg))
    assert serve("127.0.0.1", 8765, 1) == 0
    assert configs, "ilmio serve did not configure gunicorn"
    cfg = configs[0]
    logger = cfg.logger_class(cfg)
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    logger.access_log.addHandler(Collect())
    path, _, query = raw_uri.partition("?")
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": raw_uri, "PATH_INFO": path, "QUERY_STRING": query,
               "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1", "HTTP_REFERER": referer,
               "HTTP_USER_AGENT": "pytest"}  # fmt: skip
    response = SimpleNamespace(status="200 OK", sent=1234, headers=[("Content-Type", "text/html")])
    request = SimpleNamespace(headers=[("USER-AGENT", "pytest"), ("REFERER", referer)])
    logger.access(response, request, environ, timedelta(milliseconds=12))
    if not lines:
        assert not logger.access_log_enabled, "the access log is on but wrote nothing"
    return cfg.access_log_format, lines


def test_serve_access_log_has_no_query_string(monkeypatch: pytest.MonkeyPatch) -> None:
    from urllib.parse import urlencode

    query = urlencode({"q": probe_texts(100)[0][0], "status": "all"})
    fmt, lines = serve_access_log(monkeypatch, f"/triage/?{query}", referer=f"http://127.0.0.1:8765/triage/?{query}")
    leaked = [kind for line in lines for kind in find_leaks(line)]
    assert not leaked and not any(query in line for line in lines), f"access-log format {fmt!r} logs {leaked}: {lines}"


def test_serve_access_log_has_no_follow_up_token(monkeypatch: pytest.MonkeyPatch) -> None:
    token = "Zk3v9QpL0aB7xYcT2mN5rS8uW1eH4jD6"
    fmt, lines = serve_access_log(monkeypatch, f"/knowledge/follow-up/{token}/")
    assert not any(token in line for line in lines), f"access-log format {fmt!r} logs the follow-up token: {lines}"
