"""The demo's summaries: Finnish and Swedish ones in every state, each with a generated
narrative in its own language (no digit in it), and a blog draft of the length the seeds
ask for."""

from __future__ import annotations

import re

import pytest

from ilmio.knowledge.documents import BLOG_MAX, BLOG_MIN, blog_draft, summary_document
from ilmio.knowledge.models import Summary, SummaryRevision
from ilmio.knowledge.publishing import counts_in_text
from ilmio_demo.world import build_demo

pytestmark = pytest.mark.django_db

OPENING = {"fi": "Tämä yhteenveto", "sv": "Denna sammanfattning", "en": "This summary"}


def test_demo_summaries_in_both_languages_every_state_with_narratives(reference_data):
    build_demo(reports=900, with_statistics=False)
    summaries = list(Summary.objects.filter(county__code="15"))
    states = {(s.language, s.status) for s in summaries}
    for language in ("fi", "sv"):
        for status in Summary.Status.values:
            assert (language, status) in states, (language, status, sorted(states))
    returned = [s for s in summaries if s.revisions.filter(change=SummaryRevision.Change.RETURNED).exists()]
    assert {s.language for s in returned} == {"fi", "sv"}
    assert any(s.cases.exists() for s in summaries), "one is started from a case"
    for summary in summaries:
        assert summary.narrative.startswith(OPENING[summary.language]), (summary.title, summary.narrative[:80])
        assert not re.search(r"\d", summary.narrative), summary.narrative
        assert counts_in_text(summary) == []
        for audience in summary.versions():
            blog = blog_draft(summary_document(summary, audience))
            assert BLOG_MIN <= len(blog.strip()) <= BLOG_MAX, (summary.title, audience, len(blog))


def test_demo_shortcomings_in_every_state_and_redacted(reference_data):
    from ilmio.shortcomings.models import Shortcoming

    build_demo(reports=300, with_statistics=False)
    statuses = set(Shortcoming.objects.values_list("status", flat=True))
    assert len(statuses) >= 5, statuses
    assert not Shortcoming.objects.filter(what__contains="Mäkinen").exists()
