"""The three ways in: staff form, public form, API — one validation, one redaction."""

from __future__ import annotations

import pytest
from django.test import Client

from ilmio.core.roles import Role
from ilmio.reports.models import FeedbackContact, Report
from tests.reports.helpers import SECRETS, old_token, public_form_data, staff_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter_client(make_user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(make_user(Role.REPORTER))
    return client


@pytest.mark.parametrize(("language", "heading"), [("fi", "Tarkista ennen lähettämistä"),
                                                   ("sv", "Kontrollera innan du skickar"),
                                                   ("en", "Check before sending")])  # fmt: skip
def test_preview_shows_what_will_be_removed_in_each_language(reporter_client, language, heading):
    reporter_client.cookies["ilmio_language"] = language
    html = reporter_client.post("/reports/new/", staff_form_data(step="preview")).content.decode()
    assert heading in html
    assert "<del" in html and SECRETS["hetu"] in html  # shown struck out to the reporter only
    placeholder = {"fi": "[HETU]", "sv": "[PERSONBETECKNING]", "en": "[ID CODE]"}[language]
    assert placeholder in html
    assert Report.objects.count() == 0  # a preview stores nothing


def test_reporter_may_edit_the_redacted_text_before_sending(reporter_client):
    response = reporter_client.post("/reports/new/", staff_form_data(
        step="confirm", description="Muokattu teksti: [NIMI] menetti asunnon Jyväskylässä."))  # fmt: skip
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.description == "Muokattu teksti: [NIMI] menetti asunnon Jyväskylässä."
    assert report.channel == Report.Channel.FORM
    assert report.county.code == "15"
    assert list(report.phenomena.values_list("code", flat=True)) == ["asuminen", "toimeentulo"]


def test_swedish_placeholders_are_stored_in_canonical_form(reporter_client):
    reporter_client.post("/reports/new/", staff_form_data(step="confirm", description="[NAMN] förlorade bostaden.", language="sv"))
    assert Report.objects.get().description == "[NIMI] förlorade bostaden."


def test_missing_fields_get_clear_messages_and_nothing_is_stored(reporter_client):
    html = reporter_client.post("/reports/new/", staff_form_data(step="confirm", title="  ", description="",
                                                                 municipalities=[])).content.decode()
    assert "error-summary" in html
    assert Report.objects.count() == 0


@pytest.mark.parametrize("field,value", [
    ("phenomena", ["not_a_phenomenon"]), ("municipalities", ["297"]),  # Kuopio is not in Keski-Suomi
    ("kind", "gossip"), ("title", "x" * 500), ("description", "\x00\x01"),
])  # fmt: skip
def test_bad_values_are_refused(reporter_client, field, value):
    response = reporter_client.post("/reports/new/", staff_form_data(step="confirm", **{field: value}))
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert Report.objects.count() == 0


def test_double_submission_with_the_same_key_stores_one_report(reporter_client):
    for _ in range(3):
        reporter_client.post("/reports/new/", staff_form_data(step="confirm"))
    assert Report.objects.count() == 1


def test_public_form_with_feedback_consent(settings):
    settings.RATELIMIT_ENABLE = False
    client = Client()
    assert client.get("/reports/public/").status_code == 200
    response = client.post("/reports/public/", public_form_data(
        step="confirm", wants_feedback="on", feedback_email="palaute@example.org"))  # fmt: skip
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.channel == Report.Channel.PUBLIC_FORM and report.reporter_type == "resident"
    assert report.submitted_by is None
    assert FeedbackContact.objects.get(report=report).email == "palaute@example.org"


@pytest.mark.parametrize("overrides,message", [
    ({"website": "http://spam.example"}, "could not be sent"),
    ({"form_token": "forged"}, "expired"),
    ({"form_token": None}, "too quickly"),
])  # fmt: skip
def test_public_form_spam_protection(settings, overrides, message):
    settings.RATELIMIT_ENABLE = False
    if overrides.get("form_token", "") is None:
        overrides["form_token"] = old_token(seconds=0)
    html = Client(HTTP_ACCEPT_LANGUAGE="en").post("/reports/public/", public_form_data(step="confirm", **overrides)).content.decode()
    assert message in html
    assert Report.objects.count() == 0


def test_public_form_is_rate_limited(settings):
    settings.RATELIMIT_PUBLIC_REPORTS = "2/h"
    client = Client()
    statuses = [client.post("/reports/public/", public_form_data(step="preview")).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_consent_contact_can_be_erased(settings):
    from ilmio.reports.services import erase_feedback_contact

    settings.RATELIMIT_ENABLE = False
    Client().post("/reports/public/", public_form_data(step="confirm", wants_feedback="on", feedback_email="a@example.org"))
    report = Report.objects.get()
    assert erase_feedback_contact(report) is True
    assert not FeedbackContact.objects.exists()
    assert Report.objects.filter(pk=report.pk).exists()
