"""Issue #12 item 3: every write of a summary records a numbered revision of its content,
and two revisions compare into readable changes (words, statements, citations, quotes)."""

from __future__ import annotations

import pytest
from django.utils import translation

from ilmio.core.roles import Role
from ilmio.knowledge import services
from ilmio.knowledge.models import Quote, Statement
from ilmio.knowledge.revisions import (
    ADDED,
    CHANGED,
    DELETED,
    INSERTED,
    KEPT,
    REMOVED,
    diff,
    record_revision,
    snapshot,
    word_diff,
)
from tests.knowledge.editing_helpers import draft_with_statements
from tests.knowledge.helpers import logged_in

pytestmark = pytest.mark.django_db

def test_every_write_records_the_next_revision(make_user):  # type: ignore[no-untyped-def]
    coordinator, manager = make_user(Role.COORDINATOR), make_user(Role.MANAGER)
    summary, reports, written = draft_with_statements(coordinator)
    generated = summary.narrative
    assert generated  # the draft comes with its narrative
    services.edit_summary(summary, by=coordinator, narrative="Kertomus.")
    services.submit_summary(summary, by=coordinator)
    services.return_summary(summary, by=manager, comment="Tarkenna kertomusta.")
    services.edit_statement(written, by=coordinator, text="Häätöuhka toistuu usein.")
    services.submit_summary(summary, by=coordinator)
    services.approve_summary(summary, by=manager)
    services.publish_summary(summary, "internal", by=manager)
    revisions = list(summary.revisions.order_by("number"))
    assert [r.number for r in revisions] == list(range(1, len(revisions) + 1))
    assert [r.change for r in revisions] == ["drafted", "edited", "edited", "submitted", "returned", "edited",
                                             "submitted", "approved", "published"]
    assert [r.by for r in revisions][-3:] == [coordinator, manager, manager]
    assert revisions[4].comment == "Tarkenna kertomusta." and all(not r.comment for r in revisions if r.number != 5)
    # Each holds the content after its change.
    assert revisions[0].content["narrative"] == generated and revisions[2].content["narrative"] == "Kertomus."
    texts = [s["text"] for s in revisions[-1].content["statements"] if s["kind"] == Statement.Kind.TEXT]
    assert texts == ["Häätöuhka toistuu usein."]


def test_an_unchanged_edit_records_nothing(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, _reports, written = draft_with_statements(coordinator)
    count = summary.revisions.count()
    assert services.edit_summary(summary, by=coordinator, title="Asuminen") == []
    services.edit_statement(written, by=coordinator, text="Häätöuhka toistuu.")
    assert summary.revisions.count() == count


def test_snapshot_holds_structure_texts_and_cited_ids(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, reports, written = draft_with_statements(coordinator)
    content = snapshot(summary)
    assert set(content) == {"title", "introduction", "narrative", "statements", "quotes"}
    item = next(s for s in content["statements"] if s["id"] == written.pk)
    assert item["citations"] == [str(reports[0].public_id)] and item["text"] == "Häätöuhka toistuu."
    total = next(s for s in content["statements"] if s["kind"] == Statement.Kind.TOTAL)
    assert total["count"] == 2 and total["text"] == ""
    assert {q["report"] for q in content["quotes"]} <= {str(r.public_id) for r in reports}


def test_word_diff_marks_what_was_taken_out_and_put_in() -> None:
    pieces = word_diff("Häätöuhka toistuu harvoin kunnissa.", "Häätöuhka toistuu usein kunnissa.")
    assert pieces == [(KEPT, "Häätöuhka toistuu"), (DELETED, "harvoin"), (INSERTED, "usein"), (KEPT, "kunnissa.")]


def test_diff_names_texts_statements_citations_and_quotes(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    summary, reports, written = draft_with_statements(coordinator)
    older = record_revision(summary, "edited", by=coordinator)
    services.edit_summary(summary, by=coordinator, title="Asuminen ja toimeentulo")
    services.edit_statement(written, by=coordinator, text="Häätöuhka toistuu usein.", citations=reports)
    theme = summary.statements.exclude(kind=Statement.Kind.TEXT).first()
    services.delete_statement(theme, by=coordinator)
    added = services.add_statement(summary, "Toimeentulo-ongelmat lisääntyvät.", [reports[1]], by=coordinator)
    quote = summary.quotes.first()
    Quote.objects.filter(pk=quote.pk).update(approved_for_public=True)
    with translation.override("en"):
        changes = diff(older, snapshot(summary))
    by_what = {(c.what, c.change): c for c in changes}
    title = by_what[("Title", CHANGED)]
    assert (DELETED, "Asuminen") not in title.words and (INSERTED, "ja toimeentulo") in title.words
    reworded = next(c for c in changes if c.change == CHANGED and c.before == "Häätöuhka toistuu.")
    assert reworded.words == [(KEPT, "Häätöuhka"), (DELETED, "toistuu."), (INSERTED, "toistuu usein.")]
    assert reworded.notes == ["Cited reports: 1 added, 0 removed (now 2)."]
    assert any(c.change == REMOVED and c.what == "Removed statement" for c in changes)
    new = next(c for c in changes if c.change == ADDED and c.after == added.text)
    assert new.notes == ["Cited reports: 1 added, 0 removed (now 1)."]
    assert ("Quote", CHANGED) in by_what and by_what[("Quote", CHANGED)].notes == ["Shown in the public version."]
    assert diff(snapshot(summary), snapshot(summary)) == []


def test_history_shows_display_names_to_the_county_staff_only(make_user):  # type: ignore[no-untyped-def]
    coordinator = make_user(Role.COORDINATOR)
    coordinator.first_name, coordinator.last_name = "Kaisa", "Koordinaattori"
    coordinator.save()
    manager = make_user(Role.MANAGER)
    summary, _reports, _written = draft_with_statements(coordinator)
    services.submit_summary(summary, by=coordinator)
    services.approve_summary(summary, by=manager)
    services.publish_summary(summary, "decision_makers", by=manager)
    page = logged_in(manager).get(f"/knowledge/summaries/{summary.pk}/").content.decode()
    history = page[page.index('id="history"'):]
    assert "Kaisa Koordinaattori" in history and coordinator.username not in history
    assert "Sent for approval" in history and "Published" in history
    reader = logged_in(make_user(Role.DECISION_MAKER)).get(f"/knowledge/summaries/{summary.pk}/").content.decode()
    assert 'id="history"' not in reader and "Kaisa" not in reader
