"""Public pages of numbers, built once per version of what they show.

A public page of the situational picture depends only on its filters, the language and
the published tables (``disclosure.publication_version``): it is rendered once per
(page, filters, language, version), kept in the process, and sent with an ETag, so a
reader who has it gets 304 and twenty readers cost one rendering. Staff pages depend on
the reader and are never cached here.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from ilmio.indicators.disclosure import publication_version

MAX_PAGES = 300
# The page's forms (the language switch) carry the reader's own CSRF token, put in on
# each serving; the stored page holds a marker instead.
_CSRF = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_MARKER = b"\x00csrf\x00"
_pages: OrderedDict[str, tuple[bytes, str]] = OrderedDict()
_lock = threading.Lock()


_rendering: dict[str, threading.Lock] = {}


def _cached(digest: str) -> tuple[bytes, str] | None:
    with _lock:
        hit = _pages.get(digest)
        if hit is not None:
            _pages.move_to_end(digest)
        return hit


def _render_lock(digest: str) -> threading.Lock:
    with _lock:
        if len(_rendering) > MAX_PAGES:
            _rendering.clear()  # locks of pages long rendered; a waiter holds its own reference
        return _rendering.setdefault(digest, threading.Lock())


def forget_pages() -> None:
    with _lock:
        _pages.clear()


def public_page(request: HttpRequest, key: tuple[str, ...], render: Callable[[], HttpResponse]) -> HttpResponse:
    version = publication_version()
    digest = hashlib.sha256(repr((key, get_language(), version)).encode()).hexdigest()[:32]
    etag = f'"{digest}"'
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response: HttpResponse = HttpResponseNotModified()
    else:
        hit = _cached(digest)
        if hit is None:
            # One rendering per page at a time: readers arriving together wait for it
            # instead of each building the same page.
            with _render_lock(digest):
                hit = _cached(digest)
                if hit is None:
                    rendered = render()
                    if rendered.status_code != 200:
                        return rendered
                    hit = (_CSRF.sub(rb"\1" + _MARKER + rb"\2", rendered.content),
                           rendered.get("Content-Type", "text/html; charset=utf-8"))  # fmt: skip
                    with _lock:
                        _pages[digest] = hit
                        while len(_pages) > MAX_PAGES:
                            _pages.popitem(last=False)
        response = HttpResponse(hit[0].replace(_MARKER, get_token(request).encode()), content_type=hit[1])
    response["ETag"] = etag
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    patch_cache_control(response, public=False, max_age=0, must_revalidate=True)
    return response
