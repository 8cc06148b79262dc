"""The audit log page: a county's events are shown to its managers and administrators
only; its filters work, bad filter input gives a message, and the page is translated."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from ilmio.core.audit import Event, audit_events_for, record_event
from tests.quality.audit_helpers import _three_events, client_for, file_report

pytestmark = pytest.mark.django_db


def test_manager_sees_only_the_events_of_their_own_county(people):
    own, other = file_report(), file_report("13", "297")
    record_event(people["manager"], Event.REPORT_VIEWED, obj=own)
    record_event(people["manager_13"], Event.REPORT_VIEWED, obj=other)
    html = client_for(people["manager"]).get("/audit/").content.decode()
    assert str(own.public_id) in html and str(other.public_id) not in html
    assert set(audit_events_for(people["manager_13"]).values_list("county__code", flat=True)) == {"13"}


def test_coordinator_may_not_open_the_audit_log(people):
    assert client_for(people["coordinator"]).get("/audit/").status_code == 403


def test_anonymous_visitor_is_sent_to_log_in(reference_data):
    response = Client().get("/audit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_admin_sees_their_county_events(people):
    report = file_report()
    record_event(people["coordinator"], Event.REPORT_VIEWED, obj=report)
    assert str(report.public_id) in client_for(people["admin"]).get("/audit/").content.decode()


def _listed(client: Client, query: str) -> str:
    response = client.get(f"/audit/?{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_filter_by_event_type(people):
    first, second = _three_events(people)
    html = _listed(client_for(people["manager"]), "event_type=report_viewed")
    assert str(first.public_id) in html and "old-report" in html and "Reports listed" not in html.split("<tbody>")[1]


def test_filter_by_actor_username(people):
    first, _second = _three_events(people)
    html = _listed(client_for(people["manager"]), "actor=COORDINATOR_15")
    assert str(first.public_id) in html and "old-report" not in html


def test_filter_by_dates(people):
    first, _second = _three_events(people)
    start = (timezone.localdate() - timedelta(days=41)).isoformat()
    end = (timezone.localdate() - timedelta(days=39)).isoformat()
    html = _listed(client_for(people["manager"]), f"date_from={start}&date_to={end}")
    assert "old-report" in html and str(first.public_id) not in html


def test_filter_by_object_id_finds_list_reads_naming_it(people):
    first, second = _three_events(people)
    html = _listed(client_for(people["manager"]), f"object_id={second.public_id}")
    body = html.split("<tbody>")[1]
    assert "Reports listed" in body and str(first.public_id) not in body


@pytest.mark.parametrize("query", ["date_from=31.31.2026", "date_from=2026-05-10&date_to=2026-05-01",
                                   "object_id=a b c", "event_type=nonsense", "page=abc"])  # fmt: skip
def test_bad_filter_input_gives_a_message_not_an_error(people, query):
    _three_events(people)
    response = client_for(people["manager"]).get(f"/audit/?{query}")
    assert response.status_code == 200
    if query != "page=abc":
        assert "Check the filters" in response.content.decode()


def test_audit_log_page_is_translated(people):
    record_event(people["coordinator"], Event.REPORT_VIEWED, obj=file_report())
    client = client_for(people["manager"])
    finnish = client.get("/audit/", HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    swedish = client.get("/audit/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Tapahtumaloki" in finnish and "Raportti luettu" in finnish
    assert "Händelselogg" in swedish and "Rapport läst" in swedish
