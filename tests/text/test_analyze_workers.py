"""`ilmio analyze --workers N` splits the batch over forked processes; the output is the
same, byte for byte and in input order, as one process's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import ilmio
from ilmio.analyze import CHUNK_SIZE, analyze_items


def _input(tmp_path: Path, n: int) -> Path:
    root = Path(ilmio.__file__).parent
    texts: list[str] = []
    for path in (root / "privacy" / "data" / "eval_corpus.jsonl", root / "text" / "data" / "corpus.jsonl"):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    source = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": i, "text": texts[i % len(texts)]}, ensure_ascii=False) for i in range(n)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return source


def _analyze(source: Path, target: Path, *args: str) -> bytes:
    result = subprocess.run([sys.executable, "-m", "ilmio.cli", "analyze", "--input", str(source),
                             "--output", str(target), *args],
                            capture_output=True, text=True, timeout=300, env=dict(os.environ))  # fmt: skip
    assert result.returncode == 0, result.stderr
    return target.read_bytes()


def test_two_workers_write_exactly_what_one_writes(tmp_path: Path) -> None:
    source = _input(tmp_path, CHUNK_SIZE * 3 + 17)  # several chunks, the last one short
    one = _analyze(source, tmp_path / "one.jsonl", "--workers", "1")
    two = _analyze(source, tmp_path / "two.jsonl", "--workers", "2")
    assert one == two
    ids = [json.loads(line)["id"] for line in one.decode("utf-8").splitlines()]
    assert ids == list(range(CHUNK_SIZE * 3 + 17))


def test_batch_output_equals_the_models_own_suggestions() -> None:
    from ilmio.privacy import redact
    from ilmio.text import get_default_model

    model = get_default_model()
    text = "Asiakas Matti Virtanen kertoi, että vuokra on rästissä ja toimeentulotuki viivästyy."
    [out] = list(analyze_items([{"id": "x", "text": text}]))
    expected = model.suggest(redact(text).text)
    assert [p["code"] for p in out["phenomena"]] == [s.code for s in expected.phenomena]
    assert [p["score"] for p in out["phenomena"]] == [round(s.score, 4) for s in expected.phenomena]
    assert [g["code"] for g in out["target_groups"]] == [s.code for s in expected.target_groups]


def test_workers_must_be_positive(tmp_path: Path) -> None:
    source = _input(tmp_path, 1)
    result = subprocess.run([sys.executable, "-m", "ilmio.cli", "analyze", "--input", str(source), "--workers", "0"],
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    assert result.returncode == 1
    assert "--workers" in result.stderr
