"""The ``ilmio`` command: a thin wrapper over the apps' management commands (decision 0010)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command, get_commands, load_command_class
from django.core.management.base import CommandError
from django.test import override_settings

from ilmio.cli import COMMANDS, main
from ilmio.core.management.base import NEEDS_MIGRATING, DatabaseCommand

NAMES = [entry.name for entry in COMMANDS]
# Every management command behind 'ilmio' that reads or writes the database.
DATABASE_COMMANDS = ["serve", "backup", "restore", "load_areas", "load_taxonomy", "create_token", "export_aggregates",
                     "import_statistics", "import_register", "recount", "retrain", "send_follow_ups",
                     "generate_register_extract"]  # fmt: skip


def run_cli(*args: str, input_text: str | None = None, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "ilmio.cli", *args], input=input_text, capture_output=True, text=True,
        timeout=300, cwd=cwd, env={**os.environ, **(env or {})},
    )  # fmt: skip


def fresh_database(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """Environment for a subprocess with its own, empty SQLite database."""
    data = tmp_path / "data"
    database = data / "db.sqlite3"
    return {"ILMIO_DATA_DIR": str(data), "ILMIO_DATABASE_URL": f"sqlite:///{database}"}, database


def tables(database: Path) -> list[str]:
    if not database.exists():
        return []
    with sqlite3.connect(database) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


def test_every_command_is_listed_with_help(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for entry in COMMANDS:
        assert f"  {entry.name} " in out and entry.summary in out
    expected = {"serve", "migrate", "demo", "load-reference", "analyze", "evaluate", "export aggregates",
                "import statistics", "import register", "generate register-extract", "retrain", "recount",
                "backup", "restore", "send-follow-ups", "token", "manage"}  # fmt: skip
    assert expected <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_command_has_help(name: str, capsys: pytest.CaptureFixture[str]):
    code: int | str | None
    try:
        code = main([*name.split(), "--help"])
    except SystemExit as exit_info:
        code = exit_info.code
    assert code in (0, None)
    assert f"ilmio {name}" in capsys.readouterr().out


def test_a_group_lists_its_commands(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exit_info:
        main(["import", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "ilmio import statistics" in out and "ilmio import register" in out


@pytest.mark.parametrize("argv", [["frobnicate"], ["export", "everything"], []])
def test_unknown_command_fails_with_usage(argv: list[str], capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "usage: ilmio" in err
    assert "invalid choice" in err or "required" in err


def test_a_bad_option_fails_with_the_commands_usage(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--port", "eighty"])
    assert exit_info.value.code == 2
    assert "usage: ilmio serve" in capsys.readouterr().err


@pytest.mark.parametrize("name", DATABASE_COMMANDS)
def test_every_database_command_checks_migrations(name: str):
    command = load_command_class(get_commands()[name], name)
    assert isinstance(command, DatabaseCommand), name
    assert command.help


def test_a_database_command_refuses_an_unmigrated_database(tmp_path: Path):
    env, database = fresh_database(tmp_path)
    for args in (["recount"], ["load-reference"], ["serve", "--port", "1"]):
        result = run_cli(*args, env=env)
        assert result.returncode == 1, (args, result.stderr)
        assert f"ilmio {args[0]}: error: {NEEDS_MIGRATING}" in result.stderr
        assert "Traceback" not in result.stderr
    assert tables(database) == []  # nothing migrated, nothing created


def test_migrate_then_load_reference_with_a_broken_file_fails_clearly(tmp_path: Path):
    env, database = fresh_database(tmp_path)
    migrated = run_cli("migrate", "--verbosity", "0", env=env)
    assert migrated.returncode == 0, migrated.stderr
    assert {"django_migrations", "areas_municipality", "ilmio_cache"} <= set(tables(database))
    broken = tmp_path / "municipalities.csv"
    broken.write_text("code,name\n179,Jyväskylä\n", encoding="utf-8")
    result = run_cli("load-reference", "--municipalities", str(broken), env=env)
    assert result.returncode == 1
    assert "missing columns" in result.stderr
    assert "Traceback" not in result.stderr
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT COUNT(*) FROM areas_municipality").fetchone() == (0,)
        assert connection.execute("SELECT COUNT(*) FROM taxonomy_phenomenon").fetchone() == (0,)


@pytest.mark.django_db
def test_load_reference_in_process_reports_the_broken_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    broken = tmp_path / "population.csv"
    broken.write_text("municipality,people\n179,1\n", encoding="utf-8")
    assert main(["load-reference", "--population", str(broken)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ilmio load-reference: error: ") and "missing columns" in err


@pytest.mark.django_db
@pytest.mark.parametrize("command", [["demo", "--no-serve", "--reports", "5"],
                                     ["generate_register_extract", "extract.parquet", "--rows", "10"]])  # fmt: skip
def test_demo_commands_refuse_outside_demo_mode(command: list[str], reference_data, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch):  # fmt: skip
    from ilmio.accounts.models import User
    from ilmio.reports.models import Report

    monkeypatch.chdir(tmp_path)
    before = (User.objects.count(), Report.objects.count())
    with override_settings(DEMO_MODE=False), pytest.raises(CommandError, match="only built in demo mode"):
        call_command(*command)
    assert (User.objects.count(), Report.objects.count()) == before
    assert not (tmp_path / "extract.parquet").exists()


def test_analyze_needs_no_database(tmp_path: Path):
    data = tmp_path / "nowhere"
    result = run_cli("analyze", "--no-classify", input_text=json.dumps({"text": "Hei"}) + "\n",
                     env={"ILMIO_DATA_DIR": str(data), "ILMIO_DATABASE_URL": "postgres://nobody@127.0.0.1:9/none",
                          "DJANGO_SETTINGS_MODULE": "no.such.settings"})  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["redacted_text"] == "Hei"
    assert not data.exists()


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
