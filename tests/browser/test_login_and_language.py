"""Logging in and out through the real forms, and the header's language buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ilmio.core.roles import Role
from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser


def test_log_in_and_out(page: Page, make_user: Callable[..., Any]) -> None:
    make_user(Role.REPORTER, "15", username="sosiaalityontekija")

    page.goto("/")
    page.locator(".site-header a.button-link").click()  # "Kirjaudu sisään"
    assert page.url.endswith("/accounts/login/")

    # A wrong password: an error, still logged out.
    page.locator("#id_username").fill("sosiaalityontekija")
    page.locator("#id_password").fill("wrong-password")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("form.logout")).to_have_count(0)

    log_in(page, "sosiaalityontekija")
    expect(page.locator(".user-name")).to_contain_text("sosiaalityontekija")
    expect(page.locator(".main-nav")).to_contain_text("Uusi raportti")
    page.goto("/reports/mine/")
    expect(page.locator("h1")).to_have_text("Omat raporttini")

    page.locator("form.logout button").click()
    page.wait_for_load_state()
    expect(page.locator("form.logout")).to_have_count(0)
    page.goto("/reports/mine/")
    assert "/accounts/login/" in page.url  # the session is gone


@pytest.mark.parametrize(
    ("language", "log_in_label", "home_title"),
    [
        ("sv", "Logga in", "Startsida"),
        ("en", "Log in", "Home"),
        ("fi", "Kirjaudu sisään", "Etusivu"),
    ],
)
def test_language_buttons_switch_and_remember(
    page: Page, language: str, log_in_label: str, home_title: str
) -> None:
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    if language == "fi":  # switch away first, then back
        page.locator(".language-switch button[value=en]").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(f".language-switch button[value={language}]").click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator(f".language-switch button[value={language}]")).to_have_attribute(
        "aria-current", "true"
    )
    expect(page.locator(".site-header a.button-link")).to_have_text(log_in_label)
    assert page.title().startswith(home_title)
    # The choice persists on other pages.
    page.goto("/about/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.goto("/reports/public/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator(".site-header a.button-link")).to_have_text(log_in_label)
