"""Shared helpers of the staff-text no-leak tests (test_staff_text_redacted.py,
test_follow_up_no_leak.py, test_triage_search_no_leak.py): the small county they run in
(built once per module by the ``base`` fixture of conftest.py, each test in a savepoint
of it), and the scan of every page of the county and of everywhere else a value could
stay. The scanner itself is pii_scan.py."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.quality.pii_scan import find_leaks, log_text, mail_text, stored_leaks

TODAY = timezone.localdate()


@dataclass
class Base:
    county: Any
    users: dict[str, Any]
    reports: dict[str, Any]  # consented (staff, e-mail), public (feedback address), fresh, original
    draft: Any  # a draft summary citing every report
    published: Any  # a summary published to the public
    pending: Any  # an undecided proposal on the published summary
    decided: Any  # an accepted proposal with its action (done) and follow-up
    action: Any
    case: Any
    follow_up: Any


def build_base() -> Base:
    from ilmio.accounts.models import User
    from ilmio.analysis.services import create_case, create_code
    from ilmio.areas.models import County, Municipality
    from ilmio.knowledge import services as loop
    from ilmio.knowledge.models import Action, FollowUp
    from ilmio.reports.models import Report
    from ilmio.reports.services import submit_report
    from ilmio.taxonomy.models import Phenomenon

    county = County.objects.get(code="15")
    jyvaskyla = Municipality.objects.get(code="179")
    housing = Phenomenon.objects.get(code="asuminen")
    users = {role: User.objects.create(username=f"probe_{role}", role=role, county=county,
                                       email=f"{role}@example.org")  # fmt: skip
             for role in ("reporter", "coordinator", "manager", "decision_maker")}

    def report(name: str, **kwargs: Any) -> Any:
        created, _ = submit_report(
            {"title": f"Vuokrarästit {name}", "description": "Vuokrarästit kasvavat ja häätöuhka lisääntyy.",
             "municipalities": [jyvaskyla], "phenomena": [housing], "wants_feedback": kwargs.pop("consent", False)},
            county=county, **kwargs)  # fmt: skip
        return created

    reports = {
        "consented": report("A", channel=Report.Channel.FORM, submitted_by=users["reporter"], consent=True),
        "public": report("B", channel=Report.Channel.PUBLIC_FORM, feedback_email="palaute@example.org", consent=True),
        "fresh": report("C", channel=Report.Channel.FORM, submitted_by=users["coordinator"]),
        "original": report("D", channel=Report.Channel.FORM, submitted_by=users["coordinator"]),
    }
    coordinator, manager = users["coordinator"], users["manager"]

    def summary(title: str) -> Any:
        return loop.draft_summary(county=county, title=title, period_start=TODAY, period_end=TODAY, by=coordinator,
                                  phenomena=[housing])  # fmt: skip

    draft = summary("Asumisen luonnos")
    published = summary("Asumisen tilanne")
    loop.approve_summary(published, by=manager)
    loop.publish_summary(published, "public", by=manager)
    pending = loop.create_proposal(county=county, title="Asumisneuvontaa lisää", text="Neuvontaa kahdesti viikossa.",
                                   addressed_to="steering_group", by=manager, summary=published)  # fmt: skip
    decided = loop.create_proposal(county=county, title="Vuokravelkaneuvonta", text="Velkaneuvonta kuntiin.",
                                   addressed_to="steering_group", by=manager, summary=published)  # fmt: skip
    loop.record_decision(decided, outcome="accepted", decided_on=TODAY, body="Ohjausryhmä", by=manager,
                         owner="Palvelupäällikkö")  # fmt: skip
    action = Action.objects.get(proposal=decided)
    loop.update_action(action, status="done", by=manager)
    case = create_case(county=county, title="Häätöjen kasvu", by=coordinator, phenomenon=housing,
                       description="Häätöuhat lisääntyvät.", analysis_notes="Seurataan.",
                       reports=[reports["consented"]])  # fmt: skip
    create_code(county=county, name="Asuminen")  # the codebook export (a scanned page) refuses an empty codebook
    follow_up = FollowUp.objects.get(report=reports["consented"], action=action)
    return Base(county=county, users=users, reports=reports, draft=draft, published=published, pending=pending,
                decided=decided, action=action, case=case, follow_up=follow_up)  # fmt: skip


def client_for(user: Any = None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="fi")
    if user is not None:
        client.force_login(user)
    return client


def pages(b: Base) -> list[tuple[str, Any, str]]:
    """Every page of the county that shows staff text, as (who, user, url)."""
    from ilmio.analysis.models import PhenomenonCase
    from ilmio.knowledge.models import FollowUp, Proposal, Summary
    coordinator, manager, reporter = b.users["coordinator"], b.users["manager"], b.users["reporter"]
    found: list[tuple[str, Any, str]] = []
    for url in ["/triage/?status=all", "/triage/cases/", "/triage/codebook/", "/triage/codebook/export.qdc",
                "/triage/codebook/export.csv", "/knowledge/summaries/", "/knowledge/proposals/", "/knowledge/actions/",
                "/knowledge/actions/export.csv", "/situation/"]:  # fmt: skip
        found.append(("coordinator", coordinator, url))
    found += [("coordinator", coordinator, f"/triage/cases/{pk}/")
              for pk in PhenomenonCase.objects.filter(county=b.county).values_list("pk", flat=True)]
    found += [("coordinator", coordinator, f"/triage/reports/{b.reports[name].public_id}/")
              for name in ("consented", "fresh", "original")]
    for pk in Summary.objects.filter(county=b.county).values_list("pk", flat=True):
        found += [("coordinator", coordinator, f"/knowledge/summaries/{pk}/"),
                  ("coordinator", coordinator, f"/knowledge/summaries/{pk}/export.md")]
    found += [("manager", manager, f"/knowledge/proposals/{pk}/")
              for pk in Proposal.objects.filter(county=b.county).values_list("pk", flat=True)]
    found += [("manager", manager, "/audit/"), ("decision_maker", b.users["decision_maker"], "/knowledge/summaries/")]
    found += [("reporter", reporter, "/knowledge/notifications/"), ("reporter", reporter, "/reports/mine/"),
              ("reporter", reporter, f"/reports/{b.reports['consented'].public_id}/")]
    found += [("public", None, "/knowledge/public/summaries/"), ("public", None, "/knowledge/outcomes/15/")]
    for pk in Summary.objects.filter(county=b.county, status="published", audience="public").values_list("pk", flat=True):
        found += [("public", None, f"/knowledge/public/summaries/{pk}/"),
                  ("public", None, f"/knowledge/public/summaries/{pk}/export.md")]
    found += [("public", None, f"/knowledge/follow-up/{token}/")
              for token in FollowUp.objects.filter(action__county=b.county).values_list("token", flat=True)]
    return found


def page_leaks(b: Base) -> list[str]:
    problems = []
    clients: dict[str, Client] = {}
    for who, user, url in pages(b):
        client = clients.setdefault(who, client_for(user))
        response = client.get(url)
        if response.status_code != 200:
            problems.append(f"GET {url} as {who}: HTTP {response.status_code}")
            continue
        content = b"".join(response.streaming_content) if response.streaming else response.content
        problems += [f"page {url} as {who}: {kind}" for kind in find_leaks(content.decode("utf-8", errors="replace"))]
    return problems


def everywhere_else(records: list[logging.LogRecord]) -> list[str]:
    problems = stored_leaks()
    problems += [f"log: {kind}" for kind in find_leaks(log_text(records))]
    problems += [f"e-mail: {kind}" for kind in find_leaks(mail_text(mail.outbox))]
    return problems
