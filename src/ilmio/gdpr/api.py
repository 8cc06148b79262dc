"""The GDPR API (tag ``gdpr``): a county administrator queries or erases one person's data.

``GET /api/v1/gdpr/users/{username}`` and ``DELETE …?dry_run=true`` for an account of the
admin's county; ``POST /api/v1/gdpr/feedback-addresses`` (the address in the body, never in
a URL that logs keep) for a resident's feedback address. Another county's person is a 404.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from ilmio.core.api_schemas import ERRORS, ErrorOut
from ilmio.core.permissions import Capability, has_capability
from ilmio.gdpr.subjects import Subject, erase, export, subject_for

router = Router(tags=["gdpr"])


class TreeOut(Schema):
    key: str
    children: list[dict[str, Any]]


class ErasedOut(Schema):
    dry_run: bool
    erased: dict[str, int]


class AddressIn(Schema):
    email: str = Field(..., min_length=3, max_length=254)
    erase: bool = False
    dry_run: bool = False


RESPONSES: dict[int, Any] = {**ERRORS, 404: ErrorOut}


def _subject(request: HttpRequest, **what: str) -> Subject:
    if not has_capability(request.user, Capability.MANAGE_USERS):
        raise HttpError(403, "You do not have access to this.")
    subject = subject_for(request.user, **what)
    if subject is None:
        raise HttpError(404, "Not found.")
    return subject


@router.get("/gdpr/users/{username}", response={200: TreeOut, **RESPONSES}, summary="Everything held of an account")
def export_user(request: HttpRequest, username: str) -> Any:
    return export(_subject(request, username=username))


@router.delete("/gdpr/users/{username}", response={200: ErasedOut, **RESPONSES}, summary="Erase an account's data")
def erase_user(request: HttpRequest, username: str, dry_run: bool = False) -> Any:
    subject = _subject(request, username=username)
    return ErasedOut(dry_run=dry_run, erased=erase(subject, by=request.user, dry_run=dry_run))


@router.post("/gdpr/feedback-addresses", response={200: dict[str, Any], **RESPONSES},
             summary="Query or erase a resident's feedback address")  # fmt: skip
def feedback_address(request: HttpRequest, payload: AddressIn) -> Any:
    subject = _subject(request, email=payload.email)
    if not payload.erase:
        return export(subject)
    return {"dry_run": payload.dry_run, "erased": erase(subject, by=request.user, dry_run=payload.dry_run)}
