"""A coordinator's first log-in with a password on a phone: the authenticator's set-up page
(QR code and key, readable in fi/sv/en, no serious axe violation), the code typed in, and the
work opens. The log-in page with single sign-on set up is checked with axe too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import BrowserContext, Page, expect

from ilmio.core.roles import Role
from tests.browser.helpers import (
    LANGUAGES,
    axe_violations,
    blocking,
    describe,
    log_in,
    use_language,
)

pytestmark = pytest.mark.browser

HEADINGS = {"fi": "Kertakäyttökoodi", "sv": "Engångskod", "en": "One-time code"}


def test_a_coordinator_sets_up_the_app_on_a_phone(page: Page, context: BrowserContext, site: str, settings: Any,
                                                 make_user: Callable[..., Any], axe_script: Path) -> None:  # fmt: skip
    settings.MFA_ROLES = ["coordinator"]
    coordinator = make_user(Role.COORDINATOR, "15", username="puhelin_koordinaattori")
    page.set_viewport_size({"width": 390, "height": 844})
    found = []
    for language in LANGUAGES:
        use_language(context, site, language)
        log_in(page, "puhelin_koordinaattori")
        page.goto("/triage/")
        assert "/accounts/second-factor/" in page.url
        expect(page.locator("h1")).to_have_text(HEADINGS[language])
        expect(page.locator("figure.qr svg")).to_be_visible()
        violations = blocking(axe_violations(page, axe_script))
        if violations:
            found.append(f"[{language}] {describe(violations)}")
        page.locator("form.logout button, form[action='/accounts/logout/'] button").first.click()
        page.wait_for_load_state()
    assert not found, "\n".join(found)

    log_in(page, "puhelin_koordinaattori")
    page.goto("/triage/")
    device = TOTPDevice.objects.get(user=coordinator)
    page.locator("#id_code").fill(f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url == f"{site}/triage/"
    box = page.locator("h1").bounding_box()
    assert box is not None and box["width"] <= 390
