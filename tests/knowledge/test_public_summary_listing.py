"""The public listing of published summaries: per county, filtered by phenomenon,
municipality and year; only what is published to the public is ever listed, and the
public can find it from the navigation, the home page and the thank-you page."""

from __future__ import annotations

import pytest

from tests.world import OTHER, OWN, SUMMARY_KINDS, World, client_for

pytestmark = pytest.mark.django_db


def titles(world: World) -> list[str]:
    return [f"{cw.tag}-summary-{kind}" for cw in (world.own, world.other) for kind in SUMMARY_KINDS]


def listed(text: str, world: World) -> set[str]:
    return {title for title in titles(world) if title in text}


def test_all_counties_list_only_public_summaries(world: World) -> None:
    text = client_for().get("/knowledge/public/summaries/").content.decode()
    assert listed(text, world) == {"ksuomi-summary-public", "psavo-summary-public"}


def test_county_page_lists_only_its_own_public_summary(world: World) -> None:
    for path in (
        f"/knowledge/public/{OWN}/summaries/",
        f"/knowledge/public/summaries/?county={OWN}",
    ):
        response = client_for().get(path)
        assert response.status_code == 200
        assert listed(response.content.decode(), world) == {"ksuomi-summary-public"}, path


def test_phenomenon_filter(world: World) -> None:
    assert (
        "ksuomi-summary-public"
        in client_for()
        .get(f"/knowledge/public/{OWN}/summaries/?phenomenon=asuminen")
        .content.decode()
    )
    other = (
        client_for().get(f"/knowledge/public/{OWN}/summaries/?phenomenon=paihteet").content.decode()
    )
    assert "ksuomi-summary-public" not in other


def test_municipality_filter(world: World) -> None:
    path = f"/knowledge/public/{OWN}/summaries/?municipality={world.own.municipality.code}"
    assert "ksuomi-summary-public" not in client_for().get(path).content.decode()
    world.own.summaries["public"].municipalities.add(world.own.municipality)
    assert "ksuomi-summary-public" in client_for().get(path).content.decode()


def test_period_filter(world: World) -> None:
    assert (
        "ksuomi-summary-public"
        in client_for().get(f"/knowledge/public/{OWN}/summaries/?period=2000").content.decode()
    )
    assert (
        "ksuomi-summary-public"
        not in client_for().get(f"/knowledge/public/{OWN}/summaries/?period=2026").content.decode()
    )


@pytest.mark.parametrize("path", [f"/knowledge/public/{OWN}/summaries/?period=abc", f"/knowledge/public/{OWN}/summaries/?phenomenon=nope",
                                  f"/knowledge/public/{OWN}/summaries/?municipality=297",  # another county's
                                  "/knowledge/public/summaries/?county=99"])  # fmt: skip
def test_bad_filters_are_a_clear_answer_not_an_error(world: World, path: str) -> None:
    response = client_for().get(path)
    assert response.status_code == 200
    text = response.content.decode()
    assert "ksuomi-summary-public" not in text
    assert 'class="field-errors"' in text


def test_bad_page_number_shows_the_first_page(world: World) -> None:
    response = client_for().get(f"/knowledge/public/{OWN}/summaries/?page=x")
    assert "ksuomi-summary-public" in response.content.decode()


def test_unknown_county_is_404(world: World) -> None:
    assert client_for().get("/knowledge/public/99/summaries/").status_code == 404


def test_listing_links_to_its_atom_feed_and_embed_code(world: World) -> None:
    text = client_for().get(f"/knowledge/public/{OTHER}/summaries/").content.decode()
    assert (
        f'rel="alternate" type="application/atom+xml" href="http://testserver/knowledge/public/{OTHER}/feed.atom"'
        in text
    )
    assert "&lt;iframe src=&quot;http://testserver/knowledge/public/13/snippet.html" in text


@pytest.mark.parametrize("path", ["/", "/reports/public/thanks/"])
def test_public_finds_the_listing(world: World, path: str) -> None:
    text = client_for().get(path).content.decode()
    assert text.count('href="/knowledge/public/summaries/"') >= 2, (
        "in the navigation and in the page"
    )


def test_staff_see_the_listing_in_the_navigation(world: World) -> None:
    text = client_for(world.own.users["reporter"]).get("/").content.decode()
    assert 'href="/knowledge/public/summaries/"' in text
