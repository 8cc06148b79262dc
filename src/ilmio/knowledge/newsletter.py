"""The monthly newsletter: what was published and decided in a county in one calendar
month, as far as the reader's audience may see it (through ``access``), in their language.
Subscribing is a per-user opt-in; ``last_month`` makes sending idempotent per month."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ilmio.core.audit import Event, record_event
from ilmio.core.permissions import Capability, has_capability
from ilmio.knowledge import access
from ilmio.knowledge.models import NewsletterSubscription, Proposal, Summary

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclass
class Digest:
    month: str
    start: date
    end: date  # exclusive
    summaries: QuerySet[Summary]
    decisions: QuerySet[Proposal]

    @property
    def empty(self) -> bool:
        return not self.summaries.exists() and not self.decisions.exists()


def parse_month(value: str) -> tuple[date, date] | None:
    match = MONTH.match(value or "")
    if match is None:
        return None
    year, month = int(match[1]), int(match[2])
    return date(year, month, 1), date(year + (month == 12), month % 12 + 1, 1)


def previous_month(today: date | None = None) -> str:
    today = today or timezone.localdate()
    first = today.replace(day=1)
    last = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    return f"{last:%Y-%m}"


def may_subscribe(user: Any) -> bool:
    return has_capability(user, Capability.READ_FORWARDED)


def digest_for(user: Any, month: str) -> Digest | None:
    """The month's digest of the user's own county in their audience's version."""
    bounds = parse_month(month)
    if bounds is None or not may_subscribe(user):
        return None
    start, end = bounds
    summaries = access.summaries_for(user).filter(
        published_at__date__gte=start, published_at__date__lt=end
    )
    decisions = (access.proposals_for(user).exclude(decision=None)
                 .filter(decision__decided_on__gte=start, decision__decided_on__lt=end).select_related("decision"))  # fmt: skip
    return Digest(month=month, start=start, end=end, summaries=summaries.order_by("published_at", "pk"),
                  decisions=decisions.order_by("decision__decided_on", "pk"))  # fmt: skip


def is_subscribed(user: Any) -> bool:
    return NewsletterSubscription.objects.filter(user=user).exists()


def toggle_subscription(user: Any) -> bool:
    """Subscribe or unsubscribe; returns whether the user is now subscribed."""
    deleted, _rows = NewsletterSubscription.objects.filter(user=user).delete()
    if deleted:
        return False
    NewsletterSubscription.objects.create(user=user)
    return True


def _message(user: Any, digest: Digest) -> EmailMultiAlternatives:
    context = {"digest": digest, "user": user, "site": settings.SITE_URL,
               "page": settings.SITE_URL + reverse("knowledge:newsletter", args=[digest.month])}  # fmt: skip
    subject = _("Ilmiö newsletter: what was published and decided in %(month)s") % {
        "month": f"{digest.start:%m/%Y}"
    }
    text = render_to_string("knowledge/newsletter_email.txt", context)
    mail = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [user.email])
    mail.attach_alternative(
        render_to_string("knowledge/newsletter_email.html", context), "text/html"
    )
    return mail


def send_newsletters(month: str | None = None) -> int:
    """Send the month's digest (default: the previous calendar month) to each subscriber
    not yet sent it; returns how many were sent."""
    month = month or previous_month()
    if parse_month(month) is None:
        raise ValueError(month)
    sent = 0
    subscriptions = (
        NewsletterSubscription.objects.select_related("user")
        .exclude(last_month__gte=month)
        .order_by("pk")
    )
    for subscription in subscriptions:
        user = subscription.user
        if not user.is_active or not user.email:
            continue
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            digest = digest_for(user, month)
            if digest is None:
                continue
            with transaction.atomic():
                # Claim the month first: a second run (or a retry) never sends it again.
                claimed = NewsletterSubscription.objects.filter(pk=subscription.pk).exclude(
                    last_month__gte=month
                )
                if not claimed.update(last_month=month):
                    continue
                _message(user, digest).send()
                # A scheduled send, not the user's act: no actor; ids and counts only.
                summary_ids = list(digest.summaries.values_list("pk", flat=True))
                record_event(None, Event.NEWSLETTER_SENT, obj=subscription, county=user.county_id, ids=summary_ids,
                             month=month, summaries=len(summary_ids), decisions=digest.decisions.count())  # fmt: skip
            sent += 1
    return sent
