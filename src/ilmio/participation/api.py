"""The idea box in the JSON API (tag ``participation``): the pages' access
(``ilmio.participation.access``) and write functions (``ilmio.participation.services``).

A proposer is never named: an integration needs the idea and what came of it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from ilmio.core.access import home_county, in_county
from ilmio.core.api_schemas import ERRORS as SHARED_ERRORS
from ilmio.core.api_schemas import ErrorOut
from ilmio.core.permissions import Capability, has_capability
from ilmio.participation import services
from ilmio.participation.access import idea_for, ideas_for, rounds_for
from ilmio.participation.models import TEXT_LIMIT, TITLE_LIMIT, Idea, ListeningRound
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
