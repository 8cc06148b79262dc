"""Fixtures of the quality tests. The two-county ``world`` and ``make_user`` are in
tests/conftest.py; here are the users of the audit-trail tests (test_audit_*.py) and the
small county of the staff-text no-leak tests (staff_text.py), with their log capture and
PDF rendering (a module asks for it with ``pytest.mark.usefixtures("_pdfs_as_text")``)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.db import transaction

from ilmio.areas.models import County
from ilmio.core.roles import Role


@pytest.fixture
def people(make_user):  # type: ignore[no-untyped-def]
    return {
        "reporter": make_user(Role.REPORTER),
        "coordinator": make_user(Role.COORDINATOR),
        "manager": make_user(Role.MANAGER),
        "admin": make_user(Role.ADMIN),
        "manager_13": make_user(Role.MANAGER, "13"),
    }


@pytest.fixture
def county15(reference_data):  # type: ignore[no-untyped-def]
    return County.objects.get(code="15")


@pytest.fixture(scope="module")
def base(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    from tests.conftest import ensure_reference_data
    from tests.quality.pii_scan import stored_leaks
    from tests.quality.staff_text import build_base

    with django_db_blocker.unblock(), transaction.atomic():
        ensure_reference_data()
        built = build_base()
        # The base itself carries no probe value, so everything found later is the test's.
        assert not stored_leaks(), stored_leaks()
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def captured_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


@pytest.fixture
def _pdfs_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Summary PDFs are rendered by the real code from the real template; only WeasyPrint's
    last step is replaced, so the "PDF" is that HTML: fast, and read by the MEDIA_ROOT scan."""
    weasyprint = pytest.importorskip("weasyprint")

    class HTML:
        def __init__(self, string: str = "", **kwargs: Any) -> None:
            self.string = string

        def write_pdf(self, *args: Any, **kwargs: Any) -> bytes:
            return self.string.encode()

    monkeypatch.setattr(weasyprint, "HTML", HTML)
