"""Who may see which notification of shortcoming: the one answer for pages, letters and counts.

* The notifier sees their own notifications (and only theirs, whatever their role).
* The receiver side — the managers of the county (``RECEIVE_SHORTCOMINGS``) — sees the
  county's notifications.
* Everyone else (another county, decision-makers, reporters who did not notify it,
  partners) sees none: the caller answers 404.

The notifier's identity is narrower still: only the notification's receiver and the
notifier themselves (:func:`sees_notifier`).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from ilmio.accounts.models import Organisation
from ilmio.core.access import in_county, is_id
from ilmio.core.permissions import Capability, has_capability
from ilmio.shortcomings.models import CorrectiveAction, Shortcoming


def may_notify(user: Any) -> bool:
    """Staff of a county may notify a shortcoming (the duty is everyone's)."""
    return has_capability(user, Capability.SUBMIT_REPORT) and getattr(user, "county_id", None) is not None


def is_receiver_side(user: Any) -> bool:
    return has_capability(user, Capability.RECEIVE_SHORTCOMINGS)


def own_shortcomings(user: Any) -> QuerySet[Shortcoming]:
    if not may_notify(user):
        return Shortcoming.objects.none()
    return Shortcoming.objects.filter(notifier=user)


def county_shortcomings(user: Any) -> QuerySet[Shortcoming]:
    """The county's notifications, for its receivers (managers)."""
    if not is_receiver_side(user):
        return Shortcoming.objects.none()
    return in_county(Shortcoming.objects.all(), user)


def shortcomings_for(user: Any) -> QuerySet[Shortcoming]:
    if is_receiver_side(user):
        own = Q(notifier=user) if may_notify(user) else Q(pk__in=[])
        return Shortcoming.objects.filter(Q(pk__in=county_shortcomings(user).values("pk")) | own)
    return own_shortcomings(user)


def shortcoming_for(user: Any, pk: Any) -> Shortcoming | None:
    """One notification the user may see, or None (the caller answers 404, never 403)."""
    if not is_id(pk):
        return None
    return shortcomings_for(user).select_related("unit", "county").filter(pk=int(pk)).first()


def handled_by(user: Any, shortcoming: Shortcoming) -> bool:
    """Whether the user may act as the receiver on it (a manager of its county)."""
    return county_shortcomings(user).filter(pk=shortcoming.pk).exists()


def is_notifier(user: Any, shortcoming: Shortcoming) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and shortcoming.notifier_id == user.pk


def sees_notifier(user: Any, shortcoming: Shortcoming) -> bool:
    """The notifier's identity: the receiver of this notification and the notifier only."""
    if not getattr(user, "is_authenticated", False):
        return False
    if is_notifier(user, shortcoming):
        return True
    return shortcoming.receiver_id == user.pk and handled_by(user, shortcoming)


def action_of(user: Any, shortcoming: Shortcoming, pk: Any) -> CorrectiveAction | None:
    """A corrective action of this notification, for its receiver side; None otherwise."""
    if not is_id(pk) or not handled_by(user, shortcoming):
        return None
    return shortcoming.actions.filter(pk=int(pk)).first()


def units_for(user: Any) -> QuerySet[Organisation]:
    """The units a notifier may name: the organisations of their own county."""
    if not may_notify(user):
        return Organisation.objects.none()
    return in_county(Organisation.objects.all(), user)


def owners_for(user: Any) -> QuerySet[Any]:
    """Who may own a corrective action: the active staff of the receiver's county."""
    from ilmio.accounts.models import User

    if not is_receiver_side(user):
        return User.objects.none()
    return in_county(User.objects.filter(is_active=True), user).order_by("username")
