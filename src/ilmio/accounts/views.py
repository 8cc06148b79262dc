"""Log-in, log-out and the language choice: the account's own pages."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from ilmio.accounts.services import set_preferred_language
from ilmio.core.permissions import PUBLIC, requires


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
        if settings.LANGUAGE_COOKIE_NAME not in self.request.COOKIES:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, form.get_user().preferred_language,
                max_age=settings.LANGUAGE_COOKIE_AGE, samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
            )  # fmt: skip
        return response


class LogoutView(auth_views.LogoutView):
    """Log-out that confirms it, as every action does."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You have logged out."))
        return response


login = requires(PUBLIC)(LoginView.as_view())
logout = requires(PUBLIC)(LogoutView.as_view())
