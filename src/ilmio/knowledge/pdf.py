"""Summaries as PDF (WeasyPrint), rendered from the same template as the web page."""

from __future__ import annotations

import threading

from django.http import HttpRequest
from django.template.loader import render_to_string

from ilmio.knowledge.models import Summary
from ilmio.knowledge.publishing import audience_version

# Pango (under WeasyPrint) is not thread-safe: a threaded server or task worker renders
# one document at a time.
_RENDER_LOCK = threading.Lock()


def summary_pdf(summary: Summary, audience: str, request: HttpRequest | None = None) -> bytes:
    from weasyprint import HTML

    html = render_to_string("knowledge/summary_print.html", audience_version(summary, audience))
    # No base_url: the document references no external resources at all.
    with _RENDER_LOCK:
        return HTML(string=html).write_pdf()
