"""Identifiers written the ways issue #11 found missed, and the two new types: birth dates and
client numbers. Every case is a kind (dash variants, spelt-out e-mails, foreign phones ...),
not one example; each list holds forms the corpora do not."""

from __future__ import annotations

import pytest

from ilmio.privacy import PLACEHOLDERS, redact


def kinds(text: str, lang: str | None = None) -> list[tuple[str, str]]:
    return [(text[r.start:r.end], r.type) for r in redact(text, lang).redactions]


@pytest.mark.parametrize("code", [
    "131052\u2212308T", "131052\u2014308T", "131052\u2013308T", "131052  -  308T", "131052 -308T",
    "131052-\u200b308T", "13\u200b1052-308T", "１３１０５２-３０８Ｔ", "131052\u2010308T", "010203 A 123B",
])  # fmt: skip
def test_identity_code_variants(code: str) -> None:
    assert kinds(f"Hetu {code} kirjattu.") == [(code, "hetu")]


@pytest.mark.parametrize("phone", [
    "040.765.4321", "040/7654321", "050 / 765 4321", "044\u20137654323", "045 \u2013 123 4567",
    "(0400) 123 456", "0400.123.456", "+372 5765 4321", "+380 67 765 4321", "+46 70 765 43 21",
    "+47 912 34 567", "0046 70 765 43 21", "+3725765432", "+7 921 765 43 21",
])  # fmt: skip
def test_phone_variants(phone: str) -> None:
    assert kinds(f"Soita {phone} huomenna.") == [(phone, "phone")]


@pytest.mark.parametrize("text", [
    "Kokous klo 09.30 ja 10.15.", "Päivämäärä 02.03.2025 ja 1/2025.", "Summa 1.250 euroa, +5 astetta.",
    "Postinumero 00100 Helsinki.", "Laki 1301/2014 ja 741/2023.",
])  # fmt: skip
def test_dates_times_and_numbers_are_not_phones(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize("email", [
    "kissamirri77 at gmail.com", "mirri99 @ gmail.com", "mirri66[at]gmail[dot]com",
    "kalle(at)luukku(dot)com", "liisa.k ät luukku piste com", "pekka miukumauku gmail piste com",
    "anna at hotmail dot com", "MATTI.V@GMAIL.COM", "olle snabel-a live punkt se",
    "gun (at) kolumbus (piste) fi",
])  # fmt: skip
def test_email_written_out(email: str) -> None:
    assert kinds(f"Posti: {email} tai soita.") == [(email, "email")]


def test_at_as_an_english_word_is_not_an_email() -> None:
    assert kinds("We met at the office at noon.", "en") == []


@pytest.mark.parametrize("iban", [
    "FI21  1234  5600  0007  85", "FI21-1234-5600-0007-85", "fi21 1234 5600 0007 85",
    "FI22 1234 5600 0007 85",  # wrong check digits: still the holder's account
    "NO93 8601 1117 947", "EE38 2200 2210 2014 5685", "UA21 3223 1300 0002 6007 2335 6600 1",
])  # fmt: skip
def test_iban_variants(iban: str) -> None:
    assert kinds(f"Tili {iban} vahvistettu.") == [(iban, "iban")]


@pytest.mark.parametrize("address", [
    "Kauppak. 12 B 34", "Hämeent. 44 A 3", "Toinen linja 5 B 12", "Kolmas linja 8", "Mattilanniemi 2",
    "Gamla Strandv. 21",
])  # fmt: skip
def test_abbreviated_and_unusual_addresses(address: str) -> None:
    assert kinds(f"Asuu nyt {address}, ja vuokra on maksamatta.") == [(address, "address")]


def test_address_after_an_address_word_without_punctuation() -> None:
    text = "asuu osoitteessa Ristonmaantie 3 hetu 131052-308T"
    assert kinds(text) == [("Ristonmaantie 3", "address"), ("131052-308T", "hetu")]


@pytest.mark.parametrize("text", [
    "Valtatie 4 on ruuhkainen.", "Kantatie 66 oli suljettu ja valtatie 5 ruuhkainen.",
    "Riksväg 8 är stängd.", "Vuokra 650 € ja vastike 280 €.", "Jyväskylä 2025 -hanke alkoi.",
])  # fmt: skip
def test_roads_amounts_and_years_are_not_addresses(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(("text", "date"), [
    ("Asiakas (s. 3.5.1987) odottaa.", "3.5.1987"),
    ("Hän on syntynyt 1987-05-03 Kuopiossa.", "1987-05-03"),
    ("Syntymäaika: 03/05/1987.", "03/05/1987"),
    ("synt. 3.5.87, asuu yksin", "3.5.87"),
    ("Lapsi syntyi 2. helmikuuta 2019.", "2. helmikuuta 2019"),
    ("Klienten (f. 12.4.1950) bor ensam.", "12.4.1950"),
    ("Hon är född den 3 mars 1948.", "3 mars 1948"),
    ("Client born May 3, 1987 in Tallinn.", "May 3, 1987"),
    ("DOB 1987-05-03.", "1987-05-03"),
])  # fmt: skip
def test_birth_dates(text: str, date: str) -> None:
    assert (date, "birth_date") in kinds(text)


def test_several_birth_dates_after_one_cue_and_event_dates_stay() -> None:
    text = "Lapset (s. 14.2.2016 ja 2.2.2019) muuttivat 12.3.2025, päätös tehtiin 1.2.2025."
    assert kinds(text) == [("14.2.2016", "birth_date"), ("2.2.2019", "birth_date")]


def test_a_date_in_parentheses_after_a_name_is_a_birth_date() -> None:
    assert kinds("Esimerkiksi Iida Koivisto (3.5.2016) odotti.") == [
        ("Iida Koivisto", "person_name"), ("3.5.2016", "birth_date")]


def test_a_year_alone_is_not_a_birth_date() -> None:
    assert redact("Asiakkaan puoliso Jorma (s. 1957) on omaishoitaja.").text == \
        "Asiakkaan puoliso [NIMI] (s. 1957) on omaishoitaja."


@pytest.mark.parametrize(("text", "number"), [
    ("asiakasnro 123456", "123456"), ("Asiakasnumero: 4455667", "4455667"),
    ("potilasnumero 2345678", "2345678"), ("potilasnro 98765", "98765"),
    ("Kela-viite 1234 5678 9", "1234 5678 9"), ("Kelan viitenumero on 1234 5678 90", "1234 5678 90"),
    ("klientnummer 556677", "556677"), ("Klientnr 20240017", "20240017"),
    ("kundnummer AS-34525", "AS-34525"), ("asiakasnumerolla 2024/12345", "2024/12345"),
    ("client number 94554103-1", "94554103-1"), ("Effica-asiakasnumero 10203040", "10203040"),
])  # fmt: skip
def test_client_numbers(text: str, number: str) -> None:
    assert kinds(f"{text}, asia vireillä.") == [(number, "client_number")]


def test_client_number_stops_before_a_phone() -> None:
    assert kinds("asiakasnro 123456 040 765 4321") == [("123456", "client_number"), ("040 765 4321", "phone")]


def test_new_placeholders_in_every_language() -> None:
    assert PLACEHOLDERS["fi"]["birth_date"] == "[SYNTYMÄAIKA]"
    assert PLACEHOLDERS["sv"]["client_number"] == "[KLIENTNUMMER]"
    assert PLACEHOLDERS["en"]["birth_date"] == "[BIRTH DATE]"
    out = redact("s. 3.5.1987, asiakasnro 123456").text
    assert out == "s. [SYNTYMÄAIKA], asiakasnro [ASIAKASNUMERO]"
    assert redact(out).text == out
