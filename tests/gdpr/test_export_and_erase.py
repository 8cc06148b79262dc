"""A person's data: the export is a complete JSON tree; the erasure leaves nothing that
names them (every table scanned), keeps the county's reports, and its dry run changes
nothing. Only the admin of the person's county reaches them."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from ilmio.accounts.models import User
from ilmio.accounts.services import create_api_token
from ilmio.analysis.models import SavedQueueFilter
from ilmio.areas.models import County
from ilmio.core.roles import Role
from ilmio.knowledge.models import Notification
from ilmio.participation.models import Idea, IdeaContact
from ilmio.reports.models import FeedbackContact, Report
from ilmio.reports.services import add_report_note
from tests.knowledge.helpers import file
from tests.participation.helpers import public_idea, staff_idea
from tests.quality.pii_scan import stored_text

pytestmark = pytest.mark.django_db

NAME, ADDRESS, USERNAME = ("Ulla", "Tietosuojatesti"), "ulla.tietosuoja@example.org", "ulla_tietosuoja"


def admin_client(county: str = "15") -> Client:
    admin, _ = User.objects.get_or_create(username=f"admin_{county}", defaults={
        "role": Role.ADMIN, "county": County.objects.get(code=county)})  # fmt: skip
    client = Client()
    client.force_login(admin)
    return client


def person(make_user):  # type: ignore[no-untyped-def]
    user = make_user(Role.REPORTER, username=USERNAME)
    user.first_name, user.last_name, user.email = *NAME, ADDRESS
    user.save()
    report = file(reporter=user, consent=True)
    add_report_note(report, "Lisätieto: tilanne jatkuu.", by=user)
    Notification.objects.create(report=report, user=user, kind=Notification.Kind.DECISION, subject_id=1)
    create_api_token(user, "oma integraatio")
    SavedQueueFilter.objects.create(user=user, name="Omat", query="sort=oldest")
    staff_idea(user)
    return user, report


def leaks() -> list[str]:
    return [table for table, text in stored_text().items()
            if any(s.lower() in text.lower() for s in (USERNAME, ADDRESS, NAME[1]))]  # fmt: skip


def test_the_export_is_complete_and_the_erasure_leaves_nothing(make_user):
    user, report = person(make_user)
    admin = admin_client()
    tree = admin.get(f"/api/v1/gdpr/users/{USERNAME}").json()
    branches = {b["key"]: b["children"] for b in tree["children"]}
    profile = {leaf["key"]: leaf["value"] for leaf in branches["PROFILE"]}
    assert profile["EMAIL"] == ADDRESS and profile["LAST_NAME"] == NAME[1]
    assert [r["value"]["id"] for r in branches["REPORTS"]] == [str(report.public_id)]
    assert len(branches["NOTES"]) == 1 and len(branches["CONSENTS"]) == 1 and len(branches["NOTIFICATIONS"]) == 1
    assert len(branches["API_TOKENS"]) == 1 and len(branches["SAVED_FILTERS"]) == 1 and len(branches["IDEAS"]) == 1
    json.dumps(tree)  # plain JSON

    assert leaks()  # the person is in the database before
    dry = admin.delete(f"/api/v1/gdpr/users/{USERNAME}?dry_run=true").json()
    assert dry["dry_run"] and dry["erased"]["consents"] == 1 and dry["erased"]["api_tokens"] == 1
    assert User.objects.filter(username=USERNAME).exists() and FeedbackContact.objects.exists()

    done = admin.delete(f"/api/v1/gdpr/users/{USERNAME}").json()
    assert done["erased"] == dry["erased"]
    assert leaks() == [], leaks()
    report.refresh_from_db()
    assert report.submitted_by_id is None  # the report stays, without its sender
    erased = User.objects.get(pk=user.pk)
    assert not erased.is_active and not erased.has_usable_password()
    assert not Notification.objects.exists() and not SavedQueueFilter.objects.exists()
    assert Idea.objects.get().proposer is None  # the idea stays, without its proposer


def test_a_residents_feedback_address_is_exported_and_erased(reference_data):
    report = file(consent=True)  # palaute@example.org, a resident's
    admin = admin_client()
    body = {"email": "PALAUTE@example.org"}
    tree = admin.post("/api/v1/gdpr/feedback-addresses", json.dumps(body), content_type="application/json").json()
    assert tree["children"][1]["children"][0]["value"]["report"] == str(report.public_id)
    admin.post("/api/v1/gdpr/feedback-addresses", json.dumps({**body, "erase": True}), content_type="application/json")
    assert not FeedbackContact.objects.exists() and Report.objects.filter(pk=report.pk).exists()


def test_a_residents_idea_address_is_exported_and_erased_and_the_idea_stays(reference_data):
    idea = public_idea(email="Idea.Antaja@example.org")
    admin = admin_client()
    body = {"email": "idea.antaja@example.org"}
    tree = admin.post("/api/v1/gdpr/feedback-addresses", json.dumps(body), content_type="application/json").json()
    branches = {b["key"]: b.get("children") for b in tree["children"]}
    assert [c["value"]["idea"] for c in branches["IDEA_CONTACTS"]] == [idea.pk]
    admin.post("/api/v1/gdpr/feedback-addresses", json.dumps({**body, "erase": True}), content_type="application/json")
    assert not IdeaContact.objects.exists() and Idea.objects.filter(pk=idea.pk).exists()


def test_only_the_admin_of_the_persons_county_reaches_them(make_user):
    person(make_user)
    assert admin_client("13").get(f"/api/v1/gdpr/users/{USERNAME}").status_code == 404
    assert admin_client("13").delete(f"/api/v1/gdpr/users/{USERNAME}").status_code == 404
    coordinator = Client()
    coordinator.force_login(make_user(Role.COORDINATOR))
    assert coordinator.get(f"/api/v1/gdpr/users/{USERNAME}").status_code == 403
    assert User.objects.get(username=USERNAME).is_active
    response = admin_client().post("/api/v1/gdpr/feedback-addresses", json.dumps({"email": "ei@ole.example"}),
                                   content_type="application/json")  # fmt: skip
    assert response.status_code == 404


def test_a_workshop_registration_is_exported_and_erased_by_its_address(make_user):
    from ilmio.participation.models import WorkshopRegistration
    from tests.participation.registry import series_in

    series = series_in("15")
    session = series.sessions.order_by("pk").first()
    WorkshopRegistration.objects.create(session=session, name="Ulla Tietosuojatesti", email=ADDRESS)
    other = series_in("13", tag="psavo")
    WorkshopRegistration.objects.create(session=other.sessions.first(), name="Ulla Tietosuojatesti", email=ADDRESS)
    admin = admin_client()
    body = {"email": ADDRESS}
    tree = admin.post("/api/v1/gdpr/feedback-addresses", json.dumps(body), content_type="application/json").json()
    branches = {b["key"]: b.get("children") for b in tree["children"]}
    assert [c["value"]["session"] for c in branches["WORKSHOP_REGISTRATIONS"]] == [session.pk]  # own county's only
    erased = admin.post("/api/v1/gdpr/feedback-addresses", json.dumps({**body, "erase": True}), content_type="application/json")
    assert erased.status_code == 200
    assert list(WorkshopRegistration.objects.filter(email=ADDRESS).values_list("session__series__county__code", flat=True)) == ["13"]
