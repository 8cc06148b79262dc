"""Write-side functions for reports. Every way in (forms, API, import, demo) ends here.

``submit_report`` redacts every free-text field itself, so no caller can store original
text by forgetting to: the original lives only in the request that brought it.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ilmio.areas.models import County
from ilmio.core.audit import Event, record_event
from ilmio.privacy import PLACEHOLDERS, RESTORABLE_TYPES, RedactionResult, redact, restoring
from ilmio.privacy.core import PLACEHOLDER_RE
from ilmio.reports.forms import TEXT_FIELDS
from ilmio.reports.models import FeedbackContact, Report, ReportNote
from ilmio.reports.placeholders import canonical_placeholders

logger = logging.getLogger("ilmio.reports")


@dataclass(frozen=True)
class PreviewPart:
    """A run of the original text; ``pii_type`` is set where the text is removed.

    ``slot`` is the position of its placeholder among all placeholders of the stored text
    (the handle a "restore this word" request names); ``restorable`` says whether the
    reporter may put it back (names and addresses only)."""

    text: str
    pii_type: str | None = None
    slot: int | None = None
    restorable: bool = False


@dataclass
class RedactedText:
    """The preview of one field: what the reporter wrote and what will be stored."""

    name: str
    original: str
    result: RedactionResult

    @property
    def parts(self) -> list[PreviewPart]:
        """The original in runs, each removed run with its placeholder slot."""
        slots = [m.start() for m in PLACEHOLDER_RE.finditer(self.result.text)]
        parts: list[PreviewPart] = []
        position = 0
        shift = 0  # stored-text offset minus original offset, up to ``position``
        for item in self.result.redactions:
            if item.start > position:
                parts.append(PreviewPart(self.original[position : item.start]))
            stored_at = item.start + shift
            slot = slots.index(stored_at) if stored_at in slots else None
            parts.append(PreviewPart(self.original[item.start : item.end], item.type, slot,
                                     item.type in RESTORABLE_TYPES and slot is not None))
            shift += len(PLACEHOLDERS["fi"][item.type]) - (item.end - item.start)
            position = item.end
        if position < len(self.original):
            parts.append(PreviewPart(self.original[position:]))
        return parts

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
    # the words the reporter restored (carried by the form from step to step)
    restored: list[str] = field(default_factory=list)

    @property
    def restored_count(self) -> int:
        """How many restored words the stored text keeps."""
        return sum(item.result.restored for item in self.fields)

    @property
    def counts(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for item in self.fields:
            total.update(r.type for r in item.result.redactions)
        return dict(total)

    @property
    def redacted_values(self) -> dict[str, str]:
        return {item.name: item.result.text for item in self.fields}


def preview_redaction(values: dict[str, Any], language: str | None = None,
                      restored: Sequence[str] = ()) -> RedactionPreview:
    """What redaction removes from each text field; ``restored`` words the reporter put back
    stay when they are names or addresses (the engine removes every other kind anyway)."""
    words = clean_restored(restored)
    preview = RedactionPreview(restored=words)
    for name in TEXT_FIELDS:
        text = values.get(name) or ""
        if isinstance(text, str) and text:
            preview.fields.append(RedactedText(name, text, redact(text, language, restore=words)))
    return preview


MAX_RESTORED = 20
MAX_RESTORED_LENGTH = 100


def clean_restored(words: Sequence[str]) -> list[str]:
    """The restored words a form carried, without blanks, duplicates, line breaks or excess."""
    out: list[str] = []
    for word in words:
        word = word.strip() if isinstance(word, str) else ""
        if word and len(word) <= MAX_RESTORED_LENGTH and "\n" not in word and word not in out:
            out.append(word)
    return out[:MAX_RESTORED]


class RestoreRefused(ValueError):
    """A request to put a removed word back that is not allowed or no longer fits the text."""

    NOT_RESTORABLE = "not_restorable"
    CHANGED = "changed"
    TOO_MANY = "too_many"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_TYPE_OF_PLACEHOLDER = {token: typ for typ, token in PLACEHOLDERS["fi"].items()}


def _parse_restore(request: str) -> tuple[str, int, str] | None:
    name, _sep, rest = request.partition("|")
    slot, _sep, word = rest.partition("|")
    word = word.strip()
    if name not in TEXT_FIELDS or not slot.isdigit() or not word or len(word) > MAX_RESTORED_LENGTH \
            or "\n" in word:
        return None
    return name, int(slot), word


@dataclass
class RestoreOutcome:
    values: dict[str, Any]  # the text fields with the words back in place
    restored: list[str]  # every restored word, these added
    refused: list[str] = field(default_factory=list)  # RestoreRefused reasons
    applied: list[tuple[str, int]] = field(default_factory=list)  # (field, slot) put back


def restore_words(values: dict[str, Any], requests: Sequence[str], restored: Sequence[str],
                  language: str | None = None) -> RestoreOutcome:
    """Put words the engine removed back into the previewed text fields.

    Each request is what a ticked "restore" box in the preview sent: ``"<field>|<slot>|<word>"``
    (the field, the position of the placeholder among the field's placeholders, the
    original word). Only a name or an address may come back, and only a word the engine
    would not remove as another kind: an identity code, phone, e-mail, IBAN, birth date or
    client number never comes back, whatever the request says. Returns the values with the
    words back in place, the restored words (these added), the reasons
    (``RestoreRefused.*``) of the requests refused and the places filled. Nothing is stored
    or logged here."""
    words = clean_restored(restored)
    refused: list[str] = []
    parsed: list[tuple[str, int, str]] = []
    for request in requests:
        item = _parse_restore(request) if isinstance(request, str) else None
        if item is None:
            refused.append(RestoreRefused.CHANGED)
        else:
            parsed.append(item)
    out = dict(values)
    applied: list[tuple[str, int]] = []
    # the last placeholder first, so that the slots of the others do not move
    for name, slot, word in sorted(parsed, key=lambda item: (item[0], -item[1])):
        if word not in words and len(words) >= MAX_RESTORED:
            refused.append(RestoreRefused.TOO_MANY)
            continue
        try:
            out[name] = _restore_one(canonical_placeholders(str(out.get(name) or "")), slot, word,
                                     [*words, word], language)
        except RestoreRefused as error:
            refused.append(error.reason)
            continue
        if word not in words:
            words.append(word)
        applied.append((name, slot))
    return RestoreOutcome(out, words, refused, applied)


@dataclass(frozen=True)
class RestoreOffer:
    """A removed name or address the reporter may put back: what its box sends."""

    field: str
    slot: int
    word: str

    @property
    def request(self) -> str:
        return f"{self.field}|{self.slot}|{self.word}"


def restore_offers(preview: RedactionPreview, carried: Sequence[str],
                   applied: Sequence[tuple[str, int]] = ()) -> list[RestoreOffer]:
    """The words that can still be restored in the text the preview stores.

    The first preview knows them from the original text; later steps only see the stored
    text with its placeholders, so the form carries the earlier offers along (``carried``,
    in the slots of the text as it was sent) and this moves them past the words put back
    in this step (``applied``) and keeps those that still point at a name or address."""
    offers: list[RestoreOffer] = []
    for shown in preview.fields:
        offers += [RestoreOffer(shown.name, p.slot, p.text) for p in shown.parts
                   if p.restorable and p.slot is not None]
    stored = {name: [m.group(0) for m in PLACEHOLDER_RE.finditer(text)]
              for name, text in preview.redacted_values.items()}
    for request in carried:
        item = _parse_restore(request) if isinstance(request, str) else None
        if item is None or (item[0], item[1]) in applied:
            continue
        name, slot, word = item
        slot -= sum(1 for f, s in applied if f == name and s < slot)
        tokens = stored.get(name, [])
        offer = RestoreOffer(name, slot, word)
        if slot < len(tokens) and _TYPE_OF_PLACEHOLDER.get(tokens[slot]) in RESTORABLE_TYPES \
                and all((o.field, o.slot) != (name, slot) for o in offers):
            offers.append(offer)
    return offers[:MAX_RESTORED * 2]


def _restore_one(text: str, slot: int, word: str, words: list[str], language: str | None) -> str:
    placeholders = list(PLACEHOLDER_RE.finditer(text))
    if slot >= len(placeholders):
        raise RestoreRefused(RestoreRefused.CHANGED)
    found = placeholders[slot]
    if _TYPE_OF_PLACEHOLDER.get(found.group(0)) not in RESTORABLE_TYPES:
        raise RestoreRefused(RestoreRefused.NOT_RESTORABLE)
    candidate = text[: found.start()] + word + text[found.end():]
    end = found.start() + len(word)
    check = redact(candidate, language, restore=words)
    if any(r.start < end and r.end > found.start() for r in check.redactions):
        # The engine removes it as a kind that is never restored (identity code, phone ...).
        raise RestoreRefused(RestoreRefused.NOT_RESTORABLE)
    return candidate


def submit_report(
    data: dict[str, Any],
    *,
    county: County,
    channel: str,
    submitted_by: Any = None,
    idempotency_key: str | None = None,
    feedback_email: str = "",
    created_at: datetime | None = None,
    restored: Sequence[str] = (),
) -> tuple[Report, bool]:
    """Store a validated report. Returns (report, created).

    ``restored``: words the reporter put back in the preview (:func:`restore_word`); they
    are kept when they are names or addresses, and the report records how many.

    A key the same sender used before returns that first report when the content is the
    same, and raises :class:`IdempotencyConflict` when it is not; another sender's key
    is another key."""
    preview = preview_redaction(data, data.get("language"), restored)
    texts = preview.redacted_values
    user = submitted_by if getattr(submitted_by, "is_authenticated", False) else None
    phenomena = list(data.get("phenomena") or [])
    scope = f"user:{user.pk}" if user is not None else f"{channel}:{county.code}"
    fingerprint = content_fingerprint(data, texts)
    if idempotency_key:
        existing = _same_key(scope, idempotency_key, fingerprint)
        if existing is not None:
            return existing, False
    municipalities = list(data.get("municipalities") or [])
    whole_county = bool(data.get("whole_county"))
    report = Report(
        county=county,
        primary_phenomenon=phenomena[0] if phenomena else None,
        title=texts.get("title", "")[:200],
        description=texts.get("description", ""),
        kind=data.get("kind") or Report.Kind.CONCERN,
        whole_county=whole_county,
        statistics_municipality=statistics_municipality(municipalities, whole_county=whole_county),
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
        restored_words=preview.restored_count,
        idempotency_key=idempotency_key or None,
        idempotency_scope=scope if idempotency_key else "",
        idempotency_fingerprint=fingerprint if idempotency_key else "",
        created_at=created_at or timezone.now(),
    )
    try:
        # The text fields redact again on save: the restored words must survive that too.
        with transaction.atomic(), restoring(preview.restored):
            report.save()
            # A new report has no links yet: insert them (set() would first read what is there).
            _link_new(report, phenomena=phenomena, target_groups=data.get("target_groups") or [],
                      municipalities=municipalities)  # fmt: skip
            if data.get("wants_feedback") and (user is not None or feedback_email):
                FeedbackContact.objects.create(report=report, user=user, email=feedback_email)
            record_event(user, Event.REPORT_SUBMITTED, obj=report, channel=channel, report=report.pk,
                         redactions=report.redaction_total,
                         restored=report.restored_words or None)  # fmt: skip
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


def _link_new(report: Report, **relations: Iterable[Any]) -> None:
    for name, items in relations.items():
        field = Report._meta.get_field(name)
        through = field.remote_field.through  # type: ignore[union-attr]
        own, other = field.m2m_column_name(), field.m2m_reverse_name()  # type: ignore[union-attr]
        pks = dict.fromkeys(item.pk for item in items)
        through.objects.bulk_create([through(**{own: report.pk, other: pk}) for pk in pks])


def _same_key(scope: str, key: str, fingerprint: str) -> Report | None:
    # Unordered: the (scope, key) unique index answers (the model's newest-first ordering
    # would make the database walk the created_at index instead).
    existing = Report.objects.filter(idempotency_scope=scope, idempotency_key=key).order_by().first()
    if existing is not None and existing.idempotency_fingerprint != fingerprint:
        raise IdempotencyConflict("this Idempotency-Key was already used for a report with other content")
    return existing


def statistics_municipality(municipalities: Sequence[Any], *, whole_county: bool) -> Any:
    """The one municipality a report counts in, or None: it counts at the county level."""
    return municipalities[0] if len(municipalities) == 1 and not whole_county else None


def set_areas(report: Report, municipalities: list[Any], *, whole_county: bool) -> None:
    """The report's municipalities, and the one it counts in for statistics."""
    municipalities = list(municipalities)
    report.municipalities.set(municipalities)
    report.whole_county = whole_county
    report.statistics_municipality = statistics_municipality(municipalities, whole_county=whole_county)
    report.save(update_fields=["whole_county", "statistics_municipality", "updated_at"])


CONSENT_SALT = "ilmio.reports.consent-withdrawal"


def consent_withdrawal_token(report: Report) -> str:
    """The token of the link in every feedback e-mail that withdraws the consent: signed
    (nothing stored), naming the report by its public id only."""
    from django.core import signing

    return signing.dumps(str(report.public_id), salt=CONSENT_SALT, compress=True)


def report_for_consent_token(token: str) -> Report | None:
    from django.core import signing

    try:
        public_id = signing.loads(token, salt=CONSENT_SALT)
    except (signing.BadSignature, ValueError):
        return None
    return Report.objects.filter(public_id=public_id).first() if isinstance(public_id, str) else None


def erase_feedback_contact(report: Report, *, by: Any = None) -> bool:
    """Withdraw consent: the contact is deleted, the report stays."""
    with transaction.atomic():
        deleted, _kinds = FeedbackContact.objects.filter(report=report).delete()
        if deleted:
            record_event(by, Event.FEEDBACK_CONTACT_ERASED, obj=report)
    return deleted > 0


class ReporterActionRefused(ValueError):
    """A reporter asked for something their report no longer allows (the message says why)."""


def _own(report: Report, by: Any) -> None:
    # Only the person who sent a report may add to it or withdraw it.
    if by is None or not getattr(by, "is_authenticated", False) or report.submitted_by_id != by.pk:
        raise ReporterActionRefused(_("Only the sender of a report can add to it or withdraw it."))


def add_report_note(report: Report, text: str, *, by: Any) -> ReportNote:
    """The reporter completes their report afterwards; the note is redacted like the report."""
    _own(report, by)
    cleaned = canonical_placeholders(text.strip())
    if not cleaned:
        raise ReporterActionRefused(_("Write the note first."))
    if report.status_is("retracted"):
        raise ReporterActionRefused(_("A withdrawn report cannot be completed."))
    with transaction.atomic():
        note = ReportNote.objects.create(report=report, text=redact(cleaned, report.language).text, created_by=by)
        record_event(by, Event.REPORT_NOTE_ADDED, obj=report)
    return note


def withdraw_report(report: Report, *, by: Any) -> Report:
    """The reporter takes the report back before it is part of a summary: it leaves the queue
    and every count (Report.counts_in_statistics), and the withdrawal is audited."""
    _own(report, by)
    if not report.status_is("withdrawable"):
        raise ReporterActionRefused(_("The report can no longer be withdrawn: it is already part of a summary "
                                      "or its handling has ended. You can still add a note to it."))
    with transaction.atomic():
        previous = report.set_status(Report.WORKFLOW.with_flag("retracted")[0], also=["in_statistics"])
        record_event(by, Event.REPORT_WITHDRAWN, obj=report, from_status=previous)
    return report
