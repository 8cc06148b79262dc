"""Lazily loaded name and place lexicons (packaged data, read once per process)."""

from __future__ import annotations

import gzip
import re
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
    kind: str = ""  # hand-added names: "s" Sámi, "u" Ukrainian, "n" nickname

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
_by_length: dict[int, str] | None = None


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
    # Names too rare in the DVV data (fewer than five bearers are not published) that
    # people in Finland do bear: Sámi names (also without their Sámi letters), Ukrainian
    # names, nicknames. Hand-compiled; a DVV entry always wins.
    with (DATA_DIR / "names_extra.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(parts) != 4:
                continue
            name, first, last, kind = parts
            names.setdefault(name.lower(), NameEntry(name, int(first), int(last), False, False, kind))
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


def wildcard_name(pattern: str) -> NameEntry | None:
    """The most frequent lexicon name that ``pattern`` matches, "ʔ" standing for one letter
    a system could not print ("mʔret" → Máret)."""
    global _by_length
    names = get_lexicon().names
    if _by_length is None:
        grouped: dict[int, list[str]] = {}
        for key in names:
            grouped.setdefault(len(key), []).append(key)
        _by_length = {n: "\n".join(keys) for n, keys in grouped.items()}
    pool = _by_length.get(len(pattern))
    if pool is None:
        return None
    regex = re.compile("^" + "".join("[^\\W\\d_]" if ch == "ʔ" else re.escape(ch) for ch in pattern) + "$",
                       re.MULTILINE)
    best: NameEntry | None = None
    for m in regex.finditer(pool):
        entry = names[m.group(0)]
        if best is None or entry.count > best.count:
            best = entry
    return best
