"""Sending a report in a real browser: the redaction preview, the public form, a phone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from ilmio.core.roles import Role
from ilmio.reports.models import Report
from tests.browser.helpers import LEAKED, LEAKY_TEXT, sign_in

pytestmark = pytest.mark.browser

PLACEHOLDERS_FI = ("[NIMI]", "[HETU]", "[PUHELIN]")


def computed(page: Page, selector: str, prop: str) -> str:
    return str(
        page.eval_on_selector(
            selector, "(el, prop) => getComputedStyle(el).getPropertyValue(prop)", prop
        )
    )


def test_reporter_sees_removed_details_before_sending(
    page: Page, context: BrowserContext, site: str, make_user: Callable[..., Any]
) -> None:
    sign_in(context, site, make_user(Role.REPORTER))
    page.goto("/")
    page.locator(".main-nav a[href='/reports/new/']").click()
    page.locator("#id_title").fill("Vuokrarästit kasautuvat")
    page.locator("#id_description").fill(LEAKY_TEXT)
    page.locator("#more-details > summary").click()
    page.locator("input[name=phenomena][value=asuminen]").check()
    page.locator("#id_municipalities").select_option(["179"])
    page.locator("button[name=step][value=preview]").click()

    preview = page.locator("#preview")
    expect(preview).to_be_visible()
    removed = preview.locator("del")
    for secret in LEAKED:  # struck out, shown to the writer only
        expect(removed.filter(has_text=secret)).to_have_count(1)
    for placeholder in PLACEHOLDERS_FI:
        expect(preview.locator("mark.redacted", has_text=placeholder).first).to_be_visible()
    # A screen reader does not announce strike-through: the removal is said in words too.
    expect(preview.locator("del .visually-hidden").first).to_have_text("Poistetaan:")
    expect(preview.locator("mark.redacted .visually-hidden").first).to_have_text("tilalle tulee")
    assert "line-through" in computed(page, "#preview del", "text-decoration-line")
    assert computed(page, "#preview mark.redacted", "background-color") not in {
        "",
        "rgba(0, 0, 0, 0)",
        "transparent",
    }

    # What will be stored is in the form, still editable.
    description = page.locator("#id_description")
    stored = description.input_value()
    assert all(secret not in stored for secret in LEAKED)
    assert all(placeholder in stored for placeholder in PLACEHOLDERS_FI)
    description.fill(stored + " Tilanne pahenee talven aikana.")
    page.locator("button[name=step][value=confirm]").click()

    expect(page.locator("article.report h1")).to_have_text("Vuokrarästit kasautuvat")
    assert "/reports/" in page.url
    body = page.locator("article.report").inner_text()
    for placeholder in PLACEHOLDERS_FI:
        assert placeholder in body
    assert "Tilanne pahenee talven aikana." in body
    assert all(secret not in page.content() for secret in LEAKED)
    expect(page.locator(".messages")).to_be_visible()
    report = Report.objects.get()
    assert all(secret not in report.description for secret in LEAKED)


def send_public_report(page: Page) -> None:
    """Fill the public form as a resident, preview, send."""
    page.locator("#id_title").fill("Nuorilla ei ole iltaisin paikkaa")
    page.locator("#id_description").fill(LEAKY_TEXT)
    page.locator("#id_municipalities").select_option("179")
    page.locator("button[name=step][value=preview]").click()
    expect(page.locator("#preview")).to_be_visible()
    expect(page.locator("#preview del").first).to_be_visible()
    page.locator("button[name=step][value=confirm]").click()
    expect(page.locator("h1")).to_have_text("Kiitos")


def test_resident_reports_without_logging_in(page: Page, public_form_open: None) -> None:
    page.goto("/")
    page.locator("main a.button-link.primary").click()  # "Kerro ilmiöstä"
    assert page.url.endswith("/reports/public/")
    expect(page.locator("input[name=form_token]")).to_have_count(1)
    send_public_report(page)
    assert page.url.endswith("/reports/public/thanks/")
    report = Report.objects.get()
    assert report.channel == Report.Channel.PUBLIC_FORM
    assert report.reporter_type == Report.ReporterType.RESIDENT
    assert report.county.code == "15"
    assert all(secret not in report.description for secret in LEAKED)


@pytest.fixture
def phone(phone_context: Callable[..., BrowserContext]) -> Page:
    return phone_context("fi").new_page()


def assert_fits(page: Page) -> None:
    scroll_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width, (
        f"horizontal scroll on {page.url}: {scroll_width} > {inner_width}px"
    )
    too_wide = page.evaluate(
        """() => [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea, main button, .site-header button, .site-header a')]
            .filter(el => el.offsetParent !== null && !el.closest('.hp-field') && !el.closest('.main-nav'))
            .filter(el => { const r = el.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth; })
            .map(el => el.outerHTML.slice(0, 80))"""
    )
    assert not too_wide, f"controls outside the screen on {page.url}: {too_wide}"
    # The menu is one row that scrolls sideways: the row itself fits, and what it hides is reachable.
    menu = page.evaluate("""() => { const nav = document.querySelector('.main-nav'); if (!nav) return null;
        const r = nav.getBoundingClientRect(); return [r.left, r.right, nav.scrollWidth > nav.clientWidth,
        getComputedStyle(nav).overflowX]; }""")
    if menu is not None:
        left, right, overflowing, overflow_x = menu
        assert left >= 0 and right <= page.evaluate("window.innerWidth"), f"the menu is wider than the screen: {menu}"
        assert not overflowing or overflow_x == "auto", f"menu links cannot be reached: {menu}"


def test_public_form_works_on_a_phone(phone: Page, public_form_open: None) -> None:
    phone.goto("/reports/public/")
    assert_fits(phone)
    # The controls are big enough to tap (WCAG 2.5.8: at least 24 × 24 CSS px).
    small = phone.evaluate(
        """() => [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea, main button')]
            .filter(el => el.offsetParent !== null && !el.closest('.hp-field') && !el.closest('.main-nav'))
            .filter(el => { const r = el.getBoundingClientRect(); return r.width < 20 || r.height < 20; })
            .map(el => el.outerHTML.slice(0, 80))"""
    )
    assert not small, f"controls too small to tap: {small}"
    phone.locator("button[name=step][value=preview]").tap()
    expect(phone.locator("#error-summary")).to_be_visible()
    assert_fits(phone)
    phone.locator("#id_title").fill("Nuorilla ei ole iltaisin paikkaa")
    phone.locator("#id_description").fill(LEAKY_TEXT)
    phone.locator("#id_municipalities").select_option("179")
    phone.locator("button[name=step][value=preview]").tap()
    expect(phone.locator("#preview")).to_be_visible()
    assert_fits(phone)
    phone.locator("button[name=step][value=confirm]").tap()
    expect(phone.locator("h1")).to_have_text("Kiitos")
    assert_fits(phone)
    assert Report.objects.count() == 1


# "Kivellä" is a youth venue called Kivi here; the engine takes it for a surname.
VENUE_TEXT = "Nuoret viihtyvät Kivellä, joka on kaupungin nuorisotila. Asiakas 131052-308T soitti."


def fill_report(page: Page, description: str) -> None:
    page.goto("/reports/new/")
    page.locator("#id_title").fill("Nuorten iltapaikat")
    page.locator("#id_description").fill(description)
    page.locator("#more-details > summary").click()
    page.locator("input[name=phenomena][value=osallisuus]").check()
    page.locator("#id_municipalities").select_option(["179"])
    page.locator("button[name=step][value=preview]").click()
    expect(page.locator("#preview")).to_be_visible()


def test_reporter_restores_a_word_taken_for_a_name(
    page: Page, context: BrowserContext, site: str, make_user: Callable[..., Any]
) -> None:
    sign_in(context, site, make_user(Role.REPORTER))
    fill_report(page, VENUE_TEXT)
    description = page.locator("#id_description")
    assert "[NIMI]" in description.input_value()
    # A name can be restored; the identity code has no restore box at all.
    boxes = page.locator("#preview input[name=restore]")
    expect(boxes).to_have_count(1)
    expect(page.get_by_label("Palauta “Kivellä”")).to_be_visible()
    page.get_by_label("Palauta “Kivellä”").check()
    page.locator("button[name=step][value=confirm]").click()  # ticking a box shows the preview again first

    expect(page.locator("#restored-note")).to_be_visible()
    assert description.input_value().startswith("Nuoret viihtyvät Kivellä, joka")
    assert "[HETU]" in description.input_value()
    assert Report.objects.count() == 0
    page.locator("button[name=step][value=confirm]").click()

    expect(page.locator("article.report h1")).to_have_text("Nuorten iltapaikat")
    expect(page.locator("#restored-words")).to_contain_text("Raportoija palautti 1 sanan")
    report = Report.objects.get()
    assert report.description.startswith("Nuoret viihtyvät Kivellä, joka")
    assert "131052-308T" not in report.description
    assert report.restored_words == 1


def test_a_word_can_still_be_restored_after_checking_again(
    page: Page, context: BrowserContext, site: str, make_user: Callable[..., Any]
) -> None:
    sign_in(context, site, make_user(Role.REPORTER))
    fill_report(page, VENUE_TEXT)
    page.locator("button[name=step][value=preview]").click()  # "Check again": only placeholders now
    expect(page.locator("#restore-offers")).to_be_visible()
    page.locator("#restore-offers input[name=restore]").check()
    page.locator("button[name=step][value=preview]").click()
    assert page.locator("#id_description").input_value().startswith("Nuoret viihtyvät Kivellä, joka")
    page.locator("button[name=step][value=confirm]").click()
    expect(page.locator("article.report h1")).to_have_text("Nuorten iltapaikat")
    assert Report.objects.get().restored_words == 1


def test_restoring_an_identity_code_is_refused(
    page: Page, context: BrowserContext, site: str, make_user: Callable[..., Any]
) -> None:
    sign_in(context, site, make_user(Role.REPORTER))
    fill_report(page, VENUE_TEXT)
    # A forged request: the restore box pointed at the identity code's place (slot 1).
    box = page.locator("#preview input[name=restore]")
    box.evaluate("el => { el.value = 'description|1|131052-308T'; }")
    box.check()
    page.locator("button[name=step][value=preview]").click()

    expect(page.locator("#restore-error")).to_be_visible()
    expect(page.locator("#restore-error")).to_contain_text("Vain nimet ja osoitteet")
    assert "131052-308T" not in page.locator("#id_description").input_value()
    page.locator("button[name=step][value=confirm]").click()
    report = Report.objects.get()
    assert "131052-308T" not in report.description and "[HETU]" in report.description
    assert report.restored_words == 0
