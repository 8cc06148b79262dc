"""The knowledge loop end to end through the web views: triage, summary, publishing,
proposal, decision, action, the reporter's notifications and the four-week follow-up."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ilmio.core.roles import Role
from ilmio.knowledge import services
from ilmio.knowledge.models import Action, FollowUp, Notification, Proposal, Summary
from tests.knowledge.helpers import file, logged_in

pytestmark = pytest.mark.django_db


def test_the_whole_loop_through_the_views(make_user, django_capture_on_commit_callbacks):
    # Notification e-mails are queued on commit; tests run inside one transaction.
    with django_capture_on_commit_callbacks(execute=True):
        walk_the_loop(make_user)
    # In summary, decision, action done, and the four-week follow-up question.
    sent = [m for m in mail.outbox if "reporter@example.org" in m.to]
    assert len(sent) == 4
    assert "Virtanen" not in "".join(m.body for m in sent)
    assert "/knowledge/follow-up/" in sent[-1].body


def walk_the_loop(make_user):  # type: ignore[no-untyped-def]
    reporter, coordinator, manager = make_user(Role.REPORTER), make_user(Role.COORDINATOR), make_user(Role.MANAGER)
    reporter.email = "reporter@example.org"
    reporter.save()
    mine = file(reporter, consent=True, text="Asiakas Matti Virtanen menetti asunnon, kun vuokrarästit kasvoivat.")
    assert "Virtanen" not in mine.description
    for _ in range(6):
        file()
    # Triage
    triage = logged_in(coordinator)
    triage.post(f"/triage/reports/{mine.public_id}/", {"action": "classify", "primary": "asuminen", "municipalities": ["179"]})
    mine.refresh_from_db()
    assert mine.status == "analysed"
    # Summary drafted with citations, approved and published to the public
    today = timezone.localdate()
    response = triage.post("/knowledge/summaries/", {"title": "Asuminen syksyllä", "period_start": (today - timedelta(days=30)).isoformat(),
                                                     "period_end": today.isoformat(), "phenomena": ["asuminen"]})  # fmt: skip
    summary = Summary.objects.get()
    assert response.status_code == 302
    assert summary.statements.first().citations.filter(pk=mine.pk).exists()
    assert summary.quotes.exists()
    approver = logged_in(manager)
    approver.post(f"/knowledge/summaries/{summary.pk}/", {"action": "approve"})
    approver.post(f"/knowledge/summaries/{summary.pk}/", {"action": "publish", "audience": "public"})
    summary.refresh_from_db()
    assert (summary.status, summary.audience) == ("published", "public")
    mine.refresh_from_db()
    assert mine.status == "in_summary"
    # The public page shows the summary but no quote until approved one by one
    public = Client().get(f"/knowledge/public/summaries/{summary.pk}/").content.decode()
    assert "Asuminen syksyllä" in public
    assert not any(q.text in public for q in summary.quotes.all())
    # Proposal → decision → action
    approver.post(f"/knowledge/summaries/{summary.pk}/", {"action": "proposal", "title": "Lisää asumisneuvontaa",
                  "text": "Asumisneuvontaa kaikkiin kuntiin.", "addressed_to": "steering_group"})  # fmt: skip
    proposal = Proposal.objects.get()
    approver.post(f"/knowledge/proposals/{proposal.pk}/", {"outcome": "accepted", "decided_on": today.isoformat(),
                  "body": "Ohjausryhmä", "owner": "Aikuissosiaalityö"})  # fmt: skip
    action = Action.objects.get()
    assert action.proposal == proposal and action.owner == "Aikuissosiaalityö"
    approver.post("/knowledge/actions/", {"action": "update", "pk": action.pk, "status": "done"})
    action.refresh_from_db()
    assert action.status == "done" and action.progress == 100
    mine.refresh_from_db()
    assert mine.status == "acted_on"
    # The reporter sees the outcome and got e-mails and in-app notifications
    kinds = set(Notification.objects.filter(report=mine).values_list("kind", flat=True))
    assert kinds == {"in_summary", "decision", "action_done"}
    page = logged_in(reporter).get(f"/reports/{mine.public_id}/").content.decode()
    assert "Lisää asumisneuvontaa" in page and "Accepted" in page
    assert "Lisää asumisneuvontaa" in Client().get("/knowledge/outcomes/15/").content.decode()
    # Four weeks later the reporter is asked whether things changed
    assert services.send_due_follow_ups() == 0
    assert services.send_due_follow_ups(timezone.now() + timedelta(weeks=4, days=1)) == 1
    follow_up = FollowUp.objects.get(report=mine)
    assert Client().post(f"/knowledge/follow-up/{follow_up.token}/", {"answer": "yes"}).status_code == 200
    follow_up.refresh_from_db()
    assert follow_up.answer == "yes"
