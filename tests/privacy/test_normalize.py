"""Normalisation before detection: every detector sees clean text, every span is exact on
the original, and the stored text is the original with only the spans replaced."""

from __future__ import annotations

import pytest

from ilmio.privacy import redact
from ilmio.privacy.normalize import WILDCARD, normalize


def test_clean_text_is_not_copied() -> None:
    norm = normalize("Äiti ja Östen asuvat Åbossa.")
    assert norm.text == "Äiti ja Östen asuvat Åbossa." and norm.starts is None


@pytest.mark.parametrize(("raw", "clean"), [
    ("Mat\u200btti", "Mattti"), ("a\u00adb\u2060c\ufeffd", "abcd"), ("x\u202ey\u202cz", "xyz"),
    ("131052\u2212308T", "131052-308T"), ("a\u2014b\u2013c\u2010d", "a-b-c-d"), ("x\u00a0y", "x y"),
    ("０４０ ７６５", "040 765"), ("ﬁ", "fi"), ("a\u0308iti", "äiti"),
    ("MÃ¡ret SÃ¡rÃ¡", "Máret Sárá"), ("NÃ¤kkÃ¤lÃ¤", "Näkkälä"), ("M?ret S?r?", f"M{WILDCARD}ret S{WILDCARD}r{WILDCARD}"),
])  # fmt: skip
def test_what_detectors_see(raw: str, clean: str) -> None:
    assert normalize(raw).text == clean


def test_a_question_mark_ending_a_sentence_stays() -> None:
    assert normalize("Onko Sara? Kyllä.").text == "Onko Sara? Kyllä."


def test_spans_map_back_to_the_original_characters() -> None:
    raw = "Asiakas Mat\u200btti Vir\u200btanen, hetu 131052\u2212308T, puh ０４０ ７６５ ４３２１."
    result = redact(raw)
    found = [(raw[r.start:r.end], r.type) for r in result.redactions]
    assert found == [("Mat\u200btti Vir\u200btanen", "person_name"), ("131052\u2212308T", "hetu"),
                     ("０４０ ７６５ ４３２１", "phone")]
    assert result.text == "Asiakas [NIMI], hetu [HETU], puh [PUHELIN]."


def test_invisible_characters_outside_spans_are_kept() -> None:
    raw = "Kaikki\u200b hyvin \u2013 Mikko Virtanen soitti."
    assert redact(raw).text == "Kaikki\u200b hyvin \u2013 [NIMI] soitti."


def test_mojibake_names_are_redacted_whole() -> None:
    raw = "Paikalla oli MÃ¡ret SÃ¡rÃ¡ Utsjoelta."
    assert redact(raw).text == "Paikalla oli [NIMI] Utsjoelta."
