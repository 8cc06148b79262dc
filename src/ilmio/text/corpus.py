"""Labelled examples and the shipped corpus (``data/corpus.jsonl``)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Required, TypedDict

from ilmio.text.taxonomy_codes import PHENOMENA, TARGET_GROUPS

DATA_DIR = Path(__file__).parent / "data"
CORPUS_PATH = DATA_DIR / "corpus.jsonl"
# The second corpus (issue #11): other writing styles, other hands, evaluation only.
STYLES_CORPUS_PATH = DATA_DIR / "corpus_styles.jsonl"


@dataclass(frozen=True)
class LabelledText:
    """One labelled report. ``phenomena[0]`` is the primary phenomenon."""

    text: str
    lang: str | None = None
    phenomena: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        bad = [c for c in self.phenomena if c not in PHENOMENA]
        bad += [c for c in self.target_groups if c not in TARGET_GROUPS]
        if bad:
            raise ValueError(f"unknown taxonomy code(s): {bad}")


class LabelledTextDict(TypedDict, total=False):
    """A labelled example as a plain dict (as stored by the Django side)."""

    text: Required[str]
    lang: str | None
    phenomena: list[str]
    target_groups: list[str]


@dataclass(frozen=True)
class CorpusRecord:
    id: str
    split: str
    style: str
    example: LabelledText


def read_jsonl(path: Path) -> Iterator[CorpusRecord]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            item = json.loads(line)
            yield CorpusRecord(
                id=str(item["id"]),
                split=item.get("split", "train"),
                style=item.get("style", ""),
                example=LabelledText(
                    text=item["text"],
                    lang=item.get("lang"),
                    phenomena=list(item.get("phenomena", [])),
                    target_groups=list(item.get("target_groups", [])),
                ),
            )


@lru_cache(maxsize=1)
def load_corpus() -> tuple[CorpusRecord, ...]:
    return tuple(read_jsonl(CORPUS_PATH))


def corpus_sha256() -> str:
    return hashlib.sha256(CORPUS_PATH.read_bytes()).hexdigest()


def train_examples() -> list[LabelledText]:
    return [r.example for r in load_corpus() if r.split == "train"]


def test_examples() -> list[LabelledText]:
    return [r.example for r in load_corpus() if r.split == "test"]


def styles_examples() -> list[LabelledText]:
    """The second corpus (long forms, dictation, spoken, dialect, forwarded mail, mixed): never trained on."""
    return [r.example for r in read_jsonl(STYLES_CORPUS_PATH)]


def as_examples(items: Iterable[LabelledText | LabelledTextDict]) -> list[LabelledText]:
    """Accept LabelledText objects or plain dicts (as stored by the Django side)."""
    out: list[LabelledText] = []
    for item in items:
        if isinstance(item, LabelledText):
            out.append(item)
        else:
            out.append(
                LabelledText(
                    text=str(item["text"]),
                    lang=item.get("lang") if isinstance(item.get("lang"), str) else None,
                    phenomena=list(item.get("phenomena", [])),
                    target_groups=list(item.get("target_groups", [])),
                )
            )
    return out
