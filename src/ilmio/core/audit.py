"""The audit trail: one way to write an event, one way to read them.

Writes
    :func:`record_event` creates one :class:`~ilmio.core.models.AuditEvent`. It does not
    open a transaction of its own: a write function calls it *inside* the
    ``transaction.atomic()`` block of the change it records, so the change and its event
    are committed, or rolled back, together::

        with transaction.atomic():
            report.save(update_fields=["status"])
            record_event(by, Event.REPORT_STATUS_CHANGED, obj=report, from_status=old, to_status=new)

    Reads of report text (pages, API, exports) call it after the data is fetched; a list
    read writes one event naming the ids it showed (``ids=``), not one event per row.

    ``details`` carries ids, counts and codes only — never free text: titles,
    descriptions, reasons and typed-in usernames can hold personal data. Values must be
    ints, bools, short codes (``^[\\w.:-]{0,64}$``) or lists of those; anything else raises
    :class:`ValueError`, so a caller cannot leak text into the trail by accident.

Reads
    :func:`audit_events_for` is the only place that narrows events to what a user may
    read (their own county's, with the ``VIEW_AUDIT_LOG`` capability).

Retention
    :func:`purge_expired_events` deletes events older than ``settings.AUDIT_RETENTION_DAYS``
    (``ilmio manage purge_audit_events``).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from ilmio.core.models import AuditEvent

Event = AuditEvent.Type

CODE = re.compile(r"[\w.:-]{0,64}")
MAX_IDS = 1000


def _scalar(key: str, value: Any) -> int | bool | str:
    if isinstance(value, bool | int):
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, str) and CODE.fullmatch(value):
        return str(value)
    raise ValueError(f"audit detail {key!r} must be an int, a bool or a short code, not {type(value).__name__}")


def clean_details(details: dict[str, Any]) -> dict[str, Any]:
    """Check that ``details`` holds no free text; returns a JSON-ready copy (None dropped)."""
    cleaned: dict[str, Any] = {}
    for key, value in details.items():
        if not isinstance(key, str) or not CODE.fullmatch(key) or not key:
            raise ValueError(f"audit detail key {key!r} is not a short code")
        if value is None:
            continue
        if isinstance(value, list | tuple | set | frozenset):
            items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
            cleaned[key] = [_scalar(key, item) for item in items]
        else:
            cleaned[key] = _scalar(key, value)
    return cleaned


def _identifier(obj: Any) -> str:
    """The id people see: a report's public id, otherwise the primary key."""
    public_id = getattr(obj, "public_id", None)
    return str(public_id if public_id is not None else obj.pk)


def record_event(
    actor: Any,
    event_type: str,
    *,
    obj: models.Model | None = None,
    county: Any = None,
    ids: Iterable[Any] | None = None,
    **details: Any,
) -> AuditEvent:
    """Write one audit event. Call it inside the transaction of the change it records.

    ``county`` (a County or its pk) defaults to the object's county, then the actor's.
    ``ids`` names the objects of a list read or bulk change: at most :data:`MAX_IDS` are
    kept, with ``total`` giving how many there were.
    """
    event_type = Event(event_type)
    user = actor if getattr(actor, "is_authenticated", False) else None
    if ids is not None:
        id_list = [i.public_id if hasattr(i, "public_id") else getattr(i, "pk", i) for i in ids]
        details["ids"] = [str(i) for i in id_list[:MAX_IDS]]
        details["total"] = len(id_list)
    cleaned = clean_details(details)
    county_id = getattr(county, "pk", county)
    if county_id is None and obj is not None:
        county_id = getattr(obj, "county_id", None)
    if county_id is None and user is not None:
        county_id = getattr(user, "county_id", None)
    return AuditEvent.objects.create(
        actor=user,
        actor_role=getattr(user, "role", "") or "",
        event_type=event_type,
        object_type=(obj._meta.model_name or "") if obj is not None else "",
        object_id=_identifier(obj) if obj is not None else "",
        county_id=county_id,
        details=cleaned,
    )


def audit_events_for(user: Any) -> QuerySet[AuditEvent]:
    """The events ``user`` may read: those of their own county, if they may read any.

    The only place that filters audit events by county."""
    from ilmio.core.permissions import Capability, has_capability

    if not has_capability(user, Capability.VIEW_AUDIT_LOG) or user.county_id is None:
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(county_id=user.county_id).select_related("actor")


def describe(event: AuditEvent) -> list[tuple[str, str]]:
    """The details of an event as (key, text) pairs for display; id lists are counted."""
    shown = []
    for key, value in (event.details or {}).items():
        if key == "ids":
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        shown.append((key, str(value)))
    return shown


def retention_cutoff(now: datetime | None = None) -> datetime:
    days = int(settings.AUDIT_RETENTION_DAYS)
    if days < 1:
        raise ValueError("AUDIT_RETENTION_DAYS must be at least 1")
    return (now or timezone.now()) - timedelta(days=days)


def purge_expired_events(now: datetime | None = None) -> int:
    """Delete events older than the retention period; returns how many were deleted."""
    deleted, _ = AuditEvent.objects.filter(at__lt=retention_cutoff(now)).delete()
    return deleted


# --- log-ins (connected in ilmio.core.apps) -------------------------------------------------


def on_user_logged_in(sender: Any, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    if user is not None:
        record_event(user, Event.LOGIN)


def on_user_login_failed(sender: Any, credentials: dict[str, Any] | None = None, request: Any = None,
                         **kwargs: Any) -> None:  # fmt: skip
    """A failed log-in names the account only if one has that username: what was typed
    is not stored (it can be a mistyped name, a password or other personal data)."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    typed = (credentials or {}).get(User.USERNAME_FIELD)
    account = User.objects.filter(**{User.USERNAME_FIELD: typed}).first() if isinstance(typed, str) and typed else None
    record_event(None, Event.LOGIN_FAILED, obj=account)
