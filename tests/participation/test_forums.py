"""Open forums (#15 item 3): anyone suggests a topic, a coordinator moderates, people vote —
once per browser and topic — and the list follows the votes; a held forum takes no more."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from ilmio.participation.models import Forum, ForumTopic, TopicVote
from ilmio.participation.services import create_forum, moderate_topic, suggest_topic, vote_for_topic
from tests.participation.helpers import NAME
from tests.reports.helpers import old_token

pytestmark = pytest.mark.django_db


def a_forum(coordinator, days: int = 10) -> Forum:  # type: ignore[no-untyped-def]
    return create_forum(county=coordinator.county, title="Avoin foorumi: nuorten illat",
                        starts_at=timezone.now() + timedelta(days=days), place="Kirjasto", by=coordinator)  # fmt: skip


def test_a_suggestion_is_listed_only_once_accepted_and_votes_order_the_list(make_user):
    coordinator = make_user("coordinator")
    staff = Client(HTTP_ACCEPT_LANGUAGE="en")
    staff.force_login(coordinator)
    made = staff.post("/participation/forums/", {"title": "Avoin foorumi", "day": (timezone.localdate() + timedelta(days=9)).isoformat(),
                                                 "time": "18:00", "place": "Kirjasto"})  # fmt: skip
    assert made.status_code == 302
    forum = Forum.objects.get()
    public_page = f"/participation/forums/{forum.pk}/topics/"
    resident = Client(HTTP_ACCEPT_LANGUAGE="en")
    for text in (f"Nuorten illat, sanoi {NAME}", "Bussivuorot kylille"):
        assert resident.post(public_page, {"action": "suggest", "text": text, "form_token": old_token(), "website": ""}).status_code == 302
    first, second = ForumTopic.objects.order_by("pk")
    assert NAME not in first.text and "Virtanen" not in first.text  # redacted like every free text
    assert "Bussivuorot" not in resident.get(public_page).content.decode()  # not before moderation
    assert staff.post(f"/participation/forums/{forum.pk}/", {"action": "accept", "item": second.pk}).status_code == 302
    assert staff.post(f"/participation/forums/{forum.pk}/", {"action": "accept", "item": first.pk}).status_code == 302
    assert staff.post(f"/participation/forums/{forum.pk}/", {"action": "reject", "item": first.pk}).status_code == 302
    shown = resident.get(public_page).content.decode()
    assert "Bussivuorot kylille" in shown and "Nuorten illat" not in shown

    # One vote per browser and topic: the cookie is the voter, not a person.
    resident.post(public_page, {"action": "vote", "item": second.pk})
    again = resident.post(public_page, {"action": "vote", "item": second.pk}, follow=True)
    assert "You have already voted for this topic." in again.content.decode()
    Client().post(public_page, {"action": "vote", "item": second.pk})
    second.refresh_from_db()
    assert second.votes == 2 and TopicVote.objects.count() == 2
    assert NAME not in "".join(TopicVote.objects.values_list("voter", flat=True))
    # A rejected topic cannot be voted on, and nothing changes.
    refused = resident.post(public_page, {"action": "vote", "item": first.pk}, follow=True)
    assert "This topic cannot be voted on." in refused.content.decode()
    first.refresh_from_db()
    assert first.votes == 0
    assert resident.post(public_page, {"action": "vote", "item": "x"}).status_code == 302


def test_a_held_forum_takes_no_topics_and_no_votes(make_user):
    coordinator = make_user("coordinator")
    forum = a_forum(coordinator)
    topic = suggest_topic(forum, text="Bussivuorot")
    moderate_topic(topic, "accept", by=coordinator)
    Forum.objects.filter(pk=forum.pk).update(starts_at=timezone.now() - timedelta(hours=1))
    forum.refresh_from_db()
    with pytest.raises(ValueError):
        suggest_topic(forum, text="Myöhässä")
    with pytest.raises(ValueError):
        vote_for_topic(topic, voter_token="abc")
    page = Client(HTTP_ACCEPT_LANGUAGE="en").post(f"/participation/forums/{forum.pk}/topics/",
                                                  {"action": "suggest", "text": "Myöhässä", "form_token": old_token()}, follow=True)  # fmt: skip
    assert "This forum has already been held." in page.content.decode()
    assert ForumTopic.objects.count() == 1


def test_moderation_is_for_the_forums_own_county(make_user):
    coordinator = make_user("coordinator")
    forum = a_forum(coordinator)
    topic = suggest_topic(forum, text="Bussivuorot")
    other = Client()
    other.force_login(make_user("coordinator", county_code="13", username="other-coordinator"))
    assert other.get(f"/participation/forums/{forum.pk}/").status_code == 404
    assert other.post(f"/participation/forums/{forum.pk}/", {"action": "accept", "item": topic.pk}).status_code == 404
    reporter = Client()
    reporter.force_login(make_user("reporter"))
    assert reporter.post(f"/participation/forums/{forum.pk}/", {"action": "accept", "item": topic.pk}).status_code == 403
    topic.refresh_from_db()
    assert topic.status == ForumTopic.WORKFLOW.initial
