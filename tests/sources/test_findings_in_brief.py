"""Done-when: an ombudsman report is uploaded, two findings are linked to asuminen in
Keski-Suomi, and they show in the phenomenon brief — once the document is published and
not before; another county's findings do not show in Keski-Suomi's brief."""

from __future__ import annotations

import pytest
from django.test import Client

from ilmio.sources.services import publish_document
from tests.sources.helpers import asuminen_findings

pytestmark = pytest.mark.django_db
BRIEF = "/situation/brief/asuminen/?level=county&area=15"
FIRST = "Asunnottomuus on lisääntynyt nuorten aikuisten keskuudessa."
SECOND = "Tuetun asumisen paikkoja on liian vähän koko hyvinvointialueella."


def brief(path: str = BRIEF) -> str:
    response = Client(HTTP_ACCEPT_LANGUAGE="en").get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_published_findings_show_in_the_brief_and_not_before(make_user):
    coordinator = make_user("coordinator")
    made, _ = asuminen_findings(coordinator)
    before = brief()
    assert FIRST not in before and SECOND not in before and "What other sources say" not in before
    publish_document(made, by=coordinator)
    after = brief()
    assert "What other sources say" in after and FIRST in after and SECOND in after
    assert "Sosiaaliasiavastaavan selvitys 2025" in after and "Social ombudsman&#x27;s report 2025" in after


def test_the_brief_shows_them_in_finnish_too(make_user):
    asuminen_findings(make_user("coordinator"), publish=True)
    page = Client(HTTP_ACCEPT_LANGUAGE="fi").get(BRIEF).content.decode()
    assert FIRST in page and "Mitä muut lähteet kertovat" in page


def test_another_countys_findings_stay_out(make_user):
    asuminen_findings(make_user("coordinator", "13"), publish=True, county_municipality="297")
    assert FIRST not in brief()
    assert FIRST in brief("/situation/brief/asuminen/?level=county&area=13")


def test_a_finding_of_another_municipality_stays_out_of_a_municipality_brief(make_user):
    coordinator = make_user("coordinator")
    asuminen_findings(coordinator, publish=True)
    jyvaskyla = brief("/situation/brief/asuminen/?level=municipality&area=179")
    assert FIRST in jyvaskyla and SECOND in jyvaskyla
    other = coordinator.county.municipalities.exclude(code="179").order_by("code").first()
    elsewhere = brief(f"/situation/brief/asuminen/?level=municipality&area={other.code}")
    assert FIRST not in elsewhere and SECOND in elsewhere  # the second concerns the whole county


def test_findings_of_another_phenomenon_stay_out(make_user):
    asuminen_findings(make_user("coordinator"), publish=True)
    assert FIRST not in brief("/situation/brief/toimeentulo/?level=county&area=15")
