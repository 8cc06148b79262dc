from __future__ import annotations

from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ilmio.core.permissions import PUBLIC, requires


def rate_limited(request: HttpRequest, title: str = "", message: str = "") -> HttpResponse | None:
    """The public forms' answer (429) to a network that has sent too much, as django-ratelimit
    marks the request (``block=False``); None when the request may go on."""
    if not getattr(request, "limited", False):
        return None
    return render(request, "core/error.html", {
        "title": title or _("Too many messages"),
        "message": message or _("Too many messages have been sent from your network. Please try again in an hour."),
    }, status=429)  # fmt: skip


@requires(PUBLIC)
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "core/about.html")


@requires(PUBLIC)
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Liveness and database reachability, for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        database = "unavailable"
    status = 200 if database == "ok" else 503
    return JsonResponse({"status": "ok" if status == 200 else "error", "database": database}, status=status)


def _error(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    try:
        return render(request, "core/error.html", {"title": title, "message": message}, status=status)
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        return HttpResponse(title, status=status, content_type="text/plain; charset=utf-8")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 400, _("Bad request"), _("The request could not be understood."))


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 403, _("No access"), _("You do not have access to this page."))


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 404, _("Page not found"), _("The page you asked for does not exist."))


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(request, 500, _("Something went wrong"), _("The error has been logged. Please try again later."))


def locked_out(request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any) -> HttpResponse:
    return render(request, "core/locked_out.html", status=429)
