"""Client feedback imported in a real browser (issue #14, third "done when").

A coordinator uploads a sheet of 10,000 rows, sees in the dry run the one bad row and no
identifying detail, imports, and the run page's progress bar stands full with the bad row
reported and the others stored. The feedback page then counts them and finds a text
with the search, the name in it removed; the phenomenon brief counts the feedback too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, expect

from ilmio.core.roles import Role
from ilmio.sources.models import FeedbackItem
from tests.browser.test_knowledge_loop import as_person, done_with
from tests.sources.test_feedback_import import BAD_ROW, SECRETS, sheet_rows, xlsx


def test_ten_thousand_rows_import_with_a_progress_bar_and_are_counted_and_searchable(
    context: BrowserContext, make_user: Any, settings: Any, tmp_path: Path
) -> None:
    settings.LANGUAGE_CODE = "en"
    settings.REPORT_IMPORT_DIR = tmp_path / "private-imports"
    coordinator = make_user(Role.COORDINATOR, username="koordinaattori")
    coordinator.preferred_language = "en"
    coordinator.save()
    context.set_extra_http_headers({"Accept-Language": "en"})
    page = as_person(context, "koordinaattori")
    page.goto("/sources/feedback/")
    page.get_by_role("link", name="Import client feedback").click()
    page.locator("#id_file").set_input_files({
        "name": "palautteet.xlsx", "buffer": xlsx(sheet_rows(10_000)),
        "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})  # fmt: skip
    # Reading, checking and storing 10,000 rows takes seconds, longer on a busy machine:
    # each step waits for its page as long as it needs (the defaults are for quick pages).
    with page.expect_navigation(timeout=180_000):
        page.locator("#import-upload-button").click(no_wait_after=True)
    with page.expect_navigation(timeout=180_000):
        page.locator("button[name=action][value=preview]").click(no_wait_after=True)
    preview = page.locator("main")
    expect(preview).to_contain_text(f"Row {BAD_ROW}: the date “31.2.2025” does not exist")
    expect(preview).to_contain_text("would be stored")
    expect(preview).not_to_contain_text(SECRETS["name"])
    expect(preview).not_to_contain_text(SECRETS["hetu"])
    assert not FeedbackItem.objects.exists()  # the dry run stored nothing

    with page.expect_navigation(timeout=300_000):
        page.locator("button[name=action][value=import]").click(no_wait_after=True)
    progress = page.locator("#import-progress")
    expect(progress).to_have_attribute("max", "10000", timeout=120_000)
    expect(progress).to_have_attribute("value", "10000", timeout=120_000)
    expect(page.locator("main")).to_contain_text("9,999")
    expect(page.locator("main")).to_contain_text(f"Row {BAD_ROW}")
    assert FeedbackItem.objects.filter(county=coordinator.county).count() == 9_999

    page.goto("/sources/feedback/")
    expect(page.locator("caption", has_text="By kind")).to_be_visible()
    page.locator("#search_q").fill("kotihoitoa")
    page.get_by_role("button", name="Search", exact=True).click()
    results = page.locator(".feedback-items")
    expect(page.locator("main")).to_contain_text("1 item matches.")
    expect(results).to_contain_text("odotti kotihoitoa")
    expect(results).not_to_contain_text(SECRETS["name"])
    expect(results).not_to_contain_text(SECRETS["hetu"])

    page.goto("/situation/brief/asuminen/?level=county&area=15")
    expect(page.locator("caption", has_text="Client feedback, reminders and complaints on this phenomenon")).to_be_visible()
    done_with(page)
