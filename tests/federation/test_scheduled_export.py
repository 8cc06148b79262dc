"""The scheduled export (``ilmio export federation --into DIR`` from cron) writes a new signed
package folder only when the county's published counts changed since the newest one there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from ilmio.federation.package import check_package, load_or_create_key, public_key_text
from tests.federation.test_packages import files_of

pytestmark = pytest.mark.django_db


def test_a_new_package_only_when_the_counts_changed(reference_data, settings, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    settings.FEDERATION_KEY_FILE = str(tmp_path / "key.pem")
    into = tmp_path / "outbox"
    call_command("export_federation", "--county", "15", "--into", str(into))
    first = sorted(into.iterdir())
    assert len(first) == 1 and first[0].name.startswith("ilmio-federation-15-")
    key = public_key_text(load_or_create_key(Path(settings.FEDERATION_KEY_FILE)))
    assert check_package(files_of(first[0]), trusted_key=key, threshold=5)["county"] == "15"

    capsys.readouterr()
    call_command("export_federation", "--county", "15", "--into", str(into))
    assert "nothing written" in capsys.readouterr().out and sorted(into.iterdir()) == first

    # The newest package no longer says what the county publishes today: the next run writes one.
    dataset = first[0] / "reports.json"
    changed = json.loads(dataset.read_text(encoding="utf-8"))
    changed["label"] = "toinen"
    dataset.write_text(json.dumps(changed), encoding="utf-8")
    first[0].rename(first[0].with_name("ilmio-federation-15-00000000T000000Z"))
    call_command("export_federation", "--county", "15", "--into", str(into))
    assert len(list(into.iterdir())) == 2


def test_output_or_into_is_needed(reference_data, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from django.core.management import CommandError

    settings.FEDERATION_KEY_FILE = str(tmp_path / "key.pem")
    with pytest.raises(CommandError, match="--into FOLDER"):
        call_command("export_federation", "--county", "15")
