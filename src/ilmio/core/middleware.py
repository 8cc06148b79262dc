"""Requests that no page can answer sensibly are refused before any view sees them."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest


class RejectNulMiddleware:
    """A NUL byte in the address or a parameter is never meaningful input, and PostgreSQL
    refuses it inside text: answer 400 instead of letting a query fail with a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any("\x00" in key or any("\x00" in v for v in values)
                                         for key, values in request.GET.lists()):  # fmt: skip
            return HttpResponseBadRequest("Bad request: the address contains a NUL character.")
        return self.get_response(request)
