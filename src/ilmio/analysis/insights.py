"""Read-side text analysis for triage: suggestions and similar reports.

The model is loaded once per process (``ilmio.text.get_default_model``); the similarity
index of a county is rebuilt only when its reports change.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max

from ilmio.reports.models import Report
from ilmio.taxonomy.models import Phenomenon, TargetGroup

_indexes: dict[int, tuple[tuple[int, Any], Any]] = {}
_lock = threading.Lock()


@dataclass
class ScoredTerm:
    term: Any
    score: float
    words: list[str]


# Frequent Swedish verb forms that the stemmer leaves looking like content words.
_SV_VERB_FORMS = frozenset([
    "gått", "fått", "sett", "gett", "gjort", "kommit", "varit", "blivit", "haft", "tagit", "sagt", "hoppas",
    "behöver", "berättar", "säger", "tycker", "vill", "orkar", "verkar",
])  # fmt: skip


def suggestion_words(text: str, language: str, lemmas: list[str], k: int = 5) -> list[str]:
    """The words people read for the model's explaining lemmas, in the model's order: as
    for themes (ilmio.text.themes.theme_terms) — Finnish: the dictionary noun the written
    forms support (no names, verbs, adverbs or adjectives); Swedish: a form written in the
    text (the indefinite one when the text has it), never the stem."""
    from ilmio.text.themes import (
        MIN_THEME_LETTERS,
        PROSE_STOPWORDS,
        _occurrences,
        _shown_fi,
        _shown_sv,
    )

    seen = _occurrences([text], language)[0]
    stop = PROSE_STOPWORDS.get(language, frozenset())
    out: list[str] = []
    for lemma in lemmas:
        entry = seen.get(lemma)
        if entry is None or entry.capitalised * 2 > entry.total:
            continue  # a compound part only, or written like a name
        shown = _shown_fi(lemma, entry) if language == "fi" else _shown_sv(entry)
        if language != "fi" and shown is not None and shown not in entry.forms:
            # A form the text does not contain ("närservic" from "närservicen"): show the
            # most common written form instead.
            shown = min(entry.forms.items(), key=lambda item: (-item[1], len(item[0]), item[0]))[0]
        if shown is None or len(shown) < MIN_THEME_LETTERS or shown in stop or lemma in stop or shown in out:
            continue
        if language == "sv" and (shown in _SV_VERB_FORMS or min(entry.forms) in _SV_VERB_FORMS):
            continue
        out.append(shown)
        if len(out) == k:
            break
    return out


def suggestions(report: Report, top: int = 3) -> dict[str, list[ScoredTerm]]:
    from ilmio.analysis.retraining import current_model

    model = current_model()
    text = f"{report.title}. {report.description}"
    result = model.suggest(text, report.language)
    phenomena = {p.code: p for p in Phenomenon.objects.all()}
    groups = {g.code: g for g in TargetGroup.objects.all()}

    def words(code: str) -> list[str]:
        return suggestion_words(text, result.lang, result.explain(code, k=20))

    return {
        "phenomena": [ScoredTerm(phenomena[s.code], s.score, words(s.code)) for s in result.phenomena[:top]
                      if s.code in phenomena],
        "target_groups": [ScoredTerm(groups[s.code], s.score, words(s.code)) for s in result.target_groups[:2]
                          if s.code in groups],
    }  # fmt: skip


def forget_county_index(county_id: int) -> None:
    """Drop this process's similarity index of the county (a corrected or erased report's
    words are in it); the next search rebuilds it from the stored texts."""
    with _lock:
        _indexes.pop(county_id, None)


def _county_index(county_id: int) -> Any:
    from ilmio.text import SimilarityIndex

    reports = Report.objects.filter(county_id=county_id)
    version = tuple(reports.aggregate(n=Count("pk"), last=Max("updated_at")).values())
    with _lock:
        cached = _indexes.get(county_id)
        if cached and cached[0] == version:
            return cached[1]
    docs = [(pk, f"{title}. {description}", language)
            for pk, title, description, language in reports.values_list("pk", "title", "description", "language")]  # fmt: skip
    index = SimilarityIndex.build(docs)
    with _lock:
        _indexes[county_id] = (version, index)
    return index


def similar_reports(report: Report, k: int = 5) -> list[tuple[Report, float, bool]]:
    index = _county_index(report.county_id)
    hits = index.most_similar(f"{report.title}. {report.description}", report.language, k=k, exclude_id=report.pk)
    by_id = Report.objects.in_bulk([hit.id for hit in hits])
    return [(by_id[hit.id], hit.score, hit.near_duplicate) for hit in hits if hit.id in by_id]
