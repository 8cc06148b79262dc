from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from ilmio.accounts.actions import set_preferred_language
from ilmio.core.permissions import PUBLIC, requires


@requires(PUBLIC)
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


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


@requires(PUBLIC)
@require_POST
def change_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language, plus remembering the choice on the user's account."""
    response = set_language(request)
    if request.user.is_authenticated:
        set_preferred_language(request.user, request.POST.get("language", ""))
    return response


class LoginView(auth_views.LoginView):
    """Log-in that switches the interface to the language the user chose before."""

    redirect_authenticated_user = True

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        from django.conf import settings

        if settings.LANGUAGE_COOKIE_NAME not in self.request.COOKIES:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, form.get_user().preferred_language,
                max_age=settings.LANGUAGE_COOKIE_AGE, samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
            )  # fmt: skip
        return response


login = requires(PUBLIC)(LoginView.as_view())
logout = requires(PUBLIC)(auth_views.LogoutView.as_view())


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
