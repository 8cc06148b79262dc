"""``ilmio evaluate classifier``: held-out metrics of the phenomenon/target-group model."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ilmio.text.classifier import PhenomenonModel, get_default_model
from ilmio.text.corpus import read_jsonl, test_examples

TARGET_TOP1 = 0.85
TARGET_TOP3 = 0.97


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="ilmio evaluate classifier",
        description="Top-1 / top-3 accuracy and macro-F1 on a held-out set, overall and per language.",
    )
    parser.add_argument("--data", type=Path, help="JSONL with text, lang, phenomena, target_groups "
                        "(default: the held-out split of the shipped corpus; with a 'split' field only 'test' rows are used)")
    parser.add_argument("--model", type=Path, help="saved model (.npz); default: the shipped model")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--check", action="store_true",
                        help=f"exit 1 if phenomenon top-1 < {TARGET_TOP1} or top-3 < {TARGET_TOP3} in any language")
    args = parser.parse_args(argv)

    if args.data:
        records = list(read_jsonl(args.data))
        has_split = any(r.split == "test" for r in records)
        examples = [r.example for r in records if not has_split or r.split == "test"]
    else:
        examples = test_examples()
    model = PhenomenonModel.load(args.model) if args.model else get_default_model()
    result = model.evaluate(examples)
    if args.json:
        print(json.dumps(result.as_dict(), indent=2))
    else:
        print(f"Held-out evaluation ({len(examples)} reports)\n")
        print(result.to_markdown())
        print("\nTop-1: primary phenomenon ranked first (target groups: any gold group first). "
              "Macro-F1: thresholded multi-label.")
    subsets = [result.overall, *result.by_language.values()]
    ok = all(m.phenomena_top1 >= TARGET_TOP1 and m.phenomena_top3 >= TARGET_TOP3 for m in subsets)
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    raise SystemExit(main())
