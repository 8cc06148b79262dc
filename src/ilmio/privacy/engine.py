"""The redaction pipeline: run the detectors, resolve overlaps, substitute placeholders."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from typing import Literal

from .core import PLACEHOLDER_RE, PLACEHOLDERS, PiiType, Redaction, RedactionResult
from .names import find_names, vote_lang
from .patterns import IsFree, find_address, find_email, find_hetu, find_iban, find_phone

# Detectors in priority order: a span found earlier wins any overlap.
_DETECTORS: tuple[tuple[PiiType, Callable[[str, IsFree | None], Iterator[tuple[int, int]]]], ...] = (
    ("hetu", find_hetu),
    ("iban", find_iban),
    ("email", find_email),
    ("phone", find_phone),
    ("address", find_address),
)

def detect_lang(text: str) -> str:
    """Cheap function-word vote between Finnish, Swedish and English."""
    return vote_lang(w for w in _HINT_RE.findall(text) if w.islower())


# Only all-lower-case words vote: capitalised words may be names that get redacted, and
# the language must not change between redact(x) and redact(redact(x).text).
_HINT_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*")


class _Spans:
    """Sorted non-overlapping spans with O(log n) overlap checks."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        # "" marks a placeholder already in the text: reserved, never redacted again.
        self.items: list[tuple[int, int, PiiType | Literal[""]]] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i == 0 or self.items[i - 1][1] <= start

    def add(self, start: int, end: int, typ: PiiType | Literal[""]) -> bool:
        if end <= start or not self.free(start, end):
            return False
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.items.insert(i, (start, end, typ))
        return True


_DIGIT_RE = re.compile(r"\d")


def _names_only(text: str, lang: str | None) -> RedactionResult:
    # No digit, "@", "(at)" or placeholder: only names can be present (common case).
    names, used = find_names(text, lang if lang in PLACEHOLDERS else None)
    reds = [Redaction(s, e, "person_name") for s, e in names]
    if not reds:
        return RedactionResult(text, [], len(text), used)
    tok = PLACEHOLDERS["fi"]["person_name"]
    out: list[str] = []
    pos = 0
    for r in reds:
        out.append(text[pos:r.start])
        out.append(tok)
        pos = r.end
    out.append(text[pos:])
    return RedactionResult("".join(out), reds, len(text), used)


def redact(text: str, lang: str | None = None) -> RedactionResult:
    """Redact personal data from free text; never raises on a str."""
    if not isinstance(text, str):
        text = str(text)
    if _DIGIT_RE.search(text) is None and "@" not in text and "(" not in text \
            and "[" not in text:
        return _names_only(text, lang)
    if lang not in PLACEHOLDERS:
        lang = None  # voted inside find_names from the words it tokenises anyway
    spans = _Spans()
    # Placeholders already in the text are reserved so that redaction is idempotent.
    if "[" in text:
        for m in PLACEHOLDER_RE.finditer(text):
            spans.add(m.start(), m.end(), "")
    for typ, finder in _DETECTORS:
        for start, end in finder(text, spans.free):
            spans.add(start, end, typ)
    # Names are looked for in a copy where every claimed span (and every placeholder) is
    # masked the same way, so the first and the second pass see the same context.
    masked = text
    if spans.items:
        parts: list[str] = []
        pos = 0
        for start, end, _typ in spans.items:
            parts.append(text[pos:start])
            n = end - start
            parts.append("#" if n == 1 else "[" + "#" * (n - 2) + "]")
            pos = end
        parts.append(text[pos:])
        masked = "".join(parts)
    names, lang = find_names(masked, lang)
    for start, end in names:
        spans.add(start, end, "person_name")
    redactions = [Redaction(s, e, t) for s, e, t in spans.items if t]
    if not redactions:
        return RedactionResult(text, [], len(text), lang)
    fi = PLACEHOLDERS["fi"]
    out: list[str] = []
    pos = 0
    for r in redactions:
        out.append(text[pos:r.start])
        out.append(fi[r.type])
        pos = r.end
    out.append(text[pos:])
    return RedactionResult("".join(out), redactions, len(text), lang)
