"""The knowledge loop end to end through the web views, and its rules one by one."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ilmio.analysis.services import classify_report
from ilmio.areas.models import County, Municipality
from ilmio.core.roles import Role
from ilmio.knowledge import services
from ilmio.knowledge.action_files import export_rows, import_rows, read_upload
from ilmio.knowledge.models import Action, FollowUp, Notification, Proposal, Summary
from ilmio.reports.models import Report
from ilmio.reports.services import submit_report
from ilmio.taxonomy.models import Phenomenon

pytestmark = pytest.mark.django_db


def file(reporter=None, text: str = "Vuokrarästit kasvavat ja häätöuhka lisääntyy asumistuen muutosten jälkeen.",
         consent: bool = False, municipality: str = "179") -> Report:  # fmt: skip
    report, _ = submit_report(
        {"title": "Häätöuhka", "description": text, "municipalities": [Municipality.objects.get(code=municipality)],
         "phenomena": [Phenomenon.objects.get(code="asuminen")], "wants_feedback": consent},
        county=County.objects.get(code="15"), channel=Report.Channel.FORM, submitted_by=reporter,
        feedback_email="" if reporter else "palaute@example.org",
    )  # fmt: skip
    return report


def logged_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def test_the_whole_loop_through_the_views(make_user, django_capture_on_commit_callbacks):
    # Notification e-mails are queued on commit; tests run inside one transaction.
    with django_capture_on_commit_callbacks(execute=True):
        walk_the_loop(make_user)
    # In summary, decision, action done, and the four-week follow-up question.
    sent = [m for m in mail.outbox if "reporter@example.org" in m.to]
    assert len(sent) == 4
    assert "Virtanen" not in "".join(m.body for m in sent)
    assert "/knowledge/follow-up/" in sent[-1].body


def walk_the_loop(make_user):  # type: ignore[no-untyped-def]
    reporter, coordinator, manager = make_user(Role.REPORTER), make_user(Role.COORDINATOR), make_user(Role.MANAGER)
    reporter.email = "reporter@example.org"
    reporter.save()
    mine = file(reporter, consent=True, text="Asiakas Matti Virtanen menetti asunnon, kun vuokrarästit kasvoivat.")
    assert "Virtanen" not in mine.description
    for _ in range(6):
        file()
    # Triage
    triage = logged_in(coordinator)
    triage.post(f"/triage/reports/{mine.public_id}/", {"action": "classify", "primary": "asuminen", "municipalities": ["179"]})
    mine.refresh_from_db()
    assert mine.status == "analysed"
    # Summary drafted with citations, approved and published to the public
    today = timezone.localdate()
    response = triage.post("/knowledge/summaries/", {"title": "Asuminen syksyllä", "period_start": (today - timedelta(days=30)).isoformat(),
                                                     "period_end": today.isoformat(), "phenomena": ["asuminen"]})  # fmt: skip
    summary = Summary.objects.get()
    assert response.status_code == 302
    assert summary.statements.first().citations.filter(pk=mine.pk).exists()
    assert summary.quotes.exists()
    approver = logged_in(manager)
    approver.post(f"/knowledge/summaries/{summary.pk}/", {"action": "approve"})
    approver.post(f"/knowledge/summaries/{summary.pk}/", {"action": "publish", "audience": "public"})
    summary.refresh_from_db()
    assert (summary.status, summary.audience) == ("published", "public")
    mine.refresh_from_db()
    assert mine.status == "in_summary"
    # The public page shows the summary but no quote until approved one by one
    public = Client().get(f"/knowledge/public/summaries/{summary.pk}/").content.decode()
    assert "Asuminen syksyllä" in public
    assert not any(q.text in public for q in summary.quotes.all())
    # Proposal → decision → action
    approver.post(f"/knowledge/summaries/{summary.pk}/", {"action": "proposal", "title": "Lisää asumisneuvontaa",
                  "text": "Asumisneuvontaa kaikkiin kuntiin.", "addressed_to": "steering_group"})  # fmt: skip
    proposal = Proposal.objects.get()
    approver.post(f"/knowledge/proposals/{proposal.pk}/", {"outcome": "accepted", "decided_on": today.isoformat(),
                  "body": "Ohjausryhmä", "owner": "Aikuissosiaalityö"})  # fmt: skip
    action = Action.objects.get()
    assert action.proposal == proposal and action.owner == "Aikuissosiaalityö"
    approver.post("/knowledge/actions/", {"action": "update", "pk": action.pk, "status": "done"})
    action.refresh_from_db()
    assert action.status == "done" and action.progress == 100
    mine.refresh_from_db()
    assert mine.status == "acted_on"
    # The reporter sees the outcome and got e-mails and in-app notifications
    kinds = set(Notification.objects.filter(report=mine).values_list("kind", flat=True))
    assert kinds == {"in_summary", "decision", "action_done"}
    page = logged_in(reporter).get(f"/reports/{mine.public_id}/").content.decode()
    assert "Lisää asumisneuvontaa" in page and "Accepted" in page
    assert "Lisää asumisneuvontaa" in Client().get("/knowledge/outcomes/15/").content.decode()
    # Four weeks later the reporter is asked whether things changed
    assert services.send_due_follow_ups() == 0
    assert services.send_due_follow_ups(timezone.now() + timedelta(weeks=4, days=1)) == 1
    follow_up = FollowUp.objects.get(report=mine)
    assert Client().post(f"/knowledge/follow-up/{follow_up.token}/", {"answer": "yes"}).status_code == 200
    follow_up.refresh_from_db()
    assert follow_up.answer == "yes"


def test_publishing_needs_approval_and_public_counts_are_suppressed(make_user):
    coordinator = make_user(Role.COORDINATOR)
    for _ in range(3):
        file()
    today = timezone.localdate()
    summary = services.draft_summary(county=coordinator.county, title="Pieni", period_start=today - timedelta(days=1),
                                    period_end=today, by=coordinator)  # fmt: skip
    with pytest.raises(services.LoopError):
        services.publish_summary(summary, "public", by=coordinator)
    services.approve_summary(summary, by=coordinator)
    services.publish_summary(summary, "public", by=coordinator)
    html = Client().get(f"/knowledge/public/summaries/{summary.pk}/").content.decode()
    assert "3 reports" not in html and "–" in html
    markdown = Client().get(f"/knowledge/public/summaries/{summary.pk}/export.md").content.decode()
    assert "3 reports" not in markdown
    pdf = Client().get(f"/knowledge/public/summaries/{summary.pk}/export.pdf")
    assert pdf.content.startswith(b"%PDF")
    summary.refresh_from_db()
    assert summary.pdf_public.name.endswith(".pdf")  # rendered by the background task, then served


def test_decision_maker_sees_only_forwarded_material(make_user):
    coordinator, decision_maker = make_user(Role.COORDINATOR), make_user(Role.DECISION_MAKER)
    file()
    today = timezone.localdate()
    draft = services.draft_summary(county=coordinator.county, title="Luonnos", period_start=today, period_end=today, by=coordinator)
    client = logged_in(decision_maker)
    assert client.get(f"/knowledge/summaries/{draft.pk}/").status_code == 404
    assert "Luonnos" not in client.get("/knowledge/summaries/").content.decode()
    services.approve_summary(draft, by=coordinator)
    services.publish_summary(draft, "decision_makers", by=coordinator)
    assert client.get(f"/knowledge/summaries/{draft.pk}/").status_code == 200
    assert client.get("/reports/").status_code == 403


def test_action_progress_rolls_up_and_csv_round_trips(reference_data):
    county = County.objects.get(code="15")
    parent = services.create_action(county=county, title="Asumisen ohjelma", owner="Johto", reference="P1")
    first = services.create_action(county=county, title="Neuvonta", owner="A", parent=parent, reference="C1")
    services.create_action(county=county, title="Takuuvuokrat", owner="B", parent=parent, reference="C2")
    services.update_action(first, status="done", by=None)
    parent.refresh_from_db()
    assert parent.progress == 50
    rows = export_rows(Action.objects.filter(county=county))
    from ilmio.core.tables import to_csv

    text = to_csv(rows, list(rows[0]))
    created, updated = import_rows(county, read_upload("actions.csv", text.encode()))
    assert (created, updated) == (0, 3)
    assert export_rows(Action.objects.filter(county=county)) == rows
    with pytest.raises(services.LoopError, match="unknown status"):
        import_rows(county, [{**rows[0], "status": "exploded"}])
    with pytest.raises(services.LoopError):
        read_upload("actions.exe", b"MZ")
    assert Action.objects.count() == 3


def test_xlsx_export_is_safe_from_formula_injection(reference_data):
    from openpyxl import load_workbook

    from ilmio.core.tables import to_xlsx

    data = to_xlsx([{"title": "=HYPERLINK(\"http://evil\")"}], ["title"])
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A2"].value.startswith("'=")


def test_one_decision_per_proposal(make_user):
    manager = make_user(Role.MANAGER)
    proposal = services.create_proposal(county=manager.county, title="X", text="Y", addressed_to="regional_board", by=manager)
    services.record_decision(proposal, outcome="rejected", decided_on=date(2026, 11, 1), body="Aluehallitus", by=manager)
    assert not Action.objects.exists()
    with pytest.raises(services.LoopError):
        services.record_decision(proposal, outcome="accepted", decided_on=date(2026, 11, 2), body="X", by=manager)


def test_classification_is_training_data(make_user):
    coordinator = make_user(Role.COORDINATOR)
    report = file()
    classify_report(report, primary=Phenomenon.objects.get(code="toimeentulo"), by=coordinator)
    assert Report.objects.exclude(classification_confirmed_at=None).count() == 1
