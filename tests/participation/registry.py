"""Ideas for the quality registries (permission matrix, other county, POST fuzz)."""

from __future__ import annotations

from typing import Any

from ilmio.areas.models import Municipality
from ilmio.participation.models import Idea
from ilmio.participation.services import submit_idea

MISSING = 999_999
MUNICIPALITY = {"15": "179", "13": "297"}


def idea_in(county_code: str, *, title: str = "Iltaisin avoin nuorten tila", text: str = "Nuorille iltatila.",
            by: Any = None) -> Idea:  # fmt: skip
    place = Municipality.objects.get(code=MUNICIPALITY[county_code])
    return submit_idea(county=place.county, municipality=place, title=title, text=text, by=by,
                       channel=Idea.Channel.STAFF if by is not None else Idea.Channel.PUBLIC, email="" if by else "a@example.org")  # fmt: skip


def matrix_objects(users: dict[str, Any]) -> dict[str, Any]:
    """For the permission matrix: a resident's idea in county 15, and one in county 13."""
    return {"idea": idea_in("15"), "other_idea": idea_in("13")}


# --- the other-county registry (tests/quality/test_other_county.py) ------------------------

STATE: dict[str, Any] = {}


def county_world_idea(cw: Any) -> Idea:
    """A county's open idea, its texts tagged; made inside the test's savepoint."""
    existing = Idea.objects.filter(county=cw.county).order_by("pk").first()
    if existing is not None:
        return existing
    made = idea_in(cw.code, title=f"{cw.tag}-idea-title", text=f"Nuorille iltatila {cw.tag}-idea-text.")
    STATE[cw.code] = state(cw.county)
    return made


def state(county: Any) -> Any:
    return list(Idea.objects.filter(county=county).order_by("pk").values_list(
        "pk", "title", "text", "status", "proposal_id", "response", "proposer_informed_at"))  # fmt: skip


def other_unchanged(w: Any, response: Any) -> None:
    assert state(w.other.county) == STATE[w.other.code], "county 13's ideas changed"


BRANCHES: dict[str, dict[str, Any]] = {
    "to_proposal": {"title": "Nuorten iltatila", "text": "Avataan iltatila.", "addressed_to": "municipality"},
    "decline": {"response": "Ei nyt."},
}


def other_county_cases(Case: Any, Req: Any) -> list[Any]:  # noqa: N803 - the test module's classes
    """Every participation URL and action= branch, as a county-15 user against county 13."""
    cases: list[Any] = []
    add = cases.append

    def on_other(method: str, data: dict[str, Any] | None = None) -> Any:
        return lambda w: Req(method, f"/participation/ideas/{county_world_idea(w.other).pk}/", data)

    def with_other(method: str, path: str, data: Any = None) -> Any:
        return lambda w: (county_world_idea(w.other), Req(method, path, data))[1]

    add(Case("participation:idea", "GET other idea", "coordinator", on_other("GET"), control=200, check=other_unchanged))
    add(Case("participation:idea", "GET other idea", "reporter", on_other("GET"), check=other_unchanged))
    for branch, data in BRANCHES.items():
        add(Case("participation:idea", f"action={branch} on other idea", "coordinator",
                 on_other("POST", {"action": branch, **data}), control=302, check=other_unchanged))  # fmt: skip
    add(Case("participation:ideas", "GET", "coordinator", with_other("GET", "/participation/ideas/"), status=200,
             check=other_unchanged))
    add(Case("participation:my_ideas", "GET", "reporter", with_other("GET", "/participation/ideas/mine/"), status=200,
             check=other_unchanged))
    # County 13's municipality on a staff idea is refused (the form shows the error again).
    add(Case("participation:my_ideas", "POST municipality of county 13", "reporter",
             with_other("POST", "/participation/ideas/mine/", {"title": "Idea ksuomi", "text": "Teksti ksuomi",
                                                               "municipality": "297"}),
             status=200, check=other_unchanged))  # fmt: skip
    add(Case("participation:public_idea", "GET", None, with_other("GET", "/participation/ideas/new/"), status=200,
             check=other_unchanged))
    add(Case("participation:thanks", "GET", None, with_other("GET", "/participation/ideas/thanks/"), status=200,
             check=other_unchanged))
    add(Case("api:get_idea", "GET other idea", "coordinator",
             lambda w: Req("GET", f"/api/v1/ideas/{county_world_idea(w.other).pk}", api_json=True), control=200,
             check=other_unchanged))  # fmt: skip
    add(Case("api:list_ideas", "GET", "coordinator", lambda w: (county_world_idea(w.other),
             Req("GET", "/api/v1/ideas", api_json=True))[1], status=200, check=other_unchanged))  # fmt: skip

    def api_new(code: str) -> Any:
        return lambda w: (county_world_idea(w.other), Req("POST", "/api/v1/ideas", {
            "title": "Idea ksuomi", "text": "Teksti ksuomi", "municipality": code}, api_json=True))[1]

    add(Case("api:create_idea", "POST municipality of county 13", "reporter", api_new("297"), status=None,
             missing=api_new("999"), check=other_unchanged))
    return cases


# --- the POST fuzz registry (tests/quality/test_post_fuzz.py) ------------------------------


def fuzz_path() -> str:
    """A fresh open idea of county 15; its page."""
    return f"/participation/ideas/{idea_in('15').pk}/"
