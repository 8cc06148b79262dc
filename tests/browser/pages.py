"""Every page a user can reach, for the accessibility check (test_accessibility.py).

To add a page: append an ``AuditedPage`` to ``PAGES`` — its URL name, the role that sees
it (``None`` for anonymous) and how to get there: a URL name without arguments, a path,
or a function that drives the browser there (fill a form, create the object shown…).
A URL name that is deliberately not audited goes to ``NOT_AUDITED`` with the reason.
test_every_page_is_audited fails when a URL name of the app is in neither.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from playwright.sync_api import Page, expect

from ilmio.core.roles import Role
from tests.browser.helpers import LEAKY_TEXT, create_report

if TYPE_CHECKING:
    from ilmio.accounts.models import User


@dataclass(frozen=True)
class Visit:
    """What a page function gets: the page to drive and the user it is logged in as."""

    page: Page
    user: User | None
    make_user: Callable[..., User]


@dataclass(frozen=True)
class AuditedPage:
    id: str  # the test's id: unique
    url_name: str | None  # the URL pattern this covers ("reports:new"); None: no pattern (404)
    role: str | None  # log in with this role (county 15); None: anonymous
    visit: str | Callable[[Visit], None]  # URL name, "/path/", or a function that gets there


def _fill_report_form(page: Page, *, public: bool) -> None:
    page.locator("#id_title").fill("Vuokrarästit kasautuvat")
    page.locator("#id_description").fill(LEAKY_TEXT)
    if not public:  # residents are not asked to classify; staff find it under "More details"
        page.locator("#more-details > summary").click()
        page.locator("input[name=phenomena][value=asuminen]").check()
    page.locator("#id_municipalities").select_option("179" if public else ["179"])


def _preview(page: Page) -> None:
    page.locator("button[name=step][value=preview]").click()
    page.wait_for_load_state()


def public_form_with_errors(v: Visit) -> None:
    v.page.goto("/reports/public/")
    _preview(v.page)  # nothing filled in
    expect(v.page.locator("#error-summary")).to_be_visible()


def public_form_preview(v: Visit) -> None:
    v.page.goto("/reports/public/")
    _fill_report_form(v.page, public=True)
    _preview(v.page)
    expect(v.page.locator("#preview del").first).to_be_visible()


def staff_form_preview(v: Visit) -> None:
    v.page.goto("/reports/new/")
    _fill_report_form(v.page, public=False)
    _preview(v.page)
    expect(v.page.locator("#preview del").first).to_be_visible()


def own_reports(v: Visit) -> None:
    assert v.user is not None
    create_report(v.user)
    v.page.goto("/reports/mine/")


def county_reports(v: Visit) -> None:
    from ilmio.accounts.models import User

    author = User.objects.filter(role=Role.REPORTER).first() or v.make_user(Role.REPORTER)
    create_report(author)
    v.page.goto("/reports/")


def report_detail(v: Visit) -> None:
    assert v.user is not None
    report = create_report(v.user)
    v.page.goto(reverse("reports:detail", args=[report.public_id]))


def triage_report(v: Visit) -> None:
    from ilmio.accounts.models import User

    author = User.objects.filter(role=Role.REPORTER).first() or v.make_user(Role.REPORTER)
    report = create_report(author)
    v.page.goto(reverse("analysis:report", args=[report.public_id]))


def correct_report(v: Visit) -> None:
    from ilmio.accounts.models import User

    author = User.objects.filter(role=Role.REPORTER).first() or v.make_user(Role.REPORTER)
    report = create_report(author)
    v.page.goto(reverse("gdpr:correct_report", args=[report.public_id]))


def correct_report_with_errors(v: Visit) -> None:
    correct_report(v)
    v.page.locator("form:has(input[value=redact]) button[type=submit]").click()
    v.page.wait_for_load_state()


def phenomenon_case(v: Visit) -> None:
    from ilmio.analysis.models import PhenomenonCase

    assert v.user is not None
    case = PhenomenonCase.objects.create(
        county=v.user.county, title="Nuorten asunnottomuus", created_by=v.user
    )
    v.page.goto(reverse("analysis:case", args=[case.pk]))


def _loop_objects(v: Visit) -> dict[str, object]:
    """A published summary with a proposal, decision, action and follow-up, in county 15."""
    from datetime import date

    from django.utils import timezone

    from ilmio.accounts.models import User
    from ilmio.knowledge import services as loop
    from ilmio.knowledge.models import FollowUp

    author = User.objects.filter(role=Role.REPORTER).first() or v.make_user(Role.REPORTER, username="author")
    report = create_report(author)
    county = report.county
    summary = loop.draft_summary(county=county, title="Asuminen", period_start=date(2020, 1, 1),
                                 period_end=timezone.localdate(), by=None)  # fmt: skip
    loop.approve_summary(summary, by=None)
    loop.publish_summary(summary, "public", by=None)
    proposal = loop.create_proposal(county=county, title="Asumisneuvontaa lisää", text="Perustelut.",
                                    addressed_to="steering_group", summary=summary, by=None)  # fmt: skip
    loop.record_decision(proposal, outcome="accepted", decided_on=date(2026, 11, 1), body="Ohjausryhmä", by=None)
    action = proposal.actions.get()
    follow_up = FollowUp.objects.create(report=report, action=action, due_at=timezone.now())
    return {"summary": summary, "proposal": proposal, "follow_up": follow_up}


def summary_page(v: Visit) -> None:
    v.page.goto(reverse("knowledge:summary", args=[_loop_objects(v)["summary"].pk]))  # type: ignore[attr-defined]


def public_summary_page(v: Visit) -> None:
    v.page.goto(reverse("knowledge:public_summary", args=[_loop_objects(v)["summary"].pk]))  # type: ignore[attr-defined]


def proposal_page(v: Visit) -> None:
    v.page.goto(reverse("knowledge:proposal", args=[_loop_objects(v)["proposal"].pk]))  # type: ignore[attr-defined]


def actions_page(v: Visit) -> None:
    _loop_objects(v)
    v.page.goto(reverse("knowledge:actions"))


def follow_up_page(v: Visit) -> None:
    v.page.goto(reverse("knowledge:follow_up", args=[_loop_objects(v)["follow_up"].token]))  # type: ignore[attr-defined]


def withdraw_consent_page(v: Visit) -> None:
    from ilmio.reports.services import consent_withdrawal_token

    v.page.goto(reverse("reports:withdraw_consent", args=[consent_withdrawal_token(_loop_objects(v)["follow_up"].report)]))  # type: ignore[attr-defined]


def outcomes_page(v: Visit) -> None:
    _loop_objects(v)
    v.page.goto(reverse("knowledge:outcomes", args=["15"]))


def brief_page(v: Visit) -> None:
    from ilmio.accounts.models import User

    create_report(User.objects.filter(role=Role.REPORTER).first() or v.make_user(Role.REPORTER, username="brief_author"))
    v.page.goto(reverse("situation:brief", args=["asuminen"]) + "?level=county&area=15")


def _plan_objects() -> dict[str, object]:
    """A plan (version 2 of an approved one), a 2025 yearly plan and its published report."""
    from datetime import date

    from ilmio.areas.models import County
    from ilmio.plans import services as plans
    from ilmio.plans.models import MonitoringReport, Plan, YearPlan

    county = County.objects.get(code="15")
    existing = Plan.objects.filter(county=county, version=2).first()
    if existing is not None:  # made for an earlier page of the same run
        return {"plan": existing, "year": YearPlan.objects.get(county=county, year=2025),
                "report": MonitoringReport.objects.get(county=county, year=2025)}
    plan = plans.create_plan(county=county, term_start=2025, term_end=2029, title="Toteutussuunnitelma",
                             main_goal="Päätavoite", by=None)  # fmt: skip
    plans.add_measure(plans.add_area(plan, "Tietotyö", by=None), "Raportointi", owner="Tiimi", by=None)
    plans.approve_plan(plan, body="Aluehallitus", approved_on=date(2025, 6, 16), by=None)
    second = plans.new_version(plan, by=None)
    year = plans.create_year_plan(county=county, year=2025, by=None)
    plans.add_year_measure(year, measure="Työpaja", responsible="Koordinaattori", by=None)
    report = plans.generate_monitoring_report(county=county, year=2025, language="fi", by=None)
    plans.approve_monitoring_report(report, by=None)
    plans.publish_monitoring_report(report, by=None)
    return {"plan": second, "year": year, "report": report}


def plan_page(v: Visit) -> None:
    v.page.goto(reverse("plans:plan", args=[_plan_objects()["plan"].pk]))  # type: ignore[attr-defined]


def plan_diff_page(v: Visit) -> None:
    v.page.goto(reverse("plans:diff", args=[_plan_objects()["plan"].pk]))  # type: ignore[attr-defined]


def term_page(v: Visit) -> None:
    v.page.goto(reverse("plans:term", args=[_plan_objects()["plan"].pk]))  # type: ignore[attr-defined]


def year_plan_page(v: Visit) -> None:
    v.page.goto(reverse("plans:year", args=[_plan_objects()["year"].pk]))  # type: ignore[attr-defined]


def monitoring_page(v: Visit) -> None:
    v.page.goto(reverse("plans:report", args=[_plan_objects()["report"].pk]))  # type: ignore[attr-defined]


def public_monitoring_page(v: Visit) -> None:
    v.page.goto(reverse("plans:public_report", args=[_plan_objects()["report"].pk]))  # type: ignore[attr-defined]


def public_monitoring_list(v: Visit) -> None:
    _plan_objects()
    v.page.goto(reverse("plans:public_reports", args=["15"]))


HISTORY_CSV = ("Vastaajan ID;Vastausaika;Kunta;Kuvaile havaintosi\r\n"
               "1;3.2.2021 14.05;Jyväskylä;Vuokrarästit kasvavat asumistuen muutosten jälkeen.\r\n"
               "2;31.2.2021;Jyväskylä;Päivämäärä on väärä.\r\n")  # fmt: skip


def history_import_preview(v: Visit) -> None:
    v.page.goto(reverse("reports:import"))
    v.page.locator("#id_file").set_input_files(
        {"name": "historia.csv", "mimeType": "text/csv", "buffer": HISTORY_CSV.encode()}
    )
    v.page.locator("#import-upload-button").click()
    v.page.wait_for_load_state()
    v.page.locator("button[name=action][value=preview]").click()
    v.page.wait_for_load_state()
    expect(v.page.locator("#preview table")).to_be_visible()


def history_import_run(v: Visit) -> None:
    from ilmio.reports.import_runs import start_import
    from ilmio.reports.importing import ColumnMapping

    assert v.user is not None
    mapping = ColumnMapping.guess(["Vastaajan ID", "Vastausaika", "Kunta", "Kuvaile havaintosi"])
    run = start_import(v.user.county, HISTORY_CSV.encode(), "historia.csv", mapping, by=v.user)
    v.page.goto(reverse("reports:import_run", args=[run.pk]))


FEEDBACK_CSV = ("Asianumero;Saapunut;Tyyppi;Yksikkö;Ilmiö;Palaute\r\n"
                "A-1;3.2.2025;muistutus;Kotihoito;asuminen;Asumisneuvontaan ei saanut aikaa.\r\n"
                "A-2;31.2.2025;kantelu;Kotihoito;asuminen;Päivämäärä on väärä.\r\n")  # fmt: skip


def feedback_import_preview(v: Visit) -> None:
    v.page.goto(reverse("sources:feedback_import"))
    v.page.locator("#id_file").set_input_files(
        {"name": "palautteet.csv", "mimeType": "text/csv", "buffer": FEEDBACK_CSV.encode()}
    )
    v.page.locator("#import-upload-button").click()
    v.page.wait_for_load_state()
    v.page.locator("button[name=action][value=preview]").click()
    v.page.wait_for_load_state()
    expect(v.page.locator("#preview table")).to_be_visible()


def feedback_import_run(v: Visit) -> None:
    from ilmio.reports.import_runs import start_import
    from ilmio.sources.feedback import FEEDBACK

    assert v.user is not None
    mapping = FEEDBACK.guess(["Asianumero", "Saapunut", "Tyyppi", "Yksikkö", "Ilmiö", "Palaute"])
    run = start_import(v.user.county, FEEDBACK_CSV.encode(), "palautteet.csv", mapping, by=v.user, importer=FEEDBACK)
    v.page.goto(reverse("sources:feedback_import_run", args=[run.pk]))


def _idea(v: Visit) -> int:
    """An open idea of county 15 (reused by the three languages' visits)."""
    from ilmio.participation.models import Idea
    from tests.participation.registry import idea_in

    existing = Idea.objects.filter(county__code="15").order_by("pk").first()
    return (existing or idea_in("15")).pk


def idea_list(v: Visit) -> None:
    _idea(v)
    v.page.goto(reverse("participation:ideas"))


def idea_page(v: Visit) -> None:
    v.page.goto(reverse("participation:idea", args=[_idea(v)]))


def _round(v: Visit, closed: bool = False) -> int:
    """An open round of county 15 with one answer, or a closed one (each reused by the three
    languages' visits)."""
    from datetime import timedelta

    from django.utils import timezone

    from ilmio.participation.models import ListeningRound
    from tests.participation.registry import round_in

    question = "Mikä pännii? (suljettu)" if closed else "Mikä pännii?"
    existing = ListeningRound.objects.filter(county__code="15", question=question).order_by("pk").first()
    made = existing or round_in("15", question=question)
    if closed:
        today = timezone.localdate()
        ListeningRound.objects.filter(pk=made.pk).update(opens_on=today - timedelta(days=30), closes_on=today - timedelta(days=1))
    return made.pk


def round_list(v: Visit) -> None:
    _round(v)
    v.page.goto(reverse("participation:rounds"))


def round_page(v: Visit) -> None:
    v.page.goto(reverse("participation:round", args=[_round(v)]))


def public_round_open(v: Visit) -> None:
    v.page.goto(reverse("participation:public_round", args=[_round(v)]))


def public_round_closed(v: Visit) -> None:
    v.page.goto(reverse("participation:public_round", args=[_round(v, closed=True)]))


def _series(v: Visit) -> Any:
    """A compiled, published workshop series of county 15 (reused by the three languages)."""
    from ilmio.participation.models import WorkshopSeries
    from ilmio.participation.services import publish_compilation
    from tests.participation.registry import series_in

    existing = WorkshopSeries.objects.filter(county__code="15").order_by("pk").first()
    if existing is None:
        existing = series_in("15")
        publish_compilation(existing, by=None)
    return existing


def _forum(v: Visit) -> Any:
    from ilmio.participation.models import Forum
    from tests.participation.registry import forum_in

    return Forum.objects.filter(county__code="15").order_by("pk").first() or forum_in("15")


def workshop_list(v: Visit) -> None:
    _series(v)
    v.page.goto(reverse("participation:workshops"))


def workshop_page(v: Visit) -> None:
    v.page.goto(reverse("participation:workshop", args=[_series(v).pk]))


def public_workshop(v: Visit) -> None:
    v.page.goto(reverse("participation:public_workshop", args=[_series(v).pk]))


def worksheet_page(v: Visit) -> None:
    v.page.goto(reverse("participation:worksheet", args=[_series(v).sessions.order_by("pk").last().join_code]))


def information_needs_page(v: Visit) -> None:
    _series(v)
    v.page.goto(reverse("participation:information_needs", args=["mielenterveys"]))


def forum_list(v: Visit) -> None:
    _forum(v)
    v.page.goto(reverse("participation:forums"))


def forum_page(v: Visit) -> None:
    v.page.goto(reverse("participation:forum", args=[_forum(v).pk]))


def public_forum(v: Visit) -> None:
    v.page.goto(reverse("participation:public_forum", args=[_forum(v).pk]))


def public_idea_errors(v: Visit) -> None:
    v.page.goto(reverse("participation:public_idea"))
    v.page.locator("#idea-form button[type=submit]").click()
    v.page.wait_for_load_state()
    expect(v.page.locator("#error-summary")).to_be_visible()


def _shortcoming(v: Visit) -> int:
    """A notification of county 15 (reused by the three languages' visits)."""
    from ilmio.shortcomings.models import Shortcoming
    from tests.shortcomings.registry import notifier_of, shortcoming_in

    notifier = v.user if v.user is not None and v.user.role == Role.REPORTER else notifier_of("15")
    existing = Shortcoming.objects.filter(notifier=notifier).order_by("pk").first()
    return (existing or shortcoming_in("15", by=notifier)).pk


def my_shortcomings(v: Visit) -> None:
    _shortcoming(v)
    v.page.goto(reverse("shortcomings:mine"))


def shortcoming_workbench(v: Visit) -> None:
    _shortcoming(v)
    v.page.goto(reverse("shortcomings:workbench"))


def shortcoming_page(v: Visit) -> None:
    v.page.goto(reverse("shortcomings:detail", args=[_shortcoming(v)]))


def _source_document(v: Visit) -> int:
    """A draft document of county 15 with one finding (reused by the three languages' visits)."""
    from ilmio.sources.models import SourceDocument
    from tests.sources.registry import document_in, writer_of

    writer = v.user if v.user is not None and v.user.role == Role.COORDINATOR else writer_of("15")
    existing = SourceDocument.objects.filter(county__code="15").order_by("pk").first()
    return (existing or document_in("15", by=writer, published=False)).pk


def source_list(v: Visit) -> None:
    _source_document(v)
    v.page.goto(reverse("sources:list"))


def source_page(v: Visit) -> None:
    v.page.goto(reverse("sources:detail", args=[_source_document(v)]))


def _county_admin_target(v: Visit) -> int:
    """A reporter of county 15 with an organisation and a token (reused by the three languages)."""
    from tests.accounts.registry import page_target

    return page_target(v.make_user).pk


def county_admin_user(v: Visit) -> None:
    v.page.goto(reverse("county_admin:user", args=[_county_admin_target(v)]))


def county_admin_users(v: Visit) -> None:
    _county_admin_target(v)
    v.page.goto(reverse("county_admin:users"))


def county_admin_organisations(v: Visit) -> None:
    _county_admin_target(v)
    v.page.goto(reverse("county_admin:organisations"))


def county_admin_tokens(v: Visit) -> None:
    _county_admin_target(v)
    v.page.goto(reverse("county_admin:tokens"))


def county_admin_token_created(v: Visit) -> None:
    target = _county_admin_target(v)
    v.page.goto(reverse("county_admin:tokens"))
    v.page.locator("#id_user").select_option(str(target))
    v.page.locator("#id_name").fill("Raportointi")
    v.page.locator("#token-form button[type=submit]").click()
    v.page.wait_for_load_state()
    expect(v.page.locator("#new-key")).to_be_visible()


def county_admin_invite_errors(v: Visit) -> None:
    v.page.goto(reverse("county_admin:invite"))
    v.page.locator("#invite-form button[type=submit]").click()
    v.page.wait_for_load_state()
    expect(v.page.locator("#error-summary")).to_be_visible()


def set_password_page(v: Visit) -> None:
    from tests.accounts.registry import set_password_path

    v.page.goto(set_password_path(v.make_user))
    expect(v.page.locator("#set-password-form")).to_be_visible()


PAGES: list[AuditedPage] = [
    AuditedPage("home-anonymous", "home", None, "home"),
    AuditedPage("home-reporter", "home", Role.REPORTER, "home"),
    AuditedPage("home-coordinator", "home", Role.COORDINATOR, "home"),
    AuditedPage("login", "login", None, "login"),
    AuditedPage("about", "about", None, "about"),
    AuditedPage("public-form", "reports:public_new", None, "reports:public_new"),
    AuditedPage("public-form-errors", "reports:public_new", None, public_form_with_errors),
    AuditedPage("public-form-preview", "reports:public_new", None, public_form_preview),
    AuditedPage("public-thanks", "reports:public_thanks", None, "reports:public_thanks"),
    AuditedPage("staff-form", "reports:new", Role.REPORTER, "reports:new"),
    AuditedPage("staff-form-preview", "reports:new", Role.REPORTER, staff_form_preview),
    AuditedPage("my-reports", "reports:mine", Role.REPORTER, own_reports),
    AuditedPage("report-list", "reports:list", Role.COORDINATOR, county_reports),
    AuditedPage("report-detail", "reports:detail", Role.REPORTER, report_detail),
    AuditedPage("situation-anonymous", "situation:situation", None, "situation:situation"),
    AuditedPage(
        "situation-coordinator", "situation:situation", Role.COORDINATOR, "situation:situation"
    ),
    AuditedPage("triage-queue", "analysis:queue", Role.COORDINATOR, "analysis:queue"),
    AuditedPage("triage-report", "analysis:report", Role.COORDINATOR, triage_report),
    AuditedPage("correct-report", "gdpr:correct_report", Role.COORDINATOR, correct_report),
    AuditedPage("correct-report-errors", "gdpr:correct_report", Role.COORDINATOR, correct_report_with_errors),
    AuditedPage("cases", "analysis:cases", Role.COORDINATOR, "analysis:cases"),
    AuditedPage("case", "analysis:case", Role.COORDINATOR, phenomenon_case),
    AuditedPage("codebook", "analysis:codebook", Role.COORDINATOR, "analysis:codebook"),
    AuditedPage("brief", "situation:brief", None, brief_page),
    AuditedPage("summaries", "knowledge:summaries", Role.COORDINATOR, "knowledge:summaries"),
    AuditedPage("summary", "knowledge:summary", Role.MANAGER, summary_page),
    AuditedPage("proposals", "knowledge:proposals", Role.DECISION_MAKER, "knowledge:proposals"),
    AuditedPage("proposal", "knowledge:proposal", Role.MANAGER, proposal_page),
    AuditedPage("actions", "knowledge:actions", Role.MANAGER, actions_page),
    AuditedPage("notifications", "knowledge:notifications", Role.REPORTER, "knowledge:notifications"),
    AuditedPage("public-summaries", "knowledge:public_summaries", None, "knowledge:public_summaries"),
    AuditedPage("county-summaries", "knowledge:county_summaries", None, "/knowledge/public/15/summaries/"),
    AuditedPage("public-snippet", "knowledge:public_snippet", None, "/knowledge/public/15/snippet.html"),
    AuditedPage("newsletter", "knowledge:newsletter", Role.MANAGER, "/knowledge/newsletter/2026-02/"),
    AuditedPage("public-summary", "knowledge:public_summary", None, public_summary_page),
    AuditedPage("outcomes", "knowledge:outcomes", None, outcomes_page),
    AuditedPage("follow-up", "knowledge:follow_up", None, follow_up_page),
    AuditedPage("withdraw-consent", "reports:withdraw_consent", None, withdraw_consent_page),
    AuditedPage("audit-log", "audit_log", Role.MANAGER, "audit_log"),
    AuditedPage("plans", "plans:plans", Role.COORDINATOR, "plans:plans"),
    AuditedPage("plan", "plans:plan", Role.COORDINATOR, plan_page),
    AuditedPage("plan-diff", "plans:diff", Role.COORDINATOR, plan_diff_page),
    AuditedPage("plan-term", "plans:term", Role.MANAGER, term_page),
    AuditedPage("year-plan", "plans:year", Role.COORDINATOR, year_plan_page),
    AuditedPage("monitoring-report", "plans:report", Role.MANAGER, monitoring_page),
    AuditedPage("public-monitoring-reports", "plans:public_reports", None, public_monitoring_list),
    AuditedPage("public-monitoring-report", "plans:public_report", None, public_monitoring_page),
    AuditedPage("history-import", "reports:import", Role.COORDINATOR, "reports:import"),
    AuditedPage("history-import-preview", "reports:import", Role.COORDINATOR, history_import_preview),
    AuditedPage("history-import-run", "reports:import_run", Role.COORDINATOR, history_import_run),
    AuditedPage("shortcoming-form", "shortcomings:new", Role.REPORTER, "shortcomings:new"),
    AuditedPage("my-shortcomings", "shortcomings:mine", Role.REPORTER, my_shortcomings),
    AuditedPage("shortcoming-workbench", "shortcomings:workbench", Role.MANAGER, shortcoming_workbench),
    AuditedPage("shortcoming-receiver", "shortcomings:detail", Role.MANAGER, shortcoming_page),
    AuditedPage("shortcoming-notifier", "shortcomings:detail", Role.REPORTER, shortcoming_page),
    AuditedPage("shortcomings-annual", "shortcomings:annual", Role.MANAGER, "/shortcomings/annual/2025/"),
    AuditedPage("sources", "sources:list", Role.COORDINATOR, source_list),
    AuditedPage("source-document", "sources:detail", Role.COORDINATOR, source_page),
    AuditedPage("source-document-reader", "sources:detail", Role.MANAGER, source_page),
    AuditedPage("feedback-counts", "sources:feedback", Role.MANAGER, "sources:feedback"),
    AuditedPage("feedback-import", "sources:feedback_import", Role.COORDINATOR, feedback_import_preview),
    AuditedPage("feedback-import-run", "sources:feedback_import_run", Role.COORDINATOR, feedback_import_run),
    AuditedPage("public-idea", "participation:public_idea", None, "participation:public_idea"),
    AuditedPage("public-idea-errors", "participation:public_idea", None, public_idea_errors),
    AuditedPage("idea-thanks", "participation:thanks", None, "participation:thanks"),
    AuditedPage("my-ideas", "participation:my_ideas", Role.REPORTER, "participation:my_ideas"),
    AuditedPage("idea-box", "participation:ideas", Role.COORDINATOR, idea_list),
    AuditedPage("idea", "participation:idea", Role.COORDINATOR, idea_page),
    AuditedPage("listening-rounds", "participation:rounds", Role.COORDINATOR, round_list),
    AuditedPage("listening-round", "participation:round", Role.COORDINATOR, round_page),
    AuditedPage("listening-round-public", "participation:public_round", None, public_round_open),
    AuditedPage("listening-round-results", "participation:public_round", None, public_round_closed),
    AuditedPage("workshops", "participation:workshops", Role.COORDINATOR, workshop_list),
    AuditedPage("workshop", "participation:workshop", Role.COORDINATOR, workshop_page),
    AuditedPage("workshop-public", "participation:public_workshop", None, public_workshop),
    AuditedPage("worksheet", "participation:worksheet", None, worksheet_page),
    AuditedPage("information-needs", "participation:information_needs", None, information_needs_page),
    AuditedPage("forums", "participation:forums", Role.COORDINATOR, forum_list),
    AuditedPage("forum", "participation:forum", Role.COORDINATOR, forum_page),
    AuditedPage("forum-public", "participation:public_forum", None, public_forum),
    AuditedPage("national-picture", "federation:national", Role.NATIONAL_ANALYST, "federation:national"),
    AuditedPage("federation-packages", "federation:packages", Role.NATIONAL_ANALYST, "federation:packages"),
    AuditedPage("county-admin-users", "county_admin:users", Role.ADMIN, county_admin_users),
    AuditedPage("county-admin-invite", "county_admin:invite", Role.ADMIN, "county_admin:invite"),
    AuditedPage("county-admin-invite-errors", "county_admin:invite", Role.ADMIN, county_admin_invite_errors),
    AuditedPage("county-admin-user", "county_admin:user", Role.ADMIN, county_admin_user),
    AuditedPage("county-admin-tokens", "county_admin:tokens", Role.ADMIN, county_admin_tokens),
    AuditedPage("county-admin-token-created", "county_admin:tokens", Role.ADMIN, county_admin_token_created),
    AuditedPage("county-admin-organisations", "county_admin:organisations", Role.ADMIN, county_admin_organisations),
    AuditedPage("county-admin-settings", "county_admin:settings", Role.ADMIN, "county_admin:settings"),
    AuditedPage("set-password", "county_admin:set_password", None, set_password_page),
    AuditedPage("set-password-invalid", "county_admin:set_password", None, "/admin/county/set-password/eA/ei-kelpaa/"),
    AuditedPage("not-found", None, None, "/no-such-page/"),
]

# URL names that are not pages a person reads, with the reason. ``api:*`` is excluded as a whole.
NOT_AUDITED: dict[str, str] = {
    "set_language": "POST-only endpoint behind the header's language buttons",
    "logout": "POST-only; redirects to the front page",
    "sso_start": "redirects to the county's identity provider (its log-in page is the provider's; the login page's SSO part is checked in test_single_sign_on)",
    "second_factor": "shown only with MFA_ROLES on: checked with axe in fi/sv/en on a phone in test_second_factor",
    "sso_callback": "the identity provider's way back; redirects to the front page or to the log-in page",
    "health": "JSON for load balancers",
    "analysis:bulk_status": "POST-only; redirects back to the triage queue",
    "analysis:queue_filters": "POST-only; saves or deletes a filter and redirects back to the triage queue",
    "analysis:review_signal": "POST-only; redirects back to the situational picture",
    "analysis:signal_case": "POST-only; redirects to the case it creates",
    "analysis:codebook_export": "a file download (CSV/JSON), not a page",
    "analysis:case_export": "a file download (REFI-QDA project .qdpx), not a page",
    "analysis:codebook_import": "POST-only upload; redirects back to the codebook",
    "knowledge:summary_export": "a file download (PDF/DOCX/Markdown drafts), not a page",
    "knowledge:public_summary_export": "a file download (PDF/DOCX/Markdown drafts), not a page",
    "knowledge:action_export": "a file download (CSV/XLSX), not a page",
    "knowledge:public_feed": "an Atom feed (XML), not a page",
    "participation:round_poster": "a file download (PDF poster), not a page",
    "participation:workshop_delivery": "a file download (DOCX/PDF/JSON delivery), not a page",
    "federation:national_export": "a file download (JSON-stat, CSV, XLSX), not a page",
    "knowledge:public_phenomenon_feed": "an Atom feed (XML), not a page",
    "audit_export": "a file download (CSV/XLSX), not a page",
    "reports:import_status": "JSON progress of an import run, polled by scripts; the run page shows it",
    "plans:report_export": "a file download (PDF/DOCX), not a page",
    "shortcomings:letter": "a file download (PDF/DOCX letter to the supervisory authority), not a page",
    "sources:feedback_import_status": "JSON progress of a feedback import run; the run page shows it",
    "sources:file": "a file download (the source document's PDF/DOCX as uploaded), not a page",
    "plans:public_report_export": "a file download (PDF/DOCX), not a page",
}
NOT_AUDITED_NAMESPACES = ("api",)
