"""Publishing a summary: only an approved summary is published, and the public page and
its exports suppress small counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from ilmio.core.roles import Role
from ilmio.knowledge import services
from tests.knowledge.helpers import file

pytestmark = pytest.mark.django_db


def test_publishing_needs_approval_and_public_counts_are_suppressed(make_user):
    coordinator = make_user(Role.COORDINATOR)
    for _ in range(3):
        file()
    today = timezone.localdate()
    summary = services.draft_summary(county=coordinator.county, title="Pieni", period_start=today - timedelta(days=1),
                                    period_end=today, by=coordinator)  # fmt: skip
    with pytest.raises(services.LoopError):
        services.publish_summary(summary, "public", by=coordinator)
    services.approve_summary(summary, by=coordinator)
    services.publish_summary(summary, "public", by=coordinator)
    html = Client().get(f"/knowledge/public/summaries/{summary.pk}/").content.decode()
    assert "3 reports" not in html and "–" in html
    markdown = Client().get(f"/knowledge/public/summaries/{summary.pk}/export.md").content.decode()
    assert "3 reports" not in markdown
    pdf = Client().get(f"/knowledge/public/summaries/{summary.pk}/export.pdf")
    assert pdf.content.startswith(b"%PDF")
    summary.refresh_from_db()
    assert summary.pdf_public.name.endswith(".pdf")  # rendered by the background task, then served
