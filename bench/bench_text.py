"""Benchmark of the text core: model load, suggest() latency and throughput, similarity.

    .venv/bin/python bench/bench_text.py [--similarity-docs 50000]

Prints a Markdown table; ``run()`` returns it as a string.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
import tracemalloc


def _rss_mb() -> float:
    # Resident set size from /proc (Linux); 0 elsewhere.
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError):
        return 0.0


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run(similarity_docs: int = 50_000, repeats: int = 3) -> str:
    rows: list[tuple[str, str]] = []

    gc.collect()
    rss0 = _rss_mb()
    tracemalloc.start()
    t0 = time.perf_counter()
    from ilmio.text.classifier import load_or_train_default
    from ilmio.text.corpus import load_corpus
    from ilmio.text.language import analyze_word_fi

    model = load_or_train_default()
    analyze_word_fi("käynnistys")  # Voikko initialisation belongs to start-up
    load_s = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss1 = _rss_mb()
    rows += [
        ("model load + Voikko init (s)", f"{load_s:.2f}"),
        ("RSS delta at load (MB)", f"{rss1 - rss0:.1f}"),
        ("tracemalloc peak at load (MB)", f"{peak / 1e6:.1f}"),
    ]

    records = [r for r in load_corpus() if r.split == "test"]
    texts = [(r.example.text, r.example.lang) for r in records]
    cold: list[float] = []
    for text, lang in texts:  # first sight of each word: Voikko analyses not cached yet
        t = time.perf_counter()
        model.suggest(text, lang)
        cold.append(time.perf_counter() - t)
    warm: list[float] = []
    started = time.perf_counter()
    for _ in range(repeats):
        for text, lang in texts:
            t = time.perf_counter()
            model.suggest(text, lang)
            warm.append(time.perf_counter() - t)
    total = time.perf_counter() - started
    rows += [
        ("suggest() first pass median / p95 (ms)", f"{1e3 * statistics.median(cold):.2f} / {1e3 * _percentile(cold, 0.95):.2f}"),
        ("suggest() warm median / p95 (ms)", f"{1e3 * statistics.median(warm):.2f} / {1e3 * _percentile(warm, 0.95):.2f}"),
        ("suggest() throughput (reports/s, one core)", f"{len(warm) / total:.0f}"),
        ("suggest() without lang (detect) median (ms)", f"{1e3 * statistics.median(_timed(model, texts)):.2f}"),
    ]

    if similarity_docs:
        from ilmio.text.similarity import SimilarityIndex

        corpus = [(r.example.text, r.example.lang) for r in load_corpus()]
        docs = (
            (i, f"{corpus[i % len(corpus)][0]} {i % 997}", corpus[i % len(corpus)][1])
            for i in range(similarity_docs)
        )
        rss_b = _rss_mb()
        t = time.perf_counter()
        index = SimilarityIndex.build(docs)
        build_s = time.perf_counter() - t
        index.most_similar(texts[0][0], texts[0][1])  # builds the inverted index
        rss_a = _rss_mb()
        lat: list[float] = []
        for text, lang in texts:
            t = time.perf_counter()
            index.most_similar(text, lang, k=5)
            lat.append(time.perf_counter() - t)
        rows += [
            (f"similarity build, {similarity_docs} docs (s)", f"{build_s:.1f}"),
            ("similarity index RSS (MB)", f"{rss_a - rss_b:.1f}"),
            ("most_similar() median / p95 (ms)", f"{1e3 * statistics.median(lat):.2f} / {1e3 * _percentile(lat, 0.95):.2f}"),
        ]

    header = [f"Text core benchmark ({len(texts)} held-out reports × {repeats}, Python {sys.version.split()[0]})", ""]
    table = ["| measure | value |", "|---|---:|", *[f"| {k} | {v} |" for k, v in rows]]
    return "\n".join(header + table)


def _timed(model: object, texts: list[tuple[str, str | None]]) -> list[float]:
    out: list[float] = []
    for text, _ in texts:
        t = time.perf_counter()
        model.suggest(text)  # type: ignore[attr-defined]
        out.append(time.perf_counter() - t)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--similarity-docs", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    print(run(args.similarity_docs, args.repeats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
