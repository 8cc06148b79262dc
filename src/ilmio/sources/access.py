"""Who may see which source document and finding: the one answer for pages and the brief.

* The county's coordinators (``TRIAGE``) add documents and findings and publish them.
* Its staff who read the county's material (coordinators and managers: ``READ_REPORT_TEXT``)
  see every document of the county, published or not, and may download the file.
* Its other readers (``READ_FORWARDED``: decision-makers) see its published documents only.
* Anyone else — another county included — sees none: the caller answers 404.
* Outside the county, only published documents' findings are shown, and only through
  :func:`public_findings_on` (the phenomenon brief).
* Client feedback, reminders and complaints: the county's staff see their counts (and
  coordinators import them); outside the county they are only counted, through
  :func:`feedback_on` and the disclosure door (ilmio.sources.feedback_counts).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from ilmio.areas.models import Municipality
from ilmio.core.access import county_id_of, in_county, is_id
from ilmio.core.permissions import Capability, has_capability
from ilmio.sources.models import FeedbackItem, Finding, SourceDocument
from ilmio.taxonomy.models import Phenomenon


def may_write(user: Any) -> bool:
    return has_capability(user, Capability.TRIAGE) and county_id_of(user) is not None


def is_county_staff(user: Any) -> bool:
    return (has_capability(user, Capability.READ_REPORT_TEXT) or has_capability(user, Capability.TRIAGE)) \
        and county_id_of(user) is not None  # fmt: skip


def documents_for(user: Any) -> QuerySet[SourceDocument]:
    if is_county_staff(user):
        return in_county(SourceDocument.objects.all(), user)
    if has_capability(user, Capability.READ_FORWARDED):
        return in_county(SourceDocument.objects.filter(published=True), user)
    return SourceDocument.objects.none()


def document_for(user: Any, pk: Any) -> SourceDocument | None:
    """One document the user may see, or None (the caller answers 404, never 403)."""
    if not is_id(pk):
        return None
    return documents_for(user).select_related("county").filter(pk=int(pk)).first()


def writable_document(user: Any, document: SourceDocument) -> bool:
    return may_write(user) and document.county_id == county_id_of(user)


def file_for(user: Any, pk: Any) -> SourceDocument | None:
    """The document whose file the user may download: staff of its county only."""
    document = document_for(user, pk)
    return document if document is not None and is_county_staff(user) and document.file else None


def finding_of(user: Any, document: SourceDocument, pk: Any) -> Finding | None:
    """A finding of this document that the user may change; None otherwise."""
    if not is_id(pk) or not writable_document(user, document):
        return None
    return document.findings.filter(pk=int(pk)).first()


def municipalities_for(user: Any) -> QuerySet[Municipality]:
    """The municipalities a document or finding of the user's county may name."""
    if not may_write(user):
        return Municipality.objects.none()
    return in_county(Municipality.objects.all(), user).order_by("code")


def public_findings_on(phenomenon: Phenomenon, county_codes: Iterable[str],
                       municipality_codes: Iterable[str] | None = None) -> QuerySet[Finding]:  # fmt: skip
    """Findings of published documents of these counties linked to the phenomenon. With
    municipality codes, only those concerning one of them (or the whole county)."""
    return published_findings(county_codes, [phenomenon], municipality_codes)


def published_findings(county_codes: Iterable[str], phenomena: Iterable[Phenomenon] | None = None,
                       municipality_codes: Iterable[str] | None = None) -> QuerySet[Finding]:  # fmt: skip
    """Findings of published documents of these counties: the only ones shown or cited
    outside the county's staff. Phenomena None: on any phenomenon."""
    found = Finding.objects.filter(document__published=True, document__county__code__in=list(county_codes))
    if phenomena is not None:
        found = found.filter(phenomena__in=list(phenomena))
    if municipality_codes is not None:
        codes = list(municipality_codes)
        whole_document = Q(municipalities=None) & (Q(document__municipalities=None)
                                                   | Q(document__municipalities__code__in=codes))  # fmt: skip
        found = found.filter(Q(municipalities__code__in=codes) | whole_document)
    ids = found.values("pk")
    return (Finding.objects.filter(pk__in=ids).select_related("document")
            .order_by("-document__year", "document_id", "position", "pk"))  # fmt: skip


def feedback_for(user: Any) -> QuerySet[FeedbackItem]:
    """The county's feedback items, for its staff; none for anyone else."""
    county_id = county_id_of(user)
    if not is_county_staff(user) or county_id is None:
        return FeedbackItem.objects.none()
    return FeedbackItem.objects.filter(county_id=county_id)


def feedback_on(phenomenon: Phenomenon, county_codes: Iterable[str],
                municipality_codes: Iterable[str] | None = None) -> QuerySet[FeedbackItem]:  # fmt: skip
    """Items on the phenomenon in the counties (or, given, the municipalities): to be counted
    through the disclosure door, never read."""
    items = FeedbackItem.objects.filter(phenomenon=phenomenon, county__code__in=list(county_codes))
    if municipality_codes is not None:
        items = items.filter(municipality__code__in=list(municipality_codes))
    return items
