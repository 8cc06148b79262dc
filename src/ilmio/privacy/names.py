"""Person-name detection: name lexicon + Finnish/Swedish morphology + context.

A token is first analysed on its own (is it an inflected form of a lexicon name, of a
place, is it capitalised, does it start a sentence). Then context decides the tokens that
are also ordinary words or places: a relation or title before it ("äiti Satu", "kund
Per"), or an adjacent clear name ("Matti Salo", "virtasen mikko").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from . import morphology
from .lexicon import NameEntry, get_lexicon, wildcard_name
from .normalize import WILDCARD


def _words(text: str) -> list[str]:
    """Whitespace-separated word list (keeps long lexical lists readable)."""
    return text.split()


# A word: letters with inner hyphens/apostrophes ("Anna-Liisa", "O'Neil").
WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")

# ------------------------------------------------------------------ morphology tables
_CLITICS = ("kaan", "kään", "kin", "han", "hän", "pa", "pä", "ko", "kö")
# Case endings (singular and plural), longest first so the shortest stem wins last.
_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        {
            "", "n", "a", "ä", "ta", "tä", "tta", "ttä", "lle", "lla", "llä", "lta", "ltä",
            "ssa", "ssä", "sta", "stä", "ksi", "na", "nä", "t", "ten", "ien", "jen", "iden",
            "ille", "illa", "illä", "ilta", "iltä", "issa", "issä", "ista", "istä", "ineen",
            "ina", "inä", "ia", "iä", "in", "s", "'s", "’s", "'n", "’n", "lleen", "nsa", "nsä",
            "seen", "hin",
        },
        key=len,
        reverse=True,
    )
)
_VOWELS = set("aeiouyäöå")
# Weak grade -> strong grade (and the reverse, for e-stems like Rinne -> Rinteen).
_GRADATION = (
    ("kk", "k"), ("tt", "t"), ("pp", "p"), ("ht", "hd"), ("lt", "ll"), ("rt", "rr"),
    ("nt", "nn"), ("mp", "mm"), ("nk", "ng"), ("lk", "lj"), ("rk", "rj"), ("t", "d"),
    ("p", "v"),
)
_PLACE_LOCATIVE = ("ssa", "ssä", "sta", "stä", "seen", "hin", "lla", "llä", "lta", "ltä",
                   "lle", "illative")
_PLACE_INNER = ("ssa", "ssä", "sta", "stä", "seen", "hin", "illative")


def _gradation_variants(stem: str) -> Iterator[str]:
    """Candidate base forms for a stem that may be in the other consonant grade."""
    # find the last consonant cluster before the final vowel run
    i = len(stem)
    while i > 0 and stem[i - 1] in _VOWELS:
        i -= 1
    if i == len(stem) or i == 0:
        return
    j = i
    while j > 0 and stem[j - 1] not in _VOWELS:
        j -= 1
    cluster, head, tail = stem[j:i], stem[:j], stem[i:]
    for strong, weak in _GRADATION:
        if cluster.endswith(weak):
            yield head + cluster[: len(cluster) - len(weak)] + strong + tail
        if cluster.endswith(strong):
            yield head + cluster[: len(cluster) - len(strong)] + weak + tail
    # k disappears between vowels: Mäki -> Mäen, Aukusti ...
    if len(tail) >= 1 and j == i:
        pass


def _stem_candidates(stem: str) -> Iterator[str]:
    yield stem
    if len(stem) < 2:
        return
    last = stem[-1]
    if stem.endswith("se"):
        yield stem[:-2] + "nen"  # Virtase-n -> Virtanen
    if stem.endswith("s"):
        yield stem[:-1] + "nen"  # Virtas-ta -> Virtanen
    if stem.endswith("kse"):
        yield stem[:-3] + "s"  # Markukse-n -> Markus
    if len(stem) >= 3 and stem[-1] == stem[-2] and last in _VOWELS:
        yield stem[:-1]  # Lainee-n -> Laine
        yield stem[:-1] + "s"  # Armaa-n -> Armas
    if last == "e":
        yield stem[:-1] + "i"  # Kive-n -> Kivi
        yield from _gradation_variants(stem[:-1] + "i")  # Lahde-n -> Lahti
        if len(stem) >= 2 and stem[-2] in _VOWELS:
            yield stem[:-1] + "ki"  # Mäe-n -> Mäki
    if last == "i" and stem[-2] not in _VOWELS:
        yield stem[:-1]  # Eriki-n -> Erik, Lindqvisti-n -> Lindqvist
    yield from _gradation_variants(stem)  # Miko-lle -> Mikko, Aallo-n -> Aalto


def _split_forms(lower: str) -> Iterator[tuple[str, str]]:
    """Yield (stem, ending) pairs for a lower-cased word form."""
    words = [lower]
    for clitic in _CLITICS:
        if lower.endswith(clitic) and len(lower) - len(clitic) >= 3:
            words.append(lower[: -len(clitic)])
    for word in words:
        for suffix in _SUFFIXES:
            if suffix and not word.endswith(suffix):
                continue
            stem = word[: len(word) - len(suffix)] if suffix else word
            if len(stem) >= 2:
                yield stem, suffix
        # illative: vowel lengthening + n (Mikkoon, Liisaan, Virtaseen)
        if len(word) >= 4 and word[-1] == "n" and word[-2] == word[-3] and word[-2] in _VOWELS:
            yield word[:-2], "illative"


@dataclass(frozen=True, slots=True)
class NameAnalysis:
    entry: NameEntry
    ending: str


@lru_cache(maxsize=262_144)
def analyse_name(lower: str) -> NameAnalysis | None:
    """Best lexicon analysis of a lower-cased word form, or None."""
    names = get_lexicon().names
    direct = names.get(lower)
    if direct is not None:
        return NameAnalysis(direct, "")
    if "-" in lower:
        # Anna-Liisa(lle), Virtanen-Korhose(n): every part must be a name.
        parts = lower.split("-")
        if all(p in names for p in parts[:-1]):
            tail = analyse_name(parts[-1])
            if tail is not None:
                return NameAnalysis(names[parts[0]], tail.ending)
        return None
    best: NameAnalysis | None = None
    for stem, ending in _split_forms(lower):
        if not ending:
            continue
        for cand in _stem_candidates(stem):
            entry = names.get(cand)
            if entry is not None and (best is None or entry.count > best.entry.count):
                best = NameAnalysis(entry, ending)
    return best


@lru_cache(maxsize=131_072)
def analyse_place(lower: str) -> tuple[bool, str] | None:
    """(is_municipality, ending) when the word form is a (possibly inflected) place name."""
    lex = get_lexicon()
    if lower in lex.places:
        return lower in lex.municipalities, ""
    for stem, ending in _split_forms(lower):
        if not ending or ending not in _PLACE_LOCATIVE + ("n", "lle", "ksi", "a", "ä", "ta", "tä"):
            continue
        for cand in _stem_candidates(stem):
            if cand in lex.places:
                return cand in lex.municipalities, ending
    return None


# ------------------------------------------------------------------ context word lists
# Relations, roles and titles that are followed by a name ("äiti Satu", "kund Per").
_CUE_STEMS = (
    "asiakas", "asiakkaa", "äiti", "äidi", "isä", "poika", "poja", "tytär", "tyttäre", "sisko",
    "sisar", "siskon", "veli", "veljen", "veljel", "puoliso", "mies", "miehen", "vaimo",
    "avopuoliso", "avomies", "lapsi", "lapse", "vauva", "isoäiti", "isoisä", "mummo", "mummu",
    "ukki", "vaari", "nimeltään", "nimeltä", "herra", "rouva", "neiti", "kollega", "työkaveri",
    "työntekijä", "sosiaalityöntekijä", "ohjaaja", "sosiaaliohjaaja", "lääkäri", "hoitaja",
    "terveydenhoitaja", "naapuri", "ystävä", "kaveri", "poikaystävä", "tyttöystävä", "exä",
    "omainen", "edunvalvoja", "asukas", "potilas", "nuori", "tyttö", "esihenkilö", "kuraattori",
    "opettaja", "omaishoitaja", "omahoitaja", "tukihenkilö", "isäpuoli", "äitipuoli",
    "kund", "kunden", "klient", "klienten", "mamma", "mamman", "pappa", "pappan", "mor", "far",
    "son", "sonen", "dotter", "dottern", "bror", "brodern", "syster", "systern", "make", "maken",
    "maka", "sambo", "sambon", "heter", "kallad", "herr", "fru", "kollegan", "handläggare",
    "socialarbetare", "handledare", "granne", "grannen", "vän", "flickvän", "pojkvän", "mormor",
    "morfar", "farmor", "farfar", "barnet", "barn", "patient", "patienten", "mr", "mrs", "ms",
    "client", "mother", "father", "daughter", "brother", "sister", "named", "called", "worker",
    "dr", "tri", "työpari", "kumppani",
)
_CUE_PREFIXES = tuple(sorted(set(_CUE_STEMS)))
_CUE_EXACT = frozenset(_CUE_STEMS)
_ROLE_ENDS = tuple(sorted({c for c in _CUE_STEMS if len(c) >= 5}))

# Name-lexicon entries that are also everyday words and need context before they are
# redacted at the start of a sentence (Onni = happiness, Toivo = hope, Laine = wave ...).
AMBIGUOUS = frozenset(
    w.lower()
    for w in ["Onni", "Toivo", "Laine", "Salo", "Kivi", "Mäki", "Into", "Aamu", "Usko", "Lahja", "Ilta", "Rauha", "Armas", "Oiva", "Tuuli", "Satu", "Valo", "Lumi", "Koski", "Järvi", "Niemi", "Aho", "Lahti", "Veli", "Sisko", "Kari", "Arvo", "Ilona", "Taimi", "Meri", "Ranta", "Saari", "Vuori", "Virta", "Kallio", "Kangas", "Nurmi", "Laakso", "Lehto", "Harju", "Karhu", "Kokko", "Repo", "Rinne", "Salmi", "Tuomi", "Vappu", "Sulo", "Tyyne", "Lempi", "Voitto", "Tarmo", "Taisto", "Urho", "Sampo", "Aalto", "Autio", "Halme", "Luoma", "Vainio", "Tuisku", "Paju", "Pihlaja", "Rauta", "Kaste", "Jalo", "Kaino", "Ihana", "Eli", "Tähti", "Kukka", "Sointu", "Säde", "Aura", "Halla", "Varma", "Sievä", "Hellä", "Hans", "Per", "Bo", "Sten", "Björn", "Berg", "Lind", "Holm", "Strand", "Dahl", "Ek", "Stig", "Rut", "Vera", "Mats", "Mark", "Dag", "Love", "Hugo", "Will", "Hope", "Grace", "Joy", "May", "June", "Faith", "Sunny"]
)

# Everyday words that are also frequent first names: never a name when typed in lower
# case without a relation word before them ("anna lomake", "marja").
LOWER_BLOCK = AMBIGUOUS | frozenset(
    ["anna", "marja", "ilona", "helmi", "lilja", "orvokki", "ruusu", "kaisla", "tuulia", "sirkka", "kielo", "minttu", "hilla", "sara", "taru", "suvi", "ellen", "lotta", "sini", "pinja", "mirja", "aura"]
)

# Frequent function words and sentence starters that must never be a name on their own.
STOPWORDS = frozenset(
    _words("""
    hän he me te se ne tämä tuo nämä nuo ja tai sekä mutta kun jos koska että vaikka myös
    vielä nyt sitten siksi joten eli kuitenkin aina usein joskus asiakas asiakkaat perhe lapsi
    lapset äiti isä veli sisko sisar poika tytär mies vaimo nuori nuoret koti kotona aikuinen
    ei en emme olen oli on ovat olivat ole tänään huomenna eilen viime ensi tuleva edellinen
    uusi vanha hyvä paha paljon vähän moni monet useat kaikki joku jokin mikään kukaan mitään
    kello klo noin yli alle ilman kanssa mukaan jälkeen ennen aikana vuonna vuoden kuukausi
    sosiaalityöntekijä ohjaaja johtaja lääkäri hoitaja työntekijä palvelu palvelut tuki tuet
    tilanne asia asiat raha rahat vuokra asunto asumis asuminen toimeentulotuki
    han hon hans hennes hen de den det dem vi ni jag du och att som men så nu då när efter
    under mellan inte kan ska har hade var är blir med till från för på av om vid hos mot utan
    över alla många några denna detta dessa vår våra ingen inget kund kunden klient mamma pappa
    son dotter bror syster per bo dag sten björn berg lind holm strand dahl ek stig will may
    min mitt mina din ditt dina sin sitt sina vårt vårat er ert era deras man vad vem hur här
    där ja nej hej tack bra inget själv mycket lite varje hela
    ho hoo di int nå ti sku he from to sent subject dear regards kind best cc re fw fwd
    the a an and or but if when he she they his her their it this that these those we you
    i me my our your is are was were be been client mother father
    """)
)

_MONTHS_DAYS = frozenset(
    _words("""
    maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai tammikuu helmikuu
    maaliskuu huhtikuu toukokuu kesäkuu heinäkuu elokuu syyskuu lokakuu marraskuu joulukuu
    måndag tisdag onsdag torsdag fredag lördag söndag januari februari mars april maj juni
    juli augusti september oktober november december monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october
    november december joulu juhannus pääsiäinen vappu
    """)
)
_MONTH_PREFIXES = tuple(m[:-1] for m in _MONTHS_DAYS if len(m) >= 6)

# Organisations and services that contain name-like words (Kela, Mannerheimin ...).
ORG_WORDS = frozenset(
    _words("""
    kela hus thl folkhälsan setlementti diakonissalaitos sininauhaliitto sininauha
    lastensuojeluliitto mannerheimin pelastakaa lapset y-säätiö a-klinikka te-palvelut
    te-toimisto ohjaamo omakanta kanta vero verohallinto takuusäätiö martat spr mll ehyt
    mieli kriisikeskus seurakunta diakonia punainen risti pelastusarmeija aseman vamlas
    kehitysvammaliitto invalidiliitto hope navigaattori sakset sosped kalliola helsingin
    jyväskylän tampereen turun oulun kuopion vantaan espoon lahden porin vaasan kotkan
    ensi- turvakotien liitto duodecim trafi traficom migri maahanmuuttovirasto poliisi
    ulosotto ulosottovirasto kuluttajaneuvonta takuu-säätiö wilma kanta-palvelut
    omaolo suomi.fi suomi ruotsi viro venäjä ukraina somalia irak syyria afganistan
    finland sverige röda korset luckan fpa mieli rf ry
    """)
)
ORG_FOLLOWERS = frozenset(("ry", "r.y", "oy", "ab", "oyj", "säätiö", "sr", "rf"))


# Cue prefixes by length, so a word is checked with a few set lookups.
_CUE_BY_LENGTH: dict[int, frozenset[str]] = {
    n: frozenset(p for p in _CUE_PREFIXES if len(p) == n) for n in {len(p) for p in _CUE_PREFIXES if len(p) >= 4}
}


def _is_cue(lower: str) -> bool:
    if lower in _CUE_EXACT:
        return True
    if lower.endswith(_ORG_HEADS) and not lower.endswith(_ROLE_ENDS):
        return False  # "asukastupa", "lapsiperhekeskus": a place, not a person's role
    # inflected relation words: asiakkaan, äidille, pojalle, kundens ...
    size = len(lower)
    return any(size - n <= 5 and lower[:n] in prefixes for n, prefixes in _CUE_BY_LENGTH.items()
               if n <= size)


_is_cue_cached = lru_cache(maxsize=65_536)(_is_cue)


@lru_cache(maxsize=65_536)
def is_org(lower: str) -> bool:
    """Organisation word, also inflected: Kela, Kelan, Kelalta, HUS:lle."""
    if lower in ORG_WORDS:
        return True
    return any(stem in ORG_WORDS for stem, ending in _split_forms(lower) if ending)


def _is_month(lower: str) -> bool:
    return lower in _MONTHS_DAYS or lower.startswith(_MONTH_PREFIXES)


# ------------------------------------------------------------------ token decisions
_SENT_END = set(".!?:;\n\r•*–—\t|")
_NO = 0
_WEAK = 1
_YES = 2
_PLACE = 3
# A lower-case or ordinary-word name that only a strong context makes a name: a person's
# verb after it ("kivimäki ei saanut"), a family word ("kivimäen perhe"), a call to it
# ("soitin kivimäelle"), a relation word before it.
_CAND = 4


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    lower: str
    cap: bool
    initial: bool  # starts a sentence / list item
    state: int
    first_like: bool = False
    last_like: bool = False
    ending: str = ""
    skip: bool = False
    key: str = ""  # the lexicon name it is a form of
    word_name: bool = False  # the name is also an ordinary word (Onni, Kivi, Ruotsalainen)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \u00a0\"'“”„«»(":
        i -= 1
    if i < 0:
        return True
    ch = text[i]
    if ch == "." and i >= 1 and text[i - 1].isupper() and (i < 2 or not text[i - 2].isalpha()):
        return False  # "M. Virtanen": the dot of an initial does not end a sentence
    if ch == "-" and (i == 0 or text[i - 1] in "\n\r "):
        return True  # "- Mikko ..." list bullet, "... – Mikko" (dashes are normalised to "-")
    if ch == ">" and (i == 0 or text[i - 1] in "\n\r> "):
        return True  # "> Hei," a quoted line of a forwarded e-mail
    return ch in _SENT_END or (ch == "." or ch.isdigit() and i > 0 and text[i - 1] in "\n")


# Surname endings of Ukrainian, Russian and other Slavic names, which take Finnish case
# endings in Finnish text ("Shevchenkon perhe", "Tkachukille", "kovalenkolle").
_FOREIGN_SURNAME_ENDS = (
    "enko", "chuk", "shchuk", "iuk", "yuk", "chak", "chyk", "skyi", "tskyi", "zkyi", "ovych",
    "evych", "ivna", "ovna", "yshyn", "ynyk", "nyk", "iak", "shyn", "ovska", "evska",
)
_SLAVIC_ENDS = ("ov", "ova", "ev", "eva", "kov", "kova", "nov", "nova", "sky", "ska", "ski")


_FOREIGN_HINT_RE = re.compile("(?:" + "|".join(_FOREIGN_SURNAME_ENDS + _SLAVIC_ENDS) + ")")


@lru_cache(maxsize=65_536)
def _foreign_surname(lower: str) -> str:
    """The base of a (possibly Finnish-inflected) foreign surname, or ""."""
    if len(lower) < 5 or _FOREIGN_HINT_RE.search(lower) is None:
        return ""
    for stem, ending in [(lower, "")] + [(s, e) for s, e in _split_forms(lower) if e]:
        for cand in _stem_candidates(stem):
            if ((cand.endswith(_FOREIGN_SURNAME_ENDS) and len(cand) >= 5)
                    or (cand.endswith(_SLAVIC_ENDS) and len(cand) >= 6
                        and ending in ("", "n", "lle", "lla", "lta", "a", "in", "ille", "illa"))):
                # a Finnish word that happens to end so ("kova", "renkoa") is not a name
                return "" if morphology.known(lower) else cand
    return ""


_FOREIGN_LETTERS_RE = re.compile(r"[cqwxzšžđŋŧ]|sh|kh|zh|ch|yi|yu|ya|iy|ij")


def _foreign_looking(entry: NameEntry) -> bool:
    """A name spelt in no Finnish way: hand-added Sámi/Ukrainian names, c/q/w/x/z, sh, kh ...
    (typos and missing umlauts of Finnish words never look like this)."""
    key = entry.name.lower()
    return entry.kind in ("s", "u") or _FOREIGN_LETTERS_RE.search(key) is not None \
        or key.endswith(_FOREIGN_SURNAME_ENDS)


def _voikko_view(word: str, key: str) -> tuple[bool, bool, bool, bool, bool]:
    """(known, proper, same_common, function_word, compound_only) of a word form that the
    lexicon reads as a form of ``key``: does Voikko know it, as a name, as an ordinary word
    with the same base (onni, kivi, kivimäki), as a pronoun/numeral/adverb, or only as a
    compound it built from parts (oksa+nalle: a guess, not a reading of the name)?"""
    reads = morphology.readings(word)
    if not reads:
        return False, False, False, False, False
    # a place name with the same base counts as a name reading (Mattila, Heikkilä)
    proper = any(r.cls in morphology.PROPER or (r.cls in morphology.PLACE and r.base == key)
                 for r in reads)
    same = any(r.cls not in morphology.PROPER | morphology.PLACE and r.base == key for r in reads)
    function = any(r.cls in morphology.FUNCTION for r in reads)
    compound_only = all(r.compound for r in reads)
    return True, proper, same, function, compound_only


def _classify(tok: _Tok, lang: str) -> None:
    lower = tok.lower
    if len(lower) < 2 or is_org(lower) or _is_month(lower):
        tok.state = _NO
        return
    if WILDCARD in lower:
        # "Mʔret Sʔrʔ": letters a system could not print; a word like that is never an
        # ordinary word, so any lexicon name that fits is taken.
        entry = wildcard_name(lower)
        tok.state = _YES if entry is not None else _NO
        if entry is not None:
            tok.key, tok.first_like, tok.last_like = entry.name.lower(), entry.first > 0, entry.last > 0
        return
    ana = analyse_name(lower)
    if ana is not None and lang != "fi" and ana.ending not in ("", "s", "'s", "’s"):
        ana = None  # Swedish/English names do not take Finnish case endings
    place = analyse_place(lower) if tok.cap else None
    if ana is None:
        foreign = _foreign_surname(lower) if lang == "fi" or not any(
            lower.endswith(e) for e in _SLAVIC_ENDS) else ""
        if foreign and place is None:
            tok.key, tok.last_like = foreign, True
            tok.state = _YES if tok.cap or lang == "fi" else _NO
            return
        # unknown word: capitalised mid-sentence words may extend a neighbouring name
        if tok.cap and not tok.initial and place is None:
            tok.state = _WEAK
            tok.last_like = lower.endswith(("nen", "sen", "selle", "sella", "sessa", "sson",
                                            "ström", "qvist", "kvist", "berg", "lund", "gren"))
            tok.first_like = False
        else:
            tok.state = _PLACE if place is not None else _NO
        return
    entry = ana.entry
    tok.ending = ana.ending
    tok.first_like = entry.first > 0
    tok.last_like = entry.last > 0
    key = entry.name.lower()
    tok.key = key
    ambiguous = key in AMBIGUOUS or (entry.common and entry.count < 3000)
    known, proper, same, function, compound_only = (
        _voikko_view(lower, key) if lang == "fi" else (False,) * 5)
    if known and not proper and not same and "-" not in lower and not compound_only:
        # The lexicon reading is another word's: "Sama" is not Sam, "Toinen" not Toini.
        tok.state = _WEAK if tok.cap and not tok.initial else _NO
        return
    if place is not None:
        is_muni, ending = place
        if ending in _PLACE_INNER or (is_muni and ending in _PLACE_LOCATIVE):
            tok.state = _PLACE  # Salossa, Lahdessa, Jyväskylästä
            return
        if is_muni:
            # Salo, Lahti, Kaarina: a place unless a name is next to it
            tok.state = _YES if (entry.first >= 20000 and not tok.initial) else _WEAK
            return
        if entry.count < 500:
            tok.state = _WEAK
            return
    if tok.cap:
        if ana.ending in ("ssa", "ssä", "issa", "issä"):
            tok.state = _PLACE  # inessive: places and organisations, never people (Onnelassa)
        elif not tok.initial:
            tok.state = _YES
        elif lower in STOPWORDS or _is_cue_cached(lower) or (function and not proper):
            tok.state = _NO  # "Poika Onni": the relation word itself is not a name; "Toinen"
        elif ambiguous or (same and not proper):
            tok.state = _WEAK  # Onni, Tuuli, Kivi, Ruotsalainen: the context decides
            tok.word_name = True
        elif ana.ending == "":
            tok.state = _YES if entry.count >= 30 else _WEAK
        elif ((not entry.common and entry.count >= 500)
              or (key.endswith("nen") and entry.count >= 1000) or entry.count >= 20000
              or (lang == "fi" and (_foreign_looking(entry) or (known and proper and not same))
                  and not entry.common and entry.count >= 20)):
            # sentence-initial inflected form: "Virtasen mukaan", "Oksanalle soitettiin" (no
            # Finnish word), but not "Annoin", "Tapasin"
            tok.state = _YES
        else:
            tok.state = _WEAK
            tok.word_name = True
        return
    if lang != "fi":
        tok.state = _NO  # lower-case names are only recognised in Finnish notes
        return
    # lower case (hurried typing, dictation): only frequent, unambiguous names stand alone
    if lower in STOPWORDS or _is_cue_cached(lower):
        tok.state = _NO
        return
    if "-" in lower and ana.ending == "" and all(p in get_lexicon().names for p in lower.split("-")):
        tok.state = _YES  # "marja-leena", "anna-kaisa": nobody writes berries with a hyphen
        return
    if key in LOWER_BLOCK:
        tok.state = _NO
        return
    if entry.common or entry.place or same:
        if ana.ending not in ("", "n", "lle", "lta", "ltä", "lla", "llä"):
            tok.state = _NO
        elif entry.first >= 20000:
            tok.state = _YES  # "matti", "jukka": the everyday reading is rare
        elif entry.count >= 3000:
            tok.state = _WEAK
        else:
            tok.state = _CAND if entry.count >= 200 else _NO
        return
    if ana.ending not in ("", "n", "lle", "lta", "ltä", "lla", "llä", "sta", "stä", "a", "ä",
                          "ta", "tä", "ssa", "ssä", "illative", "ksi", "t", "in", "ille", "illa") \
            or (ana.ending in ("in", "ille", "illa") and not _foreign_looking(entry)):
        tok.state = _NO
        return
    if entry.count >= 2000 or (not known and _foreign_looking(entry) and entry.count >= 20):
        # frequent, or a foreign name that is no Finnish word ("kovalille", "oliinykin")
        tok.state = _YES
    elif entry.count >= 20 and len(lower) >= 4:
        tok.state = _WEAK  # only becomes a name next to a clear one ("maarit niemenmaa")
    else:
        tok.state = _NO


def _adjacent(text: str, a: _Tok, b: _Tok) -> bool:
    gap = text[a.end:b.start]
    return 0 < len(gap) <= 2 and gap.strip(" \u00a0") == ""


# (lower, capitalised, sentence-initial, lang) -> classification; a plain dict is
# faster than lru_cache here and is cleared when it grows too big.
_INFO_CACHE: dict[tuple[str, bool, bool, str], tuple[int, bool, bool, str, str, bool]] = {}
_ORG_SUFFIXES = ("liitto", "säätiö", "yhdistys", "keskus", "klinikka")


_SV_HINTS = frozenset(
    _words("och att är som inte för med har på en ett av till han hon det den kunden hennes hans "
    "jag vi de hade var blir från eller också men så nu när efter under mycket barn")
)
_FI_HINTS = frozenset(
    _words("ja on ei että hän se oli asiakas ovat kanssa mutta kun jos myös tai sekä hänen nyt vielä "
    "asiakkaan kuin ole olla joka mikä tämä lapsi perhe")
)
_EN_HINTS = frozenset(
    _words("the and is are was of to in that with for client has have not this his her")
)


def vote_lang(words: Iterator[str] | list[str]) -> str:
    """Function-word vote between Finnish, Swedish and English (fi on ties)."""
    sv = fi = en = 0
    for w in words:
        if w in _FI_HINTS:
            fi += 1
        elif w in _SV_HINTS:
            sv += 1
        elif w in _EN_HINTS:
            en += 1
    if sv > fi and sv >= en:
        return "sv"
    if en > fi and en > sv:
        return "en"
    return "fi"


# lang -> lower-case word -> True when the word can never matter for a name decision
_INERT: dict[str, dict[str, bool]] = {}


def _inert(lower: str, lang: str) -> bool:
    table = _INERT.setdefault(lang, {})
    hit = table.get(lower)
    if hit is None:
        tok = _Tok(0, 0, lower, lower, False, False, _NO)
        if len(lower) > 1:
            _classify(tok, lang)
        hit = (tok.state == _NO and not _is_cue_cached(lower) and lower not in ORG_FOLLOWERS
               and not lower.endswith(_ORG_SUFFIXES) and not _org_head(lower))
        if len(table) > 200_000:
            table.clear()
        table[lower] = hit
    return hit


_LETTER_RE = re.compile(r"[^\W\d_]")
_JOINERS = "'’-"


def _find_token(text: str, word: str, pos: int) -> int:
    """Offset of the next whole-token occurrence of ``word`` at or after ``pos``."""
    i = text.find(word, pos)
    n = len(word)
    while i >= 0:
        j = i + n
        before_ok = i == 0 or not (
            _LETTER_RE.match(text, i - 1)
            or (text[i - 1] in _JOINERS and i >= 2 and _LETTER_RE.match(text, i - 2)))
        after_ok = j >= len(text) or not (
            _LETTER_RE.match(text, j)
            or (text[j] in _JOINERS and j + 1 < len(text) and _LETTER_RE.match(text, j + 1)))
        if before_ok and after_ok:
            return i
        i = text.find(word, i + 1)
    return -1


# ------------------------------------------------------------------ context rules
_WORD = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_NEXT_WORD_RE = re.compile(r"[ \u00a0]{1,2}(" + _WORD + ")")
_NUMBER_AFTER_RE = re.compile(r"[ \u00a0]\d")
_COORDINATORS = frozenset({" ja ", " tai ", " sekä ", " och ", " eller ", " and ", " or ", ", "})

# Form labels whose value is a person: "Nimi: VIRTANEN, Pirkko", "Lähettäjä: ...", "Från: ...".
_LABELS = frozenset(_words("""
nimi nimet laatija ilmoittaja yhteyshenkilö lähettäjä vastaanottaja kirjoittaja tekijä asiakas
henkilö huoltaja edunvalvoja omainen from to cc name sender contact från till namn avsändare
kontakt kontaktperson handläggare klient kund mottagare ilmoittajan
"""))
# Words after which the next word is a nickname or a name: "lempinimi", "kallas".
# Any word there is a name, known or not, in any case: "masa niminen poika", "kaverit
# kutsuvat häntä Pertsaksi", "lempinimeltään Jallu", "han kallas Nisse".
# (each starts with its literal cue word, so the scan is quick)
_NAMED_RE = re.compile(r"[ \u00a0]-?nimi(?:nen|sen|selle|sellä|seltä|stä|siä)(?![^\W\d_])", re.IGNORECASE)
_NICK_RE = re.compile(
    r"(?:kutsu\w*[ \u00a0]+(?:häntä|hänet|sitä|sen|heitä)"
    r"|lempinim\w*|kutsumanim\w*|nimimerk\w*|alias|aka|smeknamn(?:et)?(?:[ ]är)?"
    r"|kallas|kallad|kallades|nicknamed)[ \u00a0:]+[\"“']?(" + _WORD + ")",
    re.IGNORECASE,
)
# A genitive name before these is a person's: "Kivimäen perhe", "Shevchenkon luona".
_FAMILY_WORDS = frozenset(_words("""
perhe perheen perheessä perheelle perheeltä perheestä perhettä perheeseen luona luokse luota
luo kanssa kotona kotiin kodissa kotoa äiti äidin isä isän poika pojan tytär tyttären lapset
lapsi lapsen lapsille puoliso vaimo mies sisko sisar veli mummo isoäiti asunto asunnossa
asuntoon tili tilille tilillä puhelin puhelinnumero numero hakemus hakemuksen sähköposti osoite
tilanne vuokranantaja kaveri kaverit ystävä sukulaiset
"""))
# Telling or calling someone: the allative name after them is a person ("soitin kivimäelle").
_TO_PERSON_VERBS = frozenset(_words("""
soitin soitti soitimme soitettiin soitan soittaa soitettu kerroin kerroimme kerrottiin ilmoitin
ilmoitettiin lähetin lähetettiin annoin annettiin tekstasin viestitin puhuin sanoin laitoin
kirjoitin vastasin selitin
"""))
# The kind of place or service a name after them belongs to: "Sairaala Nova", "Nuorisoasema
# Into", "Kahvila Tuuli", "Café Solveig" (the word itself or the end of a compound).
_ORG_HEADS = tuple(_words("""
asema sairaala klinikka keskus kahvila ravintola kauppa market apteekki kirjasto koulu koti
talo yhdistys seura kerho sali yksikkö piste jakelu asunnot palvelu palvelut hotelli
hostelli baari pubi kioski leipomo kylpylä teatteri museo kappeli kirkko järjestö osuuskunta
kampaamo parturi studio galleria areena halli klubi paja tupa pirtti hanke projekti ohjelma
kirpputori kauppatori
café kafé kafe cafe föreningen förening butik butiken center centret boendet boende klubben
klubb gården hemmet skolan sjukhuset apoteket kiosken huset
"""))
# Swedish genitive + these is a place: "Hoppets Hus", "Annas Kafé".
_SV_PLACE_NOUNS = frozenset(_words("hus gård hem stuga kafé café center boende butik"))


def _next_words(text: str, end: int, limit: int = 4) -> list[str]:
    """The words right after ``end``, separated by spaces only (a comma ends the run)."""
    out: list[str] = []
    pos = end
    while len(out) < limit:
        m = _NEXT_WORD_RE.match(text, pos)
        if m is None:
            break
        out.append(m.group(1))
        pos = m.end()
    return out


def _prev_word(text: str, start: int) -> str:
    """The word right before ``start`` (one or two spaces between), lower-cased, or ""."""
    i = start
    while i > 0 and start - i < 2 and text[i - 1] in " \u00a0":
        i -= 1
    if i == start:
        return ""
    j = i
    while j > 0 and (text[j - 1].isalpha() or (text[j - 1] in _JOINERS and j > 1 and text[j - 2].isalpha())):
        j -= 1
    return text[j:i].lower()


def _label_before(text: str, start: int) -> str:
    """The form label right before ``start`` ("Nimi: |", "Från:\t|"), lower-cased, or ""."""
    i = start
    while i > 0 and start - i < 4 and text[i - 1] in " \t\u00a0":
        i -= 1
    if i == 0 or text[i - 1] != ":":
        return ""
    i -= 1
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j:i].lower()


@lru_cache(maxsize=65_536)
def _org_head(word: str) -> bool:
    # "koulukuraattori", "sosiaalityöntekijä" are people, whatever their compound holds
    return bool(word) and word.endswith(_ORG_HEADS) and not word.endswith(_ROLE_ENDS)


@lru_cache(maxsize=65_536)
def _common_noun(word: str) -> bool:
    """Voikko reads it as an ordinary noun and never as a name ("Talo", "Paja")."""
    reads = morphology.readings(word)
    return bool(reads) and not any(r.cls in morphology.PROPER for r in reads) and any(
        r.cls.startswith("nimisana") for r in reads)


def _organisations(text: str, toks: list[_Tok]) -> None:
    """Names of places, shops and services are not people: "Sairaala Nova", "Toivon Talo".

    Org-head words ("nuorisoasema") are kept in the token list (see ``_inert``), so the word
    before a name is the previous token when the two are adjacent."""
    n = len(toks)
    for i, tok in enumerate(toks):
        if not tok.cap or tok.state == _NO:
            continue
        lower = tok.lower
        if _org_head(lower) and _common_noun(lower):
            tok.state = _NO  # "Päiväkoti", "Asukastupa" themselves
            continue
        nxt = toks[i + 1] if i + 1 < n and toks[i + 1].cap and _adjacent(text, tok, toks[i + 1]) else None
        if i and _org_head(toks[i - 1].lower) and _adjacent(text, toks[i - 1], tok):
            tok.state = _NO  # "Sairaala Nova", "nuorisoasema Into"
            if nxt is not None:
                nxt.state = _NO
            continue
        if nxt is not None and (
                (tok.ending == "n" and tok.key and not nxt.first_like and _common_noun(nxt.lower))
                or (lower.endswith("s") and nxt.lower in _SV_PLACE_NOUNS)
                or (len(nxt.lower) > 4 and _org_head(nxt.lower) and _common_noun(nxt.lower))):
            tok.state = nxt.state = _NO  # "Toivon Talo", "Hoppets Hus"


def _nicknames(text: str, toks: list[_Tok]) -> None:
    """Words that a nickname cue names, added as names wherever the token scan dropped them."""
    have = {t.start: t for t in toks}
    added = False
    found: list[tuple[str, int]] = []
    for m in _NAMED_RE.finditer(text):
        word = _prev_word(text, m.start() + 1)
        if word:
            found.append((text[m.start() - len(word):m.start()], m.start() - len(word)))
    for m in _NICK_RE.finditer(text):
        if m.start() == 0 or not text[m.start() - 1].isalpha():
            found.append((m.group(1), m.start(1)))
    for word, start in found:
        lower = word.lower()
        if lower in STOPWORDS or _is_cue_cached(lower) or is_org(lower) or len(lower) < 2:
            continue
        tok = have.get(start)
        if tok is None:
            tok = _Tok(start, start + len(word), word, lower, word[0].isupper(), False, _YES)
            tok.key = lower
            toks.append(tok)
            added = True
        tok.state = _YES
    if added:
        toks.sort(key=lambda t: t.start)


def _contexts(text: str, toks: list[_Tok], lang: str) -> None:
    """Context that makes a weak or ordinary-word name a person's name."""
    for tok in toks:
        state = tok.state
        # weak and candidate tokens; capitalised words that were refused may still follow a label
        if state in (_YES, _PLACE) or (state == _NO and not tok.cap):
            continue
        if ((tok.cap or tok.key) and text[tok.start - 2:tok.start].strip(" \t\u00a0")[-1:] == ":"
                and _label_before(text, tok.start) in _LABELS and not is_org(tok.lower)
                and not _is_month(tok.lower) and tok.lower not in STOPWORDS):
            tok.state = _YES  # "Nimi: VIRTANEN", "Från: Gunnel Sjöblom"
            continue
        if state == _NO or lang != "fi" or not tok.key:
            continue
        following = _next_words(text, tok.end)
        if tok.ending == "n":
            if following and following[0].lower() in _FAMILY_WORDS:
                ana = analyse_name(tok.lower)
                # "Kivimäen perhe", "shevchenkon luona", but not "Perheen isä"
                if ana is None or ana.entry.count >= 500 or not (tok.word_name or ana.entry.common):
                    tok.state = _YES
        elif tok.ending == "lle":
            if _prev_word(text, tok.start) in _TO_PERSON_VERBS:
                tok.state = _YES  # "soitin kivimäelle"
        elif tok.ending == "" and (tok.initial or not tok.cap) and not (not tok.cap and tok.key in LOWER_BLOCK):
            # a town acts too ("Lahti päätti"): only a person's own verbs make it a person
            town = analyse_place(tok.lower) is not None
            if morphology.person_subject(following, strict=town):
                tok.state = _YES  # "Onni sai", "Toivo oli pettynyt", "kivimäki ei saanut"


def find_names(text: str, lang: str | None = None) -> tuple[list[tuple[int, int]], str]:
    """Return merged (start, end) spans of person names, and the language used.

    With ``lang=None`` the language is voted from the all-lower-case words (capitalised
    words may be names, and the vote must not change once they are redacted).
    """
    words = WORD_RE.findall(text)
    if lang is None:
        lang = vote_lang([w for w in words if w.islower()])
    toks: list[_Tok] = []
    info_cache = _INFO_CACHE
    inert = _INERT.setdefault(lang, {})
    inert_get = inert.get
    pos = 0
    # Most words are ordinary lower-case words already known to be irrelevant: drop them
    # in one C-speed pass. Dropping is safe because adjacency and cue checks look at the
    # gap text itself, and offsets are recovered with a boundary-checked find.
    for word in [w for w in words if not inert_get(w, False)]:
        if not word[0].isupper():
            lower = word if word.islower() else word.lower()
            if _inert(lower, lang):
                continue
            start = _find_token(text, word, pos)
            if start < 0:
                continue
            end = pos = start + len(word)
            tok = _Tok(start, end, word, lower, False, False, _NO)
        else:
            start = _find_token(text, word, pos)
            if start < 0:
                continue
            end = pos = start + len(word)
            caps = len(word) > 1 and word.isupper()
            lower = word.lower()
            if caps and len(word) >= 4:
                # "MATTI VIRTANEN": read like a capitalised word at the start of a sentence,
                # so an ordinary word in a heading ("TAUSTA", "KIVI") needs context
                tok = _Tok(start, end, word, lower, True, True, _NO)
            else:
                # only capitalised words care whether they start a sentence
                initial = not caps and _sentence_initial(text, start)
                tok = _Tok(start, end, word, lower, not caps, initial, _NO)
                # abbreviations (SHL, HUS) and placeholders ([NIMI]) are never names
                tok.skip = caps
        if not tok.skip and len(word) > 1:
            key = (lower, tok.cap, tok.initial, lang)
            info = info_cache.get(key)
            if info is None:
                _classify(tok, lang)
                if len(info_cache) > 200_000:
                    info_cache.clear()
                info_cache[key] = (tok.state, tok.first_like, tok.last_like, tok.ending, tok.key,
                                   tok.word_name)
            else:
                tok.state, tok.first_like, tok.last_like, tok.ending, tok.key, tok.word_name = info
        toks.append(tok)
    if ("nimi" in text or "kutsu" in text or "kall" in text or "alias" in text or "smek" in text
            or " aka " in text or "nick" in text):
        _nicknames(text, toks)
    if not toks:
        return [], lang
    n = len(toks)

    # Organisation phrases: "X ry", "Pelastakaa Lapset" etc. are never names.
    for i, tok in enumerate(toks):
        if i and (tok.lower in ORG_FOLLOWERS or tok.lower.endswith(_ORG_SUFFIXES)):
            j = i - 1
            while j >= 0 and toks[j].cap and _adjacent(text, toks[j], toks[j + 1]) and j >= i - 3:
                toks[j].state = _NO
                j -= 1

    if all(t.state == _NO for t in toks) and not any(
            _is_cue_cached(t.lower) for t in toks):
        return [], lang  # fast path: most texts have nothing name-like at all

    _organisations(text, toks)

    # Context: a relation/title word right before makes the next word a name.
    for i in range(1, n):
        tok = toks[i]
        if tok.state in (_NO, _PLACE) and not (tok.cap and tok.state == _NO
                                                and analyse_name(tok.lower) is not None
                                                and not is_org(tok.lower)
                                                and not _is_month(tok.lower)):
            continue
        prev = toks[i - 1]
        if tok.start - prev.end > 3 or text[prev.end:tok.start].strip(" ,\u00a0") != "":
            continue
        if not _is_cue_cached(prev.lower):
            continue
        if tok.cap:
            tok.state = _YES
            continue
        ana = analyse_name(tok.lower)
        if ana is None or tok.lower in STOPWORDS or ana.entry.count < 200:
            continue
        name_key = ana.entry.name.lower()
        if name_key in AMBIGUOUS or (ana.entry.common and ana.entry.count < 3000):
            continue
        tok.state = _YES

    _contexts(text, toks, lang)
    size = len(text)
    for tok in toks:
        # "Valtatie 13", "Linja 5": an ordinary noun followed by a number is no person
        if (tok.cap and tok.end + 1 < size and text[tok.end + 1].isdigit() and tok.key
                and not tok.word_name and tok.state in (_YES, _WEAK)
                and _NUMBER_AFTER_RE.match(text, tok.end) and _common_noun(tok.lower)):
            tok.state = _NO

    # Neighbours: a weak token next to a clear name is part of that name
    # (Matti Salo, Toivo Virtanen, virtasen mikko, Mikko Xyzinen).
    for _ in range(3):
        changed = False
        for i in range(n - 1):
            a, b = toks[i], toks[i + 1]
            if not _adjacent(text, a, b):
                continue
            # Only the last part of a Finnish name phrase inflects ("Toivo Virtaselle"),
            # except the colloquial surname-first genitive ("Virtasen Mikko").
            if (a.state == _YES and b.state == _WEAK and (b.cap or not a.cap)
                    and (a.ending == "" or (a.ending == "n" and a.last_like and b.first_like))):
                b.state = _YES
                changed = True
            elif (b.state == _YES and a.state == _WEAK and (a.cap or not b.cap)
                  and (a.ending == "" or (a.ending == "n" and a.last_like and b.first_like))):
                a.state = _YES
                changed = True
            elif (a.state == _WEAK and b.state == _WEAK and a.cap and b.cap and a.ending == ""
                  and analyse_name(a.lower) is not None and analyse_name(b.lower) is not None
                  and ((a.first_like and b.last_like) or (a.last_like and b.first_like))):
                a.state = b.state = _YES
                changed = True
            elif (a.state == _NO and a.cap and a.initial and b.state == _YES and b.cap and a.key
                  and a.first_like and b.last_like and not b.first_like and b.ending == ""
                  and (_is_cue_cached(a.lower) or a.lower in STOPWORDS)):
                a.state = _YES  # "Bror Blomqvist", "Veli Virtanen" (but "Poika Onni")
                changed = True
            elif (b.state in (_CAND,) and a.state == _YES and not a.cap and not b.cap
                  and a.first_like and b.last_like and a.ending == ""):
                b.state = _YES  # "pirkko marjamäki": a lower-case full name
                changed = True
            elif a.state == _YES and b.state == _PLACE and b.cap and a.first_like:
                # "Matti Salo" is a person; "Matti Salossa" stays a place
                place = analyse_place(b.lower)
                # "Matti Lahdelle": only the surname inflects; inner-locatives stay places
                if (place is not None and place[1] in ("", "n", "lle", "lta", "ltä", "lla", "llä")
                        and a.ending == "" and analyse_name(b.lower) is not None):
                    b.state = _YES
                    changed = True
        # "Onni ja Toivo", "soitin kivimäelle ja jounille": a weak name joined to a clear
        # one in the same case is a name too.
        for i in range(n - 1):
            a, b = toks[i], toks[i + 1]
            if a.state == b.state or a.ending != b.ending or text[a.end:b.start] not in _COORDINATORS:
                continue
            # never an ordinary lower-case word ("Ahmed ja tulkki Fatima")
            if a.state == _YES and b.key and (b.state == _WEAK and (b.cap or not b.word_name)):
                b.state = _YES
                changed = True
            elif b.state == _YES and a.key and (a.state == _WEAK and (a.cap or not a.word_name)):
                a.state = _YES
                changed = True
        # The same name confirmed elsewhere in the text: "Tapasin Onnin. Onni sai ...".
        waiting = [t for t in toks if t.state in (_WEAK, _CAND) and t.key]
        if waiting:
            confirmed = {t.key for t in toks if t.state == _YES and t.key
                         and (not t.word_name or not t.initial)}
            for tok in waiting:
                if tok.key in confirmed:
                    tok.state = _YES
                    changed = True
        if not changed:
            break

    # Initials: "Leena K.", "M. Virtanen".
    spans: list[tuple[int, int]] = []
    for i, tok in enumerate(toks):
        if tok.state != _YES:
            if len(tok.text) == 1 and tok.text.isupper() and not tok.skip:
                left = i > 0 and toks[i - 1].state == _YES and _adjacent(text, toks[i - 1], tok)
                right_ok = False
                if i + 1 < n:
                    gap = text[tok.end:toks[i + 1].start]
                    nxt = toks[i + 1]
                    # "M. Virtanen", and "V. Nivala" even though Nivala is also a town
                    right_ok = gap in (". ", ".", " ") and (
                        nxt.state == _YES
                        or (gap != " " and nxt.cap and analyse_name(nxt.lower) is not None))
                    if right_ok and nxt.state != _YES:
                        nxt.state = _YES
                        toks[i + 1] = nxt
                if left or right_ok:
                    end = tok.end + (1 if tok.end < len(text) and text[tok.end] == "." else 0)
                    spans.append((tok.start, end))
            continue
        spans.append((tok.start, tok.end))

    # merge spans separated only by spaces (or the dot of an initial)
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and text[merged[-1][1]:s].strip(" \u00a0") == "" and s - merged[-1][1] <= 2:
            merged[-1] = (merged[-1][0], e)
        elif merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged, lang
