"""The public report form with a keyboard only: no clicks, no fill — Tab, Space, arrows, typing, Enter."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ilmio.reports.models import Report
from tests.browser.helpers import LEAKED, LEAKY_TEXT

pytestmark = pytest.mark.browser

FOCUSED = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(), name: el.getAttribute('name') || '', id: el.id,
        type: el.getAttribute('type') || '', value: el.value ?? '', checked: !!el.checked,
        cls: el.className || '', text: (el.innerText || '').trim().slice(0, 40),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== 'none',
        visible: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < window.innerWidth,
        honeypot: !!el.closest('.hp-field'),
    };
}"""

# Where a keyboard user stops in the form's fields, in DOM order: one stop per radio group, hidden
# inputs and the honeypot (tabindex=-1, aria-hidden) excluded.
EXPECTED_STOPS = """() => {
    const stops = [];
    const seenRadio = new Set();
    for (const el of document.querySelector('form.report-form').elements) {
        if (el.type === 'hidden' || el.tagName === 'BUTTON' || el.closest('.hp-field') || el.closest('[hidden]') || el.tabIndex < 0 || el.disabled) continue;
        if (el.type === 'radio') { if (seenRadio.has(el.name)) continue; seenRadio.add(el.name); }
        stops.push(el.id || `${el.name}=${el.value}`);
    }
    return stops;
}"""


def focused(page: Page) -> dict[str, Any]:
    return dict(page.evaluate(FOCUSED))


def key(element: dict[str, Any]) -> str:
    return element["id"] or f"{element['name']}={element['value']}"


def tab(page: Page, seen: list[dict[str, Any]], *, shift: bool = False) -> dict[str, Any]:
    page.keyboard.press("Shift+Tab" if shift else "Tab")
    element = focused(page)
    assert not element["honeypot"], "the honeypot field must never get keyboard focus"
    if element["tag"] != "body":
        assert element["outline"] or element["shadow"], f"no visible focus indicator on {element}"
        assert element["visible"], f"focused element is not on screen: {element}"
    seen.append(element)
    return element


def test_public_form_with_keyboard_only(page: Page, public_form_open: None) -> None:
    page.goto("/reports/public/")
    seen: list[dict[str, Any]] = []

    # The first Tab shows the skip link; Enter jumps past the header to the content.
    skip = tab(page, seen)
    assert "skip-link" in skip["cls"]
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()

    expected = list(page.evaluate(EXPECTED_STOPS))
    stops: list[str] = []
    while True:
        element = tab(page, seen)
        if element["tag"] == "button":
            assert element["name"] == "step" and element["value"] == "preview", element
            break
        if element["tag"] == "summary":  # "More details": a keyboard user opens it with Enter
            page.keyboard.press("Enter")
            continue
        stops.append(key(element))
        assert len(stops) <= len(expected), f"focus left the form: {stops}"
        name = element["name"]
        if name == "title":
            page.keyboard.type("Nuorilla ei ole iltaisin paikkaa")
        elif name == "description":
            page.keyboard.type(LEAKY_TEXT)
        elif name == "kind":
            assert element["value"] == "concern" and element["checked"]
            page.keyboard.press("ArrowDown")  # arrows move within the radio group
            assert focused(page)["value"] == "good_practice" and focused(page)["checked"]
            page.keyboard.press("ArrowUp")
            assert focused(page)["value"] == "concern" and focused(page)["checked"]
        elif name in {"phenomena", "target_groups"} and element["value"] in {
            "osallisuus",
            "lapset_nuoret",
        }:
            page.keyboard.press("Space")
            assert focused(page)["checked"]
        elif name == "municipalities":
            page.keyboard.type("Jyv")  # type-ahead in a closed select (ASCII: keys, not text input)
            assert focused(page)["value"] == "179"
        elif name == "trend":
            page.keyboard.press("Home")  # "Don't know" is the last choice
            assert focused(page)["value"] == "growing"
    assert stops == expected, "the keyboard order differs from the form's order"

    # Shift+Tab goes back, then forward again to the button.
    assert key(tab(page, seen, shift=True)) == expected[-1]
    tab(page, seen)
    page.keyboard.press("Enter")  # Preview

    expect(page.locator("#preview")).to_be_visible()
    expect(page.locator("#preview del").first).to_be_visible()
    assert page.locator("#id_title").input_value() == "Nuorilla ei ole iltaisin paikkaa"
    assert page.locator("input[name=kind]:checked").get_attribute("value") == "concern"
    # From the end of the page backwards: the footer link, "Check again", "Send report".
    page.locator("body").evaluate("() => document.activeElement.blur()")
    element = tab(page, seen, shift=True)
    while not (element["tag"] == "button" and element["value"] == "confirm"):
        element = tab(page, seen, shift=True)
        assert len(seen) < 200, "the Send button was not reached"
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Kiitos")
    assert "/reports/public/thanks/" in page.url  # (with the skip link's #main)
    report = Report.objects.get()
    assert report.kind == Report.Kind.CONCERN
    # A resident is not asked to classify: the coordinator does (issue 20).
    assert not report.phenomena.exists() and not report.target_groups.exists()
    assert [m.code for m in report.municipalities.all()] == ["179"]
    assert all(secret not in report.description for secret in LEAKED)
