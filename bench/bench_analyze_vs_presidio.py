"""`ilmio analyze` (whole process) vs Presidio's offline pattern analyzer on the same texts.

Issue #11 item 5: ``ilmio analyze`` — redaction + classification, the whole process
including start-up, on JSON Lines, every core (``--workers`` default) — against Presidio's
AnalyzerEngine with the NoOp NLP engine and its Finnish identity code, e-mail, phone (FI)
and IBAN recognizers (built as in bench_redaction.py), on the same N texts in the same run.

Presidio is reported twice:
* *in-process*: ``analyzer.analyze`` over the texts after the engine is built and warmed
  up — analyzer time only, the strict comparison;
* *whole process*: a subprocess that imports Presidio, builds the engine, reads the same
  JSON Lines and writes one JSON line of results per text (start-up included, like
  ``ilmio analyze``).

Rounds are interleaved (ilmio, Presidio in-process, Presidio process, ...) to spread the
load of the shared machine over all three; the best round of each is reported together
with the median. ``python bench/bench_analyze_vs_presidio.py [N] [--rounds R] [--write]``;
``--write`` replaces the ``bench:analyze-presidio`` section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
DOC = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- bench:analyze-presidio -->", "<!-- /bench:analyze-presidio -->"


def corpus_texts(n: int) -> tuple[list[str], int]:
    """N texts from the shipped corpora (redaction eval corpora + classification corpus),
    repeated in order; also the number of distinct texts."""
    import ilmio

    root = Path(ilmio.__file__).parent
    texts: list[str] = []
    for path in (root / "privacy" / "data" / "eval_corpus.jsonl", root / "privacy" / "data" / "eval_corpus_styles.jsonl",
                 root / "text" / "data" / "corpus.jsonl"):  # fmt: skip
        if path.exists():
            texts += [str(json.loads(line)["text"]) for line in path.read_text(encoding="utf-8").splitlines()
                      if line.strip()]  # fmt: skip
    return (texts * (n // len(texts) + 1))[:n], len(set(texts))


# The figure before the fast path and --workers (issue #11 item 5), measured once on this machine.
EARLIER = ("Before the fast inference path and `--workers` (2026-12-02 18:22, load average 3.6): the same "
           "20,000 texts in 8.86 s wall, 8.57 s CPU — 2,257 texts/s, 0.43 ms CPU per text, one process.")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _ilmio_process(source: Path, target: Path, workers: int) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (all its processes) of one ``ilmio analyze``."""
    started, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([sys.executable, "-m", "ilmio.cli", "analyze", "--input", str(source), "--output", str(target),
                    "--workers", str(workers)], check=True, env={**os.environ, "ILMIO_TESTING": "1"})  # fmt: skip
    return time.perf_counter() - started, _children_cpu() - cpu


def _presidio_process(source: Path, target: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--presidio-process", str(source), str(target)], check=True)
    return time.perf_counter() - started


def presidio_process_main(source: str, target: str) -> int:
    """The whole-process Presidio run: import, build, read JSON Lines, analyse, write."""
    from bench_redaction import _presidio_analyzer

    analyzer = _presidio_analyzer()
    if analyzer is None:
        raise SystemExit("presidio-analyzer is not installed (pip install 'presidio-analyzer>=2.2')")
    out = []
    with open(source, encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            found = analyzer.analyze(text=item["text"], language="fi")
            out.append(json.dumps({"id": item["id"], "redactions": [
                {"start": r.start, "end": r.end, "type": r.entity_type} for r in found]}) + "\n")
    Path(target).write_text("".join(out), encoding="utf-8")
    return 0


def _load() -> str:
    try:
        return "/".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def run(n: int = 20_000, rounds: int = 3) -> str:
    from bench_redaction import _presidio_analyzer
    from ilmio.analyze import default_workers

    analyzer = _presidio_analyzer()
    if analyzer is None:
        return "presidio-analyzer is not installed: `pip install 'presidio-analyzer>=2.2'` (bench extra)."
    texts, distinct = corpus_texts(n)
    workers = default_workers()
    load_before = _load()
    started_all = time.perf_counter()
    ilmio_s: list[float] = []
    ilmio_cpu: list[float] = []
    pres_wall: list[float] = []
    pres_cpu: list[float] = []
    pres_proc: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-analyze-") as tmp:
        source = Path(tmp) / "in.jsonl"
        source.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                                  for i, t in enumerate(texts)), encoding="utf-8")  # fmt: skip
        for t in dict.fromkeys(texts):  # Presidio warm-up: every distinct text once
            analyzer.analyze(text=t, language="fi")
        _ilmio_process(source, Path(tmp) / "warm.jsonl", workers)  # page cache, .pyc files
        for _ in range(rounds):
            wall_s, cpu_s = _ilmio_process(source, Path(tmp) / "ilmio.jsonl", workers)
            ilmio_s.append(wall_s)
            ilmio_cpu.append(cpu_s)
            wall, cpu = time.perf_counter(), time.process_time()
            for t in texts:
                analyzer.analyze(text=t, language="fi")
            pres_wall.append(time.perf_counter() - wall)
            pres_cpu.append(time.process_time() - cpu)
            pres_proc.append(_presidio_process(source, Path(tmp) / "presidio.jsonl"))
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps({"text": texts[0]}, ensure_ascii=False) + "\n", encoding="utf-8")
        startup = min(_ilmio_process(one, Path(tmp) / "one.out", workers)[0] for _ in range(3))
    elapsed = time.perf_counter() - started_all

    def rate(seconds: list[float]) -> tuple[float, float]:
        return n / min(seconds), n / statistics.median(seconds)

    ours, strict, strict_cpu, whole = rate(ilmio_s), rate(pres_wall), rate(pres_cpu), rate(pres_proc)
    rows = [
        f"Same {n:,} texts ({distinct:,} distinct, the shipped corpora repeated) as JSON Lines; "
        f"{rounds} interleaved rounds; best (median) texts/s; {workers} cores available.",
        "",
        "| run | what is timed | texts/s best | (median) | ilmio ÷ this |",
        "|---|---|---:|---:|---:|",
        f"| `ilmio analyze --workers {workers}` (redaction + classification) | whole process, wall clock, start-up "
        f"included | {ours[0]:,.0f} | ({ours[1]:,.0f}) | 1.00× |",
        f"| Presidio analyzer, in-process (strict) | `analyze()` calls only, wall clock, one core | {strict[0]:,.0f} "
        f"| ({strict[1]:,.0f}) | {ours[0] / strict[0]:.2f}× |",
        f"| Presidio analyzer, in-process | the same, CPU time | {strict_cpu[0]:,.0f} | ({strict_cpu[1]:,.0f}) "
        f"| {ours[0] / strict_cpu[0]:.2f}× |",
        f"| Presidio, whole process | import, build, read, analyse, write JSON Lines | {whole[0]:,.0f} "
        f"| ({whole[1]:,.0f}) | {ours[0] / whole[0]:.2f}× |",
        "",
        f"Target (issue #11): `ilmio analyze` ≥ 3× Presidio in-process. Measured: "
        f"**{ours[0] / strict[0]:.2f}×** (best rounds; medians {ours[1] / strict[1]:.2f}×). "
        f"Presidio does pattern matching only (no names, addresses, birth dates, client numbers, no "
        f"classification).",
        "",
        f"`ilmio analyze` CPU per text (all its processes, start-up spread over the batch): "
        f"{min(ilmio_cpu) / n * 1000:.3f} ms; Presidio in-process: {min(pres_cpu) / n * 1000:.3f} ms.",
        "",
        EARLIER,
        "",
        f"What 3× would take here: {3 * strict[0]:,.0f} texts/s, i.e. these {n:,} texts in "
        f"{n / (3 * strict[0]):.2f} s of wall clock for the whole `ilmio analyze` process on {workers} cores, "
        f"start-up included (start-up alone: {startup:.2f} s wall for a one-line input).",
        "",
        f"_Measured {datetime.now():%Y-%m-%d %H:%M}, {elapsed:.0f} s, load average before {load_before}, "
        f"after {_load()}._",
    ]  # fmt: skip
    return "\n".join(rows)


def write(section: str) -> None:
    body = f"{BEGIN}\n## `ilmio analyze` vs Presidio (whole batch)\n\n{section}\n{END}"
    text = DOC.read_text(encoding="utf-8")
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + body + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + body + "\n"
    DOC.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--presidio-process"]:
        return presidio_process_main(args[1], args[2])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="replace the section in docs/performance.md")
    options = parser.parse_args(args)
    section = run(options.n, options.rounds)
    print(section)
    if options.write:
        write(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
