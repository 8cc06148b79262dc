"""Unit tests per detector of ilmio.privacy."""

from __future__ import annotations

import pytest

from ilmio.privacy import PII_TYPES, PLACEHOLDERS, Redaction, localize_placeholders, redact
from ilmio.privacy.patterns import hetu_check_char, is_valid_hetu, is_valid_iban


def types_of(text: str, lang: str | None = None) -> list[tuple[str, str]]:
    res = redact(text, lang)
    return [(text[r.start:r.end], r.type) for r in res.redactions]


def make_hetu(ddmmyy: str, sign: str, ind: str = "123") -> str:
    return f"{ddmmyy}{sign}{ind}{hetu_check_char(ddmmyy, ind)}"


# ---------------------------------------------------------------- API contract
def test_api_contract() -> None:
    assert PII_TYPES == ("person_name", "hetu", "phone", "email", "address", "iban", "birth_date",
                         "client_number")
    assert set(PLACEHOLDERS) == {"fi", "sv", "en"}
    assert PLACEHOLDERS["fi"]["person_name"] == "[NIMI]"
    assert PLACEHOLDERS["sv"]["hetu"] == "[PERSONBETECKNING]"
    assert PLACEHOLDERS["en"]["iban"] == "[ACCOUNT]"
    res = redact("Soita Mikko Virtaselle numeroon 040 123 4567.")
    assert res.text == "Soita [NIMI] numeroon [PUHELIN]."
    assert res.original_length == len("Soita Mikko Virtaselle numeroon 040 123 4567.")
    assert res.counts() == {"person_name": 1, "phone": 1}
    assert all(isinstance(r, Redaction) for r in res.redactions)
    with pytest.raises(AttributeError):
        res.redactions[0].start = 1  # type: ignore[misc]


def test_localize_placeholders() -> None:
    text = redact("Asiakas Liisa Korhonen, liisa.korhonen@gmail.com").text
    assert localize_placeholders(text, "sv") == "Asiakas [NAMN], [E-POST]"
    assert localize_placeholders(text, "en") == "Asiakas [NAME], [EMAIL]"
    assert localize_placeholders(text, "fi") == text


# ---------------------------------------------------------------- hetu
@pytest.mark.parametrize(
    ("ddmmyy", "sign"),
    [("010185", "+"), ("131052", "-"), ("131052", "Y"), ("131052", "X"), ("131052", "W"),
     ("131052", "V"), ("131052", "U"), ("010203", "A"), ("010203", "B"), ("010203", "C"),
     ("010203", "D"), ("010203", "E"), ("010203", "F")],
)
def test_hetu_all_century_signs(ddmmyy: str, sign: str) -> None:
    code = make_hetu(ddmmyy, sign)
    assert is_valid_hetu(code)
    assert types_of(f"Hetu {code} kirjattu.") == [(code, "hetu")]


def test_hetu_known_example_and_lowercase_and_spaces() -> None:
    assert is_valid_hetu("131052-308T")
    assert types_of("hetu 131052-308t") == [("131052-308t", "hetu")]
    assert types_of("hetu 131052 - 308T ok") == [("131052 - 308T", "hetu")]


@pytest.mark.parametrize("code", ["310285-123A", "300200A123B", "290201-123C", "011399-123D"])
def test_hetu_invalid_dates_not_matched(code: str) -> None:
    assert not any(t == "hetu" for _, t in types_of(f"tunnus {code}"))


def test_hetu_bad_check_character_still_redacted_but_not_valid() -> None:
    # A mistyped check character still identifies a person (see ADR 0002).
    assert not is_valid_hetu("131052-308U")
    assert types_of("hetu 131052-308U") == [("131052-308U", "hetu")]


# ---------------------------------------------------------------- phone
@pytest.mark.parametrize(
    "phone",
    ["040 123 4567", "0401234567", "040-1234567", "050 765 4321", "044 123 45 67", "0457 123 4567",
     "041 2345678", "09 1234 567", "(014) 123 456", "014-123456", "(09) 3105 015",
     "+358 40 123 4567", "+358401234567", "+358 (0)40 123 4567", "+358-50-1234567",
     "00358 40 123 4567", "020 692 207"],
)
def test_phone_formats(phone: str) -> None:
    assert types_of(f"Soita numeroon {phone}, kiitos.") == [(phone, "phone")]


@pytest.mark.parametrize(
    "text",
    ["Vuonna 2024 asiakkaita oli 1 200.", "Tapaaminen 12.3.2024 klo 14.30.",
     "Vuokra on 1 200 € ja tuki 1200 euroa.", "Laki 1301/2014 ja SHL 49 § koskevat tätä.",
     "Postinumero 00100 Helsinki.", "Hän asuu 02600 Espoo.", "Asiakkaita 35, joista 12 lapsia.",
     "Ajalla 01.01.2024–31.12.2024 haettiin 450 kertaa.", "Klo 09.30 alkaen."],
)
def test_phone_false_positives(text: str) -> None:
    assert types_of(text) == []


def test_phone_followed_by_year_is_trimmed() -> None:
    assert types_of("puh 040 1234567 2024 alkaen") == [("040 1234567", "phone")]


# ---------------------------------------------------------------- email
@pytest.mark.parametrize(
    "email",
    ["matti.virtanen@gmail.com", "a.b-c+tag@sub.domain.fi", "LIISA@HYVAKS.FI",
     "etunimi.sukunimi(at)jyvaskyla.fi", "tuija [at] hus.fi"],
)
def test_email(email: str) -> None:
    assert types_of(f"Sähköposti: {email}.") == [(email, "email")]


# ---------------------------------------------------------------- IBAN
@pytest.mark.parametrize(
    "iban",
    ["FI21 1234 5600 0007 85", "FI2112345600000785", "DE89 3704 0044 0532 0130 00",
     "SE45 5000 0000 0583 9825 7466", "GB29 NWBK 6016 1331 9268 19", "fi21 1234 5600 0007 85"],
)
def test_iban_valid(iban: str) -> None:
    assert is_valid_iban(iban)
    assert types_of(f"Tilinumero {iban} ja muuta.") == [(iban, "iban")]


@pytest.mark.parametrize("iban", ["FI21 1234 5600 0007 86", "FI2112345600000795"])
def test_iban_wrong_check_digits_still_redacted(iban: str) -> None:
    # A mistyped account number still identifies its holder (issue #11, ADR 0002).
    assert not is_valid_iban(iban)
    assert types_of(f"Tilinumero {iban}.") == [(iban, "iban")]


@pytest.mark.parametrize("text", ["Tilinumero DE89 3704.", "Koodi FI21 1234 ABCD EFGH IJ."])
def test_iban_wrong_shape_not_matched(text: str) -> None:
    assert not any(t == "iban" for _, t in types_of(text))


# ---------------------------------------------------------------- address
@pytest.mark.parametrize(
    "addr",
    ["Kauppakatu 5 B 12", "Väinönkatu 1 as 3", "Hämeentie 12 A", "Mannerheimintie 5 C 33",
     "Storgatan 3 B 7", "Kivistönkatu 4 bs 2", "Kauppakatu 5, 40100 Jyväskylä",
     "Kauppakadulla 5", "Hämeentiellä 12", "Ida Aalbergin tie 3", "kauppakatu 5 b 12",
     "Hervannan valtaväylä 12 C 45", "Strandvägen 12 A 3, 65100 Vasa"],
)
def test_address(addr: str) -> None:
    assert types_of(f"Asiakas asuu: {addr}. Kiitos.") == [(addr, "address")]


@pytest.mark.parametrize(
    "text",
    ["Kauppakadun varrella on kioski.", "Hän asui ennen Hämeentiellä.",
     "Palvelupolku 2 vuotta oli liian pitkä.", "Bussilinja 5 ei kulje."],
)
def test_street_without_number_is_kept(text: str) -> None:
    assert types_of(text) == []
