"""The ``ilmio analyze`` batch contract: JSON Lines in, one JSON object per line out.

Output per line: ``id``, ``redacted_text``, ``redactions`` ({start, end, type}, offsets into
the original text), ``phenomena`` and ``target_groups`` ({code, score}, all codes, best
first). The whole input is validated before anything is returned, so a malformed line
produces an error naming it and no partial output.
"""

from __future__ import annotations

import json
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

        model = get_default_model()
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
            suggestions = model.suggest(result.text, language)
            output["phenomena"] = [{"code": s.code, "score": round(s.score, 4)} for s in suggestions.phenomena]
            output["target_groups"] = [{"code": s.code, "score": round(s.score, 4)} for s in suggestions.target_groups]
        yield output


def analyze_stream(lines: Iterable[str], *, classify: bool = True) -> list[str]:
    items = [parse_line(number, line) for number, line in enumerate(lines, start=1) if line.strip()]
    return [json.dumps(o, ensure_ascii=False) + "\n" for o in analyze_items(items, classify=classify)]
