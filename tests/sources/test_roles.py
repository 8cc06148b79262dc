"""Who may do what: coordinators write; managers read everything of the county and download
files; decision-makers read published documents only and never the file; reporters and
partners get 403; anonymous readers are sent to log in."""

from __future__ import annotations

import pytest

from ilmio.sources.models import Finding, SourceDocument
from tests.sources.helpers import asuminen_findings, document, logged_in, pdf, upload_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["reporter", "partner"])
def test_reporters_get_403(make_user, role):
    made = document(make_user("coordinator"))
    client = logged_in(make_user(role))
    for path in ("/sources/", f"/sources/{made.pk}/", f"/sources/{made.pk}/file"):
        assert client.get(path).status_code == 403, path
    assert client.post("/sources/", upload_data(pdf("toinen.pdf"))).status_code == 403
    assert client.post(f"/sources/{made.pk}/", {"action": "publish"}).status_code == 403
    assert SourceDocument.objects.count() == 1 and not SourceDocument.objects.get().published


def test_anonymous_readers_log_in(make_user, client):
    made = document(make_user("coordinator"))
    for path in ("/sources/", f"/sources/{made.pk}/", f"/sources/{made.pk}/file"):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response["Location"], path


def test_a_manager_reads_but_does_not_write(make_user):
    made, _ = asuminen_findings(make_user("coordinator"))
    client = logged_in(make_user("manager"))
    page = client.get(f"/sources/{made.pk}/").content.decode()
    assert "Asunnottomuus on lisääntynyt" in page and 'value="add_finding"' not in page
    assert client.post("/sources/", upload_data(pdf("toinen.pdf"))).status_code == 403
    response = client.post(f"/sources/{made.pk}/", {"action": "add_finding", "text": "Uusi havainto."}, follow=True)
    assert "You cannot do that." in response.content.decode()
    assert client.post(f"/sources/{made.pk}/", {"action": "publish"}).status_code == 302
    assert Finding.objects.count() == 2 and not SourceDocument.objects.get().published


def test_a_decision_maker_sees_published_documents_only_and_no_file(make_user):
    coordinator = make_user("coordinator")
    hidden = document(coordinator, title="Luonnos")
    shown, _ = asuminen_findings(coordinator, publish=True)
    client = logged_in(make_user("decision_maker"))
    listing = client.get("/sources/").content.decode()
    assert "Sosiaaliasiavastaavan selvitys 2025" in listing and "Luonnos" not in listing
    assert client.get(f"/sources/{hidden.pk}/").status_code == 404
    page = client.get(f"/sources/{shown.pk}/").content.decode()
    assert "Asunnottomuus on lisääntynyt" in page and f"/sources/{shown.pk}/file" not in page
    assert client.get(f"/sources/{shown.pk}/file").status_code == 404
