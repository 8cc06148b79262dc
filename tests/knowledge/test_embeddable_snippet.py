"""The embeddable snippet: a self-contained fragment of the county's latest public
summaries that other sites may frame (and the only page that may be framed)."""

from __future__ import annotations

import re

import pytest

from tests.world import OTHER, OWN, SUMMARY_KINDS, World, client_for

pytestmark = pytest.mark.django_db


def test_snippet_lists_only_the_countys_public_summaries(world: World) -> None:
    response = client_for().get(f"/knowledge/public/{OWN}/snippet.html")
    assert response.status_code == 200
    text = response.content.decode()
    assert "ksuomi-summary-public" in text
    assert not [k for k in SUMMARY_KINDS if k != "public" and f"ksuomi-summary-{k}" in text]
    assert "psavo" not in text


def test_snippet_is_self_contained_and_accessible(world: World) -> None:
    text = client_for().get(f"/knowledge/public/{OTHER}/snippet.html").content.decode()
    assert "<script" not in text.lower()
    assert re.search(r'<html lang="(fi|sv|en)"', text)
    assert "<h2" in text and "<ul>" in text and "<li>" in text
    hrefs = re.findall(r'href="([^"]+)"', text)
    assert hrefs and all(h.startswith("http://testserver/") for h in hrefs), hrefs
    assert "<link" not in text  # no style sheet of ours to fetch


def test_snippet_has_at_most_five_items(world: World) -> None:
    from ilmio.knowledge.models import Summary

    source = world.own.summaries["public"]
    for i in range(6):
        copy = Summary.objects.get(pk=source.pk)
        copy.pk = None
        copy.title = f"ksuomi-copy-{i}"
        copy.save()
    text = client_for().get(f"/knowledge/public/{OWN}/snippet.html").content.decode()
    assert text.count("<li>") == 5


def test_only_the_snippet_may_be_framed(world: World) -> None:
    snippet = client_for().get(f"/knowledge/public/{OWN}/snippet.html")
    assert "X-Frame-Options" not in snippet
    for path in (
        f"/knowledge/public/{OWN}/summaries/",
        "/knowledge/public/summaries/",
        f"/knowledge/public/{OWN}/feed.atom",
    ):
        assert client_for().get(path)["X-Frame-Options"] == "DENY", path


def test_unknown_county_is_404(world: World) -> None:
    assert client_for().get("/knowledge/public/99/snippet.html").status_code == 404
