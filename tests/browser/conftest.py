"""Real-browser tests: Playwright's sync API driving Debian's Chromium against live_server.

One Chromium per test session, a fresh browser context (cookies, storage) per test.
Chromium comes from Debian (``apt-get install chromium``); Playwright's own browser
download is never used. A missing browser fails the run: these tests must not skip.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse
# ORM calls made from the test (user creation, assertions on the database).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from tests.browser.helpers import (  # noqa: E402 - the environment variable must come first
    AXE_JS,
    CHROMIUM,
    LAUNCH_ARGS,
    ReferenceSnapshot,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    browser_dir = Path(__file__).resolve().parent
    for item in items:
        if browser_dir in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_browser(django_db_setup: None, live_server: Any) -> Iterator[Browser]:
    """Debian's Chromium, launched once for the whole session.

    It depends on the database and the live server so that it closes before them: its
    keep-alive connections hold server threads, each with a database session.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Browser tests need the Python package 'playwright' (pip install -e '.[dev]').")
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium; "
            "./run test installs it). Set ILMIO_CHROMIUM to use another Chromium binary."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE_JS.is_file():
        pytest.fail(
            f"axe-core is missing at {AXE_JS}: run 'npm ci' in the repository root (./run test does)."
        )
    return AXE_JS


@pytest.fixture(scope="session")
def reference_snapshot() -> ReferenceSnapshot:
    return ReferenceSnapshot()


@pytest.fixture(scope="package", autouse=True)
def _reference_data_back_after_browser_tests(
    django_db_setup: None, django_db_blocker: Any, reference_snapshot: ReferenceSnapshot
) -> Iterator[None]:
    """live_server tests flush the database; leave reference data for the tests that follow."""
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        reference_snapshot.restore()
        connections.close_all()  # else PostgreSQL cannot drop the test database at the end


@pytest.fixture
def site(transactional_db: None, live_server: Any, reference_snapshot: ReferenceSnapshot) -> str:
    """The live server's base URL, with reference data in its (transactional) database."""
    reference_snapshot.restore()
    return str(live_server.url)


@pytest.fixture
def make_user(site: str, settings: Any) -> Callable[..., Any]:
    """Like the shared make_user, for a live-server test (password ``test-pass-123``)."""
    # A fast hasher: PBKDF2's million rounds take ~2 s here, per user and per log-in.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from ilmio.accounts.models import User
    from ilmio.areas.models import County

    def make(role: str, county_code: str | None = "15", username: str | None = None) -> User:
        county = County.objects.get(code=county_code) if county_code else None
        name = username or f"{role}_{county_code or 'national'}"
        return User.objects.create_user(
            username=name, password="test-pass-123", role=role, county=county
        )

    return make


@pytest.fixture
def context(chromium_browser: Browser, site: str) -> Iterator[BrowserContext]:
    """A fresh browser profile per test. CSP is bypassed only so that axe can be injected."""
    context = chromium_browser.new_context(
        base_url=site, bypass_csp=True, locale="fi-FI", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    yield context
    # Let any navigation still in flight finish first: closing mid-navigation can leave
    # Chromium never confirming the close (seen as a hung run in CI).
    for open_page in context.pages:
        with contextlib.suppress(Exception):
            open_page.wait_for_load_state("load", timeout=5_000)
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


PHONE_LOCALES = {"fi": "fi-FI", "sv": "sv-SE", "en": "en-GB"}


@pytest.fixture
def phone_context(chromium_browser: Browser, site: str) -> Iterator[Callable[..., BrowserContext]]:
    """Fresh browser profiles of a 390 × 844 touch phone in a language; closed after the test."""
    made: list[BrowserContext] = []

    def make(language: str = "fi") -> BrowserContext:
        context = chromium_browser.new_context(
            base_url=site, viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True,
            has_touch=True, locale=PHONE_LOCALES[language], extra_http_headers={"Accept-Language": language},
        )  # fmt: skip
        context.set_default_timeout(15_000)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def public_form_open(monkeypatch: pytest.MonkeyPatch, settings: Any) -> None:
    """The public form without its anti-spam delay and rate limit (the server runs in-process)."""
    monkeypatch.setattr("ilmio.core.forms.SPAM_MIN_SECONDS", 0)
    settings.RATELIMIT_ENABLE = False
