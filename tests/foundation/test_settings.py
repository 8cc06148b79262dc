from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_production_settings_pass_check_deploy(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ILMIO_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= {
        "ILMIO_SECRET_KEY": "x7" * 30 + "-production-like-secret-key",
        "ILMIO_DATA_DIR": str(tmp_path),
        "ILMIO_ALLOWED_HOSTS": "ilmio.example.fi",
        "DJANGO_SETTINGS_MODULE": "ilmio.settings",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_secret_refuses_to_start(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ILMIO_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= {"ILMIO_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "ilmio.settings"}
    result = subprocess.run([sys.executable, "-m", "django", "check"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode != 0
    assert "ILMIO_SECRET_KEY" in result.stderr
