"""Messages show their level: a refusal is an error (role="alert", the error style and the
word "Virhe"), a confirmation a success (role="status"), never both drawn alike."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from django.test import Client

from tests.quality.audit_helpers import file_report

pytestmark = pytest.mark.django_db

MESSAGE = re.compile(r'<p class="message message-(\w+)" role="(\w+)">(.*?)</p>', re.S)
TAGS = re.compile(r"<[^>]+>")


def shown(response: Any) -> list[tuple[str, str, str]]:
    """(level, role, text) of each message on the page, hidden words included."""
    html = response.content.decode()
    return [(level, role, " ".join(TAGS.sub(" ", text).split())) for level, role, text in MESSAGE.findall(html)]


def finnish_client(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="fi")
    client.force_login(user)
    return client


def test_a_refusal_is_an_error_and_a_change_a_success(people: dict[str, Any]) -> None:
    report = file_report()
    client = finnish_client(people["coordinator"])
    path = f"/triage/reports/{report.public_id}/"
    refused = client.post(path, {"action": "mark_duplicate", "original": str(uuid.uuid4()), "reason": ""}, follow=True)
    assert shown(refused) == [("error", "alert", "Virhe: Alkuperäistä raporttia ei löytynyt hyvinvointialueeltasi.")]
    status = report.available_statuses()[0]
    changed = client.post(path, {"action": "status", "status": status, "reason": ""}, follow=True)
    [(level, role, text)] = shown(changed)
    assert (level, role) == ("success", "status") and text.startswith("Valmis: ")


def test_a_warning_interrupts_like_an_error(people: dict[str, Any]) -> None:
    report = file_report()
    response = finnish_client(people["coordinator"]).post(
        "/triage/bulk/", {"reports": [str(report.public_id)], "status": report.status, "reason": ""}, follow=True
    )
    levels = {(level, role) for level, role, _text in shown(response)}
    assert levels == {("warning", "alert")}
    assert shown(response)[0][2].startswith("Varoitus: ")


def test_every_level_has_its_own_style() -> None:
    from pathlib import Path

    import ilmio

    css = (Path(ilmio.__file__).parent / "core" / "static" / "ilmio" / "ilmio.css").read_text()
    rules = {level: re.search(rf"\.message-{level} \{{([^}}]*)\}}", css) for level in ("info", "warning", "error")}
    assert all(rules.values()), rules
    backgrounds = {re.search(r"background: ([^;]+);", m.group(1)).group(1) for m in rules.values() if m}  # type: ignore[union-attr]
    assert len(backgrounds) == 3 and "#e7f4ea" not in backgrounds  # the success green is the base style
