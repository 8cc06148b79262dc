"""A listening round in a real browser (issue #15, second "done when").

A coordinator creates "Mikä pännii Saarijärvellä?" for one municipality and opens its QR
poster (a PDF that renders); residents answer on a phone in Swedish (a name in one answer
is removed before it is stored); the round closes (time moved: its last day is yesterday);
the public results page shows only counts, the small ones hidden, and none of the answers.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from ilmio.core.roles import Role
from ilmio.indicators.disclosure import threshold
from ilmio.participation.models import ListeningRound, RoundAnswer
from ilmio.participation.services import classify_answer
from ilmio.taxonomy.models import Phenomenon
from tests.browser.test_knowledge_loop import as_person, done_with

pytestmark = pytest.mark.browser


@pytest.fixture
def phone_sv(phone_context: Callable[..., BrowserContext]) -> BrowserContext:
    return phone_context("sv")


def answer_on_phone(phone: BrowserContext, path: str, text: str) -> Page:
    page = phone.new_page()
    page.goto(path)
    expect(page.locator("h1")).to_have_text("Mikä pännii Saarijärvellä?")
    page.locator("#id_text").fill(text)
    page.get_by_role("button", name="Skicka svaret").click()
    expect(page.locator("main")).to_contain_text("Tack. Ditt svar har tagits emot.")
    return page


def test_a_round_runs_a_resident_answers_on_a_phone_in_swedish_and_only_suppressed_counts_are_published(
    context: BrowserContext, phone_sv: BrowserContext, make_user: Any, settings: Any, tmp_path: Path,
    public_form_open: None,
) -> None:
    settings.LANGUAGE_CODE = "en"
    coordinator = make_user(Role.COORDINATOR, username="koordinaattori")
    coordinator.preferred_language = "en"
    coordinator.save()
    context.set_extra_http_headers({"Accept-Language": "en"})

    # 1. The coordinator creates the round for Saarijärvi and opens its poster.
    page = as_person(context, "koordinaattori")
    page.goto("/participation/rounds/")
    today = timezone.localdate()
    page.locator("#id_municipality").select_option("729")
    page.locator("#id_question").fill("Mikä pännii Saarijärvellä?")
    page.locator("#id_opens_on").fill(today.isoformat())
    page.locator("#id_closes_on").fill((today + timedelta(days=29)).isoformat())
    page.get_by_role("button", name="Create the round").click()
    expect(page.locator("h1")).to_have_text("Mikä pännii Saarijärvellä?")
    listening_round = ListeningRound.objects.get()
    poster = page.request.get(f"/participation/rounds/{listening_round.pk}/poster.pdf")
    assert poster.ok and poster.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "poster.pdf"
    pdf.write_bytes(poster.body())
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "poster")], check=True)
    assert list(tmp_path.glob("poster*.png"))
    public_path = f"/participation/rounds/{listening_round.pk}/answer/"
    assert public_path in " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                                  check=True).stdout.split())  # the QR's address, printed too
    done_with(page)

    # 2. Residents answer on a phone, in Swedish; a name typed in is removed before storing.
    many = threshold() + 2
    first = answer_on_phone(phone_sv, public_path, "Min granne Matti Virtanen säger att bussen går för sällan.")
    first.close()
    for number in range(many):
        answer_on_phone(phone_sv, public_path, f"Bussen går för sällan, svar {number}.").close()
    answers = list(RoundAnswer.objects.order_by("pk"))
    assert len(answers) == many + 1 and all(a.language == "sv" for a in answers)
    assert "Virtanen" not in answers[0].text and "Matti" not in answers[0].text
    transport, housing = Phenomenon.objects.get(code="palvelujarjestelma"), Phenomenon.objects.get(code="asuminen")
    for answer in answers:
        classify_answer(answer, phenomenon=housing if answer is answers[0] else transport, by=coordinator)

    # 3. The round closes: the form is gone and the results are counts, the small one hidden.
    ListeningRound.objects.filter(pk=listening_round.pk).update(opens_on=today - timedelta(days=30),
                                                                closes_on=today - timedelta(days=1))  # fmt: skip
    results = phone_sv.new_page()
    results.goto(public_path)
    main = results.locator("main")
    expect(main.locator("h2", has_text="Resultat")).to_be_visible()
    expect(main.locator("#round-form")).to_have_count(0)
    expect(main).not_to_contain_text("Bussen går")
    cells = [c.strip() for c in main.locator("td.count").all_inner_texts()]
    assert "1" not in cells and "–" in cells  # one answer on housing: hidden, with a second cell
    assert cells[-1] == str(many + 1)  # the total is published
    results.screenshot(path=str(tmp_path / "results-sv.png"), full_page=True)
    done_with(results)
