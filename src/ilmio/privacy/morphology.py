"""Voikko's reading of single words, for the name detector's context rules.

The cores are independent of each other (``ilmio.text`` has its own handle), so this module
opens its own libvoikko handle, lazily and once per process. Every answer is cached per
word form; without Voikko (the C library or the Finnish dictionary missing) every answer
is "unknown" and the detector falls back to its lexicon rules.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


def _words(text: str) -> list[str]:
    """Whitespace-separated word list (keeps long vocabularies readable)."""
    return text.split()


PROPER = frozenset({"etunimi", "sukunimi", "nimi"})
PLACE = frozenset({"paikannimi"})
# Pronouns, numerals, adverbs, conjunctions, adpositions, negation, interjections: never a
# name at the start of a sentence ("Toinen ongelma", "Kuusi perhettä", "Usein").
FUNCTION = frozenset({"asemosana", "lukusana", "seikkasana", "sidesana", "suhdesana",
                      "kieltosana", "huudahdussana"})

_lock = threading.Lock()
_handle: Any = None
_failed = False


def _voikko() -> Any:
    global _handle, _failed
    if _handle is not None or _failed:
        return _handle
    with _lock:
        if _handle is None and not _failed:
            try:
                import libvoikko

                _handle = libvoikko.Voikko("fi")
            except Exception:  # OSError (no C library) or VoikkoException (no dictionary)
                _failed = True
    return _handle


def _forget_handle_after_fork() -> None:
    # A forked worker (ilmio analyze --workers) opens its own handle when it first needs one.
    global _handle, _lock
    _handle, _lock = None, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_handle_after_fork)


@dataclass(frozen=True, slots=True)
class Reading:
    cls: str
    base: str
    person: str
    mood: str
    participle: str
    case: str
    compound: bool  # Voikko built it from parts ("oksa+nalle" for Oksanalle)


@lru_cache(maxsize=131_072)
def readings(word: str) -> tuple[Reading, ...]:
    """Voikko's analyses of one word form (empty: unknown word or no Voikko)."""
    handle = _voikko()
    if handle is None or not word or len(word) > 60:
        return ()
    try:
        with _lock:  # the handle is not thread-safe; answers are cached, so this is rare
            raw = handle.analyze(word)
    except Exception:
        return ()
    return tuple(
        Reading(a.get("CLASS", ""), (a.get("BASEFORM") or "").lower(), a.get("PERSON", "") or "",
                a.get("MOOD", "") or "", a.get("PARTICIPLE", "") or "", a.get("SIJAMUOTO", "") or "",
                (a.get("STRUCTURE") or "").count("=") > 1)
        for a in raw
    )


def known(word: str) -> bool:
    return bool(readings(word))


# Verbs whose subject is a person: telling, asking, calling, feeling, moving house, applying,
# getting and losing things ("Onni sai", "Tuuli kertoi", "Kivi soitti"). Weather, luck and
# stones do none of these; verbs that they do ("kaataa", "palata", "sulaa") are not here.
HUMAN_VERBS = frozenset(_words("""
kertoa sanoa soittaa kysyä vastata ilmoittaa pyytää toivoa haluta muuttaa asua käydä tulla
lähteä saada menettää maksaa hakea anoa asioida itkeä nauraa huutaa pelätä jaksaa ajatella
uskoa tietää ymmärtää kieltäytyä suostua myöntää valittaa kirjoittaa lähettää viestiä tekstata
tavata osallistua opiskella työskennellä nukkua syödä juoda polttaa yrittää aikoa odottaa
sairastua synnyttää syntyä täyttää aloittaa lopettaa jättää hoitaa auttaa tuoda ottaa antaa
puhua keskustella kuulla huomata muistaa unohtaa huolestua pettyä suuttua väsyä masentua
loukkaantua kaatua joutua päästä jäädä pärjätä selvitä kuolla elää sairastaa käyttää tarvita
saapua oppia pelata harrastaa tykätä rakastaa riidellä tapella lyödä uhata kiusata varastaa
kieltää vaatia luvata sopia päättää valita hyväksyä allekirjoittaa istua kävellä juosta ajaa
tehdä mennä huolehtia pyrkiä toimia ehtiä hävitä voittaa kokea kärsiä kieltäytyä
ilmestyä esittää kuvata epäillä pohtia miettiä haaveilla pelästyä säikähtää ihmetellä
kiittää pahoitella pyydellä vaatia hermostua innostua ilahtua järkyttyä rauhoittua
"""))
# Spoken Finnish third-person forms that Voikko does not know ("se sano", "se kerto").
SPOKEN_VERBS = frozenset(_words("""
sano kerto kysy vastas ilmotti ilmotti pyys halus muutti soitti sai kävi tuli lähti meni
oottaa ootti tykkää tykkäs pelkää itki huus sanoo kertoo kysyy soittaa asuu
"""))
_OLLA = frozenset({"oli", "on", "olivat", "ovat", "oisi", "olisi", "oo"})
# Words after "oli/on" that describe a person ("Toivo oli pettynyt", "Onni on 10-vuotias").
PERSON_PREDICATES = frozenset(_words("""
huolissaan pahoillaan peloissaan tyytyväinen tyytymätön vihainen surullinen iloinen onnellinen
väsynyt sairas sairaana työtön työttömänä asunnoton raskaana humalassa päihtynyt kotona töissä
koulussa sairaalassa vankilassa huolestunut masentunut hädissään ihmeissään poissa paikalla
mukana asiakkaana asiakas opiskelija eläkkeellä nuorin vanhin esikoinen lapsi poika tyttö
äiti isä mummo vaari yksinhuoltaja omaishoitaja leski eronnut naimisissa kuollut elossa
pettynyt pettyny helpottunut helpottunu järkyttynyt järkyttyny innoissaan kiitollinen
"""))
_SKIP_ADVERBS = frozenset(_words("ihan tosi todella hyvin niin aika vähän jo vielä taas nyt ollut ollu "
                          "hyvin kovin melko hieman erittäin aivan edelleen perheen"))


@lru_cache(maxsize=65_536)
def human_verb(word: str) -> bool:
    """A finite third-person form of a verb whose subject is a person ("kertoi", "ei")."""
    lower = word.lower()
    if lower in SPOKEN_VERBS:
        return True
    return any(r.cls == "teonsana" and r.person in ("3", "") and r.mood in ("indicative", "conditional")
               and r.base in HUMAN_VERBS for r in readings(lower))


@lru_cache(maxsize=65_536)
def human_participle(word: str) -> bool:
    """A past participle of a person's verb ("pettynyt", spoken "saanu"), or a person word."""
    lower = word.lower()
    if lower in PERSON_PREDICATES or lower.endswith("vuotias") or lower.endswith("vuotiaana"):
        return True
    forms = [lower]
    if lower.endswith(("nu", "ny")):
        forms.append(lower + "t")  # spoken "saanu", "pettyny"
    for form in forms:
        for r in readings(form):
            if r.participle == "past_active":
                verb = _participle_verb(r.base)
                if verb in HUMAN_VERBS:
                    return True
    return False


_PARTICIPLE_TO_VERB = (
    ("nnut", ("nna", "ta")), ("nnyt", ("nnä", "tä")), ("ssut", ("sta",)), ("ssyt", ("stä",)),
    ("nut", ("a", "da", "ta")), ("nyt", ("ä", "dä", "tä")), ("lut", ("la",)), ("lyt", ("lä",)),
    ("rut", ("ra",)), ("ryt", ("rä",)),
)


def _participle_verb(participle: str) -> str:
    """The infinitive behind a -nut/-nyt participle ("pettynyt" → "pettyä"), checked by Voikko."""
    for ending, infinitive_ends in _PARTICIPLE_TO_VERB:
        if participle.endswith(ending):
            stem = participle[: -len(ending)]
            for end in infinitive_ends:
                candidate = stem + end
                if any(r.cls == "teonsana" and r.base == candidate for r in readings(candidate)):
                    return candidate
    return ""


# What only a person does (a town also decides, applies and pays: "Lahti päätti").
PERSONAL_VERBS = frozenset(_words("""
kertoa sanoa soittaa kysyä itkeä nauraa huutaa pelätä asua nukkua syödä juoda sairastua
synnyttää syntyä tykätä pettyä väsyä masentua suuttua huolestua kuolla tekstata viestiä
"""))


def person_subject(following: list[str], *, strict: bool = False) -> bool:
    """Do the next words make the word before them a person ("kertoi", "oli pettynyt")?

    ``strict``: only what a person alone does counts (for a word that is also a town)."""
    if not following:
        return False
    first = following[0].lower()
    if strict:
        return any(r.cls == "teonsana" and r.person == "3" and r.base in PERSONAL_VERBS
                   for r in readings(first))
    if human_verb(first) and first not in _OLLA:
        return True
    if first in _OLLA or first == "ei":
        for word in following[1:4]:
            low = word.lower()
            if low in _SKIP_ADVERBS:
                continue
            if first == "ei" and (human_verb(low) or human_participle(low) or _connegative_human(low)):
                return True
            return human_participle(low)
    return False


@lru_cache(maxsize=65_536)
def _connegative_human(word: str) -> bool:
    """"ei kerro", "ei vastaa": the connegative of a person's verb."""
    return any(r.cls == "teonsana" and r.base in HUMAN_VERBS and r.mood in ("indicative", "imperative", "")
               for r in readings(word))
