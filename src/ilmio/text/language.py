"""Language processing for Finnish and Swedish social reports.

* Finnish: Voikko (libvoikko + voikko-fi) gives lemmas and compound boundaries. Compounds
  carry the meaning in Finnish (mielenterveyspalvelu = mieli + terveys + palvelu), so a
  word contributes its lemma *and* its compound parts as features.
* Swedish: the Snowball Swedish stemmer (pure Python, tiny). Swedish compounds are left
  to the character n-grams of the classifier.
* Abbreviations that social workers use are expanded before analysis, so "tt-tuki",
  "ttt" and "toimeentulotuki" become the same feature.

Word analyses are cached per process (LRU), which is what makes one report cost well
under a millisecond after warm-up: social-report vocabulary is small and repetitive.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ilmio.text.taxonomy_codes import LANGUAGES

__all__ = [
    "ABBREVIATIONS_FI",
    "ABBREVIATIONS_SV",
    "STOPWORDS",
    "Token",
    "VoikkoUnavailableError",
    "analyze",
    "analyze_word_fi",
    "detect_language",
    "detect_language_tokens",
    "expand_abbreviations",
    "lemmas",
    "normalize_text",
    "raw_tokens",
    "stem_sv",
    "terms",
    "token_terms",
    "tokenize",
    "voikko_available",
]



def _words(text: str) -> list[str]:
    """Whitespace-separated word list (keeps long vocabularies readable)."""
    return text.split()


class VoikkoUnavailableError(RuntimeError):
    """Finnish morphology needs Voikko; raised with install instructions when it is missing."""


# --- tokenising ---------------------------------------------------------------------

# Placeholders left by redaction ([NIMI], [HETU], [PUHELIN], ...) are one token each so
# that they can be dropped, never split into "nimi" etc.
_PLACEHOLDER = r"\[[A-ZÄÖÅ_]{2,}\]"
# A word: letters, optionally joined by hyphens (te-toimisto, mt-palvelut) and with a
# colon case ending (Kela:n, SHL:n).
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*-?(?::[^\W\d_]+)?"
_TOKEN_RE = re.compile(rf"{_PLACEHOLDER}|{_WORD}|\d+", re.UNICODE)
_PLACEHOLDER_RE = re.compile(rf"^{_PLACEHOLDER}$")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_placeholder(self) -> bool:
        return bool(_PLACEHOLDER_RE.match(self.text))


def normalize_text(text: str) -> str:
    """NFC-normalise (decomposed ä from some clients) and unify dashes."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\u2010", "-").replace("\u2011", "-").replace("\u00ad", "")


def tokenize(text: str) -> list[Token]:
    text = normalize_text(text)
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


# --- stop words ---------------------------------------------------------------------

# Finnish stop words are compared with *lemmas* (Voikko output) and surface forms.
_STOP_FI = _words("""
aina ajan alla alle asti ehkä ei eikä eli ellei emme en enemmän ennen entä eri että he
heidän heille heillä heiltä heitä hieman hyvin hän häneen hänellä hänen häntä ilman
itse ja jo johon joiden joilla joka jokainen joku jolla jolle jolloin jolta jona jonka
jos jota jotain joten jotka jotta juuri jälkeen kaikki kanssa kautta keskuudessa kesken
koska kuin kuinka kuitenkin kuka kun kyllä liian lisäksi luona lähes melko me meidän
meille meillä meitä mikä mikään miksi milloin miten minkä minua minulla minulle minun
minä mitä mukaan mutta muu muut myös ne niiden niin nyt näin ole olemme olen olet olette
olla oli olimme olin olisi olit olivat olla olleet ollut on ovat paljon pian puolesta
saakka se sekä sen siellä siihen siinä siis sitten sitä silloin sinä siksi sille sillä
tai taas takia tavalla te teidän tämä tähän tällä tällöin tässä tätä täällä tuo tuolla
vaan vai vaikka vain varten vielä voi yli ym. yms. jne esim. noin ns tms hyvä uusi tulla
saada pitää tehdä antaa mennä kertoa nähdä näkyä asia osa tapa kerta aika yksi kaksi
kolme moni monta usea useampi joskus usein nykyään viime viimeinen erityisesti selvästi
jopa vasta enää ainoa kohta tällainen sellainen näin noin ajaksi siten jotenkin
""")

_STOP_SV = _words("""
alla allt andra att av bara bli blev blir de dem den denna deras dess det detta dig din
dina ditt du där efter eftersom ej eller en ett fast från för ha hade han hans har
henne hennes hon honom hur här i icke ingen inom inte jag ju kan kunde man med mellan
men mig min mina mitt mot mycket ni nu när någon något några och om oss på samma sedan
sig sin sina sitt själv skall ska skulle som så sådan sådana till under upp ut utan
vad var vara varför varit varje vars vem vi vid vilka vilken vilket vår våra vårt än är
åt över också även eftersom dock alltså mer mest många flera ofta redan fortfarande
kommer får finns gör görs blivit väldigt ganska sådant något nästan bland annat t.ex
""")

_STOP_EN = _words("""
a an and are as at be been but by can for from had has have he her his how i in is it
its not of on or our she so than that the their them there they this to was we were
what when which who will with would you your also more most very about into after
""")

STOPWORDS: dict[str, frozenset[str]] = {
    "fi": frozenset(_STOP_FI),
    "sv": frozenset(_STOP_SV),
    "en": frozenset(_STOP_EN),
}

# --- abbreviations --------------------------------------------------------------------

# Lower-case abbreviation -> expansion in base form. Case endings written with a colon
# (SHL:n, Kela:lle) are stripped before lookup.
ABBREVIATIONS_FI: dict[str, str] = {
    "tt-tuki": "toimeentulotuki",
    "tt-tuen": "toimeentulotuki",
    "tt-tukea": "toimeentulotuki",
    "ttt": "toimeentulotuki",
    "totu": "toimeentulotuki",
    "perustoimeentulotuki": "perustoimeentulotuki",
    "ptt": "perustoimeentulotuki",
    "shl": "sosiaalihuoltolaki",
    "lsl": "lastensuojelulaki",
    "vpl": "vammaispalvelulaki",
    "lasu": "lastensuojelu",
    "lasun": "lastensuojelu",
    "lasuun": "lastensuojelu",
    "lasussa": "lastensuojelu",
    "lasuilmo": "lastensuojeluilmoitus",
    "lasuilmoitus": "lastensuojeluilmoitus",
    "mtp": "mielenterveyspalvelu",
    "mt-palvelut": "mielenterveyspalvelu",
    "mt-palveluihin": "mielenterveyspalvelu",
    "mt-palveluissa": "mielenterveyspalvelu",
    "mt-palveluista": "mielenterveyspalvelu",
    "mt-ongelmat": "mielenterveysongelma",
    "mt": "mielenterveys",
    "mtkuntoutuja": "mielenterveyskuntoutuja",
    "mt-kuntoutuja": "mielenterveyskuntoutuja",
    "mt-kuntoutujat": "mielenterveyskuntoutuja",
    "päke": "päihdekuntoutus",
    "päkä": "päihdekuntoutus",
    "päihdekuntoutus": "päihdekuntoutus",
    "katko": "katkaisuhoito",
    "katkolle": "katkaisuhoito",
    "katkolla": "katkaisuhoito",
    "aikkarit": "aikuissosiaalityö",
    "aikkareilla": "aikuissosiaalityö",
    "aikkareiden": "aikuissosiaalityö",
    "aikkareille": "aikuissosiaalityö",
    "aikkareista": "aikuissosiaalityö",
    "aikkareissa": "aikuissosiaalityö",
    "aso": "asumisoikeusasunto",
    "aso-asunto": "asumisoikeusasunto",
    "sossu": "sosiaalitoimisto",
    "sossusta": "sosiaalitoimisto",
    "sossuun": "sosiaalitoimisto",
    "sossussa": "sosiaalitoimisto",
    "sossun": "sosiaalitoimisto",
    "sostt": "sosiaalityöntekijä",
    "sos.tt": "sosiaalityöntekijä",
    "sosohj": "sosiaaliohjaaja",
    "kela": "kela",
    "te-toimisto": "te-toimisto",
    "te-palvelut": "te-palvelu",
    "typ": "työllistymistä edistävä monialainen yhteispalvelu",
    "kotout": "kotoutuminen",
    "koto": "kotoutuminen",
    "hva": "hyvinvointialue",
    "yta": "yhteistyöalue",
    "thl": "thl",
    "avi": "aluehallintovirasto",
    "ktt": "kuntouttava työtoiminta",
    "ls": "lastensuojelu",
    "ltk": "lastensuojelu",
    "pth": "perusterveydenhuolto",
    "esh": "erikoissairaanhoito",
    "sote": "sote",
    "mielenterv": "mielenterveys",
    "asumisneuv": "asumisneuvonta",
    "velkaneuv": "velkaneuvonta",
    "ulosotto": "ulosotto",
    "opiskeluhuolto": "opiskeluhuolto",
    "kk": "kuukausi",
    "kk:n": "kuukausi",
    "vk": "viikko",
    "vrk": "vuorokausi",
    "as.": "asiakas",
    "asiak": "asiakas",
    "esim": "esimerkiksi",
    "mm": "muun muassa",
    "tk": "terveyskeskus",
    "shp": "sairaanhoitopiiri",
    "digi": "digitaalinen",
}

ABBREVIATIONS_SV: dict[str, str] = {
    "fpa": "fpa",
    "fpa:s": "fpa",
    "soc": "socialbyrå",
    "socialen": "socialbyrå",
    "soctj": "socialarbetare",
    "svl": "socialvårdslagen",
    "bsl": "barnskyddslagen",
    "utk.stöd": "utkomststöd",
    "utkomst": "utkomststöd",
    "grundl.utkomststöd": "grundläggande utkomststöd",
    "te-byrån": "te-byrå",
    "te-byrå": "te-byrå",
    "te-tjänster": "te-tjänst",
    "vlf": "välfärdsområde",
    "t.ex": "till exempel",
    "bl.a": "bland annat",
    "ca": "cirka",
    "mån": "månad",
    "psyk": "psykisk",
    "missbr": "missbruk",
    "barnskydd": "barnskydd",
    "lss": "handikappservice",
}

ABBREVIATIONS: dict[str, dict[str, str]] = {"fi": ABBREVIATIONS_FI, "sv": ABBREVIATIONS_SV, "en": {}}


def _strip_colon_case(word: str) -> str:
    # "SHL:n", "Kela:lle" -> "shl", "kela"
    return word.split(":", 1)[0] if ":" in word else word


def expand_abbreviations(word: str, lang: str) -> list[str]:
    """Return the expansion (one or more base-form words) or ``[word]`` unchanged."""
    low = word.lower()
    table = ABBREVIATIONS.get(lang, {})
    hit = table.get(low) or table.get(_strip_colon_case(low))
    if hit is None:
        return [word]
    return hit.split()


# --- Finnish morphology (Voikko) ------------------------------------------------------

_voikko_lock = threading.Lock()
_voikko: Any = None
_voikko_error: str | None = None


def _get_voikko() -> Any:
    global _voikko, _voikko_error
    if _voikko is not None:
        return _voikko
    if _voikko_error is not None:
        raise VoikkoUnavailableError(_voikko_error)
    with _voikko_lock:
        if _voikko is None:
            try:
                import libvoikko

                _voikko = libvoikko.Voikko("fi")
            except Exception as exc:  # OSError (no C library) or VoikkoException (no dictionary)
                _voikko_error = (
                    "Finnish text analysis needs Voikko: install the Debian packages "
                    "'libvoikko1' and 'voikko-fi' and the Python package 'libvoikko' "
                    f"(cause: {type(exc).__name__}: {exc})"
                )
                raise VoikkoUnavailableError(_voikko_error) from exc
    return _voikko


def _forget_voikko_after_fork() -> None:
    # The Voikko handle is a C object: a forked worker (ilmio analyze --workers) opens its
    # own lazily instead of sharing the parent's. The per-word caches stay valid.
    global _voikko, _voikko_lock
    _voikko, _voikko_lock = None, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_voikko_after_fork)


def voikko_available() -> bool:
    try:
        _get_voikko()
    except VoikkoUnavailableError:
        return False
    return True


def _raw_analyses(word: str) -> list[dict[str, str]]:
    voikko = _get_voikko()
    # The Voikko handle is not thread-safe; analyses are cached so the lock is rarely hit.
    with _voikko_lock:
        return list(voikko.analyze(word))


def _split_structure(surface: str, structure: str) -> list[str]:
    """Split a surface word at Voikko's compound boundaries ('=' in STRUCTURE)."""
    parts: list[str] = []
    current: list[str] = []
    i = 0
    for ch in structure:
        if ch == "=":
            if current:
                parts.append("".join(current))
                current = []
            continue
        if i < len(surface):
            current.append(surface[i])
        i += 1
    if current:
        parts.append("".join(current))
    return [p.strip("-") for p in parts if p.strip("-")]


@lru_cache(maxsize=200_000)
def analyze_word_fi(word: str) -> tuple[str, tuple[str, ...]]:
    """Lemma and compound parts (base forms) of one lower-case Finnish word.

    Unknown words (typos, slang) come back unchanged with no parts; the classifier's
    character n-grams still see them.
    """
    analyses = _raw_analyses(word)
    if not analyses:
        if "-" in word.strip("-"):
            # Voikko rejects many hyphenated forms (te-toimistoon); analyse the pieces.
            pieces = [p for p in word.split("-") if p]
            head_lemma, head_parts = analyze_word_fi(pieces[-1])
            modifiers = [expand_abbreviations(p, "fi")[0].lower() for p in pieces[:-1]]
            lemma = "-".join([*pieces[:-1], head_lemma])
            return lemma, tuple(dict.fromkeys([*modifiers, *(head_parts or (head_lemma,))]))
        return word, ()
    # Prefer an analysis that is not a proper noun when the word is lower-case anyway,
    # and the one with the most compound parts (the more specific reading).
    best = analyses[0]
    lemma = best.get("BASEFORM", word).lower()
    structure = best.get("STRUCTURE", "")
    surface_parts = _split_structure(word, structure)
    if len(surface_parts) < 2:
        return lemma, ()
    parts: list[str] = []
    prefix = ""
    for part in surface_parts[:-1]:
        prefix += part
        sub = _raw_analyses(part)
        parts.append(sub[0].get("BASEFORM", part).lower() if sub else part)
    # The head's base form is the tail of the compound's base form (mielenterveys|palvelu).
    plain_lemma = lemma.replace("-", "")
    if plain_lemma.startswith(prefix.replace("-", "")) and len(plain_lemma) > len(prefix):
        parts.append(plain_lemma[len(prefix.replace("-", "")):])
    else:
        sub = _raw_analyses(surface_parts[-1])
        parts.append(sub[0].get("BASEFORM", surface_parts[-1]).lower() if sub else surface_parts[-1])
    # Voikko splits down to the smallest words (lähi|suhde|väki|valta); adjacent pairs
    # that are words themselves (väkivalta, mielenterveys) carry the meaning, keep them.
    joined: list[str] = []
    if len(parts) > 2:
        for i in range(len(parts) - 1):
            candidate = (surface_parts[i] + parts[i + 1]).replace("-", "")
            sub = _raw_analyses(candidate)
            if sub:
                joined.append(sub[0].get("BASEFORM", candidate).lower())
    return lemma, tuple(dict.fromkeys(p for p in (*parts, *joined) if p and p != lemma))


# --- Swedish stemming -----------------------------------------------------------------

_sv_stemmer: Any = None
_sv_lock = threading.Lock()


@lru_cache(maxsize=100_000)
def stem_sv(word: str) -> str:
    global _sv_stemmer
    if _sv_stemmer is None:
        with _sv_lock:
            if _sv_stemmer is None:
                try:
                    import snowballstemmer

                    _sv_stemmer = snowballstemmer.stemmer("swedish")
                except ImportError:
                    _sv_stemmer = False
    if _sv_stemmer is False:
        return _light_stem_sv(word)
    with _sv_lock:
        return str(_sv_stemmer.stemWord(word))


_SV_SUFFIXES = (
    "heterna", "hetens", "heten", "erna", "arna", "orna", "ande", "ende", "aste", "ade",
    "het", "ens", "ern", "are", "ar", "er", "or", "en", "et", "na", "a", "e", "s",
)


def _light_stem_sv(word: str) -> str:
    """Fallback when snowballstemmer is not installed: strip common inflection suffixes."""
    for suffix in _SV_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


# --- language detection -------------------------------------------------------------

_DETECT_WORDS: dict[str, frozenset[str]] = {
    "fi": frozenset(
        _words(
            "ja on ei että oli ovat olla se ne mutta kun myös tai sekä jos joka jotka hän he "
            "asiakas asiakkaat asiakkaita palvelu palveluja tuki kanssa ilman vaan vielä nyt "
            "jo koska kuin eikä heillä meillä niin paljon"
        )
    ),
    "sv": frozenset(
        _words(
            "och är att det som inte för med på av en ett de har till om men eller vi kan "
            "klienter klienten också finns får inte utan många efter inom när hos"
        )
    ),
    "en": frozenset(
        _words(
            "the and is are of to in that it for with not on this be as they have was were "
            "clients services but or"
        )
    ),
}


_FI_CUE_RE = re.compile(r"(?:aa|ää|uu|yy|ii|oo|öö)\w*(?:ssa|ssä|sta|stä|lla|llä|ksi)\b")


def raw_tokens(text: str) -> list[str]:
    """The token strings of tokenize(), without Token objects (the per-report fast path)."""
    return _TOKEN_RE.findall(normalize_text(text))


def detect_language(text: str, default: str = "fi") -> str:
    """fi / sv / en from stop-word hits plus a few orthographic cues (å → Swedish)."""
    return detect_language_tokens(raw_tokens(text), text, default)


def detect_language_tokens(tokens: Sequence[str], text: str, default: str = "fi") -> str:
    """detect_language given ``raw_tokens(text)`` already computed."""
    words = [w.lower() for w in tokens if not _PLACEHOLDER_RE.match(w)][:400]
    if not words:
        return default
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in vocab.intersection(counts)) for lang, vocab in _DETECT_WORDS.items()}
    lowered = text.lower()
    scores["sv"] += 2 * lowered.count("å")
    # Finnish-only letter sequences: double vowels and vowel harmony endings.
    scores["fi"] += len(_FI_CUE_RE.findall(lowered))
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > 0 else default


# --- analysis -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnalyzedToken:
    """One word after abbreviation expansion and morphology."""

    surface: str
    lemma: str
    parts: tuple[str, ...]
    is_stopword: bool


def _lang_or_detect(text: str, lang: str | None) -> str:
    if lang in LANGUAGES:
        return lang
    return detect_language(text)


def analyze(text: str, lang: str | None = None) -> list[AnalyzedToken]:
    """Analyse every word of ``text``; placeholders and numbers are skipped."""
    language = _lang_or_detect(text, lang)
    out: list[AnalyzedToken] = []
    for match in _TOKEN_RE.finditer(normalize_text(text)):
        out.extend(_analyze_token(match.group(0), language))
    return out


@lru_cache(maxsize=300_000)
def _analyze_token(token: str, language: str) -> tuple[AnalyzedToken, ...]:
    # Cached per (surface token, language): reports reuse a small vocabulary.
    if token.isdigit() or _PLACEHOLDER_RE.match(token):
        return ()
    low = token.lower().rstrip("-")
    if not low:
        return ()
    stop = STOPWORDS[language]
    out: list[AnalyzedToken] = []
    for word in expand_abbreviations(low, language):
        word = _strip_colon_case(word) if ":" in word else word
        if language == "fi":
            lemma, parts = analyze_word_fi(word)
        elif language == "sv":
            lemma, parts = stem_sv(word), ()
        else:
            lemma, parts = word, ()
        out.append(AnalyzedToken(token, lemma, parts, lemma in stop or word in stop))
    return tuple(out)


def terms(text: str, lang: str | None = None, *, parts: bool = True) -> list[str]:
    """Content terms: lemmas plus (Finnish) compound parts, stop words removed."""
    language = _lang_or_detect(text, lang)
    out: list[str] = []
    for token in _TOKEN_RE.findall(normalize_text(text)):
        out.extend(token_terms(token, language, parts))
    return out


@lru_cache(maxsize=300_000)
def token_terms(token: str, language: str, parts: bool = True) -> tuple[str, ...]:
    """The terms (see ``terms``) that one token contributes; cached."""
    out: list[str] = []
    for tok in _analyze_token(token, language):
        if tok.is_stopword or len(tok.lemma) < 2:
            continue
        out.append(tok.lemma)
        if parts:
            out.extend(p for p in tok.parts if len(p) > 2 and p != tok.lemma)
    return tuple(out)


def lemmas(text: str, lang: str | None = None) -> list[str]:
    """Content lemmas only (no compound parts): for keywords and display."""
    return terms(text, lang, parts=False)


def batch_terms(texts: Iterable[str], langs: Sequence[str | None] | None = None) -> list[list[str]]:
    items = list(texts)
    languages: Sequence[str | None] = langs if langs is not None else [None] * len(items)
    return [terms(t, lg) for t, lg in zip(items, languages, strict=True)]
