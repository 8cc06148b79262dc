"""Ideas for the quality registries (permission matrix, other county, POST fuzz)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from ilmio.areas.models import Municipality
from ilmio.participation.models import Idea, ListeningRound, RoundAnswer
from ilmio.participation.services import answer_round, create_round, submit_idea

MISSING = 999_999
MUNICIPALITY = {"15": "179", "13": "297"}


def idea_in(county_code: str, *, title: str = "Iltaisin avoin nuorten tila", text: str = "Nuorille iltatila.",
            by: Any = None) -> Idea:  # fmt: skip
    place = Municipality.objects.get(code=MUNICIPALITY[county_code])
    return submit_idea(county=place.county, municipality=place, title=title, text=text, by=by,
                       channel=Idea.Channel.STAFF if by is not None else Idea.Channel.PUBLIC, email="" if by else "a@example.org")  # fmt: skip


def round_in(county_code: str, *, question: str = "Mikä pännii?", answer: str = "Bussit kulkevat harvoin.") -> ListeningRound:
    """An open listening round of the county with one answer."""
    place = Municipality.objects.get(code=MUNICIPALITY[county_code])
    today = timezone.localdate()
    made = create_round(county=place.county, municipality=place, question=question, opens_on=today - timedelta(days=3),
                        closes_on=today + timedelta(days=3), by=None)  # fmt: skip
    answer_round(made, text=answer)
    return made


def matrix_objects(users: dict[str, Any]) -> dict[str, Any]:
    """For the permission matrix: a resident's idea and an open round in county 15, and in 13."""
    return {"idea": idea_in("15"), "other_idea": idea_in("13"), "round": round_in("15"), "other_round": round_in("13")}


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


def county_world_round(cw: Any) -> ListeningRound:
    existing = ListeningRound.objects.filter(county=cw.county).order_by("pk").first()
    if existing is not None:
        return existing
    made = round_in(cw.code, question=f"{cw.tag}-round-question", answer=f"Bussit {cw.tag}-round-answer.")
    STATE[cw.code] = state(cw.county)
    return made


def state(county: Any) -> Any:
    return (list(Idea.objects.filter(county=county).order_by("pk").values_list(
                "pk", "title", "text", "status", "proposal_id", "response", "proposer_informed_at")),
            list(ListeningRound.objects.filter(county=county).order_by("pk").values_list(
                "pk", "question", "opens_on", "closes_on", "municipality_id")),
            list(RoundAnswer.objects.filter(round__county=county).order_by("pk").values_list(
                "pk", "round_id", "text", "phenomenon_id")))  # fmt: skip


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
    # --- listening rounds
    def on_other_round(method: str, suffix: str = "", data: Any = None) -> Any:
        def build(w: Any) -> Any:
            made = county_world_round(w.other)
            body = data(made) if callable(data) else data
            return Req(method, f"/participation/rounds/{made.pk}/{suffix}", body)

        return build

    def own_round_naming_other_answer(item: Any) -> Any:
        def build(w: Any) -> Any:
            other = county_world_round(w.other)
            own = county_world_round(w.own)
            pk = item(other)
            return Req("POST", f"/participation/rounds/{own.pk}/", {"action": "classify", "item": pk, "phenomenon": "asuminen"})

        return build

    add(Case("participation:round", "GET other round", "coordinator", on_other_round("GET"), control=200,
             check=other_unchanged))
    add(Case("participation:round", "action=classify on other round", "coordinator",
             on_other_round("POST", "", lambda made: {"action": "classify", "item": made.answers.get().pk,
                                                      "phenomenon": "asuminen"}),
             control=302, check=other_unchanged))  # fmt: skip
    add(Case("participation:round", "action=classify: other county's answer", "coordinator",
             own_round_naming_other_answer(lambda other: other.answers.get().pk), status=None,
             missing=own_round_naming_other_answer(lambda other: MISSING), check=other_unchanged))
    add(Case("participation:rounds", "GET", "coordinator", lambda w: (county_world_round(w.other),
             Req("GET", "/participation/rounds/"))[1], status=200, check=other_unchanged))  # fmt: skip
    add(Case("participation:rounds", "POST municipality of county 13", "coordinator", lambda w: (county_world_round(w.other),
             Req("POST", "/participation/rounds/", {"municipality": "297", "question": "Kysymys ksuomi", "language": "fi",
                                                    "opens_on": "2026-04-01", "closes_on": "2026-04-30"}))[1],
             status=200, check=other_unchanged))  # fmt: skip
    # The public page and the poster are public by design: a resident of any county may answer.
    # Its question is public (it is on the poster); the answers never are.
    add(Case("participation:public_round", "GET other round (public)", None, on_other_round("GET", "answer/"),
             status=200, allowed=frozenset({"psavo-round-question"}), check=other_unchanged))
    add(Case("participation:round_poster", "GET other round (public)", None, on_other_round("GET", "poster.pdf"),
             status=200, check=other_unchanged))
    add(Case("api:list_rounds", "GET", "coordinator", lambda w: (county_world_round(w.other),
             Req("GET", "/api/v1/listening-rounds", api_json=True))[1], status=200, check=other_unchanged))  # fmt: skip
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


FUZZ: dict[str, Any] = {}


def fuzz_round() -> str:
    """A fresh open round of county 15 with one answer; its coordinator page."""
    made = round_in("15")
    FUZZ["answer"] = made.answers.get().pk
    return f"/participation/rounds/{made.pk}/"
