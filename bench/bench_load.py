"""Benchmark: report submissions under load against the production server, without loss.

    .venv/bin/python bench/bench_load.py                 # 10,000 submissions, 50 users
    .venv/bin/python bench/bench_load.py --total 2000 --users 20

Starts gunicorn (``ilmio.wsgi``) on a free loopback port with a database of its own (a
fresh PostgreSQL database next to ``ILMIO_DATABASE_URL``/``ILMIO_BENCH_POSTGRES_URL``,
dropped afterwards), then runs locust headless (``bench/locustfile.py``): ``--users``
writers each POST ``/api/v1/reports`` with an ``Idempotency-Key`` (every tenth request
repeats a key already sent), and ``--readers`` users read the situational picture. The
run stops by itself once ``--total`` distinct keys are answered (or at ``--run-time``).
Afterwards every key must be stored exactly once and no response may be a 5xx.

``LoadServer`` is the harness; ``tests/quality/test_load_no_loss.py`` uses it too.
Needs the ``bench`` extra (locust) for the benchmark, not for the harness.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/test"

CREATE_USER = """
from ilmio.accounts.services import create_api_token
from ilmio.accounts.models import User
from ilmio.areas.models import County
user = User.objects.create_user(username="load_reporter", password=None, role="reporter",
                                county=County.objects.get(code="15"))
print("TOKEN=" + create_api_token(user, "load")[1])
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LoadServer:
    """gunicorn serving Ilmiö on loopback with a fresh database, a reporter and a token.

    ``database_url`` chooses the engine: a ``postgres://`` URL is the server (and
    credentials) where a new database ``ilmio_load_<pid>_<random>`` is created and dropped
    afterwards; anything else means a temporary SQLite file.
    """

    def __init__(self, database_url: str | None = None, *, workers: int = 2, threads: int = 4,
                 timeout: int = 120) -> None:
        self.base_database_url = database_url or ""
        self.postgres = self.base_database_url.startswith(("postgres://", "postgresql://"))
        self.workers = workers
        self.threads = threads
        self.timeout = timeout
        self.directory = Path(tempfile.mkdtemp(prefix="ilmio-load-"))
        self.db_name = f"ilmio_load_{os.getpid()}_{secrets.token_hex(3)}"
        self.database_url = ""
        self.port = 0
        self.token = ""
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = self.directory / "server.log"

    # -- set-up ------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ILMIO_", "DJANGO_"))}
        env.update({
            "DJANGO_SETTINGS_MODULE": "ilmio.settings",
            "ILMIO_SECRET_KEY": secrets.token_urlsafe(50),
            "ILMIO_DATA_DIR": str(self.directory),
            "ILMIO_DATABASE_URL": self.database_url,
            "ILMIO_INSECURE_HTTP": "1",
            "ILMIO_ALLOWED_HOSTS": "127.0.0.1",
            "ILMIO_LOGIN_THROTTLING": "0",
            "ILMIO_RATELIMIT": "0",
            "ILMIO_LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", ""),
        })  # fmt: skip
        return env

    def _admin_connection(self) -> Any:
        import psycopg
        from psycopg.conninfo import conninfo_to_dict, make_conninfo

        params = conninfo_to_dict(self.base_database_url)
        try:
            return psycopg.connect(make_conninfo(**{**params, "dbname": "postgres"}), autocommit=True)
        except psycopg.OperationalError:
            return psycopg.connect(self.base_database_url, autocommit=True)

    def _create_database(self) -> None:
        if not self.postgres:
            self.database_url = f"sqlite:///{self.directory / 'load.sqlite3'}"
            return
        from psycopg.conninfo import conninfo_to_dict

        with self._admin_connection() as connection:
            connection.execute(f'CREATE DATABASE "{self.db_name}"')
        params = conninfo_to_dict(self.base_database_url)
        params["dbname"] = self.db_name
        # dj-database-url takes a URL; build one from the key=value parameters.
        user = params.get("user", "postgres")
        password = f":{params['password']}" if params.get("password") else ""
        host = params.get("host", "127.0.0.1")
        port = params.get("port", "5432")
        self.database_url = f"postgres://{user}{password}@{host}:{port}/{self.db_name}"

    def _manage(self, *args: str, timeout: float = 600) -> str:
        result = subprocess.run([sys.executable, "-m", "ilmio.cli", *args], env=self.env(), cwd=self.directory,
                                capture_output=True, text=True, timeout=timeout)  # fmt: skip
        if result.returncode != 0:
            raise RuntimeError(f"ilmio {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def start(self) -> LoadServer:
        self._create_database()
        # No command migrates on its own (decision 0010): schema and cache table first, then
        # geography + taxonomy.
        self._manage("migrate", "--no-input", "--verbosity", "0")
        self._manage("load-reference")
        output = self._manage("manage", "shell", "-c", CREATE_USER)
        self.token = next(line[6:] for line in output.splitlines() if line.startswith("TOKEN="))
        self.port = free_port()
        log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "ilmio.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(self.workers), "--threads", str(self.threads), "--worker-class", "gthread",
             "--timeout", str(self.timeout), "--graceful-timeout", "10", "--backlog", "512"],
            env=self.env(), cwd=self.directory, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        log.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/health/", timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer /health/ in 60 s:\n{self.log()}")

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-5000:]
        except OSError:
            return ""

    # -- the server's own database -------------------------------------------------------

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        if self.postgres:
            import psycopg

            with psycopg.connect(self.database_url) as connection:
                return list(connection.execute(sql).fetchall())
        connection = sqlite3.connect(self.directory / "load.sqlite3", timeout=30)
        try:
            return list(connection.execute(sql).fetchall())
        finally:
            connection.close()

    def stored_keys(self) -> dict[str, int]:
        """Idempotency key -> number of stored reports with it."""
        rows = self.query("SELECT idempotency_key, COUNT(*) FROM reports_report "
                          "WHERE idempotency_key IS NOT NULL GROUP BY idempotency_key")  # fmt: skip
        return {str(key): int(count) for key, count in rows}

    def report_count(self) -> int:
        return int(self.query("SELECT COUNT(*) FROM reports_report")[0][0])

    # -- tear-down -----------------------------------------------------------------------

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None
        if self.postgres and self.database_url:
            with self._admin_connection() as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
            self.database_url = ""
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> LoadServer:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.stop()


# --------------------------------------------------------------------------- benchmark


def _read_stats(prefix: Path) -> list[dict[str, str]]:
    with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def run(total: int = 10_000, users: int = 50, readers: int = 5, run_time: str = "30m",
        database_url: str | None = None, workers: int = 2, threads: int = 8) -> str:
    """Run the load benchmark and return a Markdown report; raises if anything was lost."""
    database_url = database_url or os.environ.get("ILMIO_BENCH_POSTGRES_URL") or DEFAULT_POSTGRES
    locust = shutil.which("locust", path=str(Path(sys.executable).parent)) or shutil.which("locust")
    if locust is None:
        return "Load benchmark skipped: locust is not installed (`pip install -e .[bench]`)."
    with LoadServer(database_url, workers=workers, threads=threads) as server:
        out = server.directory / "locust"
        result_file = server.directory / "result.json"
        env = {**os.environ, "LOAD_TOKEN": server.token, "LOAD_TOTAL": str(total),
               "LOAD_WRITERS": str(users), "LOAD_READERS": str(readers), "LOAD_RESULT": str(result_file)}  # fmt: skip
        started = time.perf_counter()
        completed = subprocess.run(
            [locust, "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "--host", server.base_url,
             "-u", str(users + readers), "-r", str(users + readers), "--run-time", run_time,
             "--stop-timeout", "30", "--csv", str(out), "--only-summary", "--loglevel", "WARNING"],
            env=env, capture_output=True, text=True, timeout=_seconds(run_time) + 300,
        )  # fmt: skip
        elapsed = time.perf_counter() - started
        if not result_file.exists():
            raise RuntimeError(f"locust wrote no result (exit {completed.returncode}):\n{completed.stderr[-3000:]}")
        result = json.loads(result_file.read_text())
        stats = _read_stats(out)
        stored = server.stored_keys()
        count = server.report_count()
        statuses: dict[str, int] = result["statuses"]
        server_errors = sum(n for code, n in statuses.items() if code.startswith("5") or code == "0")
        duplicates = {k: n for k, n in stored.items() if n != 1}
        missing = set(result["keys_answered"]) - set(stored)
    load = os.getloadavg()
    distinct = len(result["keys_answered"])
    lines = [
        f"Load without loss: {distinct:,} distinct report submissions (POST /api/v1/reports with "
        f"Idempotency-Key) + {result['retries']:,} deliberate retries of sent keys from {users} concurrent "
        f"users, plus {readers} readers of /situation/; gunicorn gthread {workers} workers × {threads} threads "
        f"on loopback, PostgreSQL; locust and the server share this machine "
        f"(load average after the run {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}). Wall time {elapsed:.0f} s.",
        "",
        "| request | count | failures | req/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in stats:
        lines.append(f"| {row['Name']} | {int(row['Request Count']):,} | {row['Failure Count']} | "
                     f"{float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} | {row['99%']} | "
                     f"{float(row['Max Response Time']):.0f} |")  # fmt: skip
    lines += [
        "",
        f"Status codes: {', '.join(f'{code}: {n:,}' for code, n in sorted(statuses.items()))}. "
        f"Stored afterwards: {count:,} reports, {len(stored):,} distinct keys, "
        f"{len(duplicates)} keys stored more than once, {len(missing)} answered keys missing, "
        f"5xx/connection errors: {server_errors}.",
    ]
    problems = []
    if distinct != total:
        problems.append(f"only {distinct} of {total} submissions were answered (run time too short?)")
    if server_errors or duplicates or missing or count != distinct:
        problems.append(f"LOSS OR ERRORS: 5xx={server_errors} duplicates={len(duplicates)} "
                        f"missing={len(missing)} stored={count} expected={distinct}")  # fmt: skip
    if problems:
        lines += ["", "**" + "; ".join(problems) + "**"]
    return "\n".join(lines)


def _seconds(run_time: str) -> int:
    units = {"h": 3600, "m": 60, "s": 1}
    total, number = 0, ""
    for char in run_time:
        if char.isdigit():
            number += char
        else:
            total += int(number or 0) * units[char]
            number = ""
    return total + int(number or 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=10_000, help="distinct submissions (default 10000)")
    parser.add_argument("--users", type=int, default=50, help="concurrent writers (default 50)")
    parser.add_argument("--readers", type=int, default=5, help="concurrent readers of /situation/ (default 5)")
    parser.add_argument("--run-time", default="30m", help="upper bound of the run (default 30m)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--database-url", help="PostgreSQL server to create the database on")
    args = parser.parse_args(argv)
    print(run(args.total, args.users, args.readers, args.run_time, args.database_url, args.workers, args.threads))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
