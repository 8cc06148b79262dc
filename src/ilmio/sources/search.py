"""Searching the other knowledge sources: documents and their findings, and client
feedback, reminders and complaints. Every search starts from what the caller may see
(``ilmio.sources.access``); the texts searched are the stored, redacted ones, so a name
typed into the search box finds nothing that names a person."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from ilmio.sources.access import documents_for, feedback_for
from ilmio.sources.models import FeedbackItem, Finding, SourceDocument
from ilmio.taxonomy.models import Phenomenon

FINDINGS_SHOWN = 50


@dataclass(frozen=True)
class SourceQuery:
    """What the user asked for; empty values do not filter."""

    text: str = ""
    kind: str = ""
    phenomenon: Phenomenon | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.text or self.kind or self.phenomenon)


def documents_matching(user: Any, query: SourceQuery) -> QuerySet[SourceDocument]:
    """Documents the user may see whose title, author, summary or a finding matches."""
    documents = documents_for(user)
    if query.kind:
        documents = documents.filter(kind=query.kind)
    if query.phenomenon is not None:
        documents = documents.filter(findings__phenomena=query.phenomenon)
    if query.text:
        text = query.text
        documents = documents.filter(Q(title__icontains=text) | Q(author_organisation__icontains=text)
                                     | Q(summary__icontains=text) | Q(findings__text__icontains=text))  # fmt: skip
    return SourceDocument.objects.filter(pk__in=documents.values("pk")).order_by("-year", "-pk")


def findings_matching(user: Any, query: SourceQuery) -> QuerySet[Finding]:
    """Findings of the documents the user may see that match the text and phenomenon."""
    if not (query.text or query.phenomenon):
        return Finding.objects.none()
    found = Finding.objects.filter(document__in=documents_for(user).values("pk"))
    if query.kind:
        found = found.filter(document__kind=query.kind)
    if query.phenomenon is not None:
        found = found.filter(phenomena=query.phenomenon)
    if query.text:
        found = found.filter(text__icontains=query.text)
    return (Finding.objects.filter(pk__in=found.values("pk")).select_related("document")
            .order_by("-document__year", "document_id", "position", "pk"))  # fmt: skip


def feedback_matching(user: Any, query: SourceQuery) -> QuerySet[FeedbackItem]:
    """The county's feedback items (its staff only) of the kind, on the phenomenon, whose
    text or unit matches; newest first."""
    if query.is_empty:
        return FeedbackItem.objects.none()
    items = feedback_for(user)
    if query.kind:
        items = items.filter(kind=query.kind)
    if query.phenomenon is not None:
        items = items.filter(phenomenon=query.phenomenon)
    if query.text:
        items = items.filter(Q(text__icontains=query.text) | Q(unit__icontains=query.text))
    return items.select_related("phenomenon", "service_area", "municipality").order_by("-received_on", "-pk")
