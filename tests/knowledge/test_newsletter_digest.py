"""The monthly newsletter: sent to subscribers only, once per month, in each reader's
language and audience version, never with another county's items."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.world import World, client_for

pytestmark = pytest.mark.django_db


def month_of_publishing(world: World) -> str:
    return f"{world.own.summaries['public'].published_at.astimezone(timezone.get_current_timezone()):%Y-%m}"


def subscribe(user: object) -> None:
    from ilmio.knowledge.newsletter import toggle_subscription

    assert toggle_subscription(user) is True


def body(message: mail.EmailMessage) -> str:
    html = message.alternatives[0][0] if getattr(message, "alternatives", None) else ""  # type: ignore[attr-defined]
    return message.subject + message.body + str(html)


def test_only_subscribers_get_it_once_each_in_their_audience_and_language(world: World) -> None:
    from ilmio.knowledge.newsletter import send_newsletters

    coordinator, decision_maker = world.own.users["coordinator"], world.own.users["decision_maker"]
    decision_maker.preferred_language = "sv"
    decision_maker.email = decision_maker.email or "dm@example.org"
    decision_maker.save()
    coordinator.preferred_language = "fi"
    coordinator.email = coordinator.email or "co@example.org"
    coordinator.save()
    subscribe(coordinator)
    subscribe(decision_maker)
    mail.outbox.clear()
    assert send_newsletters(month_of_publishing(world)) == 2
    by_recipient = {m.to[0]: body(m) for m in mail.outbox}
    assert set(by_recipient) == {coordinator.email, decision_maker.email}
    internal, dm = by_recipient[coordinator.email], by_recipient[decision_maker.email]
    assert "ksuomi-summary-internal" in internal and "ksuomi-summary-public" in internal
    assert "ksuomi-summary-internal" not in dm and "ksuomi-summary-decision_makers" in dm
    assert "ksuomi-summary-draft" not in internal and "ksuomi-summary-approved" not in internal
    assert "psavo" not in internal + dm
    assert "Publicerade sammanfattningar" in dm and "Julkaistut yhteenvedot" in internal
    assert send_newsletters(month_of_publishing(world)) == 0, "a month is sent once"
    assert len(mail.outbox) == 2


def test_sending_is_audited_with_ids_only(world: World) -> None:
    from ilmio.core.audit import Event
    from ilmio.core.models import AuditEvent
    from ilmio.knowledge.newsletter import send_newsletters

    user = world.own.users["manager"]
    user.email = user.email or "m@example.org"
    user.save()
    subscribe(user)
    assert send_newsletters(month_of_publishing(world)) == 1
    event = AuditEvent.objects.filter(event_type=Event.NEWSLETTER_SENT).latest("pk")
    assert "ksuomi" not in str(event.__dict__)


def test_decisions_of_their_month(world: World) -> None:
    from ilmio.knowledge.newsletter import digest_for

    digest = digest_for(world.own.users["decision_maker"], "2026-02")
    assert digest is not None
    titles = {p.title for p in digest.decisions}
    assert "ksuomi-proposal-public" in titles and "ksuomi-proposal-internal" not in titles
    assert not {t for t in titles if t.startswith("psavo")}


def test_page_and_toggle(world: World) -> None:
    from ilmio.knowledge.newsletter import is_subscribed

    user = world.own.users["decision_maker"]
    client = client_for(user)
    path = f"/knowledge/newsletter/{month_of_publishing(world)}/"
    text = client.get(path).content.decode()
    assert (
        "ksuomi-summary-decision_makers" in text
        and "ksuomi-summary-internal" not in text
        and "psavo" not in text
    )
    assert client.post(path, {"action": "toggle_subscription"}).status_code == 302
    assert is_subscribed(user)
    client.post(path, {"action": "toggle_subscription"})
    assert not is_subscribed(user)


@pytest.mark.parametrize("month", ["2026-13", "abc", "2026-1"])
def test_bad_month_is_404(world: World, month: str) -> None:
    assert (
        client_for(world.own.users["manager"]).get(f"/knowledge/newsletter/{month}/").status_code
        == 404
    )


def test_public_and_reporters_cannot_open_it(world: World) -> None:
    path = "/knowledge/newsletter/2026-02/"
    assert client_for().get(path).status_code == 302
    assert client_for(world.own.users["reporter"]).get(path).status_code == 403


def test_command(world: World) -> None:
    from io import StringIO

    out = StringIO()
    call_command("send_newsletters", "--month", "2026-02", stdout=out)
    assert "2026-02" in out.getvalue()
