"""Blog and media-release drafts: 2,200–3,400 characters for a blog whatever the content,
in the summary's language, with only what the audience may see."""

from __future__ import annotations

import pytest

from ilmio.core.roles import Role
from ilmio.knowledge.documents import (
    BLOG_MAX,
    BLOG_MIN,
    blog_draft,
    release_draft,
    summary_document,
)
from ilmio.knowledge.models import Summary
from tests.knowledge.document_helpers import EXACT, build_summary
from tests.knowledge.helpers import logged_in

pytestmark = pytest.mark.django_db

LONG = "\n\n".join(
    ["Havainnot kertovat, että asumisen kustannukset kasvoivat nopeammin kuin tulot. " * 6] * 5
)
WORDS = {"fi": "Mitä seuraavaksi", "sv": "Vad händer härnäst", "en": "What happens next"}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize(("narrative", "rich"), [("", False), (LONG, True)])
def test_blog_length_holds(make_user, language: str, narrative: str, rich: bool) -> None:
    summary = build_summary(
        make_user(Role.MANAGER), language=language, narrative=narrative, rich=rich
    )
    blog = blog_draft(summary_document(summary, Summary.Audience.PUBLIC))
    assert BLOG_MIN <= len(blog.strip()) <= BLOG_MAX, len(blog)
    assert (
        WORDS[language] in blog or len(narrative) > 0
    )  # the closing sections may be trimmed when content is long
    assert blog.strip()[-1] in ".!?”»…" or blog.strip().endswith(")"), "trimmed at a sentence end"
    assert f"{EXACT} " not in blog.replace("2025", "")


def test_blog_and_release_show_only_the_audience_version(make_user) -> None:
    summary = build_summary(make_user(Role.MANAGER, username="approver"))
    public = summary_document(summary, Summary.Audience.PUBLIC)
    internal = summary_document(summary, Summary.Audience.INTERNAL)
    assert "Ei-julkinen lainaus" not in blog_draft(
        public
    ) and "Ei-julkinen lainaus" not in release_draft(public)
    assert f": {EXACT} raporttia" in release_draft(internal)
    assert f": {EXACT} raporttia" not in release_draft(public)
    release = release_draft(public)
    assert "TIEDOTE" in release and "[yhteyshenkilö]" in release
    assert "Perheet pelkäävät menettävänsä kotinsa." in release


def test_blog_and_release_downloads(make_user) -> None:
    summary = build_summary(make_user(Role.MANAGER, username="approver"))
    client = logged_in(make_user(Role.MANAGER))
    blog = client.get(f"/knowledge/summaries/{summary.pk}/export.blog.md")
    release = client.get(f"/knowledge/summaries/{summary.pk}/export.release")
    assert blog.status_code == release.status_code == 200
    assert "[yhteyshenkilö]" in release.content.decode()
    assert client.get(f"/knowledge/summaries/{summary.pk}/export.exe").status_code == 404
