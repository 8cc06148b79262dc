"""Write functions for notifications of shortcomings. Every change ends here and is audited.

The audit events name the notification by its id and carry status codes only: never the
text and never the notifier (the actor of ``SHORTCOMING_FILED`` is left out for that
reason: the trail is read by the county's managers, not only by the receiver).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ilmio.accounts.models import Organisation, User
from ilmio.core.audit import Event, record_event
from ilmio.core.roles import Role
from ilmio.shortcomings import access
from ilmio.shortcomings.deadlines import authority_name, deadlines_for
from ilmio.shortcomings.models import CorrectiveAction, Shortcoming, ShortcomingStep

W = Shortcoming.WORKFLOW
LANGUAGES = ("fi", "sv", "en")


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _today(now: datetime | None) -> date:
    return timezone.localdate(_now(now))


def _step(shortcoming: Shortcoming, kind: str, now: datetime | None) -> None:
    ShortcomingStep.objects.create(shortcoming=shortcoming, kind=kind, at=_now(now))


def default_receiver(unit: Organisation) -> User | None:
    """The person responsible for the unit: its manager (the first, if it has several)."""
    if unit.county_id is None:
        return None
    return (User.objects.filter(organisation=unit, role=Role.MANAGER, is_active=True, county_id=unit.county_id)
            .order_by("pk").first())  # fmt: skip


def _language(value: str | None, by: Any) -> str:
    if value in LANGUAGES:
        return str(value)
    preferred = getattr(by, "preferred_language", "fi")
    return preferred if preferred in LANGUAGES else "fi"


def file_shortcoming(*, unit: Organisation, service_area: str, what: str, by: Any, since: date | None = None,
                     safety_at_risk_now: bool = False, phenomena: Iterable[Any] = (), language: str | None = None,
                     signs: bool = False, now: datetime | None = None) -> Shortcoming:  # fmt: skip
    """A notification from a member of staff to the unit's responsible person."""
    if not access.may_notify(by):
        raise ValueError(_("You cannot notify shortcomings."))
    if unit.county_id is None or unit.county_id != by.county_id:
        raise ValueError(_("Choose a unit of your own county."))
    if service_area not in Shortcoming.ServiceArea.values:
        raise ValueError(_("Choose a service area."))
    if not (what or "").strip():
        raise ValueError(_("Describe the shortcoming."))
    at = _now(now)
    if since is not None and since > timezone.localdate(at):
        raise ValueError(_("The start date cannot be in the future."))
    due = deadlines_for(unit.county.code if unit.county else None, timezone.localdate(at))
    with transaction.atomic():
        shortcoming = Shortcoming(
            county_id=unit.county_id, unit=unit, service_area=service_area, what=what, since=since,
            safety_at_risk_now=bool(safety_at_risk_now), notifier=by, notifier_language=_language(language, by),
            notifier_signs=bool(signs), receiver=default_receiver(unit), acknowledge_by=due.acknowledge_by,
            correct_by=due.correct_by, created_at=at,
        )  # fmt: skip
        shortcoming.save()
        shortcoming.phenomena.set(list(phenomena))
        _step(shortcoming, ShortcomingStep.Kind.FILED, at)
        # No actor: the trail must not name the notifier to everyone who reads it.
        record_event(None, Event.SHORTCOMING_FILED, obj=shortcoming, county=shortcoming.county_id,
                     service_area=service_area, safety_at_risk_now=bool(safety_at_risk_now))  # fmt: skip
    return shortcoming


def _require_receiver(shortcoming: Shortcoming, by: Any) -> None:
    if not access.handled_by(by, shortcoming):
        raise ValueError(_("Only the unit's responsible person can do that."))


def _move(shortcoming: Shortcoming, role: str, by: Any, *, also: Iterable[str] = (),
          event: str = Event.SHORTCOMING_STATUS_CHANGED, **details: Any) -> str:  # fmt: skip
    new = W.named(role)
    previous = shortcoming.set_status(new, also=also)
    record_event(by, event, obj=shortcoming, from_status=previous, to_status=new, **details)
    return previous


def acknowledge(shortcoming: Shortcoming, *, by: Any, now: datetime | None = None) -> Shortcoming:
    """The receiver has read it; who acknowledges becomes its receiver if it had none."""
    _require_receiver(shortcoming, by)
    W.check(shortcoming.status, W.named("on_acknowledge"))
    with transaction.atomic():
        shortcoming.acknowledged_at = _now(now)
        fields = ["acknowledged_at"]
        if shortcoming.receiver_id is None:
            shortcoming.receiver = by
            fields.append("receiver")
        _move(shortcoming, "on_acknowledge", by, also=fields, event=Event.SHORTCOMING_ACKNOWLEDGED)
        _step(shortcoming, ShortcomingStep.Kind.ACKNOWLEDGED, now)
    return shortcoming


def start_correcting(shortcoming: Shortcoming, *, by: Any, now: datetime | None = None) -> Shortcoming:
    _require_receiver(shortcoming, by)
    with transaction.atomic():
        _move(shortcoming, "on_start_correcting", by)
        _step(shortcoming, ShortcomingStep.Kind.CORRECTING, now)
    return shortcoming


def add_corrective_action(shortcoming: Shortcoming, what: str, *, by: Any, owner: Any = None, due: date | None = None,
                          now: datetime | None = None) -> CorrectiveAction:  # fmt: skip
    _require_receiver(shortcoming, by)
    if not shortcoming.takes_actions:
        raise ValueError(_("Acknowledge the notification before planning corrective actions."))
    if not (what or "").strip():
        raise ValueError(_("Describe the corrective action."))
    if owner is not None and not access.owners_for(by).filter(pk=owner.pk).exists():
        raise ValueError(_("Choose an owner from your county."))
    with transaction.atomic():
        action = CorrectiveAction(shortcoming=shortcoming, what=what, owner=owner, due=due)
        action.save()
        _step(shortcoming, ShortcomingStep.Kind.ACTION_ADDED, now)
        record_event(by, Event.SHORTCOMING_ACTION_ADDED, obj=shortcoming, action=action.pk)
    return action


def complete_action(action: CorrectiveAction, *, by: Any, now: datetime | None = None) -> CorrectiveAction:
    shortcoming = action.shortcoming
    _require_receiver(shortcoming, by)
    if action.is_done:
        raise ValueError(_("The corrective action is already completed."))
    if not shortcoming.is_open:
        raise ValueError(_("The notification is closed."))
    with transaction.atomic():
        action.done_at = _now(now)
        action.save(update_fields=["done_at"])
        _step(shortcoming, ShortcomingStep.Kind.ACTION_DONE, now)
        record_event(by, Event.SHORTCOMING_STATUS_CHANGED, obj=shortcoming, action=action.pk, action_done=True)
    return action


def mark_corrected(shortcoming: Shortcoming, *, by: Any, now: datetime | None = None) -> Shortcoming:
    _require_receiver(shortcoming, by)
    if shortcoming.actions.filter(done_at=None).exists():
        raise ValueError(_("Complete the corrective actions first."))
    W.check(shortcoming.status, W.named("on_corrected"))
    with transaction.atomic():
        shortcoming.closed_at = _now(now)
        _move(shortcoming, "on_corrected", by, also=["closed_at"])
        _step(shortcoming, ShortcomingStep.Kind.CORRECTED, now)
    return shortcoming


def mark_unfounded(shortcoming: Shortcoming, reason: str, *, by: Any, now: datetime | None = None) -> Shortcoming:
    _require_receiver(shortcoming, by)
    if not (reason or "").strip():
        raise ValueError(_("Say why the notification is unfounded."))
    W.check(shortcoming.status, W.named("on_unfounded"))
    with transaction.atomic():
        shortcoming.closed_at, shortcoming.unfounded_reason = _now(now), reason
        _move(shortcoming, "on_unfounded", by, also=["closed_at", "unfounded_reason"])
        _step(shortcoming, ShortcomingStep.Kind.UNFOUNDED, now)
    return shortcoming


def _escalate(shortcoming: Shortcoming, reason: str, by: Any, side: str, now: datetime | None) -> Shortcoming:
    W.check(shortcoming.status, W.named("on_escalate"))
    at = _now(now)
    with transaction.atomic():
        shortcoming.escalated_at = shortcoming.closed_at = at
        shortcoming.escalated_by, shortcoming.escalation_reason = side, reason
        shortcoming.authority = authority_name(shortcoming.notifier_language)
        _move(shortcoming, "on_escalate", by, event=Event.SHORTCOMING_ESCALATED, escalated_by=side,
              also=["escalated_at", "closed_at", "escalated_by", "escalation_reason", "authority"])  # fmt: skip
        _step(shortcoming, ShortcomingStep.Kind.ESCALATED, at)
    return shortcoming


def escalate(shortcoming: Shortcoming, reason: str, *, by: Any, now: datetime | None = None) -> Shortcoming:
    """To the supervisory authority: the receiver must, the notifier may."""
    if access.is_notifier(by, shortcoming):
        side = Shortcoming.EscalatedBy.NOTIFIER
    elif access.handled_by(by, shortcoming):
        side = Shortcoming.EscalatedBy.RECEIVER
    else:
        raise ValueError(_("Only the notifier or the unit's responsible person can do that."))
    if not (reason or "").strip():
        raise ValueError(_("Say why the notification goes to the supervisory authority."))
    # The notifier's own escalation is recorded without them as the actor (identity protected).
    actor = None if side == Shortcoming.EscalatedBy.NOTIFIER else by
    return _escalate(shortcoming, reason, actor, side, now)


def open_statuses() -> list[str]:
    return W.with_flag("open")


def escalate_overdue(now: datetime | None = None) -> list[Shortcoming]:
    """Every open notification past its correction deadline goes to the authority."""
    today = _today(now)
    overdue = list(Shortcoming.objects.filter(status__in=open_statuses(), correct_by__lt=today).order_by("pk"))
    escalated = []
    for shortcoming in overdue:
        with translation.override(shortcoming.notifier_language):
            reason = str(Shortcoming.EscalatedBy.DEADLINE.label)
        escalated.append(_escalate(shortcoming, reason, None, Shortcoming.EscalatedBy.DEADLINE, now))
    return escalated


def overdue_shortcomings(now: datetime | None = None) -> list[Shortcoming]:
    """Open ones past a deadline: not acknowledged in time, or not corrected in time."""
    today = _today(now)
    candidates = Shortcoming.objects.filter(status__in=open_statuses()).select_related("unit", "county", "receiver")
    return [s for s in candidates.order_by("correct_by", "pk")
            if s.correct_by < today or (s.status_is("unacknowledged") and s.acknowledge_by < today)]  # fmt: skip


def _recipients(shortcoming: Shortcoming) -> list[User]:
    if shortcoming.receiver is not None and shortcoming.receiver.is_active:
        return [shortcoming.receiver]
    return list(User.objects.filter(role=Role.MANAGER, is_active=True, county_id=shortcoming.county_id).order_by("pk"))


def reminder_text(user: User, items: list[Shortcoming]) -> tuple[str, str]:
    """Subject and body in the receiver's language: ids, units, service areas and
    deadlines only — never the text of the notification nor who notified."""
    language = user.preferred_language if user.preferred_language in LANGUAGES else "fi"
    from django.utils.formats import date_format

    with translation.override(language):
        subject = _("Ilmiö: notifications of shortcomings past their deadline")
        lines = [ngettext("%(count)s notification of a shortcoming in your units is past its deadline.",
                          "%(count)s notifications of shortcomings in your units are past their deadline.",
                          len(items)) % {"count": len(items)}]  # fmt: skip
        for item in items:
            lines.append(_("No. %(id)s, %(unit)s, %(area)s: to be corrected by %(date)s (%(status)s)") % {
                "id": item.pk, "unit": item.unit.name, "area": item.get_service_area_display(),
                "date": date_format(item.correct_by, "SHORT_DATE_FORMAT"), "status": item.status_label})
        lines.append(_("Handle them here: %(url)s") % {"url": settings.SITE_URL + reverse("shortcomings:workbench")})
        lines.append(_("A notification not corrected in time goes to %(authority)s.") % {
            "authority": authority_name(language)})
    return subject, "\n\n".join(lines)


def send_overdue_reminders(now: datetime | None = None) -> int:
    """One e-mail per receiver with an e-mail address; returns how many were sent."""
    by_user: dict[int, tuple[User, list[Shortcoming]]] = {}
    for shortcoming in overdue_shortcomings(now):
        for user in _recipients(shortcoming):
            if user.email:
                by_user.setdefault(user.pk, (user, []))[1].append(shortcoming)
    for user, items in by_user.values():
        subject, body = reminder_text(user, items)
        send_mail(subject, body, None, [user.email])
    return len(by_user)
