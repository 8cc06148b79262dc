"""What both redaction corpora share: one record's shape and the JSON Lines file."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from ilmio.privacy.evaluation import CorpusRecord, GoldSpan


def corpus_record(record_id: str, lang: str, style: str, text: str, spans: list[GoldSpan],
                  keep: Iterable[str]) -> CorpusRecord:  # fmt: skip
    """A text with its gold spans, and the must-keep strings that occur in it outside them."""
    kept = sorted({k for k in keep if k in text and not any(s["start"] <= text.find(k) < s["end"] for s in spans)})
    return {"id": record_id, "lang": lang, "style": style, "text": text, "spans": spans, "keep": kept}


def write_corpus(records: Sequence[CorpusRecord], out: Path) -> int:
    with out.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} texts to {out}")
    return 0
