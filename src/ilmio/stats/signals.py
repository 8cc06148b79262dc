"""Emerging-phenomenon signals from monthly social-report counts.

For every (phenomenon, area) cell the last ``recent_months`` are compared with the
cell's own ``baseline_months`` before them, adjusted by how the rest of the county
moved over the same windows (so a county-wide seasonal rise does not flag every
municipality):

    trend    = (county_recent + ½) / (county_baseline + ½) · baseline_months / recent_months
    p0       = recent_months·trend / (recent_months·trend + baseline_months)
    observed ~ Binomial(observed + baseline_count, p0)       under "no change"

This is the exact conditional test for comparing two Poisson rates: it needs no
estimate of the baseline rate, so a cell with a short or empty history is handled
honestly (a baseline of 0 gives ``p0**observed``).  Cells whose recent count is below
``min_count`` or whose observed/expected ratio is below ``min_ratio`` are never
alerted, and Benjamini–Hochberg (default) or Bonferroni across all tested cells keeps
pure noise quiet.  ``county`` is the leave-one-out sum of the other areas of the same
phenomenon unless ``county_totals`` is given (then the cell's own counts are
subtracted from it).

Counts here are *reports*, not persons; a coordinator confirms or dismisses each
:class:`Signal` (its ``key`` is stable for that).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

import numpy as np

__all__ = ["Signal", "detect_emerging"]

P = TypeVar("P", bound=Hashable)  # phenomenon key
A = TypeVar("A", bound=Hashable)  # area key


@dataclass(frozen=True, slots=True)
class Signal(Generic[P, A]):
    phenomenon: P
    area: A
    observed: int  # reports in the recent window
    expected: float  # expected reports in the recent window under "no change"
    ratio: float  # observed / expected
    p_value: float  # one-sided, unadjusted
    q_value: float  # adjusted for multiple testing
    months: tuple[str, ...]  # labels of the recent window

    @property
    def key(self) -> tuple[P, A, str]:
        """Stable identity for confirm/dismiss: phenomenon, area, last month."""
        return (self.phenomenon, self.area, self.months[-1] if self.months else "")


def _bh(p: np.ndarray) -> np.ndarray:
    n = p.size
    if n == 0:
        return p
    order = np.argsort(p, kind="stable")
    ranked = p[order] * n / np.arange(1, n + 1)
    q = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(n)
    out[order] = np.minimum(q, 1.0)
    return out


def detect_emerging(
    counts: Mapping[tuple[P, A], Sequence[float]],
    *,
    county_totals: Mapping[P, Sequence[float]] | None = None,
    recent_months: int = 3,
    baseline_months: int = 12,
    min_count: int = 5,
    alpha: float = 0.01,
    min_ratio: float = 1.5,
    correction: Literal["bh", "bonferroni"] = "bh",
    month_labels: Sequence[str] | None = None,
) -> list[Signal[P, A]]:
    """Signals for cells whose recent counts rose beyond their own and the county's
    history, strongest first (smallest p, then largest ratio).

    ``counts`` maps ``(phenomenon, area)`` to monthly counts, oldest → newest, all the
    same length (at least ``recent_months + 1``; the baseline is the up to
    ``baseline_months`` months before the recent window).
    """
    from scipy.stats import binom  # local: scipy import is slow

    if not counts:
        return []
    lengths = {len(v) for v in counts.values()}
    if len(lengths) != 1:
        raise ValueError("all series must have the same length")
    (length,) = lengths
    if recent_months < 1 or length < recent_months + 1:
        raise ValueError("series too short for the recent window")
    base_len = min(baseline_months, length - recent_months)
    labels = tuple(month_labels) if month_labels is not None else tuple(map(str, range(length)))
    if len(labels) != length:
        raise ValueError("month_labels must match the series length")
    window = labels[length - recent_months :]

    keys = list(counts)
    arr = np.array([counts[k] for k in keys], dtype=float)
    if (arr < 0).any():
        raise ValueError("counts must be non-negative")
    recent = arr[:, length - recent_months :].sum(axis=1)
    base = arr[:, length - recent_months - base_len : length - recent_months].sum(axis=1)

    # County reference per phenomenon, leaving the cell itself out.
    phen = [k[0] for k in keys]
    tot: dict[P, np.ndarray]
    if county_totals is not None:
        tot = {ph: np.asarray(v, dtype=float) for ph, v in county_totals.items()}
    else:
        tot = {}
        for ph, row in zip(phen, arr, strict=True):
            tot[ph] = tot.get(ph, 0.0) + row
    c_recent = np.array([tot[p][length - recent_months :].sum() for p in phen]) - recent
    c_base = (
        np.array([tot[p][length - recent_months - base_len : length - recent_months].sum()
                  for p in phen])
        - base
    )
    c_recent = np.maximum(c_recent, 0.0)
    c_base = np.maximum(c_base, 0.0)
    trend = (c_recent + 0.5) / (c_base + 0.5) * (base_len / recent_months)

    w_recent = recent_months * trend
    p0 = w_recent / (w_recent + base_len)
    n = recent + base
    # What a coordinator expects to see: the cell's baseline rate, moved by the county.
    expected_rate = np.where(base > 0, base / base_len * w_recent, 0.0)
    ratio = np.where(expected_rate > 0, recent / np.maximum(expected_rate, 1e-12), np.inf)
    testable = recent >= min_count
    p = np.ones(len(keys))
    idx = np.nonzero(testable)[0]
    if idx.size:
        # P(X >= observed) under H0
        p[idx] = binom.sf(recent[idx] - 1, n[idx], p0[idx])
    adj = np.ones(len(keys))
    if idx.size:
        adj[idx] = _bh(p[idx]) if correction == "bh" else np.minimum(p[idx] * idx.size, 1.0)

    out = [
        Signal(
            phenomenon=keys[i][0],
            area=keys[i][1],
            observed=int(recent[i]),
            expected=float(expected_rate[i]),
            ratio=float(ratio[i]),
            p_value=float(p[i]),
            q_value=float(adj[i]),
            months=window,
        )
        for i in idx
        if adj[i] <= alpha and ratio[i] >= min_ratio
    ]
    out.sort(key=lambda s: (s.p_value, -s.ratio, repr(s.phenomenon), repr(s.area)))
    return out
