"""Identifying details sent through every way in are never stored or logged."""

from __future__ import annotations

import logging

import pytest
from django.apps import apps
from django.core import mail
from django.db import connection, models
from django.test import Client

from ilmio.core.roles import Role
from ilmio.reports.models import FeedbackContact, Report
from tests.reports.helpers import LEAKY_DESCRIPTION, SECRETS, public_form_data, staff_form_data

pytestmark = pytest.mark.django_db(transaction=False)


def all_stored_text() -> str:
    """Every text-like value in every table of the database, as one string."""
    chunks: list[str] = []
    for model in apps.get_models():
        text_fields = [f.attname for f in model._meta.concrete_fields
                       if isinstance(f, models.CharField | models.TextField | models.JSONField)]  # fmt: skip
        if text_fields:
            for row in model.objects.values_list(*text_fields):
                chunks.extend(str(value) for value in row if value)
    # The cache table is raw SQL; include it too.
    with connection.cursor() as cursor:
        if "ilmio_cache" in connection.introspection.table_names():
            cursor.execute("SELECT cache_key, value FROM ilmio_cache")
            chunks.extend(str(v) for row in cursor.fetchall() for v in row)
    return "\n".join(chunks)


def assert_nothing_leaked(text: str) -> None:
    for kind, secret in SECRETS.items():
        assert secret not in text, f"{kind} leaked: {secret!r}"
        assert secret.replace(" ", "") not in text.replace(" ", ""), f"{kind} leaked without spaces"


@pytest.fixture
def captured_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


def test_no_identifying_detail_is_stored_through_any_way_in(make_user, captured_logs, settings):
    settings.RATELIMIT_ENABLE = False
    reporter = make_user(Role.REPORTER)
    staff = Client()
    staff.force_login(reporter)

    # 1. The staff form: preview, then confirm.
    preview = staff.post("/reports/new/", staff_form_data(step="preview"))
    assert preview.status_code == 200
    assert staff.post("/reports/new/", staff_form_data(step="confirm")).status_code == 302

    # 2. The public form, with consent to feedback under a separate address.
    public = Client()
    response = public.post("/reports/public/", public_form_data(
        step="confirm", idempotency_key="test-key-000002", wants_feedback="on",
        feedback_email="palaute@example.org"))  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]

    # 3. The API.
    payload = {k: v for k, v in staff_form_data().items() if k != "idempotency_key"}
    api = staff.post("/api/v1/reports", payload, content_type="application/json", HTTP_IDEMPOTENCY_KEY="api-key-0001")
    assert api.status_code == 201, api.content
    # The redaction preview endpoint stores nothing but is a way in too.
    assert staff.post("/api/v1/redact", {"text": LEAKY_DESCRIPTION}, content_type="application/json").status_code == 200

    assert Report.objects.count() == 3
    assert FeedbackContact.objects.get().email == "palaute@example.org"
    stored = all_stored_text()
    assert "[NIMI]" in stored and "[HETU]" in stored and "Vuokrarästit" in stored
    assert_nothing_leaked(stored)
    assert_nothing_leaked("\n".join(r.getMessage() + str(r.__dict__) for r in captured_logs.records))
    assert_nothing_leaked("\n".join(m.body + m.subject for m in mail.outbox))


def test_server_error_page_and_logs_carry_no_report_text(make_user, captured_logs, monkeypatch, settings):
    settings.DEBUG = False
    reporter = make_user(Role.REPORTER)
    client = Client(raise_request_exception=False)
    client.force_login(reporter)

    def explode(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("database went away")

    monkeypatch.setattr("ilmio.reports.views.submit_report", explode)
    response = client.post("/reports/new/", staff_form_data(step="confirm"))
    assert response.status_code == 500
    assert_nothing_leaked(response.content.decode())
    assert_nothing_leaked("\n".join(r.getMessage() + str(r.__dict__) for r in captured_logs.records))
    assert Report.objects.count() == 0
