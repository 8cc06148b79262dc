"""A name typed in a finding (or in the document's title or summary) never reaches the database."""

from __future__ import annotations

import pytest

from ilmio.sources.models import Finding, SourceDocument
from tests.sources.helpers import NAME, document, logged_in, pdf, upload_data

pytestmark = pytest.mark.django_db


def test_a_name_in_a_finding_is_removed_before_saving(make_user):
    coordinator = make_user("coordinator")
    made = document(coordinator)
    response = logged_in(coordinator).post(f"/sources/{made.pk}/", {
        "action": "add_finding", "text": f"Asiakas {NAME} (puh. 040 1234567) jäi ilman asuntoa kolmeksi kuukaudeksi.",
        "phenomena": ["asuminen"]})  # fmt: skip
    assert response.status_code == 302
    stored = Finding.objects.get().text
    assert "Virtanen" not in stored and "1234567" not in stored and "ilman asuntoa" in stored


def test_an_edited_finding_is_redacted_too(make_user):
    from ilmio.sources.services import add_finding

    coordinator = make_user("coordinator")
    finding = add_finding(document(coordinator), "Asunnottomuus lisääntyy.", by=coordinator)
    logged_in(coordinator).post(f"/sources/{finding.document_id}/", {
        "action": "edit_finding", "item": finding.pk, "text": f"Asunnottomuus lisääntyy, kertoi {NAME}."})  # fmt: skip
    finding.refresh_from_db()
    assert "Virtanen" not in finding.text and "Asunnottomuus lisääntyy" in finding.text


def test_a_name_in_the_title_or_summary_is_removed(make_user):
    logged_in(make_user("coordinator")).post("/sources/", upload_data(
        pdf(), title=f"Selvitys asiakkaan {NAME} tilanteesta", summary=f"Yhteydenotot, joista {NAME} teki kolme."))
    stored = SourceDocument.objects.get()
    assert "Virtanen" not in stored.title and "Virtanen" not in stored.summary
