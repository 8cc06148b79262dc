"""The classifier reads the observed-phenomenon section twice and leaves out what is not the
report: contact sections, forwarded-mail headers, quote marks, signatures and disclaimers."""

from __future__ import annotations

from ilmio.text.sections import OBSERVED_WEIGHT, focus_text

FORM_FI = """Havaittu ilmiö: Vuokrarästit kasvavat ja häätöuhka on arkea.
Keitä koskee: Työikäiset yksin asuvat.
Ehdotus: Asumisneuvontaa lisää.
Yhteyshenkilö: aikuissosiaalityön tiimi
puhelinaika arkisin"""

MAIL_SV = """---------- Vidarebefordrat meddelande ---------
Från: socialarbetet
Ämne: Vräkningar
> Allt fler hyresgäster hotas av vräkning.
> Hyresskulderna växer.

Med vänlig hälsning
Teamledare, vuxensocialarbetet

Detta meddelande kan innehålla konfidentiell information."""


def test_the_observed_section_counts_twice_and_the_contact_section_is_left_out() -> None:
    focused = focus_text(FORM_FI).splitlines()
    observed = "Vuokrarästit kasvavat ja häätöuhka on arkea."
    assert focused[:OBSERVED_WEIGHT] == [observed] * OBSERVED_WEIGHT
    assert "Keitä koskee: Työikäiset yksin asuvat." in focused and "Ehdotus: Asumisneuvontaa lisää." in focused
    assert not [line for line in focused if "tiimi" in line or "puhelinaika" in line]


def test_mail_headers_quotes_signature_and_disclaimer_are_left_out() -> None:
    assert focus_text(MAIL_SV).splitlines() == ["Allt fler hyresgäster hotas av vräkning.", "Hyresskulderna växer."]


def test_text_without_line_breaks_is_read_as_written() -> None:
    text = "Aihe: asuminen. Vuokrat nousevat > tulot, terveisin tiimi"
    assert focus_text(text) is text


def test_a_plain_multi_line_report_keeps_every_line() -> None:
    text = "Nuorten päihteiden käyttö on lisääntynyt.\n\nKoulut kertovat samaa."
    assert focus_text(text).splitlines() == ["Nuorten päihteiden käyttö on lisääntynyt.", "Koulut kertovat samaa."]
