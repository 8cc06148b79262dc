"""Write-side functions for reports. Every way in (forms, API, import, demo) ends here.

``submit_report`` redacts every free-text field itself, so no caller can store original
text by forgetting to: the original lives only in the request that brought it.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from ilmio.areas.models import County
from ilmio.core.audit import Event, record_event
from ilmio.privacy import RedactionResult, redact
from ilmio.reports.forms import TEXT_FIELDS
from ilmio.reports.models import FeedbackContact, Report

logger = logging.getLogger("ilmio.reports")


@dataclass
class RedactedText:
    """The preview of one field: what the reporter wrote and what will be stored."""

    name: str
    original: str
    result: RedactionResult

    @property
    def segments(self) -> list[tuple[str, str | None]]:
        """(text, pii_type) runs of the original: pii_type is set where text is removed."""
        runs: list[tuple[str, str | None]] = []
        position = 0
        for item in self.result.redactions:
            if item.start > position:
                runs.append((self.original[position : item.start], None))
            runs.append((self.original[item.start : item.end], item.type))
            position = item.end
        if position < len(self.original):
            runs.append((self.original[position:], None))
        return runs


@dataclass
class RedactionPreview:
    fields: list[RedactedText] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for item in self.fields:
            total.update(r.type for r in item.result.redactions)
        return dict(total)

    @property
    def redacted_values(self) -> dict[str, str]:
        return {item.name: item.result.text for item in self.fields}


def preview_redaction(values: dict[str, Any], language: str | None = None) -> RedactionPreview:
    preview = RedactionPreview()
    for name in TEXT_FIELDS:
        text = values.get(name) or ""
        if isinstance(text, str) and text:
            preview.fields.append(RedactedText(name, text, redact(text, language)))
    return preview


def submit_report(
    data: dict[str, Any],
    *,
    county: County,
    channel: str,
    submitted_by: Any = None,
    idempotency_key: str | None = None,
    feedback_email: str = "",
    created_at: datetime | None = None,
) -> tuple[Report, bool]:
    """Store a validated report. Returns (report, created).

    A key the same sender used before returns that first report when the content is the
    same, and raises :class:`IdempotencyConflict` when it is not; another sender's key
    is another key."""
    preview = preview_redaction(data, data.get("language"))
    texts = preview.redacted_values
    user = submitted_by if getattr(submitted_by, "is_authenticated", False) else None
    phenomena = list(data.get("phenomena") or [])
    scope = f"user:{user.pk}" if user is not None else f"{channel}:{county.code}"
    fingerprint = content_fingerprint(data, texts)
    if idempotency_key:
        existing = _same_key(scope, idempotency_key, fingerprint)
        if existing is not None:
            return existing, False
    report = Report(
        county=county,
        primary_phenomenon=phenomena[0] if phenomena else None,
        title=texts.get("title", "")[:200],
        description=texts.get("description", ""),
        kind=data.get("kind") or Report.Kind.CONCERN,
        whole_county=bool(data.get("whole_county")),
        service_area=data.get("service_area"),
        prevalence=data.get("prevalence") or Report.Prevalence.SEVERAL,
        observed_since=data.get("observed_since") or Report.ObservedSince.UNKNOWN,
        trend=data.get("trend") or Report.Trend.UNKNOWN,
        effects=texts.get("effects", ""),
        proposed_action=texts.get("proposed_action", ""),
        reporter_type=data.get("reporter_type") or Report.ReporterType.PROFESSIONAL,
        partner_organisation_type=data.get("partner_organisation_type") or "",
        language=data.get("language") or "fi",
        channel=channel,
        submitted_by=user,
        organisation=getattr(user, "organisation", None),
        redaction_counts=preview.counts,
        idempotency_key=idempotency_key or None,
        idempotency_scope=scope if idempotency_key else "",
        idempotency_fingerprint=fingerprint if idempotency_key else "",
        created_at=created_at or timezone.now(),
    )
    try:
        with transaction.atomic():
            report.save()
            report.phenomena.set(phenomena)
            report.target_groups.set(data.get("target_groups") or [])
            set_areas(report, data.get("municipalities") or [], whole_county=report.whole_county)
            if data.get("wants_feedback") and (user is not None or feedback_email):
                FeedbackContact.objects.create(report=report, user=user, email=feedback_email)
            record_event(user, Event.REPORT_SUBMITTED, obj=report, channel=channel, report=report.pk,
                         redactions=report.redaction_total)  # fmt: skip
    except IntegrityError:
        # Two retries with the same key raced: the other one won, return its report.
        if idempotency_key:
            existing = _same_key(scope, idempotency_key, fingerprint)
            if existing is not None:
                return existing, False
        raise
    logger.info(
        "report submitted",
        extra={"event": "report_submitted", "report_id": report.pk, "county": county.code,
               "count": report.redaction_total},
    )  # fmt: skip
    return report, True


class IdempotencyConflict(ValueError):
    """The sender used this key before for a report with other content."""


def _code(value: Any) -> Any:
    return getattr(value, "code", value)


def content_fingerprint(data: dict[str, Any], texts: dict[str, str]) -> str:
    """A hash of what would be stored (redacted texts and choices): nothing original."""
    canonical = {
        **{name: texts.get(name, "") for name in TEXT_FIELDS},
        **{name: sorted(str(_code(v)) for v in data.get(name) or [])
           for name in ("phenomena", "target_groups", "municipalities")},
        **{name: str(_code(data.get(name)) or "") for name in (
            "kind", "whole_county", "service_area", "prevalence", "observed_since", "trend",
            "language", "reporter_type", "partner_organisation_type")},
    }  # fmt: skip
    return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()


def _same_key(scope: str, key: str, fingerprint: str) -> Report | None:
    existing = Report.objects.filter(idempotency_scope=scope, idempotency_key=key).first()
    if existing is not None and existing.idempotency_fingerprint != fingerprint:
        raise IdempotencyConflict("this Idempotency-Key was already used for a report with other content")
    return existing


def set_areas(report: Report, municipalities: list[Any], *, whole_county: bool) -> None:
    """The report's municipalities, and the one it counts in for statistics."""
    municipalities = list(municipalities)
    report.municipalities.set(municipalities)
    report.whole_county = whole_county
    report.statistics_municipality = municipalities[0] if len(municipalities) == 1 and not whole_county else None
    report.save(update_fields=["whole_county", "statistics_municipality", "updated_at"])


def erase_feedback_contact(report: Report, *, by: Any = None) -> bool:
    """Withdraw consent: the contact is deleted, the report stays."""
    with transaction.atomic():
        deleted, _ = FeedbackContact.objects.filter(report=report).delete()
        if deleted:
            record_event(by, Event.FEEDBACK_CONTACT_ERASED, obj=report)
    return deleted > 0
