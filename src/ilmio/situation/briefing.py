"""The two-minute view: what changed for a manager, decision-maker or coordinator since
their last visit, each item with one link. Everything comes through the access layer
(``knowledge.access``) and the disclosure door (signals), so a reader sees only what their
pages would show them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ilmio.areas.selection import resolve_area
from ilmio.core.roles import Role
from ilmio.knowledge.access import actions_for, proposals_for, summaries_for
from ilmio.knowledge.models import Action
from ilmio.situation.picture import signals_for
from ilmio.taxonomy.models import Phenomenon

BRIEFED_ROLES = (Role.MANAGER, Role.DECISION_MAKER, Role.COORDINATOR)
FIRST_VISIT_DAYS = 30  # "since your last visit" on a first visit


@dataclass(frozen=True)
class BriefingItem:
    text: str
    url: str


def briefing(user: Any, since: datetime | None) -> list[BriefingItem]:
    if getattr(user, "role", None) not in BRIEFED_ROLES or user.county_id is None:
        return []
    since = since or timezone.now() - timedelta(days=FIRST_VISIT_DAYS)
    items: list[BriefingItem] = []
    summaries = summaries_for(user).filter(published_at__gt=since).count()
    if summaries:
        items.append(BriefingItem(ngettext("%(count)d summary published since your last visit",
                                           "%(count)d summaries published since your last visit", summaries)
                                  % {"count": summaries}, reverse("knowledge:summaries")))  # fmt: skip
    waiting = proposals_for(user).filter(decision__isnull=True).count()
    if waiting:
        items.append(BriefingItem(ngettext("%(count)d proposal awaiting a decision",
                                           "%(count)d proposals awaiting a decision", waiting)
                                  % {"count": waiting}, reverse("knowledge:proposals")))  # fmt: skip
    overdue = actions_for(user).filter(due_date__lt=timezone.localdate(), status__in=Action.open_statuses()).count()
    if overdue:
        items.append(BriefingItem(ngettext("%(count)d action overdue", "%(count)d actions overdue", overdue)
                                  % {"count": overdue}, reverse("knowledge:actions")))  # fmt: skip
    area = resolve_area("county", user.county.code)
    if area is not None:
        phenomena = {p.code: p for p in Phenomenon.objects.filter(active=True)}
        for signal in signals_for(area, phenomena, user)[:3]:
            items.append(BriefingItem(_("Rising: %(phenomenon)s in %(area)s (%(months)s)")
                                      % {"phenomenon": signal["phenomenon"].label, "area": signal["area"],
                                         "months": signal["months"]},
                                      reverse("situation:situation") + f"?level=county&area={area.code}#signals-heading"))  # fmt: skip
    return items
