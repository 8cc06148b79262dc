"""Phenomenon / target-group model: held-out targets, API contract, persistence, retrain."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilmio.text import (
    PHENOMENA,
    TARGET_GROUPS,
    LabelledText,
    PhenomenonModel,
    get_default_model,
    retrain,
    train_model,
)
from ilmio.text.classifier import DEFAULT_MODEL_PATH, load_or_train_default
from ilmio.text.corpus import CORPUS_PATH, load_corpus, train_examples
from ilmio.text.corpus import test_examples as held_out_examples
from ilmio.text.language import terms

REPORT_FI = (
    "Asiakkaat ovat menettäneet vuokra-asuntonsa vuokrarästien takia ja häätöjä on paljon. "
    "Osa odottaa myös toimeentulotukea Kelasta. Kyse on nuorista aikuisista."
)
REPORT_SV = (
    "Klienterna har blivit vräkta på grund av hyresskulder och hittar ingen ny hyresbostad. "
    "Härbärget är fullt och några väntar också på utkomststöd från FPA."
)


@pytest.fixture(scope="module")
def model() -> PhenomenonModel:
    return get_default_model()


@pytest.fixture(scope="module")
def held_out(model: PhenomenonModel):  # noqa: ANN201 - EvaluationResult
    return model.evaluate(held_out_examples())


def test_corpus_shape() -> None:
    records = load_corpus()
    assert len(records) >= 900
    langs = Counter(r.example.lang for r in records)
    assert langs["sv"] / len(records) >= 0.25
    assert {p for r in records for p in r.example.phenomena} == set(PHENOMENA)
    assert {t for r in records for t in r.example.target_groups} == set(TARGET_GROUPS)
    test_share = sum(r.split == "test" for r in records) / len(records)
    assert 0.15 <= test_share <= 0.25
    # Stratified: every (primary phenomenon, language) has held-out reports.
    strata = {(r.example.phenomena[0], r.example.lang) for r in records if r.split == "test"}
    assert len(strata) == len(PHENOMENA) * 2
    assert len({r.example.text for r in records}) == len(records)
    first = json.loads(CORPUS_PATH.read_text(encoding="utf-8").splitlines()[0])
    assert {"id", "lang", "style", "text", "phenomena", "target_groups", "split"} <= set(first)


def test_shipped_artifact_is_current() -> None:
    # A stale artifact would silently be retrained at start-up (slow): rebuild it with
    # `python -m ilmio.text.classifier` after changing the corpus or feature code.
    from ilmio.text.classifier import feature_code_sha256
    from ilmio.text.corpus import corpus_sha256

    meta = PhenomenonModel.load(DEFAULT_MODEL_PATH).meta
    assert meta["corpus_sha256"] == corpus_sha256()
    assert meta["feature_code_sha256"] == feature_code_sha256()


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_held_out_targets_per_language(held_out, lang: str) -> None:  # noqa: ANN001
    m = held_out.by_language[lang]
    assert m.n >= 50
    assert m.phenomena_top1 >= 0.85, held_out.to_markdown()
    assert m.phenomena_top3 >= 0.97, held_out.to_markdown()


def test_held_out_overall_and_target_groups(held_out) -> None:  # noqa: ANN001
    assert held_out.overall.phenomena_top1 >= 0.85
    assert held_out.overall.phenomena_top3 >= 0.97
    assert held_out.overall.target_groups_top3 >= 0.9
    assert held_out.overall.phenomena_macro_f1 >= 0.7


def test_all_codes_present_and_sorted(model: PhenomenonModel) -> None:
    for text, lang in [(REPORT_FI, "fi"), (REPORT_SV, "sv"), (REPORT_FI, None)]:
        s = model.suggest(text, lang)
        assert [x.code for x in s.phenomena] != [] and {x.code for x in s.phenomena} == set(PHENOMENA)
        assert {x.code for x in s.target_groups} == set(TARGET_GROUPS)
        assert len(s.phenomena) == 10 and len(s.target_groups) == 7
        for group in (s.phenomena, s.target_groups):
            scores = [x.score for x in group]
            assert scores == sorted(scores, reverse=True)
            assert all(0.0 <= x <= 1.0 for x in scores)
        assert s.phenomena[0].code == "asuminen"


def test_explain_returns_words_of_the_text(model: PhenomenonModel) -> None:
    s = model.suggest(REPORT_FI, "fi")
    words = s.explain("asuminen")
    assert 1 <= len(words) <= 5
    vocabulary = set(terms(REPORT_FI, "fi"))
    assert all(w in vocabulary for w in words), (words, vocabulary)
    assert {"vuokrarästi", "asunto", "häätö", "vuokra"} & set(words)
    with pytest.raises(KeyError):
        s.explain("no_such_code")


def test_save_load_round_trip(tmp_path: Path) -> None:
    examples = train_examples()[::4]
    trained = train_model(examples)
    path = tmp_path / "model.npz"
    trained.save(path)
    loaded = PhenomenonModel.load(path)
    a, b = trained.suggest(REPORT_FI), loaded.suggest(REPORT_FI)
    assert [x.code for x in a.phenomena] == [x.code for x in b.phenomena]
    for x, y in zip(a.phenomena + a.target_groups, b.phenomena + b.target_groups, strict=True):
        assert x.score == pytest.approx(y.score, abs=0.01)  # weights are stored as float16
    assert loaded.meta["n_examples"] == len(examples)


def test_broken_artifact_falls_back_to_training(tmp_path: Path) -> None:
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a model")
    model = load_or_train_default(path)
    assert model.suggest(REPORT_SV, "sv").phenomena[0].code == "asuminen"


def test_retrain_adds_examples_and_changes_predictions() -> None:
    novel = "Kvarkkiloukku-sovellus kaatuu ja kvarkkiloukku estää asioinnin"
    before_score = dict((s.code, s.score) for s in get_default_model().suggest(novel, "fi").phenomena)
    extra = [
        LabelledText(
            text=f"{prefix} kvarkkiloukku {suffix}",
            lang="fi",
            phenomena=["vakivalta"],
            target_groups=["ikaantyneet"],
        )
        for prefix, suffix in [
            ("Asiakkaat kertovat", "toistuvasti."),
            ("Taas uusi", "tapaus."),
            ("Havaittu", "useilla."),
            ("Kotikäynnillä", "nousi esiin."),
            ("Omaiset huolissaan:", "jatkuu."),
            ("Ilmiö:", "lisääntyy."),
        ]
    ]
    model, before, after = retrain(extra)
    assert model.meta["n_extra"] == len(extra)
    assert model.meta["n_examples"] == len(train_examples()) + len(extra)
    after_s = model.suggest(novel, "fi")
    assert dict((s.code, s.score) for s in after_s.phenomena)["vakivalta"] > before_score["vakivalta"]
    assert after_s.phenomena[0].code == "vakivalta"
    assert before.overall.n == after.overall.n == len(held_out_examples())
    assert after.overall.phenomena_top1 >= 0.8


def test_labels_always_include_top_codes(model: PhenomenonModel) -> None:
    phen, tgs = model.suggest("kissa", "fi").labels()
    assert len(phen) >= 1 and len(tgs) >= 1


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300), lang=st.sampled_from([None, "fi", "sv", "en", "xx"]))
def test_suggest_never_raises(text: str, lang: str | None) -> None:
    s = get_default_model().suggest(text, lang)
    assert len(s.phenomena) == 10 and len(s.target_groups) == 7
    s.explain(s.phenomena[0].code)


def test_suggest_latency_regression_guard(model: PhenomenonModel) -> None:
    # Target is < 5 ms median on an idle core (see bench/bench_text.py); the bound here is
    # loose so that a busy CI machine does not flake, but it catches gross regressions.
    import statistics
    import time

    texts = [(e.text, e.lang) for e in held_out_examples()[:60]]
    for text, lang in texts:
        model.suggest(text, lang)
    timings = []
    for text, lang in texts:
        started = time.perf_counter()
        model.suggest(text, lang)
        timings.append(time.perf_counter() - started)
    assert statistics.median(timings) < 0.025
