"""The core's restore rule: a name or address a reporter restored stays; nothing else does."""

from __future__ import annotations

from ilmio.privacy import RESTORABLE_TYPES, redact, restoring

TEXT = "Nuoret viihtyvät Kivellä. Asiakas Mikko Virtanen, hetu 131052-308T, puh 040 765 4321, Kauppakatu 5 B 2."


def test_only_names_and_addresses_are_restorable() -> None:
    assert {"person_name", "address"} == RESTORABLE_TYPES


def test_restored_names_and_addresses_stay_and_are_counted() -> None:
    result = redact(TEXT, "fi", restore=["Kivellä", "Kauppakatu 5 B 2"])
    assert result.text == ("Nuoret viihtyvät Kivellä. Asiakas [NIMI], hetu [HETU], puh [PUHELIN], "
                           "Kauppakatu 5 B 2.")
    assert result.restored == 2
    assert redact(result.text, "fi", restore=["Kivellä", "Kauppakatu 5 B 2"]).text == result.text


def test_pattern_types_are_removed_whatever_restore_says() -> None:
    result = redact(TEXT, "fi", restore=["131052-308T", "040 765 4321", "hetu 131052-308T"])
    assert "131052-308T" not in result.text and "040 765 4321" not in result.text
    assert result.restored == 0


def test_only_the_exact_words_are_restored() -> None:
    assert redact("Kivellä ja Kiven luona.", "fi", restore=["Kivellä"]).text.count("[NIMI]") <= 1
    assert redact("Mikko Virtanen soitti.", "fi", restore=["Mikko"]).text == "[NIMI] soitti."


def test_restoring_context_is_what_stored_fields_use() -> None:
    with restoring(["Kivellä"]):
        inside = redact(TEXT, "fi").text
    assert inside.startswith("Nuoret viihtyvät Kivellä.") and "[HETU]" in inside
    assert redact(TEXT, "fi").text.startswith("Nuoret viihtyvät [NIMI].")  # nothing leaks out of the block
