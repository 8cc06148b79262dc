"""Both shipped corpora meet the recall, precision and keep targets (issue #11, done-when)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ilmio.privacy import PII_TYPES
from ilmio.privacy.evaluation import (
    CORPORA,
    DEFAULT_CORPUS,
    STYLES_CORPUS,
    evaluate,
    format_report,
    main,
)


def records(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("path", [DEFAULT_CORPUS, STYLES_CORPUS], ids=["synthetic", "styles"])
def test_corpus_shape(path: Path) -> None:
    rows = records(path)
    assert len(rows) >= 350
    assert sum(r["lang"] == "sv" for r in rows) / len(rows) >= 0.2
    assert sum(not r["spans"] for r in rows) >= 30
    for r in rows:
        assert set(r) >= {"id", "lang", "style", "text", "spans", "keep"}
        for s in r["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(r["text"])
            assert s["type"] in PII_TYPES
        for k in r["keep"]:
            assert k in r["text"]


def test_styles_corpus_is_independent_and_covers_the_new_kinds() -> None:
    first = {r["text"] for r in records(DEFAULT_CORPUS)}
    rows = records(STYLES_CORPUS)
    assert not first & {r["text"] for r in rows}
    styles = {r["style"] for r in rows}
    assert {"long_form", "dictation", "spoken", "fs_dialect", "forwarded_mail", "attacker", "name_kinds",
            "keep_traps"} <= styles
    types = {s["type"] for r in rows for s in r["spans"]}
    assert types == set(PII_TYPES)
    assert sum(len(r["keep"]) for r in rows) >= 400


@pytest.mark.parametrize("name", list(CORPORA))
def test_done_when_targets_on_each_corpus(name: str) -> None:
    report = evaluate(CORPORA[name])
    text = format_report(report, name=name)
    assert report.overall_recall >= 0.98, text
    for typ in ("hetu", "phone", "email", "iban"):
        assert report.recall(typ) in (None, 1.0), text
    for typ in ("birth_date", "client_number"):
        assert (report.recall(typ) or 1.0) >= 0.95, text
    assert report.keep_share <= 0.01, text
    assert report.overall_precision >= 0.97, text
    assert report.meets_targets(), text


def test_first_corpus_is_not_worse_than_before_issue_11() -> None:
    # Before this work: person_name 412/414, every other type 1.000, nothing outside gold.
    report = evaluate(DEFAULT_CORPUS)
    assert report.found["person_name"] >= 412
    for typ in ("hetu", "phone", "email", "address", "iban"):
        assert report.recall(typ) == 1.0
    assert report.redacted_outside_gold == 0 and report.keep_redacted == 0 and report.nopii_touched == 0


def test_precision_counts_spans_of_the_wrong_type(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    text = "Soita 040 765 4321 tai Mikko Virtanen."
    corpus.write_text(json.dumps({"id": "x", "lang": "fi", "text": text, "keep": [],
                                  "spans": [{"start": 6, "end": 18, "type": "hetu"}]}), encoding="utf-8")
    report = evaluate(corpus)
    assert report.recall("hetu") == 1.0  # covered, whatever the engine called it
    assert report.precision("phone") == 0.0  # ... but not a hetu
    assert report.precision("person_name") == 0.0  # no gold name at all
    assert report.overall_precision == 0.5


def test_main_reports_both_corpora_and_returns_zero(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "(synthetic corpus)" in out and "(styles corpus)" in out
    assert "| precision |" in out and "birth_date" in out and "client_number" in out


def test_main_one_corpus_by_name_or_path(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--corpus", "styles"]) == 0
    assert "(styles corpus)" in capsys.readouterr().out
    assert main(["--corpus", str(DEFAULT_CORPUS)]) == 0
    with pytest.raises(SystemExit):
        main(["--corpus", "nonexistent"])
