"""Regex detectors for the structured identifiers: hetu, IBAN, e-mail, phone, birth date,
client number, address.

Each detector yields ``(start, end)`` spans into the text, which the engine has normalised
first (ilmio.privacy.normalize: NFKC, no zero-width or bidi characters, every dash "-"), so
the patterns need not know those variants. Validation (hetu date, IBAN shape) happens in
Python after a cheap compiled regex.
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
# Spaces around the century sign: people type "010203 - 123A", "010203  -  123A".
HETU_RE = re.compile(
    r"(?<![\w+\]])(\d{2})(\d{2})(\d{2}) {0,3}([-+ABCDEFYXWVUabcdefyxwvu‐‑–]) {0,3}(\d{3})([0-9A-Ya-y])(?![\w\[])"
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
IBAN_START_RE = re.compile(r"(?<![A-Za-z0-9\]])([A-Za-z]{2})[ -]{0,2}(\d{2})(?=[ -]{0,2}[A-Za-z0-9])")
_IBAN_SEPARATORS = " -"


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


def _mostly_digits(bban: str) -> bool:
    return sum(ch.isdigit() for ch in bban) >= 0.7 * len(bban)


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
            elif ch in _IBAN_SEPARATORS:
                # one or two spaces, or a hyphen, between groups
                k = i
                while k < len(text) and k - i < 2 and text[k] in _IBAN_SEPARATORS:
                    k += 1
                if k < len(text) and text[k].isascii() and text[k].isalnum():
                    i = k
                else:
                    break
            else:
                break
        if n != length:
            continue
        if end < len(text) and ((text[end].isascii() and text[end].isalnum()) or text[end] == "["):
            continue  # the code goes on: not this IBAN
        code = "".join(compact)
        # A mistyped IBAN (wrong check digits) still identifies its holder: an exact-length
        # code that is mostly digits is redacted too (see ADR 0002, issue #11).
        if iban_mod97_ok(code) or _mostly_digits(code[4:]):
            yield m.start(), end


# ---------------------------------------------------------------- e-mail
# Also the forms people use to dodge spam filters or write an address out: "nimi(at)kunta.fi",
# "mirri99 @ gmail.com", "mirri[at]gmail[dot]com", "mirri ät gmail piste com" (Finnish:
# ät, miukumauku, kissanhäntä; Swedish: snabel-a, punkt).
_AT_WORDS = r"(?:at|ät|miukumauku|kissanhäntä|snabel-?a|a-?kringla)"
_DOT_WORDS = r"(?:dot|piste|punkt|pist)"
_AT = (r"(?:\s?@\s?|\s?[(\[{<]\s?(?:" + _AT_WORDS + r"|a)\s?[)\]}>]\s?|\s+" + _AT_WORDS + r"\s+"
       r"|\s?\(snabel-?a\)\s?)")
_DOT = r"(?:\.|\s?[(\[{<]\s?" + _DOT_WORDS + r"\s?[)\]}>]\s?|\s+" + _DOT_WORDS + r"\s+)"
EMAIL_RE = re.compile(
    r"(?<![\w.+\]-])[\w+-]+(?:" + _DOT + r"[\w+-]+)*" + _AT + r"[\w-]+(?:" + _DOT + r"[\w-]+)*"
    + _DOT + r"[A-Za-z]{2,24}(?![\w@\[])",
    re.IGNORECASE,
)
# Only texts with one of these can hold an e-mail address (the engine's fast path too).
# The plain forms only ("@", "(at)", "[at]"), when nothing is spelt out: a quicker scan.
_EMAIL_PLAIN_RE = re.compile(
    r"(?<![\w.+\]-])[\w.+-]*\w(?:\s?@\s?|\s?\(at\)\s?|\s?\[at\]\s?)[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}"
    r"(?![\w@\[])",
    re.IGNORECASE,
)


_BRACKETED_AT_RE = re.compile(r"[(\[{<] ?[aäA]")


def _spelt_out(text: str) -> bool:
    """An "at" written out or in brackets (substring tests: quicker than any regex here)."""
    return (" at " in text or " ät " in text or " AT " in text or "snabel" in text
            or "miukumauku" in text or "kissanh" in text or "kringla" in text
            or _BRACKETED_AT_RE.search(text) is not None)


def email_hint(text: str) -> bool:
    """Can ``text`` hold an e-mail address at all?"""
    return "@" in text or _spelt_out(text)


def find_email(text: str, is_free: IsFree | None = None) -> Iterator[tuple[int, int]]:
    if _spelt_out(text):
        pattern = EMAIL_RE
    elif "@" in text:
        pattern = _EMAIL_PLAIN_RE
    else:
        return
    for m in _scan(pattern, text, is_free):
        yield m.start(), m.end()


# ---------------------------------------------------------------- phone
# Finnish prefixes only (mobile 04x/050, area codes, national numbers), so postal codes
# ("00100"), years, amounts and law references do not look like phone numbers.
_DOMESTIC_PREFIX = (
    r"0(?:4\d|50|2|3|5|6|8|9|1[3-9]|10|20|29|30|39|600|700|800|7[135])"
)
_INTL_PREFIX = r"(?:4\d|50|2|3|5|6|8|9|1[3-9]|10|20|29|30|39|600|700|800|7[135])"
# Between digit groups: a space, or "-", "." or "/" with a space on either side or none
# ("040.765.4321", "050 / 765 4321"); dotted and slashed forms are checked below so that
# dates and times ("02.03.2025", "09.30") stay.
_SEP = r"(?:[ \u00a0]?[-./][ \u00a0]?|[ \u00a0])?"
PHONE_RE = re.compile(
    r"(?<![\w+/.,\]])(?:"
    # +358 / 00358 forms, optional "(0)" and a prefix in parentheses or not
    r"(?:\+|00)\s?358[ \u00a0-]?(?:\(0\)[ \u00a0-]?)?\(?" + _INTL_PREFIX + r"\)?"
    r"|"
    r"\(" + _DOMESTIC_PREFIX + r"\d?\)"
    r"|"
    + _DOMESTIC_PREFIX +
    r")"
    r"(?:" + _SEP + r"\d){4,9}"
    r"(?![\w/\[]|[.,]\d)"
)
# Foreign numbers: + or 00, a country code other than 358, then groups of digits.
FOREIGN_PHONE_RE = re.compile(
    r"(?<![\w+/.,\]])(?:\+|00)(?!358)[1-9]\d{0,3}(?:[ \u00a0-]?\(?\d{1,5}\)?){1,6}(?![\w/\[]|[.,]\d)"
)
_GROUP_SPLIT_RE = re.compile(r"[^\d]+")


def _digits(s: str) -> int:
    return sum(ch.isdigit() for ch in s)


def _dotted_ok(span: str) -> bool:
    """Dotted or slashed numbers are phones only in phone-sized groups (not dates, times)."""
    if "." not in span and "/" not in span:
        return True
    groups = [g for g in _GROUP_SPLIT_RE.split(span) if g]
    return len(groups) >= 2 and all(len(g) >= 3 for g in groups)


def find_phone(text: str, is_free: IsFree | None = None) -> Iterator[tuple[int, int]]:
    # Foreign numbers first: their tail can look like a Finnish area-code number.
    if "+" in text or "00" in text:
        for m in _scan(FOREIGN_PHONE_RE, text, is_free):
            span = m.group(0)
            digits = _digits(span) - (2 if span.startswith("00") else 0)
            if 8 <= digits <= 15:
                yield m.start(), m.end()
    pos = 0
    while True:
        found = PHONE_RE.search(text, pos)
        if found is None:
            return
        m = found
        if is_free is not None and not is_free(m.start(), m.end()):
            pos = m.start() + 1
            continue
        pos = m.end()
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
            span = span[:cut].rstrip(" ./-")
            end = start + len(span)
            pos = end  # the groups cut off are looked at again: they may be a number of their own
        if digits < 6 or (not intl and digits < 7) or not _dotted_ok(span):
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
# A house number is not a year ("Jyväskylä 2025").
_HOUSE = r"(?!(?:19|20)\d\d(?!\d))\d{1,4}(?:\s?-\s?\d{1,4})?"
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
# Helsinki's numbered streets: "Toinen linja 5 B 12".
_ORDINAL_LINE = (
    r"(?:Ensimmäinen|Toinen|Kolmas|Neljäs|Viides|Kuudes|Seitsemäs|Kahdeksas|Yhdeksäs|Kymmenes)"
    r" linja"
)
# Abbreviated street names: "Kauppak. 12 B 34", "Hämeent. 5", "Storg. 14", "Strandv. 3".
# "Gamla Strandv.", "Vanha Hämeent.": the words that start two-word street names.
_STREET_PREFIX = (r"(?:(?:Gamla|Nya|Norra|Södra|Östra|Västra|Stora|Lilla|Vanha|Uusi|Pohjoinen|"
                  r"Eteläinen|Itäinen|Läntinen|Iso|Pikku|Ala|Ylä)\s)?")
_ABBREV_STREET = r"[A-ZÅÄÖ][a-zåäöé]{2,}(?<!Sep)(?<!Aug)(?:k|t|tie|kj|g|v)\."
ADDRESS_RE = re.compile(
    r"(?<![\w\]-])(?:"
    r"[A-ZÅÄÖÉ][a-zåäöé]*(?:-[A-Za-zÅÄÖåäö][a-zåäö]*)?" + _STREET_END_CAP + _CASE_END
    + r"|"
    r"[a-zåäö][a-zåäö]*" + _STREET_END_ANYCASE + _CASE_END
    + r"|"
    # two-word street: "Ida Aalbergin tie", "Pohjoinen Rautatiekatu"
    r"(?:[A-ZÅÄÖ][a-zåäöé-]+\s){1,2}[a-zåäö]*" + _STREET_END_CAP + _CASE_END
    + r"|" + _ORDINAL_LINE
    + r"|" + _STREET_PREFIX + _ABBREV_STREET
    + r")"
    r"\s*" + _HOUSE + r"(?!" + _UNIT + r")" + _FLAT + r"{0,2}" + _POSTAL + r"?"
    r"(?![\w\[])"
)
# A capitalised word + house number + staircase + flat ("Kalevankangas 5 B 12") is an
# address even when the street ending is unknown.
ADDRESS_FLAT_RE = re.compile(
    r"(?<![\w\]-])[A-ZÅÄÖ][a-zåäö]{3,}(?:-[A-ZÅÄÖ]?[a-zåäö]+)?\s+\d{1,4}\s?"
    r"(?:[A-HJ-K]\s?\d{1,3}|(?:as\.?|asunto|bs\.?|lgh\.?)\s?\d{1,4})(?!\d)" + _POSTAL + r"?(?![\w\[])"
)
# Street names after a place-name word ("Mattilanniemi 2", "Viitaniemi 7"): a nominative
# name + a house number that ends the phrase (punctuation, "ja", a postal code, line end).
_PLACE_STREET_END = (
    r"(?:niemi|saari|harju|vaara|nummi|kallio|salmi|lampi|lahti|pelto|mäki|rinne|ranta|kangas|"
    r"koski|vuori|laakso|lehto|puisto|kenttä|polku|kaari|piha|aukio)"
)
ADDRESS_PLACE_RE = re.compile(
    r"(?<![\w\]-])[A-ZÅÄÖ][a-zåäö]{2,}" + _PLACE_STREET_END + r"\s+" + _HOUSE + _FLAT + r"{0,2}"
    + _POSTAL + r"?(?=\s*(?:[,.;:)\n]|$|ja\b|och\b))"
)
# After an address word any capitalised name + house number is the address: "asuu osoitteessa
# Mattilanniemi 2 hetu ...", "Osoite: Kyläkuja 3", "bor på Storvik 12".
ADDRESS_CUE_RE = re.compile(
    r"(?<![\w-])(?:osoitteessa|osoitteeseen|osoitteesta|osoite|os\.|kotiosoite|postiosoite|bor på|adress|"
    r"adressen|address)[ \t]*:?[ \t]+(?P<addr>(?:[A-ZÅÄÖ][\w-]*[ \t]){0,2}[A-ZÅÄÖa-zåäö][\w.-]*[ \t]+"
    + _HOUSE + r"(?!" + _UNIT + r")" + _FLAT + r"{0,2}" + _POSTAL + r"?)(?![\w\[])",
    re.IGNORECASE,
)
_ADDRESS_CUE_HINTS = ("osoit", "Osoit", "os.", "Os.", "bor på", "adress", "Adress", "address", "Address")
# Numbered roads are not addresses: "Valtatie 4", "kantatie 58", "Riksväg 8".
_ROAD_RE = re.compile(
    r"(?:valta|kanta|seutu|yhdys|moottori)tie\w*|(?:riks|stam|regional)väg\w*", re.IGNORECASE
)


# Pre-checks: the full address patterns are slow to try at every position, so they only
# run when some word right before a number ends like a street name.
# starts with \d so the scan skips quickly to digits; then looks back for "word + space"
_WORD_NUMBER_RE = re.compile(r"\d(?:(?<=[^\W\d_]\s\d)|(?<=[^\W\d_]\.\s\d)|(?<=[^\W\d_]\.\d))")
def _word_before(text: str, end: int) -> str:
    """The word (with a trailing abbreviation dot) that ends at ``end``, or ""."""
    i = end
    if i > 0 and text[i - 1] == ".":
        i -= 1
    j = i
    while j > 0 and end - j < 40 and text[j - 1].isalpha():
        j -= 1
    return text[j:end]
_STREET_WORD_RE = re.compile(
    "(?:" + _STREET_END_CAP + _CASE_END + r"|linja|[a-zåäöé]{2}(?:k|t|tie|kj|g|v)\.)$"
)
_FLAT_HINT_RE = re.compile(r"\d\s?(?:[A-HJ-K]\s?\d|(?:as|bs|lgh|asunto)\.?\s?\d)")
_PLACE_ENDS = tuple(_PLACE_STREET_END[3:-1].split("|"))


def _is_road(text: str, start: int, end: int) -> bool:
    m = _ROAD_RE.match(text, start)
    return m is not None and m.end() <= end


def find_address(text: str, is_free: IsFree | None = None) -> Iterator[tuple[int, int]]:
    # Cheap pre-checks: the full patterns are slow to try at every position.
    street = place = False
    for m in _WORD_NUMBER_RE.finditer(text):
        end = m.start() - 1 if text[m.start() - 1].isspace() else m.start()
        w = _word_before(text, end)
        if w:
            street = street or _STREET_WORD_RE.search(w) is not None
            place = place or w.endswith(_PLACE_ENDS)
            if street and place:
                break
    if street:
        for m in _scan(ADDRESS_RE, text, is_free):
            if not _is_road(text, m.start(), m.end()):
                yield m.start(), m.end()
    if _FLAT_HINT_RE.search(text) is not None:
        for m in _scan(ADDRESS_FLAT_RE, text, is_free):
            yield m.start(), m.end()
    if place:
        for m in _scan(ADDRESS_PLACE_RE, text, is_free):
            yield m.start(), m.end()
    if any(h in text for h in _ADDRESS_CUE_HINTS):
        for m in ADDRESS_CUE_RE.finditer(text):
            start, end = m.start("addr"), m.end("addr")
            if (is_free is None or is_free(start, end)) and not _is_road(text, start, end):
                yield start, end


# ---------------------------------------------------------------- birth date
# A date is a birth date when a birth word comes right before it ("s. 3.5.1987",
# "syntynyt 1987-05-03", "f. 12.4.1950", "född den 12 april 1950", "DOB 1987-05-03");
# event dates ("kokous 12.3.2025") stay. Several dates after one cue ("s. 3.5.2016 ja
# 2.2.2019") are all birth dates. A date in parentheses right after a name is handled by
# the engine, which knows where the names are.
_FI_MONTH = r"(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuuta"
_SV_MONTH = (r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
             r"december|jan|feb|apr|jun|jul|aug|sep|sept|okt|nov|dec)")
_EN_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
             r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
DATE_PATTERN = (
    r"(?:(?P<d>\d{1,2})\s?[./]\s?(?P<m>\d{1,2})\s?[./]\s?(?P<y>\d{4}|\d{2})(?![\d.]\d)"
    r"|(?P<y2>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})(?!\d)"
    r"|\d{1,2}\.?\s+(?:" + _FI_MONTH + "|" + _SV_MONTH + "|" + _EN_MONTH + r")\.?\s+\d{4}(?!\d))"
)
DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)
# "May 3, 1987" (English order) starts with a letter: looked for only after an English cue.
_EN_DATE_RE = re.compile(r"(?:" + _EN_MONTH + r")\.?\s+\d{1,2},?\s+\d{4}(?!\d)", re.IGNORECASE)
_BIRTH_CUE = (
    r"(?:(?<![\w.])(?:s|synt|f|b|syntym)\.|(?<![\w-])(?:"
    r"syntyn\w*|syntyi|syntymäai\w*|syntymäpäiv\w*|syntymäpv\w*|syntymäp\.|"
    r"född|föddes|födelsedatum\w*|födelsedag\w*|födelsetid|"
    r"born|dob|d\.o\.b\.?|date of birth|birth date|birthdate)(?![\w-]))"
)
# The cue right before a date (searched in the few characters before each date only).
_CUE_BEFORE_RE = re.compile(
    _BIRTH_CUE + r"[ \t]*[:,(]?[ \t]*(?:(?:on|oli|vuonna|den|är|on the|is)[ \t]+)?$", re.IGNORECASE
)
# Another date joined to a birth date: "s. 3.5.2016 ja 2.2.2019".
_JOINED_DATE_RE = re.compile(r"^[ \t]*(?:,|ja|och|and|sekä|&)[ \t]*(?:(?:s|f)\.[ \t]*)?$", re.IGNORECASE)
_BIRTH_ABBREV_RE = re.compile(r"[sfbSFB]\.")
_BIRTH_WORDS = ("synt", "Synt", "SYNT", "föd", "Föd", "born", "Born", "DOB", "dob", "D.O.B", "birth", "Birth")


def _birth_hint(text: str) -> bool:
    return any(w in text for w in _BIRTH_WORDS) or _BIRTH_ABBREV_RE.search(text) is not None


def date_ok(m: re.Match[str]) -> bool:
    """A real calendar day (numeric forms); month-name forms are checked by the pattern."""
    d, mo = m.group("d") or m.group("d2"), m.group("m") or m.group("m2")
    if d is None or mo is None:
        return True
    return 1 <= int(d) <= 31 and 1 <= int(mo) <= 12


def find_birth_date(text: str, is_free: IsFree | None = None) -> Iterator[tuple[int, int]]:
    # Dates are rarer than letters: find each date, then look at the words before it.
    if not _birth_hint(text):
        return
    last_end = -1
    matches: list[tuple[int, int, bool]] = [(m.start(), m.end(), date_ok(m)) for m in DATE_RE.finditer(text)]
    if "born" in text.lower() or "birth" in text.lower():
        matches += [(m.start(), m.end(), True) for m in _EN_DATE_RE.finditer(text)]
        matches.sort()
    for start, end, ok in matches:
        if not ok or start < last_end:
            continue
        before = text[max(0, start - 40):start]
        joined = last_end >= 0 and _JOINED_DATE_RE.match(text[last_end:start]) is not None
        if joined or _CUE_BEFORE_RE.search(before) is not None:
            if is_free is None or is_free(start, end):
                yield start, end
                last_end = end
            continue
        last_end = -1


# ---------------------------------------------------------------- client number
# Client, patient and case numbers after their name: "asiakasnro 123456", "asiakasnumero:",
# "potilasnumero", "Kela-viite 1234 5678 9", "klientnummer", "kundnr", "client number".
# The number itself (with digit groups, a letter prefix or a year: "AS-123456",
# "2024/12345") is redacted; the word stays.
_CLIENT_CUE = (
    r"(?:(?:asiakas|potilas|klient|kund|patient|henkilö)-?"
    r"(?:numero|nro|nr|nummer|tunnus|id|no)\w*|(?:as|pot|asiak)\.\s?nro\w*|kela-?viite\w*|"
    r"kelan\s+viite(?:numero)?\w*|kela\s+viite\w*|asianumero\w*|tapausnumero\w*|ärendenummer\w*|"
    r"(?:client|patient|case|customer)\s+(?:number|no\.?|id|nr\.?)|client-?id)"
)
CLIENT_RE = re.compile(
    _CLIENT_CUE + r"(?:[ \t]*(?:\([^)\n]{1,30}\)))?[ \t]*[:#.=]?[ \t]*(?:(?:on|oli|är|is|:)[ \t]+)?"
    # digit groups of at most four ("1234 5678 9"), or one run ("123456", "2024/12345"), so
    # that a phone number after it is not swallowed
    r"(?P<num>(?:[A-Za-z]{1,4}-?)?(?:\d{1,4}(?:[ \t]\d{1,4}){1,3}|\d[\d/-]{3,22}\d))(?![\w@\[])",
    re.IGNORECASE,
)
_CLIENT_HINTS = ("nr", "NR", "umer", "UMER", "ummer", "umber", "viite", "VIITE", "tunnus", "id ", "ID",
                 "id:", "-id", "no.", "No.", "nro", "Nro")


def find_client_number(text: str, is_free: IsFree | None = None) -> Iterator[tuple[int, int]]:
    if not any(h in text for h in _CLIENT_HINTS):
        return
    for m in _scan(CLIENT_RE, text, is_free):
        if _digits(m.group("num")) >= 4:
            yield m.start("num"), m.end("num")
