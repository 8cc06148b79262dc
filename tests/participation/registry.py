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
    series = series_in("15")
    return {"idea": idea_in("15"), "other_idea": idea_in("13"), "round": round_in("15"), "other_round": round_in("13"),
            "series": series, "other_series": series_in("13", tag="psavo"), "session": series.sessions.first(),
            "forum": forum_in("15"), "other_forum": forum_in("13", tag="psavo")}


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
                "pk", "round_id", "text", "phenomenon_id")), workshop_state(county))  # fmt: skip


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
    return cases + workshop_cases(Case, Req)


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


# --- workshops and forums ------------------------------------------------------------------


def series_in(county_code: str, *, tag: str = "tp") -> Any:
    """A county's workshop series on mielenterveys: a planned session and an open one with a
    worksheet, a registration each, compiled but not published (its texts never show outside)."""
    from ilmio.participation.models import Worksheet, WorkshopRegistration
    from ilmio.participation.services import (
        add_session,
        compile_series,
        create_series,
        fill_worksheet,
        move_session,
    )
    from ilmio.taxonomy.models import Phenomenon

    county = Municipality.objects.get(code=MUNICIPALITY[county_code]).county
    series = create_series(county=county, phenomenon=Phenomenon.objects.get(code="mielenterveys"),
                           title=f"{tag}-series-title", description=f"{tag}-series-description", by=None)  # fmt: skip
    for days in (7, 14):
        session = add_session(series, starts_at=timezone.now() + timedelta(days=days), by=None,
                              online_link="https://teams.example.org/meet/x")  # fmt: skip
        WorkshopRegistration.objects.create(session=session, name=f"{tag}-registrant", email=f"{tag}@example.org")
    # The first session is still planned; the second is open, with a worksheet.
    move_session(session, "open", by=None)
    fill_worksheet(session, {"need": [f"Odotusajat {tag}-sheet-need"]}, filled_by=Worksheet.FilledBy.PARTICIPANT)
    compile_series(series, by=None)
    return series


def forum_in(county_code: str, *, tag: str = "tp") -> Any:
    """A county's coming forum: one topic listed, one waiting for moderation."""
    from ilmio.participation.services import create_forum, moderate_topic, suggest_topic

    county = Municipality.objects.get(code=MUNICIPALITY[county_code]).county
    forum = create_forum(county=county, title=f"{tag}-forum-title", starts_at=timezone.now() + timedelta(days=10),
                         place="Kirjasto", by=None)  # fmt: skip
    moderate_topic(suggest_topic(forum, text=f"Bussit {tag}-topic-listed"), "accept", by=None)
    suggest_topic(forum, text=f"Asunnot {tag}-topic-waiting")
    return forum


def county_world_series(cw: Any) -> Any:
    from ilmio.participation.models import WorkshopSeries

    existing = WorkshopSeries.objects.filter(county=cw.county).order_by("pk").first()
    if existing is not None:
        return existing
    made = series_in(cw.code, tag=cw.tag)
    STATE[cw.code] = state(cw.county)
    return made


def county_world_forum(cw: Any) -> Any:
    from ilmio.participation.models import Forum

    existing = Forum.objects.filter(county=cw.county).order_by("pk").first()
    if existing is not None:
        return existing
    made = forum_in(cw.code, tag=cw.tag)
    STATE[cw.code] = state(cw.county)
    return made


def workshop_state(county: Any) -> Any:
    from ilmio.participation.models import (
        CompiledItem,
        ForumTopic,
        Worksheet,
        WorkshopCompilation,
        WorkshopRegistration,
        WorkshopSession,
    )

    return (list(WorkshopSession.objects.filter(series__county=county).order_by("pk").values_list("pk", "status", "starts_at")),
            list(Worksheet.objects.filter(session__series__county=county).values_list("pk", flat=True).order_by("pk")),
            list(WorkshopRegistration.objects.filter(session__series__county=county).values_list("pk", flat=True).order_by("pk")),
            list(WorkshopCompilation.objects.filter(series__county=county).values_list("pk", "compiled_at", "published_at")),
            list(CompiledItem.objects.filter(compilation__series__county=county).values_list("pk", flat=True).order_by("pk")),
            list(ForumTopic.objects.filter(forum__county=county).order_by("pk").values_list("pk", "status", "votes")))  # fmt: skip


WORKSHOP_BRANCHES: dict[str, Any] = {
    "add_session": {"day": "2027-03-01", "time": "14:00", "duration_minutes": "90", "language": "fi",
                    "online_link": "https://teams.example.org/meet/y"},
    "open": {"item": "PLANNED"},
    "held": {"item": "OPEN"},
    "erase_registrations": {"item": "PLANNED"},
    "sheet": {"item": "OPEN", "need": "Jonot"},
    "compile": {},
    "publish": {},
}
SESSION_BRANCHES = ("held", "erase_registrations", "sheet")
FORUM_BRANCHES: dict[str, Any] = {"accept": {}, "reject": {}}


def workshop_cases(Case: Any, Req: Any) -> list[Any]:  # noqa: N803 - the test module's classes
    cases: list[Any] = []
    add = cases.append

    def body(series: Any, data: dict[str, Any]) -> dict[str, Any]:
        planned, opened = series.sessions.order_by("pk")[:2]
        return {k: {"PLANNED": planned.pk, "OPEN": opened.pk}.get(v, v) for k, v in data.items()}

    def on_other_series(method: str, suffix: str = "", data: dict[str, Any] | None = None, query: str = "") -> Any:
        def build(w: Any) -> Any:
            made = county_world_series(w.other)
            return Req(method, f"/participation/workshops/{made.pk}/{suffix}{query}", body(made, data) if data else None)

        return build

    def own_series_naming_other_session(branch: str, missing: bool = False) -> Any:
        def build(w: Any) -> Any:
            other, own = county_world_series(w.other), county_world_series(w.own)
            pk = MISSING if missing else body(other, WORKSHOP_BRANCHES[branch])["item"]
            return Req("POST", f"/participation/workshops/{own.pk}/", {**WORKSHOP_BRANCHES[branch], "action": branch, "item": pk})

        return build

    add(Case("participation:workshop", "GET other workshop", "coordinator", on_other_series("GET"), control=200,
             check=other_unchanged))
    add(Case("participation:workshop", "GET other workshop", "reporter", on_other_series("GET"), status=403,
             check=other_unchanged))
    for branch, data in WORKSHOP_BRANCHES.items():
        add(Case("participation:workshop", f"action={branch} on other workshop", "coordinator",
                 on_other_series("POST", "", {"action": branch, **data}), control=302, check=other_unchanged))  # fmt: skip
    for branch in SESSION_BRANCHES:
        add(Case("participation:workshop", f"action={branch}: other county's session", "coordinator",
                 own_series_naming_other_session(branch), status=None,
                 missing=own_series_naming_other_session(branch, missing=True), check=other_unchanged))  # fmt: skip
    add(Case("participation:workshop_delivery", "GET other workshop's delivery", "coordinator",
             on_other_series("GET", "delivery.json", query="?lang=sv"), control=200, check=other_unchanged))
    add(Case("participation:workshops", "GET", "coordinator", lambda w: (county_world_series(w.other),
             Req("GET", "/participation/workshops/"))[1], status=200, check=other_unchanged))  # fmt: skip
    add(Case("participation:workshops", "POST a new workshop", "coordinator", lambda w: (county_world_series(w.other),
             Req("POST", "/participation/workshops/", {"phenomenon": "mielenterveys", "title": "Työpaja ksuomi",
                                                       "audience": "everyone"}))[1],
             status=302, check=other_unchanged))  # fmt: skip
    # The public page and the worksheet are public by design (anyone may take part): the
    # title is public, the worksheets, the registrants and the unpublished result are not.
    add(Case("participation:public_workshop", "GET other workshop (public)", None, on_other_series("GET", "join/"),
             status=200, allowed=frozenset({"psavo-series-title", "psavo-series-description"}), check=other_unchanged))
    add(Case("participation:worksheet", "GET other county's worksheet (public)", None,
             lambda w: Req("GET", f"/participation/worksheet/{county_world_series(w.other).sessions.order_by('pk').last().join_code}/"),
             status=200, allowed=frozenset({"psavo-series-title"}), check=other_unchanged))  # fmt: skip
    add(Case("participation:information_needs", "GET (unpublished results stay out)", None,
             lambda w: (county_world_series(w.other), Req("GET", "/participation/needs/mielenterveys/?county=13"))[1],
             status=200, check=other_unchanged))  # fmt: skip
    add(Case("api:list_workshops", "GET", "coordinator", lambda w: (county_world_series(w.other),
             Req("GET", "/api/v1/workshops", api_json=True))[1], status=200, check=other_unchanged))  # fmt: skip
    add(Case("api:get_workshop_delivery", "GET other workshop's delivery", "coordinator",
             lambda w: Req("GET", f"/api/v1/workshops/{county_world_series(w.other).pk}/delivery", api_json=True),
             control=200, check=other_unchanged))  # fmt: skip
    add(Case("api:information_needs_register", "GET (unpublished results stay out)", "coordinator",
             lambda w: (county_world_series(w.other), Req("GET", "/api/v1/information-needs?phenomenon=mielenterveys",
                                                         api_json=True))[1], status=200, check=other_unchanged))  # fmt: skip

    # --- forums
    def on_other_forum(method: str, suffix: str = "", data: Any = None) -> Any:
        def build(w: Any) -> Any:
            made = county_world_forum(w.other)
            return Req(method, f"/participation/forums/{made.pk}/{suffix}", data(made) if callable(data) else data)

        return build

    def waiting(forum: Any) -> int:
        return int(forum.topics.order_by("pk").last().pk)

    def own_forum_naming_other_topic(branch: str, missing: bool = False) -> Any:
        def build(w: Any) -> Any:
            other, own = county_world_forum(w.other), county_world_forum(w.own)
            return Req("POST", f"/participation/forums/{own.pk}/", {"action": branch, "item": MISSING if missing else waiting(other)})

        return build

    add(Case("participation:forum", "GET other forum", "coordinator", on_other_forum("GET"), control=200, check=other_unchanged))
    for branch in FORUM_BRANCHES:
        add(Case("participation:forum", f"action={branch} on other forum", "coordinator",
                 on_other_forum("POST", "", lambda made, branch=branch: {"action": branch, "item": waiting(made)}),
                 control=302, check=other_unchanged))  # fmt: skip
        add(Case("participation:forum", f"action={branch}: other county's topic", "coordinator",
                 own_forum_naming_other_topic(branch), status=None,
                 missing=own_forum_naming_other_topic(branch, missing=True), check=other_unchanged))  # fmt: skip
    add(Case("participation:forums", "GET", "coordinator", lambda w: (county_world_forum(w.other),
             Req("GET", "/participation/forums/"))[1], status=200, check=other_unchanged))  # fmt: skip
    add(Case("participation:forums", "POST a new forum", "coordinator", lambda w: (county_world_forum(w.other),
             Req("POST", "/participation/forums/", {"title": "Foorumi ksuomi", "day": "2027-03-01", "time": "18:00",
                                                    "place": "Kirjasto"}))[1], status=302, check=other_unchanged))  # fmt: skip
    # The public page shows the listed topic (public by design), never the waiting one, and a
    # vote for the waiting one is refused.
    add(Case("participation:public_forum", "GET other forum (public)", None, on_other_forum("GET", "topics/"),
             status=200, allowed=frozenset({"psavo-forum-title", "psavo-topic-listed"}), check=other_unchanged))
    add(Case("participation:public_forum", "action=vote on other forum's waiting topic", None,
             on_other_forum("POST", "topics/", lambda made: {"action": "vote", "item": waiting(made)}), status=302,
             check=other_unchanged))  # fmt: skip
    add(Case("api:list_forums", "GET", "coordinator", lambda w: (county_world_forum(w.other),
             Req("GET", "/api/v1/forums", api_json=True))[1], status=200, check=other_unchanged))  # fmt: skip
    return cases


def fuzz_series() -> str:
    """A fresh series of county 15 (a planned and an open session); its facilitator page."""
    made = series_in("15")
    planned, opened = made.sessions.order_by("pk")[:2]
    FUZZ.update(planned=planned.pk, open=opened.pk, code=opened.join_code)
    return f"/participation/workshops/{made.pk}/"


def fuzz_forum() -> str:
    """A fresh coming forum of county 15 (one listed topic, one waiting); its moderator page."""
    made = forum_in("15")
    FUZZ.update(listed=made.topics.order_by("pk").first().pk, waiting=made.topics.order_by("pk").last().pk)
    return f"/participation/forums/{made.pk}/"
