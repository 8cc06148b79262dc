"""Build the compact lexicon files in ``ilmio/privacy/data`` from the shared reference data.

Run once by a developer (``python -m ilmio_demo.corpora.privacy_lexicon [SHARED_DATA_DIR]``); the
outputs are committed, so the product never reads ``shared/`` at run time.

libvoikko (with its Finnish dictionary) is used when available to flag names that are
also ordinary Finnish words ("onni", "toivo", "laine") or place names; without it the
flags fall back to a small hand-written list, which is less complete.
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path
from typing import Protocol

DATA_DIR = Path(__file__).resolve().parents[2] / "ilmio" / "privacy" / "data"
DEFAULT_SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"

# Voikko word classes that mean "a proper name"; anything else means "ordinary word".
_PROPER_CLASSES = {"etunimi", "sukunimi", "paikannimi", "nimi"}


class _Analyser(Protocol):
    """The part of ``libvoikko.Voikko`` used here (libvoikko ships no type hints)."""

    def analyze(self, word: str) -> list[dict[str, str]]: ...


def _voikko() -> _Analyser | None:
    try:
        import libvoikko

        voikko: _Analyser = libvoikko.Voikko("fi")
        return voikko
    except Exception:  # noqa: BLE001 - any failure just means "no dictionary here"
        return None


def _word_flags(voikko: _Analyser | None, word: str) -> str:
    """Return 'c' if the lower-cased word is an ordinary Finnish word, 'p' if a place name."""
    if voikko is None:
        return ""
    classes = {a.get("CLASS", "") for a in voikko.analyze(word.lower())}
    flags = ""
    if classes - _PROPER_CLASSES - {""}:
        flags += "c"
    if "paikannimi" in classes:
        flags += "p"
    return flags


def build_names(shared: Path, voikko: _Analyser | None) -> int:
    first: dict[str, int] = defaultdict(int)
    last: dict[str, int] = defaultdict(int)
    with (shared / "finnish_names_dvv_2016.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = row["name"].strip()
            if len(name) < 2 or not name[0].isupper():
                continue
            target = first if row["type"] == "first" else last
            target[name] += int(row["count"])
    rows = []
    for name in sorted(set(first) | set(last)):
        rows.append(f"{name}\t{first.get(name, 0)}\t{last.get(name, 0)}\t{_word_flags(voikko, name)}")
    with gzip.open(DATA_DIR / "names.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("name\tfirst\tlast\tflags\n")
        out.write("\n".join(rows) + "\n")
    return len(rows)


def _split_place(name: str) -> list[str]:
    # Postal areas are like "Helsinki Keskusta - Etu-Töölö": keep each part and each word.
    parts: list[str] = []
    for chunk in name.replace("/", " - ").split(" - "):
        chunk = chunk.strip()
        if not chunk:
            continue
        parts.append(chunk)
        parts.extend(w for w in chunk.split() if len(w) > 2)
    return parts


def build_places(shared: Path) -> int:
    places: set[str] = set()
    munis: set[str] = set()
    with (shared / "municipalities_2025.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for key in ("municipality_name_fi", "municipality_name_sv", "municipality_name_en",
                        "region_name_fi"):
                munis.update(_split_place(row.get(key, "") or ""))
    with gzip.open(DATA_DIR / "municipalities.txt.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(sorted(munis)) + "\n")
    with (shared / "postal_codes_2020.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for key in ("name_fi", "name_sv"):
                places.update(_split_place(row.get(key, "") or ""))
    places = {p for p in places if p and p[0].isupper()}
    with gzip.open(DATA_DIR / "places.txt.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(sorted(places)) + "\n")
    return len(places)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    shared = Path(args[0]) if args else DEFAULT_SHARED
    voikko = _voikko()
    if voikko is None:
        print("warning: libvoikko Finnish dictionary not available; ordinary-word flags are empty")
    n_names = build_names(shared, voikko)
    n_places = build_places(shared)
    print(f"wrote {n_names} names and {n_places} place names to {DATA_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
