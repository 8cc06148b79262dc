"""Public types and placeholder tables of the redaction engine (no Django here)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal, get_args

PiiType = Literal[
    "person_name", "hetu", "phone", "email", "address", "iban", "birth_date", "client_number"
]
PII_TYPES: tuple[PiiType, ...] = get_args(PiiType)

# The kinds a reporter may restore in the preview when the engine took an ordinary word for
# one ("Sama toistuu", "Valtatie 4"). Pattern types (identity codes, phones, e-mails, IBANs,
# birth dates, client numbers) are never restorable: the engine removes them whatever it is told.
RESTORABLE_TYPES: frozenset[PiiType] = frozenset({"person_name", "address"})

PLACEHOLDERS: dict[str, dict[str, str]] = {
    "fi": {
        "person_name": "[NIMI]",
        "hetu": "[HETU]",
        "phone": "[PUHELIN]",
        "email": "[SÄHKÖPOSTI]",
        "address": "[OSOITE]",
        "iban": "[TILINUMERO]",
        "birth_date": "[SYNTYMÄAIKA]",
        "client_number": "[ASIAKASNUMERO]",
    },
    "sv": {
        "person_name": "[NAMN]",
        "hetu": "[PERSONBETECKNING]",
        "phone": "[TELEFON]",
        "email": "[E-POST]",
        "address": "[ADRESS]",
        "iban": "[KONTONUMMER]",
        "birth_date": "[FÖDELSEDATUM]",
        "client_number": "[KLIENTNUMMER]",
    },
    "en": {
        "person_name": "[NAME]",
        "hetu": "[ID CODE]",
        "phone": "[PHONE]",
        "email": "[EMAIL]",
        "address": "[ADDRESS]",
        "iban": "[ACCOUNT]",
        "birth_date": "[BIRTH DATE]",
        "client_number": "[CLIENT NUMBER]",
    },
}

# Every placeholder of every language: these are never re-redacted (idempotency).
PLACEHOLDER_RE = re.compile(
    "|".join(
        sorted(
            {re.escape(tok) for table in PLACEHOLDERS.values() for tok in table.values()},
            key=len,
            reverse=True,
        )
    )
)

_FI_TO_TYPE = {tok: typ for typ, tok in PLACEHOLDERS["fi"].items()}
_FI_RE = re.compile("|".join(re.escape(t) for t in _FI_TO_TYPE))


@dataclass(frozen=True, order=True)
class Redaction:
    """One redacted span; offsets point into the ORIGINAL text."""

    start: int
    end: int
    type: PiiType


@dataclass
class RedactionResult:
    text: str
    redactions: list[Redaction] = field(default_factory=list)
    original_length: int = 0
    lang: str = "fi"
    # Name/address spans left in the text because the caller restored them (restore=...).
    restored: int = 0

    def counts(self) -> dict[str, int]:
        found = Counter(r.type for r in self.redactions)
        return {t: found.get(t, 0) for t in PII_TYPES if found.get(t, 0)}


def localize_placeholders(redacted_text: str, lang: str) -> str:
    """Swap the canonical Finnish placeholders for those of the UI language."""
    table = PLACEHOLDERS.get(lang)
    if table is None or lang == "fi":
        return redacted_text
    return _FI_RE.sub(lambda m: table[_FI_TO_TYPE[m.group(0)]], redacted_text)
