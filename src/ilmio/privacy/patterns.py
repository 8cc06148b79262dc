"""Regex detectors for the structured identifiers: hetu, IBAN, e-mail, phone, address.

Each detector yields ``(start, end)`` spans into the text. Validation (hetu check
character and date, IBAN mod-97) happens in Python after a cheap compiled regex.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date

_DIGIT_RE = re.compile(r"\d")
IsFree = Callable[[int, int], bool]


def _scan(pattern: re.Pattern[str], text: str, is_free: IsFree | None) -> Iterator[re.Match[str]]:
    """finditer that retries one character later when a match hits a claimed span, so
    that the first pass finds what a second pass over the placeholders would find."""
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return
        if is_free is None or is_free(m.start(), m.end()):
            yield m
            pos = max(m.end(), m.start() + 1)
        else:
            pos = m.start() + 1


# ---------------------------------------------------------------- hetu
HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURY = {
    "+": 1800,
    "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900,
    "A": 2000, "B": 2000, "C": 2000, "D": 2000, "E": 2000, "F": 2000,
}
# Optional single space around the century sign: people type "010203 - 123A".
HETU_RE = re.compile(
    r"(?<![\w+\]])(\d{2})(\d{2})(\d{2}) ?([-+ABCDEFYXWVUabcdefyxwvu‐‑–]) ?(\d{3})([0-9A-Ya-y])(?![\w\[])"
)


def hetu_check_char(ddmmyy: str, individual: str) -> str:
    return HETU_CHECK[int(ddmmyy + individual) % 31]


def hetu_date_ok(dd: str, mm: str, yy: str, sign: str) -> bool:
    century = CENTURY.get(sign.upper().replace("‐", "-").replace("‑", "-").replace("–", "-"))
    if century is None:
        return False
    try:
        date(century + int(yy), int(mm), int(dd))
    except ValueError:
        return False
    return True


def is_valid_hetu(code: str) -> bool:
    """Strict validity: exact shape, real date, correct check character."""
    m = HETU_RE.fullmatch(code.strip())
    if not m:
        return False
    dd, mm, yy, sign, ind, check = m.groups()
    return hetu_date_ok(dd, mm, yy, sign) and hetu_check_char(dd + mm + yy, ind) == check.upper()


def find_hetu(text: str, is_free: IsFree | None = None) -> Iterator[tuple[int, int]]:
    # A hetu-shaped code with a valid date is redacted even when the check character is
    # wrong: a mistyped identity code still identifies the person (documented in the ADR).
    for m in _scan(HETU_RE, text, is_free):
        dd, mm, yy, sign, _ind, _check = m.groups()
        if hetu_date_ok(dd, mm, yy, sign):
            yield m.start(), m.end()


# ---------------------------------------------------------------- IBAN
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18,
    "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
    "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
    "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "AX": 18,
}
IBAN_START_RE = re.compile(r"(?<![A-Za-z0-9\]])([A-Za-z]{2})\s?(\d{2})(?=[ \u00a0]?[A-Za-z0-9])")


def iban_mod97_ok(compact: str) -> bool:
    s = compact[4:] + compact[:4]
    digits = "".join(str(int(ch, 36)) for ch in s)
    return int(digits) % 97 == 1


def is_valid_iban(value: str) -> bool:
    compact = re.sub(r"[\s\u00a0]", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", compact):
        return False
    if IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    return iban_mod97_ok(compact)


def find_iban(text: str, is_free: IsFree | None = None) -> Iterator[tuple[int, int]]:
    for m in IBAN_START_RE.finditer(text):
        country = m.group(1).upper()
        length = IBAN_LENGTHS.get(country)
        if length is None:
            continue
        # Walk forward collecting exactly `length` alphanumerics, allowing single spaces
        # between groups, so "FI21 1234 5600 0007 85 ja" stops before "ja".
        compact = [country, m.group(2)]
        n = 4
        i = m.end()
        end = i
        while n < length and i < len(text):
            ch = text[i]
            if ch.isascii() and ch.isalnum():
                compact.append(ch.upper())
                n += 1
                i += 1
                end = i
            elif ch in " \u00a0" and i + 1 < len(text) and text[i + 1].isascii() and text[i + 1].isalnum():
                i += 1
            else:
                break
        if n != length:
            continue
        if end < len(text) and ((text[end].isascii() and text[end].isalnum()) or text[end] == "["):
            continue  # the code goes on: not this IBAN
        if iban_mod97_ok("".join(compact)):
            yield m.start(), end


# ---------------------------------------------------------------- e-mail
# Also the obfuscated forms people use to dodge spam filters: "nimi(at)kunta.fi".
EMAIL_RE = re.compile(
    r"(?<![\w.+\]-])[\w.+-]*\w(?:@|\s?\(at\)\s?|\s?\[at\]\s?)[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}(?![\w@\[])",
    re.IGNORECASE,
)


def find_email(text: str, is_free: IsFree | None = None) -> Iterator[tuple[int, int]]:
    if "@" not in text and "at)" not in text.lower() and "at]" not in text.lower():
        return
    for m in _scan(EMAIL_RE, text, is_free):
        yield m.start(), m.end()


# ---------------------------------------------------------------- phone
# Finnish prefixes only (mobile 04x/050, area codes, national numbers), so postal codes
# ("00100"), years, amounts and law references do not look like phone numbers.
_DOMESTIC_PREFIX = (
    r"0(?:4\d|50|2|3|5|6|8|9|1[3-9]|10|20|29|30|39|600|700|800|7[135])"
)
_INTL_PREFIX = r"(?:4\d|50|2|3|5|6|8|9|1[3-9]|10|20|29|30|39|600|700|800|7[135])"
_SEP = r"[ \u00a0-]?"
PHONE_RE = re.compile(
    r"(?<![\w+/.,\]])(?:"
    # +358 / 00358 forms, optional "(0)" and a prefix in parentheses or not
    r"(?:\+|00)\s?358[ \u00a0-]?(?:\(0\)[ \u00a0-]?)?\(?" + _INTL_PREFIX + r"\)?"
    r"|"
    r"\(" + _DOMESTIC_PREFIX + r"\)"
    r"|"
    + _DOMESTIC_PREFIX +
    r")"
    r"(?:" + _SEP + r"\d){4,9}"
    r"(?![\w/\[]|[.,]\d)"
)


def _digits(s: str) -> int:
    return sum(ch.isdigit() for ch in s)


def find_phone(text: str, is_free: IsFree | None = None) -> Iterator[tuple[int, int]]:
    for m in _scan(PHONE_RE, text, is_free):
        start, end = m.start(), m.end()
        span = text[start:end]
        intl = span.lstrip("(").startswith(("+", "00"))
        digits = _digits(span) - (3 if intl else 0) - (2 if span.startswith("00") else 0)
        if "(0)" in span:
            digits -= 1
        # Trim trailing space-separated groups that make it too long ("040 1234567 2024").
        limit = 10 if intl else 11
        while digits > limit:
            cut = max(span.rfind(" "), span.rfind("\u00a0"))
            if cut <= 0:
                break
            digits -= _digits(span[cut:])
            span = span[:cut]
            end = start + len(span)
        if digits < 6 or (not intl and digits < 7):
            continue
        yield start, end


# ---------------------------------------------------------------- address
# Street-name endings (nominative and inflected stems: katu/kadu-, polku/polu-, ...).
# Endings that are safe even in lower case (hurried typing: "kauppakatu 5").
_STREET_END_ANYCASE = r"(?:katu|kadu|tie|kuja|gatan|vägen|gränd|gränden|stigen|allén|torget)"
# Endings that are ordinary words too ("hoitopolku", "bussilinja"): capitalised only.
_STREET_END_CAP = (
    r"(?:katu|kadu|tie|kuja|polku|polu|kaari|kaare|väylä|raitti|raiti|rinne|rinte|kaarre|kaartee|"
    r"aukio|tori|puistikko|puistiko|ranta|ranna|piha|portti|porti|kierros|kierrokse|penger|"
    r"pengere|silta|vainio|mäki|mäe|kangas|kankaa|ahde|ahtee|tanhua|kaarto|bulevardi|"
    r"pelto|pello|lehto|lehdo|laakso|niitty|niity|"
    r"gatan|gata|vägen|väg|gränd|gränden|stigen|stig|allén|torget|backen|stranden|kulla|"
    r"kullen|esplanaden|esplanadi)"
)
_CASE_END = r"(?:n|lla|llä|lle|lta|ltä|ssa|ssä|sta|stä|an|än|en|un|yn|on|ön|ä|a|e)?"
_HOUSE = r"\d{1,4}(?:\s?[-–]\s?\d{1,4})?"
_FLAT = (
    r"(?:\s*,?\s*(?:(?:[A-HJ-Ka-hj-k]|as\.?|asunto|bs\.?|bostad|lgh\.?|lägenhet|h\.?)"
    r"\s?\d{1,4}(?!\d)|[A-HJ-Ka-hj-k](?![\w])))"
)
# A number followed by a unit is a count or a duration, not a house number.
_UNIT = (
    r"\s*(?:vuo|vuot|kert|minuut|tunn|tunti|päiv|viik|kuukau|kk\b|euro|€|%|prosent|henk|lasta|"
    r"lapsi|asiakas|km\b|v\b|år|dag|gång|veck|månad|procent|person|barn|st\b|kpl)"
)
_POSTAL = r"(?:\s*,?\s*\d{5}(?:\s+[A-ZÅÄÖ][a-zåäö]+(?:[- ][A-ZÅÄÖ][a-zåäö]+)?)?)"
ADDRESS_RE = re.compile(
    r"(?<![\w\]-])(?:"
    r"[A-ZÅÄÖÉ][a-zåäöé]*(?:-[A-Za-zÅÄÖåäö][a-zåäö]*)?" + _STREET_END_CAP + _CASE_END
    + r"|"
    r"[a-zåäö][a-zåäö]*" + _STREET_END_ANYCASE + _CASE_END
    + r"|"
    # two-word street: "Ida Aalbergin tie", "Pohjoinen Rautatiekatu"
    r"(?:[A-ZÅÄÖ][a-zåäöé-]+\s){1,2}[a-zåäö]*" + _STREET_END_CAP + _CASE_END
    + r")"
    r"\s+" + _HOUSE + r"(?!" + _UNIT + r")" + _FLAT + r"{0,2}" + _POSTAL + r"?"
    r"(?![\w\[])"
)
# A capitalised word + house number + staircase + flat ("Kalevankangas 5 B 12") is an
# address even when the street ending is unknown.
ADDRESS_FLAT_RE = re.compile(
    r"(?<![\w\]-])[A-ZÅÄÖ][a-zåäö]{3,}(?:-[A-ZÅÄÖ]?[a-zåäö]+)?\s+\d{1,4}\s?"
    r"(?:[A-HJ-K]\s?\d{1,3}|(?:as\.?|asunto|bs\.?|lgh\.?)\s?\d{1,4})(?!\d)" + _POSTAL + r"?(?![\w\[])"
)


# Pre-checks: the full address patterns are slow to try at every position, so they only
# run when some word right before a number ends like a street name.
# starts with \d so the scan skips quickly to digits; then looks back for "word + space"
_WORD_NUMBER_RE = re.compile(r"\d(?<=[^\W\d_]\s\d)")
_LAST_WORD_RE = re.compile(r"[^\W\d_]+$")
_STREET_WORD_RE = re.compile(_STREET_END_CAP + _CASE_END + r"$")
_FLAT_HINT_RE = re.compile(r"\d\s?(?:[A-HJ-K]\s?\d|(?:as|bs|lgh|asunto)\.?\s?\d)")


def find_address(text: str, is_free: IsFree | None = None) -> Iterator[tuple[int, int]]:
    # Cheap pre-checks: the full patterns are slow to try at every position.
    street = False
    for m in _WORD_NUMBER_RE.finditer(text):
        w = _LAST_WORD_RE.search(text, max(0, m.start() - 40), m.start() - 1)
        if w is not None and _STREET_WORD_RE.search(w.group(0)):
            street = True
            break
    if street:
        for m in _scan(ADDRESS_RE, text, is_free):
            yield m.start(), m.end()
    if _FLAT_HINT_RE.search(text) is not None:
        for m in _scan(ADDRESS_FLAT_RE, text, is_free):
            yield m.start(), m.end()
