"""Audiences, one step down: nobody sees what was published only to a wider circle of insiders.

Summary.Audience orders internal < decision_makers < public. Within county 15:

* a decision-maker sees summaries published to decision-makers or the public, and only the
  proposals, decisions and actions that stem from such a summary — not those of internal,
  approved-but-unpublished or draft summaries, nor those made from a phenomenon case alone;
* the anonymous public (public summaries, "what came of our reports", the phenomenon
  brief) sees only what is public all the way down the chain;
* a reporter looking at the path of their own report does not see what came of it
  through internal cases or unpublished/internal summaries;
* a link shown to a decision-maker ("Based on …") never leads to a page that is 404 for them.

Every item carries its origin in its text (``ksuomi-proposal-internal`` …), so each test
says exactly which string must not be on the page, and which must (so no test passes by
showing nothing).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.world import (
    OWN,
    World,
    assert_unchanged,
    body_text,
    client_for,
    snapshot,
)

pytestmark = pytest.mark.django_db

# Where an item comes from, and whether a decision-maker / the public may see it.
HIDDEN_SOURCES_DM = ["internal", "approved", "draft", "case"]
VISIBLE_SOURCES_DM = ["decision_makers", "public"]
HIDDEN_SOURCES_PUBLIC = ["decision_makers", *HIDDEN_SOURCES_DM]
SUMMARY_KINDS = ["draft", "approved", "internal", "decision_makers", "public"]
PROPOSAL_KINDS = [*SUMMARY_KINDS, "case", "pending"]  # pending: undecided, from the public summary


def m(kind: str, source: str) -> str:
    return f"ksuomi-{kind}-{source}"


def markers_of(source: str, *kinds: str) -> list[str]:
    """The texts of what stems from a source, as far as they exist for it."""
    result = []
    for kind in kinds:
        if kind in ("summary", "statement", "quote") and source == "case":
            continue  # a case has no summary of its own
        if kind == "subaction" and source != "internal":
            continue  # only the internal proposal's action has a sub-action
        result.append(m(kind, source))
    return result


def dm_client(world: World) -> Any:
    return client_for(world.own.users["decision_maker"])


def leaked(text: str, markers: list[str]) -> list[str]:
    return [marker for marker in markers if marker in text]


def summary_visible_to(audience: str, kind: str) -> bool:
    order = ["internal", "decision_makers", "public"]
    return kind in order and order.index(kind) >= order.index(audience)


# --- the decision-maker --------------------------------------------------------------


@pytest.mark.parametrize("kind", SUMMARY_KINDS)
def test_decision_maker_opens_only_summaries_published_to_them(world: World, kind: str) -> None:
    summary = world.own.summaries[kind]
    response = dm_client(world).get(f"/knowledge/summaries/{summary.pk}/")
    if summary_visible_to("decision_makers", kind):
        assert response.status_code == 200
        assert m("statement", kind) in body_text(response)
    else:
        assert response.status_code == 404
        shown_hidden = leaked(body_text(response), markers_of(kind, "summary", "statement", "quote"))
        assert not shown_hidden, shown_hidden


@pytest.mark.parametrize("fmt", ["md", "pdf", "docx", "blog.md", "release"])
@pytest.mark.parametrize("kind", ["internal", "approved", "draft"])
def test_decision_maker_cannot_export_summaries_not_published_to_them(world: World, kind: str, fmt: str) -> None:
    response = dm_client(world).get(f"/knowledge/summaries/{world.own.summaries[kind].pk}/export.{fmt}")
    assert response.status_code == 404
    shown_hidden = leaked(body_text(response), markers_of(kind, "summary", "statement", "quote"))
    assert not shown_hidden, shown_hidden


def test_decision_maker_exports_a_summary_published_to_them(world: World) -> None:
    response = dm_client(world).get(f"/knowledge/summaries/{world.own.summaries['decision_makers'].pk}/export.md")
    assert response.status_code == 200
    assert m("statement", "decision_makers") in body_text(response)


@pytest.mark.parametrize("action", ["proposal", "approve", "publish", "statement"])
def test_decision_maker_cannot_post_to_an_internal_summary(world: World, action: str) -> None:
    summary = world.own.summaries["internal"]
    before = snapshot(OWN)
    response = dm_client(world).post(f"/knowledge/summaries/{summary.pk}/", {
        "action": action, "title": "Ehdotus", "text": "Teksti", "addressed_to": "steering_group",
        "audience": "decision_makers", "citations": ""})  # fmt: skip
    assert response.status_code == 404
    assert_unchanged(before, snapshot(OWN))


@pytest.mark.parametrize("kind", PROPOSAL_KINDS)
def test_decision_maker_opens_only_proposals_of_summaries_published_to_them(world: World, kind: str) -> None:
    proposal = world.own.proposals[kind]
    response = dm_client(world).get(f"/knowledge/proposals/{proposal.pk}/")
    text = body_text(response)
    if kind in (*VISIBLE_SOURCES_DM, "pending"):
        assert response.status_code == 200
        assert m("proposal_text", kind) in text
    else:
        assert response.status_code == 404
        shown_hidden = leaked(text, markers_of(kind, "proposal", "proposal_text", "decision_body", "rationale", "action"))
        assert not shown_hidden, shown_hidden


@pytest.mark.parametrize("kind", ["internal", "case"])
def test_decision_maker_cannot_decide_on_hidden_proposals(world: World, kind: str) -> None:
    """Decision-makers have no DECIDE capability; a hidden proposal is also not there at all."""
    before = snapshot(OWN)
    response = dm_client(world).post(f"/knowledge/proposals/{world.own.proposals[kind].pk}/", {
        "outcome": "rejected", "decided_on": "2026-03-01", "body": "Lautakunta"})  # fmt: skip
    assert response.status_code == 404
    assert_unchanged(before, snapshot(OWN))


DM_LISTS = {
    "summaries": ("/knowledge/summaries/", ("summary",)),
    "proposals": ("/knowledge/proposals/", ("proposal", "body_name")),
    "actions": ("/knowledge/actions/", ("action", "subaction")),
    "action_export_csv": ("/knowledge/actions/export.csv", ("action", "action_text", "subaction")),
    "action_export_xlsx": ("/knowledge/actions/export.xlsx", ("action", "action_text", "subaction")),
}


def page_sources(pages: dict[str, tuple[str, tuple[str, ...]]], sources: list[str]) -> list[tuple[str, str]]:
    """(page, source) pairs where the page could show something of the source (a case has no summary)."""
    return [(page, source) for page, (_path, kinds) in pages.items() for source in sources if markers_of(source, *kinds)]


@pytest.mark.parametrize(("page", "source"), page_sources(DM_LISTS, HIDDEN_SOURCES_DM))
def test_decision_maker_lists_show_nothing_from_hidden_sources(world: World, page: str, source: str) -> None:
    path, kinds = DM_LISTS[page]
    response = dm_client(world).get(path)
    assert response.status_code == 200
    text = body_text(response)
    hidden = markers_of(source, *kinds)
    shown_hidden = leaked(text, hidden)
    assert not shown_hidden, f"{page} shows {shown_hidden} to a decision-maker"
    shown = [marker for source in VISIBLE_SOURCES_DM for marker in markers_of(source, *kinds)]
    assert not [marker for marker in shown if marker not in text], "what was published to them is missing"


SUMMARY_LINK = re.compile(r'href="(/knowledge/summaries/\d+/)"')
KNOWLEDGE_LINK = re.compile(r'href="(/knowledge/(?:summaries|proposals)/\d+/)"')


@pytest.mark.parametrize("kind", PROPOSAL_KINDS)
def test_based_on_links_shown_to_a_decision_maker_open(world: World, kind: str) -> None:
    """"Pohjana" / "Based on": a proposal page a decision-maker can open links only to
    summaries they can open too."""
    client = dm_client(world)
    response = client.get(f"/knowledge/proposals/{world.own.proposals[kind].pk}/")
    links = SUMMARY_LINK.findall(body_text(response)) if response.status_code == 200 else []
    if kind in (*VISIBLE_SOURCES_DM, "pending"):
        assert response.status_code == 200
        assert links, "the proposal names the summary it is based on"
    broken = [link for link in links if client.get(link).status_code != 200]
    assert not broken, f"links to summaries that are 404 for a decision-maker: {broken}"


@pytest.mark.parametrize("page", ["/knowledge/summaries/", "/knowledge/proposals/"])
def test_every_knowledge_link_a_decision_maker_sees_opens(world: World, page: str) -> None:
    """From a list, two links deep: every summary or proposal a decision-maker is shown a
    link to opens for them."""
    client = dm_client(world)
    status: dict[str, int] = {}
    broken = []
    frontier = [(page, "")]
    for _depth in range(3):
        following = []
        for link, source in frontier:
            if link in status:
                continue
            response = client.get(link)
            status[link] = response.status_code
            if response.status_code != 200:
                broken.append(f"{link} (linked from {source})")
                continue
            following += [(target, link) for target in set(KNOWLEDGE_LINK.findall(body_text(response)))]
        frontier = following
    assert len(status) > 1, "the list links to something"
    assert not broken, f"links a decision-maker is shown but cannot open: {broken}"


# --- the public ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", SUMMARY_KINDS)
def test_public_opens_only_public_summaries(world: World, kind: str) -> None:
    pk = world.own.summaries[kind].pk
    for path in (f"/knowledge/public/summaries/{pk}/", f"/knowledge/public/summaries/{pk}/export.md"):
        response = client_for().get(path)
        text = body_text(response)
        if kind == "public":
            assert response.status_code == 200, path
            assert m("statement", "public") in text
        else:
            assert response.status_code == 404, path
            shown_hidden = leaked(text, markers_of(kind, "summary", "statement", "quote"))
            assert not shown_hidden, shown_hidden


def test_public_summary_shows_only_quotes_approved_for_the_public(world: World) -> None:
    pk = world.own.summaries["public"].pk
    for path in (f"/knowledge/public/summaries/{pk}/", f"/knowledge/public/summaries/{pk}/export.md"):
        text = body_text(client_for().get(path))
        assert m("quote", "public") in text
        assert m("quote", "unapproved") not in text


PUBLIC_PAGES = {
    "public_summaries": ("/knowledge/public/summaries/", ("summary",)),
    "outcomes": ("/knowledge/outcomes/15/", ("summary", "proposal", "decision_body", "action", "subaction")),
    "brief_country": ("/situation/brief/asuminen/", ("summary", "quote", "proposal", "action", "subaction")),
    "brief_county": ("/situation/brief/asuminen/?level=county&area=15",
                     ("summary", "quote", "proposal", "action", "subaction")),
}


@pytest.mark.parametrize(("page", "source"), page_sources(PUBLIC_PAGES, HIDDEN_SOURCES_PUBLIC))
def test_public_pages_show_only_what_is_public_all_the_way_down(world: World, page: str, source: str) -> None:
    path, kinds = PUBLIC_PAGES[page]
    hidden = markers_of(source, *kinds)
    for client in (client_for(), dm_client(world)):  # the same for everyone, logged in or not
        response = client.get(path)
        assert response.status_code == 200
        text = body_text(response)
        shown_hidden = leaked(text, hidden)
        assert not shown_hidden, f"{path} shows {shown_hidden}"
        assert m("summary", "public") in text
        if "action" in kinds:
            assert m("proposal", "public") in text and m("action", "public") in text
        if "quote" in kinds:
            assert m("quote", "unapproved") not in text


# --- the reporter's own report -------------------------------------------------------

REPORTER_PATH_SOURCES = [("reporter", "internal"), ("reporter", "approved"), ("reporter", "draft"), ("reporter", "case"),
                         ("partner", "internal"), ("partner", "approved"), ("partner", "draft")]  # fmt: skip


@pytest.mark.parametrize(("role", "source"), REPORTER_PATH_SOURCES)
def test_reporter_path_shows_nothing_through_internal_cases_or_summaries(world: World, role: str, source: str) -> None:
    report = world.own.reports["main" if role == "reporter" else "partner"]
    response = client_for(world.own.users[role]).get(f"/reports/{report.public_id}/")
    assert response.status_code == 200
    text = body_text(response)
    hidden = markers_of(source, "summary", "proposal", "action", "subaction")
    hidden += ["ksuomi-case-title"] if source == "case" else []
    shown_hidden = leaked(text, hidden)
    assert not shown_hidden, f"the path of the {role}'s report shows {shown_hidden}"
    # What came of it publicly is shown.
    assert m("proposal", "public") in text and m("action", "public") in text
