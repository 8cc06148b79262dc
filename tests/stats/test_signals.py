"""Emerging-signal detection: the planted rise is found, flat noise stays quiet."""

from __future__ import annotations

import numpy as np
import pytest

from ilmio.stats.signals import detect_emerging

MONTHS = 24
PHENOMENA = [f"p{i}" for i in range(10)]
AREAS = [f"{i:03d}" for i in range(20)]


def _noise(seed: int) -> dict[tuple[str, str], list[int]]:
    """20 municipalities × 10 phenomena of Poisson noise with county-wide seasonality."""
    rng = np.random.default_rng(seed)
    month = np.arange(MONTHS)
    out: dict[tuple[str, str], list[int]] = {}
    for p in PHENOMENA:
        phase = rng.uniform(0, 2 * np.pi)
        season = 1 + 0.35 * np.sin(2 * np.pi * month / 12 + phase)
        for a in AREAS:
            level = rng.uniform(0.5, 6.0)
            out[(p, a)] = rng.poisson(level * season).tolist()
    return out


def test_planted_rise_found_first() -> None:
    counts = _noise(7)
    rng = np.random.default_rng(99)
    planted = ("p3", "007")
    counts[planted] = (rng.poisson(2, MONTHS - 3).tolist() + rng.poisson(10, 3).tolist())
    signals = detect_emerging(counts)
    assert signals, "planted rise not detected"
    top = signals[0]
    assert (top.phenomenon, top.area) == planted
    assert top.ratio > 2 and top.observed >= 20 and top.p_value < 1e-6
    assert top.months == ("21", "22", "23")


def test_flat_noise_is_quiet() -> None:
    false_alerts = [len(detect_emerging(_noise(seed))) for seed in range(200)]
    assert np.mean(false_alerts) < 0.05, np.mean(false_alerts)


def test_county_wide_rise_does_not_flag_every_area() -> None:
    rng = np.random.default_rng(3)
    counts = {("asuminen", a): (rng.poisson(4, MONTHS - 3).tolist() + rng.poisson(9, 3).tolist())
              for a in AREAS}
    assert detect_emerging(counts) == []


def test_tiny_counts_never_alert() -> None:
    counts = {("asuminen", a): [0, 1] * 12 for a in AREAS}
    counts[("asuminen", "001")] = [0] * 21 + [1, 0, 1]  # 0 → 2: below min_count
    assert detect_emerging(counts) == []
    # … but a genuinely new phenomenon with enough reports does
    counts[("asuminen", "002")] = [0] * 21 + [3, 4, 5]
    sig = detect_emerging(counts)
    assert [(s.area, s.observed) for s in sig] == [("002", 12)]


def test_month_labels_and_validation() -> None:
    labels = [f"2024-{m:02d}" for m in range(1, 13)] + [f"2025-{m:02d}" for m in range(1, 13)]
    counts = {("a", "x"): [1] * 21 + [12, 15, 14], ("a", "y"): [2] * 24}
    (s,) = detect_emerging(counts, month_labels=labels)
    assert s.key == ("a", "x", "2025-12")
    with pytest.raises(ValueError):
        detect_emerging({("a", "x"): [1, 2], ("a", "y"): [1]})
    assert detect_emerging({}) == []
