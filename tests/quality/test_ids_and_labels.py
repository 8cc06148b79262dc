"""Every audited page, in Finnish, Swedish and English: no element id twice, and every
``<label for>`` names a control that exists, can be labelled and sits in the label's form.

Two forms on one page both rendering ``id_reason`` make a click on the second label focus
the first form's field (and a screen reader read the wrong label). The pages are the
accessibility audit's list (tests/browser/pages.py), plus the multi-form pages as the roles
that see most of their forms (MORE_STATES); the HTML comes from Django's test client and
Python's own parser, so this runs in seconds without a browser. aria-describedby,
-labelledby and -controls must name existing ids too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from ilmio.core.roles import Role
from tests.browser.helpers import LANGUAGES, LEAKY_TEXT, create_report
from tests.browser.pages import PAGES, AuditedPage, Visit, actions_page, summary_page
from tests.reports.helpers import public_form_data, staff_form_data

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
LABELABLE = {"button", "input", "meter", "output", "progress", "select", "textarea"}
ID_REFERENCES = ("aria-describedby", "aria-labelledby", "aria-controls")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    line: int
    form: int | None  # the enclosing <form> (its position on the page), or None
    label: int | None = None  # the enclosing <label> (its position among elements)

    def describe(self) -> str:
        shown = " ".join(f'{k}="{v}"' for k, v in self.attrs.items() if k in ("id", "name", "for", "type", "value"))
        return f"<{self.tag} {shown}> (line {self.line})"


class Page(HTMLParser):
    """The page's elements in document order, each with its enclosing form and label."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open_tags: list[tuple[str, int | None, int | None]] = []  # tag, form, label
        self.forms = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        form, label = self.open_tags[-1][1:] if self.open_tags else (None, None)
        if tag == "form":
            form, self.forms = self.forms, self.forms + 1
        element = Element(tag, {k: v or "" for k, v in attrs}, self.getpos()[0], form, label)
        self.elements.append(element)
        if tag == "label":
            label = len(self.elements) - 1
        if tag not in VOID:
            self.open_tags.append((tag, form, label))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open_tags.pop()

    def handle_endtag(self, tag: str) -> None:
        for position in range(len(self.open_tags) - 1, -1, -1):
            if self.open_tags[position][0] == tag:
                del self.open_tags[position:]
                return


def form_of(element: Element, forms: list[Element]) -> str | None:
    """The form a control belongs to: its ``form`` attribute, else the enclosing form."""
    if element.attrs.get("form"):
        return element.attrs["form"]
    if element.form is None:
        return None
    return forms[element.form].attrs.get("id") or f"form #{element.form}"


def problems(html: str) -> list[str]:
    page = Page()
    page.feed(html)
    page.close()
    found: list[str] = []
    ids = Counter(e.attrs["id"] for e in page.elements if "id" in e.attrs)
    found += [f"id {name!r} appears {n} times" for name, n in ids.items() if n > 1]
    by_id = {e.attrs["id"]: e for e in page.elements if "id" in e.attrs}
    forms = [e for e in page.elements if e.tag == "form"]
    for element in page.elements:
        if element.tag == "label" and "for" in element.attrs:
            target = by_id.get(element.attrs["for"])
            if target is None:
                found.append(f"{element.describe()} points at no element")
            elif target.tag not in LABELABLE or target.attrs.get("type") == "hidden":
                found.append(f"{element.describe()} points at {target.describe()}, which is not a form control")
            elif element.form is not None and form_of(target, forms) != form_of(element, forms):
                found.append(f"{element.describe()} points at {target.describe()} of another form")
        if element.tag in LABELABLE and element.label is not None:
            label = page.elements[element.label]
            if label.attrs.get("for") and label.attrs["for"] != element.attrs.get("id"):
                found.append(f"{label.describe()} wraps {element.describe()} but points elsewhere")
        for attr in ID_REFERENCES:
            for name in element.attrs.get(attr, "").split():
                if name not in by_id:
                    found.append(f"{element.describe()}: {attr} → #{name}, which does not exist")
    return found


class _Goto:
    """What a page function of tests/browser/pages.py drives: here only ``goto`` is kept."""

    def __init__(self, audited: AuditedPage) -> None:
        self.audited = audited
        self.path: str | None = None

    def goto(self, url: str) -> None:
        self.path = url

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(
            f"{self.audited.id}: the browser visit uses page.{name}(); add a test-client visit "
            "for it to CLIENT_VISITS in tests/quality/test_ids_and_labels.py"
        )


# Pages reached by filling a form in the browser: the same form posted by the test client.
def _public_form_with_errors(client: Client, v: Visit) -> Any:
    return client.post("/reports/public/", {"step": "preview"})


def _public_idea_with_errors(client: Client, v: Visit) -> Any:
    return client.post("/participation/ideas/new/", {})


def _public_form_preview(client: Client, v: Visit) -> Any:
    return client.post("/reports/public/", public_form_data(description=LEAKY_TEXT, step="preview"))


def _staff_form_preview(client: Client, v: Visit) -> Any:
    return client.post("/reports/new/", staff_form_data(description=LEAKY_TEXT, step="preview"))


def _triage_report_with_errors(client: Client, v: Visit) -> Any:
    from ilmio.accounts.models import User

    author = User.objects.filter(role=Role.REPORTER).first() or v.make_user(Role.REPORTER)
    report = create_report(author)
    # An empty classification is shown again with its errors, beside the page's other forms.
    return client.post(reverse("analysis:report", args=[report.public_id]), {"action": "classify"})


def _correct_report_with_errors(client: Client, v: Visit) -> Any:
    from ilmio.accounts.models import User

    author = User.objects.filter(role=Role.REPORTER).first() or v.make_user(Role.REPORTER)
    report = create_report(author)
    # Both forms shown again with their errors: their fields must not share ids.
    client.post(reverse("gdpr:correct_report", args=[report.public_id]), {"action": "erase"})
    return client.post(reverse("gdpr:correct_report", args=[report.public_id]), {"action": "redact"})


def _history_import_preview(client: Client, v: Visit) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.browser.pages import HISTORY_CSV

    client.post(reverse("reports:import"), {"action": "upload",
                                            "file": SimpleUploadedFile("historia.csv", HISTORY_CSV.encode())})  # fmt: skip
    return client.post(reverse("reports:import"), {"action": "preview", "col_source_id": "Vastaajan ID",
                                                   "col_created_at": "Vastausaika", "col_municipality": "Kunta",
                                                   "col_description": "Kuvaile havaintosi"})  # fmt: skip


def _feedback_import_preview(client: Client, v: Visit) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.browser.pages import FEEDBACK_CSV

    client.post(reverse("sources:feedback_import"), {"action": "upload",
                "file": SimpleUploadedFile("palautteet.csv", FEEDBACK_CSV.encode())})  # fmt: skip
    return client.post(reverse("sources:feedback_import"), {"action": "preview", "col_source_id": "Asianumero",
                       "col_received_on": "Saapunut", "col_kind": "Tyyppi", "col_unit": "Yksikkö",
                       "col_phenomenon": "Ilmiö", "col_text": "Palaute"})  # fmt: skip


def _county_admin_invite_errors(client: Client, v: Visit) -> Any:
    return client.post(reverse("county_admin:invite"), {})


def _county_admin_token_created(client: Client, v: Visit) -> Any:
    from tests.accounts.registry import token_form_data

    return client.post(reverse("county_admin:tokens"), token_form_data(v))


def _set_password(client: Client, v: Visit) -> Any:
    from tests.accounts.registry import set_password_path

    return client.get(set_password_path(v.make_user))


CLIENT_VISITS: dict[str, Callable[[Client, Visit], Any]] = {
    "county-admin-invite-errors": _county_admin_invite_errors,
    "county-admin-token-created": _county_admin_token_created,
    "set-password": _set_password,
    "history-import-preview": _history_import_preview,
    "feedback-import": _feedback_import_preview,
    "public-form-errors": _public_form_with_errors,
    "public-idea-errors": _public_idea_with_errors,
    "public-form-preview": _public_form_preview,
    "staff-form-preview": _staff_form_preview,
    "triage-report-errors": _triage_report_with_errors,
    "correct-report-errors": _correct_report_with_errors,
}


def _draft_summary(v: Visit) -> None:
    from ilmio.knowledge import services as loop

    assert v.user is not None
    summary = loop.draft_summary(county=v.user.county, title="Luonnos", period_start=date(2026, 1, 1),
                                 period_end=date(2026, 12, 31), by=None)  # fmt: skip
    v.page.goto(reverse("knowledge:summary", args=[summary.pk]))


def _undecided_proposal(v: Visit) -> None:
    from ilmio.knowledge import services as loop

    assert v.user is not None
    proposal = loop.create_proposal(county=v.user.county, title="Ehdotus", text="Perustelut.",
                                    addressed_to="steering_group", by=None)  # fmt: skip
    v.page.goto(reverse("knowledge:proposal", args=[proposal.pk]))


# The audited pages as the roles that see the most forms on them, in states the audit list
# does not visit: each form of a page is one more chance of an id used twice.
MORE_STATES: list[AuditedPage] = [
    AuditedPage("summary-draft-coordinator", "knowledge:summary", Role.COORDINATOR, _draft_summary),
    AuditedPage("summary-draft-admin", "knowledge:summary", Role.ADMIN, _draft_summary),
    AuditedPage("summary-published-admin", "knowledge:summary", Role.ADMIN, summary_page),
    AuditedPage("proposal-undecided", "knowledge:proposal", Role.MANAGER, _undecided_proposal),
    AuditedPage("triage-report-errors", "analysis:report", Role.COORDINATOR, "-"),
    AuditedPage("actions-admin", "knowledge:actions", Role.ADMIN, actions_page),
]
ALL_PAGES = PAGES + MORE_STATES


def page_in(audited: AuditedPage, visit: Visit, language: str, path: str | None) -> tuple[str, str]:
    """The page's HTML in ``language`` (and its path, to reuse for the next language)."""
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    if visit.user is not None:
        client.force_login(visit.user)
    if audited.id in CLIENT_VISITS:
        response = CLIENT_VISITS[audited.id](client, visit)
        path = response.request["PATH_INFO"]
    else:
        if path is None:
            if callable(audited.visit):
                driver = _Goto(audited)
                audited.visit(Visit(page=driver, user=visit.user, make_user=visit.make_user))  # type: ignore[arg-type]
                assert driver.path is not None, f"{audited.id}: the visit went nowhere"
                path = driver.path
            else:
                path = audited.visit if audited.visit.startswith("/") else reverse(audited.visit)
        response = client.get(path)
    expected = 404 if audited.url_name is None else 200
    assert response.status_code == expected, f"{audited.id} [{language}]: HTTP {response.status_code}"
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    return html, path or ""


@pytest.fixture
def open_public_form(monkeypatch: pytest.MonkeyPatch, settings: Any) -> None:
    """The public form without its anti-spam delay and rate limit, as in the browser audit."""
    monkeypatch.setattr("ilmio.core.forms.SPAM_MIN_SECONDS", 0)
    settings.RATELIMIT_ENABLE = False


@pytest.mark.parametrize("audited", ALL_PAGES, ids=[p.id for p in ALL_PAGES])
def test_ids_are_unique_and_labels_point_at_their_control(
    audited: AuditedPage, make_user: Callable[..., Any], open_public_form: None
) -> None:
    user = make_user(audited.role) if audited.role else None
    visit = Visit(page=None, user=user, make_user=make_user)  # type: ignore[arg-type]
    found: list[str] = []
    path: str | None = None
    for language in LANGUAGES:
        html, path = page_in(audited, visit, language, path)
        found += [f"{audited.id} [{language}] {path}: {p}" for p in problems(html)]
    assert not found, "Duplicate ids or misdirected labels:\n" + "\n".join(found)


def test_the_check_finds_duplicate_ids_and_misdirected_labels() -> None:
    html = """
      <form><label for="id_reason">A</label><input id="id_reason" name="reason"></form>
      <form><label for="id_reason">B</label><input id="id_reason" name="reason"></form>
      <form id="f"><label for="id_text">C</label></form><textarea id="id_text"></textarea>
      <label for="nothing">D</label><label for="box">E</label><div id="box"></div>
      <label for="id_x">F <input id="id_y"></label><input id="id_x">
      <p aria-describedby="gone">G</p>
    """
    found = problems(html)
    assert any("'id_reason' appears 2 times" in p for p in found)
    assert any('for="id_text"' in p and "another form" in p for p in found)
    assert any('for="nothing"' in p and "no element" in p for p in found)
    assert any('for="box"' in p and "not a form control" in p for p in found)
    assert any("wraps" in p and 'id="id_y"' in p for p in found)
    assert any("#gone" in p for p in found)
    assert problems('<form><label for="a">A</label><input id="a"></form><label>B <input></label>') == []
