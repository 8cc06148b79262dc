"""A second factor for local accounts of privileged roles (django-otp's TOTP, decision 0038).

An administrator, manager or coordinator who logs in with a password of Ilmiö is asked for a
one-time code from an authenticator app before anything else; the first time, they set the
app up by scanning a QR code. Accounts that sign in through the county's identity provider
are not asked: the provider applies its own second factor. Which roles are asked is the
setting ``MFA_ROLES`` (``ILMIO_MFA_ROLES``; none in the demo and in tests that do not ask).
"""

from __future__ import annotations

from typing import Any

import segno
from django.conf import settings
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from ilmio.core.audit import Event, record_event

DEVICE_NAME = "authenticator"


def needs_second_factor(user: Any) -> bool:
    """A logged-in local account of a role that must give a code, not yet given this session."""
    if not getattr(user, "is_authenticated", False) or getattr(user, "oidc_subject", None):
        return False
    if user.role not in settings.MFA_ROLES:
        return False
    return not user.is_verified()


def confirmed_device(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user: Any) -> TOTPDevice:
    """The authenticator being set up (one per account, kept until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def qr_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an inline SVG QR code (no external request)."""
    return str(segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#1b1b1b", light="#ffffff"))


def secret_text(device: TOTPDevice) -> str:
    """The key in the Base32 groups that authenticator apps accept when typed."""
    from base64 import b32encode

    key = b32encode(device.bin_key).decode()
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))


def verify(request: Any, code: str) -> bool:
    """Check the code against the confirmed device, or confirm the one being set up; the
    session is verified on success. Wrong codes are throttled by the device itself."""
    user = request.user
    code = "".join(code.split())
    device = confirmed_device(user)
    enrolling = device is None
    if device is None:
        device = pending_device(user)
    if not code.isdigit() or not device.verify_token(code):
        record_event(user, Event.SECOND_FACTOR_FAILED, enrolling=enrolling)
        return False
    with transaction.atomic():
        if enrolling:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            record_event(user, Event.SECOND_FACTOR_ENROLLED)
        otp_login(request, device)
    return True


def reset_second_factor(user: Any, *, by: Any) -> int:
    """Remove a user's authenticator (lost phone): they set a new one up at next log-in."""
    with transaction.atomic():
        removed, _details = TOTPDevice.objects.filter(user=user).delete()
        record_event(by, Event.SECOND_FACTOR_RESET, obj=user, removed=removed)
    return removed


class RequireSecondFactor:
    """Send a privileged local account that has not given its code to the code page;
    only that page, log-out, the language choice and static files are open meanwhile."""

    OPEN = ("/accounts/second-factor/", "/accounts/logout/", "/i18n/setlang/", "/static/", "/health/")

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        if needs_second_factor(request.user) and not request.path.startswith(self.OPEN):
            from django.shortcuts import redirect
            from django.utils.http import urlencode

            if request.path.startswith("/api/"):
                from django.http import JsonResponse

                return JsonResponse({"detail": "a second factor is needed: log in on the web page"}, status=403)
            return redirect(f"/accounts/second-factor/?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
