"""Phenomenon workshops (#15 first "done when", as client requests): a facilitator makes a
series with two identical sessions, people register without an account (kept apart, erased
after the session), two anonymous participants fill worksheets — one types a name, which is
redacted — the sessions are compiled into one result with identical lines merged, the
delivery is exported as DOCX, PDF and JSON in Finnish and Swedish, and once published the
phenomenon brief of ``mielenterveys`` shows the information needs."""

from __future__ import annotations

import io
import json
import subprocess
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ilmio.core.audit import Event
from ilmio.core.models import AuditEvent
from ilmio.knowledge.retention import apply_retention
from ilmio.participation.models import (
    CompiledItem,
    Worksheet,
    WorksheetEntry,
    WorkshopCompilation,
    WorkshopRegistration,
    WorkshopSeries,
    WorkshopSession,
)
from ilmio.participation.services import add_session, create_series, fill_worksheet, move_session
from ilmio.taxonomy.models import Phenomenon
from tests.participation.helpers import NAME
from tests.reports.helpers import old_token

pytestmark = pytest.mark.django_db


def client_of(user, language: str = "en") -> Client:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def a_series(coordinator, sessions: int = 2) -> WorkshopSeries:  # type: ignore[no-untyped-def]
    series = create_series(county=coordinator.county, phenomenon=Phenomenon.objects.get(code="mielenterveys"),
                           title="Mielenterveystyöpaja", by=coordinator)  # fmt: skip
    for week in range(sessions):
        add_session(series, starts_at=timezone.now() + timedelta(days=7 * (week + 1)), by=coordinator,
                    online_link="https://teams.example.org/meet/abc")  # fmt: skip
    return series


def sheet(**lines: str) -> dict[str, str]:
    return {"form_token": old_token(), "website": "", **lines}


def test_the_whole_workshop_from_series_to_brief(make_user, tmp_path, django_capture_on_commit_callbacks):
    coordinator = make_user("coordinator")
    client = client_of(coordinator, "fi")
    made = client.post("/participation/workshops/", {"phenomenon": "mielenterveys", "title": "Mielenterveystyöpaja 2024",
                                                     "audience": "everyone", "description": "Mitä pitäisi tietää?"})  # fmt: skip
    assert made.status_code == 302
    series = WorkshopSeries.objects.get()
    assert series.county == coordinator.county and series.phenomenon.code == "mielenterveys"
    day = (timezone.localdate() + timedelta(days=10)).isoformat()
    page = f"/participation/workshops/{series.pk}/"
    added = client.post(page, {"action": "add_session", "day": day, "time": "14:00", "duration_minutes": "90",
                               "online_link": "https://teams.example.org/meet/abc", "language": "fi"})  # fmt: skip
    assert added.status_code == 302
    first = series.sessions.get()
    # "Repeat this session" fills the form with the same content a week later.
    repeat = client.get(page, {"repeat": first.pk})
    assert repeat.status_code == 200 and 'value="https://teams.example.org/meet/abc"' in repeat.content.decode()
    later = (timezone.localdate() + timedelta(days=17)).isoformat()
    client.post(page, {"action": "add_session", "day": later, "time": "14:00", "duration_minutes": "90",
                       "online_link": "https://teams.example.org/meet/abc", "language": "fi"})  # fmt: skip
    one, two = series.sessions.order_by("starts_at")
    assert (one.online_link, one.duration_minutes) == (two.online_link, two.duration_minutes)
    assert timezone.localtime(one.starts_at).hour == 14

    # A resident registers without an account; the link goes to the address, in Swedish.
    public = Client(HTTP_ACCEPT_LANGUAGE="sv")
    with django_capture_on_commit_callbacks(execute=True):
        registered = public.post(f"/participation/workshops/{series.pk}/join/", {
            "session": one.pk, "name": "Maija Meikäläinen", "email": "maija@example.org", **sheet()})  # fmt: skip
    assert registered.status_code == 302
    assert WorkshopRegistration.objects.filter(session=one, email="maija@example.org").exists()
    assert len(mail.outbox) == 1 and "https://teams.example.org/meet/abc" in mail.outbox[0].body
    assert "raderas" in mail.outbox[0].body  # Swedish: "erased after the session"

    # Worksheets are taken only once the facilitator opens them.
    closed = public.post(f"/participation/worksheet/{one.join_code}/", sheet(need="Jonotilanne"))
    assert closed.status_code == 302 and not Worksheet.objects.exists()
    for session in (one, two):
        assert client.post(page, {"action": "open", "item": session.pk}).status_code == 302
    one.refresh_from_db()
    assert one.takes_sheets

    anonymous = Client(HTTP_ACCEPT_LANGUAGE="fi")
    first_sheet = anonymous.post(f"/participation/worksheet/{one.join_code}/", sheet(
        need="Hoitoon pääsyn odotusajat\nNuorten itsetuhoisuus",
        source=f"Asiakastietojärjestelmän kirjaukset, kertoi {NAME}",
        missing="Tieto hoitoon hakeutumattomista"))  # fmt: skip
    assert first_sheet.status_code == 302
    second_sheet = anonymous.post(f"/participation/worksheet/{two.join_code}/", sheet(
        need="hoitoon pääsyn odotusajat!", indicator="Sotkanet: psykiatrian avohoitokäynnit",
        missing="Tieto hoitoon hakeutumattomista."))  # fmt: skip
    assert second_sheet.status_code == 302
    texts = " ".join(WorksheetEntry.objects.values_list("text", flat=True))
    assert NAME not in texts and "Virtanen" not in texts  # the typed name is redacted
    assert not WorkshopRegistration.objects.filter(session__worksheets__isnull=False, name__in=[NAME]).exists()
    assert all(w.filled_by == Worksheet.FilledBy.PARTICIPANT for w in Worksheet.objects.all())

    # The facilitator reads the worksheets (audited) and compiles both sessions into one result.
    read = client.get(page)
    assert read.status_code == 200 and NAME not in read.content.decode()
    assert AuditEvent.objects.filter(event_type=Event.WORKSHEETS_LISTED, actor=coordinator).exists()
    assert client.post(page, {"action": "compile"}).status_code == 302
    compilation = WorkshopCompilation.objects.get(series=series)
    assert (compilation.session_count, compilation.worksheet_count) == (2, 2)
    waits = CompiledItem.objects.get(compilation=compilation, section="need", text__startswith="Hoitoon")
    assert (waits.worksheets, waits.sessions) == (2, 2)  # differing case and punctuation: one line
    assert CompiledItem.objects.filter(compilation=compilation, section="missing").count() == 1
    assert CompiledItem.objects.filter(compilation=compilation).count() == 5

    # The delivery: DOCX and JSON (and PDF), in Finnish and Swedish.
    from docx import Document

    docx = client.get(f"{page}delivery.docx", {"lang": "fi"})
    assert docx.status_code == 200 and docx["Content-Type"].startswith("application/vnd.openxmlformats")
    words = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Hoitoon pääsyn odotusajat" in words and "Tietotarpeet" in words and NAME not in words
    swedish = "\n".join(p.text for p in Document(io.BytesIO(client.get(f"{page}delivery.docx", {"lang": "sv"}).content)).paragraphs)
    assert "Informationsbehov" in swedish and "Hoitoon pääsyn odotusajat" in swedish
    data = json.loads(client.get(f"{page}delivery.json", {"lang": "fi"}).content)
    assert data["phenomenon_code"] == "mielenterveys" and data["session_count"] == 2 and data["worksheet_count"] == 2
    assert {"text": "Hoitoon pääsyn odotusajat", "worksheets": 2, "sessions": 2} in data["sections"]["need"]
    assert "Maija" not in json.dumps(data) and NAME not in json.dumps(data)
    pdf = client.get(f"{page}delivery.pdf", {"lang": "sv"})
    assert pdf.status_code == 200 and pdf.content[:5] == b"%PDF-"
    (tmp_path / "d.pdf").write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", str(tmp_path / "d.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "Informationsbehov" in text and "Hoitoon pääsyn odotusajat" in text
    assert AuditEvent.objects.filter(event_type=Event.WORKSHOP_DELIVERED).count() == 4
    assert client.get(f"{page}delivery.json", {"lang": "de"}).status_code == 302  # fi or sv only

    # Not in the brief before it is published; in it after.
    brief = "/situation/brief/mielenterveys/"
    assert "Hoitoon pääsyn odotusajat" not in Client().get(brief).content.decode()
    assert client.post(page, {"action": "publish"}).status_code == 302
    shown = Client(HTTP_ACCEPT_LANGUAGE="en").get(brief).content.decode()
    assert "Asked for in workshops" in shown and "Hoitoon pääsyn odotusajat" in shown
    assert "Sotkanet: psykiatrian avohoitokäynnit" in shown and "Tieto hoitoon hakeutumattomista" in shown
    register = Client().get("/participation/needs/mielenterveys/", {"county": coordinator.county.code})
    assert register.status_code == 200 and "Hoitoon pääsyn odotusajat" in register.content.decode()


def test_registrations_go_the_day_after_the_session_unless_kept(make_user):
    coordinator = make_user("coordinator")
    series = a_series(coordinator, sessions=1)
    session = series.sessions.get()
    WorkshopRegistration.objects.create(session=session, name="Maija", email="maija@example.org")
    assert apply_retention(timezone.now()).deleted["workshop registrations"] == 0
    after = session.starts_at + timedelta(days=1, hours=1)
    assert apply_retention(after, dry_run=True).deleted["workshop registrations"] == 1
    assert WorkshopRegistration.objects.count() == 1  # a dry run deletes nothing
    assert apply_retention(after).deleted["workshop registrations"] == 1
    assert not WorkshopRegistration.objects.exists()
    assert AuditEvent.objects.filter(event_type=Event.WORKSHOP_REGISTRATIONS_ERASED).exists()
    kept = a_series(coordinator, sessions=1)
    WorkshopSeries.objects.filter(pk=kept.pk).update(keep_registrations=True)
    WorkshopRegistration.objects.create(session=kept.sessions.get(), name="Maija", email="maija@example.org")
    assert apply_retention(after + timedelta(days=8)).deleted["workshop registrations"] == 0


def test_the_facilitator_erases_registrations_at_once(make_user):
    coordinator = make_user("coordinator")
    session = a_series(coordinator, sessions=1).sessions.get()
    WorkshopRegistration.objects.create(session=session, name="Maija", email="maija@example.org")
    client_of(coordinator).post(f"/participation/workshops/{session.series_id}/",
                                {"action": "erase_registrations", "item": session.pk})  # fmt: skip
    assert not WorkshopRegistration.objects.exists()


def test_registration_closes_when_the_session_starts(make_user):
    coordinator = make_user("coordinator")
    session = a_series(coordinator, sessions=1).sessions.get()
    WorkshopSession.objects.filter(pk=session.pk).update(starts_at=timezone.now() - timedelta(minutes=5))
    page = Client(HTTP_ACCEPT_LANGUAGE="en").get(f"/participation/workshops/{session.series_id}/join/")
    assert "No upcoming sessions." in page.content.decode()
    posted = Client().post(f"/participation/workshops/{session.series_id}/join/",
                           {"session": session.pk, "name": "Maija", "email": "maija@example.org", **sheet()})  # fmt: skip
    assert posted.status_code == 200 and not WorkshopRegistration.objects.exists()


def test_a_held_session_takes_no_more_worksheets(make_user):
    coordinator = make_user("coordinator")
    session = a_series(coordinator, sessions=1).sessions.get()
    move_session(session, "open", by=coordinator)
    fill_worksheet(session, {"need": ["Odotusajat"]}, filled_by=Worksheet.FilledBy.PARTICIPANT)
    move_session(session, "held", by=coordinator)
    response = Client(HTTP_ACCEPT_LANGUAGE="en").post(f"/participation/worksheet/{session.join_code}/", sheet(need="Lisää"))
    assert response.status_code == 302 and Worksheet.objects.count() == 1
    assert "has been held" in Client(HTTP_ACCEPT_LANGUAGE="en").get(f"/participation/worksheet/{session.join_code}/").content.decode()
    with pytest.raises(ValueError):
        fill_worksheet(session, {"need": ["Lisää"]}, filled_by=Worksheet.FilledBy.PARTICIPANT)


def test_bad_worksheets_change_nothing(make_user):
    coordinator = make_user("coordinator")
    session = a_series(coordinator, sessions=1).sessions.get()
    move_session(session, "open", by=coordinator)
    address = f"/participation/worksheet/{session.join_code}/"
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    empty = client.post(address, sheet())
    assert empty.status_code == 200 and "Write at least one line." in empty.content.decode()
    too_many = client.post(address, sheet(need="\n".join(f"rivi {i}" for i in range(30))))
    assert too_many.status_code == 200 and "At most 20 lines" in too_many.content.decode()
    too_long = client.post(address, sheet(need="x" * 1200))
    assert too_long.status_code == 200 and "at most 1000 characters" in too_long.content.decode()
    assert client.get("/participation/worksheet/not-a-code/").status_code == 404
    assert client.get("/participation/worksheet/" + "x" * 40 + "/").status_code == 404
    assert not Worksheet.objects.exists()


def test_compiling_without_worksheets_says_so(make_user):
    coordinator = make_user("coordinator")
    series = a_series(coordinator)
    response = client_of(coordinator).post(f"/participation/workshops/{series.pk}/", {"action": "compile"}, follow=True)
    assert "There are no worksheets to compile yet." in response.content.decode()
    assert not WorkshopCompilation.objects.exists()
    delivery = client_of(coordinator).get(f"/participation/workshops/{series.pk}/delivery.docx")
    assert delivery.status_code == 302


def test_a_session_needs_a_link_or_a_place(make_user):
    coordinator = make_user("coordinator")
    series = a_series(coordinator, sessions=0)
    day = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = client_of(coordinator).post(f"/participation/workshops/{series.pk}/", {
        "action": "add_session", "day": day, "time": "10:00", "duration_minutes": "60", "language": "fi"}, follow=True)  # fmt: skip
    assert "Give an online link or a place." in response.content.decode() and not series.sessions.exists()


def test_other_counties_and_lower_roles_see_no_workshop(make_user):
    coordinator = make_user("coordinator")
    series = a_series(coordinator)
    other = make_user("coordinator", county_code="13", username="other-coordinator")
    reporter = make_user("reporter", username="a-reporter")
    for user in (other, reporter):
        client = client_of(user)
        assert client.get(f"/participation/workshops/{series.pk}/").status_code in (403, 404)
        assert client.get(f"/participation/workshops/{series.pk}/delivery.json").status_code in (403, 404)
        assert client.post(f"/participation/workshops/{series.pk}/", {"action": "compile"}).status_code in (403, 404)
    assert "Mielenterveystyöpaja" not in client_of(other).get("/participation/workshops/").content.decode()
