"""Every view and API endpoint, requested as every role, against one expectation table.

The URL list comes from the URL configuration, so a new view without an entry in
EXPECTED fails ``test_every_url_has_an_expectation``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from ilmio.accounts.models import User
from ilmio.areas.models import County, Municipality
from ilmio.core.roles import Role
from ilmio.knowledge.models import FollowUp
from ilmio.reports.models import Report
from ilmio.reports.services import consent_withdrawal_token, submit_report

pytestmark = pytest.mark.django_db

ANON = "anonymous"
ROLES = [ANON, *[r.value for r in Role]]
SUBMITTERS = {"reporter", "partner", "coordinator", "manager", "admin"}
READERS = {"coordinator", "manager", "admin"}  # read report text of their own county
TRIAGERS = {"coordinator", "admin"}
FORWARDED = {"coordinator", "manager", "decision_maker", "admin"}


def table(default: int, anonymous: int | None = None, **by_group: int) -> dict[str, int]:
    """Expected status per role: ``default`` unless a group or the anonymous value says otherwise."""
    result = {role: default for role in ROLES}
    groups = {"submitters": SUBMITTERS, "readers": READERS, "triagers": TRIAGERS, "forwarded": FORWARDED}
    for group, status in by_group.items():
        for role in groups.get(group, {group}):
            result[role] = status
    if anonymous is not None:
        result[ANON] = anonymous
    return result


PAGE_OK = table(200)
LOGIN_PAGE = table(302, anonymous=200)
SUBMIT_PAGE = table(403, anonymous=302, submitters=200)
READ_PAGE = table(403, anonymous=302, readers=200)
OWN_COUNTY_DETAIL = table(403, anonymous=302, reporter=404, partner=404, readers=200)
OTHER_COUNTY_DETAIL = table(403, anonymous=302, reporter=404, partner=404, readers=404)
POST_ONLY = table(405)
TRIAGE_PAGE = table(403, anonymous=302, triagers=200)
FORWARDED_PAGE = table(403, anonymous=302, forwarded=200)
AUDIT_PAGE = table(403, anonymous=302, manager=200, admin=200)  # their own county's events only

# (url name, method, which object) -> expected status per role
EXPECTED: dict[tuple[str, str, str], dict[str, int]] = {
    ("home", "GET", "-"): PAGE_OK,
    ("about", "GET", "-"): PAGE_OK,
    ("health", "GET", "-"): PAGE_OK,
    ("set_language", "GET", "-"): POST_ONLY,
    ("login", "GET", "-"): LOGIN_PAGE,
    ("logout", "GET", "-"): POST_ONLY,
    # Single sign-on is not set up in the matrix's installation: not found for everyone.
    ("sso_start", "GET", "-"): table(404),
    ("sso_callback", "GET", "-"): table(404),
    # No role gives a code in the matrix's installation: everyone is sent on (anonymous: to log in).
    ("second_factor", "GET", "-"): table(302),
    ("audit_log", "GET", "-"): AUDIT_PAGE,
    ("audit_export", "GET", "-"): AUDIT_PAGE,
    ("reports:new", "GET", "-"): SUBMIT_PAGE,
    ("reports:public_new", "GET", "-"): PAGE_OK,
    ("reports:public_thanks", "GET", "-"): PAGE_OK,
    ("reports:mine", "GET", "-"): SUBMIT_PAGE,
    ("reports:list", "GET", "-"): READ_PAGE,
    ("reports:detail", "GET", "own"): OWN_COUNTY_DETAIL,
    ("reports:detail", "GET", "other"): OTHER_COUNTY_DETAIL,
    ("reports:import", "GET", "-"): TRIAGE_PAGE,
    ("reports:import_run", "GET", "import_run"): TRIAGE_PAGE,
    ("reports:import_run", "GET", "other_import_run"): table(403, anonymous=302, triagers=404),
    ("reports:import_status", "GET", "import_run"): TRIAGE_PAGE,
    ("reports:import_status", "GET", "other_import_run"): table(403, anonymous=302, triagers=404),
    ("situation:situation", "GET", "-"): PAGE_OK,
    ("situation:brief", "GET", "-"): PAGE_OK,
    ("analysis:queue", "GET", "-"): TRIAGE_PAGE,
    ("analysis:bulk_status", "GET", "-"): table(403, anonymous=302, triagers=405),
    ("analysis:queue_filters", "GET", "-"): table(403, anonymous=302, triagers=405),
    ("analysis:report", "GET", "own"): TRIAGE_PAGE,
    ("analysis:report", "GET", "other"): table(403, anonymous=302, triagers=404),
    ("gdpr:correct_report", "GET", "own"): TRIAGE_PAGE,
    ("gdpr:correct_report", "GET", "other"): table(403, anonymous=302, triagers=404),
    ("analysis:cases", "GET", "-"): TRIAGE_PAGE,
    ("analysis:case", "GET", "case"): TRIAGE_PAGE,
    ("analysis:case", "GET", "other_case"): table(403, anonymous=302, triagers=404),
    ("analysis:case_export", "GET", "case"): TRIAGE_PAGE,
    ("analysis:case_export", "GET", "other_case"): table(403, anonymous=302, triagers=404),
    ("analysis:codebook", "GET", "-"): TRIAGE_PAGE,
    ("analysis:codebook_export", "GET", "-"): TRIAGE_PAGE,
    ("analysis:codebook_import", "GET", "-"): table(403, anonymous=302, triagers=405),
    ("analysis:review_signal", "GET", "-"): table(403, anonymous=302, triagers=405),
    ("analysis:signal_case", "GET", "-"): table(403, anonymous=302, triagers=405),
    ("knowledge:summaries", "GET", "-"): FORWARDED_PAGE,
    ("knowledge:summary", "GET", "draft"): table(403, anonymous=302, forwarded=200, decision_maker=404),
    ("knowledge:summary", "GET", "published"): FORWARDED_PAGE,
    ("knowledge:summary", "GET", "other_summary"): table(403, anonymous=302, forwarded=404),
    ("knowledge:summary_export", "GET", "published"): FORWARDED_PAGE,
    ("knowledge:proposals", "GET", "-"): FORWARDED_PAGE,
    ("knowledge:proposal", "GET", "proposal"): FORWARDED_PAGE,
    ("knowledge:actions", "GET", "-"): FORWARDED_PAGE,
    ("knowledge:action_export", "GET", "-"): FORWARDED_PAGE,
    ("knowledge:notifications", "GET", "-"): SUBMIT_PAGE,
    ("knowledge:public_summaries", "GET", "-"): PAGE_OK,
    ("knowledge:public_summary", "GET", "published"): PAGE_OK,
    ("knowledge:public_summary", "GET", "draft"): table(404),
    ("knowledge:public_summary_export", "GET", "published"): PAGE_OK,
    ("knowledge:outcomes", "GET", "-"): PAGE_OK,
    ("knowledge:county_summaries", "GET", "-"): PAGE_OK,
    ("knowledge:public_feed", "GET", "-"): PAGE_OK,
    ("knowledge:public_phenomenon_feed", "GET", "-"): PAGE_OK,
    ("knowledge:public_snippet", "GET", "-"): PAGE_OK,
    ("knowledge:newsletter", "GET", "-"): FORWARDED_PAGE,
    ("knowledge:follow_up", "GET", "follow_up"): PAGE_OK,
    ("reports:withdraw_consent", "GET", "consent"): PAGE_OK,
    ("plans:plans", "GET", "-"): FORWARDED_PAGE,
    ("plans:plan", "GET", "plan"): FORWARDED_PAGE,
    ("plans:plan", "GET", "other_plan"): table(403, anonymous=302, forwarded=404),
    ("plans:diff", "GET", "plan"): FORWARDED_PAGE,
    ("plans:term", "GET", "plan"): FORWARDED_PAGE,
    ("plans:term", "GET", "other_plan"): table(403, anonymous=302, forwarded=404),
    ("plans:year", "GET", "year_plan"): FORWARDED_PAGE,
    ("plans:report", "GET", "monitoring"): FORWARDED_PAGE,
    ("plans:report", "GET", "other_monitoring"): table(403, anonymous=302, forwarded=404),
    ("plans:report_export", "GET", "monitoring"): FORWARDED_PAGE,
    ("plans:public_reports", "GET", "-"): PAGE_OK,
    ("plans:public_report", "GET", "monitoring"): PAGE_OK,
    ("plans:public_report", "GET", "other_monitoring"): table(404),
    ("plans:public_report_export", "GET", "monitoring"): PAGE_OK,
    ("shortcomings:new", "GET", "-"): SUBMIT_PAGE,
    ("shortcomings:mine", "GET", "-"): SUBMIT_PAGE,
    ("shortcomings:workbench", "GET", "-"): table(403, anonymous=302, manager=200),
    ("shortcomings:detail", "GET", "shortcoming"): table(403, anonymous=302, submitters=404, reporter=200, manager=200),
    ("shortcomings:detail", "GET", "other_shortcoming"): table(403, anonymous=302, submitters=404),
    ("shortcomings:letter", "GET", "shortcoming"): table(403, anonymous=302, submitters=404, reporter=200, manager=200),
    ("shortcomings:letter", "GET", "other_shortcoming"): table(403, anonymous=302, submitters=404),
    ("shortcomings:annual", "GET", "-"): table(403, anonymous=302, manager=200),
    # Source documents: the county's staff; decision-makers the published ones, never the file.
    ("sources:list", "GET", "-"): FORWARDED_PAGE,
    ("sources:detail", "GET", "source"): FORWARDED_PAGE,
    ("sources:detail", "GET", "source_draft"): table(403, anonymous=302, forwarded=200, decision_maker=404),
    ("sources:detail", "GET", "other_source"): table(403, anonymous=302, forwarded=404),
    ("sources:file", "GET", "source"): table(403, anonymous=302, forwarded=200, decision_maker=404),
    ("sources:file", "GET", "source_draft"): table(403, anonymous=302, forwarded=200, decision_maker=404),
    ("sources:file", "GET", "other_source"): table(403, anonymous=302, forwarded=404),
    ("sources:feedback", "GET", "-"): table(403, anonymous=302, forwarded=200, decision_maker=404),
    ("sources:feedback_import", "GET", "-"): TRIAGE_PAGE,
    ("sources:feedback_import_run", "GET", "feedback_run"): TRIAGE_PAGE,
    ("sources:feedback_import_run", "GET", "other_feedback_run"): table(403, anonymous=302, triagers=404),
    ("sources:feedback_import_run", "GET", "import_run"): table(403, anonymous=302, triagers=404),
    ("sources:feedback_import_status", "GET", "feedback_run"): TRIAGE_PAGE,
    ("sources:feedback_import_status", "GET", "other_feedback_run"): table(403, anonymous=302, triagers=404),
    ("county_admin:users", "GET", "-"): table(403, anonymous=302, admin=200),
    ("county_admin:invite", "GET", "-"): table(403, anonymous=302, admin=200),
    ("county_admin:user", "GET", "county_user"): table(403, anonymous=302, admin=200),
    ("county_admin:user", "GET", "other_county_user"): table(403, anonymous=302, admin=404),
    ("county_admin:tokens", "GET", "-"): table(403, anonymous=302, admin=200),
    ("county_admin:organisations", "GET", "-"): table(403, anonymous=302, admin=200),
    ("county_admin:settings", "GET", "-"): table(403, anonymous=302, admin=200),
    ("county_admin:set_password", "GET", "-"): PAGE_OK,  # the pattern's own text: "this link is not valid"
    ("api:openapi-json", "GET", "-"): PAGE_OK,
    ("api:api-root", "GET", "-"): table(404),
    ("api:taxonomy", "GET", "-"): PAGE_OK,
    ("api:counties", "GET", "-"): PAGE_OK,
    ("api:municipalities", "GET", "-"): PAGE_OK,
    ("api:redact_text", "POST", "-"): table(403, anonymous=401, submitters=200),
    ("api:create_report", "POST", "-"): table(403, anonymous=401, submitters=201),
    ("api:list_reports", "GET", "-"): table(403, anonymous=401, readers=200),
    ("api:get_report", "GET", "own"): table(403, anonymous=401, reporter=404, partner=404, readers=200),
    ("api:get_report", "GET", "other"): table(403, anonymous=401, reporter=404, partner=404, readers=404),
    ("api:list_plans", "GET", "-"): table(403, anonymous=401, forwarded=200),
    # Everyone with an account sees their own notifications of shortcomings (none: an empty list).
    ("api:list_shortcomings", "GET", "-"): table(200, anonymous=401),
    ("api:export_user", "GET", "reporter_user"): table(403, anonymous=401, admin=200),
    ("api:erase_user", "DELETE", "reporter_user"): table(403, anonymous=401, admin=200),
    ("api:feedback_address", "POST", "-"): table(403, anonymous=401, admin=404),
    ("api:get_shortcoming", "GET", "shortcoming"): table(404, anonymous=401, reporter=200, manager=200),
    ("api:get_shortcoming", "GET", "other_shortcoming"): table(404, anonymous=401),
    ("api:create_shortcoming", "POST", "-"): table(403, anonymous=401, submitters=422),
    ("api:list_monitoring_reports", "GET", "-"): table(403, anonymous=401, forwarded=200),
    # Source documents: everyone with an account may ask, and gets what they may see.
    ("api:list_documents", "GET", "-"): table(200, anonymous=401),
    ("api:get_document", "GET", "source"): table(404, anonymous=401, forwarded=200),
    ("api:get_document", "GET", "source_draft"): table(404, anonymous=401, forwarded=200, decision_maker=404),
    ("api:get_document", "GET", "other_source"): table(404, anonymous=401),
    ("api:feedback_counts", "GET", "-"): table(403, anonymous=401, readers=200, triagers=200),
    ("api:list_ideas", "GET", "-"): table(200, anonymous=401),
    ("api:get_idea", "GET", "idea"): table(404, anonymous=401, triagers=200),
    ("api:get_idea", "GET", "other_idea"): table(404, anonymous=401),
    ("api:create_idea", "POST", "-"): table(403, anonymous=401, submitters=422),
    # The county's rounds for its coordinators; everyone else an empty list.
    ("api:list_rounds", "GET", "-"): table(200, anonymous=401),
    ("participation:rounds", "GET", "-"): TRIAGE_PAGE,
    ("participation:round", "GET", "round"): TRIAGE_PAGE,
    ("participation:round", "GET", "other_round"): table(403, anonymous=302, triagers=404),
    ("participation:public_round", "GET", "round"): PAGE_OK,
    ("participation:public_round", "GET", "other_round"): PAGE_OK,
    ("participation:round_poster", "GET", "round"): PAGE_OK,
    ("participation:public_idea", "GET", "-"): PAGE_OK,
    ("participation:thanks", "GET", "-"): PAGE_OK,
    ("participation:my_ideas", "GET", "-"): SUBMIT_PAGE,
    ("participation:ideas", "GET", "-"): TRIAGE_PAGE,
    ("participation:idea", "GET", "idea"): table(403, anonymous=302, submitters=404, triagers=200),
    ("participation:idea", "GET", "other_idea"): table(403, anonymous=302, submitters=404),
    ("participation:workshops", "GET", "-"): TRIAGE_PAGE,
    ("participation:workshop", "GET", "series"): TRIAGE_PAGE,
    ("participation:workshop", "GET", "other_series"): table(403, anonymous=302, triagers=404),
    ("participation:workshop_delivery", "GET", "series"): TRIAGE_PAGE,
    ("participation:workshop_delivery", "GET", "other_series"): table(403, anonymous=302, triagers=404),
    ("participation:public_workshop", "GET", "series"): PAGE_OK,
    ("participation:public_workshop", "GET", "other_series"): PAGE_OK,
    ("participation:worksheet", "GET", "session"): PAGE_OK,
    ("participation:information_needs", "GET", "-"): PAGE_OK,
    ("participation:forums", "GET", "-"): TRIAGE_PAGE,
    ("participation:forum", "GET", "forum"): TRIAGE_PAGE,
    ("participation:forum", "GET", "other_forum"): table(403, anonymous=302, triagers=404),
    ("participation:public_forum", "GET", "forum"): PAGE_OK,
    ("participation:public_forum", "GET", "other_forum"): PAGE_OK,
    # The county's workshops and forums for its coordinators; everyone else an empty list.
    ("api:list_workshops", "GET", "-"): table(200, anonymous=401),
    ("api:get_workshop_delivery", "GET", "series"): table(404, anonymous=401, triagers=200),
    ("api:get_workshop_delivery", "GET", "other_series"): table(404, anonymous=401),
    # Public; without ?phenomenon= (as the matrix asks) the answer is 422 for everyone.
    ("api:information_needs_register", "GET", "-"): table(422),
    ("api:list_forums", "GET", "-"): table(200, anonymous=401),
    # The national picture: national analysts only (aggregates of every county, no text).
    ("federation:national", "GET", "-"): table(403, anonymous=302, national_analyst=200),
    ("federation:national_export", "GET", "-"): table(403, anonymous=302, national_analyst=200),
    ("federation:packages", "GET", "-"): table(403, anonymous=302, national_analyst=200),
    ("api:picture", "GET", "-"): table(403, anonymous=401, national_analyst=200),
    ("api:packages", "GET", "-"): table(403, anonymous=401, national_analyst=200),
}
API_BODIES: dict[str, dict[str, Any]] = {
    "api:redact_text": {"text": "Asiakas Matti Virtanen"},
    "api:create_report": {"title": "Havainto", "description": "Vuokrarästit kasvavat.", "whole_county": True},
    # No unit: refused after the capability check (422), nothing filed.
    "api:feedback_address": {"email": "ei-kenenkaan@example.org"},
    "api:create_shortcoming": {"unit": 999999, "service_area": "other", "what": "Puutteita"},
    # A municipality of no county: refused after the capability check (422), nothing stored.
    "api:create_idea": {"title": "Idea", "text": "Teksti", "municipality": "999"},
}


def url_patterns(patterns: list[Any] | None = None, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}", prefix + str(pattern.pattern)


def test_every_url_has_an_expectation():
    declared = {name for name, _, _ in EXPECTED}
    missing = sorted({name for name, _ in url_patterns()} - declared)
    assert not missing, f"URLs without an entry in the permission matrix: {missing}"


@pytest.fixture
def world(make_user):  # type: ignore[no-untyped-def]
    def report(county: str, municipality: str) -> Report:
        created, _ = submit_report(
            {"title": "Havainto", "description": "Vuokrarästit kasvavat.",
             "municipalities": [Municipality.objects.get(code=municipality)]},
            county=County.objects.get(code=county), channel=Report.Channel.FORM,
        )  # fmt: skip
        return created

    from ilmio.analysis.services import create_case, create_code

    users = {role.value: make_user(role.value, None if role is Role.NATIONAL_ANALYST else "15") for role in Role}
    own, other = report("15", "179"), report("13", "297")
    case = create_case(county=own.county, title="Asumisen ilmiö", by=None, reports=[own])
    other_case = create_case(county=other.county, title="Toinen", by=None, reports=[other])
    create_code(county=own.county, name="Asuminen")  # an empty codebook is not exported (a message instead)
    from ilmio.knowledge import services as loop

    draft = loop.draft_summary(county=own.county, title="Luonnos", period_start=date(2026, 1, 1),
                               period_end=date(2026, 12, 31), by=None)  # fmt: skip
    published = loop.draft_summary(county=own.county, title="Julkaistu", period_start=date(2026, 1, 1),
                                   period_end=date(2026, 12, 31), by=None)  # fmt: skip
    loop.approve_summary(published, by=None)
    loop.publish_summary(published, "public", by=None)
    other_summary = loop.draft_summary(county=other.county, title="Toinen", period_start=date(2026, 1, 1),
                                       period_end=date(2026, 12, 31), by=None)  # fmt: skip
    proposal = loop.create_proposal(county=own.county, title="Ehdotus", text="Teksti", addressed_to="steering_group",
                                    summary=published, by=None)  # fmt: skip
    action = loop.create_action(county=own.county, title="Toimenpide", owner="Johto", proposal=proposal)
    follow_up = FollowUp.objects.create(report=own, action=action, due_at=timezone.now())
    from ilmio.plans import services as plans

    plan = plans.create_plan(county=own.county, term_start=2025, term_end=2029, title="Suunnitelma", by=None)
    other_plan = plans.create_plan(county=other.county, term_start=2025, term_end=2029, title="Toinen", by=None)
    year_plan = plans.create_year_plan(county=own.county, year=2025, by=None)
    monitoring = plans.generate_monitoring_report(county=own.county, year=2025, language="fi", by=None)
    plans.approve_monitoring_report(monitoring, by=None)
    plans.publish_monitoring_report(monitoring, by=None)
    other_monitoring = plans.generate_monitoring_report(county=other.county, year=2025, language="fi", by=None)
    from ilmio.reports.models import ImportRun

    import_run = ImportRun.objects.create(county=own.county, file_name="historia.csv")
    other_import_run = ImportRun.objects.create(county=other.county, file_name="historia.csv")
    feedback_run = ImportRun.objects.create(county=own.county, kind="feedback", file_name="palaute.csv")
    other_feedback_run = ImportRun.objects.create(county=other.county, kind="feedback", file_name="palaute.csv")
    from tests.accounts.registry import matrix_objects as county_admin_objects
    from tests.participation.registry import matrix_objects as idea_objects
    from tests.shortcomings.registry import matrix_objects
    from tests.sources.registry import matrix_objects as source_objects

    return {**matrix_objects(users), **source_objects(users), **idea_objects(users), **county_admin_objects(users), "import_run": import_run, "other_import_run": other_import_run, "feedback_run": feedback_run, "other_feedback_run": other_feedback_run, "plan": plan, "other_plan": other_plan, "year_plan": year_plan, "monitoring": monitoring,
            "other_monitoring": other_monitoring,"users": users, "own": own, "other": other, "case": case, "other_case": other_case, "draft": draft,
            "published": published, "other_summary": other_summary, "proposal": proposal, "follow_up": follow_up,
            "consent": ConsentLink(consent_withdrawal_token(own)), "reporter_user": users["reporter"]}


FORMATS = {"participation:workshop_delivery": "json", "federation:national_export": "json", "shortcomings:letter": "docx", "analysis:codebook_export": "qdc", "plans:report_export": "docx", "plans:public_report_export": "docx", "knowledge:summary_export": "md", "knowledge:public_summary_export": "md"}


@dataclass(frozen=True)
class ConsentLink:
    """The signed token of a consent-withdrawal link (nothing stored to look it up by)."""

    token: str


def concrete_path(name: str, raw: str, obj: Any) -> str:
    path = ("/" + raw).replace("<str:fmt>", FORMATS.get(name, "csv")).replace("<str:county_code>", "15")
    path = path.replace("<slug:code>", "asuminen").replace("<slug:phenomenon_code>", "asuminen").replace("<str:month>", "2026-02")
    path = path.replace("<int:year>", "2025")
    if isinstance(obj, FollowUp | ConsentLink):
        path = path.replace("<str:token>", obj.token)
    elif isinstance(obj, User):
        path = path.replace("<username>", obj.username).replace("<int:pk>", str(obj.pk))
    elif isinstance(obj, Report):
        path = path.replace("<uuid:public_id>", str(obj.public_id)).replace("<report_id>", str(obj.public_id))
    elif obj is not None:
        path = path.replace("<int:pk>", str(obj.pk)).replace("<shortcoming_id>", str(obj.pk))
        path = path.replace("<document_id>", str(obj.pk)).replace("<idea_id>", str(obj.pk))
        path = path.replace("<series_id>", str(obj.pk)).replace("<str:code>", getattr(obj, "join_code", ""))
    return path


def test_permission_matrix(world):  # type: ignore[no-untyped-def]
    paths: dict[str, str] = {}
    for name, raw in url_patterns():
        paths.setdefault(name, raw)
    mismatches = []
    for (name, method, scope), expected in EXPECTED.items():
        obj = world.get(scope)
        path = concrete_path(name, paths[name], obj)
        for role in ROLES:
            client = Client(HTTP_ACCEPT_LANGUAGE="en")
            if role != ANON:
                client.force_login(world["users"][role])
            if method == "GET":
                response = client.get(path)
            elif method == "DELETE":  # a dry run: the matrix's world must stay as it is
                response = client.delete(path + "?dry_run=true")
            else:
                response = client.post(path, json.dumps(API_BODIES.get(name, {})), content_type="application/json")
            if response.status_code != expected[role]:
                mismatches.append(f"{method} {path} as {role}: {response.status_code}, expected {expected[role]}")
    assert not mismatches, "\n".join(mismatches)
