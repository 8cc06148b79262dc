"""Summaries as PDF (WeasyPrint), from the same content model as every other output
(``knowledge.documents``), in the summary's own language."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation

from ilmio.core.pdf import html_to_pdf
from ilmio.knowledge.documents import SummaryDocument, summary_document
from ilmio.knowledge.models import Summary


def summary_pdf(summary: Summary, audience: str, request: HttpRequest | None = None) -> bytes:
    return document_pdf(summary_document(summary, audience))


def document_pdf(doc: SummaryDocument) -> bytes:
    with translation.override(doc.language):
        html = render_to_string("knowledge/summary_print.html", {"doc": doc})
    return html_to_pdf(html)
