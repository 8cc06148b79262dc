"""The inference fast path (cached per-token and per-word feature ids) gives the same
suggestions as the training-time feature path (term and n-gram strings)."""

from __future__ import annotations

from ilmio.text import corpus, get_default_model


def test_fast_path_matches_the_reference_path_on_the_corpus() -> None:
    model = get_default_model()
    examples = [*corpus.test_examples(), *corpus.train_examples()]
    for example in examples:
        for lang in (example.lang, None):  # given and detected language
            fast = model.suggest(example.text, lang)
            reference = model.suggest_reference(example.text, lang)
            assert fast.lang == reference.lang
            assert [s.code for s in fast.phenomena[:3]] == [s.code for s in reference.phenomena[:3]]
            assert [s.code for s in fast.target_groups[:3]] == [s.code for s in reference.target_groups[:3]]
            ref_scores = {s.code: s.score for s in (*reference.phenomena, *reference.target_groups)}
            for s in (*fast.phenomena, *fast.target_groups):
                assert abs(s.score - ref_scores[s.code]) < 1e-5, (example.text, s.code)


def test_redacted_placeholders_and_unknown_words_take_the_same_path() -> None:
    model = get_default_model()
    for text in ["[NIMI] soitti numerosta [PUHELIN], rahat loppu ja vuokra on rästissä",
                 "zxqv blorf", "", "12345", "Jag blev vräkt när jag låg efter med hyran."]:
        fast, reference = model.suggest(text), model.suggest_reference(text)
        assert [s.code for s in fast.phenomena] == [s.code for s in reference.phenomena]
        ref_scores = {s.code: s.score for s in reference.phenomena}
        assert all(abs(s.score - ref_scores[s.code]) < 1e-5 for s in fast.phenomena)
