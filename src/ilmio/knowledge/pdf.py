"""Summaries as PDF (WeasyPrint), from the same content model as every other output
(``knowledge.documents``), in the summary's own language."""

from __future__ import annotations

import threading

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation

from ilmio.knowledge.documents import SummaryDocument, summary_document
from ilmio.knowledge.models import Summary

# Pango (under WeasyPrint) is not thread-safe: a threaded server or task worker renders
# one document at a time.
_RENDER_LOCK = threading.Lock()


def summary_pdf(summary: Summary, audience: str, request: HttpRequest | None = None) -> bytes:
    return document_pdf(summary_document(summary, audience))


def document_pdf(doc: SummaryDocument) -> bytes:
    from weasyprint import HTML

    with translation.override(doc.language):
        html = render_to_string("knowledge/summary_print.html", {"doc": doc})
    # No base_url: the document references no external resources at all.
    with _RENDER_LOCK:
        return bytes(HTML(string=html).write_pdf())
