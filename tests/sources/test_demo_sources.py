"""The demo has an ombudsman's report, uploaded as a Word document and published, whose
findings on asuminen show in Keski-Suomi's phenomenon brief."""

from __future__ import annotations

import zipfile

import pytest
from django.test import Client

from ilmio.sources.models import SourceDocument
from ilmio_demo.world import OMBUDSMAN_FINDINGS, build_demo

pytestmark = pytest.mark.django_db


def test_demo_ombudsman_report_published_and_in_the_brief(reference_data):
    build_demo(reports=300, with_statistics=False)
    document = SourceDocument.objects.get(county__code="15")
    assert document.published and document.kind == SourceDocument.Kind.SOCIAL_OMBUDSMAN
    assert document.file_extension == "docx"
    with document.file.open("rb") as stored, zipfile.ZipFile(stored) as archive:
        body = archive.read("word/document.xml").decode()
    assert document.title in body
    assert [f.text for f in document.findings.order_by("position")] == [text for text, _, _ in OMBUDSMAN_FINDINGS]
    page = Client(HTTP_ACCEPT_LANGUAGE="fi").get("/situation/brief/asuminen/?level=county&area=15").content.decode()
    assert "Mitä muut lähteet kertovat" in page
    for text, _, _ in OMBUDSMAN_FINDINGS:
        assert text in page
    build_demo(reports=300, with_statistics=False)  # built again: still one document
    assert SourceDocument.objects.filter(county__code="15").count() == 1


def test_demo_feedback_counted_on_the_feedback_page(reference_data):
    from ilmio.accounts.models import User
    from ilmio.sources.models import FeedbackItem

    build_demo(reports=300, with_statistics=False)
    assert FeedbackItem.objects.filter(county__code="15").count() == 600
    assert set(FeedbackItem.objects.values_list("kind", flat=True)) == set(FeedbackItem.Kind.values)
    client = Client(HTTP_ACCEPT_LANGUAGE="fi")
    client.force_login(User.objects.get(username="koordinaattori"))
    page = client.get("/sources/feedback/").content.decode()
    assert "Kotihoito Jyväskylä" in page and "Muistutus" in page
    # Every demo unit has its service area, and the texts can be searched.
    assert not FeedbackItem.objects.filter(county__code="15", service_area=None).exists()
    found = client.get("/sources/feedback/?q=asunto").content.decode()
    assert "Tuettua asuntoa odotettiin" in found
