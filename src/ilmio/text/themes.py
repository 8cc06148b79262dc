"""Keywords and themes of a subset of reports (phenomenon × area × period).

``keywords`` ranks lemmas by the weighted log-odds ratio with an informative Dirichlet
prior (Monroe, Colaresi & Quinn 2008) of the subset against a background. Unlike raw
frequency it does not surface words common everywhere ("asiakas", "palvelu"), and
unlike plain log-odds it does not over-rank rare words: the z-score shrinks estimates
for words seen once or twice. Without a background the shipped corpus is used.

``theme_terms`` turns keywords into words to show people: Finnish nouns as dictionary
words (no names, verbs, adjectives or the words of every social-work text), Swedish
stems as their most common written form.

``themes`` groups a subset into a few clusters with NMF over TF-IDF of lemmas and labels
each with its top terms (nice-to-have; needs ≥ 2 × n_themes reports).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ilmio.text.features import Tfidf, resolve_lang
from ilmio.text.language import analyze, lemmas
from ilmio.text.morphology import readings_fi

PRIOR_STRENGTH = 500.0  # α0: total pseudo-count of the prior, spread by background frequency


@dataclass(frozen=True, slots=True)
class Keyword:
    term: str
    score: float
    count: int


@dataclass(frozen=True)
class Theme:
    label: str
    terms: list[str]
    size: int
    doc_indices: list[int]


def _keep(term: str) -> bool:
    return len(term) >= 3 and not any(ch.isdigit() for ch in term)


def _counts(texts: Sequence[str], lang: str | None) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(t for t in lemmas(text, resolve_lang(text, lang)) if _keep(t))
    return counts


def _default_background(lang: str | None) -> list[str]:
    from ilmio.text.corpus import load_corpus

    return [r.example.text for r in load_corpus() if lang is None or r.example.lang == lang]


def keywords(
    texts: Sequence[str],
    background: Sequence[str] | None = None,
    lang: str | None = None,
    k: int = 10,
    min_count: int = 2,
) -> list[Keyword]:
    """Distinctive lemmas of ``texts`` against ``background`` (highest z-score first)."""
    subset = _counts(texts, lang)
    if not subset:
        return []
    back = _counts(background if background is not None else _default_background(lang), lang)
    pooled = subset + back
    total_pooled = sum(pooled.values())
    n_sub = sum(subset.values())
    n_back = sum(back.values())
    # Words seen once are kept only for tiny subsets, where nothing else is there.
    threshold = min_count if len(texts) >= 5 else 1
    out: list[Keyword] = []
    for term, y_i in subset.items():
        if y_i < threshold:
            continue
        alpha_w = PRIOR_STRENGTH * pooled[term] / total_pooled
        y_j = back.get(term, 0)
        delta = math.log((y_i + alpha_w) / (n_sub + PRIOR_STRENGTH - y_i - alpha_w)) - math.log(
            (y_j + alpha_w) / (n_back + PRIOR_STRENGTH - y_j - alpha_w)
        )
        variance = 1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w)
        out.append(Keyword(term, round(delta / math.sqrt(variance), 4), y_i))
    out.sort(key=lambda kw: (-kw.score, kw.term))
    return [kw for kw in out if kw.score > 0][:k]


def themes(texts: Sequence[str], n_themes: int = 4, lang: str | None = None, terms_per_theme: int = 5) -> list[Theme]:
    """Cluster ``texts`` into up to ``n_themes`` themes labelled by their top lemmas."""
    from sklearn.decomposition import NMF

    docs = [[t for t in lemmas(text, resolve_lang(text, lang)) if _keep(t)] for text in texts]
    if len(docs) < 2 * n_themes:
        n_themes = max(1, len(docs) // 2)
    if not docs or n_themes < 1:
        return []
    tfidf = Tfidf().fit(docs, min_df=2 if len(docs) >= 20 else 1)
    if not tfidf.vocabulary:
        return []
    x = tfidf.transform(docs).astype(np.float64)
    n_themes = min(n_themes, x.shape[1])
    nmf = NMF(n_components=n_themes, init="nndsvda", random_state=0, max_iter=400)
    doc_topic = nmf.fit_transform(x)
    vocab = tfidf.terms
    assignment = doc_topic.argmax(axis=1)
    out: list[Theme] = []
    for t in range(n_themes):
        top = [vocab[i] for i in np.argsort(-nmf.components_[t])[:terms_per_theme]]
        members = [int(i) for i in np.flatnonzero(assignment == t) if doc_topic[i, t] > 0]
        if members:
            out.append(Theme(label=", ".join(top[:3]), terms=top, size=len(members), doc_indices=members))
    out.sort(key=lambda th: -th.size)
    return out


def _words(text: str) -> list[str]:
    return text.split()


# Words of every social-work text: true of any report, so never a theme (base forms).
PROSE_STOPWORDS: dict[str, frozenset[str]] = {
    "fi": frozenset(_words("""
        tuki apu perhe asiakas asiakkuus palvelu tilanne työntekijä sosiaalityöntekijä
        sosiaaliohjaaja ammattilainen ongelma asia vuosi kuukausi viikko päivä kerta aika
        tapaus henkilö ihminen määrä osa tarve kunta alue hyvinvointialue ilmoitus havainto
        ilmiö yhteydenotto tapaaminen asiakastapaaminen kuvio esimerkki syy lisä tieto työ
        hoito kohta mahdollisuus vaikeus tapa puoli paikka hetki moni lapsi nuori aikuinen
        kuu yhä esim tms jne
    """)),
    "sv": frozenset(_words("""
        stöd hjälp familj klient tjänst service situation arbetare socialarbetare
        problem sak år månad vecka dag gång tid fall person människa antal del behov kommun
        område välfärdsområde anmälan observation fenomen kontakt möte exempel orsak
        information arbete vård möjlighet svårighet sätt plats stor liten barn ung vuxen
        bor hyr får går tar ger blir gör finns kommer säger vill kan ska länge längre inget
        eget egen fpa kela räcker fortsätter behöver saknar ökar minskar oftare söker väntar
        känner berättar upplever hemma
    """)),
    "en": frozenset(_words("""
        support help family client service situation worker problem thing year month week
        day time case person people number part need municipality area report
    """)),
}
MIN_THEME_LETTERS = 4


@dataclass(frozen=True)
class ThemeTerm:
    """A keyword as people read it: ``term`` the word shown, ``lemma`` what was counted,
    ``docs`` the indices of the texts that use it."""

    term: str
    lemma: str
    score: float
    docs: tuple[int, ...]


@dataclass
class _Seen:
    forms: Counter[str]
    capitalised: int = 0  # occurrences written with a capital letter inside a sentence
    total: int = 0


def _occurrences(texts: Sequence[str], lang: str | None) -> tuple[dict[str, _Seen], list[set[str]], dict[str, str]]:
    """Per lemma: its written forms and how often it is capitalised mid-sentence; per
    text: its lemmas; per lemma: the language it was read in."""
    seen: dict[str, _Seen] = {}
    per_text: list[set[str]] = []
    language_of: dict[str, str] = {}
    for text in texts:
        language = resolve_lang(text, lang)
        lemmas_here: set[str] = set()
        previous_end = None
        for token in analyze(text, language):
            if token.is_stopword:
                continue
            position = text.find(token.surface)
            before = text[:position].rstrip() if position >= 0 else ""
            sentence_start = not before or before[-1] in ".!?:;\n" or previous_end is None
            previous_end = position
            entry = seen.setdefault(token.lemma, _Seen(Counter()))
            entry.forms[token.surface.lower()] += 1
            entry.total += 1
            if token.surface[:1].isupper() and not sentence_start:
                entry.capitalised += 1
            lemmas_here.add(token.lemma)
            language_of.setdefault(token.lemma, language)
        per_text.append(lemmas_here)
    return seen, per_text, language_of


def _shown_fi(lemma: str, seen: _Seen) -> str | None:
    """The dictionary noun that the written forms of ``lemma`` support best, or None when
    they read as a name, a verb, an adjective or an adverb."""
    support: Counter[str] = Counter()
    plural_forms: Counter[str] = Counter()
    for form, count in seen.forms.items():
        readings = readings_fi(form)
        if not readings or any(r.is_verb for r in readings):
            continue  # unknown, or could be a verb ("maksaa" is not the liver)
        if any(r.is_proper_noun for r in readings) and seen.capitalised * 2 >= seen.total:
            return None
        for baseform in {r.baseform.lower() for r in readings if r.is_common_noun}:
            support[baseform] += count
        if any(r.is_common_noun and r.case == "nimento" and r.number == "plural" for r in readings):
            plural_forms[form] += count
    if not support:
        return None
    best = support.most_common()
    tied = [b for b, c in best if c == best[0][1]]
    if len(tied) == 1:
        return tied[0]
    if lemma in tied and lemma in seen.forms:
        return lemma
    if plural_forms:  # "energiakulut": two readings, one written form people use
        return plural_forms.most_common(1)[0][0]
    return lemma if lemma in tied else tied[0]


# Swedish word endings of adjectives and participles ("psykiska", "tillfälliga", "dolda"):
# a theme is a thing, not a quality.
_SV_ADJECTIVE_ENDINGS = ("iska", "iskt", "liga", "ligt", "iga", "igt", "ade", "ada", "dda", "lda", "lade")
# Definite and genitive endings, stripped to show the indefinite form people look up.
_SV_DEFINITE = (("het", "het"), ("heten", "het"), ("ingen", "ing"), ("ionen", "ion"), ("arna", "ar"),
                ("erna", "er"), ("orna", "or"), ("mmet", "m"), ("nnet", "n"), ("etet", "ete"), ("en", ""),
                ("an", "a"), ("et", ""), ("ars", "ar"), ("ers", "er"))  # fmt: skip


def _shown_sv(seen: _Seen) -> str | None:
    """The indefinite form of the most common written form, or None for an adjective."""
    common = min(seen.forms.items(), key=lambda item: (-item[1], len(item[0]), item[0]))[0]
    common = common.removesuffix(":s").removesuffix("s") if common.endswith(":s") else common
    if common.endswith(_SV_ADJECTIVE_ENDINGS):
        return None
    shorter = [f for f in seen.forms if f != common and common.startswith(f) and len(f) >= MIN_THEME_LETTERS]
    if shorter:
        return min(shorter, key=len)
    for ending, replacement in _SV_DEFINITE:
        if common.endswith(ending) and len(common) - len(ending) + len(replacement) >= MIN_THEME_LETTERS:
            return common[: -len(ending)] + replacement
    return common


def theme_terms(texts: Sequence[str], background: Sequence[str] | None = None, lang: str | None = None,
                k: int = 5, min_docs: int = 2) -> list[ThemeTerm]:  # fmt: skip
    """The ``k`` most distinctive words of ``texts`` fit to show as themes, each used in at
    least ``min_docs`` of the texts."""
    candidates = keywords(texts, background, lang, k=max(30, 6 * k))
    if not candidates:
        return []
    seen, per_text, language_of = _occurrences(texts, lang)
    out: list[ThemeTerm] = []
    shown_terms: set[str] = set()
    for keyword in candidates:
        entry = seen.get(keyword.term)
        if entry is None:
            continue
        language = language_of.get(keyword.term, "fi")
        if entry.capitalised * 2 > entry.total:
            continue  # written like a name: a person, a place or an organisation
        shown = _shown_fi(keyword.term, entry) if language == "fi" else _shown_sv(entry)
        if shown is None or len(shown) < MIN_THEME_LETTERS or shown in shown_terms:
            continue
        stop = PROSE_STOPWORDS.get(language, frozenset())
        if shown in stop or keyword.term in stop:
            continue
        docs = tuple(i for i, lemmas_here in enumerate(per_text) if keyword.term in lemmas_here)
        if len(docs) < min_docs:
            continue
        out.append(ThemeTerm(shown, keyword.term, keyword.score, docs))
        shown_terms.add(shown)
        if len(out) == k:
            break
    return out
