"""Issue 20, done-when bullet 1 on a 390 × 844 phone: a professional files a report in at
most eight taps from the home page and sends it without scrolling past the preview; "my
reports" shows its status; after a decision on a proposal citing it, one grouped
notification waits, counted in the header."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from playwright.sync_api import BrowserContext, Locator, Page, expect

from ilmio.analysis.models import PhenomenonCase
from ilmio.core.roles import Role
from ilmio.knowledge import services as loop
from ilmio.knowledge.models import Decision
from ilmio.reports.models import Report
from tests.browser.helpers import sign_in
from tests.knowledge.helpers import file

PHONE = {"width": 390, "height": 844}
MAX_TAPS = 8


class Taps:
    """Every tap the reporter makes; typing into a field counts as the tap that focuses it,
    a native picker as its taps (open, choose, confirm)."""

    def __init__(self) -> None:
        self.count = 0

    def tap(self, target: Locator) -> None:
        self.count += 1
        target.tap()

    def type(self, target: Locator, text: str) -> None:
        self.count += 1
        target.tap()
        target.fill(text)

    def pick(self, target: Locator, value: str) -> None:
        self.count += 3  # a multiple choice on a phone: open, tick, done
        target.select_option([value])


def in_view(page: Page, target: Locator) -> bool:
    box = target.bounding_box()
    assert box is not None
    return box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_reporter_on_a_phone(phone_context: Callable[..., BrowserContext], site: str, make_user: Any) -> None:
    reporter = make_user(Role.REPORTER)
    reporter.email = "raportoija@example.org"
    reporter.save()
    context = phone_context("fi")
    sign_in(context, site, reporter)
    page = context.new_page()
    page.goto("/")
    taps = Taps()

    taps.tap(page.locator(".main-nav a[href='/reports/new/']"))
    # The optional questions wait behind one summary: the first screen is what every report needs.
    expect(page.locator("#more-details")).not_to_have_attribute("open", "")
    taps.type(page.locator("#id_title"), "Nuorten iltapaikat puuttuvat")
    taps.type(page.locator("#id_description"), "Nuorilla ei ole iltaisin paikkaa, jossa olla. Matti Virtanen "
                                               "kertoi, että nuorisotila suljettiin keväällä.")  # fmt: skip
    # The list can be searched by name: "jyväs" leaves Jyväskylä.
    search = page.locator("#municipality-search")
    expect(search).to_be_visible()
    search.fill("jyväs")
    expect(page.locator("#id_municipalities option:not([hidden])")).to_have_count(1)
    taps.pick(page.locator("#id_municipalities"), "179")
    expect(page.locator("#id_wants_feedback")).to_be_checked()
    taps.tap(page.locator("button[name=step][value=preview]"))

    # The preview has the focus and its send button is on the screen, without scrolling.
    preview = page.locator("#preview")
    expect(preview).to_be_focused()
    expect(preview.locator("mark.redacted").first).to_be_visible()
    send = preview.locator("button[name=step][value=confirm]")
    assert in_view(page, send), "the send button is below the first screen of the preview"
    assert page.evaluate("window.scrollY") < page.evaluate(
        "document.getElementById('preview').getBoundingClientRect().bottom + window.scrollY")
    taps.tap(send)
    expect(page.locator("article.report h1")).to_have_text("Nuorten iltapaikat puuttuvat")
    assert taps.count <= MAX_TAPS, f"{taps.count} taps"
    report = Report.objects.get()
    assert "Virtanen" not in report.description

    # "My reports" shows the status.
    page.goto("/reports/mine/")
    row = page.locator("tbody tr", has_text="Nuorten iltapaikat puuttuvat")
    expect(row).to_contain_text(str(report.status_label))

    # A decision on a proposal citing the report (and two more of the same reporter's).
    county = report.county
    others = [file(reporter, consent=True) for _ in range(2)]
    case = PhenomenonCase.objects.create(county=county, title="Nuorten illat")
    case.reports.add(report, *others)
    manager = make_user(Role.MANAGER)
    proposal = loop.create_proposal(county=county, title="Iltatoimintaa nuorille", text="Avataan tila.",
                                    addressed_to="steering_group", by=manager, case=case)  # fmt: skip
    loop.record_decision(proposal, outcome=Decision.Outcome.ACCEPTED, decided_on=date(2026, 11, 20),
                         body="Ohjausryhmä", by=manager)  # fmt: skip

    page.goto("/reports/mine/")
    badge = page.locator(".main-nav a[href='/knowledge/notifications/'] .nav-count")
    expect(badge).to_contain_text("1")
    page.locator(".main-nav a[href='/knowledge/notifications/']").tap()
    items = page.locator("ol.notification-groups > li")
    expect(items).to_have_count(1)
    expect(items.first).to_contain_text("3")
    expect(items.first.locator(".badge")).to_be_visible()
    page.goto("/reports/mine/")
    expect(page.locator(".main-nav .nav-count")).to_have_count(0)
    # The table has the latest step of each path (a case's proposal is internal: not shown to a reporter).
    expect(page.locator("thead")).to_contain_text("Viimeisin vaihe")
