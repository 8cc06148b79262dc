"""The demo has the 2024 phenomenon workshops on mental health and substance use, compiled
and published (their needs in the briefs), and a coming open forum with voted topics."""

from __future__ import annotations

import pytest
from django.test import Client

from ilmio.participation.models import Forum, ForumTopic, WorkshopSeries
from ilmio_demo.world import DEMO_WORKSHOPS, build_demo

pytestmark = pytest.mark.django_db


def test_demo_workshops_of_2024_and_a_forum(reference_data):
    build_demo(reports=300, with_statistics=False)
    series = {s.phenomenon.code: s for s in WorkshopSeries.objects.filter(county__code="15")}
    assert set(series) == {"mielenterveys", "paihteet"}
    for code, _title, days, sheets in DEMO_WORKSHOPS:
        made = series[code]
        assert [s.starts_at.year for s in made.sessions.all()] == [2024] * len(days)
        assert all(s.is_held for s in made.sessions.all())
        assert made.compilation.is_published and made.compilation.worksheet_count == len(sheets)
    page = Client(HTTP_ACCEPT_LANGUAGE="fi").get("/situation/brief/mielenterveys/?level=county&area=15").content.decode()
    assert "Hoitoon pääsyn odotusajat" in page and "Tieto hoitoon hakeutumattomista" in page
    forum = Forum.objects.get(county__code="15")
    listed = list(forum.topics.filter(status__in=ForumTopic.WORKFLOW.with_flag("shown")).values_list("text", "votes"))
    assert listed == [("Bussivuorot kylille", 14), ("Nuorten iltatila", 9)]
    build_demo(reports=300, with_statistics=False)  # built again: nothing doubled
    assert WorkshopSeries.objects.filter(county__code="15").count() == 2 and Forum.objects.count() == 1
