"""The shipped corpus meets the recall and keep targets."""

from __future__ import annotations

import json

from ilmio.privacy.evaluation import DEFAULT_CORPUS, evaluate, format_report, main


def test_corpus_shape() -> None:
    lines = DEFAULT_CORPUS.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) >= 350
    assert sum(r["lang"] == "sv" for r in records) / len(records) >= 0.2
    assert sum(not r["spans"] for r in records) >= 30
    for r in records:
        assert set(r) >= {"id", "lang", "style", "text", "spans", "keep"}
        for s in r["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(r["text"])
        for k in r["keep"]:
            assert k in r["text"]


def test_targets_met_on_shipped_corpus() -> None:
    report = evaluate()
    text = format_report(report)
    assert report.overall_recall >= 0.98, text
    for typ in ("hetu", "phone", "email", "iban"):
        assert report.recall(typ) == 1.0, text
    assert report.keep_share <= 0.02, text
    assert report.meets_targets()


def test_main_returns_zero(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main([]) == 0
    assert "person_name" in capsys.readouterr().out
