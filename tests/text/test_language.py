"""Language processing: Voikko lemmas and compounds, Swedish stems, abbreviations."""

from __future__ import annotations

import pytest

from ilmio.text import language
from ilmio.text.language import (
    analyze_word_fi,
    detect_language,
    expand_abbreviations,
    lemmas,
    stem_sv,
    terms,
    tokenize,
)


def test_compound_parts_of_mielenterveyspalvelut() -> None:
    lemma, parts = analyze_word_fi("mielenterveyspalvelut")
    assert lemma == "mielenterveyspalvelu"
    assert parts[:3] == ("mieli", "terveys", "palvelu")
    assert "mielenterveys" in parts  # adjacent parts that form a word are kept too


def test_lemma_of_asunnottomuudesta() -> None:
    assert analyze_word_fi("asunnottomuudesta")[0] == "asunnottomuus"


@pytest.mark.parametrize(
    ("word", "lemma", "part"),
    [("toimeentulotuen", "toimeentulotuki", "tuki"), ("lähisuhdeväkivaltaa", "lähisuhdeväkivalta", "väkivalta")],
)
def test_inflected_compounds(word: str, lemma: str, part: str) -> None:
    got_lemma, parts = analyze_word_fi(word)
    assert got_lemma == lemma
    assert part in parts


def test_terms_include_lemmas_and_parts_and_drop_stopwords() -> None:
    out = terms("Asiakkaat ja heidän lapsensa odottavat mielenterveyspalveluihin pääsyä.", "fi")
    assert "asiakas" in out
    assert "mielenterveyspalvelu" in out and "terveys" in out
    assert "ja" not in out and "heidän" not in out


def test_hyphenated_and_colon_forms() -> None:
    out = terms("Ohjattiin TE-toimistoon ja Kela:n kautta SHL:n mukaisesti", "fi")
    assert "te-toimisto" in out and "toimisto" in out
    assert "kela" in out
    assert "sosiaalihuoltolaki" in out


@pytest.mark.parametrize(
    ("abbr", "expected"),
    [
        ("tt-tuki", "toimeentulotuki"),
        ("TTT", "toimeentulotuki"),
        ("lasu", "lastensuojelu"),
        ("SHL:n", "sosiaalihuoltolaki"),
        ("mtp", "mielenterveyspalvelu"),
        ("aikkarit", "aikuissosiaalityö"),
        ("sossuun", "sosiaalitoimisto"),
    ],
)
def test_abbreviations_expand(abbr: str, expected: str) -> None:
    assert expand_abbreviations(abbr, "fi") == [expected]
    assert expected in terms(f"asia {abbr} asia", "fi")


def test_abbreviation_and_full_form_give_same_feature() -> None:
    assert "toimeentulotuki" in terms("tt-tuen käsittely viivästyy", "fi")
    assert "toimeentulotuki" in terms("toimeentulotuen käsittely viivästyy", "fi")


def test_swedish_stemming_groups_inflections() -> None:
    assert stem_sv("bostadslösheten") == stem_sv("bostadslöshet")
    assert stem_sv("missbrukare") == stem_sv("missbruk")
    out = terms("Klienterna väntar på utkomststöd från FPA och det är svårt.", "sv")
    assert "fpa" in out
    assert "och" not in out and "det" not in out


def test_placeholders_and_numbers_are_dropped() -> None:
    out = lemmas("[NIMI] soitti 040 ja [PUHELIN] asunnottomuudesta", "fi")
    assert "nimi" not in out and "puhelin" not in out
    assert "asunnottomuus" in out
    assert tokenize("[HETU] x")[0].is_placeholder


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Asiakkaat eivät saa aikaa mielenterveyspalveluihin ja jonot ovat pitkiä.", "fi"),
        ("Klienterna får inte tid till mentalvården och köerna är långa.", "sv"),
        ("The clients do not get appointments and the queues are long.", "en"),
        ("", "fi"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_missing_voikko_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_voikko", None)
    monkeypatch.setattr(language, "_voikko_error", "Finnish text analysis needs Voikko: install libvoikko1 voikko-fi")
    analyze_word_fi.cache_clear()
    try:
        with pytest.raises(language.VoikkoUnavailableError, match="voikko-fi"):
            analyze_word_fi("sanaa-jota-ei-ole-välimuistissa")
        assert not language.voikko_available()
    finally:
        analyze_word_fi.cache_clear()
