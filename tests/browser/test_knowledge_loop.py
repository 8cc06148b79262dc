"""The whole knowledge loop in a real browser, person by person.

A professional files a report with a name in it (redacted) → a coordinator triages and
groups it → a summary citing it is approved and published → a proposal is decided → the
action is completed → the reporter sees the outcome and receives the e-mail → the public
page shows the summary without the quote.
"""

from __future__ import annotations

from typing import Any

from django.core import mail
from playwright.sync_api import BrowserContext, expect

from ilmio.core.roles import Role
from tests.browser.helpers import log_in

DESCRIPTION = "Asiakas Matti Virtanen menetti vuokra-asuntonsa, kun vuokrarästit kasvoivat asumistuen muutoksen jälkeen."


def as_person(context: BrowserContext, username: str) -> Any:
    context.clear_cookies()
    page = context.new_page()
    log_in(page, username)
    return page


def done_with(page: Any) -> None:
    """Close a page only once its last navigation has finished: closing one mid-navigation
    (a POST and its redirect in flight) can leave Chromium never confirming the close."""
    page.wait_for_load_state("load")
    page.close()


def test_the_whole_loop(context: BrowserContext, make_user: Any, settings: Any) -> None:
    settings.LANGUAGE_CODE = "en"
    reporter = make_user(Role.REPORTER, username="reporter")
    reporter.email = "reporter@example.org"
    reporter.save()
    for user in (reporter, make_user(Role.COORDINATOR, username="coordinator"), make_user(Role.MANAGER, username="manager")):
        user.preferred_language = "en"  # log-in switches the interface to it
        user.save()
    context.set_extra_http_headers({"Accept-Language": "en"})

    # 1. A professional files a report; the name is redacted before it is stored.
    page = as_person(context, "reporter")
    page.goto("/reports/new/")
    page.locator("#id_title").fill("Vuokrarästit ja häätöuhka")
    page.locator("#id_description").fill(DESCRIPTION)
    page.locator("#more-details > summary").click()
    page.locator("input[name=phenomena][value=asuminen]").check()
    page.locator("#id_municipalities").select_option(["179"])
    page.locator("#id_wants_feedback").check()
    page.locator("button[name=step][value=preview]").click()
    expect(page.locator("#preview del").first).to_contain_text("Matti Virtanen")
    page.locator("button[name=step][value=confirm]").click()
    expect(page.locator("h1")).to_contain_text("Vuokrarästit")
    expect(page.locator("article")).to_contain_text("[NAME]")
    expect(page.locator("article")).not_to_contain_text("Virtanen")
    report_url = page.url
    done_with(page)

    # 2. The coordinator triages and groups it into a case, then drafts a summary.
    page = as_person(context, "coordinator")
    page.goto("/triage/cases/")
    page.locator("#id_title").fill("Häätöuhka asumistuen muutosten jälkeen")
    page.locator("button.primary", has_text="Create case").click()
    expect(page.locator("h1")).to_contain_text("Häätöuhka asumistuen")
    page.goto("/triage/")
    page.locator("td a", has_text="Vuokrarästit").first.click()
    page.locator("#id_primary").select_option("asuminen")
    page.locator("button", has_text="Confirm classification").click()
    expect(page.locator(".messages")).to_contain_text("Classification saved")
    page.locator("#case-select").select_option(label="Häätöuhka asumistuen muutosten jälkeen")
    page.locator("button", has_text="Add to case").click()
    expect(page.locator(".messages")).to_contain_text("Added to the case")
    page.goto("/knowledge/summaries/")
    page.locator("#id_title").fill("Asuminen Keski-Suomessa")
    page.locator("#id_period_start").fill("2026-01-01")
    page.locator("#id_period_end").fill("2026-12-31")
    page.locator("input[name=phenomena][value=asuminen]").check()
    page.locator("button", has_text="Create draft").click()
    expect(page.locator(".statements")).to_contain_text("1 report in")
    page.locator(".statements details summary").first.click()
    expect(page.locator(".statements details").first).to_contain_text("Vuokrarästit")
    page.locator("button", has_text="Send for approval").click()
    expect(page.locator("main")).to_contain_text("Waiting for approval")
    summary_url = page.url
    done_with(page)

    # 3. The manager approves and publishes it, proposes, decides and completes the action.
    page = as_person(context, "manager")
    page.goto(summary_url)
    page.get_by_role("button", name="Approve", exact=True).click()
    page.locator("#id_audience").select_option("public")
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator("main")).to_contain_text("Published")
    page.locator("#id_title").fill("Lisää asumisneuvontaa")
    page.locator("#id_text").fill("Asumisneuvontaa kaikkiin kuntiin.")
    page.locator("#id_addressed_to").select_option("steering_group")
    page.locator("button", has_text="Create proposal").click()
    page.locator("#id_outcome").select_option("accepted")
    page.locator("#id_decided_on").fill("2026-11-20")
    page.locator("#id_body").fill("Ohjausryhmä")
    page.locator("#id_owner").fill("Aikuissosiaalityö")
    page.locator("button", has_text="Record decision").click()
    expect(page.locator("main")).to_contain_text("Accepted")
    page.goto("/knowledge/actions/")
    row = page.locator("tr", has_text="Lisää asumisneuvontaa")
    row.locator("select").select_option("done")
    row.locator("button", has_text="Save").click()
    expect(page.locator("tr", has_text="Lisää asumisneuvontaa")).to_contain_text("100 %")
    done_with(page)

    # 4. The reporter sees the outcome, in the app and by e-mail.
    page = as_person(context, "reporter")
    page.goto(report_url)
    path = page.locator("section", has_text="What came of this report")
    expect(path).to_contain_text("Lisää asumisneuvontaa")
    expect(path).to_contain_text("Accepted")
    expect(path).to_contain_text("Done")
    page.goto("/knowledge/notifications/")
    expect(page.locator("main li")).to_have_count(3)
    done_with(page)
    sent = [m for m in mail.outbox if "reporter@example.org" in m.to]
    assert len(sent) == 3, [m.subject for m in mail.outbox]
    assert all("Virtanen" not in m.body for m in sent)

    # 5. The public page shows the summary without the quote (none approved one by one).
    context.clear_cookies()
    page = context.new_page()
    page.goto("/knowledge/public/summaries/")
    page.locator("a", has_text="Asuminen Keski-Suomessa").click()
    expect(page.locator("h1")).to_contain_text("Asuminen Keski-Suomessa")
    expect(page.locator("blockquote")).to_have_count(0)
    expect(page.locator("main")).not_to_contain_text("menetti vuokra-asuntonsa")
