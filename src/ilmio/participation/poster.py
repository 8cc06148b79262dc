"""The poster of a listening round (PDF, A4): the question, the days it is open and a QR
code of its public page (segno, an SVG the PDF embeds; nothing fetched), in Finnish and
Swedish, with English below."""

from __future__ import annotations

import segno
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from ilmio.core.pdf import html_to_pdf
from ilmio.participation.models import ListeningRound

POSTER_LANGUAGES = ("fi", "sv", "en")


def qr_svg(url: str) -> str:
    # Medium error correction survives a creased or partly covered poster.
    return segno.make(url, error="m").svg_inline(scale=8, border=2, dark="#000", light="#fff")


def poster_pdf(listening_round: ListeningRound, url: str) -> bytes:
    html = render_to_string("participation/poster_print.html", {
        "round": listening_round, "url": url, "qr": mark_safe(qr_svg(url)),  # noqa: S308 - segno's own SVG of our URL
        "languages": POSTER_LANGUAGES,
    })  # fmt: skip
    return html_to_pdf(html)
