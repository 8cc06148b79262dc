"""Issue 20: the triage queue sorts (newest, oldest, phenomenon, status, title), filters by
whether the classification is confirmed, and offers keyboard shortcuts (a static script)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from ilmio.analysis import services
from ilmio.areas.models import County, Municipality
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.taxonomy.models import Phenomenon

pytestmark = pytest.mark.django_db


def file(title: str, days_ago: int, county: str = "15", municipality: str = "179") -> Report:
    report, _ = submit_report({"title": title, "description": "Vuokrarästit kasvavat asumistuen muutosten jälkeen.",
                               "municipalities": [Municipality.objects.get(code=municipality)]},
                              county=County.objects.get(code=county), channel=Report.Channel.FORM)  # fmt: skip
    Report.objects.filter(pk=report.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    return report


def titles(page: str) -> list[str]:
    import re

    return re.findall(r'class="queue-title" href="[^"]+">([^<]+)</a>', page)


@pytest.fixture
def client(coordinator):  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(coordinator)
    return client


def test_the_queue_sorts(reference_data, client):  # type: ignore[no-untyped-def]
    file("Bussiliikenne", 2), file("Asunnot", 1), file("Etuudet", 3), file("Muu maakunta", 0, county="13", municipality="297")
    assert titles(client.get("/triage/").content.decode()) == ["Asunnot", "Bussiliikenne", "Etuudet"]
    assert titles(client.get("/triage/?sort=oldest").content.decode()) == ["Etuudet", "Bussiliikenne", "Asunnot"]
    assert titles(client.get("/triage/?sort=title").content.decode()) == ["Asunnot", "Bussiliikenne", "Etuudet"]
    # An unknown sort is a form error, not a 500: the queue is shown newest first.
    response = client.get("/triage/?sort=drop%20table")
    assert response.status_code == 200 and titles(response.content.decode()) == ["Asunnot", "Bussiliikenne", "Etuudet"]


def test_the_queue_filters_by_confirmed_classification(reference_data, client, coordinator):  # type: ignore[no-untyped-def]
    confirmed, open_one = file("Vahvistettu", 1), file("Vahvistamaton", 2)
    services.classify_report(confirmed, primary=Phenomenon.objects.get(code="asuminen"), secondary=[], target_groups=[],
                             by=coordinator)  # fmt: skip
    assert titles(client.get("/triage/?status=all&confirmed=no").content.decode()) == [open_one.title]
    assert titles(client.get("/triage/?status=all&confirmed=yes").content.decode()) == [confirmed.title]


def test_the_queue_loads_its_keyboard_script(reference_data, client):  # type: ignore[no-untyped-def]
    from django.contrib.staticfiles import finders

    page = client.get("/triage/").content.decode()
    assert "ilmio/queue.js" in page and "data-queue" in page
    script = finders.find("ilmio/queue.js")
    assert script
    with open(script, encoding="utf-8") as handle:
        assert "keydown" in handle.read()
