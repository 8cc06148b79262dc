"""Model fields that cannot hold identifying details: the one redaction door for free text.

Every free-text column that staff or the public can write is one of these fields. The
value is redacted by :mod:`ilmio.privacy` when the model is saved (``pre_save``) and
again whenever the ORM prepares it for the database (``get_prep_value``: ``update()``,
``bulk_create``), so no write path can store an original by forgetting a call. Redaction
is idempotent, so text that was already redacted (and previewed) passes unchanged.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from django.db import models

from ilmio.privacy import redact


class _Redacted(str):
    """Text this process has just redacted: not redacted a second time on its way out."""


# The kinds of detail removed while one request is answered, so the person who typed them
# is told once (ilmio.core.middleware.RedactionNoticeMiddleware); None outside requests.
removed_details: ContextVar[list[str] | None] = ContextVar("removed_details", default=None)


def redact_text(value: Any, language: str | None = None) -> Any:
    if not isinstance(value, str) or not value or isinstance(value, _Redacted):
        return value
    result = redact(value, language if language in ("fi", "sv", "en") else None)
    seen = removed_details.get()
    if seen is not None and result.redactions:
        seen.extend(r.type for r in result.redactions)
    return _Redacted(result.text)


if TYPE_CHECKING:
    # The mixin is only ever mixed into model fields (text and char): type-check it as one.
    _FieldBase = models.Field[Any, Any]
else:
    _FieldBase = object


class _Redacting(_FieldBase):
    """Mixin for text fields: redact on save and on every write the ORM prepares."""

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        name = self.attname
        value = redact_text(getattr(model_instance, name), getattr(model_instance, "language", None))
        setattr(model_instance, name, value)
        return value

    def get_prep_value(self, value: Any) -> Any:
        value = redact_text(value)
        return super().get_prep_value(str(value) if isinstance(value, str) else value)


class RedactedTextField(_Redacting, models.TextField):
    """A TextField whose stored value is always redacted."""


class RedactedCharField(_Redacting, models.CharField):
    """A CharField whose stored value is always redacted (placeholders may lengthen the
    text: the value is cut to max_length after redaction)."""

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = super().pre_save(model_instance, add)
        if isinstance(value, str) and self.max_length and len(value) > self.max_length:
            value = _Redacted(value[: self.max_length])
            setattr(model_instance, self.attname, value)
        return value
