from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ilmio.cli import build_parser, main

COMMANDS = ["serve", "demo", "load-reference", "analyze", "evaluate", "export", "import", "generate", "retrain", "backup", "restore", "send-follow-ups", "token", "manage"]


def run_cli(*args: str, input_text: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ilmio.cli", *args], input=input_text, capture_output=True, text=True,
        timeout=120, cwd=cwd,
    )  # fmt: skip


def test_every_command_is_listed_with_help(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command in out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: ilmio" in capsys.readouterr().out


def test_unknown_command_fails_with_usage(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_parser_has_handlers():
    parser = build_parser()
    assert parser.prog == "ilmio"


def test_load_reference_with_a_broken_file_fails_clearly(tmp_path: Path):
    broken = tmp_path / "municipalities.csv"
    broken.write_text("code,name\n179,Jyväskylä\n", encoding="utf-8")
    env_dir = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "ilmio.cli", "load-reference", "--municipalities", str(broken)],
        capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "ILMIO_DATA_DIR": str(env_dir), "ILMIO_DATABASE_URL": f"sqlite:///{env_dir}/db.sqlite3"},
    )  # fmt: skip
    assert result.returncode == 1
    assert "missing columns" in result.stderr
    assert "Traceback" not in result.stderr


def test_analyze_names_the_malformed_line_and_writes_nothing(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "Hei"}\n{"id": 2, "text": \n', encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = run_cli("analyze", "--input", str(source), "--output", str(target), "--no-classify")
    assert result.returncode == 1
    assert "line 2" in result.stderr
    assert not target.exists()


def test_analyze_missing_input_file(tmp_path: Path):
    result = run_cli("analyze", "--input", str(tmp_path / "nope.jsonl"))
    assert result.returncode == 1
    assert "cannot read" in result.stderr


def test_analyze_contract_redaction_only():
    text = "Asiakas Matti Virtanen soitti numerosta 040 123 4567."
    result = run_cli("analyze", "--no-classify", input_text=json.dumps({"id": "a1", "text": text}) + "\n")
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout)
    assert line["id"] == "a1"
    assert "Virtanen" not in line["redacted_text"] and "123 4567" not in line["redacted_text"]
    types = {r["type"] for r in line["redactions"]}
    assert {"person_name", "phone"} <= types
    for item in line["redactions"]:
        assert 0 <= item["start"] < item["end"] <= len(text)
