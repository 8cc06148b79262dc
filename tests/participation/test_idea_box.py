"""The idea box (#15, third "done when"): an idea from a resident (its text redacted, its
address kept apart) becomes an action proposal and its proposer is told — and the address
is then erased; a member of staff's idea declined with an answer they read; another county
and lower roles kept out; bad input told and nothing changed."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from ilmio.core.audit import Event
from ilmio.core.models import AuditEvent
from ilmio.knowledge.models import Proposal
from ilmio.participation.models import Idea, IdeaContact
from tests.participation.helpers import NAME, public_idea, staff_idea
from tests.reports.helpers import old_token

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def test_a_resident_sends_an_idea_without_an_account_and_its_name_is_removed(reference_data):
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    form = client.get("/participation/ideas/new/")
    assert form.status_code == 200 and "Idélåda" in form.content.decode()
    sent = client.post("/participation/ideas/new/", {
        "title": "Kvällsöppet ungdomsutrymme", "text": f"Min granne {NAME} säger att unga saknar en plats på kvällarna.",
        "municipality": "179", "email": "invanare@example.org", "website": "", "form_token": old_token()})
    assert sent.status_code == 302 and sent["Location"] == "/participation/ideas/thanks/"
    idea = Idea.objects.get()
    assert NAME not in idea.text and "Virtanen" not in idea.text and idea.language == "sv"
    assert idea.county.code == "15" and idea.channel == Idea.Channel.PUBLIC and idea.proposer is None
    assert IdeaContact.objects.get(idea=idea).email == "invanare@example.org"
    assert AuditEvent.objects.filter(event_type=Event.IDEA_SUBMITTED, object_id=str(idea.pk)).exists()
    assert "invanare" not in str(list(AuditEvent.objects.values_list("details", flat=True)))


def test_the_idea_becomes_an_action_proposal_and_the_proposer_is_told_then_the_address_erased(
        make_user, django_capture_on_commit_callbacks):  # fmt: skip
    idea = public_idea(language="sv")
    coordinator = make_user("coordinator")
    client = client_of(coordinator)
    page = client.get(f"/participation/ideas/{idea.pk}/").content.decode()
    assert "Take it forward as an action proposal" in page and "Virtanen" not in page
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"/participation/ideas/{idea.pk}/", {
            "action": "to_proposal", "title": "Nuorten iltatila Jyväskylään", "text": "Avataan nuorille iltatila.",
            "addressed_to": "municipality", "addressed_to_name": "Jyväskylän kaupunki"})
    assert done.status_code == 302
    idea.refresh_from_db()
    proposal = Proposal.objects.get()
    assert idea.proposal == proposal and idea.status == Idea.Status.PROPOSAL and proposal.county == idea.county
    assert proposal.created_by == coordinator
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["asukas@example.org"]
    message = mail.outbox[0]
    assert "Tack för din idé" in message.body and "/knowledge/outcomes/15/" in message.body  # the idea's language
    assert "Virtanen" not in message.body
    assert not IdeaContact.objects.exists() and idea.proposer_informed_at is not None
    assert AuditEvent.objects.filter(event_type=Event.IDEA_CONTACT_ERASED, object_id=str(idea.pk)).exists()
    decided = AuditEvent.objects.get(event_type=Event.IDEA_DECIDED)
    assert decided.details["to"] == Idea.Status.PROPOSAL and decided.details["proposal"] == proposal.pk
    # The proposal continues on the existing chain: its page is the knowledge loop's.
    assert client.get(f"/knowledge/proposals/{proposal.pk}/").status_code == 200
    # A second decision on the same idea is refused and changes nothing.
    again = client.post(f"/participation/ideas/{idea.pk}/", {"action": "decline", "response": "Ei nyt."}, follow=True)
    assert "cannot change" in again.content.decode()
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PROPOSAL and not idea.response and Proposal.objects.count() == 1


def test_a_staff_idea_declined_with_an_answer_the_proposer_reads(make_user, django_capture_on_commit_callbacks):
    reporter = make_user("reporter")
    reporter.email, reporter.preferred_language = "tyontekija@example.org", "fi"
    reporter.save()
    sent = client_of(reporter).post("/participation/ideas/mine/", {"title": "Yhteinen ohjaus", "text": "Ohjaus yhteen."})
    assert sent.status_code == 302
    idea = Idea.objects.get(proposer=reporter)
    assert idea.channel == Idea.Channel.STAFF and idea.county == reporter.county and not IdeaContact.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client_of(make_user("coordinator")).post(f"/participation/ideas/{idea.pk}/", {
            "action": "decline", "response": f"Tämä on jo käynnissä; kysy {NAME}lta lisää."})
    idea.refresh_from_db()
    assert idea.status == Idea.Status.DECLINED and "Virtanen" not in idea.response
    assert mail.outbox[0].to == ["tyontekija@example.org"] and "Kiitos ideastasi" in mail.outbox[0].body
    assert "Tämä on jo käynnissä" in mail.outbox[0].body
    mine = client_of(reporter).get(f"/participation/ideas/{idea.pk}/").content.decode()
    assert "Not taken forward" in mine and "Tämä on jo käynnissä" in mine
    assert "Do not take it forward" not in mine  # the proposer cannot decide


def test_another_county_and_lower_roles_are_kept_out(make_user):
    idea = public_idea()
    other = make_user("coordinator", "13")
    assert client_of(other).get(f"/participation/ideas/{idea.pk}/").status_code == 404
    refused = client_of(other).post(f"/participation/ideas/{idea.pk}/", {"action": "decline", "response": "Ei."})
    assert refused.status_code == 404
    assert idea.title not in client_of(other).get("/participation/ideas/").content.decode()
    reporter = make_user("reporter")
    assert client_of(reporter).get(f"/participation/ideas/{idea.pk}/").status_code == 404
    assert client_of(reporter).post(f"/participation/ideas/{idea.pk}/", {"action": "decline", "response": "Ei."}).status_code == 404
    assert client_of(reporter).get("/participation/ideas/").status_code == 403
    assert Client().get("/participation/ideas/").status_code == 302
    idea.refresh_from_db()
    assert idea.status == Idea.Status.RECEIVED and not Proposal.objects.exists()


def test_bad_input_is_told_and_stores_nothing(reference_data):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for data, message in (
        ({"title": "Idea", "text": "Teksti", "municipality": "", "form_token": old_token()}, "This field is required"),
        ({"title": "Idea", "text": "Teksti", "municipality": "999", "form_token": old_token()}, "Select a valid choice"),
        ({"title": "Idea", "text": "Teksti", "municipality": "179", "form_token": "forged"}, "expired"),
        ({"title": "Idea", "text": "Teksti", "municipality": "179", "form_token": old_token(), "website": "x"}, "could not be sent"),
        ({"title": "", "text": "x" * 5000, "municipality": "179", "form_token": old_token()}, "at most 4000"),
    ):
        answer = client.post("/participation/ideas/new/", data)
        assert answer.status_code == 200 and message in answer.content.decode(), message
    assert not Idea.objects.exists()


def test_the_coordinators_list_filters_by_status(make_user):
    coordinator = make_user("coordinator")
    open_one, declined = public_idea(title="Avoin idea"), staff_idea(make_user("reporter"), title="Hylätty idea")
    from ilmio.participation.services import decline_idea

    decline_idea(declined, by=coordinator, response="Ei nyt.")
    client = client_of(coordinator)
    received = client.get("/participation/ideas/?status=received").content.decode()
    assert "Avoin idea" in received and "Hylätty idea" not in received
    assert "Choose one of the statuses listed" in client.get("/participation/ideas/?status=nope", follow=True).content.decode()
    assert open_one.pk


def test_the_demo_has_ideas_in_every_state_and_one_became_a_proposal(reference_data):
    from ilmio_demo.world import build_demo

    build_demo(reports=300, with_statistics=False)
    ideas = Idea.objects.filter(county__code="15")
    assert set(ideas.values_list("status", flat=True)) == set(Idea.Status.values)
    taken = ideas.get(status=Idea.Status.PROPOSAL)
    assert taken.proposal is not None and taken.proposal.county_id == taken.county_id
    assert ideas.filter(channel=Idea.Channel.STAFF, proposer__username="sosiaalityontekija").exists()
    build_demo(reports=300, with_statistics=False)  # built again: no second set
    assert Idea.objects.filter(county__code="15").count() == ideas.count()
