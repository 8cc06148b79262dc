"""The words shown to coordinators next to a suggestion are real lemmas: Finnish nouns
(no verbs, adverbs, names or three-letter fragments), Swedish written forms (not stems)."""

from __future__ import annotations

from ilmio.analysis.insights import suggestion_words
from ilmio.text import corpus, get_default_model

NOT_WORDS = {"kuu", "viedä", "yhä", "längr", "veck", "hyr", "luck", "nedlag", "närservic"}


def _words(text: str, lang: str) -> list[str]:
    result = get_default_model().suggest(text, lang)
    return suggestion_words(text, result.lang, result.explain(result.phenomena[0].code, k=20))


def test_finnish_words_are_dictionary_nouns() -> None:
    text = ("Rahat loppuu aina kuun puolivälissä enkä saa ruokaa ostettua. Hain toimeentulotukea mutta "
            "sain hylkäyksen koska yksi liite puuttui.")  # fmt: skip
    words = _words(text, "fi")
    assert "toimeentulotuki" in words and "ruoka" in words
    assert not NOT_WORDS & set(words)


def test_swedish_words_are_written_forms_not_stems() -> None:
    text = ("Jag har inte fått något beslut fast det gått tre månader. Anhöriga orkar inte längre. "
            "Återuppringningen kommer först efter veckor och närservicen är nedlagd.")  # fmt: skip
    words = _words(text, "sv")
    assert words
    assert not NOT_WORDS & set(words)
    assert not {"gått", "fått", "längre"} & set(words)
    lowered = text.lower()
    assert all(word in lowered for word in words)


def test_no_stem_or_fragment_on_the_held_out_corpus() -> None:
    for example in corpus.test_examples():
        words = _words(example.text, example.lang or "fi")
        assert not NOT_WORDS & set(words), (example.text, words)
        assert all(len(word) >= 4 for word in words)
