"""Keywords and themes of a subset of reports (phenomenon × area × period).

``keywords`` ranks lemmas by the weighted log-odds ratio with an informative Dirichlet
prior (Monroe, Colaresi & Quinn 2008) of the subset against a background. Unlike raw
frequency it does not surface words common everywhere ("asiakas", "palvelu"), and
unlike plain log-odds it does not over-rank rare words: the z-score shrinks estimates
for words seen once or twice. Without a background the shipped corpus is used.

``themes`` groups a subset into a few clusters with NMF over TF-IDF of lemmas and labels
each with its top terms (nice-to-have; needs ≥ 2 × n_themes reports).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ilmio.text.features import Tfidf, resolve_lang
from ilmio.text.language import lemmas

PRIOR_STRENGTH = 500.0  # α0: total pseudo-count of the prior, spread by background frequency


@dataclass(frozen=True, slots=True)
class Keyword:
    term: str
    score: float
    count: int


@dataclass(frozen=True)
class Theme:
    label: str
    terms: list[str]
    size: int
    doc_indices: list[int]


def _keep(term: str) -> bool:
    return len(term) >= 3 and not any(ch.isdigit() for ch in term)


def _counts(texts: Sequence[str], lang: str | None) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(t for t in lemmas(text, resolve_lang(text, lang)) if _keep(t))
    return counts


def _default_background(lang: str | None) -> list[str]:
    from ilmio.text.corpus import load_corpus

    return [r.example.text for r in load_corpus() if lang is None or r.example.lang == lang]


def keywords(
    texts: Sequence[str],
    background: Sequence[str] | None = None,
    lang: str | None = None,
    k: int = 10,
    min_count: int = 2,
) -> list[Keyword]:
    """Distinctive lemmas of ``texts`` against ``background`` (highest z-score first)."""
    subset = _counts(texts, lang)
    if not subset:
        return []
    back = _counts(background if background is not None else _default_background(lang), lang)
    pooled = subset + back
    total_pooled = sum(pooled.values())
    n_sub = sum(subset.values())
    n_back = sum(back.values())
    # Words seen once are kept only for tiny subsets, where nothing else is there.
    threshold = min_count if len(texts) >= 5 else 1
    out: list[Keyword] = []
    for term, y_i in subset.items():
        if y_i < threshold:
            continue
        alpha_w = PRIOR_STRENGTH * pooled[term] / total_pooled
        y_j = back.get(term, 0)
        delta = math.log((y_i + alpha_w) / (n_sub + PRIOR_STRENGTH - y_i - alpha_w)) - math.log(
            (y_j + alpha_w) / (n_back + PRIOR_STRENGTH - y_j - alpha_w)
        )
        variance = 1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w)
        out.append(Keyword(term, round(delta / math.sqrt(variance), 4), y_i))
    out.sort(key=lambda kw: (-kw.score, kw.term))
    return [kw for kw in out if kw.score > 0][:k]


def themes(texts: Sequence[str], n_themes: int = 4, lang: str | None = None, terms_per_theme: int = 5) -> list[Theme]:
    """Cluster ``texts`` into up to ``n_themes`` themes labelled by their top lemmas."""
    from sklearn.decomposition import NMF

    docs = [[t for t in lemmas(text, resolve_lang(text, lang)) if _keep(t)] for text in texts]
    if len(docs) < 2 * n_themes:
        n_themes = max(1, len(docs) // 2)
    if not docs or n_themes < 1:
        return []
    tfidf = Tfidf().fit(docs, min_df=2 if len(docs) >= 20 else 1)
    if not tfidf.vocabulary:
        return []
    x = tfidf.transform(docs).astype(np.float64)
    n_themes = min(n_themes, x.shape[1])
    nmf = NMF(n_components=n_themes, init="nndsvda", random_state=0, max_iter=400)
    doc_topic = nmf.fit_transform(x)
    vocab = tfidf.terms
    assignment = doc_topic.argmax(axis=1)
    out: list[Theme] = []
    for t in range(n_themes):
        top = [vocab[i] for i in np.argsort(-nmf.components_[t])[:terms_per_theme]]
        members = [int(i) for i in np.flatnonzero(assignment == t) if doc_topic[i, t] > 0]
        if members:
            out.append(Theme(label=", ".join(top[:3]), terms=top, size=len(members), doc_indices=members))
    out.sort(key=lambda th: -th.size)
    return out
