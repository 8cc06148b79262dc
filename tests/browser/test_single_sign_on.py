"""Single sign-on through a real OpenID Connect provider process (tests/oidc_provider).

A coordinator of Keski-Suomi clicks "log in with your organisation's account", logs in at
the provider's own page and comes back logged in: created at that first sign-in, in county
15 with the coordinator role that the county administrator mapped to their group. Someone
in no mapped group is refused with a message. With password log-in turned off for the
county, a local password of its staff is refused, while a county without single sign-on
keeps passwords."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from ilmio.accounts.models import SignInPolicy, SingleSignOnGroup, User
from ilmio.areas.models import County
from ilmio.core.models import AuditEvent
from ilmio.core.roles import Role
from tests.browser.helpers import (
    LANGUAGES,
    axe_violations,
    blocking,
    describe,
    log_in,
    use_language,
)
from tests.oidc_provider import serve

pytestmark = pytest.mark.browser

GROUP = "ilmio-ksuomi-koordinaattorit"
PEOPLE = [
    {"username": "anna.koordinaattori", "password": "provider-pass-1", "first_name": "Anna",
     "last_name": "Koordinaattori", "email": "anna@example.org", "groups": [GROUP, "kaikki-tyontekijat"]},
    {"username": "ville.vieras", "password": "provider-pass-2", "groups": ["kaikki-tyontekijat"]},
]  # fmt: skip


@pytest.fixture
def provider(site: str, tmp_path: Path, settings: Any) -> Iterator[serve.Provider]:
    started = serve.start(tmp_path, f"{site}/accounts/sso/callback/", PEOPLE)
    for name, value in started.settings().items():
        setattr(settings, name, value)
    yield started
    started.stop()


def sign_in_at_provider(page: Page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Kirjaudu organisaatiosi tunnuksella").click()
    page.wait_for_url("**/accounts/login/?next=/o/authorize/**")  # the provider's own page
    expect(page.locator("h1")).to_contain_text("Keski-Suomen hyvinvointialue")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Kirjaudu").click()
    page.wait_for_load_state()


def test_a_coordinator_signs_in_through_the_provider(page: Page, site: str, provider: serve.Provider) -> None:
    county = County.objects.get(code="15")
    SingleSignOnGroup.objects.create(county=county, group=GROUP, role=Role.COORDINATOR)
    SingleSignOnGroup.objects.create(county=county, group="kaikki-tyontekijat", role=Role.REPORTER)

    sign_in_at_provider(page, "anna.koordinaattori", "provider-pass-1")
    assert page.url == f"{site}/"  # back in Ilmiö, on the home page
    expect(page.locator("form.logout")).to_have_count(1)
    expect(page.locator(".main-nav")).to_contain_text("Käsittely")  # the coordinator's triage
    user = User.objects.get(oidc_subject__isnull=False)
    assert (user.county.code, user.role) == ("15", Role.COORDINATOR)  # the widest of her two groups
    assert not user.has_usable_password() and user.username.startswith("sso-")
    assert (user.first_name, user.email) == ("Anna", "anna@example.org")
    assert AuditEvent.objects.filter(event_type=AuditEvent.Type.SSO_USER_CREATED, object_id=str(user.pk)).exists()

    # Her group is unmapped in the county: at her next sign-in (the provider remembers her,
    # as a real one does) she keeps only the role of the staff group.
    SingleSignOnGroup.objects.filter(group=GROUP).delete()
    page.locator("form.logout button").click()
    page.wait_for_load_state()
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Kirjaudu organisaatiosi tunnuksella").click()
    page.wait_for_url(f"{site}/")
    expect(page.locator("form.logout")).to_have_count(1)
    expect(page.locator(".main-nav")).not_to_contain_text("Käsittely")
    user.refresh_from_db()
    assert user.role == Role.REPORTER and User.objects.filter(oidc_subject__isnull=False).count() == 1


def test_someone_in_no_mapped_group_is_refused(page: Page, provider: serve.Provider) -> None:
    SingleSignOnGroup.objects.create(county=County.objects.get(code="15"), group=GROUP, role=Role.COORDINATOR)
    sign_in_at_provider(page, "ville.vieras", "provider-pass-2")
    assert "/accounts/login/" in page.url
    expect(page.locator(".messages")).to_contain_text("ei ole roolia Ilmiössä")
    expect(page.locator("form.logout")).to_have_count(0)
    assert not User.objects.filter(oidc_subject__isnull=False).exists()


def test_password_log_in_turned_off_refuses_a_local_password(page: Page, make_user: Callable[..., Any]) -> None:
    make_user(Role.COORDINATOR, "15", username="paikallinen_koordinaattori")
    make_user(Role.COORDINATOR, "13", username="naapurin_koordinaattori")
    SignInPolicy.objects.create(county=County.objects.get(code="15"), password_login=False)

    log_in(page, "paikallinen_koordinaattori")
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("form.logout")).to_have_count(0)

    log_in(page, "naapurin_koordinaattori")  # county 13 keeps passwords
    expect(page.locator("form.logout")).to_have_count(1)


def test_the_log_in_page_with_single_sign_on_passes_axe(page: Page, context: BrowserContext, site: str, settings: Any,
                                                         axe_script: Path) -> None:  # fmt: skip
    settings.OIDC_RP_CLIENT_ID = "ilmio"  # the page only: no provider is called
    page.set_viewport_size({"width": 390, "height": 844})
    found = []
    for language in LANGUAGES:
        use_language(context, site, language)
        page.goto("/accounts/login/?next=/triage/")
        expect(page.locator("a.button-link.primary")).to_have_attribute("href", "/accounts/sso/?next=/triage/")
        violations = blocking(axe_violations(page, axe_script))
        if violations:
            found.append(f"[{language}] {describe(violations)}")
    assert not found, "\n".join(found)
