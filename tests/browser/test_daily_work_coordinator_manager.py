"""Issue 20, done-when bullet 2 in a real browser: a coordinator marks a duplicate from the
similar-reports list in one click; a manager sets 60 % on a sub-action and sees the parent
roll up in the action tree. (Turning a signal into a case needs months of published counts
to raise a signal; it is tested through the views in tests/analysis/test_signal_becomes_case.py.)"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import BrowserContext, expect

from ilmio.areas.models import County, Municipality
from ilmio.core.roles import Role
from ilmio.knowledge import services as loop
from ilmio.knowledge.models import Action
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from tests.browser.helpers import log_in


def file(text: str) -> Report:
    report, _ = submit_report({"title": "Vuokrarästit", "description": text,
                               "municipalities": [Municipality.objects.get(code="179")]},
                              county=County.objects.get(code="15"), channel=Report.Channel.FORM)  # fmt: skip
    return report


def test_one_click_duplicate_and_progress_roll_up(context: BrowserContext, make_user: Any, settings: Any) -> None:
    settings.LANGUAGE_CODE = "en"
    for role in (Role.COORDINATOR, Role.MANAGER):
        user = make_user(role, username=str(role))
        user.preferred_language = "en"
        user.save()
    context.set_extra_http_headers({"Accept-Language": "en"})
    original = file("Häätöuhka kasvaa: vuokrarästit ovat lisääntyneet asumistuen leikkausten jälkeen.")
    report = file("Vuokrarästit kasvavat ja häätöuhka lisääntyy asumistuen muutosten jälkeen.")

    # Coordinator: the similar report shows its date, area and snippet; one click marks the duplicate.
    page = context.new_page()
    log_in(page, str(Role.COORDINATOR))
    page.goto(f"/triage/reports/{report.public_id}/")
    similar = page.locator("li.similar-report").first
    expect(similar).to_contain_text("Jyväskylä")
    expect(similar.locator("mark").first).to_be_visible()
    similar.get_by_role("button", name="Duplicate of this").click()
    expect(page.locator("p.message").first).to_contain_text("Marked as a duplicate.")
    report.refresh_from_db()
    assert report.duplicate_of_id == original.pk
    page.close()

    # Manager: 60 % with a note on the only sub-action; the parent shows 60 % above it.
    county = County.objects.get(code="15")
    parent = loop.create_action(county=county, title="Asumisneuvonta", owner="Johto")
    child = loop.create_action(county=county, title="Neuvojan rekrytointi", owner="Johto", parent=parent)
    context.clear_cookies()
    page = context.new_page()
    log_in(page, str(Role.MANAGER))
    page.goto("/knowledge/actions/")
    page.locator(f"#progress-{child.pk}").fill("60")
    page.locator(f"#note-{child.pk}").fill("Haastattelut käynnissä")
    page.locator(f"#progress-{child.pk}").press("Enter")
    page.wait_for_load_state()
    rows = page.locator("tbody tr")
    expect(rows.nth(0)).to_contain_text("Asumisneuvonta")
    expect(rows.nth(0)).to_contain_text("60 %")
    expect(rows.nth(1)).to_contain_text("Neuvojan rekrytointi")
    expect(rows.nth(1)).to_contain_text("Haastattelut käynnissä")
    assert Action.objects.get(pk=parent.pk).progress == 60
    page.wait_for_load_state("load")
    page.close()
