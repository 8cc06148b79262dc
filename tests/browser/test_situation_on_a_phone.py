"""The situational picture as the public reads it on a phone, in Swedish: the planted rise
is visible, the chart has axes and values, numbers and lists follow the language."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from ilmio.core.formats import collation_key
from ilmio_demo.world import build_demo

pytestmark = pytest.mark.browser


@pytest.fixture
def phone_sv(phone_context: Callable[..., BrowserContext]) -> Page:
    return phone_context("sv").new_page()


def test_the_public_reads_the_county_page_on_a_phone(phone_sv: Page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    build_demo(reports=900, with_loop=False, with_statistics=False)
    page = phone_sv
    page.goto("/situation/?level=county&area=15&period=quarter")
    expect(page.locator("h1")).to_contain_text("Lägesbild")
    page.screenshot(path=str(tmp_path / "situation-sv-phone.png"), full_page=True)

    # The emerging signal, found on published cells alone, without logging in.
    signals = page.locator("#signals-heading")
    signals.scroll_into_view_if_needed()
    expect(signals).to_be_visible()
    expect(page.locator("section.card table tbody tr").first).to_contain_text("Mellersta Finland")

    # A chart with an axis (ticks) and a value on every shown bar, legible on the phone.
    ticks = page.locator(".chart .bar-ticks span")
    assert ticks.count() >= 2
    values = page.locator(".chart .bars .bar-value").all_inner_texts()
    assert values and all(v.strip() for v in values)
    label_size = float(page.eval_on_selector(".chart .bar-label", "el => parseFloat(getComputedStyle(el).fontSize)"))
    assert label_size >= 12, label_size
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"the page scrolls sideways: {width} > {inner}"

    # Numbers in Swedish: no "." as a decimal point; periods written the Swedish way.
    numbers = page.locator("main td.num, main .bar-value, main .bar-ticks span").all_inner_texts()
    assert not [n for n in numbers if re.search(r"\d\.\d", n)], numbers
    headers = page.locator("main table").first.locator("thead th").all_inner_texts()
    assert any(re.fullmatch(r"kv\. [1-4] \d{4}", h.strip()) for h in headers), headers

    # Lists of areas in Swedish alphabetical order (Å, Ä, Ö after Z).
    for selector in ("#area-codes option",):
        names = [name.strip() for name in page.locator(selector).evaluate_all("els => els.map(e => e.textContent)")]
        counties = names[-21:] if len(names) > 21 else names
        assert counties == sorted(counties, key=collation_key), counties
