"""The redaction pipeline: normalise, run the detectors, resolve overlaps, substitute placeholders."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal

from .core import (
    PLACEHOLDER_RE,
    PLACEHOLDERS,
    RESTORABLE_TYPES,
    PiiType,
    Redaction,
    RedactionResult,
)
from .names import find_names, vote_lang
from .normalize import Normalized, normalize
from .patterns import (
    DATE_RE,
    IsFree,
    date_ok,
    email_hint,
    find_address,
    find_birth_date,
    find_client_number,
    find_email,
    find_hetu,
    find_iban,
    find_phone,
)

# Detectors in priority order: a span found earlier wins any overlap. Birth dates and
# client numbers are anchored on their cue words, so they go before phones.
_DETECTORS: tuple[tuple[PiiType, Callable[[str, IsFree | None], Iterator[tuple[int, int]]]], ...] = (
    ("hetu", find_hetu),
    ("iban", find_iban),
    ("email", find_email),
    ("birth_date", find_birth_date),
    ("client_number", find_client_number),
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
# A full date in parentheses or after a comma right behind a name: "Iida (3.5.2016)".
_AFTER_NAME_DATE_RE = re.compile(r"[ \t]*(?:\(|,)[ \t]*(" + DATE_RE.pattern + r")[ \t]*(?:\)|,|$)",
                                 re.IGNORECASE)


def _restore_keys(restore: Collection[str]) -> frozenset[str]:
    return frozenset(k for k in (normalize(w).text.strip() for w in restore if isinstance(w, str)) if k)


# Words restored for the code running inside ``restoring()`` (a report being stored): the
# model fields redact again on save, and must keep what the reporter restored.
_RESTORED: ContextVar[frozenset[str]] = ContextVar("ilmio_privacy_restored", default=frozenset())


@contextmanager
def restoring(words: Collection[str]) -> Iterator[None]:
    """Inside the block, ``redact`` keeps these name/address words unless told otherwise.

    Only names and addresses are ever kept; every other type is redacted as always."""
    token = _RESTORED.set(_restore_keys(words))
    try:
        yield
    finally:
        _RESTORED.reset(token)


def _finish(text: str, norm: Normalized, items: list[tuple[int, int, PiiType | Literal[""]]],
            lang: str, keys: frozenset[str]) -> RedactionResult:
    """Drop restored spans, map the rest back to the original text and substitute."""
    restored = 0
    redactions: list[Redaction] = []
    for start, end, typ in items:
        if not typ:
            continue
        if keys and typ in RESTORABLE_TYPES and norm.text[start:end] in keys:
            restored += 1
            continue
        s, e = norm.span(start, end)
        redactions.append(Redaction(s, e, typ))
    if not redactions:
        return RedactionResult(text, [], len(text), lang, restored)
    fi = PLACEHOLDERS["fi"]
    out: list[str] = []
    pos = 0
    for r in redactions:
        out.append(text[pos:r.start])
        out.append(fi[r.type])
        pos = r.end
    out.append(text[pos:])
    return RedactionResult("".join(out), redactions, len(text), lang, restored)


def redact(text: str, lang: str | None = None, *, restore: Collection[str] = ()) -> RedactionResult:
    """Redact personal data from free text; never raises on a str.

    ``restore`` lists words a reporter restored in the preview: a name or address span
    whose text is exactly one of them stays in the text (counted in ``restored``). Every
    other type is redacted whatever ``restore`` says.
    """
    if not isinstance(text, str):
        text = str(text)
    keys = _restore_keys(restore) if restore else _RESTORED.get()
    norm = normalize(text)
    clean = norm.text
    if lang not in PLACEHOLDERS:
        lang = None  # voted inside find_names from the words it tokenises anyway
    mail = email_hint(clean)
    if not mail and "[" not in clean and _DIGIT_RE.search(clean) is None:
        # No digit, e-mail hint or placeholder: only names can be present (common case).
        names, used = find_names(clean, lang)
        return _finish(text, norm, [(s, e, "person_name") for s, e in names], used, keys)
    spans = _Spans()
    # Placeholders already in the text are reserved so that redaction is idempotent.
    if "[" in clean:
        for m in PLACEHOLDER_RE.finditer(clean):
            spans.add(m.start(), m.end(), "")
    for typ, finder in _DETECTORS:
        if typ == "email" and not mail:
            continue
        for start, end in finder(clean, spans.free):
            spans.add(start, end, typ)
    # Names are looked for in a copy where every claimed span (and every placeholder) is
    # masked the same way, so the first and the second pass see the same context.
    masked = clean
    if spans.items:
        parts: list[str] = []
        pos = 0
        for start, end, _typ in spans.items:
            parts.append(clean[pos:start])
            n = end - start
            parts.append("#" if n == 1 else "[" + "#" * (n - 2) + "]")
            pos = end
        parts.append(clean[pos:])
        masked = "".join(parts)
    names, lang = find_names(masked, lang)
    for start, end in names:
        spans.add(start, end, "person_name")
        after = _AFTER_NAME_DATE_RE.match(masked, end)
        if after is not None and date_ok(after):
            spans.add(after.start(1), after.end(1), "birth_date")
    return _finish(text, norm, spans.items, lang, keys)
