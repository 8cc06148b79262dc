"""axe-core on every page a user can reach, in Finnish, Swedish and English.

No serious or critical WCAG 2.1 A/AA violation is allowed. Pages are listed in pages.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from playwright.sync_api import BrowserContext, Page

from tests.browser.helpers import (
    LANGUAGES,
    axe_violations,
    blocking,
    broken_id_references,
    describe,
    sign_in,
    use_language,
)
from tests.browser.pages import NOT_AUDITED, NOT_AUDITED_NAMESPACES, PAGES, AuditedPage, Visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("audited", PAGES, ids=[p.id for p in PAGES])
def test_no_serious_accessibility_violations(
    audited: AuditedPage, page: Page, context: BrowserContext, site: str, make_user: Callable[..., Any],
    axe_script: Path, public_form_open: None,
) -> None:  # fmt: skip
    user = make_user(audited.role) if audited.role else None
    if user is not None:
        sign_in(context, site, user)
    found: list[str] = []
    for language in LANGUAGES:
        use_language(context, site, language)
        if callable(audited.visit):
            audited.visit(Visit(page=page, user=user, make_user=make_user))
        else:
            page.goto(audited.visit if audited.visit.startswith("/") else reverse(audited.visit))
        assert page.locator("html").get_attribute("lang") == language
        violations = blocking(axe_violations(page, axe_script))
        if violations:
            found.append(f"{audited.id} [{language}] {page.url}:\n{describe(violations)}")
        found += [
            f"{audited.id} [{language}] broken id reference: {b}"
            for b in broken_id_references(page)
        ]
    assert not found, "Serious or critical accessibility violations:\n" + "\n".join(found)


def url_names(resolver: URLResolver | None = None, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= url_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(namespace + entry.name)
    return names


def test_every_page_is_audited() -> None:
    """A new page must be added to pages.PAGES (or, with a reason, to NOT_AUDITED)."""
    names = {
        n for n in url_names() if n.split(":")[0] not in NOT_AUDITED_NAMESPACES or ":" not in n
    }
    audited = {p.url_name for p in PAGES if p.url_name}
    missing = names - audited - set(NOT_AUDITED)
    assert not missing, (
        f"URL names without an accessibility check; add them to tests/browser/pages.py: {sorted(missing)}"
    )
    stale = (audited | set(NOT_AUDITED)) - names
    assert not stale, f"tests/browser/pages.py names URLs that no longer exist: {sorted(stale)}"
    assert len({p.id for p in PAGES}) == len(PAGES), "AuditedPage ids must be unique"
