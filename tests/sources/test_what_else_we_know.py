"""A case (ilmiökortti) shows what else the county knows on its phenomenon — findings of its
source documents (drafts marked), notifications of shortcomings and client feedback, all
counts through the disclosure door — and the phenomenon brief counts the feedback too.
Nothing of another county, and nothing of another phenomenon, comes in."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.test import Client
from django.utils import timezone

from ilmio.analysis.services import create_case
from ilmio.indicators.disclosure import threshold
from ilmio.shortcomings.models import Shortcoming
from ilmio.sources.models import FeedbackItem
from ilmio.taxonomy.models import Phenomenon
from tests.shortcomings.registry import shortcoming_in
from tests.sources.feedback_helpers import feedback
from tests.sources.helpers import asuminen_findings

pytestmark = pytest.mark.django_db
FIRST = "Asunnottomuus on lisääntynyt nuorten aikuisten keskuudessa."


def page(user, path: str) -> str:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def case_on(coordinator, code: str | None = "asuminen"):  # type: ignore[no-untyped-def]
    phenomenon = Phenomenon.objects.get(code=code) if code else None
    return create_case(county=coordinator.county, title="Nuorten asunnottomuus", by=coordinator, phenomenon=phenomenon)


def notified(count: int, year: int, by) -> None:  # type: ignore[no-untyped-def]
    housing = Phenomenon.objects.get(code="asuminen")
    for month in range(1, count + 1):
        item = shortcoming_in("15", by=by)
        item.phenomena.set([housing])
        Shortcoming.objects.filter(pk=item.pk).update(created_at=timezone.make_aware(datetime(year, month, 10, 12)))


def test_the_case_shows_findings_shortcomings_and_feedback_on_its_phenomenon(make_user):
    coordinator = make_user("coordinator")
    asuminen_findings(coordinator)  # a draft: the coordinator sees it, marked
    asuminen_findings(make_user("coordinator", "13"), publish=True, county_municipality="297")
    last_year = timezone.localdate().year - 1
    notified(threshold() + 1, last_year, make_user("reporter"))
    feedback("15", 9, kind=FeedbackItem.Kind.FEEDBACK, key="a")
    feedback("15", 7, kind=FeedbackItem.Kind.REMINDER, key="b")
    feedback("15", 30, phenomenon="toimeentulo", key="c")  # another phenomenon
    feedback("13", 50, key="d")  # another county
    case = case_on(coordinator)
    html = page(coordinator, f"/triage/cases/{case.pk}/")
    assert "What else we know" in html
    assert html.count(FIRST) == 1 and "not published" in html  # county 13's same finding stays out
    assert f"{last_year}: {threshold() + 1}" in html
    assert "Client feedback, reminders and complaints on this phenomenon" in html
    assert '<td class="num count">16</td>' in html  # 9 + 7 of county 15 on asuminen, nothing else
    assert "/situation/brief/asuminen/?level=county&amp;area=15" in html


def test_a_case_without_a_phenomenon_asks_for_one(make_user):
    coordinator = make_user("coordinator")
    asuminen_findings(coordinator)
    html = page(coordinator, f"/triage/cases/{case_on(coordinator, None).pk}/")
    assert "phenomenon below to see the county" in html and FIRST not in html


def test_a_case_on_another_phenomenon_shows_none_of_it(make_user):
    coordinator = make_user("coordinator")
    asuminen_findings(coordinator)
    feedback("15", 20, key="a")
    html = page(coordinator, f"/triage/cases/{case_on(coordinator, 'toimeentulo').pk}/")
    assert FIRST not in html and "Nothing else is known on this phenomenon yet." in html


def test_the_brief_counts_feedback_with_small_numbers_hidden(make_user):
    feedback("15", 12, kind=FeedbackItem.Kind.FEEDBACK, key="a")
    feedback("15", 1, kind=FeedbackItem.Kind.COMPLAINT, key="b")
    feedback("13", 40, kind=FeedbackItem.Kind.REMINDER, key="c")
    html = page(None, "/situation/brief/asuminen/?level=county&area=15")
    assert "What other sources say" in html and "Client feedback, reminders and complaints on this phenomenon" in html
    assert '<td class="num count">13</td>' in html  # the total; county 13's forty are not in it
    assert '<td class="num count">1</td>' not in html and '<td class="num count">40</td>' not in html
    assert "Asuntoa ei löytynyt." not in html  # counts, never texts


def test_a_municipality_brief_counts_the_items_naming_it(make_user):
    feedback("15", 11, municipality="179", key="a")
    feedback("15", 25, key="b")  # no municipality: counted for the county only
    county = page(None, "/situation/brief/asuminen/?level=county&area=15")
    municipality = page(None, "/situation/brief/asuminen/?level=municipality&area=179")
    assert '<td class="num count">36</td>' in county
    assert '<td class="num count">11</td>' in municipality and '<td class="num count">36</td>' not in municipality
