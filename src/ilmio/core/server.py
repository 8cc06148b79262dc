"""Running the web application: gunicorn with Ilmiö's access logger (runserver without gunicorn)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from django.core.management import call_command


def serve(host: str, port: int, workers: int, *, say: Callable[[str], object] = print) -> int:
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    try:
        from gunicorn.app.wsgiapp import WSGIApplication

        from ilmio.core.access_log import ACCESS_LOG_FORMAT
    except ImportError:
        call_command("runserver", bind, use_reloader=False)
        return 0
    # gunicorn reads its configuration from the command line.
    sys.argv = ["gunicorn", "ilmio.wsgi:application", "--bind", bind,
                "--workers", str(workers), "--access-logfile", "-",
                "--logger-class", "ilmio.core.access_log.AccessLogger",
                "--access-logformat", ACCESS_LOG_FORMAT]  # fmt: skip
    say(f"Ilmiö is running at http://{bind}/  (Ctrl+C stops it)")
    WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]").run()
    return 0
