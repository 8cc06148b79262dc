"""Similar-report search, keywords and themes."""

from __future__ import annotations

from ilmio.text import SimilarityIndex, keywords, themes
from ilmio.text.corpus import load_corpus

DUP_A = (
    "Asiakkaat ovat menettäneet vuokra-asuntonsa vuokrarästien vuoksi, ja asumisneuvontaan on "
    "kuuden viikon jono. Häätöuhka toteutuu ennen kuin apua saadaan."
)
DUP_B = (
    "asiakkaat ovat menettäneet vuokra-asuntonsa vuokrarästien vuoksi ja asumisneuvontaan on "
    "kuuden viikon jono, häätöuhka toteutuu ennen kuin apua saadaan"
)


def _index() -> SimilarityIndex:
    docs = [(r.id, r.example.text, r.example.lang) for r in load_corpus()[::3][:400]]
    docs.append(("dup-a", DUP_A, "fi"))
    return SimilarityIndex.build(docs)


def test_near_duplicate_found_and_unrelated_not_flagged() -> None:
    index = _index()
    hits = index.most_similar(DUP_B, "fi", k=5)
    assert hits[0].id == "dup-a"
    assert hits[0].near_duplicate and hits[0].score >= 0.8
    assert not any(h.near_duplicate for h in hits[1:])
    unrelated = index.most_similar("Koulukiusaaminen ja väkivalta kotona pelottavat lapsia.", "fi", k=5)
    assert unrelated and not any(h.near_duplicate for h in unrelated)
    assert all(h.id != "dup-a" for h in unrelated[:1])
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_exclude_id_and_incremental_add() -> None:
    index = _index()
    assert all(h.id != "dup-a" for h in index.most_similar(DUP_A, "fi", k=3, exclude_id="dup-a"))
    text = "Bostadslösheten ökar och härbärget är fullt varje natt, hyresskulderna växer."
    index.add("new-sv", text, "sv")
    assert len(index) == 402
    hit = index.most_similar(text, "sv", k=1)[0]
    assert hit.id == "new-sv" and hit.near_duplicate


def test_empty_and_unknown_queries() -> None:
    index = _index()
    assert index.most_similar("", "fi") == []
    assert index.most_similar("qwzx vbnm", "fi") == []
    assert SimilarityIndex.build([]).most_similar("asunto", "fi") == []


def test_planted_keyword_surfaces() -> None:
    background = [r.example.text for r in load_corpus() if r.example.lang == "fi"][:300]
    subset = [
        f"{t} Kimchiruoka-apu! [NIMI]"
        for t in background[:20]
    ]
    top = keywords(subset, background, lang="fi", k=5)
    assert top and top[0].term == "kimchiruoka-apu"
    assert top[0].count == 20
    assert all(kw.term not in {"nimi", "[nimi]", "ja"} for kw in keywords(subset, background, lang="fi", k=30))


def test_keywords_default_background_and_empty() -> None:
    assert keywords([]) == []
    got = keywords(["Vuokrarästit ja häätö.", "Häätö uhkaa, vuokrarästit kasvavat."], lang="fi", k=3)
    assert "häätö" in {k.term for k in got} or "vuokrarästi" in {k.term for k in got}


def test_themes_group_reports() -> None:
    docs = [r.example.text for r in load_corpus() if r.example.lang == "fi"][:120]
    found = themes(docs, n_themes=4, lang="fi")
    assert 1 <= len(found) <= 4
    assert sum(t.size for t in found) <= len(docs)
    assert all(t.label and t.terms for t in found)
