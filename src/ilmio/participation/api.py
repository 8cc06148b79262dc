"""Participation in the JSON API: ideas, listening rounds, workshops, the information-needs
register and forums. The idea box in the JSON API (tag ``participation``): the pages' access
(``ilmio.participation.access``) and write functions (``ilmio.participation.services``).

A proposer is never named: an integration needs the idea and what came of it.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from django.db.models import Count
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from ilmio.core.access import home_county, in_county
from ilmio.core.api_schemas import ERRORS as SHARED_ERRORS
from ilmio.core.api_schemas import ErrorOut
from ilmio.core.audit import Event, record_event
from ilmio.core.permissions import Capability, has_capability
from ilmio.participation import delivery, services
from ilmio.participation.access import (
    forums_for,
    idea_for,
    ideas_for,
    rounds_for,
    series_for,
    series_of,
)
from ilmio.participation.models import (
    TEXT_LIMIT,
    TITLE_LIMIT,
    ForumTopic,
    Idea,
    ListeningRound,
    WorkshopCompilation,
)
from ilmio.participation.register import information_needs
from ilmio.participation.results import round_results
from ilmio.taxonomy.models import Phenomenon

router = Router(tags=["participation"])
ERRORS: dict[int, Any] = {**SHARED_ERRORS, 404: ErrorOut}


class IdeaIn(Schema):
    title: str = Field(..., min_length=1, max_length=TITLE_LIMIT, description="Redacted before it is stored.")
    text: str = Field(..., min_length=1, max_length=TEXT_LIMIT, description="Redacted before it is stored.")
    municipality: str | None = Field(None, max_length=3, description="A municipality code of the caller's county.")
    phenomenon: str | None = Field(None, max_length=40)


class IdeaOut(Schema):
    id: int
    county_code: str
    municipality: str | None
    phenomenon: str | None
    title: str
    text: str
    channel: str
    status: str
    created_at: datetime
    proposal: int | None = Field(..., description="The action proposal it became, if it did.")
    response: str = Field(..., description="Why it was not taken forward, if it was not.")


def _out(idea: Idea) -> IdeaOut:
    return IdeaOut(id=idea.pk, county_code=idea.county.code, municipality=idea.municipality.code if idea.municipality else None,
                   phenomenon=idea.phenomenon.code if idea.phenomenon else None, title=idea.title, text=idea.text,
                   channel=idea.channel, status=idea.status, created_at=idea.created_at, proposal=idea.proposal_id,
                   response=idea.response)  # fmt: skip


class IdeaFilters(Schema):
    status: str | None = Field(None, max_length=20)
    limit: int = Field(100, ge=1, le=500)


@router.get("/ideas", response={200: list[IdeaOut], **ERRORS}, summary="Ideas of the idea box")
def list_ideas(request: HttpRequest, filters: Query[IdeaFilters]) -> Any:
    """For the county's coordinators its ideas; for everyone else the ideas they proposed."""
    items = ideas_for(request.user).select_related("county", "municipality", "phenomenon")
    if filters.status:
        if filters.status not in Idea.Status.values:
            raise HttpError(422, "Unknown status.")
        items = items.filter(status=filters.status)
    return [_out(idea) for idea in items.order_by("-created_at", "-pk")[: filters.limit]]


@router.get("/ideas/{idea_id}", response={200: IdeaOut, **ERRORS}, summary="One idea")
def get_idea(request: HttpRequest, idea_id: int) -> Any:
    idea = idea_for(request.user, idea_id)
    if idea is None:
        raise HttpError(404, "Not found.")
    return _out(idea)


@router.post("/ideas", response={201: IdeaOut, **ERRORS}, summary="Send an idea")
def create_idea(request: HttpRequest, payload: IdeaIn) -> Any:
    """A member of staff's idea to their county's coordinators (the form's write function)."""
    county = home_county(request.user)
    if not has_capability(request.user, Capability.SUBMIT_REPORT) or county is None:
        raise HttpError(403, "You cannot send ideas.")
    from ilmio.areas.models import Municipality

    municipality = None
    if payload.municipality:
        municipality = in_county(Municipality.objects.filter(code=payload.municipality, active=True), request.user).first()
        if municipality is None:
            raise HttpError(422, "Choose a municipality of your own county.")
    phenomenon = None
    if payload.phenomenon:
        phenomenon = Phenomenon.objects.filter(code=payload.phenomenon, active=True).first()
        if phenomenon is None:
            raise HttpError(422, "Unknown phenomenon code.")
    idea = services.submit_idea(county=county, municipality=municipality, phenomenon=phenomenon, title=payload.title,
                                text=payload.text, channel=Idea.Channel.STAFF, by=request.user)  # fmt: skip
    return Status(201, _out(idea_for(request.user, idea.pk) or idea))


class ResultRow(Schema):
    phenomenon: str
    count: int | None = Field(..., description="None: hidden to protect privacy.")


class RoundOut(Schema):
    id: int
    county_code: str
    municipality: str
    question: str
    opens_on: date
    closes_on: date
    phase: str
    public_url: str
    results: list[ResultRow] | None = Field(..., description="Once the round has closed: answers by phenomenon.")
    total: int | None


def _round_out(request: HttpRequest, listening_round: ListeningRound) -> RoundOut:
    phase = listening_round.phase(timezone.localdate())
    closed = phase == ListeningRound.Phase.CLOSED
    results = round_results(listening_round) if closed else None
    return RoundOut(
        id=listening_round.pk, county_code=listening_round.county.code, municipality=listening_round.municipality.code,
        question=listening_round.question, opens_on=listening_round.opens_on, closes_on=listening_round.closes_on,
        phase=phase, public_url=request.build_absolute_uri(reverse("participation:public_round", args=[listening_round.pk])),
        results=[ResultRow(phenomenon=label, count=shown.value) for label, shown in results.rows] if results else None,
        total=results.total.value if results else None,
    )  # fmt: skip


@router.get("/listening-rounds", response={200: list[RoundOut], **ERRORS}, summary="Listening rounds")
def list_rounds(request: HttpRequest) -> Any:
    """The county's rounds, for its coordinators; a closed round with its suppressed counts.
    The answers' texts are not in the API."""
    rounds = rounds_for(request.user).select_related("county", "municipality")
    return [_round_out(request, r) for r in rounds[:200]]


# --- workshops, the information-needs register and forums -----------------------------------


class SessionOut(Schema):
    id: int
    starts_at: datetime
    duration_minutes: int
    language: str
    status: str
    registrations: int = Field(..., description="How many have registered (never who).")


class WorkshopOut(Schema):
    id: int
    county_code: str
    phenomenon: str
    title: str
    audience: str
    public_url: str
    sessions: list[SessionOut]
    compiled_at: datetime | None
    published_at: datetime | None


@router.get("/workshops", response={200: list[WorkshopOut], **ERRORS}, summary="Phenomenon workshops")
def list_workshops(request: HttpRequest) -> Any:
    """The county's workshop series, for its coordinators (everyone else: an empty list).
    Registrants are counted, never named; worksheets are in the delivery once compiled."""
    series = series_for(request.user).select_related("county", "phenomenon").prefetch_related("sessions")
    out = []
    for s in series[:200]:
        compilation = WorkshopCompilation.objects.filter(series=s).first()
        sessions = s.sessions.annotate(registration_count=Count("registrations"))
        out.append(WorkshopOut(
            id=s.pk, county_code=s.county.code, phenomenon=s.phenomenon.code, title=s.title, audience=s.audience,
            public_url=request.build_absolute_uri(reverse("participation:public_workshop", args=[s.pk])),
            sessions=[SessionOut(id=x.pk, starts_at=x.starts_at, duration_minutes=x.duration_minutes, language=x.language,
                                 status=x.status, registrations=x.registration_count) for x in sessions],
            compiled_at=compilation.compiled_at if compilation else None,
            published_at=compilation.published_at if compilation else None))  # fmt: skip
    return out


class DeliveryFilters(Schema):
    lang: str = Field("fi", pattern="^(fi|sv)$", description="The delivery is made in Finnish or Swedish.")


@router.get("/workshops/{series_id}/delivery", response={200: dict[str, Any], **ERRORS},
            summary="A workshop's delivery to the national project")  # fmt: skip
def get_workshop_delivery(request: HttpRequest, series_id: int, filters: Query[DeliveryFilters]) -> Any:
    """The compiled result as the JSON delivery the page exports (same builder)."""
    series = series_of(request.user, series_id)
    compilation = WorkshopCompilation.objects.filter(series=series).first() if series is not None else None
    if compilation is None:
        raise HttpError(404, "Not found.")
    record_event(request.user, Event.WORKSHOP_DELIVERED, obj=series, format="api", language=filters.lang)
    return json.loads(delivery.as_json(delivery.delivery_content(compilation, filters.lang)))


class NeedLine(Schema):
    text: str
    worksheets: int
    county_code: str


class InformationNeedsOut(Schema):
    phenomenon: str
    asked: list[NeedLine]
    available: list[NeedLine]
    missing: list[NeedLine]


class NeedsFilters(Schema):
    phenomenon: str = Field(..., max_length=40)
    county: str | None = Field(None, max_length=4)


@router.get("/information-needs", response={200: InformationNeedsOut, **ERRORS}, auth=None,
            summary="The information-needs register of a phenomenon")  # fmt: skip
def information_needs_register(request: HttpRequest, filters: Query[NeedsFilters]) -> Any:
    """Public: what the published workshop results asked for, have and miss."""
    phenomenon = Phenomenon.objects.filter(code=filters.phenomenon, active=True).first()
    if phenomenon is None:
        raise HttpError(404, "Unknown phenomenon code.")
    register = information_needs(phenomenon, [filters.county] if filters.county else None)

    def lines(items: list[Any]) -> list[NeedLine]:
        return [NeedLine(text=i.text, worksheets=i.worksheets, county_code=i.county) for i in items]

    return InformationNeedsOut(phenomenon=phenomenon.code, asked=lines(register.asked), available=lines(register.available),
                               missing=lines(register.missing))  # fmt: skip


class TopicOut(Schema):
    id: int
    text: str
    votes: int


class ForumOut(Schema):
    id: int
    county_code: str
    title: str
    starts_at: datetime
    public_url: str
    topics: list[TopicOut] = Field(..., description="The listed topics by votes; suggestions waiting for moderation are not included.")
    waiting: int = Field(..., description="Suggestions waiting for moderation.")


@router.get("/forums", response={200: list[ForumOut], **ERRORS}, summary="Open forums")
def list_forums(request: HttpRequest) -> Any:
    """The county's forums, for its coordinators (everyone else: an empty list)."""
    shown = ForumTopic.WORKFLOW.with_flag("shown")
    return [ForumOut(id=f.pk, county_code=f.county.code, title=f.title, starts_at=f.starts_at,
                     public_url=request.build_absolute_uri(reverse("participation:public_forum", args=[f.pk])),
                     topics=[TopicOut(id=t.pk, text=t.text, votes=t.votes) for t in f.topics.filter(status__in=shown)],
                     waiting=f.topics.filter(status=ForumTopic.WORKFLOW.initial).count())
            for f in forums_for(request.user).select_related("county")[:200]]  # fmt: skip
