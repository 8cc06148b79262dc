"""Issue 20: the triage page's similar reports show date, area, status and a snippet with
the shared words highlighted; one click marks the report a duplicate of one of them, or adds
it to that report's case."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import timezone

from ilmio.analysis import services
from ilmio.areas.models import County, Municipality
from ilmio.core.models import AuditEvent
from ilmio.core.roles import Role
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report

pytestmark = pytest.mark.django_db

TEXT = "Vuokrarästit kasvavat ja häätöuhka lisääntyy asumistuen muutosten jälkeen Jyväskylässä."


def file(text: str = TEXT, county: str = "15", municipality: str = "179") -> Report:
    report, _ = submit_report({"title": "Vuokrarästit", "description": text,
                               "municipalities": [Municipality.objects.get(code=municipality)]},
                              county=County.objects.get(code=county), channel=Report.Channel.FORM)  # fmt: skip
    return report


def client_of(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def one_click_form(page: str, action: str) -> dict[str, str]:
    """The fields of the first one-button form of this action on the page."""
    pattern = r'<form method="post" class="inline">(?:(?!</form>).)*?name="action" value="' + action + r'"(?:(?!</form>).)*</form>'
    form = re.search(pattern, page, re.S)
    assert form, f"no one-click {action} form"
    return dict(re.findall(r'name="(\w+)" value="([^"]*)"', form.group()))


def test_similar_reports_show_date_area_status_and_highlighted_snippet(reference_data, coordinator):  # type: ignore[no-untyped-def]
    original = file("Häätöuhka kasvaa: vuokrarästit ovat lisääntyneet asumistuen leikkausten jälkeen.")
    report = file()
    page = client_of(coordinator).get(f"/triage/reports/{report.public_id}/").content.decode()
    item = page[page.index('<li class="similar-report">'):]
    item = item[:item.index("</li>")]
    assert str(original.public_id) in item
    assert f'datetime="{timezone.localtime(original.created_at):%Y-%m-%d}"' in item and "Jyväskylä" in item
    assert original.get_status_display() in item
    assert "<mark>vuokrarästit</mark>" in item and "<mark>asumistuen</mark>" in item


def test_one_click_marks_a_duplicate_and_is_audited(reference_data, coordinator):  # type: ignore[no-untyped-def]
    original = file("Häätöuhka kasvaa: vuokrarästit ovat lisääntyneet asumistuen leikkausten jälkeen.")
    report = file()
    client = client_of(coordinator)
    page = client.get(f"/triage/reports/{report.public_id}/").content.decode()
    fields = one_click_form(page, "mark_duplicate")
    assert fields["original"] == str(original.public_id)
    response = client.post(f"/triage/reports/{report.public_id}/", fields, follow=True)
    assert "Marked as a duplicate." in response.content.decode()
    report.refresh_from_db()
    assert report.duplicate_of == original and report.status == Report.WORKFLOW.named("on_duplicate")
    assert AuditEvent.objects.filter(event_type=AuditEvent.Type.REPORT_STATUS_CHANGED, object_id=str(report.public_id)).exists()


def test_one_click_adds_to_the_similar_reports_case(reference_data, coordinator):  # type: ignore[no-untyped-def]
    original = file("Häätöuhka kasvaa: vuokrarästit ovat lisääntyneet asumistuen leikkausten jälkeen.")
    case = services.create_case(county=original.county, title="Häätöuhka", by=coordinator, reports=[original])
    report = file()
    client = client_of(coordinator)
    fields = one_click_form(client.get(f"/triage/reports/{report.public_id}/").content.decode(), "case")
    assert fields["case"] == str(case.pk)
    client.post(f"/triage/reports/{report.public_id}/", fields)
    assert case.reports.filter(pk=report.pk).exists()


def test_another_countys_report_cannot_be_the_original(reference_data, coordinator):  # type: ignore[no-untyped-def]
    other = file(county="13", municipality="091")
    report = file()
    response = client_of(coordinator).post(f"/triage/reports/{report.public_id}/",
                                           {"action": "mark_duplicate", "original": str(other.public_id)}, follow=True)  # fmt: skip
    assert "The original report was not found in your county." in response.content.decode()
    report.refresh_from_db()
    assert report.duplicate_of is None


def test_a_reporter_cannot_mark_a_duplicate(reference_data, make_user):  # type: ignore[no-untyped-def]
    original, report = file(), file()
    response = client_of(make_user(Role.REPORTER)).post(f"/triage/reports/{report.public_id}/",
                                                        {"action": "mark_duplicate", "original": str(original.public_id)})  # fmt: skip
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.duplicate_of is None
