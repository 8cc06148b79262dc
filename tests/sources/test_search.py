"""The sources are searchable: documents and their findings on the source list, client
feedback on the feedback page — only what the user may see, only redacted text, and a read
of feedback texts recorded in the audit log."""

from __future__ import annotations

import pytest
from django.test import Client

from ilmio.core.audit import Event
from ilmio.core.models import AuditEvent
from tests.sources.feedback_helpers import feedback
from tests.sources.helpers import NAME, asuminen_findings, document

pytestmark = pytest.mark.django_db


def page(user, path: str) -> str:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_word_of_a_finding_finds_its_document_and_the_finding(make_user):
    coordinator = make_user("coordinator")
    made, _ = asuminen_findings(coordinator)
    document(coordinator, title="Hyvinvointikertomus 2024", kind="welfare_report", year=2024)
    found = page(coordinator, "/sources/?q=nuorten")
    assert "1 document matches" in found and made.title in found and "Hyvinvointikertomus 2024" not in found
    assert "Findings that match" in found and "Asunnottomuus on lisääntynyt nuorten aikuisten keskuudessa." in found
    assert "Tuetun asumisen paikkoja" not in found  # the other finding does not match
    everything = page(coordinator, "/sources/")
    assert made.title in everything and "Hyvinvointikertomus 2024" in everything and "Findings that match" not in everything


def test_kind_and_phenomenon_narrow_the_search(make_user):
    coordinator = make_user("coordinator")
    made, _ = asuminen_findings(coordinator)
    document(coordinator, title="Hyvinvointikertomus 2024", kind="welfare_report", year=2024)
    welfare = page(coordinator, "/sources/?kind=welfare_report")
    assert "Hyvinvointikertomus 2024" in welfare and made.title not in welfare
    on_housing = page(coordinator, "/sources/?phenomenon=asuminen")
    assert made.title in on_housing and "Hyvinvointikertomus 2024" not in on_housing
    assert "Tuetun asumisen paikkoja" in on_housing  # both findings on asuminen are listed


def test_bad_search_input_is_told_and_changes_nothing(make_user):
    coordinator = make_user("coordinator")
    asuminen_findings(coordinator)
    answer = page(coordinator, "/sources/?kind=nonsense&phenomenon=nope&q=" + "x" * 500)
    assert "Select a valid choice" in answer and "Ensure this value has at most 100 characters" in answer


def test_a_name_finds_nothing_because_it_was_never_stored(make_user):
    coordinator = make_user("coordinator")
    made = document(coordinator, title=f"Selvitys, jossa {NAME} mainitaan")
    assert "Matti" not in made.title
    assert "Nothing matches the search." in page(coordinator, "/sources/?q=Virtanen")


def test_another_countys_documents_and_drafts_below_the_audience_are_not_found(make_user):
    other, _ = asuminen_findings(make_user("coordinator", "13"), publish=True, county_municipality="297")
    own, _ = asuminen_findings(make_user("coordinator"))  # not published
    decision_maker = make_user("decision_maker")
    found = page(decision_maker, "/sources/?q=asunnottomuus")
    assert "Nothing matches the search." in found and "Findings that match" not in found
    assert "Asunnottomuus" not in found
    assert own.pk and other.pk


def test_feedback_texts_are_searched_redacted_and_the_read_is_audited(make_user):
    coordinator = make_user("coordinator")
    feedback("15", 3, kind="complaint", text=f"Asiakas {NAME} ei saanut asuntoa.", key="a")
    feedback("15", 2, kind="feedback", phenomenon="toimeentulo", text="Toimeentulotuki viivästyi.", key="b")
    feedback("13", 4, kind="complaint", text="Asunto puuttui muualla.", key="c")
    found = page(coordinator, "/sources/feedback/?q=asunto")
    assert "3 items match." in found and "Matti" not in found and "Virtanen" not in found
    assert "muualla" not in found and "Toimeentulotuki" not in found
    event = AuditEvent.objects.get(event_type=Event.FEEDBACK_LISTED)
    assert event.actor == coordinator and event.details["total"] == 3 and "asunto" not in str(event.details)
    by_kind = page(coordinator, "/sources/feedback/?kind=feedback")
    assert "2 items match." in by_kind and "Toimeentulotuki viivästyi." in by_kind


def test_no_search_lists_no_texts_and_records_nothing(make_user):
    coordinator = make_user("coordinator")
    feedback("15", 3, text="Asuntoa ei löytynyt.")
    answer = page(coordinator, "/sources/feedback/")
    assert "Asuntoa ei löytynyt." not in answer and "items match" not in answer
    assert not AuditEvent.objects.filter(event_type=Event.FEEDBACK_LISTED).exists()


def test_the_decision_maker_cannot_read_feedback(make_user):
    feedback("15", 3)
    client = Client()
    client.force_login(make_user("decision_maker"))
    assert client.get("/sources/feedback/?q=asunto").status_code == 404
