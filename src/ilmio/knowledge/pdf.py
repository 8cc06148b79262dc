"""Summaries as PDF (WeasyPrint), rendered from the same template as the web page."""

from __future__ import annotations

import threading

from django.http import HttpRequest
from django.template.loader import render_to_string

from ilmio.knowledge.models import Summary
from ilmio.knowledge.publishing import ShownStatement, public_quotes, public_statements

# Pango (under WeasyPrint) is not thread-safe: a threaded server or task worker renders
# one document at a time.
_RENDER_LOCK = threading.Lock()


def summary_pdf(summary: Summary, *, public: bool, request: HttpRequest | None = None) -> bytes:
    from weasyprint import HTML

    statements = public_statements(summary) if public else [ShownStatement(s.text, s) for s in summary.statements.all()]
    quotes = public_quotes(summary) if public else list(summary.quotes.all())
    html = render_to_string("knowledge/summary_print.html",
                            {"summary": summary, "statements": statements, "quotes": quotes, "public": public})  # fmt: skip
    # No base_url: the document references no external resources at all.
    with _RENDER_LOCK:
        return HTML(string=html).write_pdf()
