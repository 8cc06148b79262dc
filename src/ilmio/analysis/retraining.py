"""Coordinators' confirmed classifications as training data for the suggestion model.

The retrained model is saved in the data directory and becomes the one the web process
uses (it is reloaded when the file changes); the shipped model stays as the fallback.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ilmio.reports.classification import current_model, model_path
from ilmio.reports.models import Report

if TYPE_CHECKING:
    from ilmio.text import EvaluationResult, LabelledText

__all__ = ["current_model", "model_path", "retrain_from_decisions"]

def confirmed_examples() -> list[LabelledText]:
    from ilmio.text import LabelledText

    examples = []
    reports = (Report.objects.exclude(classification_confirmed_at=None).exclude(primary_phenomenon=None)
               .select_related("primary_phenomenon").prefetch_related("phenomena", "target_groups"))  # fmt: skip
    for report in reports:
        if report.primary_phenomenon is None:  # excluded by the query already
            continue
        primary = report.primary_phenomenon.code
        others = [p.code for p in report.phenomena.all() if p.code != primary]
        examples.append(LabelledText(f"{report.title}. {report.description}", report.language,
                                     [primary, *others], [t.code for t in report.target_groups.all()]))  # fmt: skip
    return examples


@dataclass
class RetrainResult:
    examples: int
    before: EvaluationResult
    after: EvaluationResult
    before_confirmed: EvaluationResult | None
    after_confirmed: EvaluationResult | None
    saved_to: Path | None

    def format(self) -> str:
        def line(name: str, result: EvaluationResult) -> str:
            overall = result.overall
            return (f"  {name:<34} n {overall.n:>4}  top-1 {overall.phenomena_top1:.3f}  "
                    f"top-3 {overall.phenomena_top3:.3f}  macro-F1 {overall.phenomena_macro_f1:.3f}")  # fmt: skip

        lines = [f"Confirmed classifications used: {self.examples}",
                 line("held-out corpus, before", self.before), line("held-out corpus, after", self.after)]  # fmt: skip
        if self.before_confirmed is not None and self.after_confirmed is not None:
            lines += [line("held-out confirmed reports, before", self.before_confirmed),
                      line("held-out confirmed reports, after", self.after_confirmed)]  # fmt: skip
        lines.append(f"Activated: {self.saved_to}" if self.saved_to else "Not activated (use --activate).")
        return "\n".join(lines)


def retrain_from_decisions(*, activate: bool = False, seed: int = 0) -> RetrainResult:
    """Retrain on the shipped corpus + 80 % of confirmed reports; report before/after on
    the shipped held-out split and on the other 20 % of confirmed reports."""
    from ilmio.text import retrain

    examples = confirmed_examples()
    random.Random(seed).shuffle(examples)
    cut = len(examples) // 5
    held_confirmed, train_confirmed = examples[:cut], examples[cut:]
    previous = current_model()
    model, before, after = retrain(train_confirmed)
    before_confirmed = previous.evaluate(held_confirmed) if held_confirmed else None
    after_confirmed = model.evaluate(held_confirmed) if held_confirmed else None
    saved = None
    if activate:
        path = model_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        model.save(path)
        saved = path
    return RetrainResult(len(examples), before, after, before_confirmed, after_confirmed, saved)
