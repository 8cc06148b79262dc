"""Issue 20: a statement's "N cited reports" opens to the title, area and date of each
cited report the reader may read — not bare dates, and nothing a reader may not see."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from ilmio.areas.models import County
from ilmio.core.roles import Role
from ilmio.knowledge import services
from tests.knowledge.helpers import file, logged_in

pytestmark = pytest.mark.django_db


def test_cited_reports_show_title_area_and_date_to_staff_only(make_user):  # type: ignore[no-untyped-def]
    manager = make_user(Role.MANAGER)
    cited = [file(municipality="179"), file(municipality="179")]
    today = timezone.localdate()
    summary = services.draft_summary(county=County.objects.get(code="15"), title="Asuminen", by=manager,
                                     period_start=today - timedelta(days=1), period_end=today)  # fmt: skip
    page = logged_in(manager).get(f"/knowledge/summaries/{summary.pk}/").content.decode()
    evidence = page[page.index('<ul class="evidence">'):]
    evidence = evidence[:evidence.index("</ul>")]
    assert evidence.count("<li>") == 2
    assert "Häätöuhka" in evidence and "Jyväskylä" in evidence
    assert f'datetime="{timezone.localtime(cited[0].created_at):%Y-%m-%d}"' in evidence
    assert str(cited[0].public_id) in evidence
    # A decision-maker sees the published version: counts, no report titles or links.
    services.approve_summary(summary, by=manager)
    services.publish_summary(summary, "decision_makers", by=manager)
    reader = logged_in(make_user(Role.DECISION_MAKER)).get(f"/knowledge/summaries/{summary.pk}/").content.decode()
    assert str(cited[0].public_id) not in reader and 'class="evidence"' not in reader


def test_another_countys_reader_sees_no_evidence(make_user):  # type: ignore[no-untyped-def]
    manager = make_user(Role.MANAGER)
    file()
    today = timezone.localdate()
    summary = services.draft_summary(county=County.objects.get(code="15"), title="Asuminen", by=manager,
                                     period_start=today - timedelta(days=1), period_end=today)  # fmt: skip
    response = logged_in(make_user(Role.MANAGER, county_code="13")).get(f"/knowledge/summaries/{summary.pk}/")
    assert response.status_code == 404
