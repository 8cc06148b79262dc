"""Write-side functions for accounts."""

from __future__ import annotations

import hashlib
import secrets
import smtplib
from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ilmio.accounts.models import ApiToken, Organisation, SignInPolicy, SingleSignOnGroup, User
from ilmio.accounts.oidc import sso_enabled
from ilmio.core.audit import Event, record_event
from ilmio.core.roles import Role


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_api_token(user: User, name: str) -> tuple[ApiToken, str]:
    """Returns the token and its key; the key is shown once and never stored."""
    key = "ilmio_" + secrets.token_urlsafe(32)
    return ApiToken.objects.create(user=user, name=name, key_hash=hash_token(key)), key


def user_for_token(key: str, *, write: bool = False) -> User | None:
    """The user of a bearer token; None for an unknown, revoked or expired one, a deactivated
    user's, and (``write=True``, for requests that change data) a read-only one."""
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(key)).first()
    if token is None or not token.user.is_active or not token.is_usable():  # revoked or expired
        return None
    if write and token.scope != ApiToken.Scope.WRITE:
        return None
    return token.user


def set_preferred_language(user: User, language: str) -> bool:
    """Remember the interface language on the account; returns whether it changed."""
    if language not in {"fi", "sv", "en"} or user.preferred_language == language:
        return False
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    return True


def create_user(username: str, *, role: str, county: Any = None, password: str | None = None, by: Any = None,
                **fields: Any) -> User:  # fmt: skip
    """Create an account with its one role; recorded in the audit trail."""
    role = Role(role)
    with transaction.atomic():
        user = User.objects.create_user(username=username, password=password, role=role, county=county, **fields)
        record_event(by, Event.USER_CREATED, obj=user, role=role)
    return user


def change_role(user: User, role: str, *, county: Any = None, by: Any = None) -> User:
    """Give a user another role (and county); recorded with the old and new role."""
    role = Role(role)
    from_role, from_county = user.role, user.county_id
    user.role = role
    if county is not None:
        user.county = county
    with transaction.atomic():
        user.save(update_fields=["role", "county"])
        record_event(by, Event.ROLE_CHANGED, obj=user, from_role=from_role, to_role=role,
                     from_county=from_county, to_county=user.county_id)  # fmt: skip
    return user


def mark_briefing_seen(user: Any) -> datetime | None:
    """Record that the home page's briefing was shown now; returns the previous time (the
    start of "since your last visit"), or None on the first visit."""
    previous = user.briefing_seen_at
    user.briefing_seen_at = timezone.now()
    User.objects.filter(pk=user.pk).update(briefing_seen_at=user.briefing_seen_at)
    return previous


# --- county administration (ilmio.accounts.admin_views) -------------------------------------
#
# Every function takes the administrator as ``by`` and records one audit event with ids and
# codes only: no names, usernames or e-mail addresses in the trail. They refuse with a
# ValueError whose message is shown to the administrator.


def county_roles() -> list[Role]:
    """The roles a county administrator may give: every role but the national analyst."""
    return [role for role in Role if role is not Role.NATIONAL_ANALYST]


def _other_active_admins(user: User) -> bool:
    if user.county_id is None:
        return False
    return User.objects.filter(county_id=user.county_id, role=Role.ADMIN, is_active=True).exclude(pk=user.pk).exists()


def _keeps_an_admin(user: User) -> None:
    if user.role == Role.ADMIN and user.is_active and not _other_active_admins(user):
        raise ValueError(_("The county must keep at least one active administrator."))


def invite_link(user: User) -> str:
    """The one-time link to set the password: invalid once a password is set (or the user
    logs in), because the token covers the password hash and the last log-in."""
    from django.conf import settings
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("county_admin:set_password", args=[uid, default_token_generator.make_token(user)])
    return settings.SITE_URL + path


def invitation_text(user: User, language: str) -> tuple[str, str]:
    """Subject and body of the invitation in the chosen language."""
    from django.utils import translation

    with translation.override(language):
        subject = _("Ilmiö: you have been invited")
        lines = [
            _("You have been given an account in Ilmiö, the knowledge production of structural social work of "
              "%(county)s, with the role %(role)s.") % {"county": user.county.name if user.county else "",
                                                         "role": Role(user.role).label},
            _("Your username is %(username)s. Set your password here (the link works once):") % {
                "username": user.username},
            invite_link(user),
            _("If you did not expect this message, you can ignore it."),
        ]  # fmt: skip
    return str(subject), "\n\n".join(str(line) for line in lines)


def invite_user(*, username: str, email: str, role: str, county: Any, organisation: Any = None, language: str = "fi",
                first_name: str = "", last_name: str = "", by: Any) -> User:  # fmt: skip
    """Create an account without a usable password and send it a link to set one."""
    from django.core.mail import send_mail

    role = Role(role)
    if role not in county_roles():
        raise ValueError(_("Choose one of the county's roles."))
    if language not in {"fi", "sv", "en"}:
        raise ValueError(_("Choose a language."))
    if organisation is not None and organisation.county_id != getattr(county, "pk", county):
        raise ValueError(_("Choose an organisation of your county."))
    if User.objects.filter(username__iexact=username).exists():
        raise ValueError(_("That username is taken. Choose another one."))
    with transaction.atomic():
        user = User(username=username, email=email, role=role, county=county, organisation=organisation,
                    preferred_language=language, first_name=first_name, last_name=last_name)  # fmt: skip
        user.set_unusable_password()
        user.save()
        record_event(by, Event.USER_INVITED, obj=user, role=role, organisation=organisation.pk if organisation else None,
                     language=language)  # fmt: skip
        subject, body = invitation_text(user, language)
        try:  # inside the transaction: an invitation that was not sent leaves no account behind
            send_mail(subject, body, None, [email])
        except (OSError, smtplib.SMTPException) as error:
            raise ValueError(_("The invitation could not be sent. Try again later.")) from error
    return user


def resend_invitation(user: User, *, by: Any) -> User:
    """A new link for a user who has not set a password yet (the link expires after
    settings.PASSWORD_RESET_TIMEOUT), to the e-mail address on the account."""
    from django.core.mail import send_mail

    if user.has_usable_password():
        raise ValueError(_("The user has set a password already."))
    if user.oidc_subject:
        raise ValueError(_("The user signs in through the identity provider and needs no password."))
    if not user.is_active:
        raise ValueError(_("The account is deactivated."))
    if not user.email:
        raise ValueError(_("The account has no e-mail address."))
    with transaction.atomic():
        record_event(by, Event.USER_INVITED, obj=user, role=user.role, organisation=user.organisation_id,
                     language=user.preferred_language, resent=True)  # fmt: skip
        subject, body = invitation_text(user, user.preferred_language)
        try:
            send_mail(subject, body, None, [user.email])
        except (OSError, smtplib.SMTPException) as error:
            raise ValueError(_("The invitation could not be sent. Try again later.")) from error
    return user


def set_invited_password(user: User, password: str) -> User:
    """The invited user sets their password (already validated by the set-password form);
    the invitation's link stops working because the password hash changes."""
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


def change_county_role(user: User, role: str, *, by: Any) -> User:
    """Give a user of one's county another county role (never the last administrator away)."""
    role = Role(role)
    if role not in county_roles():
        raise ValueError(_("Choose one of the county's roles."))
    if role == user.role:
        raise ValueError(_("The user already has that role."))
    _keeps_an_admin(user)
    return change_role(user, role, by=by)


def set_organisation(user: User, organisation: Any, *, by: Any) -> User:
    """Set (or clear, with None) the organisation a user works for: one of their county's."""
    if organisation is not None and organisation.county_id != user.county_id:
        raise ValueError(_("Choose an organisation of your county."))
    new = organisation.pk if organisation is not None else None
    if new == user.organisation_id:
        raise ValueError(_("The user already works for that organisation."))
    old = user.organisation_id
    with transaction.atomic():
        user.organisation = organisation
        user.save(update_fields=["organisation"])
        record_event(by, Event.ORGANISATION_SAVED, obj=user, from_organisation=old, to_organisation=new)
    return user


def set_active(user: User, active: bool, *, by: Any) -> User:
    """Deactivate (or reactivate) an account: not one's own, never the county's last administrator."""
    if user.pk == getattr(by, "pk", None):
        raise ValueError(_("You cannot deactivate or reactivate your own account."))
    if user.is_active == active:
        raise ValueError(_("The account is already active.") if active else _("The account is already deactivated."))
    if not active:
        _keeps_an_admin(user)
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])
        record_event(by, Event.USER_DEACTIVATED, obj=user, active=active)
    return user


def create_county_token(user: User, name: str, *, scope: str, expires_on: date, by: Any) -> tuple[ApiToken, str]:
    """A token for a user of one's county, with a scope and an expiry date at most a year
    ahead; returns the token and its key (shown once, never stored)."""
    scope = ApiToken.Scope(scope)
    today = timezone.localdate()
    if not today < expires_on <= today + timedelta(days=ApiToken.MAX_LIFETIME_DAYS):
        raise ValueError(_("Choose an expiry date within the next year."))
    if not user.is_active:
        raise ValueError(_("The account is deactivated."))
    if not (name or "").strip():
        raise ValueError(_("Name the token."))
    # Valid through the chosen day.
    expires_at = timezone.make_aware(datetime.combine(expires_on + timedelta(days=1), datetime.min.time()))
    key = "ilmio_" + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(user=user, name=name.strip(), key_hash=hash_token(key), scope=scope,
                                        expires_at=expires_at)  # fmt: skip
        record_event(by, Event.TOKEN_CREATED, obj=token, county=user.county_id, user=user.pk, scope=scope,
                     expires=expires_on.isoformat())  # fmt: skip
    return token, key


def revoke_api_token(token: ApiToken, *, by: Any) -> ApiToken:
    if token.revoked_at is not None:
        raise ValueError(_("The token is already revoked."))
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record_event(by, Event.TOKEN_REVOKED, obj=token, county=token.user.county_id, user=token.user_id)
    return token


def save_organisation(organisation: Organisation | None, *, county: Any, name: str, kind: str, by: Any) -> Organisation:
    """Add an organisation or partner to one's county, or rename it or change its kind."""
    kind = Organisation.Kind(kind)
    name = (name or "").strip()
    if not name:
        raise ValueError(_("Name the organisation."))
    county_id = getattr(county, "pk", county)
    clash = Organisation.objects.filter(county_id=county_id, name__iexact=name)
    if organisation is not None:
        if organisation.county_id != county_id:
            raise ValueError(_("Choose an organisation of your county."))
        clash = clash.exclude(pk=organisation.pk)
        if organisation.name == name and organisation.kind == kind:
            raise ValueError(_("Nothing was changed."))
    if clash.exists():
        raise ValueError(_("Your county already has an organisation of that name."))
    created = organisation is None
    with transaction.atomic():
        if organisation is None:
            organisation = Organisation(county_id=county_id)
        organisation.name, organisation.kind = name, kind
        organisation.save()
        record_event(by, Event.ORGANISATION_SAVED, obj=organisation, kind=kind, created=created)
    return organisation


# --- single sign-on (decision 0038) ---------------------------------------------------------

GROUP_MAX = 200


def map_sso_group(*, county: Any, group: str, role: str, by: Any) -> SingleSignOnGroup:
    """Give the members of one of the identity provider's groups a role in the county."""
    group = " ".join(group.split())
    if not group or len(group) > GROUP_MAX:
        raise ValueError(_("Give the group as the identity provider names it (at most %(max)d characters).")
                         % {"max": GROUP_MAX})  # fmt: skip
    if role not in county_roles():
        raise ValueError(_("Choose one of the county's roles."))
    if SingleSignOnGroup.objects.filter(group=group).exists():
        # Also when another county mapped it: a group gives a role in one county only.
        raise ValueError(_("That group is already mapped to a role. Remove the mapping first to change it."))
    with transaction.atomic():
        mapping = SingleSignOnGroup.objects.create(county=county, group=group, role=role)
        record_event(by, Event.SSO_GROUP_SAVED, obj=mapping, county=mapping.county_id, role=role, removed=False)
    return mapping


def unmap_sso_group(mapping: SingleSignOnGroup, *, by: Any) -> None:
    """Remove a mapping: its members get no role at their next sign-in (unless another
    group gives them one); their accounts stay until deactivated."""
    with transaction.atomic():
        record_event(by, Event.SSO_GROUP_SAVED, obj=mapping, county=mapping.county_id, role=mapping.role, removed=True)
        mapping.delete()


def set_password_login(county: Any, allowed: bool, *, by: Any) -> SignInPolicy:
    """Turn local password log-in on or off for the county's staff. Off needs a mapped
    group: otherwise nobody of the county could sign in at all."""
    policy, _created = SignInPolicy.objects.get_or_create(county=county)
    if policy.password_login == allowed:
        raise ValueError(_("Password log-in is already on.") if allowed else _("Password log-in is already off."))
    if not allowed and not sso_enabled():
        raise ValueError(_("Single sign-on is not set up on this installation: password log-in is the only way in."))
    if not allowed and not SingleSignOnGroup.objects.filter(county=county, role=Role.ADMIN).exists():
        raise ValueError(_("Map a group of the identity provider to the administrator role first: "
                           "without passwords, administrators too sign in through it."))  # fmt: skip
    with transaction.atomic():
        policy.password_login = allowed
        policy.save(update_fields=["password_login"])
        record_event(by, Event.SIGN_IN_POLICY_CHANGED, obj=policy, county=county.pk, password_login=allowed)
    return policy
