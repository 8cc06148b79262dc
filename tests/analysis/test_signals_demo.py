"""The demo's planted emerging phenomenon is found, and coordinators review alerts."""

from __future__ import annotations

import pytest
from django.test import Client

from ilmio.analysis.models import SignalReview
from ilmio.areas.selection import resolve_area
from ilmio.core.roles import Role
from ilmio.situation.picture import signal_rows
from ilmio.taxonomy.models import Phenomenon
from ilmio_demo.world import EMERGING_MUNICIPALITY, EMERGING_PHENOMENON, build_demo

pytestmark = pytest.mark.django_db


def test_planted_signal_is_found_first_and_can_be_reviewed(reference_data, make_user):
    build_demo(reports=900, with_loop=False, with_statistics=False)
    phenomena = {p.code: p for p in Phenomenon.objects.all()}
    coordinator = make_user(Role.COORDINATOR, username="signal_coordinator")
    signals = signal_rows(resolve_area("county", "15"), phenomena, coordinator, coordinator.county_id)
    assert signals, "the planted rise must raise an alert"
    first = signals[0]
    assert (first["phenomenon"].code, first["area_code"]) == (EMERGING_PHENOMENON, EMERGING_MUNICIPALITY)
    # The rest is seasonal noise around a flat rate: at most a stray alert.
    assert len(signals) <= 2

    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(coordinator)
    html = client.get("/situation/?level=county&area=15").content.decode()
    assert "Emerging signals" in html and "Confirm" in html
    response = client.post("/triage/signals/review/", {
        "phenomenon": EMERGING_PHENOMENON, "municipality": EMERGING_MUNICIPALITY, "last_month": first["last_month"],
        "decision": "confirmed", "next": "/situation/?level=county&area=15"})  # fmt: skip
    assert response.status_code == 302 and response["Location"].startswith("/situation/")
    review = SignalReview.objects.get()
    assert review.decision == "confirmed" and review.reviewed_by == coordinator
    assert "Confirmed" in client.get("/situation/?level=county&area=15").content.decode()
    # Another county's municipality cannot be reviewed; an outside redirect is refused.
    client.post("/triage/signals/review/", {"phenomenon": "asuminen", "municipality": "297", "last_month": "2026-11",
                                           "decision": "confirmed", "next": "https://evil.example/"})  # fmt: skip
    assert SignalReview.objects.count() == 1
