from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from ilmio.core.permissions import PUBLIC, Capability, capabilities_of

# (url name, label, capability). The menu shows only what the user may open.
NAVIGATION: list[tuple[str, Any, str]] = [
    ("reports:new", _("New report"), Capability.SUBMIT_REPORT),
    ("reports:mine", _("My reports"), Capability.VIEW_OWN_REPORTS),
    ("reports:list", _("Reports"), Capability.READ_REPORT_TEXT),
    ("analysis:queue", _("Triage"), Capability.TRIAGE),
    ("analysis:cases", _("Cases"), Capability.TRIAGE),
    ("knowledge:summaries", _("Summaries"), Capability.READ_FORWARDED),
    ("knowledge:proposals", _("Proposals"), Capability.READ_FORWARDED),
    ("knowledge:actions", _("Actions"), Capability.READ_FORWARDED),
    ("plans:plans", _("Implementation plan"), Capability.READ_FORWARDED),
    ("sources:list", _("Other knowledge sources"), Capability.READ_FORWARDED),
    ("knowledge:notifications", _("Notifications"), Capability.VIEW_OWN_REPORTS),
    # Notifications of shortcomings: the receiver's workbench, or the notifier's own list.
    ("shortcomings:workbench", _("Shortcomings"), Capability.RECEIVE_SHORTCOMINGS),
    ("shortcomings:mine", _("My shortcoming notifications"), Capability.SUBMIT_REPORT),
    # The idea box: coordinators decide the county's ideas; staff follow their own.
    ("participation:ideas", _("Idea box"), Capability.TRIAGE),
    ("participation:my_ideas", _("My ideas"), Capability.SUBMIT_REPORT),
    ("audit_log", _("Audit log"), Capability.VIEW_AUDIT_LOG),
    ("county_admin:users", _("County administration"), Capability.MANAGE_USERS),
    ("reports:public_new", _("Report a phenomenon"), PUBLIC),
    ("participation:public_idea", _("Send an idea"), PUBLIC),
    ("federation:national", _("National picture"), Capability.READ_NATIONAL_AGGREGATES),
    ("federation:packages", _("County packages"), Capability.IMPORT_FEDERATION_PACKAGES),
    ("situation:situation", _("Situational picture"), "any"),
    ("knowledge:public_summaries", _("Published summaries"), "any"),
]


# Numbers shown beside a menu item (unread notifications): registered by the app that
# owns them, so the core knows no higher layer.
_BADGES: dict[str, Callable[[Any], int]] = {}


def register_badge(url_name: str, count: Callable[[Any], int]) -> None:
    _BADGES[url_name] = count


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    held = capabilities_of(user)
    items = []
    for url_name, label, capability in NAVIGATION:
        if capability == "any":
            pass
        elif capability == PUBLIC:
            if user is not None and user.is_authenticated:
                continue
        elif capability not in held:
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        badge = _BADGES[url_name](user) if url_name in _BADGES and user is not None else 0
        items.append({"url": url, "label": label, "active": request.path == url, "badge": badge})
    return {"navigation": items}
