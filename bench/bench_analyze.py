"""`ilmio analyze` throughput: redaction + classification together, one core.

Runs the batch contract's own code path (``ilmio.analyze.analyze_items``) over the
shipped redaction and classification corpora, after start-up (model loaded once).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import time
from pathlib import Path

import ilmio


def _texts(limit: int = 2000) -> list[dict[str, str]]:
    root = Path(ilmio.__file__).parent
    items: list[dict[str, str]] = []
    for path in (root / "privacy" / "data" / "eval_corpus.jsonl", root / "text" / "data" / "corpus.jsonl"):
        with path.open(encoding="utf-8") as handle:
            items += [{"text": json.loads(line)["text"], "id": str(i)} for i, line in enumerate(handle) if line.strip()]
    return (items * (limit // len(items) + 1))[:limit]


def run(reports: int = 2000) -> str:
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    from ilmio.analyze import analyze_items
    from ilmio.text import get_default_model

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    get_default_model()
    load_seconds = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = _texts(reports)
    list(analyze_items(items[:50]))  # warm caches (Voikko, lexicon)
    latencies = []
    started = time.perf_counter()
    for item in items:
        one = time.perf_counter()
        result = next(iter(analyze_items([item])))
        latencies.append(time.perf_counter() - one)
        assert len(result["phenomena"]) == 10
    total = time.perf_counter() - started
    from ilmio.analyze import analyze_stream

    lines = [json.dumps(item, ensure_ascii=False) + "\n" for item in items]
    batch_started = time.perf_counter()
    analyze_stream(lines, workers=1)  # the batch path of `ilmio analyze --workers 1`
    batch_total = time.perf_counter() - batch_started
    latencies.sort()
    return "\n".join([
        "| measure | value |",
        "|---|---:|",
        f"| reports analysed (redaction + classification) | {len(items)} |",
        f"| throughput, one core, one report at a time | {len(items) / total:,.0f} reports/s |",
        f"| throughput, one core, JSON Lines batch (`analyze_stream`, caches warm from the row above) | {len(items) / batch_total:,.0f} reports/s |",
        f"| latency median / p95 | {statistics.median(latencies) * 1000:.2f} ms / {latencies[int(len(latencies) * 0.95)] * 1000:.2f} ms |",
        f"| model load (after imports) | {load_seconds * 1000:.0f} ms |",
        f"| peak RSS growth while loading | {(rss_after - rss_before) / 1024:.0f} MB |",
    ])  # fmt: skip


if __name__ == "__main__":
    print(run())
