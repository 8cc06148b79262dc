"""The ``ilmio analyze`` batch contract: JSON Lines in, one JSON object per line out.

Output per line: ``id``, ``redacted_text``, ``redactions`` ({start, end, type}, offsets into
the original text), ``phenomena`` and ``target_groups`` ({code, score}, all codes, best
first). The whole input is validated before anything is returned, so a malformed line
produces an error naming it and no partial output.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterable
from typing import Any

from ilmio.privacy import redact

LANGUAGES = {"fi", "sv", "en"}


class AnalyzeError(ValueError):
    pass


def parse_line(number: int, line: str) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise AnalyzeError(f"line {number}: not valid JSON ({error.msg})") from None
    if not isinstance(item, dict):
        raise AnalyzeError(f"line {number}: expected a JSON object")
    if not isinstance(item.get("text"), str):
        raise AnalyzeError(f"line {number}: \"text\" is missing or not a string")
    if "lang" in item and item["lang"] is not None and item["lang"] not in LANGUAGES:
        raise AnalyzeError(f"line {number}: \"lang\" must be one of fi, sv, en")
    if "id" in item and not isinstance(item["id"], str | int | float | type(None)):
        raise AnalyzeError(f"line {number}: \"id\" must be a string or a number")
    return item


def analyze_items(items: Iterable[dict[str, Any]], *, classify: bool = True) -> Iterable[dict[str, Any]]:
    model = None
    if classify:
        from ilmio.text import get_default_model
        from ilmio.text.taxonomy_codes import PHENOMENA

        model = get_default_model()
        n_p = len(PHENOMENA)
        codes = model.codes
    for item in items:
        text: str = item["text"]
        language = item.get("lang")
        result = redact(text, language)
        output: dict[str, Any] = {
            "id": item.get("id"),
            "redacted_text": result.text,
            "redactions": [{"start": r.start, "end": r.end, "type": r.type} for r in result.redactions],
        }
        if model is not None:
            # Classify the redacted text: that is what the system stores and learns from.
            # Same order and scores as model.suggest() (a stable sort, best first).
            scores = model.scores(result.text, language)[1].tolist()
            phen = sorted(range(n_p), key=lambda i: -scores[i])
            tgs = sorted(range(n_p, len(codes)), key=lambda i: -scores[i])
            output["phenomena"] = [{"code": codes[i], "score": round(scores[i], 4)} for i in phen]
            output["target_groups"] = [{"code": codes[i], "score": round(scores[i], 4)} for i in tgs]
        yield output


CHUNK_SIZE = 250
# The parsed batch, set before the worker processes fork: they read their chunks from
# their copy of it instead of receiving them pickled.
_batch: list[dict[str, Any]] = []


# json.dumps(o, ensure_ascii=False) builds a new encoder on every call; one is enough.
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _analyze_chunk(items: list[dict[str, Any]], classify: bool) -> list[str]:
    return [_encode(o) + "\n" for o in analyze_items(items, classify=classify)]


def _analyze_slice(job: tuple[int, int, bool]) -> list[str]:
    start, stop, classify = job
    return _analyze_chunk(_batch[start:stop], classify)


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def analyze_stream(lines: Iterable[str], *, classify: bool = True, workers: int = 1) -> list[str]:
    """Validate every line, then analyse; with ``workers`` > 1 the lines are split into
    chunks analysed by forked worker processes (the model loaded once, before the fork;
    Voikko opened lazily in each worker). The output is in input order and identical to a
    one-process run."""
    global _batch
    items = [parse_line(number, line) for number, line in enumerate(lines, start=1) if line.strip()]
    jobs = [(i, min(i + CHUNK_SIZE, len(items)), classify) for i in range(0, len(items), CHUNK_SIZE)]
    if workers <= 1 or len(jobs) <= 2 or "fork" not in multiprocessing.get_all_start_methods():
        return _analyze_chunk(items, classify)
    # This process analyses the first chunk itself: the model is loaded and the per-word
    # caches (Voikko's analyses, feature ids) are warm before the fork, so that the
    # workers share them copy-on-write instead of each rebuilding them.
    out = _analyze_chunk(items[: jobs[0][1]], classify)
    _batch = items
    try:
        with multiprocessing.get_context("fork").Pool(min(workers, len(jobs) - 1)) as pool:
            for lines_out in pool.imap(_analyze_slice, jobs[1:]):
                out.extend(lines_out)
    finally:
        _batch = []
    return out
