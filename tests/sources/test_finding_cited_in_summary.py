"""Done-when: the findings linked to asuminen in Keski-Suomi can be cited in a summary —
only published documents' findings of the summary's own county, shown with their source
in every version, and gone from it again if the document is withdrawn from publication."""

from __future__ import annotations

import pytest
from django.utils import timezone

from ilmio.core.models import AuditEvent
from ilmio.core.roles import Role
from ilmio.knowledge import services
from ilmio.knowledge.models import Statement, Summary
from ilmio.knowledge.publishing import shown_statements
from ilmio.sources.services import publish_document
from ilmio.taxonomy.models import Phenomenon
from tests.sources.helpers import asuminen_findings, logged_in

pytestmark = pytest.mark.django_db
FIRST = "Asunnottomuus on lisääntynyt nuorten aikuisten keskuudessa."


def asuminen_summary(coordinator):  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    return services.draft_summary(county=coordinator.county, title="Asuminen", period_start=today, period_end=today,
                                  by=coordinator, phenomena=[Phenomenon.objects.get(code="asuminen")],
                                  language="fi")  # fmt: skip


def cite(client, summary, finding_pk):  # type: ignore[no-untyped-def]
    return client.post(f"/knowledge/summaries/{summary.pk}/", {"action": "cite_finding", "finding": str(finding_pk)},
                       follow=True)  # fmt: skip


def test_a_published_finding_is_cited_and_shown_with_its_source(make_user):
    coordinator, manager = make_user(Role.COORDINATOR), make_user(Role.MANAGER)
    _document, findings = asuminen_findings(coordinator, publish=True)
    summary = asuminen_summary(coordinator)
    client = logged_in(coordinator)
    page = client.get(f"/knowledge/summaries/{summary.pk}/").content.decode()
    assert "Cite a finding of another source" in page and FIRST in page
    response = cite(client, summary, findings[0].pk)
    assert "The finding is cited in the summary." in response.content.decode()
    statement = summary.statements.get(kind=Statement.Kind.FINDING)
    assert statement.finding == findings[0]
    assert AuditEvent.objects.filter(event_type="summary_edited", details__finding=findings[0].pk).exists()
    # Twice is refused, and nothing changes.
    assert "already cited" in cite(client, summary, findings[0].pk).content.decode()
    assert summary.statements.filter(kind=Statement.Kind.FINDING).count() == 1
    services.approve_summary(summary, by=manager)
    services.publish_summary(summary, Summary.Audience.PUBLIC, by=manager)
    public = logged_in(make_user(Role.DECISION_MAKER), "sv").get(f"/knowledge/public/summaries/{summary.pk}/")
    text = public.content.decode()
    # The summary is Finnish: its statement with the source in Finnish, whatever the reader's language.
    assert FIRST in text and "Sosiaaliasiavastaavan selvitys 2025" in text and "Lähde:" in text
    markdown = services_markdown(summary)
    assert FIRST in markdown


def services_markdown(summary: Summary) -> str:
    from ilmio.knowledge.publishing import as_markdown

    return as_markdown(summary, Summary.Audience.PUBLIC)


def test_an_unpublished_or_other_countys_finding_is_refused(make_user):
    coordinator = make_user(Role.COORDINATOR)
    _document, unpublished = asuminen_findings(coordinator)
    _other, elsewhere = asuminen_findings(make_user(Role.COORDINATOR, "13"), publish=True, county_municipality="297")
    summary = asuminen_summary(coordinator)
    client = logged_in(coordinator)
    page = client.get(f"/knowledge/summaries/{summary.pk}/").content.decode()
    assert "Cite a finding of another source" not in page  # none is citable yet
    for pk in (unpublished[0].pk, elsewhere[0].pk, "abc", "99999999"):
        response = cite(client, summary, pk)
        assert response.status_code == 200
        assert "Choose a finding of a published source document of the county." in response.content.decode()
    assert not summary.statements.filter(kind=Statement.Kind.FINDING).exists()


def test_a_reader_without_triage_cannot_cite(make_user):
    coordinator = make_user(Role.COORDINATOR)
    _document, findings = asuminen_findings(coordinator, publish=True)
    summary = asuminen_summary(coordinator)
    response = cite(logged_in(make_user(Role.MANAGER)), summary, findings[0].pk)
    assert response.status_code == 200 and "You cannot do that." in response.content.decode()
    assert not summary.statements.filter(kind=Statement.Kind.FINDING).exists()


def test_a_withdrawn_documents_finding_is_no_longer_shown(make_user):
    coordinator = make_user(Role.COORDINATOR)
    document, findings = asuminen_findings(coordinator, publish=True)
    summary = asuminen_summary(coordinator)
    services.cite_finding(summary, findings[1].pk, by=coordinator)
    assert any(FIRST[:10] in s.text or "Tuetun asumisen" in s.text for s in shown_statements(summary, "public"))
    publish_document(document, by=coordinator, published=False)
    assert not any("Tuetun asumisen" in s.text for s in shown_statements(summary, "public"))
    assert not any("Tuetun asumisen" in s.text for s in shown_statements(summary, "internal"))
