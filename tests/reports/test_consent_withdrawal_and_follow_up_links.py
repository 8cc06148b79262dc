"""Every feedback e-mail carries a link that withdraws the consent (the address is deleted,
the report stays); follow-up links are answered once and expire."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ilmio.core.audit import Event
from ilmio.core.models import AuditEvent
from ilmio.knowledge import services as loop
from ilmio.knowledge.models import Action, FollowUp, Notification
from ilmio.reports.models import FeedbackContact
from tests.knowledge.helpers import file

pytestmark = pytest.mark.django_db


def test_the_e_mail_link_withdraws_the_consent_and_keeps_the_report(reference_data, django_capture_on_commit_callbacks):
    report = file(consent=True)
    with django_capture_on_commit_callbacks(execute=True):
        loop.notify_reporters([report], Notification.Kind.ACTION_DONE, 1)
    (message,) = mail.outbox
    match = re.search(r"https?://[^/\s]+(/reports/consent/[^\s]+/)", message.body)
    assert match, message.body
    url = match.group(1)
    public = Client(HTTP_ACCEPT_LANGUAGE="en")
    page = public.get(url).content.decode()
    assert "Stop the e-mails" in page and report.title not in page and "palaute@example.org" not in page
    assert FeedbackContact.objects.filter(report=report).exists()  # looking changes nothing
    done = public.post(url).content.decode()
    assert "no more e-mails about this report" in done
    assert not FeedbackContact.objects.filter(report=report).exists()
    report.refresh_from_db()  # the report stays
    assert AuditEvent.objects.filter(event_type=Event.FEEDBACK_CONTACT_ERASED, object_id=str(report.public_id)).count() == 1
    assert "Stop the e-mails" not in public.get(url).content.decode()  # already done: says so
    public.post(url)
    assert AuditEvent.objects.filter(event_type=Event.FEEDBACK_CONTACT_ERASED).count() == 1
    # A withdrawn contact gets no further e-mail.
    outbox = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        loop.notify_reporters([report], Notification.Kind.DECISION, 2)
    assert len(mail.outbox) == outbox


def test_a_forged_or_altered_link_is_not_found(reference_data):
    public = Client()
    assert public.get("/reports/consent/not-a-token/").status_code == 404
    from ilmio.reports.services import consent_withdrawal_token

    token = consent_withdrawal_token(file(consent=True))
    assert public.post(f"/reports/consent/{token[:-2]}xx/").status_code == 404
    assert FeedbackContact.objects.count() == 1


def follow_up_of(report, sent_days_ago: int = 1) -> FollowUp:  # type: ignore[no-untyped-def]
    from ilmio.areas.models import County

    action = Action.objects.create(county=County.objects.get(code="15"), title="Asumisneuvonta", owner="Tiimi")
    sent = timezone.now() - timedelta(days=sent_days_ago)
    return FollowUp.objects.create(report=report, action=action, due_at=sent, sent_at=sent)


def test_a_follow_up_is_answered_once(reference_data):
    follow_up = follow_up_of(file(consent=True))
    public = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert "Thank you for your answer" in public.post(f"/knowledge/follow-up/{follow_up.token}/", {"answer": "yes"}).content.decode()
    again = public.post(f"/knowledge/follow-up/{follow_up.token}/", {"answer": "no"})
    assert again.status_code == 200 and "already been answered" in again.content.decode()
    follow_up.refresh_from_db()
    assert follow_up.answer == "yes"
    with pytest.raises(loop.LoopError):
        loop.answer_follow_up(follow_up.token, "no")


def test_a_follow_up_link_expires(reference_data):
    follow_up = follow_up_of(file(consent=True), sent_days_ago=FollowUp.VALID_FOR.days + 1)
    public = Client(HTTP_ACCEPT_LANGUAGE="en")
    page = public.get(f"/knowledge/follow-up/{follow_up.token}/").content.decode()
    assert "expired" in page and 'name="answer"' not in page
    public.post(f"/knowledge/follow-up/{follow_up.token}/", {"answer": "yes"})
    follow_up.refresh_from_db()
    assert follow_up.answer == "" and follow_up.answered_at is None
    # Within its time it is answered (time moved, not waited for).
    loop.answer_follow_up(follow_up.token, "partly", now=follow_up.sent_at + FollowUp.VALID_FOR - timedelta(minutes=1))
