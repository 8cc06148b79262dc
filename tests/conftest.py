"""Shared fixtures. Reference data is loaded once into the test database; ``make_user``
makes one user of a role and county, ``world`` is the two-county world of tests/world.py."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("ILMIO_TESTING", "1")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: runs only on the embedded database")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # In CI every dependency is installed, so a skipped test means something is missing.
    if os.environ.get("CI") == "true":
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
        if skipped:
            if reporter:
                reporter.write_line(f"CI: {skipped} test(s) skipped; in CI a skip is a failure.", red=True)
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


def ensure_reference_data() -> None:
    from ilmio.areas.loading import load_municipalities, load_population
    from ilmio.areas.models import Municipality
    from ilmio.taxonomy.loading import load_taxonomy
    from ilmio.taxonomy.models import Phenomenon

    if not Municipality.objects.exists():
        load_municipalities()
        load_population()
    if not Phenomenon.objects.exists():
        load_taxonomy()


@pytest.fixture(autouse=True)
def _default_language():  # type: ignore[no-untyped-def]
    """Every test starts in the site's default language: a request served by an earlier
    test leaves its language active in the thread, and tests run in any order (xdist)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        ensure_reference_data()


@pytest.fixture
def reference_data(db):  # type: ignore[no-untyped-def]
    """Geography and taxonomy (reloaded if a transactional test flushed them)."""
    ensure_reference_data()


@pytest.fixture
def make_user(reference_data):  # type: ignore[no-untyped-def]
    from ilmio.accounts.models import User
    from ilmio.areas.models import County

    def make(role: str, county_code: str | None = "15", username: str | None = None) -> User:
        county = County.objects.get(code=county_code) if county_code else None
        name = username or f"{role}_{county_code or 'national'}"
        user = User.objects.create_user(username=name, password="test-pass-123", role=role, county=county)
        return user

    return make


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """Two counties (15 "own", 13 "other") with one user per role and every kind of object;
    see tests/world.py. Built once per module; rolled back when the module is done."""
    from django.db import transaction

    from tests.world import build_world

    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        yield built
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _no_aggregates_from_earlier_tests():  # type: ignore[no-untyped-def]
    from ilmio.indicators.aggregates import forget_local_copies
    from ilmio.situation.caching import forget_pages

    forget_local_copies()
    forget_pages()


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Uploaded and rendered files (PDFs) go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
