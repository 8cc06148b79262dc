"""Pure-Python text core of Ilmiö (no Django): language processing, phenomenon and
target-group suggestions, similar-report search, keywords and themes.

Heavy parts (Voikko, the model) load lazily on first use.
"""

from __future__ import annotations

from ilmio.text.classifier import (
    EvaluationResult,
    Metrics,
    PhenomenonModel,
    Suggestion,
    Suggestions,
    get_default_model,
    retrain,
    train_model,
)
from ilmio.text.corpus import LabelledText
from ilmio.text.language import VoikkoUnavailableError, detect_language
from ilmio.text.similarity import SimilarityIndex, SimilarReport
from ilmio.text.taxonomy_codes import PHENOMENA, TARGET_GROUPS
from ilmio.text.themes import Keyword, Theme, keywords, themes

__all__ = [
    "PHENOMENA",
    "TARGET_GROUPS",
    "EvaluationResult",
    "Keyword",
    "LabelledText",
    "Metrics",
    "PhenomenonModel",
    "SimilarReport",
    "SimilarityIndex",
    "Suggestion",
    "Suggestions",
    "Theme",
    "VoikkoUnavailableError",
    "detect_language",
    "get_default_model",
    "keywords",
    "retrain",
    "themes",
    "train_model",
]
