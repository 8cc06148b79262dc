"""Write functions for source documents and their findings. Every change ends here and is
audited; the audit events carry ids and codes only, never titles, summaries or findings."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.core.files.base import File
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ilmio.core.audit import Event, record_event
from ilmio.sources import access
from ilmio.sources.files import checked_kind
from ilmio.sources.models import LANGUAGES, Finding, SourceDocument

OLDEST_YEAR = 1990


def _require_writer(by: Any, document: SourceDocument | None = None) -> None:
    if not access.may_write(by) or (document is not None and not access.writable_document(by, document)):
        raise ValueError(_("You cannot change the county's source documents."))


def _own_municipalities(by: Any, municipalities: Iterable[Any]) -> list[Any]:
    chosen = list(municipalities)
    allowed = set(access.municipalities_for(by).values_list("pk", flat=True))
    if any(m.pk not in allowed for m in chosen):
        raise ValueError(_("Choose municipalities of your own county."))
    return chosen


def _check_year(year: Any) -> int:
    this_year = timezone.localdate().year
    if not isinstance(year, int) or not OLDEST_YEAR <= year <= this_year + 1:
        raise ValueError(_("Give the year the document was published (%(first)s–%(last)s).")
                         % {"first": OLDEST_YEAR, "last": this_year + 1})  # fmt: skip
    return year


def save_document(*, by: Any, kind: str, title: str, year: int, author_organisation: str = "", summary: str = "",
                  municipalities: Iterable[Any] = (), upload: Any = None, language: str = "fi",
                  document: SourceDocument | None = None) -> SourceDocument:  # fmt: skip
    """A new document of the writer's county (a file is required), or changes to one."""
    _require_writer(by, document)
    if kind not in SourceDocument.Kind.values:
        raise ValueError(_("Choose the kind of document."))
    if not (title or "").strip():
        raise ValueError(_("Give the document's title."))
    _check_year(year)
    chosen = _own_municipalities(by, municipalities)
    if document is None and upload is None:
        raise ValueError(_("Choose a file to upload."))
    extension = checked_kind(upload) if upload is not None else None
    created = document is None
    if document is None:
        document = SourceDocument(county_id=by.county_id, created_by=by)
    document.kind, document.title, document.year = kind, title.strip(), year
    document.author_organisation, document.summary = (author_organisation or "").strip(), (summary or "").strip()
    document.language = language if language in dict(LANGUAGES) else "fi"
    with transaction.atomic():
        if upload is not None:
            old = document.file.name if document.file else None
            document.file.save(f"{uuid.uuid4().hex}.{extension}", File(upload), save=False)
            transaction.on_commit(lambda: _remove(old))
        document.save()
        document.municipalities.set(chosen)
        record_event(by, Event.SOURCE_DOCUMENT_SAVED, obj=document, kind=kind, year=year, created=created,
                     file=extension or "")  # fmt: skip
    return document


def _remove(name: str | None) -> None:
    if name:
        SourceDocument._meta.get_field("file").storage.delete(name)


def publish_document(document: SourceDocument, *, by: Any, published: bool = True) -> SourceDocument:
    """Show its findings outside the county's staff (the phenomenon brief), or stop showing them."""
    _require_writer(by, document)
    if document.published == published:
        raise ValueError(_("The document is already published.") if published else
                         _("The document is not published."))  # fmt: skip
    with transaction.atomic():
        document.published = published
        document.save()
        record_event(by, Event.SOURCE_DOCUMENT_SAVED, obj=document, published=published)
    return document


def _links(finding: Finding, by: Any, phenomena: Iterable[Any], target_groups: Iterable[Any],
           municipalities: Iterable[Any]) -> None:  # fmt: skip
    finding.phenomena.set(list(phenomena))
    finding.target_groups.set(list(target_groups))
    finding.municipalities.set(_own_municipalities(by, municipalities))


def _check_text(text: str) -> str:
    value = (text or "").strip()
    if not value:
        raise ValueError(_("Write the finding."))
    return value


def add_finding(document: SourceDocument, text: str, *, by: Any, phenomena: Iterable[Any] = (),
                target_groups: Iterable[Any] = (), municipalities: Iterable[Any] = ()) -> Finding:  # fmt: skip
    _require_writer(by, document)
    value = _check_text(text)
    with transaction.atomic():
        last = document.findings.aggregate(last=Max("position"))["last"]
        finding = Finding(document=document, text=value, position=(last or 0) + 1)
        finding.save()
        _links(finding, by, phenomena, target_groups, municipalities)
        record_event(by, Event.SOURCE_FINDING_SAVED, obj=document, finding=finding.pk, change="added")
    return finding


def edit_finding(finding: Finding, text: str, *, by: Any, phenomena: Iterable[Any] = (),
                 target_groups: Iterable[Any] = (), municipalities: Iterable[Any] = ()) -> Finding:  # fmt: skip
    document = finding.document
    _require_writer(by, document)
    value = _check_text(text)
    with transaction.atomic():
        finding.text = value
        finding.save(update_fields=["text"])
        _links(finding, by, phenomena, target_groups, municipalities)
        record_event(by, Event.SOURCE_FINDING_SAVED, obj=document, finding=finding.pk, change="edited")
    return finding


def delete_finding(finding: Finding, *, by: Any) -> None:
    document = finding.document
    _require_writer(by, document)
    with transaction.atomic():
        pk = finding.pk
        finding.delete()
        record_event(by, Event.SOURCE_FINDING_SAVED, obj=document, finding=pk, change="deleted")
