"""The Atom feeds of a county's public summaries and decisions: valid Atom, stable ids,
the request's language, and nothing that is not public or not the county's own."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.world import OTHER, OWN, PROPOSAL_KINDS, SUMMARY_KINDS, World, client_for

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def feed(path: str, **headers: str) -> tuple[ET.Element, str]:
    response = client_for().get(path, **headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    text = response.content.decode()
    return ET.fromstring(response.content), text


def test_county_feed_is_valid_atom(world: World) -> None:
    root, _text = feed(f"/knowledge/public/{OWN}/feed.atom")
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (root.findtext(f"{ATOM}{name}") or "").strip(), name
    assert RFC3339.match(root.findtext(f"{ATOM}updated") or "")
    entries = root.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        assert RFC3339.match(entry.findtext(f"{ATOM}updated") or "")
        link = entry.find(f"{ATOM}link")
        assert link is not None and (link.get("href") or "").startswith("http://testserver/")
        assert (entry.findtext(f"{ATOM}id") or "").startswith("tag:")


def test_county_feed_holds_only_its_public_summary_and_its_decisions(world: World) -> None:
    _root, text = feed(f"/knowledge/public/{OWN}/feed.atom")
    assert "ksuomi-summary-public" in text
    assert "ksuomi-proposal-public" in text  # decided, from the public summary
    for kind in SUMMARY_KINDS:
        if kind != "public":
            assert f"ksuomi-summary-{kind}" not in text
    for kind in PROPOSAL_KINDS:
        if kind != "public":
            assert f"ksuomi-proposal-{kind}" not in text
    assert "ksuomi-proposal-pending" not in text  # no decision yet
    assert "psavo" not in text
    assert "rationale" not in text and "quote" not in text


def test_entry_ids_are_stable(world: World) -> None:
    first, _ = feed(f"/knowledge/public/{OWN}/feed.atom")
    second, _ = feed(f"/knowledge/public/{OWN}/feed.atom?lang=sv")
    ids = [e.findtext(f"{ATOM}id") for e in first.findall(f"{ATOM}entry")]
    assert ids == [e.findtext(f"{ATOM}id") for e in second.findall(f"{ATOM}entry")]
    assert f"tag:ilmio.fi,2026:summary:{world.own.summaries['public'].pk}" in ids


def test_phenomenon_feed(world: World) -> None:
    _root, text = feed(f"/knowledge/public/{OTHER}/asuminen/feed.atom")
    assert "psavo-summary-public" in text and "ksuomi" not in text
    root, text = feed(f"/knowledge/public/{OTHER}/paihteet/feed.atom")
    assert "psavo-summary-public" not in text
    assert root.findall(f"{ATOM}entry") == []


def test_feed_language(world: World) -> None:
    root, _ = feed(f"/knowledge/public/{OWN}/feed.atom?lang=sv")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "sv"
    assert any("Beslut" in (e.findtext(f"{ATOM}title") or "") for e in root.findall(f"{ATOM}entry"))
    root, _ = feed(f"/knowledge/public/{OWN}/feed.atom")
    assert (
        root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    )  # as the site picks it: Accept-Language
    root, _ = feed(f"/knowledge/public/{OWN}/feed.atom?lang=fi")
    assert any("Päätös" in (e.findtext(f"{ATOM}title") or "") for e in root.findall(f"{ATOM}entry"))


@pytest.mark.parametrize(
    "path", ["/knowledge/public/99/feed.atom", f"/knowledge/public/{OWN}/nope/feed.atom"]
)
def test_unknown_county_or_phenomenon_is_404(world: World, path: str) -> None:
    assert client_for().get(path).status_code == 404
