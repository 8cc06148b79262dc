"""Restoring a word the redaction removed by mistake: names and addresses only, recorded
as a count on the report, never the word in the audit trail or the logs."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from ilmio.core.audit import AuditEvent
from ilmio.core.roles import Role
from ilmio.reports.models import Report
from ilmio.reports.services import RestoreRefused, preview_redaction, restore_offers, restore_words
from tests.reports.helpers import staff_form_data

pytestmark = pytest.mark.django_db

# "Kivellä" here is a youth venue called Kivi, which the engine takes for a surname.
VENUE_TEXT = "Nuoret viihtyvät Kivellä, joka on kaupungin nuorisotila. Asiakas 131052-308T soitti."


@pytest.fixture
def reporter_client(make_user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(make_user(Role.REPORTER))
    return client


def slot_of(text: str, word: str) -> str:
    """The restore request the preview offers for ``word`` in the description."""
    preview = preview_redaction({"description": text}, "fi")
    part = next(p for p in preview.fields[0].parts if p.text == word)
    assert part.restorable
    return f"description|{part.slot}|{word}"


def test_preview_offers_restore_for_names_and_addresses_only() -> None:
    preview = preview_redaction({"description": VENUE_TEXT + " Osoite Kauppakatu 12 B 7."}, "fi")
    kinds = {(p.pii_type, p.restorable) for p in preview.fields[0].parts if p.pii_type}
    assert kinds == {("person_name", True), ("hetu", False), ("address", True)}


def test_restoring_a_word_puts_it_back_and_keeps_it() -> None:
    stored = preview_redaction({"description": VENUE_TEXT}, "fi").redacted_values
    assert stored["description"].startswith("Nuoret viihtyvät [NIMI], joka")
    outcome = restore_words(stored, [slot_of(VENUE_TEXT, "Kivellä")], [], "fi")
    values, words = outcome.values, outcome.restored
    assert outcome.refused == [] and words == ["Kivellä"] and outcome.applied == [("description", 0)]
    again = preview_redaction(values, "fi", words)
    assert again.redacted_values["description"] == "Nuoret viihtyvät Kivellä, joka on kaupungin nuorisotila. Asiakas [HETU] soitti."
    assert again.restored_count == 1


@pytest.mark.parametrize("word", ["131052-308T", "040 765 4321", "mikko@example.com", "FI21 1234 5600 0007 85",
                                  "s. 3.5.1987", "asiakasnro 123456"])
def test_a_pattern_type_cannot_be_restored_into_a_name_slot(word: str) -> None:
    stored = preview_redaction({"description": VENUE_TEXT}, "fi").redacted_values
    outcome = restore_words(stored, [f"description|0|{word}"], [], "fi")
    assert outcome.refused == [RestoreRefused.NOT_RESTORABLE]
    assert outcome.values["description"] == stored["description"] and outcome.restored == []


def test_an_identity_code_slot_cannot_be_restored() -> None:
    stored = preview_redaction({"description": VENUE_TEXT}, "fi").redacted_values
    # slot 1 is [HETU]: the service refuses whatever the request says the word is
    outcome = restore_words(stored, ["description|1|kissa"], [], "fi")
    assert outcome.refused == [RestoreRefused.NOT_RESTORABLE]
    assert "[HETU]" in outcome.values["description"] and "kissa" not in outcome.values["description"]


@pytest.mark.parametrize("request_value", ["description|9|Kivellä", "notafield|0|Kivellä", "description|x|Kivellä",
                                           "description|0|", "garbage"])
def test_stale_or_malformed_requests_change_nothing(request_value: str) -> None:
    stored = preview_redaction({"description": VENUE_TEXT}, "fi").redacted_values
    outcome = restore_words(stored, [request_value], [], "fi")
    assert outcome.refused == [RestoreRefused.CHANGED]
    assert outcome.values["description"] == stored["description"] and outcome.restored == []


def test_offers_are_carried_past_a_second_preview_and_move_with_restored_words() -> None:
    text = "Kävimme Kivellä ja Toivolassa. Paikalla oli Mikko Virtanen, hetu 131052-308T."
    first = preview_redaction({"description": text}, "fi")
    offered = [o.request for o in restore_offers(first, [])]
    assert [o.split("|", 2)[2] for o in offered] == ["Kivellä", "Mikko Virtanen"]
    # the next step sees placeholders only: the offers come from the form
    stored = first.redacted_values
    later = preview_redaction(stored, "fi")
    assert restore_offers(later, offered) == restore_offers(first, [])
    # restoring the first word moves the slot of the second one back by one
    outcome = restore_words(stored, [offered[0]], [], "fi")
    after = restore_offers(preview_redaction(outcome.values, "fi", outcome.restored), offered, outcome.applied)
    assert [(o.slot, o.word) for o in after] == [(0, "Mikko Virtanen")]


def test_restored_word_is_stored_and_counted_but_never_in_the_audit_or_logs(
        reporter_client: Client, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    preview = reporter_client.post("/reports/new/", staff_form_data(step="preview", description=VENUE_TEXT))
    html = preview.content.decode()
    request_value = slot_of(VENUE_TEXT, "Kivellä")
    assert f'value="{request_value}"' in html  # a "restore" box for the name ...
    assert 'value="description|1|' not in html  # ... and none for the identity code

    stored = preview_redaction({"description": VENUE_TEXT}, "fi").redacted_values["description"]
    restored = reporter_client.post("/reports/new/", staff_form_data(
        step="preview", description=stored, restore=request_value)).content.decode()  # fmt: skip
    assert 'name="restored" value="Kivellä"' in restored
    assert Report.objects.count() == 0  # restoring never sends

    reporter_client.post("/reports/new/", staff_form_data(
        step="confirm", description=stored.replace("[NIMI]", "Kivellä"), restored="Kivellä"))  # fmt: skip
    report = Report.objects.get()
    assert report.description.startswith("Nuoret viihtyvät Kivellä, joka")
    assert "131052-308T" not in report.description
    assert report.restored_words == 1
    assert report.redaction_counts.get("person_name") is None
    event = AuditEvent.objects.get(event_type="report_submitted")
    assert event.details["restored"] == 1
    assert all("Kivellä" not in str(e.details) for e in AuditEvent.objects.all())
    assert "Kivellä" not in caplog.text


def test_without_restoring_the_word_is_removed_again(reporter_client: Client) -> None:
    # Typing the word back over the placeholder is not restoring it: it is removed again.
    reporter_client.post("/reports/new/", staff_form_data(step="confirm", description="Nuoret viihtyvät Kivellä."))
    report = Report.objects.get()
    assert report.description == "Nuoret viihtyvät [NIMI]."
    assert report.restored_words == 0


def test_a_forged_restored_list_cannot_keep_an_identity_code(reporter_client: Client) -> None:
    reporter_client.post("/reports/new/", staff_form_data(
        step="confirm", description="Hetu 131052-308T ja puhelin 040 765 4321.",
        restored=["131052-308T", "040 765 4321"]))  # fmt: skip
    report = Report.objects.get()
    assert report.description == "Hetu [HETU] ja puhelin [PUHELIN]."
    assert report.restored_words == 0


def test_refused_restore_shows_a_clear_message(reporter_client: Client) -> None:
    stored = preview_redaction({"description": VENUE_TEXT}, "fi").redacted_values["description"]
    html = reporter_client.post("/reports/new/", staff_form_data(
        step="preview", description=stored, restore="description|1|131052-308T")).content.decode()  # fmt: skip
    assert 'id="restore-error"' in html
    assert "131052-308T" not in html
    assert Report.objects.count() == 0
