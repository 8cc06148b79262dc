"""Another county's document is not found: its page, its file and every POST answer 404 and
change nothing; its list shows none of them."""

from __future__ import annotations

import pytest

from ilmio.sources.models import Finding, SourceDocument
from tests.sources.helpers import asuminen_findings, logged_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["coordinator", "manager", "decision_maker", "admin"])
def test_another_countys_document_is_not_found(make_user, role):
    made, findings = asuminen_findings(make_user("coordinator", "13"), publish=True, county_municipality="297")
    client = logged_in(make_user(role, "15"))
    assert client.get(f"/sources/{made.pk}/").status_code == 404
    assert client.get(f"/sources/{made.pk}/file").status_code == 404
    assert "Sosiaaliasiavastaavan selvitys 2025" not in client.get("/sources/").content.decode()
    for data in ({"action": "publish"}, {"action": "add_finding", "text": "Uusi havainto."},
                 {"action": "edit_finding", "item": findings[0].pk, "text": "Muutettu."},
                 {"action": "delete_finding", "item": findings[0].pk}):  # fmt: skip
        assert client.post(f"/sources/{made.pk}/", data).status_code == 404
    assert Finding.objects.filter(document=made).count() == 2
    assert set(Finding.objects.values_list("text", flat=True)) == {f.text for f in findings}


def test_a_missing_document_is_not_found(make_user):
    client = logged_in(make_user("coordinator"))
    assert client.get("/sources/999999/").status_code == 404
    assert client.get("/sources/999999/file").status_code == 404
    assert not SourceDocument.objects.exists()
