"""Names by context (issue #11): the kinds that were missed and the kinds that were taken for
names. Hand-written sentences, none of them from the corpora."""

from __future__ import annotations

import pytest

from ilmio.privacy import redact

MISSED = [
    # ordinary words used as names: a person's verb after them, or the name confirmed elsewhere
    ("Valo kertoi, että äiti on sairaalassa.", "[NIMI] kertoi, että äiti on sairaalassa."),
    ("Lempi soitti aamulla ja pyysi apua.", "[NIMI] soitti aamulla ja pyysi apua."),
    ("Karhu ilmoitti muuttavansa Ouluun.", "[NIMI] ilmoitti muuttavansa Ouluun."),
    ("Sampo ei vastannut viesteihin.", "[NIMI] ei vastannut viesteihin."),
    ("Urho oli huolissaan vuokrasta.", "[NIMI] oli huolissaan vuokrasta."),
    ("Tapasin Innon kotona. Into on 14-vuotias.", "Tapasin [NIMI] kotona. [NIMI] on 14-vuotias."),
    # ALL-CAPS names
    ("ASIAKAS: PIRJO LEHTIMÄKI", "ASIAKAS: [NIMI]"),
    ("Tapasin JUHA KORPELAN eilen.", "Tapasin [NIMI] eilen."),
    # Sámi names, with and without their letters, and mangled
    ("Áile Niittyvuopio ja Niillas Aikio tulivat Inarista.", "[NIMI] ja [NIMI] tulivat Inarista."),
    ("Kirje oli osoitettu nimelle Nill? Ai?io.", "Kirje oli osoitettu nimelle [NIMI]."),
    # Ukrainian surnames in Finnish cases, also lower case
    ("Tkachenkon lapset eivät pääse kouluun.", "[NIMI] lapset eivät pääse kouluun."),
    ("soitin melnykille ja kerroin päätöksestä", "soitin [NIMI] ja kerroin päätöksestä"),
    ("kävin bondarenkon perheen luona", "kävin [NIMI] perheen luona"),
    # zero-width characters inside a name
    ("Asiakas Ju\u200bha Kor\u200bpela kävi.", "Asiakas [NIMI] kävi."),
    # nicknames
    ("Viljo eli 'Vikke' Rantanen on asiakkaana.", "[NIMI] eli '[NIMI]' [NIMI] on asiakkaana."),
    ("Nuorta kutsutaan Pupuksi, oikea nimi on Tuomas.", "Nuorta kutsutaan Pupuksi, oikea nimi on [NIMI]."),
    ("kaverit kutsuu sitä sikeksi ja se nukkuu rapussa", "kaverit kutsuu sitä [NIMI] ja se nukkuu rapussa"),
    ("nuori jeppe niminen poika", "nuori [NIMI] niminen poika"),
    # lower-case names that contain an ordinary word
    ("kivimäki ei saanut tukea", "[NIMI] ei saanut tukea"),
    ("pirkko koivumäki soitti", "[NIMI] soitti"),
    ("anna-kaisa kävi toimistolla", "[NIMI] kävi toimistolla"),
    ("tapasin lehtosen perheen", "tapasin [NIMI] perheen"),
]

KEPT = [
    "Sama toistuu monessa perheessä.",
    "Toinen ongelma on vuokra.",
    "Kolmas vaihtoehto on tukiasunto.",
    "Moni perhe odottaa päätöstä.",
    "Kuusi perhettä jäi ilman lämmitystä.",
    "Ruotsalainen numero ei toimi.",
    "Valo sammui portaikosta jo syksyllä.",
    "Usko paranemiseen on koetuksella.",
    "Tuuli oli niin kova, että bussi ei kulkenut.",
    "Lumi oli sulanut, kun korjaus alkoi.",
    "Min granne har samma problem.",
    "Man borde göra något.",
    "Sairaala Nova ja Nuorisoasema Into ovat täynnä.",
    "Perheet käyvät Toivon Talolla.",
    "Kävimme Kahvila Pulla-Pojassa ja Ruokapankki Apajassa.",
    "Asukastupa Helmi on auki tiistaisin.",
    "Vein lapsen Päiväkoti Kastehelmeen.",
    "Asiakkaat asuvat Onnelassa ja Toivolassa.",
    "Di ha stängt Café Solveig och Hoppets Hus.",
    "Perheen isä on työtön.",
    "Kantatie 66 ja Valtatie 13 ovat vaarallisia.",
    "HAVAITTU ILMIÖ: KEITÄ KOSKEE",
]


@pytest.mark.parametrize(("text", "expected"), MISSED)
def test_names_found_by_context(text: str, expected: str) -> None:
    assert redact(text).text == expected


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_words_and_organisations_stay(text: str) -> None:
    assert redact(text).text == text
