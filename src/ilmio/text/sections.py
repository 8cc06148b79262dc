"""What part of a report speaks of the phenomenon (issue #11, item 4).

Long forms have headings (``Havaittu ilmiö:``, ``Keitä koskee:``, ``Ehdotus:``,
``Yhteyshenkilö:``) and forwarded e-mails bring headers, quoted lines, a signature and a
legal disclaimer. :func:`focus_text` is the text the classifier reads: the observed-phenomenon
section counts twice, contact sections, mail headers, signatures and disclaimers are left out,
quote marks are removed, and everything else stays as written. Text with no line breaks is
returned as it is (the common case costs one search).
"""

from __future__ import annotations

import re

OBSERVED_WEIGHT = 2  # the observed-phenomenon section is read this many times

_LABEL = r"\s*(?:>\s*)*(?P<label>[^\W\d_][\w .,/()-]{1,40}?)\s*:\s*(?P<rest>.*)$"
_HEADING_RE = re.compile(_LABEL, re.UNICODE)
OBSERVED = frozenset({
    "havaittu ilmiö", "havainto", "ilmiö", "ilmiön kuvaus", "kuvaus", "havainnon kuvaus", "mitä on havaittu",
    "observerat fenomen", "observation", "observationen", "fenomen", "beskrivning", "beskrivning av fenomenet",
    "observed phenomenon", "phenomenon", "description",
})  # fmt: skip
DROPPED = frozenset({
    "yhteyshenkilö", "yhteystiedot", "ilmoittaja", "lisätietoja antaa", "kontaktperson", "kontaktuppgifter",
    "mer information ger", "contact", "contact person", "contact details",
})  # fmt: skip
_MAIL_HEADER_RE = re.compile(
    r"^\s*(?:>\s*)*(?:lähettäjä|vastaanottaja|aihe|päivämäärä|päiväys|lähetetty|kopio|från|till|ämne|datum|skickat"
    r"|kopia|from|to|subject|date|sent|cc)\s*:", re.IGNORECASE)  # fmt: skip
_FORWARD_RE = re.compile(
    r"(?:välitetty viesti|alkuperäinen viesti|vidarebefordrat meddelande|ursprungligt meddelande"
    r"|forwarded message|original message)", re.IGNORECASE)  # fmt: skip
_SIGN_OFF_RE = re.compile(
    r"^\s*(?:>\s*)*(?:--\s*$|ystävällisin terveisin|parhain terveisin|terveisin|t\.\s|med vänlig hälsning|vänliga hälsningar"
    r"|hälsningar|mvh\b|best regards|kind regards|regards\b)", re.IGNORECASE)  # fmt: skip
_DISCLAIMER_RE = re.compile(
    r"luottamuksellis|virheellisesti|väärälle vastaanottajalle|konfidentiell|felaktigt|confidential|intended recipient",
    re.IGNORECASE)  # fmt: skip
_QUOTE_RE = re.compile(r"^\s*(?:>\s*)+")


def focus_text(text: str) -> str:
    """The report as the classifier should read it (see the module's docstring)."""
    if "\n" not in text:
        return text
    observed: list[str] = []
    kept: list[str] = []
    section: list[str] | None = kept  # None: inside a dropped section
    skipping_block = False  # inside a signature or disclaimer paragraph
    for raw in text.splitlines():
        if not raw.strip():
            skipping_block = False
            continue
        if skipping_block or _MAIL_HEADER_RE.match(raw) or _FORWARD_RE.search(raw):
            continue
        if _SIGN_OFF_RE.match(raw) or _DISCLAIMER_RE.search(raw):
            skipping_block = True
            continue
        line = _QUOTE_RE.sub("", raw)
        heading = _HEADING_RE.match(line)
        if heading:
            label = heading["label"].strip().lower()
            if label in OBSERVED:
                section, line = observed, heading["rest"]
            elif label in DROPPED:
                section = None
            else:
                section = kept
        if section is not None and line.strip():
            section.append(line)
    return "\n".join(observed * OBSERVED_WEIGHT + kept)
