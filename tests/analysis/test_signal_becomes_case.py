"""Issue 20: a coordinator turns an emerging signal into a case — the signal's phenomenon,
its reports of the municipality and months attached, the review confirmed and linked to it."""

from __future__ import annotations

import html
import inspect
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from ilmio.analysis import services
from ilmio.analysis.models import PhenomenonCase, SignalReview
from ilmio.core.models import AuditEvent
from ilmio.core.roles import Role
from ilmio.reports.models import Report
from ilmio.stats.signals import detect_emerging
from tests.knowledge.helpers import file

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def signal_body(month: str, municipality: str = "179") -> dict[str, str]:
    return {"phenomenon": "asuminen", "municipality": municipality, "last_month": month}


def test_the_window_is_the_signals_recent_months() -> None:
    assert inspect.signature(detect_emerging).parameters["recent_months"].default == services.SIGNAL_WINDOW_MONTHS
    start, end = services.signal_period("2026-02")
    assert (start.year, start.month, end.year, end.month) == (2025, 12, 2026, 3)


def test_a_signal_becomes_a_case_with_its_reports(coordinator):  # type: ignore[no-untyped-def]
    month = timezone.localdate().strftime("%Y-%m")
    inside = [file(), file()]
    elsewhere = file(municipality="182")  # another municipality of the county
    old = file()
    Report.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=200))
    client = client_of(coordinator)
    response = client.post("/triage/signals/case/", signal_body(month), follow=True)
    case = PhenomenonCase.objects.get()
    assert response.redirect_chain[-1][0] == f"/triage/cases/{case.pk}/"
    assert "The signal's case, with 2 reports." in html.unescape(response.content.decode())
    assert case.phenomenon.code == "asuminen" and case.county.code == "15"
    assert set(case.reports.all()) == set(inside) and elsewhere not in case.reports.all()
    review = SignalReview.objects.get()
    assert (review.decision, review.case) == (SignalReview.Decision.CONFIRMED, case)
    assert AuditEvent.objects.filter(event_type=AuditEvent.Type.CASE_CREATED, object_id=str(case.pk)).exists()
    # Twice is the same case, not a second one.
    client.post("/triage/signals/case/", signal_body(month))
    assert PhenomenonCase.objects.count() == 1


def test_another_countys_municipality_is_refused(coordinator):  # type: ignore[no-untyped-def]
    response = client_of(coordinator).post("/triage/signals/case/", signal_body("2026-01", "297"), follow=True)
    assert "The signal could not be turned into a case." in response.content.decode()
    assert not PhenomenonCase.objects.exists() and not SignalReview.objects.exists()


def test_a_lower_role_cannot_create_a_case_from_a_signal(make_user):  # type: ignore[no-untyped-def]
    response = client_of(make_user(Role.DECISION_MAKER)).post("/triage/signals/case/", signal_body("2026-01"))
    assert response.status_code == 403
    assert not PhenomenonCase.objects.exists()
