"""The national picture in a real browser (issue #17, third "done when"): three county
instances' packages imported, a national analyst compares Keski-Suomi with its cooperation
area and the country for ``asuminen`` and sees no report text anywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, expect

from ilmio.areas.models import County
from ilmio.core.roles import Role
from ilmio.federation.national import import_package, register_county_key
from ilmio.federation.picture import SHOWN_VALUE, national_picture
from tests.browser.test_knowledge_loop import as_person, done_with
from tests.federation.test_packages import build_packages, files_of

pytestmark = pytest.mark.browser

# Enough reports on asuminen that the counties publish their quarter (fictional).
PLAN = {"15": [("179", "asuminen", (20, 22, 21)), ("410", "asuminen", (9, 8, 10))],
        "13": [("297", "asuminen", (12, 14, 13))],
        "08": [("837", "asuminen", (25, 24, 26))]}  # fmt: skip


def test_a_national_analyst_compares_keski_suomi_with_its_area_and_the_country(
    context: BrowserContext, make_user: Any, settings: Any, tmp_path: Path,
) -> None:
    settings.LANGUAGE_CODE = "en"
    packages, keys = build_packages(PLAN, settings, tmp_path)
    for code, folder in packages.items():
        register_county_key(County.objects.get(code=code), keys[code])
        import_package(files_of(folder))
    expected = national_picture("asuminen", "2026-Q1")
    own = expected.row("county", "15")
    assert own is not None and own.state == SHOWN_VALUE and own.value == sum(sum(m) for _c, _p, m in PLAN["15"])
    analyst = make_user(Role.NATIONAL_ANALYST, county_code=None, username="thl_analyytikko")
    analyst.preferred_language = "en"
    analyst.save()
    context.set_extra_http_headers({"Accept-Language": "en"})

    page = as_person(context, "thl_analyytikko")
    page.get_by_role("link", name="National picture").first.click()
    page.locator("#np-phenomenon").select_option("asuminen")
    page.locator("#np-period").select_option("2026-Q1")
    page.locator("#np-compare").select_option("15")
    page.get_by_role("button", name="Show").click()
    comparison = page.locator("#comparison tbody tr")
    expect(comparison).to_have_count(3)
    expect(comparison.nth(0)).to_contain_text("Central Finland")
    expect(comparison.nth(0).locator("td.count")).to_have_text(str(own.value))
    area = expected.row("cooperation_area", own.parent)
    assert area is not None
    expect(comparison.nth(1)).to_contain_text(area.name)
    expect(comparison.nth(2)).to_contain_text("Whole country")
    country = expected.row("country", "FI")
    assert country is not None and country.counties_with_data == 3
    # Lapland sent no package: "no data", not a dash.
    expect(page.locator("#national tr[data-code='19'] td.count")).to_have_text("no data")
    main = page.locator("main")
    expect(main).not_to_contain_text("Tilanne on vaikea")
    expect(main).not_to_contain_text("Havainto")
    page.screenshot(path=str(tmp_path / "national.png"), full_page=True)
    done_with(page)
