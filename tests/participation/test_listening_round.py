"""A listening round ("Mikä pännii?", #15 second "done when"): created for one municipality,
its QR poster renders, a resident answers (redacted) while it is open and not after, the
coordinator classifies, and once it closes the public page shows only suppressed counts."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from ilmio.core.audit import Event
from ilmio.core.models import AuditEvent
from ilmio.indicators.disclosure import threshold
from ilmio.participation.models import ListeningRound, RoundAnswer
from ilmio.participation.services import answer_round, classify_answer, create_round
from ilmio.taxonomy.models import Phenomenon
from tests.participation.helpers import NAME
from tests.reports.helpers import old_token

pytestmark = pytest.mark.django_db


def client_of(user, language: str = "en") -> Client:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def a_round(coordinator, *, opens: int = -5, closes: int = 5) -> ListeningRound:  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    saarijarvi = coordinator.county.municipalities.get(code="729")
    return create_round(county=coordinator.county, municipality=saarijarvi, question="Mikä pännii Saarijärvellä?",
                        opens_on=today + timedelta(days=opens), closes_on=today + timedelta(days=closes), by=coordinator)  # fmt: skip


def test_the_coordinator_creates_a_round_and_its_poster_renders(make_user, tmp_path):
    coordinator = make_user("coordinator")
    client = client_of(coordinator, "fi")
    today = timezone.localdate()
    made = client.post("/participation/rounds/", {"municipality": "729", "question": "Mikä pännii Saarijärvellä?",
                                                 "opens_on": today.isoformat(), "language": "fi",
                                                 "closes_on": (today + timedelta(days=29)).isoformat()})  # fmt: skip
    assert made.status_code == 302
    listening_round = ListeningRound.objects.get()
    assert listening_round.municipality.code == "729" and listening_round.county == coordinator.county
    poster = Client().get(f"/participation/rounds/{listening_round.pk}/poster.pdf")
    assert poster.status_code == 200 and poster["Content-Type"] == "application/pdf" and poster.content[:5] == b"%PDF-"
    pdf = tmp_path / "poster.pdf"
    pdf.write_bytes(poster.content)
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "Mikä pännii Saarijärvellä?" in text and "Saarijärvi" in text
    assert "skannaa" in text and "skanna" in text and "scan the code" in text  # Finnish, Swedish and English
    assert f"/participation/rounds/{listening_round.pk}/answer/" in text
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    assert list(tmp_path.glob("page*.png"))  # it renders as an image too


def test_bad_round_input_is_told_and_changes_nothing(make_user):
    client = client_of(make_user("coordinator"))
    today = timezone.localdate().isoformat()
    for data, message in (
        ({"municipality": "297", "question": "Q", "opens_on": today, "closes_on": today, "language": "fi"}, "Select a valid choice"),
        ({"municipality": "729", "question": "Q", "opens_on": today, "closes_on": "2000-01-01", "language": "fi"}, "close on or after"),
        ({"municipality": "729", "question": "Q", "opens_on": today, "closes_on": "2099-01-01", "language": "fi"}, "at most 92 days"),
        ({"municipality": "729", "question": "", "opens_on": "31.2.2026", "closes_on": today, "language": "fi"}, "Enter a valid date"),
    ):
        answer = client.post("/participation/rounds/", data)
        assert answer.status_code == 200 and message in answer.content.decode(), message
    assert not ListeningRound.objects.exists()


def test_a_resident_answers_while_it_is_open_redacted_and_not_after(make_user):
    listening_round = a_round(make_user("coordinator"))
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    page = client.get(f"/participation/rounds/{listening_round.pk}/answer/").content.decode()
    assert "Mikä pännii Saarijärvellä?" in page and "Skicka svaret" in page
    sent = client.post(f"/participation/rounds/{listening_round.pk}/answer/", {
        "text": f"Min granne {NAME} säger att bussen går för sällan.", "helps": "Fler turer.",
        "form_token": old_token(), "website": ""}, follow=True)
    assert "Tack. Ditt svar har tagits emot." in sent.content.decode()
    answer = RoundAnswer.objects.get()
    assert "Virtanen" not in answer.text and answer.language == "sv" and answer.round == listening_round
    ListeningRound.objects.filter(pk=listening_round.pk).update(closes_on=timezone.localdate() - timedelta(days=1))
    late = client.post(f"/participation/rounds/{listening_round.pk}/answer/", {
        "text": "Myöhässä.", "form_token": old_token(), "website": ""}, follow=True)
    assert RoundAnswer.objects.count() == 1 and "inte öppen" in late.content.decode()


def test_once_closed_the_results_are_suppressed_counts_only(make_user):
    coordinator = make_user("coordinator")
    listening_round = a_round(coordinator)
    housing, income = Phenomenon.objects.get(code="asuminen"), Phenomenon.objects.get(code="toimeentulo")
    many = threshold() + 3
    for n in range(many + 2):
        answer = answer_round(listening_round, text=f"Vastaus {n}: bussit kulkevat harvoin, vuokrat nousevat.")
        classify_answer(answer, phenomenon=housing if n < many else income, by=coordinator)
    open_page = Client(HTTP_ACCEPT_LANGUAGE="en").get(f"/participation/rounds/{listening_round.pk}/answer/").content.decode()
    assert "Results" not in open_page  # nothing is published while it is open
    ListeningRound.objects.filter(pk=listening_round.pk).update(
        opens_on=date(2026, 4, 1), closes_on=timezone.localdate() - timedelta(days=1))
    closed = Client(HTTP_ACCEPT_LANGUAGE="en").get(f"/participation/rounds/{listening_round.pk}/answer/").content.decode()
    assert "Results" in closed and "<form" not in closed.split("<main")[1].split("</main>")[0].replace('<form method="post" action="/i18n', "")
    assert "bussit" not in closed  # counts, never texts
    assert '<td class="num count">2</td>' not in closed  # two answers on toimeentulo: too few to show
    assert "–" in closed and f'<td class="num count">{many + 2}</td>' in closed  # the total is published
    rows = closed.count('<td class="num count">')
    assert rows >= 3


def test_the_coordinator_reads_and_classifies_and_the_read_is_audited(make_user):
    coordinator = make_user("coordinator")
    listening_round = a_round(coordinator)
    answer = answer_round(listening_round, text=f"Naapuri {NAME} kertoi, että kirjasto sulkeutuu.")
    client = client_of(coordinator)
    page = client.get(f"/participation/rounds/{listening_round.pk}/").content.decode()
    assert "kirjasto sulkeutuu" in page and "Virtanen" not in page
    assert AuditEvent.objects.filter(event_type=Event.ROUND_ANSWERS_LISTED).exists()
    done = client.post(f"/participation/rounds/{listening_round.pk}/", {"action": "classify", "item": answer.pk,
                                                                        "phenomenon": "palvelujarjestelma"})  # fmt: skip
    assert done.status_code == 302
    answer.refresh_from_db()
    assert answer.phenomenon.code == "palvelujarjestelma"


def test_another_county_and_lower_roles_are_kept_out(make_user):
    listening_round = a_round(make_user("coordinator"))
    answer = answer_round(listening_round, text="Kirjasto sulkeutuu.")
    other = client_of(make_user("coordinator", "13"))
    assert other.get(f"/participation/rounds/{listening_round.pk}/").status_code == 404
    refused = other.post(f"/participation/rounds/{listening_round.pk}/", {"action": "classify", "item": answer.pk,
                                                                          "phenomenon": "asuminen"})  # fmt: skip
    assert refused.status_code == 404
    assert "Saarijärvellä" not in other.get("/participation/rounds/").content.decode()
    assert client_of(make_user("reporter")).get(f"/participation/rounds/{listening_round.pk}/").status_code == 403
    answer.refresh_from_db()
    assert answer.phenomenon is None


def test_the_demo_has_a_closed_round_whose_results_page_shows_suppressed_counts(reference_data):
    from ilmio_demo.world import build_demo

    build_demo(reports=300, with_statistics=False)
    listening_round = ListeningRound.objects.get(county__code="15")
    assert listening_round.phase(timezone.localdate()) == ListeningRound.Phase.CLOSED
    assert listening_round.answers.count() == 48 and not listening_round.answers.filter(phenomenon=None).exists()
    page = Client(HTTP_ACCEPT_LANGUAGE="fi").get(f"/participation/rounds/{listening_round.pk}/answer/").content.decode()
    assert "Tulokset" in page and '<td class="num count">48</td>' in page and "Bussi kulkee" not in page
