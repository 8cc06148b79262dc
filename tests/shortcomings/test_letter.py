"""The letter to the authority: PDF and DOCX, in the notifier's language, without the notifier's name."""

from __future__ import annotations

import io
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document

from ilmio.shortcomings import services
from ilmio.shortcomings.letter import letter_docx, letter_pdf
from tests.shortcomings.helpers import file, logged_in, people

pytestmark = pytest.mark.django_db
FILED = datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/Helsinki"))
TITLES = {"fi": "Ilmoitus korjaamattomasta epäkohdasta", "sv": "Anmälan om ett missförhållande som inte har rättats till"}
AUTHORITY = {"fi": "Lupa- ja valvontavirasto", "sv": "Tillstånds- och tillsynsverket"}


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def docx_text(body: bytes) -> str:
    document = Document(io.BytesIO(body))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def escalated(make_user, language: str, signs: bool = False):
    who = people(make_user, suffix=language)
    by = who["receiver"]
    shortcoming = services.acknowledge(file(who, now=FILED, language=language, signs=signs), by=by)
    services.add_corrective_action(shortcoming, "Lääkehoitosuunnitelma päivitetään.", by=by)
    services.escalate_overdue(now=FILED + timedelta(days=31))
    shortcoming.refresh_from_db()
    return who, shortcoming


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_pdf_is_in_the_notifiers_language_without_their_name(make_user, tmp_path, language):
    who, shortcoming = escalated(make_user, language)
    text = " ".join(pdf_text(letter_pdf(shortcoming, show_notifier=True), tmp_path).split())
    assert TITLES[language] in text and AUTHORITY[language] in text
    assert "Kotihoito Keskusta" in text and "Lääkehoitosuunnitelma päivitetään." in text
    assert "Kivikoski" not in text and "Nelli" not in text and who["notifier"].username not in text


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_docx_is_in_the_notifiers_language_without_their_name(make_user, language):
    who, shortcoming = escalated(make_user, language)
    text = docx_text(letter_docx(shortcoming, show_notifier=True))
    assert TITLES[language] in text and AUTHORITY[language] in text
    assert "Lääkehoitosuunnitelma päivitetään." in text
    assert "Kivikoski" not in text and who["notifier"].username not in text
    assert Document(io.BytesIO(letter_docx(shortcoming))).core_properties.language == language


def test_a_notifier_who_signs_is_named_only_to_those_who_may_see_them(make_user):
    who, shortcoming = escalated(make_user, "fi", signs=True)
    assert "Nelli Kivikoski" in docx_text(letter_docx(shortcoming, show_notifier=True))
    assert "Nelli Kivikoski" not in docx_text(letter_docx(shortcoming, show_notifier=False))
    # Over HTTP: the receiver gets the signed letter, another manager of the county does not.
    receiver = logged_in(who["receiver"]).get(f"/shortcomings/{shortcoming.pk}/letter.docx")
    assert receiver.status_code == 200 and "Nelli Kivikoski" in docx_text(receiver.content)
    colleague = logged_in(make_user("manager", username="colleague")).get(f"/shortcomings/{shortcoming.pk}/letter.docx")
    assert colleague.status_code == 200 and "Nelli Kivikoski" not in docx_text(colleague.content)


def test_the_letter_of_an_unknown_format_is_not_found(make_user):
    who, shortcoming = escalated(make_user, "fi")
    assert logged_in(who["receiver"]).get(f"/shortcomings/{shortcoming.pk}/letter.txt").status_code == 404
