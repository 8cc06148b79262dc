"""Benchmark: how long a log-in takes at the production password hashers.

    .venv/bin/python bench/bench_login.py                 # the hashers ilmio.settings gives production
    .venv/bin/python bench/bench_login.py --hashers django-default --logins 10

Production settings (no ``ILMIO_TESTING``, no pytest: the suite's MD5 hasher is not used),
a fresh SQLite database in a temporary folder, one user. Each log-in is the real form post
(``POST /accounts/login/`` through Django's test client: django-axes, the password check,
the session) and is timed end to end; the password check alone is timed too. With
``--hashers django-default`` the list is Django's own default (PBKDF2 with 1,000,000
rounds first), which is what Ilmiö used before decision 0013.

The first log-in of a user whose password was hashed by an older hasher also rehashes it
with the first hasher of the list: that one is reported separately ("upgrade").
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Pitkä-salasana-2026"  # noqa: S105 - a benchmark user's password


def setup_django(data_dir: str) -> None:
    if "pytest" in sys.modules or os.environ.get("ILMIO_TESTING"):
        raise SystemExit("run this outside pytest and without ILMIO_TESTING: it measures production settings")
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "ilmio.settings", "ILMIO_SECRET_KEY": secrets.token_urlsafe(50),
        "ILMIO_DATA_DIR": data_dir, "ILMIO_ALLOWED_HOSTS": "testserver", "ILMIO_INSECURE_HTTP": "1",
        "ILMIO_DATABASE_URL": f"sqlite:///{data_dir}/bench.sqlite3",
    })  # fmt: skip
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def timed(function: Callable[[], object], count: int) -> list[float]:
    times = []
    for _ in range(count):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    return (f"median {statistics.median(times) * 1000:6.0f} ms, min {ordered[0] * 1000:6.0f} ms, "
            f"max {ordered[-1] * 1000:6.0f} ms (n={len(times)})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hashers", choices=["settings", "django-default"], default="settings")
    parser.add_argument("--logins", type=int, default=7)
    parser.add_argument("--concurrent", type=int, default=4, help="log-ins at once in the last measurement")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir)
        from django.conf import settings
        from django.contrib.auth.hashers import check_password, get_hasher, make_password
        from django.test import Client, override_settings

        from ilmio.accounts.models import User

        hashers = list(settings.PASSWORD_HASHERS)
        if args.hashers == "django-default":
            from django.conf import global_settings

            hashers = list(global_settings.PASSWORD_HASHERS)
        with override_settings(PASSWORD_HASHERS=hashers):
            from django.contrib.auth.hashers import get_hashers

            get_hashers.cache_clear()
            hasher = get_hasher()
            print(f"hashers: {', '.join(h.rsplit('.', 1)[1] for h in hashers)}")
            print(f"first (new passwords): {hasher.algorithm} {_parameters(hasher)}")
            print(f"machine: {os.cpu_count()} cores")
            user = User.objects.create_user(username="bench", password=PASSWORD, role="reporter")
            encoded = user.password

            def log_in(follow: bool = False) -> None:
                client = Client()
                response = client.post("/accounts/login/", {"username": "bench", "password": PASSWORD}, follow=follow)
                assert response.status_code == (200 if follow else 302), response.status_code

            print("password check alone: " + summary(timed(lambda: check_password(PASSWORD, encoded), args.logins)))
            print("log-in (form post):   " + summary(timed(log_in, args.logins)))
            print("log-in and the front page after it: " + summary(timed(lambda: log_in(follow=True), args.logins)))
            if args.concurrent > 1:
                # People arriving at once: the hash is CPU (and Argon2 memory) per log-in,
                # and the machine has two cores.
                from concurrent.futures import ThreadPoolExecutor

                def one() -> float:
                    started = time.perf_counter()
                    log_in()
                    return time.perf_counter() - started

                with ThreadPoolExecutor(args.concurrent) as pool:
                    waves = [t for _ in range(3) for t in pool.map(lambda _: one(), range(args.concurrent))]
                print(f"{args.concurrent} log-ins at once: " + summary(waves))
            if args.hashers == "settings" and hasher.algorithm != "pbkdf2_sha256":
                # A password from before the switch: verified by PBKDF2, then rehashed once.
                old = make_password(PASSWORD, hasher="pbkdf2_sha256")
                upgrades = []
                for _ in range(3):
                    User.objects.filter(pk=user.pk).update(password=old)
                    upgrades += timed(log_in, 1)
                user.refresh_from_db()
                assert user.password.startswith(hasher.algorithm), user.password[:20]
                print("upgrade (first log-in with a PBKDF2 hash): " + summary(upgrades))


def _parameters(hasher: object) -> str:
    names = ("iterations", "time_cost", "memory_cost", "parallelism", "work_factor", "rounds")
    return ", ".join(f"{n}={getattr(hasher, n)}" for n in names if hasattr(hasher, n))


if __name__ == "__main__":
    main()
