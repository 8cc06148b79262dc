"""Other knowledge sources in the JSON API (tag ``sources``): source documents with their
findings, and the counts of client feedback, reminders and complaints. The same access
functions as the pages (``ilmio.sources.access``), the same search (``ilmio.sources.search``)
and the same disclosure door for every count (``ilmio.sources.feedback_counts``).

Uploading a document stays on the page (a file and its checks are a person's task); the
API reads. Feedback texts are not in the API: an integration gets their counts.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from ilmio.core.api_schemas import ERRORS as SHARED_ERRORS
from ilmio.core.api_schemas import ErrorOut
from ilmio.sources.access import document_for, feedback_for, is_county_staff
from ilmio.sources.feedback_counts import complete_year_window, tables
from ilmio.sources.models import SourceDocument
from ilmio.sources.search import SourceQuery, documents_matching
from ilmio.taxonomy.models import Phenomenon

router = Router(tags=["sources"])

DocumentKind = Literal["social_ombudsman", "patient_ombudsman", "welfare_report", "client_experience", "research",
                       "self_monitoring", "other"]  # fmt: skip
ERRORS: dict[int, Any] = {**SHARED_ERRORS, 404: ErrorOut}


class FindingOut(Schema):
    id: int
    text: str = Field(..., description="Redacted when it was stored.")
    phenomena: list[str]
    target_groups: list[str]
    municipalities: list[str] = Field(..., description="Empty: the document's area.")


class DocumentOut(Schema):
    id: int
    county_code: str
    kind: str
    title: str
    author_organisation: str
    year: int
    language: str
    published: bool
    municipalities: list[str] = Field(..., description="Empty: the whole county.")
    summary: str
    findings: list[FindingOut]


def _out(document: SourceDocument) -> DocumentOut:
    return DocumentOut(
        id=document.pk, county_code=document.county.code, kind=document.kind, title=document.title,
        author_organisation=document.author_organisation, year=document.year, language=document.language,
        published=document.published, municipalities=[m.code for m in document.municipalities.all()],
        summary=document.summary,
        findings=[FindingOut(id=f.pk, text=f.text, phenomena=[p.code for p in f.phenomena.all()],
                             target_groups=[t.code for t in f.target_groups.all()],
                             municipalities=[m.code for m in f.municipalities.all()])
                  for f in document.findings.all()],
    )  # fmt: skip


class DocumentFilters(Schema):
    q: str | None = Field(None, max_length=100, description="Text in the title, author, summary or a finding.")
    kind: DocumentKind | None = None
    phenomenon: str | None = Field(None, max_length=40, description="A phenomenon code: documents with a finding on it.")
    limit: int = Field(100, ge=1, le=500)


def _phenomenon(code: str | None) -> Phenomenon | None:
    if not code:
        return None
    found = Phenomenon.objects.filter(code=code).first()
    if found is None:
        raise HttpError(422, "Unknown phenomenon code.")
    return found


PREFETCH = ("municipalities", "findings__phenomena", "findings__target_groups", "findings__municipalities")


@router.get("/sources/documents", response={200: list[DocumentOut], **ERRORS}, summary="Source documents")
def list_documents(request: HttpRequest, filters: Query[DocumentFilters]) -> Any:
    """The documents the caller may see: for the county's staff all of its documents, for its
    decision-makers the published ones; nothing of another county."""
    query = SourceQuery(text=(filters.q or "").strip(), kind=filters.kind or "", phenomenon=_phenomenon(filters.phenomenon))
    documents = documents_matching(request.user, query).select_related("county").prefetch_related(*PREFETCH)
    return [_out(document) for document in documents[: filters.limit]]


@router.get("/sources/documents/{document_id}", response={200: DocumentOut, **ERRORS}, summary="One source document")
def get_document(request: HttpRequest, document_id: int) -> Any:
    document = document_for(request.user, document_id)
    if document is None:
        raise HttpError(404, "Not found.")
    return _out(document)


class CountRow(Schema):
    label: str
    count: int | None = Field(..., description="None: hidden to protect privacy.")


class CountTable(Schema):
    title: str
    rows: list[CountRow]
    total: int | None


class FeedbackCountsOut(Schema):
    start: date
    end: date = Field(..., description="The last day counted.")
    tables: list[CountTable]


@router.get("/sources/feedback/counts", response={200: FeedbackCountsOut, **ERRORS},
            summary="Counts of client feedback, reminders and complaints")  # fmt: skip
def feedback_counts(request: HttpRequest, year: int | None = None) -> Any:
    """The county's items of the last twelve complete months (or of a past year) by kind,
    month, phenomenon, service area and unit, small numbers hidden; for the county's staff."""
    if not is_county_staff(request.user):
        raise HttpError(403, "Only the county's staff see its feedback counts.")
    start, end = complete_year_window()
    if year is not None:
        if not 2000 <= year < end.year:
            raise HttpError(422, "Choose a past year.")
        start, end = date(year, 1, 1), date(year + 1, 1, 1)
    counted = tables(feedback_for(request.user), start, end)
    return FeedbackCountsOut(start=start, end=end - timedelta(days=1), tables=[
        CountTable(title=t.title, rows=[CountRow(label=label, count=shown.value) for label, shown in t.rows],
                   total=t.total.value) for t in counted])  # fmt: skip
