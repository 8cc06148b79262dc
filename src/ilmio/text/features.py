"""Feature extraction shared by the classifier, similarity search and themes.

Two views of a report:
* *terms*: lemmas plus Finnish compound parts (language.terms) — generalise across
  inflection and compounding;
* *character n-grams* (3–5, inside word boundaries) of the lower-cased surface words —
  robust to typos, unknown words, slang and Swedish compounds.

The TF-IDF here is a small hand-written one (vocabulary dict + idf array) rather than a
pickled scikit-learn vectorizer, so that a saved model is plain arrays and never breaks
on a scikit-learn upgrade.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ilmio.text.language import detect_language, normalize_text, terms
from ilmio.text.lexicon import LEXICON_CODES, lexicon_codes
from ilmio.text.sections import focus_text
from ilmio.text.taxonomy_codes import LANGUAGES

if TYPE_CHECKING:
    import scipy.sparse as sp

_PLACEHOLDER_RE = re.compile(r"\[[A-ZÄÖÅ_]{2,}\]")
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
CHAR_MIN, CHAR_MAX = 3, 5


def resolve_lang(text: str, lang: str | None) -> str:
    return lang if lang in LANGUAGES else detect_language(text)


def surface_words(text: str) -> list[str]:
    """Lower-case letter runs of ``text`` (placeholders removed): the words whose
    character n-grams are features."""
    return _WORD_RE.findall(_PLACEHOLDER_RE.sub(" ", normalize_text(text)).lower())


def char_ngrams(text: str) -> list[str]:
    out: list[str] = []
    for word in surface_words(text):
        out.extend(_word_ngrams(word))
    return out


@lru_cache(maxsize=200_000)
def _word_ngrams(word: str) -> tuple[str, ...]:
    padded = f" {word[:40]} "
    n_chars = len(padded)
    return tuple(padded[i : i + n] for n in range(CHAR_MIN, CHAR_MAX + 1) for i in range(n_chars - n + 1))


class Tfidf:
    """Sublinear TF-IDF with smooth idf and l2 normalisation (same formula as sklearn)."""

    def __init__(self, vocabulary: dict[str, int] | None = None, idf: np.ndarray | None = None) -> None:
        self.vocabulary: dict[str, int] = vocabulary or {}
        self.idf: np.ndarray = idf if idf is not None else np.zeros(0, dtype=np.float32)

    def fit(self, docs: Sequence[Sequence[str]], min_df: int = 1, max_features: int | None = None) -> Tfidf:
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(set(doc))
        items = [(t, c) for t, c in df.items() if c >= min_df]
        if max_features is not None and len(items) > max_features:
            items = sorted(items, key=lambda tc: (-tc[1], tc[0]))[:max_features]
        items.sort()
        self.vocabulary = {t: i for i, (t, _) in enumerate(items)}
        n = len(docs)
        self.idf = np.array([math.log((1 + n) / (1 + c)) + 1.0 for _, c in items], dtype=np.float32)
        return self

    @property
    def terms(self) -> list[str]:
        out = [""] * len(self.vocabulary)
        for t, i in self.vocabulary.items():
            out[i] = t
        return out

    def transform_one(self, doc: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(indices, values) of one document: the per-report fast path (no scipy)."""
        vocab = self.vocabulary
        counts = Counter(vocab[t] for t in doc if t in vocab)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        vals = (1.0 + np.log(tf)) * self.idf[idx]
        vals /= np.linalg.norm(vals) or 1.0
        return idx, vals

    def transform(self, docs: Iterable[Sequence[str]]) -> sp.csr_matrix:
        import scipy.sparse as sp  # training and search only: inference does not need scipy

        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        vocab = self.vocabulary
        for doc in docs:
            counts = Counter(vocab[t] for t in doc if t in vocab)
            if counts:
                idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
                tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
                vals = (1.0 + np.log(tf)) * self.idf[idx]
                vals /= np.linalg.norm(vals) or 1.0
                indices.extend(idx.tolist())
                data.extend(vals.tolist())
            indptr.append(len(indices))
        return sp.csr_matrix(
            (np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
            shape=(len(indptr) - 1, len(vocab)),
        )


def lexicon_vector(
    text: str, language: str, term_list: Sequence[str], words: Sequence[str] | None = None
) -> np.ndarray:
    """log(1 + hits) per code of the seed lexicon (Finnish: lemmas and compound parts;
    Swedish: lower-case surface words, since the lexicon holds word prefixes)."""
    vec = np.zeros(len(LEXICON_CODES), dtype=np.float32)
    if language == "fi":
        candidates: Iterable[str] = term_list
    else:
        candidates = surface_words(text) if words is None else words
    for term in candidates:
        for i in lexicon_codes(term, language):
            vec[i] += 1.0
    return np.log1p(vec)


class ReportFeatures(NamedTuple):
    lang: str
    terms: list[str]
    chars: list[str]
    lexicon: np.ndarray


def report_features(text: str, lang: str | None = None) -> ReportFeatures:
    """Language, terms, character n-grams and lexicon hits of one report, as the classifier
    reads it (sections.focus_text: the observed phenomenon first, mail and contact noise out)."""
    text = focus_text(text)
    language = resolve_lang(text, lang)
    term_list = terms(text, language)
    return ReportFeatures(language, term_list, char_ngrams(text), lexicon_vector(text, language, term_list))

