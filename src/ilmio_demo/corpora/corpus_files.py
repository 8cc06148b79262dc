"""What the corpora share: a redaction record's shape, and the JSON Lines file every corpus is written to."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ilmio.privacy.evaluation import CorpusRecord, GoldSpan


def corpus_record(record_id: str, lang: str, style: str, text: str, spans: list[GoldSpan],
                  keep: Iterable[str]) -> CorpusRecord:  # fmt: skip
    """A text with its gold spans, and the must-keep strings that occur in it outside them."""
    kept = sorted({k for k in keep if k in text and not any(s["start"] <= text.find(k) < s["end"] for s in spans)})
    return {"id": record_id, "lang": lang, "style": style, "text": text, "spans": spans, "keep": kept}


def write_corpus(records: Sequence[Mapping[str, Any]], out: Path) -> int:
    """One JSON object a line (redaction and phenomenon corpora alike)."""
    with out.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} texts to {out}")
    return 0
