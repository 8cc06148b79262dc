"""Lazily loaded name and place lexicons (packaged data, read once per process)."""

from __future__ import annotations

import gzip
import threading
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class NameEntry:
    name: str
    first: int  # how many people bear it as a first name
    last: int  # ... as a surname
    common: bool  # also an ordinary Finnish word (voikko at build time)
    place: bool  # also a place name (voikko at build time)

    @property
    def count(self) -> int:
        return self.first + self.last


@dataclass(frozen=True, slots=True)
class Lexicon:
    names: dict[str, NameEntry]  # keyed by lower-cased name
    places: frozenset[str]  # lower-cased place names (postal areas + municipalities)
    municipalities: frozenset[str]  # lower-cased municipality and region names


_lock = threading.Lock()
_cache: Lexicon | None = None


def _load() -> Lexicon:
    names: dict[str, NameEntry] = {}
    with gzip.open(DATA_DIR / "names.tsv.gz", "rt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                continue
            name, first, last, flags = parts
            names[name.lower()] = NameEntry(name, int(first), int(last), "c" in flags, "p" in flags)
    with gzip.open(DATA_DIR / "places.txt.gz", "rt", encoding="utf-8") as fh:
        places = frozenset(line.strip().lower() for line in fh if line.strip())
    with gzip.open(DATA_DIR / "municipalities.txt.gz", "rt", encoding="utf-8") as fh:
        munis = frozenset(line.strip().lower() for line in fh if line.strip())
    return Lexicon(names, places | munis, munis)


def get_lexicon() -> Lexicon:
    global _cache
    if _cache is None:
        with _lock:
            if _cache is None:
                _cache = _load()
    return _cache
