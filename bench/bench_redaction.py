"""Benchmark: ilmio.privacy.redact vs Microsoft Presidio's analyzer on the same texts.

Presidio runs with the no-op NLP engine (no model downloads) and its pattern
recognizers for the types it covers in Finland: identity code, e-mail, phone (FI
region) and IBAN. Both engines run in this process on one core over the evaluation
corpus repeated to >= 2,000 texts. ``python bench/bench_redaction.py`` prints a
Markdown table; ``run()`` returns it.

presidio-analyzer is a bench extra, not a runtime dependency.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from ilmio.privacy import redact
from ilmio.privacy.core import Redaction
from ilmio.privacy.evaluation import DEFAULT_CORPUS, evaluate, load_corpus

MIN_TEXTS = 2000
PRESIDIO_TYPES = ("hetu", "email", "phone", "iban")
_ENTITY_TO_TYPE = {
    "FI_PERSONAL_IDENTITY_CODE": "hetu",
    "EMAIL_ADDRESS": "email",
    "PHONE_NUMBER": "phone",
    "IBAN_CODE": "iban",
}


def _presidio_analyzer():  # type: ignore[no-untyped-def]
    """Build a Presidio AnalyzerEngine, or return None when presidio is not installed."""
    import logging

    # Presidio's e-mail validation (tldextract) tries to fetch the public-suffix list; there
    # is no network here and it falls back to its bundled copy, so silence the traceback.
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)
    try:
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NoOpNlpEngine
        from presidio_analyzer.predefined_recognizers import (
            EmailRecognizer,
            FiPersonalIdentityCodeRecognizer,
            IbanRecognizer,
            PhoneRecognizer,
        )
    except ImportError:
        return None
    registry = RecognizerRegistry(supported_languages=["fi"])
    registry.add_recognizer(FiPersonalIdentityCodeRecognizer(supported_language="fi"))
    registry.add_recognizer(EmailRecognizer(supported_language="fi"))
    registry.add_recognizer(PhoneRecognizer(supported_language="fi", supported_regions=["FI"]))
    registry.add_recognizer(IbanRecognizer(supported_language="fi"))
    nlp = NoOpNlpEngine(models=[{"lang_code": "fi", "model_name": "noop"}])
    return AnalyzerEngine(registry=registry, nlp_engine=nlp, supported_languages=["fi"])


def _texts(corpus: Path) -> list[str]:
    base = [str(r["text"]) for r in load_corpus(corpus)]
    reps = -(-MIN_TEXTS // len(base))
    return base * reps


def _timed_pass(fn: Callable[[str], object], texts: list[str]) -> float:
    # CPU time of this process: other load on a shared machine does not count against
    # either engine (both are single-threaded).
    t0 = time.process_time()
    for t in texts:
        fn(t)
    return len(texts) / max(time.process_time() - t0, 1e-9)


def _compare(engines: list[Callable[[str], object]], texts: list[str], rounds: int = 5
             ) -> list[float]:
    """Best texts/s per engine; one untimed warm-up pass each, then interleaved rounds."""
    for fn in engines:
        for t in dict.fromkeys(texts):
            fn(t)
    best = [0.0] * len(engines)
    for _ in range(rounds):
        for i, fn in enumerate(engines):
            best[i] = max(best[i], _timed_pass(fn, texts))
    return best


def _pin_one_core() -> None:
    try:
        import os

        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass


def run(corpus: Path | None = None) -> str:
    corpus = corpus or DEFAULT_CORPUS
    _pin_one_core()
    texts = _texts(corpus)
    ours = evaluate(corpus)
    analyzer = _presidio_analyzer()
    if analyzer is None:
        ours_tps = _compare([redact], texts)[0]
    else:
        ours_tps, pres_tps = _compare(
            [redact, lambda t: analyzer.analyze(text=t, language="fi")], texts)

    lines = [
        f"Redaction benchmark: {len(texts)} texts (eval corpus repeated), one core, "
        "CPU time, best of 5 interleaved rounds after a warm-up pass",
        "",
        "| engine | texts/s | " + " | ".join(f"recall {t}" for t in PRESIDIO_TYPES)
        + " | recall all types |",
        "|---|---:|" + "---:|" * len(PRESIDIO_TYPES) + "---:|",
    ]

    def fmt(v: float | None) -> str:
        return "—" if v is None else f"{v:.3f}"

    lines.append(f"| ilmio.privacy | {ours_tps:,.0f} | "
                 + " | ".join(fmt(ours.recall(t)) for t in PRESIDIO_TYPES)
                 + f" | {ours.overall_recall:.3f} |")

    if analyzer is None:
        lines += ["", "presidio-analyzer is not installed: `pip install presidio-analyzer` "
                      "to compare (bench extra)."]
        return "\n".join(lines)

    def presidio_redactions(text: str, _lang: str | None = None) -> list[Redaction]:
        results = analyzer.analyze(text=text, language="fi")
        out = [Redaction(r.start, r.end, _ENTITY_TO_TYPE[r.entity_type]) for r in results
               if r.entity_type in _ENTITY_TO_TYPE]
        return sorted(out)

    pres = evaluate(corpus, redactor=presidio_redactions)
    covered = [t for t in PRESIDIO_TYPES if pres.gold[t]]
    pres_recall = (sum(pres.found[t] for t in covered) / sum(pres.gold[t] for t in covered)
                   if covered else 0.0)
    ours_on_covered = (sum(ours.found[t] for t in covered) / sum(ours.gold[t] for t in covered)
                       if covered else 0.0)
    lines.append(f"| presidio-analyzer (NoOp NLP, FI recognizers) | {pres_tps:,.0f} | "
                 + " | ".join(fmt(pres.recall(t)) for t in PRESIDIO_TYPES)
                 + " | — (no names/addresses) |")
    lines += [
        "",
        f"Speed-up: {ours_tps / pres_tps:.1f}× (target ≥ 3×). "
        f"Recall on the types Presidio covers: ilmio {ours_on_covered:.3f} vs "
        f"Presidio {pres_recall:.3f}.",
        f"Presidio characters redacted outside gold spans: {pres.outside_share:.1%}; "
        f"ilmio: {ours.outside_share:.1%}.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    print(run(Path(args[0]) if args else None))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
