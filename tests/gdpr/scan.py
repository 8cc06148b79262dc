"""Where a string still is after a correction: every table and media file (the no-leak
scanner of ``tests.quality``), every file under a data folder (saved models, exports), and
this process's similarity indexes."""

from __future__ import annotations

from pathlib import Path

from tests.quality.pii_scan import file_text, stored_text


def indexes_holding(needle: str) -> list[int]:
    """Counties whose in-process similarity index knows every word of ``needle`` (its
    vocabulary holds the lemmas of every indexed report)."""
    from ilmio.analysis import insights
    from ilmio.text.language import terms

    wanted = set(terms(needle))
    return [county_id for county_id, (_version, index) in insights._indexes.items()
            if wanted and wanted <= set(index._tfidf.vocabulary)]  # fmt: skip


def places_holding(needle: str, data_dir: Path | None = None) -> list[str]:
    folded = needle.casefold()
    places = [table for table, text in stored_text().items() if folded in text.casefold()]
    if data_dir is not None and data_dir.exists():
        places += [str(path) for path in sorted(data_dir.rglob("*"))
                   if path.is_file() and folded in file_text(path).casefold()]  # fmt: skip
    return places + [f"index:{county}" for county in indexes_holding(needle)]
