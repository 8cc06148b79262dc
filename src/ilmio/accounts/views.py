"""Log-in, log-out and the language choice: the account's own pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.i18n import set_language
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

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

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from ilmio.accounts.oidc import sso_enabled

        return {**super().get_context_data(**kwargs), "sso": sso_enabled()}

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


def _sso_view(view: Any) -> Any:
    """A view of mozilla-django-oidc, answering "not found" until single sign-on is set up
    (its views read the provider's settings when they are made)."""

    @requires(PUBLIC)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from ilmio.accounts.oidc import sso_enabled

        if not sso_enabled():
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


sso_start = _sso_view(OIDCAuthenticationRequestView.as_view())
sso_callback = _sso_view(OIDCAuthenticationCallbackView.as_view())


class SecondFactorForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("One-time code"), max_length=12, strip=True,
                           widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
                           help_text=gettext_lazy("The six digits your authenticator app shows now."))  # fmt: skip


@requires(PUBLIC)
@never_cache
def second_factor(request: HttpRequest) -> HttpResponse:
    """The one-time code after the password; the first time, the authenticator's set-up."""
    from ilmio.accounts import mfa

    next_url = request.POST.get("next") or request.GET.get("next") or ""
    # Only a path of this site (never a view name, another host or a scheme).
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
            next_url, {request.get_host()}, require_https=request.is_secure()):  # fmt: skip
        next_url = reverse("home")
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not mfa.needs_second_factor(request.user):
        return HttpResponseRedirect(next_url)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if mfa.verify(request, form.cleaned_data["code"]):
            return HttpResponseRedirect(next_url)
        form.add_error("code", _("The code is not right, or it was already used. Wait for the next one and try again."))
    device = mfa.confirmed_device(request.user)
    pending = None if device else mfa.pending_device(request.user)
    return render(request, "registration/second_factor.html", {
        "form": form, "next": next_url, "enrolling": pending is not None,
        "qr": mark_safe(mfa.qr_svg(pending)) if pending else "",  # noqa: S308 - segno's own SVG, no user text
        "secret": mfa.secret_text(pending) if pending else "",
    })  # fmt: skip
