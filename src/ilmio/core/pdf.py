"""HTML to PDF (WeasyPrint) for every document Ilmiö prints: one place, one lock.

Pango (under WeasyPrint) is not thread-safe: a threaded server or task worker renders one
document at a time, whichever app's document it is.
"""

from __future__ import annotations

import threading

_RENDER_LOCK = threading.Lock()


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    # No base_url: the documents reference no external resources at all.
    with _RENDER_LOCK:
        return bytes(HTML(string=html).write_pdf())
