"""A notification of a shortcoming in a real browser (issue #14, first "done when").

A professional notifies a shortcoming with a client's name in it (redacted before it is
stored); the unit's responsible person acknowledges it and starts correcting; the correction
deadline passes (time moved: the daily job runs as if on the day after); the letter to the
supervisory authority is generated and the notifier sees "escalated". Another county's
coordinator and the county's decision-maker see none of the notifier's identity.
"""

from __future__ import annotations

import subprocess
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from django.utils import timezone
from playwright.sync_api import BrowserContext, expect

from ilmio.accounts.models import Organisation
from ilmio.areas.models import County
from ilmio.core.roles import Role
from ilmio.shortcomings import services
from ilmio.shortcomings.models import Shortcoming
from tests.browser.test_knowledge_loop import as_person, done_with

WHAT = "Kotihoidon iltakäynnit on peruttu kolmesti viikossa. Asiakas Matti Virtanen jäi ilman lääkkeitään."
NOTIFIER_NAME = ("Tiina", "Ilmoittaja")


def test_a_shortcoming_is_acknowledged_escalated_at_its_deadline_and_the_notifier_stays_protected(
    context: BrowserContext, make_user: Any, settings: Any, tmp_path: Path
) -> None:
    settings.LANGUAGE_CODE = "en"
    county = County.objects.get(code="15")
    unit = Organisation.objects.create(name="Kotihoito Keskusta", kind=Organisation.Kind.COUNTY, county=county)
    notifier = make_user(Role.REPORTER, username="tyontekija")
    receiver = make_user(Role.MANAGER, username="vastaava")
    other = make_user(Role.COORDINATOR, county_code="13", username="toinen")
    decider = make_user(Role.DECISION_MAKER, username="paattaja")
    notifier.first_name, notifier.last_name = NOTIFIER_NAME
    for user in (notifier, receiver, other, decider):
        user.preferred_language = "en"
        user.organisation = unit if user in (notifier, receiver) else None
        user.save()
    context.set_extra_http_headers({"Accept-Language": "en"})

    # 1. The professional notifies; the client's name is removed before it is stored.
    page = as_person(context, "tyontekija")
    page.goto("/shortcomings/new/")
    page.locator("#id_unit").select_option(label="Kotihoito Keskusta")
    page.locator("#id_service_area").select_option("older_people")
    page.locator("#id_what").fill(WHAT)
    page.locator("button", has_text="Send the notification").click()
    expect(page.locator("h1")).to_contain_text("Notification of a shortcoming no.")
    expect(page.locator("article")).to_contain_text("[NAME]")
    expect(page.locator("article")).not_to_contain_text("Virtanen")
    expect(page.locator("article")).to_contain_text("Received")
    detail_url = page.url
    done_with(page)
    shortcoming = Shortcoming.objects.get()
    assert "Virtanen" not in shortcoming.what and shortcoming.receiver == receiver

    # 2. The unit's responsible person acknowledges and starts correcting; only they see who notified.
    page = as_person(context, "vastaava")
    page.goto("/shortcomings/")
    page.locator(f'main a[href="/shortcomings/{shortcoming.pk}/"]').click()
    expect(page.locator("article")).to_contain_text(" ".join(NOTIFIER_NAME))
    page.get_by_role("button", name="Acknowledge", exact=True).click()
    expect(page.locator("article")).to_contain_text("Acknowledged")
    page.get_by_role("button", name="Start correcting", exact=True).click()
    expect(page.locator("article")).to_contain_text("Being corrected")
    done_with(page)

    # 3. The deadline passes: the daily job runs on the day after it and escalates.
    shortcoming.refresh_from_db()
    day_after = timezone.make_aware(datetime.combine(shortcoming.correct_by + timedelta(days=1), time(8)))
    assert [s.pk for s in services.escalate_overdue(day_after)] == [shortcoming.pk]

    # 4. The letter to the supervisory authority is generated, in the notifier's language,
    #    without the notifier's name (they did not sign) and without the client's.
    page = as_person(context, "vastaava")
    page.goto(detail_url)
    expect(page.locator("article")).to_contain_text("Notified to the supervisory authority")
    pdf = page.request.get(page.locator("a", has_text="Letter (PDF)").get_attribute("href") or "")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(pdf.body())
    text = subprocess.run(["pdftotext", str(letter), "-"], capture_output=True, text=True, check=True).stdout
    assert "Kotihoito Keskusta" in text and "Virtanen" not in text
    assert NOTIFIER_NAME[1] not in text and "tyontekija" not in text
    done_with(page)

    # 5. The notifier sees that it went to the authority.
    page = as_person(context, "tyontekija")
    page.goto("/shortcomings/mine/")
    expect(page.locator("main")).to_contain_text("Notified to the supervisory authority")
    done_with(page)

    # 6. Another county's coordinator and the decision-maker see none of it.
    for username, status in (("toinen", 404), ("paattaja", 403)):
        page = as_person(context, username)
        for path in (detail_url, "/shortcomings/", f"/shortcomings/annual/{timezone.localdate().year - 1}/"):
            response = page.goto(path)
            assert response is not None and response.status in (status, 403, 404), (username, path, response.status)
            body = page.locator("body").inner_text()
            assert NOTIFIER_NAME[1] not in body and "tyontekija" not in body
        done_with(page)
