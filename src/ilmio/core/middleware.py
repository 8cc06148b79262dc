"""Requests that no page can answer sensibly are refused before any view sees them."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from ilmio.core.fields import removed_details


class RejectNulMiddleware:
    """A NUL byte in the address or a parameter is never meaningful input, and PostgreSQL
    refuses it inside text: answer 400 instead of letting a query fail with a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any("\x00" in key or any("\x00" in v for v in values)
                                         for key, values in request.GET.lists()):  # fmt: skip
            message = "Bad request: the address contains a NUL character."
            if request.path.startswith("/api/"):  # the API answers in JSON, as its schema says
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message)
        return self.get_response(request)


class RedactionNoticeMiddleware:
    """Tells the person who typed it that identifying details were removed before saving
    (the redacted fields record what they removed while the request is answered)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = removed_details.set([])
        try:
            response = self.get_response(request)
            found = removed_details.get() or []
        finally:
            removed_details.reset(token)
        if found and hasattr(request, "_messages"):
            from ilmio.core.templatetags.ilmio import pii_label

            kinds = ", ".join(pii_label(kind) for kind in dict.fromkeys(found))
            messages.info(request, _("Identifying details were removed before saving: %(kinds)s.") % {"kinds": kinds})
        return response
