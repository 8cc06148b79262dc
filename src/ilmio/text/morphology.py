"""Word classes of Finnish word forms (Voikko), for choosing words to show people.

Kept apart from :mod:`ilmio.text.language` on purpose: that module's code is part of the
classifier's feature hash, and what is shown as a theme does not change features.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ilmio.text.language import _raw_analyses

_PROPER_NOUN_CLASSES = frozenset({"etunimi", "sukunimi", "paikannimi", "nimi"})
_NOUN_CLASSES = frozenset({"nimisana", "nimisana_laatusana"})
VERB_CLASS = "teonsana"


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of a Finnish word form: its base form, word class (Voikko's CLASS:
    nimisana, teonsana, etunimi, paikannimi, …), case and number."""

    baseform: str
    word_class: str
    case: str
    number: str

    @property
    def is_proper_noun(self) -> bool:
        return self.word_class in _PROPER_NOUN_CLASSES

    @property
    def is_common_noun(self) -> bool:
        return self.word_class in _NOUN_CLASSES

    @property
    def is_verb(self) -> bool:
        return self.word_class == VERB_CLASS


@lru_cache(maxsize=50_000)
def readings_fi(word: str) -> tuple[Reading, ...]:
    """Every reading Voikko gives of one Finnish word form (empty for unknown words)."""
    return tuple(Reading(a.get("BASEFORM", word), a.get("CLASS", ""), a.get("SIJAMUOTO", ""), a.get("NUMBER", ""))
                 for a in _raw_analyses(word))  # fmt: skip
