"""Evaluate the redaction engine on labelled corpora (JSONL).

Two corpora ship with the engine, written independently of each other: ``synthetic``
(ilmio_demo.corpora.privacy: formal, hurried, list and Swedish notes) and ``styles``
(ilmio_demo.corpora.privacy_styles: long forms, dictation, spoken Finnish, Finland-Swedish
dialect, forwarded e-mails, an attacker's text, every name kind, must-keep traps). Both are
evaluated by default; precision and recall are reported per type.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Required, TypedDict

from .core import PII_TYPES, Redaction
from .engine import redact

DEFAULT_CORPUS = Path(__file__).parent / "data" / "eval_corpus.jsonl"
STYLES_CORPUS = Path(__file__).parent / "data" / "eval_corpus_styles.jsonl"
CORPORA: dict[str, Path] = {"synthetic": DEFAULT_CORPUS, "styles": STYLES_CORPUS}

TARGET_OVERALL = 0.98
# Per-type recall floors (issue #11): every identity code, phone, e-mail and IBAN; almost
# every birth date and client number.
TARGET_STRICT = {"hetu": 1.0, "phone": 1.0, "email": 1.0, "iban": 1.0,
                 "birth_date": 0.95, "client_number": 0.95}
TARGET_KEEP_MAX = 0.01


class GoldSpan(TypedDict):
    """One labelled PII span: character offsets into the text and the PII type."""

    start: int
    end: int
    type: str


class CorpusRecord(TypedDict, total=False):
    """One line of the labelled corpus (JSONL); only ``id`` and ``text`` are required."""

    id: Required[str]
    text: Required[str]
    lang: str | None
    style: str
    spans: list[GoldSpan]
    keep: list[str]


@dataclass
class Miss:
    id: str
    type: str
    value: str
    text: str


@dataclass
class EvaluationReport:
    n_texts: int = 0
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PII_TYPES, 0))
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PII_TYPES, 0))
    # spans the engine returned per type, and those of them on a gold span of that type
    predicted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PII_TYPES, 0))
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PII_TYPES, 0))
    predicted_on_gold: int = 0
    redacted_chars: int = 0
    redacted_outside_gold: int = 0
    keep_total: int = 0
    keep_redacted: int = 0
    misses: list[Miss] = field(default_factory=list)
    keep_violations: list[Miss] = field(default_factory=list)
    nopii_texts: int = 0
    nopii_touched: int = 0

    def recall(self, typ: str) -> float | None:
        return self.found[typ] / self.gold[typ] if self.gold[typ] else None

    def precision(self, typ: str) -> float | None:
        """Share of the spans redacted as ``typ`` that lie on a gold span of that type."""
        return self.correct[typ] / self.predicted[typ] if self.predicted[typ] else None

    @property
    def overall_precision(self) -> float:
        """Share of all redacted spans that lie on some gold span (of any type)."""
        total = sum(self.predicted.values())
        return self.predicted_on_gold / total if total else 1.0

    @property
    def overall_recall(self) -> float:
        gold = sum(self.gold.values())
        return sum(self.found.values()) / gold if gold else 1.0

    @property
    def outside_share(self) -> float:
        return self.redacted_outside_gold / self.redacted_chars if self.redacted_chars else 0.0

    @property
    def keep_share(self) -> float:
        return self.keep_redacted / self.keep_total if self.keep_total else 0.0

    def meets_targets(self) -> bool:
        if self.overall_recall < TARGET_OVERALL or self.keep_share > TARGET_KEEP_MAX:
            return False
        for typ, target in TARGET_STRICT.items():
            r = self.recall(typ)
            if r is not None and r < target:
                return False
        return True


def load_corpus(path: Path | None = None) -> list[CorpusRecord]:
    with (path or DEFAULT_CORPUS).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _covered(redactions: list[Redaction], start: int, end: int, text: str = "") -> bool:
    # all characters of the gold span (ignoring spaces) lie inside some redaction
    need = {i for i in range(start, end) if not (text and text[i].isspace())}
    for r in redactions:
        if r.end > start and r.start < end:
            need -= set(range(r.start, r.end))
    return not need


def _occurrences(text: str, needle: str) -> Iterable[int]:
    i = text.find(needle)
    while i >= 0 and needle:
        yield i
        i = text.find(needle, i + 1)


def evaluate(corpus_path: Path | None = None,
             redactor: Callable[[str, str | None], list[Redaction]] | None = None
             ) -> EvaluationReport:
    """Recall per type, redaction outside gold, and must-keep violations."""
    report = EvaluationReport()
    for rec in load_corpus(corpus_path):
        text = str(rec["text"])
        lang = rec.get("lang")
        spans = rec.get("spans") or []
        reds = redactor(text, lang) if redactor else redact(text, lang).redactions
        report.n_texts += 1
        gold_chars: set[int] = set()
        for s in spans:
            typ, start, end = s["type"], int(s["start"]), int(s["end"])
            gold_chars.update(range(start, end))
            if typ not in report.gold:
                continue
            report.gold[typ] += 1
            if _covered(reds, start, end, text):
                report.found[typ] += 1
            else:
                report.misses.append(Miss(str(rec["id"]), typ, text[start:end], text))
        for r in reds:
            chars = set(range(r.start, r.end))
            report.redacted_chars += len(chars)
            report.redacted_outside_gold += len(chars - gold_chars)
            if r.type in report.predicted:
                report.predicted[r.type] += 1
                if any(s["type"] == r.type and int(s["start"]) < r.end and r.start < int(s["end"])
                       for s in spans):
                    report.correct[r.type] += 1
            if chars & gold_chars:
                report.predicted_on_gold += 1
        for keep in rec.get("keep") or []:
            occ = [i for i in _occurrences(text, keep)
                   if not gold_chars.intersection(range(i, i + len(keep)))]
            if not occ:
                continue
            report.keep_total += 1
            if any(r.start < i + len(keep) and r.end > i for i in occ for r in reds):
                report.keep_redacted += 1
                report.keep_violations.append(Miss(str(rec["id"]), "keep", keep, text))
        if not spans:
            report.nopii_texts += 1
            if reds:
                report.nopii_touched += 1
    return report


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def format_report(report: EvaluationReport, show_errors: int = 10, name: str = "") -> str:
    title = f"Redaction evaluation on {report.n_texts} texts" + (f" ({name} corpus)" if name else "")
    lines = [title, "",
             "| type | gold | found | recall | recall target | redacted | precision |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for typ in PII_TYPES:
        target = TARGET_STRICT.get(typ)
        lines.append(f"| {typ} | {report.gold[typ]} | {report.found[typ]} | {_fmt(report.recall(typ))} | "
                     f"{'' if target is None else f'{target:.2f}'} | {report.predicted[typ]} | "
                     f"{_fmt(report.precision(typ))} |")
    lines.append(f"| **overall** | {sum(report.gold.values())} | {sum(report.found.values())} | "
                 f"**{report.overall_recall:.3f}** | {TARGET_OVERALL:.2f} | "
                 f"{sum(report.predicted.values())} | **{report.overall_precision:.3f}** |")
    lines += [
        "",
        f"Redacted characters outside gold spans: {report.redacted_outside_gold}"
        f"/{report.redacted_chars} ({report.outside_share:.1%})",
        f"Must-keep strings wrongly redacted: {report.keep_redacted}/{report.keep_total} "
        f"({report.keep_share:.1%}; target ≤ {TARGET_KEEP_MAX:.0%})",
        f"Texts without PII that were changed: {report.nopii_touched}/{report.nopii_texts}",
        f"Targets met: {'yes' if report.meets_targets() else 'NO'}",
    ]
    if show_errors and report.misses:
        lines += ["", "Missed spans (first ones):"]
        lines += [f"- {m.id} {m.type}: {m.value!r}" for m in report.misses[:show_errors]]
    if show_errors and report.keep_violations:
        lines += ["", "Must-keep strings redacted (first ones):"]
        lines += [f"- {m.id}: {m.value!r}" for m in report.keep_violations[:show_errors]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """CLI entry: ``ilmio evaluate redaction [--corpus NAME|PATH]``; exit 1 if any corpus
    misses its targets."""
    parser = argparse.ArgumentParser(prog="ilmio evaluate redaction")
    parser.add_argument("--corpus", action="append", default=None,
                        help=f"a shipped corpus ({', '.join(CORPORA)}) or a JSONL file; "
                             "repeatable (default: every shipped corpus)")
    parser.add_argument("--errors", type=int, default=10, help="how many errors to list")
    args = parser.parse_args(argv)
    chosen = args.corpus or list(CORPORA)
    ok = True
    for index, item in enumerate(chosen):
        path = CORPORA.get(item, Path(item))
        if not path.is_file():
            parser.error(f"no corpus {item!r}: name one of {', '.join(CORPORA)} or a JSONL file")
        report = evaluate(path)
        if index:
            print()
        print(format_report(report, args.errors, item if item in CORPORA else path.name))
        ok = ok and report.meets_targets()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
