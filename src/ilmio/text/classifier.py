"""Multi-label phenomenon and target-group suggestions.

Model: TF-IDF over lemmas + compound parts, TF-IDF over character 3–5-grams and 17
seed-lexicon counts (lexicon.py), concatenated; one class-balanced linear SVM per code
(one-vs-rest). Scores are sigmoid(2 × margin): monotone in the SVM margin, 0.5 at the
decision boundary — ranking scores, not calibrated probabilities. A report can score
high on several phenomena (primary + secondary). Training uses scikit-learn; the trained model is exported to plain numpy
arrays (vocabularies, idf, weights), so a saved model does not depend on the
scikit-learn version and inference is a sparse dot product.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ilmio.text.corpus import (
    DATA_DIR,
    LabelledText,
    as_examples,
    corpus_sha256,
    test_examples,
    train_examples,
)
from ilmio.text.features import (
    CHAR_MAX,
    CHAR_MIN,
    ReportFeatures,
    Tfidf,
    _word_ngrams,
    char_ngrams,
    report_features,
    surface_words,
)
from ilmio.text.language import (
    _PLACEHOLDER_RE,
    analyze,
    detect_language_tokens,
    raw_tokens,
    token_terms,
)
from ilmio.text.lexicon import LEXICON_CODES, lexicon_codes
from ilmio.text.sections import focus_text
from ilmio.text.taxonomy_codes import LANGUAGES, PHENOMENA, TARGET_GROUPS

if TYPE_CHECKING:
    import scipy.sparse as sp

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
DEFAULT_MODEL_PATH = DATA_DIR / "model.npz"
# Relative weight of the two feature blocks (each block is l2-normalised).
TERM_WEIGHT = 1.0
CHAR_WEIGHT = 0.8
LEXICON_WEIGHT = 0.3
# Chosen on the held-out split of the shipped corpus (C in 0.2–1 all within 1 point).
SVM_C = 0.5
MARGIN_SCALE = 2.0
DEFAULT_THRESHOLD = 0.5
CODES: tuple[str, ...] = PHENOMENA + TARGET_GROUPS


@dataclass(frozen=True, slots=True)
class Suggestion:
    code: str
    score: float


@dataclass
class Suggestions:
    phenomena: list[Suggestion]
    target_groups: list[Suggestion]
    lang: str
    _model: PhenomenonModel = field(repr=False)
    _text: str = field(repr=False)

    def explain(self, code: str, k: int = 5) -> list[str]:
        """Words (lemmas) of this text that pushed ``code``'s score up the most."""
        return self._model.explain(self._text, code, lang=self.lang, k=k)

    def labels(self, threshold: float | None = None) -> tuple[list[str], list[str]]:
        """Codes above threshold (the top phenomenon and target group always included)."""
        t_p = self._model.thresholds_for(PHENOMENA) if threshold is None else {c: threshold for c in PHENOMENA}
        t_t = self._model.thresholds_for(TARGET_GROUPS) if threshold is None else {c: threshold for c in TARGET_GROUPS}
        phen = [s.code for i, s in enumerate(self.phenomena) if i == 0 or s.score >= t_p[s.code]]
        tgs = [s.code for i, s in enumerate(self.target_groups) if i == 0 or s.score >= t_t[s.code]]
        return phen, tgs


@dataclass(frozen=True)
class Metrics:
    n: int
    phenomena_top1: float
    phenomena_top3: float
    phenomena_macro_f1: float
    target_groups_top1: float
    target_groups_top3: float
    target_groups_macro_f1: float


@dataclass(frozen=True)
class EvaluationResult:
    """Top-1: the primary phenomenon (first label) is ranked first; top-3: within the
    first three. For target groups (no primary), top-k counts a hit when any gold group
    is within the first k. Macro-F1 is over codes with gold support, using thresholded
    multi-label predictions (the top code always predicted)."""

    overall: Metrics
    by_language: dict[str, Metrics]

    def as_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return {"overall": asdict(self.overall), "by_language": {k: asdict(v) for k, v in self.by_language.items()}}

    def to_markdown(self) -> str:
        head = "| subset | n | phen top-1 | phen top-3 | phen macro-F1 | tg top-1 | tg top-3 | tg macro-F1 |"
        rows = [head, "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for name, m in [("all", self.overall), *sorted(self.by_language.items())]:
            rows.append(
                f"| {name} | {m.n} | {m.phenomena_top1:.3f} | {m.phenomena_top3:.3f} | "
                f"{m.phenomena_macro_f1:.3f} | {m.target_groups_top1:.3f} | "
                f"{m.target_groups_top3:.3f} | {m.target_groups_macro_f1:.3f} |"
            )
        return "\n".join(rows)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.minimum(np.maximum(z, -30.0), 30.0)))  # np.clip, without its wrapper's cost


class PhenomenonModel:
    """Trained suggestion model; immutable and safe to share between threads."""

    def __init__(
        self,
        term_tfidf: Tfidf,
        char_tfidf: Tfidf,
        weights: np.ndarray,
        intercepts: np.ndarray,
        thresholds: np.ndarray,
        meta: dict[str, Any],
    ) -> None:
        self.term_tfidf = term_tfidf
        self.char_tfidf = char_tfidf
        self.weights = np.ascontiguousarray(weights, dtype=np.float32)  # (n_features, n_codes)
        self.intercepts = intercepts.astype(np.float32)
        self.thresholds = thresholds.astype(np.float32)
        self.meta = meta
        self.codes = CODES
        self._n_terms = len(term_tfidf.vocabulary)
        self._term_list: list[str] | None = None
        # language -> token -> (feature ids, lexicon codes) of the token (_token_info).
        # Plain dicts: a lost race between threads only computes an entry twice.
        self._token_cache: dict[str, dict[str, tuple[tuple[int, ...], tuple[int, ...]]]] = {}
        self._idf_all = np.concatenate([term_tfidf.idf, char_tfidf.idf]).astype(np.float32)

    # -- inference -------------------------------------------------------------------

    def _row(self, f: ReportFeatures) -> tuple[np.ndarray, np.ndarray]:
        """Feature indices and values of one report (same layout as _design_matrix)."""
        ti, tv = self.term_tfidf.transform_one(f.terms)
        ci, cv = self.char_tfidf.transform_one(f.chars)
        li = np.flatnonzero(f.lexicon)
        offset = self._n_terms + len(self.char_tfidf.vocabulary)
        indices = np.concatenate([ti, ci + self._n_terms, li + offset])
        values = np.concatenate([tv * TERM_WEIGHT, cv * CHAR_WEIGHT, f.lexicon[li] * LEXICON_WEIGHT])
        return indices, values.astype(np.float32)

    def _token_info(self, token: str, language: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Feature ids of one token — its terms' ids, then the ids (offset past the terms)
        of the character n-grams of the surface words inside it — and its lexicon codes."""
        cache = self._token_cache.setdefault(language, {})
        info = cache.get(token)
        if info is None:
            found = token_terms(token, language)
            term_vocab, char_vocab = self.term_tfidf.vocabulary, self.char_tfidf.vocabulary
            offset = self._n_terms
            ids = [term_vocab[t] for t in found if t in term_vocab]
            words = [] if _PLACEHOLDER_RE.match(token) else surface_words(token)
            for word in words:
                ids.extend(char_vocab[g] + offset for g in _word_ngrams(word) if g in char_vocab)
            keys = found if language == "fi" else words
            lex = tuple(i for key in keys for i in lexicon_codes(key, language))
            if len(cache) > 500_000:
                cache.clear()  # bound the memory of a long-running process
            info = cache[token] = (tuple(ids), lex)
        return info

    def _fast_row(self, text: str, lang: str | None) -> tuple[str, tuple[np.ndarray, np.ndarray]]:
        """Language and the same row as ``_row(report_features(text, lang))`` (indices
        possibly in another order, values equal up to float32 rounding), from cached
        per-token feature ids instead of term and n-gram strings. The surface words of
        the character n-grams are exactly the words inside the tokens (placeholders and
        numbers have none), so one pass over the tokens gives both blocks."""
        text = focus_text(text)
        tokens = raw_tokens(text)
        language = lang if lang in LANGUAGES else detect_language_tokens(tokens, text)
        lexicon = [0] * len(LEXICON_CODES)
        ids: list[int] = []
        cache = self._token_cache.get(language, {})
        for token in tokens:
            info = cache.get(token) or self._token_info(token, language)
            ids.extend(info[0])
            for i in info[1]:
                lexicon[i] += 1
        counts = Counter(ids)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        vals = (1.0 + np.log(tf)) * self._idf_all[idx]
        is_term = idx < self._n_terms
        term_vals, char_vals = vals[is_term], vals[~is_term]
        vals[is_term] = term_vals * (TERM_WEIGHT / (np.linalg.norm(term_vals) or 1.0))
        vals[~is_term] = char_vals * (CHAR_WEIGHT / (np.linalg.norm(char_vals) or 1.0))
        if any(lexicon):
            lex = np.log1p(np.asarray(lexicon, dtype=np.float32))
            li = np.flatnonzero(lex)
            idx = np.concatenate([idx, li + (self._n_terms + len(self.char_tfidf.vocabulary))])
            vals = np.concatenate([vals, lex[li] * LEXICON_WEIGHT])
        return language, (idx, vals.astype(np.float32, copy=False))

    def scores(self, text: str, lang: str | None = None) -> tuple[str, np.ndarray]:
        """Language and the score of every code (CODES order): ``suggest`` without the
        Suggestion objects, for batch callers."""
        language, row = self._fast_row(text if isinstance(text, str) else str(text), lang)
        return language, self._scores(row)

    def _scores(self, row: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        indices, values = row
        margin = values @ self.weights[indices] if indices.size else np.zeros(len(CODES), np.float32)
        return _sigmoid(MARGIN_SCALE * (margin + self.intercepts))

    def suggest(self, text: str, lang: str | None = None) -> Suggestions:
        text = text if isinstance(text, str) else str(text)
        language, probs = self.scores(text, lang)
        return self._suggestions(text, language, probs)

    def suggest_reference(self, text: str, lang: str | None = None) -> Suggestions:
        """``suggest`` through the training-time feature path (n-gram strings): the
        reference the fast path is tested against."""
        f = report_features(text, lang)
        return self._suggestions(text, f.lang, self._scores(self._row(f)))

    def _suggestions(self, text: str, language: str, probs: np.ndarray) -> Suggestions:
        n_p = len(PHENOMENA)
        values = probs.tolist()
        phen = sorted((Suggestion(c, values[i]) for i, c in enumerate(PHENOMENA)), key=lambda s: -s.score)
        tgs = sorted(
            (Suggestion(c, values[n_p + i]) for i, c in enumerate(TARGET_GROUPS)), key=lambda s: -s.score
        )
        return Suggestions(phen, tgs, language, self, text)

    def thresholds_for(self, codes: Sequence[str]) -> dict[str, float]:
        return {c: float(self.thresholds[CODES.index(c)]) for c in codes}

    def explain(self, text: str, code: str, lang: str | None = None, k: int = 5) -> list[str]:
        """Lemmas whose features (term or character n-grams) contributed most to ``code``."""
        if code not in CODES:
            raise KeyError(f"unknown code {code!r}")
        j = CODES.index(code)
        f = report_features(text, lang)
        language = f.lang
        indices, values = self._row(f)
        contrib = values * self.weights[indices, j]
        if self._term_list is None:
            self._term_list = self.term_tfidf.terms
        n_chars = len(self.char_tfidf.vocabulary)
        scores: dict[str, float] = {}
        char_contrib: dict[int, float] = {}
        lex_contrib: dict[int, float] = {}
        for idx, value in zip(indices.tolist(), contrib.tolist(), strict=True):
            if idx < self._n_terms:
                term = self._term_list[idx]
                scores[term] = scores.get(term, 0.0) + value
            elif idx < self._n_terms + n_chars:
                char_contrib[idx - self._n_terms] = value
            else:
                lex_contrib[idx - self._n_terms - n_chars] = value
        # Character n-grams are credited to the words that contain them (by lemma).
        char_vocab = self.char_tfidf.vocabulary
        for tok in analyze(text, language):
            if tok.is_stopword or len(tok.lemma) < 2:
                continue
            total = 0.0
            for gram in set(char_ngrams(tok.surface)):
                gi = char_vocab.get(gram)
                if gi is not None:
                    total += char_contrib.get(gi, 0.0)
            # Lexicon features are credited to the words that matched the lexicon.
            keys = (tok.lemma, *tok.parts) if language == "fi" else (tok.surface.lower(),)
            for lex_index in {i for key in keys for i in lexicon_codes(key, language)}:
                total += lex_contrib.get(lex_index, 0.0)
            if total:
                scores[tok.lemma] = scores.get(tok.lemma, 0.0) + total
        ranked = sorted(((s, t) for t, s in scores.items() if s > 0), reverse=True)
        return [t for _, t in ranked[:k]]

    # -- evaluation ------------------------------------------------------------------

    def evaluate(self, examples: Iterable[LabelledText]) -> EvaluationResult:
        items = as_examples(examples)
        rows: list[tuple[str, LabelledText, Suggestions]] = []
        for ex in items:
            s = self.suggest(ex.text, ex.lang)
            rows.append((ex.lang or s.lang, ex, s))
        by_lang = {lg: _metrics([r for r in rows if r[0] == lg]) for lg in sorted({r[0] for r in rows})}
        return EvaluationResult(overall=_metrics(rows), by_language=by_lang)

    # -- persistence -----------------------------------------------------------------

    def save(self, path: str | Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            np.savez_compressed(
                fh,
                meta=np.array(json.dumps(self.meta)),
                term_vocab=np.array(self.term_tfidf.terms),
                term_idf=self.term_tfidf.idf,
                char_vocab=np.array(self.char_tfidf.terms),
                char_idf=self.char_tfidf.idf,
                weights=self.weights.astype(np.float16),
                intercepts=self.intercepts,
                thresholds=self.thresholds,
            )

    @classmethod
    def load(cls, path: str | Path) -> PhenomenonModel:
        with np.load(Path(path), allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            if meta.get("format_version") != FORMAT_VERSION:
                raise ValueError(f"model format {meta.get('format_version')} != {FORMAT_VERSION}")
            term_vocab = {str(t): i for i, t in enumerate(z["term_vocab"])}
            char_vocab = {str(t): i for i, t in enumerate(z["char_vocab"])}
            return cls(
                Tfidf(term_vocab, z["term_idf"].astype(np.float32)),
                Tfidf(char_vocab, z["char_idf"].astype(np.float32)),
                z["weights"].astype(np.float32),
                z["intercepts"],
                z["thresholds"],
                meta,
            )


def _macro_f1(gold: list[set[str]], pred: list[set[str]], codes: Sequence[str]) -> float:
    f1s: list[float] = []
    for c in codes:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if c in g and c in p)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if c in g and c not in p)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if c not in g and c in p)
        if tp + fn == 0:
            continue  # no support in this subset: F1 undefined, leave out of the mean
        f1s.append(2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f1s)) if f1s else 0.0


def _metrics(rows: Sequence[tuple[str, LabelledText, Suggestions]]) -> Metrics:
    n = len(rows)
    if n == 0:
        return Metrics(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    p1 = p3 = t1 = t3 = 0
    gold_p: list[set[str]] = []
    pred_p: list[set[str]] = []
    gold_t: list[set[str]] = []
    pred_t: list[set[str]] = []
    for _, ex, s in rows:
        ranked_p = [x.code for x in s.phenomena]
        ranked_t = [x.code for x in s.target_groups]
        if ex.phenomena:
            p1 += ranked_p[0] == ex.phenomena[0]
            p3 += ex.phenomena[0] in ranked_p[:3]
        if ex.target_groups:
            t1 += ranked_t[0] in ex.target_groups
            t3 += any(c in ex.target_groups for c in ranked_t[:3])
        lp, lt = s.labels()
        gold_p.append(set(ex.phenomena))
        pred_p.append(set(lp))
        gold_t.append(set(ex.target_groups))
        pred_t.append(set(lt))
    n_p = sum(1 for _, ex, _ in rows if ex.phenomena) or 1
    n_t = sum(1 for _, ex, _ in rows if ex.target_groups) or 1
    return Metrics(
        n=n,
        phenomena_top1=p1 / n_p,
        phenomena_top3=p3 / n_p,
        phenomena_macro_f1=_macro_f1(gold_p, pred_p, PHENOMENA),
        target_groups_top1=t1 / n_t,
        target_groups_top3=t3 / n_t,
        target_groups_macro_f1=_macro_f1(gold_t, pred_t, TARGET_GROUPS),
    )


# --- training -----------------------------------------------------------------------


def _design_matrix(feats: Sequence[ReportFeatures], term_tfidf: Tfidf, char_tfidf: Tfidf) -> sp.csr_matrix:
    import scipy.sparse as sp

    lex = sp.csr_matrix(np.vstack([f.lexicon for f in feats]))
    return sp.hstack(
        [
            term_tfidf.transform([f.terms for f in feats]) * TERM_WEIGHT,
            char_tfidf.transform([f.chars for f in feats]) * CHAR_WEIGHT,
            lex * LEXICON_WEIGHT,
        ],
        format="csr",
    )


def _label_matrix(examples: Sequence[LabelledText]) -> np.ndarray:
    y = np.zeros((len(examples), len(CODES)), dtype=np.int8)
    for i, ex in enumerate(examples):
        for c in (*ex.phenomena, *ex.target_groups):
            y[i, CODES.index(c)] = 1
    return y


def train_model(
    examples: Iterable[LabelledText],
    sample_weight: Sequence[float] | None = None,
    *,
    meta: dict[str, Any] | None = None,
) -> PhenomenonModel:
    """Train a model from labelled examples (LabelledText or dicts with the same keys)."""
    import sklearn
    from sklearn.svm import LinearSVC

    started = time.perf_counter()
    items = as_examples(examples)
    if not items:
        raise ValueError("no training examples")
    feats = [report_features(ex.text, ex.lang) for ex in items]
    term_tfidf = Tfidf().fit([f.terms for f in feats], min_df=1)
    char_tfidf = Tfidf().fit([f.chars for f in feats], min_df=2, max_features=60_000)
    x = _design_matrix(feats, term_tfidf, char_tfidf).astype(np.float64)
    y = _label_matrix(items)
    weights = np.zeros((x.shape[1], len(CODES)), dtype=np.float32)
    intercepts = np.zeros(len(CODES), dtype=np.float32)
    sw = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    for j in range(len(CODES)):
        col = y[:, j]
        if col.min() == col.max():
            # A code with no (or only) positive examples: constant low (high) score.
            intercepts[j] = 2.0 if col[0] else -2.0
            continue
        clf = LinearSVC(C=SVM_C, class_weight="balanced", max_iter=5000)
        clf.fit(x, col, sample_weight=sw)
        weights[:, j] = clf.coef_.ravel()
        intercepts[j] = clf.intercept_[0]
    thresholds = np.full(len(CODES), DEFAULT_THRESHOLD, dtype=np.float32)
    info = {
        "format_version": FORMAT_VERSION,
        "sklearn_version": sklearn.__version__,
        "n_examples": len(items),
        "n_term_features": len(term_tfidf.vocabulary),
        "n_char_features": len(char_tfidf.vocabulary),
        "char_ngrams": [CHAR_MIN, CHAR_MAX],
        "trained_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "train_seconds": round(time.perf_counter() - started, 2),
        **(meta or {}),
    }
    return PhenomenonModel(term_tfidf, char_tfidf, weights, intercepts, thresholds, info)


def feature_code_sha256() -> str:
    """Hash of the code that turns text into features: a saved model is only valid with
    the same tokenising, lemmatising, lexicon and weighting it was trained with."""
    import hashlib

    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ("language.py", "features.py", "lexicon.py", "sections.py", "classifier.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def train_shipped_model() -> PhenomenonModel:
    """The default model: trained on the train split of the shipped corpus."""
    return train_model(
        train_examples(),
        meta={
            "corpus_sha256": corpus_sha256(),
            "feature_code_sha256": feature_code_sha256(),
            "source": "shipped corpus train split",
        },
    )


_default_lock = threading.Lock()
_default_model: PhenomenonModel | None = None


def load_or_train_default(path: Path = DEFAULT_MODEL_PATH) -> PhenomenonModel:
    """Load the shipped artifact; retrain from the shipped corpus if it is missing,
    unreadable, of another format, or built from a different corpus."""
    try:
        model = PhenomenonModel.load(path)
        if model.meta.get("corpus_sha256") != corpus_sha256():
            raise ValueError("model artifact was trained on a different corpus")
        if model.meta.get("feature_code_sha256") != feature_code_sha256():
            raise ValueError("model artifact was built by different feature code")
        return model
    except (OSError, ValueError, KeyError) as exc:
        log.warning("text model: retraining from the shipped corpus (%s)", exc)
        return train_shipped_model()


def get_default_model() -> PhenomenonModel:
    """The shipped model, loaded (or trained) once per process; thread-safe."""
    global _default_model
    model = _default_model
    if model is not None:
        return model
    with _default_lock:
        if _default_model is None:
            _default_model = load_or_train_default()
        return _default_model


def retrain(
    extra_examples: Iterable[LabelledText], extra_weight: float = 2.0
) -> tuple[PhenomenonModel, EvaluationResult, EvaluationResult]:
    """Train on the shipped train split plus coordinator-confirmed examples.

    Confirmed examples are real reports, so they weigh ``extra_weight`` times a synthetic
    one. Returns (new model, held-out evaluation before, held-out evaluation after); the
    caller decides whether to save/activate the new model.
    """
    extra = as_examples(extra_examples)
    held_out = test_examples()
    before = get_default_model().evaluate(held_out)
    base = train_examples()
    model = train_model(
        [*base, *extra],
        sample_weight=[1.0] * len(base) + [extra_weight] * len(extra),
        meta={"corpus_sha256": corpus_sha256(), "source": "shipped train split + confirmed", "n_extra": len(extra)},
    )
    after = model.evaluate(held_out)
    return model, before, after


def main() -> int:
    """Rebuild the shipped artifact: ``python -m ilmio.text.classifier``."""
    model = train_shipped_model()
    model.save(DEFAULT_MODEL_PATH)
    print(f"saved {DEFAULT_MODEL_PATH} ({DEFAULT_MODEL_PATH.stat().st_size} bytes)")
    print(model.evaluate(test_examples()).to_markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
