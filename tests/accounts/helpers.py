"""Helpers of the county administration tests: a logged-in client and the audit events."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

from ilmio.core.models import AuditEvent

LINK = re.compile(r"https?://\S+/admin/county/set-password/\S+/")


def client_of(user: Any = None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


def events(event_type: str, **filters: Any) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event_type=event_type, **filters).order_by("pk"))


def error_messages(response: Any) -> list[str]:
    """The error messages this response added (not those left over from earlier requests)."""
    storage = getattr(response.wsgi_request, "_messages", None)
    return [str(m) for m in getattr(storage, "_queued_messages", []) if m.level_tag == "error"]


def invite_link(message: Any) -> str:
    found = LINK.search(message.body)
    assert found, message.body
    return found.group(0)
