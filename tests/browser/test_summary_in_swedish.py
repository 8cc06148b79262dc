"""Issue 12, "done when", in a real browser and in Swedish from end to end.

A coordinator starts a summary from a case in Swedish, edits the title, the narrative and a
written statement whose citations are picked by a search, and sends it for approval; the
manager returns it with a comment; the coordinator fixes it; the manager sees what changed,
approves it and publishes it to the public. A member of the public finds it by links from
the home page, reads it in Swedish (no English or Finnish on the page), downloads the PDF
and the DOCX (opened: text, language, suppressed counts, the public audience mark; the
PDF's first page rendered as an image kept with the test's files), and the county's Atom
feed validates and lists it.
"""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from lxml import etree
from playwright.sync_api import BrowserContext, expect

from ilmio.analysis.services import create_case
from ilmio.areas.models import Municipality
from ilmio.core.roles import Role
from ilmio.knowledge.models import Summary
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.taxonomy.models import Phenomenon, TargetGroup
from tests.browser.helpers import log_in

ATOM = "http://www.w3.org/2005/Atom"
SWEDISH = [
    "Hyresskulderna växer och vräkning hotar allt fler barnfamiljer i kommunen.",
    "Vräkning och hyresskulder syns på mottagningen när bostadsbidraget inte räcker till hyran.",
    "Boenderådgivningen hinner inte med, eftersom hyresskulderna växer snabbt efter elräkningarna.",
    "Hyresskulder leder till vräkning och boenderådgivningen har långa köer på hösten.",
    "Familjerna berättar att bostadsbidraget inte täcker hyran och att skulderna ökar varje månad.",
    "Vräkning hotar många ensamstående föräldrar och boenderådgivningen behöver mer resurser.",
    "Unga vuxna flyttar till vänner när hyran blir obetald och ingen bostad finns att få.",
    "Hyresvärdarna kräver borgen och familjer med betalningsanmärkning får ingen ny bostad.",
]
CASE_TITLE = "Vräkningshot efter ändringarna i bostadsbidraget"
TITLE = "Hyresskulder och vräkningshot i Jyväskylä"
NARRATIVE = ("Rapporterna från hösten visar att hyresskulderna växer och att vräkning hotar barnfamiljer.\n\n"
             "Boenderådgivningen räcker inte till och familjerna väntar länge på hjälp.")  # fmt: skip
FIXED = "Socialarbetarna föreslår att boenderådgivningen förstärks och att hyresskulder förebyggs tidigt."
STATEMENT = "Vräkningshotet gäller särskilt barnfamiljer med hyresskulder."
STATEMENT_EDITED = "Vräkningshotet gäller särskilt barnfamiljer och ensamstående föräldrar med hyresskulder."
COMMENT = "Lägg till vad socialarbetarna föreslår i berättelsen."
# Interface words that must not leak into the Swedish public page (case-sensitive).
ENGLISH = ["Reports", "Summary", "Published", "Download", " reports", "Statements", "Public version", "Narrative"]
FINNISH = ["ilmoitus", "Ilmoitus", "ilmoitukset", "Yhteenveto", "yhteenveto", "Julkaistu", "Lataa", "Keski-Suomi"]
SWEDISH_WORDS = ["rapporter", "Mellersta Finland"]
PUBLIC_MARK = "Offentlig"  # documents.audience_mark(PUBLIC) in Swedish (locale/sv django.po)


def as_person(context: BrowserContext, username: str) -> Any:
    context.clear_cookies()
    page = context.new_page()
    log_in(page, username)
    return page


def done_with(page: Any) -> None:
    """Close a page only once its last navigation has finished (see test_knowledge_loop)."""
    page.wait_for_load_state("load")
    page.close()


def swedish_reports() -> list[Report]:
    """Eight Swedish reports of housing in Jyväskylä, one to three months old."""
    jyvaskyla = Municipality.objects.get(code="179")
    housing = Phenomenon.objects.get(code="asuminen")
    families = TargetGroup.objects.order_by("position").first()
    now = datetime.now().astimezone()
    reports = []
    for i, text in enumerate(SWEDISH):
        report, _created = submit_report(
            {"title": "Boende och hyresskulder", "description": text, "language": "sv",
             "municipalities": [jyvaskyla], "phenomena": [housing], "target_groups": [families],
             "trend": Report.Trend.GROWING},
            county=jyvaskyla.county, channel=Report.Channel.FORM, created_at=now - timedelta(days=32 + 7 * i),
        )  # fmt: skip
        report.language = "sv"
        report.save(update_fields=["language"])
        reports.append(report)
    return reports


def atom_problems(xml: bytes) -> list[str]:
    """The essentials of RFC 4287: an atom:feed with id, title and updated; every entry with
    id, title, updated and a link with an href; timestamps as RFC 3339 date-times."""
    root = etree.fromstring(xml)
    problems = []
    stamp = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")

    def check(element: Any, where: str, children: tuple[str, ...]) -> None:
        for name in children:
            found = element.findall(f"{{{ATOM}}}{name}")
            if len(found) != 1 or not (found[0].text or "").strip():
                problems.append(f"{where}: needs exactly one non-empty atom:{name}, has {len(found)}")
            elif name == "updated" and not stamp.match(found[0].text.strip()):
                problems.append(f"{where}: atom:updated {found[0].text!r} is not an RFC 3339 date-time")

    if root.tag != f"{{{ATOM}}}feed":
        return [f"the root is {root.tag}, not atom:feed"]
    check(root, "feed", ("id", "title", "updated"))
    for n, entry in enumerate(root.findall(f"{{{ATOM}}}entry"), start=1):
        check(entry, f"entry {n}", ("id", "title", "updated"))
        links = entry.findall(f"{{{ATOM}}}link")
        if not any(link.get("href") for link in links):
            problems.append(f"entry {n}: needs an atom:link with an href")
    return problems


@pytest.fixture
def swedish_public(context: BrowserContext, site: str) -> Iterator[BrowserContext]:
    """A browser of someone not logged in whose language is Swedish: Chromium sends its
    locale as Accept-Language on navigations, whatever extra headers say."""
    assert context.browser is not None
    public = context.browser.new_context(base_url=site, locale="sv-SE", extra_http_headers={"Accept-Language": "sv"})
    public.set_default_timeout(10_000)
    yield public
    for open_page in public.pages:  # as the shared context fixture: never close mid-navigation
        with contextlib.suppress(Exception):
            open_page.wait_for_load_state("load", timeout=5_000)
    public.close()


def test_a_summary_from_a_case_in_swedish_to_the_public(
    context: BrowserContext, swedish_public: BrowserContext, make_user: Any, settings: Any, tmp_path: Path
) -> None:
    coordinator = make_user(Role.COORDINATOR, username="samordnare")
    manager = make_user(Role.MANAGER, username="chef")
    for user in (coordinator, manager):
        user.preferred_language = "sv"  # log-in switches the interface to it
        user.save()
    # The staff's interface follows their preferred language; Chromium sends its own locale
    # (fi-FI) as Accept-Language on navigations whatever this says (see swedish_public).
    context.set_extra_http_headers({"Accept-Language": "sv"})
    reports = swedish_reports()
    case = create_case(county=coordinator.county, title=CASE_TITLE, by=coordinator,
                       phenomenon=Phenomenon.objects.get(code="asuminen"), reports=reports)  # fmt: skip
    exact = f"{len(reports)} rapporter"

    # 1. The coordinator writes a summary of the case, in Swedish.
    page = as_person(context, "samordnare")
    page.goto(f"/triage/cases/{case.pk}/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    form = page.locator("#summary-from-case")
    expect(page.locator("#case-summary")).to_have_text("Skriv en sammanfattning")
    form.locator("#summary-language").select_option("sv")
    form.get_by_role("button", name="Skriv en sammanfattning").click()
    expect(page).to_have_url(re.compile(r"/knowledge/summaries/\d+/$"))
    summary = Summary.objects.get()
    assert summary.language == "sv"
    summary_url = f"/knowledge/summaries/{summary.pk}/"
    expect(page.locator("h1")).to_have_text(CASE_TITLE)
    expect(page.locator("section[aria-labelledby=narrative-heading]")).to_contain_text("Denna sammanfattning")
    expect(page.locator(".statements")).to_contain_text(exact)  # the internal version: exact counts
    expect(page.locator(".statements")).not_to_contain_text(" reports")

    # 2. The title and the narrative are rewritten.
    page.locator("#edit-texts > summary").click()
    page.locator("#edit_title").fill(TITLE)
    page.locator("#edit_narrative").fill(NARRATIVE)
    page.locator("#edit-texts").get_by_role("button", name="Spara", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Ändringarna har sparats.")
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator("section[aria-labelledby=narrative-heading]")).to_contain_text("hyresskulderna växer")

    # A written statement citing reports found by a word search, ticked one by one.
    page.locator("#cite > summary").click()
    page.locator("#pick_q").fill("vräkning")
    page.locator("#cite").get_by_role("button", name="Sök", exact=True).click()
    found = page.locator("#cite input[name=citations]")
    expect(found).to_have_count(sum("vräkning" in t.lower() for t in SWEDISH))
    found.nth(0).check()
    found.nth(1).check()
    found.nth(2).check()
    page.locator("#cite-text").fill(STATEMENT)
    page.locator("#cite").get_by_role("button", name="Lägg till en iakttagelse som hänvisar till de valda rapporterna").click()
    expect(page.locator(".messages")).to_contain_text("Iakttagelsen har lagts till.")
    written = summary.statements.get(text=STATEMENT)
    assert written.citations.count() == 3
    assert all("vräkning" in r.description.lower() for r in written.citations.all())

    # ...then reworded, and one of its citations dropped.
    item = page.locator(f"#statement-{written.pk}")
    expect(item).to_contain_text(STATEMENT)
    item.locator("details", has_text="Redigera iakttagelse").locator("summary").click()
    item.locator(f"#statement-{written.pk}-text").fill(STATEMENT_EDITED)
    item.locator("input[name=citations]").nth(2).uncheck()
    item.get_by_role("button", name="Spara iakttagelsen").click()
    expect(page.locator(".messages")).to_contain_text("Iakttagelsen har sparats.")
    expect(page.locator(f"#statement-{written.pk}")).to_contain_text(STATEMENT_EDITED)
    written.refresh_from_db()
    assert written.text == STATEMENT_EDITED
    assert written.citations.count() == 2

    page.get_by_role("button", name="Skicka för godkännande").click()
    expect(page.locator(".messages")).to_contain_text("Skickat för godkännande.")
    expect(page.locator("main")).to_contain_text("Väntar på godkännande")
    done_with(page)

    # 3. The manager returns it with a comment.
    page = as_person(context, "chef")
    page.goto(summary_url)
    page.locator("#return > summary").click()
    page.locator("#return_comment").fill(COMMENT)
    page.locator("#return").get_by_role("button", name="Returnera för ändringar").click()
    expect(page.locator(".messages")).to_contain_text("Returnerad till skribenten för ändringar.")
    done_with(page)

    # The coordinator reads the comment, adds what was asked for and sends it again.
    page = as_person(context, "samordnare")
    page.goto(summary_url)
    expect(page.locator("#returned")).to_contain_text("Returnerad för ändringar")
    expect(page.locator("#returned")).to_contain_text(COMMENT)
    page.locator("#edit-texts > summary").click()
    page.locator("#edit_narrative").fill(NARRATIVE + "\n\n" + FIXED)
    page.locator("#edit-texts").get_by_role("button", name="Spara", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Ändringarna har sparats.")
    page.get_by_role("button", name="Skicka för godkännande").click()
    expect(page.locator(".messages")).to_contain_text("Skickat för godkännande.")
    done_with(page)

    # The manager sees what changed since the review, approves and publishes to the public.
    page = as_person(context, "chef")
    page.goto(summary_url)
    changes = page.locator("#changes")
    expect(changes).to_contain_text("Vad har ändrats sedan den senaste granskningen")
    expect(changes.locator("ins").first).to_be_visible()
    expect(changes).to_contain_text("boenderådgivningen förstärks")
    page.get_by_role("button", name="Godkänn", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Sammanfattningen har godkänts.")
    page.locator("#id_audience").select_option("public")
    page.get_by_role("button", name="Publicera", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Publicerat:")
    expect(page.locator("main")).to_contain_text("Publicerad")
    done_with(page)
    summary.refresh_from_db()
    assert summary.status == Summary.Status.PUBLISHED and summary.audience == Summary.Audience.PUBLIC

    # 4. The public finds it from the home page by links only, and reads it in Swedish.
    page = swedish_public.new_page()
    page.goto("/")
    page.get_by_role("link", name="Läs vad som har publicerats utifrån rapporterna").click()
    expect(page.locator("h1")).to_contain_text("Publicerade sammanfattningar")
    page.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(re.compile(rf"/knowledge/public/summaries/{summary.pk}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    main = page.locator("main")
    expect(page.locator("h1")).to_have_text(TITLE)
    text = main.inner_text()
    assert "Mellersta Finland" in text, text
    assert STATEMENT_EDITED in text, text
    # The narrative is the summary's body: the public reads it, as in the PDF and the DOCX.
    assert "hyresskulderna växer" in text and FIXED in text, f"the public page has no narrative:\n{text}"
    assert [w for w in SWEDISH_WORDS if w.lower() not in text.lower()] == [], text
    assert [w for w in ENGLISH if w in text] == [], text
    assert [w for w in FINNISH if w in text] == [], text
    # Counts suppressed: the public sees published cells only, never the exact count.
    assert exact not in text, text
    assert "–" in text, text
    assert COMMENT not in text  # the review stays internal

    # 5. The PDF and the DOCX from the public page's links, opened and read.
    pdf_href = main.locator("a", has_text="PDF").get_attribute("href")
    docx_href = main.locator("a", has_text="DOCX").get_attribute("href")
    assert pdf_href and docx_href
    pdf = page.request.get(pdf_href)
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf", pdf.status
    pdf_path = tmp_path / "summary-public-sv.pdf"
    pdf_path.write_bytes(pdf.body())
    pdf_text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True,
                              check=True, timeout=30).stdout  # fmt: skip
    flat = " ".join(pdf_text.split())
    assert TITLE in flat, flat
    assert PUBLIC_MARK in flat, flat
    assert "Mellersta Finland" in flat and "rapporter" in flat.lower() and "Vad som observerades" in flat, flat
    assert "boenderådgivningen förstärks" in flat, flat
    assert exact not in flat, flat
    assert [w for w in ENGLISH + FINNISH if w in flat] == [], flat
    assert [w for w in ("Internal", "Intern", "Sisäinen", "Public", "Julkinen") if re.search(rf"\b{w}\b", flat)] == [], flat
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", str(pdf_path),
                    str(tmp_path / "summary-public-sv-page1")], check=True, timeout=30)  # fmt: skip
    png = tmp_path / "summary-public-sv-page1.png"
    assert png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 1000

    docx = page.request.get(docx_href)
    assert docx.status == 200, docx.status
    (tmp_path / "summary-public-sv.docx").write_bytes(docx.body())
    document = Document(io.BytesIO(docx.body()))
    assert document.core_properties.language == "sv"
    assert document.core_properties.title == TITLE
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    assert TITLE in paragraphs, paragraphs
    assert PUBLIC_MARK in paragraphs and PUBLIC_MARK in header, (paragraphs, header)
    assert "Mellersta Finland" in paragraphs and "rapporter" in paragraphs.lower() and "Vad som observerades" in paragraphs
    assert FIXED in paragraphs and STATEMENT_EDITED in paragraphs, paragraphs
    assert exact not in paragraphs, paragraphs
    assert [w for w in ENGLISH + FINNISH if w in paragraphs + header] == [], paragraphs
    done_with(page)

    # 6. The county's Atom feed, in Swedish, validates and lists the summary.
    feed = swedish_public.request.get("/knowledge/public/15/feed.atom?lang=sv")
    assert feed.status == 200, feed.status
    assert feed.headers["content-type"].startswith("application/atom+xml"), feed.headers["content-type"]
    assert feed.headers.get("content-language") == "sv"
    assert atom_problems(feed.body()) == []
    root = etree.fromstring(feed.body())
    assert "Mellersta Finland" in root.findtext(f"{{{ATOM}}}title", "")
    entries = {e.findtext(f"{{{ATOM}}}title"): e for e in root.findall(f"{{{ATOM}}}entry")}
    assert TITLE in entries, list(entries)
    link = entries[TITLE].find(f"{{{ATOM}}}link")
    assert link is not None and link.get("href", "").endswith(f"/knowledge/public/summaries/{summary.pk}/")
