"""The county administration: the users, API tokens and organisations of the
administrator's own county, and the county's settings. Another county's are not found (404).

The invitation's one-time link leads to :func:`set_password`, a public page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp.plugins.otp_totp.models import TOTPDevice

from ilmio.accounts import services
from ilmio.accounts.access import (
    county_organisation_for,
    county_organisations_for,
    county_sso_group_for,
    county_sso_groups_for,
    county_token_for,
    county_tokens_for,
    county_user_for,
    county_users_for,
)
from ilmio.accounts.admin_forms import (
    InviteForm,
    OrganisationForm,
    OrganisationItemForm,
    PasswordLoginForm,
    RoleForm,
    SsoGroupForm,
    SsoGroupItemForm,
    TokenForm,
    TokenItemForm,
    UserOrganisationForm,
)
from ilmio.accounts.backends import password_allowed
from ilmio.accounts.models import ApiToken, Organisation, User
from ilmio.accounts.oidc import sso_enabled
from ilmio.core.access import county_id_of, home_county
from ilmio.core.form_actions import FormAction, dispatch
from ilmio.core.permissions import PUBLIC, Capability, requires

ADMIN = Capability.MANAGE_USERS


@requires(ADMIN)
def users(request: HttpRequest) -> HttpResponse:
    """The county's users: name, role, organisation, active, last log-in (no e-mail addresses)."""
    items = county_users_for(request.user).order_by("-is_active", "last_name", "first_name", "username")
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/admin_users.html", {"page": page})


@requires(ADMIN)
@sensitive_post_parameters("email")
@never_cache
def invite(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None, admin=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.invite_user(
                username=data["username"], email=data["email"], role=data["role"], county=home_county(request.user),
                organisation=data.get("organisation"), language=data["language"],
                first_name=data.get("first_name") or "", last_name=data.get("last_name") or "", by=request.user,
            )  # fmt: skip
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The invitation was sent. The link in it works once."))
            return redirect("county_admin:user", pk=user.pk)
    return render(request, "accounts/admin_invite.html", {"form": form})


# --- one user -------------------------------------------------------------------------------


def _role(request: HttpRequest, user: User, form: RoleForm) -> str:
    services.change_county_role(user, form.cleaned_data["role"], by=request.user)
    return _("The role was changed.")


def _organisation(request: HttpRequest, user: User, form: UserOrganisationForm) -> str:
    organisation = None
    if form.cleaned_data.get("organisation"):
        organisation = county_organisation_for(request.user, form.cleaned_data["organisation"])
        if organisation is None:
            raise ValueError(_("Choose an organisation of your county."))
    services.set_organisation(user, organisation, by=request.user)
    return _("The organisation was changed.")


def _deactivate(request: HttpRequest, user: User, form: Any) -> str:
    services.set_active(user, False, by=request.user)
    return _("The account was deactivated. The user cannot log in or use the API.")


def _reactivate(request: HttpRequest, user: User, form: Any) -> str:
    services.set_active(user, True, by=request.user)
    return _("The account was reactivated.")


def _resend(request: HttpRequest, user: User, form: Any) -> str:
    services.resend_invitation(user, by=request.user)
    return _("The invitation was sent again. The earlier link no longer works once the password is set.")


def _reset_second_factor(request: HttpRequest, user: User, form: Any) -> str:
    from ilmio.accounts.mfa import reset_second_factor

    if not reset_second_factor(user, by=request.user):
        raise ValueError(_("The user has no authenticator app."))
    return _("The authenticator app was removed. The user sets up a new one at the next log-in.")


USER_ACTIONS = {
    "resend": FormAction(_resend),
    "reset_second_factor": FormAction(_reset_second_factor),
    "role": FormAction(_role, RoleForm),
    "organisation": FormAction(_organisation, UserOrganisationForm),
    "deactivate": FormAction(_deactivate),
    "reactivate": FormAction(_reactivate),
}


@requires(ADMIN)
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = county_user_for(request.user, pk)
    if user is None:
        raise Http404
    if request.method == "POST":
        done = dispatch(request, user, USER_ACTIONS, success=lambda: redirect("county_admin:user", pk=user.pk))
        return done.response or redirect("county_admin:user", pk=user.pk)
    return render(request, "accounts/admin_user.html", {
        "u": user, "role_form": RoleForm(initial={"role": user.role}), "self": user.pk == request.user.pk,
        "organisations": list(county_organisations_for(request.user)),
        "tokens": list(user.api_tokens.order_by("-created_at")),
        "has_authenticator": TOTPDevice.objects.filter(user=user).exists(),
    })  # fmt: skip


# --- API tokens -----------------------------------------------------------------------------


def _tokens_page(request: HttpRequest, form: TokenForm | None = None, key: str = "", status: int = 200) -> HttpResponse:
    tokens = county_tokens_for(request.user).order_by("revoked_at", "-created_at")
    return render(request, "accounts/admin_tokens.html", {
        "tokens": tokens, "form": form or TokenForm(admin=request.user), "key": key,
    }, status=status)  # fmt: skip


def _create_token(request: HttpRequest, target: Any, form: TokenForm) -> HttpResponse:
    user = county_user_for(request.user, form.cleaned_data["user"])
    if user is None:
        raise ValueError(_("Choose a user of your county."))
    _token, key = services.create_county_token(user, form.cleaned_data["name"], scope=form.cleaned_data["scope"],
                                               expires_on=form.cleaned_data["expires_on"], by=request.user)  # fmt: skip
    messages.success(request, _("The token was created. Copy the key now: it is not shown again."))
    return _tokens_page(request, key=key)


def _revoke_token(request: HttpRequest, target: Any, form: TokenItemForm) -> str:
    token = county_token_for(request.user, form.cleaned_data["token"])
    if token is None:
        raise ValueError(_("No such token."))
    services.revoke_api_token(token, by=request.user)
    return _("The token was revoked. The API no longer accepts it.")


TOKEN_ACTIONS = {
    "create": FormAction(_create_token, TokenForm, keep_invalid=True),
    "revoke": FormAction(_revoke_token, TokenItemForm),
}


@requires(ADMIN)
@never_cache
def tokens(request: HttpRequest) -> HttpResponse:
    """The county's API tokens (never their keys); create one, revoke one."""
    if request.method == "POST":
        done = dispatch(request, None, TOKEN_ACTIONS, success=lambda: redirect("county_admin:tokens"))
        if done.response is not None:
            return done.response
        if done.form is not None:
            form = TokenForm(request.POST, admin=request.user)
            form.is_valid()
            return _tokens_page(request, form=form)
        return redirect("county_admin:tokens")
    return _tokens_page(request)


# --- organisations and partners ------------------------------------------------------------


def _add_organisation(request: HttpRequest, target: Any, form: OrganisationForm) -> str:
    services.save_organisation(None, county=county_id_of(request.user), name=form.cleaned_data["name"],
                               kind=form.cleaned_data["kind"], by=request.user)  # fmt: skip
    return _("The organisation was added.")


def _save_organisation(request: HttpRequest, target: Any, form: OrganisationItemForm) -> str:
    organisation = county_organisation_for(request.user, form.cleaned_data["item"])
    if organisation is None:
        raise ValueError(_("No such organisation."))
    services.save_organisation(organisation, county=county_id_of(request.user), name=form.cleaned_data["name"],
                               kind=form.cleaned_data["kind"], by=request.user)  # fmt: skip
    return _("The organisation was saved.")


ORGANISATION_ACTIONS = {
    "add": FormAction(_add_organisation, OrganisationForm),
    "save": FormAction(_save_organisation, OrganisationItemForm),
}


@requires(ADMIN)
def organisations(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        done = dispatch(request, None, ORGANISATION_ACTIONS, success=lambda: redirect("county_admin:organisations"))
        return done.response or redirect("county_admin:organisations")
    return render(request, "accounts/admin_organisations.html", {
        "organisations": county_organisations_for(request.user), "kinds": Organisation.Kind.choices,
        "form": OrganisationForm(),
    })  # fmt: skip


def _map_group(request: HttpRequest, target: Any, form: SsoGroupForm) -> str:
    services.map_sso_group(county=home_county(request.user), group=form.cleaned_data["group"],
                           role=form.cleaned_data["role"], by=request.user)  # fmt: skip
    return _("The group was mapped. Its members get the role at their next sign-in.")


def _unmap_group(request: HttpRequest, target: Any, form: SsoGroupItemForm) -> str:
    mapping = county_sso_group_for(request.user, form.cleaned_data["item"])
    if mapping is None:
        raise ValueError(_("No such group."))
    services.unmap_sso_group(mapping, by=request.user)
    return _("The mapping was removed.")


def _password_login(request: HttpRequest, target: Any, form: PasswordLoginForm) -> str:
    allowed = form.cleaned_data["allowed"]
    services.set_password_login(home_county(request.user), allowed, by=request.user)
    return _("Password log-in is on.") if allowed else _("Password log-in is off: the county's staff sign in "
                                                         "through the identity provider.")  # fmt: skip


SETTINGS_ACTIONS = {
    "map_group": FormAction(_map_group, SsoGroupForm, keep_invalid=True),
    "unmap_group": FormAction(_unmap_group, SsoGroupItemForm),
    "password_login": FormAction(_password_login, PasswordLoginForm),
}


@requires(ADMIN)
def county_settings(request: HttpRequest) -> HttpResponse:
    """The county's settings: how its staff sign in (editable), and the suppression
    threshold, read-only: it is set for the whole installation (ILMIO_SUPPRESSION_THRESHOLD)."""
    form = SsoGroupForm()
    if request.method == "POST":
        done = dispatch(request, None, SETTINGS_ACTIONS, success=lambda: redirect("county_admin:settings"))
        if done.response is not None:
            return done.response
        if isinstance(done.form, SsoGroupForm):
            form = done.form
    county = home_county(request.user)
    # The setting itself, as ilmio.indicators.disclosure.threshold() reads it (accounts is a
    # lower layer than indicators and may not import it).
    return render(request, "accounts/admin_settings.html", {
        "threshold": int(settings.SUPPRESSION_THRESHOLD), "county": county,
        "scopes": ApiToken.Scope.choices, "max_days": ApiToken.MAX_LIFETIME_DAYS,
        "sso": sso_enabled(), "password_login": password_allowed(request.user),
        "groups": county_sso_groups_for(request.user), "group_form": form,
    })  # fmt: skip


# --- the invitation's link -----------------------------------------------------------------


def _invited_user(uidb64: str) -> Any:
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
    except (TypeError, ValueError, OverflowError):
        return None
    if not pk.isascii() or not pk.isdigit() or len(pk) > 18:
        return None
    return get_user_model().objects.filter(pk=int(pk), is_active=True).first()


@requires(PUBLIC)
@sensitive_post_parameters("new_password1", "new_password2")
@never_cache
def set_password(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """Set one's password with the invitation's link; the link works once."""
    user = _invited_user(uidb64)
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "accounts/admin_set_password.html", {"valid": False})
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.set_invited_password(user, form.cleaned_data["new_password1"])
        messages.success(request, _("Your password was set. Log in with your username and the new password."))
        return redirect("login")
    return render(request, "accounts/admin_set_password.html", {"valid": True, "form": form, "username": user.username})
