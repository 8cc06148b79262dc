"""Person-name detection: inflection, lower case, initials, Swedish, keep lists."""

from __future__ import annotations

import pytest

from ilmio.privacy import redact


def names(text: str, lang: str | None = None) -> list[str]:
    res = redact(text, lang)
    return [text[r.start:r.end] for r in res.redactions if r.type == "person_name"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soitin Virtasen perheelle.", ["Virtasen"]),
        ("Annoin lomakkeen Ainolle ja Mikolle.", ["Ainolle", "Mikolle"]),
        ("Sain viestin Korhoselta eilen.", ["Korhoselta"]),
        ("Kirje lähti Niemiselle ja Laineelle.", ["Niemiselle", "Laineelle"]),
        ("Tapasin Mäkisen kaupassa.", ["Mäkisen"]),
        ("Asiakas Mikko Virtanen soitti.", ["Mikko Virtanen"]),
        ("Soita Sannalle tai Jukalle.", ["Sannalle", "Jukalle"]),
        ("Heikin äiti soitti Matin opettajalle.", ["Heikin", "Matin"]),
        ("Virtasten perhe muutti.", ["Virtasten"]),
        ("Raportin kirjoitti Anne-Mari Hyvönen-Kauppinen.", ["Anne-Mari Hyvönen-Kauppinen"]),
    ],
)
def test_inflected_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_lowercase_hurried() -> None:
    assert names("virtasen mikko kävi toimistolla") == ["virtasen mikko"]
    assert names("asiakas liisa korhonen soitti") == ["liisa korhonen"]


def test_initials() -> None:
    assert names("Paikalla olivat Leena K. ja M. Virtanen.") == ["Leena K.", "M. Virtanen"]


def test_swedish_names_and_genitive() -> None:
    text = "Kundens mamma Anna Johansson ringde. Annas son heter Erik och Johanssons hyra är obetald."
    assert names(text, "sv") == ["Anna Johansson", "Annas", "Erik", "Johanssons"]


def test_swedish_pronoun_hans_is_not_a_name() -> None:
    assert names("Hans mamma ringde igen. Hon heter Birgitta.", "sv") == ["Birgitta"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poika Onni (5 v) ja äiti Satu asuvat Salossa.", ["Onni", "Satu"]),
        ("Matti Salo muutti Lahteen.", ["Matti Salo"]),
        ("Onni Salo ja Toivo Kivi ovat veljeksiä.", ["Onni Salo", "Toivo Kivi"]),
        ("Vastaanotolla kävi rouva Virtanen ja herra Laine.", ["Virtanen", "Laine"]),
        ("Hän on nimeltään Tuula.", ["Tuula"]),
    ],
)
def test_ambiguous_names_in_name_context(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Onni oli suuri, kun asunto löytyi.",
        "Toivo paremmasta on monelle ainoa voimavara.",
        "Perheen toivo on, että asunto löytyy. Into ja usko ovat hiipuneet.",
        "Talvella lumi estää ikäihmisiä lähtemästä kotoa.",
        "Asiakas muutti Salosta Lahteen ja sieltä Kuopioon.",
        "Lahdessa ja Jyväskylässä vuokrat nousivat. Huhtasuolla ja Kortepohjassa myös.",
        "Kela, Kelan ja Kelalta saadut päätökset viipyvät; HUS ja THL tietävät.",
        "Mannerheimin Lastensuojeluliitto, Pelastakaa Lapset ja Y-Säätiö tekevät yhteistyötä.",
        "Ensi- ja turvakotien liitto sekä A-klinikka ja Sininauhaliitto auttavat.",
        "Maanantaina ja Tammikuussa pidettiin palaveri. På måndag kommer Folkhälsan.",
        "Sosiaalityöntekijä ja ohjaaja tapasivat johtajan.",
        "Perhe asui ennen Mannerheimintiellä, nyt Kauppakadun varrella.",
        "SHL 49 § ja TOTU sekä LAPE-ohjelma; tt-tuki ja aso-jono, lasu tehty.",
        "Asiakkaat kokevat, että palvelut ovat kaukana. Tapasin useita nuoria.",
        "Hyrorna har stigit i Vasa och Röda Korset delar ut mat.",
    ],
)
def test_keep_lists(text: str) -> None:
    assert redact(text).redactions == []
