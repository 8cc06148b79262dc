"""ilmio.privacy — redaction of personal data from social-report free text.

Pure Python: no Django import anywhere in this package.
"""

from .core import (
    PII_TYPES,
    PLACEHOLDERS,
    RESTORABLE_TYPES,
    PiiType,
    Redaction,
    RedactionResult,
    localize_placeholders,
)
from .engine import detect_lang, redact, restoring

__all__ = [
    "PII_TYPES",
    "PLACEHOLDERS",
    "RESTORABLE_TYPES",
    "PiiType",
    "Redaction",
    "RedactionResult",
    "detect_lang",
    "localize_placeholders",
    "redact",
    "restoring",
]
