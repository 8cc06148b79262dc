"""A phenomenon workshop in a real browser (issue #15, first "done when").

A facilitator creates a mental-health workshop and two identical sessions (the second by
"Repeat this session"), opens their worksheets; two anonymous participants fill them on
their phones — one types a name, which is removed before it is stored; the facilitator
compiles the sessions into one result, publishes it and downloads the delivery (DOCX and
JSON are read back); the phenomenon brief of ``mielenterveys`` shows the information needs.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, expect

from ilmio.core.roles import Role
from ilmio.participation.models import CompiledItem, WorksheetEntry, WorkshopSeries
from tests.browser.test_knowledge_loop import as_person, done_with

pytestmark = pytest.mark.browser

NAME = "Matti Virtanen"


@pytest.fixture
def phone(phone_context: Callable[..., BrowserContext]) -> BrowserContext:
    return phone_context("fi")


def fill_on_phone(phone: BrowserContext, address: str, lines: dict[str, str]) -> None:
    page = phone.new_page()
    page.goto(address)
    expect(page.locator("h1")).to_be_visible()
    for field, text in lines.items():
        page.locator(f"#id_{field}").fill(text)
    page.locator("#worksheet-form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Kiitos")
    done_with(page)


def test_a_facilitator_compiles_two_identical_sessions_and_the_brief_shows_the_needs(
    context: BrowserContext, phone: BrowserContext, make_user: Any, settings: Any, tmp_path: Path,
    public_form_open: None,
) -> None:
    settings.LANGUAGE_CODE = "en"
    coordinator = make_user(Role.COORDINATOR, username="fasilitaattori")
    coordinator.preferred_language = "en"
    coordinator.save()
    context.set_extra_http_headers({"Accept-Language": "en"})

    # 1. The workshop and its first session.
    page = as_person(context, "fasilitaattori")
    page.goto("/participation/workshops/")
    page.locator("#id_phenomenon").select_option("mielenterveys")
    page.locator("#id_title").fill("Mental health workshop 2024")
    page.get_by_role("button", name="Create the workshop").click()
    expect(page.locator("h1")).to_have_text("Mental health workshop 2024")
    day = timezone.localdate() + timedelta(days=3)
    page.locator("#session_day").fill(day.isoformat())
    page.locator("#session_time").fill("14:00")
    page.locator("#session_online_link").fill("https://teams.example.org/meet/mielenterveys")
    page.get_by_role("button", name="Add the session").click()
    expect(page.locator("#session-table tbody tr")).to_have_count(1)

    # 2. The identical second session: "Repeat this session" fills the form a week later.
    page.get_by_role("link", name="Repeat this session").click()
    expect(page.locator("#session_online_link")).to_have_value("https://teams.example.org/meet/mielenterveys")
    expect(page.locator("#session_day")).to_have_value((day + timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Add the session").click()
    expect(page.locator("#session-table tbody tr")).to_have_count(2)
    for _session in range(2):
        page.get_by_role("button", name="Open the worksheets").first.click()
        page.wait_for_load_state()
    expect(page.locator("a.sheet-link")).to_have_count(2)
    addresses = page.locator("a.sheet-link").evaluate_all("links => links.map(a => a.getAttribute('href'))")

    # 3. Two anonymous participants, one per session; one types a name.
    fill_on_phone(phone, addresses[0], {
        "need": "Hoitoon pääsyn odotusajat\nNuorten itsetuhoisuus",
        "source": f"Asiakastietojärjestelmän kirjaukset, kertoi {NAME}",
        "missing": "Tieto hoitoon hakeutumattomista"})  # fmt: skip
    fill_on_phone(phone, addresses[1], {
        "need": "Hoitoon pääsyn odotusajat.", "indicator": "Sotkanet: psykiatrian avohoitokäynnit",
        "missing": "tieto hoitoon hakeutumattomista"})  # fmt: skip
    stored = sorted(WorksheetEntry.objects.values_list("section", "text"))
    assert [section for section, _text in stored] == sorted(["need", "need", "source", "missing", "need", "indicator",
                                                             "missing"]), stored  # one entry per line written
    assert not any("Virtanen" in text or "Matti" in text for _section, text in stored)

    # 4. Compile into one result, publish it, download the delivery.
    page.reload()
    expect(page.locator("details.worksheet")).to_have_count(2)
    expect(page.locator("main")).not_to_contain_text("Virtanen")
    page.get_by_role("button", name="Compile the sessions").click()
    expect(page.locator("main")).to_contain_text("2 worksheets from 2 sessions")
    expect(page.locator("ul.compiled li", has_text="Hoitoon pääsyn odotusajat")).to_contain_text("2 worksheets, sessions: 2")
    series = WorkshopSeries.objects.get()
    assert CompiledItem.objects.filter(compilation__series=series, section="missing").count() == 1
    page.get_by_role("button", name="Publish to the information-needs register").click()
    expect(page.locator("main")).to_contain_text("Published in the information-needs register.")
    with page.expect_download() as download_info:
        page.locator("a.delivery[data-format=docx][data-lang=fi]").click()
    docx_path = tmp_path / "delivery.docx"
    download_info.value.save_as(docx_path)
    from docx import Document

    words = "\n".join(p.text for p in Document(io.BytesIO(docx_path.read_bytes())).paragraphs)
    assert "Mental health workshop 2024" in words and "Hoitoon pääsyn odotusajat" in words
    assert "Sotkanet: psykiatrian avohoitokäynnit" in words and "Virtanen" not in words
    delivery = page.request.get(f"/participation/workshops/{series.pk}/delivery.json?lang=sv")
    assert delivery.ok
    data = json.loads(delivery.body())
    assert data["language"] == "sv" and data["phenomenon_code"] == "mielenterveys"
    assert (data["session_count"], data["worksheet_count"]) == (2, 2)
    assert {"text": "Hoitoon pääsyn odotusajat", "worksheets": 2, "sessions": 2} in data["sections"]["need"]
    assert "Virtanen" not in delivery.text()
    done_with(page)

    # 5. The phenomenon brief shows what was asked for, what exists and what is missing.
    brief = context.new_page()
    brief.goto("/situation/brief/mielenterveys/")
    expect(brief.locator("ul.needs-asked")).to_contain_text("Hoitoon pääsyn odotusajat")
    expect(brief.locator("ul.needs-available")).to_contain_text("Sotkanet: psykiatrian avohoitokäynnit")
    expect(brief.locator("ul.needs-missing")).to_contain_text("Tieto hoitoon hakeutumattomista")
    brief.screenshot(path=str(tmp_path / "brief.png"), full_page=True)
    done_with(brief)
