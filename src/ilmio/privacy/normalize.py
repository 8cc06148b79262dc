"""Normalisation before detection, with offsets mapped back to the original text.

Every detector reads the *normalised* text: NFKC (full-width digits, ligatures, no-break
spaces), zero-width, soft-hyphen and bidi control characters removed, every dash and minus
variant made "-", UTF-8 read as Windows-1252 repaired ("MÃ¡ret" → "Máret") and a "?" that
a system printed for a letter it could not ("M?ret S?r?") turned into a letter-like
wildcard (ʔ) that the name detector matches against the lexicon. Spans found there are
mapped back, so the engine replaces exactly the original characters and stores the
original text otherwise untouched.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Invisible characters that split words and numbers without showing: removed.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u206a\u206b\u206c\u206d\u206e\u206f\ufeff"
)
_INVISIBLE_SET = frozenset(_INVISIBLE)
# One character for one: dashes and minus signs, exotic spaces, the replacement character.
_ONE_TO_ONE = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                        "\u202f\u205f\u3000", " "),
        "\ufffd": "?",
    }
)
WILDCARD = "ʔ"  # stands for one letter a system could not print

# Anything that may need work; a text without any of these (and NFKC already) is returned
# as it is, which is almost every text.
# (one character class: the quickest scan there is)
_DIRTY_CHAR_RE = re.compile(
    "[" + _INVISIBLE + "\u2010-\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d\u00a0\u2000-\u200a"
    "\u202f\u205f\u3000\ufffd]"
)
_LOST_LETTER_RE = re.compile(r"\?[^\W\d_]")
# Lead characters of UTF-8-read-as-Windows-1252 ("Ã", "Ä", "Å" ...), checked in one class scan
# together with the characters above; a hit is then looked at closely.
_SUSPECT_RE = re.compile(_DIRTY_CHAR_RE.pattern[:-1] + "\u00c2-\u00df]")
_MOJIBAKE_RE = re.compile(
    r"[\u00c2-\u00df][\ufffd\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# Letters that mojibake is repaired to (Nordic, Sámi and other Latin letters of names).
_REPAIRABLE = frozenset("áàâäåãæçčđéèêëíìîïŋñóòôöõøšŧúùûüýÿžÁÀÂÄÅÃÆÇČĐÉÈÊËÍÌÎÏŊÑÓÒÔÖÕØŠŦÚÙÛÜÝŽőűŐŰ")
# A word with a "?" inside ("M?ret", "S?r?", "?nde"): every "?" of it is a lost letter.
_MANGLED_RE = re.compile(r"(?:(?<=[\s(\"'])|^)\?[^\W\d_]+(?:\?[^\W\d_]*)*|[^\W\d_]+(?:\?[^\W\d_]+)+\??")


_NEXT_TO_MANGLED_RE = re.compile(
    r"[^\W\d_]+\?(?=[ \t]+[^\W\d_]*ʔ)|(?<=ʔ)[^\W\d_]*[ \t]+[^\W\d_]+\?"
    r"|(?<=ʔ[ \t])[^\W\d_]+\?"
)


def _cp1252_byte(ch: str) -> int | None:
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        code = ord(ch)
        return code if code < 0x100 else None


def _repair_mojibake(pair: str) -> str | None:
    """The letter a two-character UTF-8-read-as-Windows-1252 sequence stands for, or None."""
    if pair[1] == "\ufffd":
        return WILDCARD  # the second byte was lost ("Ã\ufffd" for Á): some letter
    raw = [_cp1252_byte(ch) for ch in pair]
    if any(b is None for b in raw):
        return None
    try:
        letter = bytes(b for b in raw if b is not None).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return letter if letter in _REPAIRABLE else None


@dataclass(frozen=True, slots=True)
class Normalized:
    """The normalised text and, per normalised character, the original range it came from."""

    text: str
    starts: list[int] | None  # None: identical to the original
    ends: list[int] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) back to the original text."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


_EDIT_RE = re.compile("[" + _INVISIBLE + "]|" + _MOJIBAKE_RE.pattern)


def normalize(text: str) -> Normalized:
    if (("?" not in text or _LOST_LETTER_RE.search(text) is None)
            and unicodedata.is_normalized("NFKC", text)
            and (_SUSPECT_RE.search(text) is None
                 or (_DIRTY_CHAR_RE.search(text) is None and _MOJIBAKE_RE.search(text) is None))):
        return Normalized(text, None, None)
    translated = text.translate(_ONE_TO_ONE)  # one for one: offsets unchanged
    if unicodedata.is_normalized("NFKC", translated):
        result = _edit(text, translated)
    else:
        result = _slow(text)
    if "?" in result.text:
        chars = list(result.text)
        for m in _MANGLED_RE.finditer(result.text):
            for k in range(m.start(), m.end()):
                if chars[k] == "?":
                    chars[k] = WILDCARD
        mangled = "".join(chars)
        if WILDCARD in mangled:
            # "Nill? Ai?io": a word-final "?" next to a mangled word lost a letter too
            mangled = _NEXT_TO_MANGLED_RE.sub(lambda m: m.group(0)[:-1] + WILDCARD if m.group(0).endswith("?")
                                              else m.group(0), mangled)
        result = Normalized(mangled, result.starts, result.ends)
    return result


def _edit(text: str, translated: str) -> Normalized:
    """Only removals and mojibake repairs left: copy the runs between them in one piece."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _EDIT_RE.finditer(text):
        if m.end() - m.start() == 2:
            letter = _repair_mojibake(m.group(0))
            if letter is None:
                continue
        else:
            letter = ""
        out.append(translated[pos:m.start()])
        starts.extend(range(pos, m.start()))
        ends.extend(range(pos + 1, m.start() + 1))
        if letter:
            out.append(letter)
            starts.append(m.start())
            ends.append(m.end())
        pos = m.end()
    if pos == 0 and not out:
        return Normalized(translated, None, None)
    out.append(translated[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return Normalized("".join(out), starts, ends)


def _slow(text: str) -> Normalized:
    """NFKC changes something (full-width digits, ligatures, decomposed letters): per character."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    repairs: dict[int, tuple[int, str]] = {}
    for m in _MOJIBAKE_RE.finditer(text):
        letter = _repair_mojibake(m.group(0))
        if letter is not None:
            repairs[m.start()] = (m.end(), letter)
    n = len(text)
    i = 0
    while i < n:
        repair = repairs.get(i)
        if repair is not None:
            out.append(repair[1])
            starts.append(i)
            ends.append(repair[0])
            i = repair[0]
            continue
        ch = text[i]
        if ch in _INVISIBLE_SET:
            i += 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]) and text[j] not in _INVISIBLE_SET:
            j += 1
        piece = text[i:j]
        if j - i > 1 or not ch.isascii():
            piece = unicodedata.normalize("NFKC", piece.translate(_ONE_TO_ONE)).translate(_ONE_TO_ONE)
            piece = "".join(c for c in piece if c not in _INVISIBLE_SET)
        for c in piece:
            out.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    return Normalized("".join(out), starts, ends)
