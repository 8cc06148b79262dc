"""Placeholders are stored in their canonical Finnish form whatever the UI language."""

from __future__ import annotations

import re
from functools import cache

from ilmio.privacy import PLACEHOLDERS


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    mapping: dict[str, str] = {}
    for language, tokens in PLACEHOLDERS.items():
        for pii_type, token in tokens.items():
            if language != "fi":
                mapping[token] = PLACEHOLDERS["fi"][pii_type]
    if not mapping:
        return re.compile(r"(?!x)x"), mapping
    return re.compile("|".join(re.escape(token) for token in sorted(mapping, key=len, reverse=True))), mapping


def canonical_placeholders(text: str) -> str:
    pattern, mapping = _pattern()
    return pattern.sub(lambda match: mapping[match.group(0)], text)
