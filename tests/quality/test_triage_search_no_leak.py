"""What staff type into the triage search (GET /triage/?q=…) is neither stored nor logged,
nor shown on any page but the one answering the search."""

from __future__ import annotations

import pytest

from tests.quality.pii_scan import probe_texts
from tests.quality.staff_text import Base, client_for, everywhere_else, page_leaks

pytestmark = [pytest.mark.django_db(transaction=False), pytest.mark.usefixtures("_pdfs_as_text")]


def test_triage_search_is_neither_stored_nor_logged(base: Base, captured_logs: pytest.LogCaptureFixture) -> None:
    """GET /triage/?q=…: the search runs, and nothing of it stays (the page that answers
    the search may show the searcher's own words back; no other page may)."""
    coordinator = client_for(base.users["coordinator"])
    for text, _placeholders in probe_texts(100):
        response = coordinator.get("/triage/", {"q": text, "status": "all"})
        assert response.status_code == 200
    matched = coordinator.get("/triage/", {"q": "Vuokrarästit A", "status": "all"})
    assert str(base.reports["consented"].public_id) in matched.content.decode(), "the search does not search"
    problems = page_leaks(base) + everywhere_else(captured_logs.records)
    assert not problems, "\n".join(dict.fromkeys(problems))
