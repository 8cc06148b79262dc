"""Atom feeds of a county's public summaries and decisions (public parts only: titles,
period, outcome, body; what ``outcomes`` shows). Titles are worded in the request's
language: the site's own choice (prefix, cookie, Accept-Language), or ``?lang=sv``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from ilmio.areas.models import County
from ilmio.core.permissions import PUBLIC, requires
from ilmio.knowledge import access
from ilmio.taxonomy.models import Phenomenon

FEED_SIZE = 30
TAG_AUTHORITY = "ilmio.fi,2026"  # tag: URI authority; ids stay stable when the host changes


@dataclass
class Entry:
    key: str
    title: str
    description: str
    link: str
    updated: datetime


def _at_midnight(day: Any) -> datetime:
    return timezone.make_aware(datetime.combine(day, time()), timezone.get_default_timezone())


def county_entries(county: County, phenomenon: Phenomenon | None = None) -> list[Entry]:
    summaries = access.public_summaries(county).exclude(published_at=None)
    if phenomenon is not None:
        summaries = summaries.filter(phenomena=phenomenon).distinct()
    entries = [
        Entry(
            key=f"summary:{s.pk}",
            title=s.title,
            description=_("Summary for %(start)s–%(end)s, %(county)s.")
            % {
                "start": format_date(s.period_start),
                "end": format_date(s.period_end),
                "county": str(county),
            },
            link=reverse("knowledge:public_summary", args=[s.pk]),
            updated=s.published_at or timezone.now(),
        )  # fmt: skip
        for s in summaries.order_by("-published_at")[:FEED_SIZE]
    ]
    proposals = access.public_proposals(county).exclude(decision=None).select_related("decision")
    if phenomenon is not None:
        proposals = proposals.filter(summary__phenomena=phenomenon).distinct()
    for p in proposals.order_by("-decision__decided_on")[:FEED_SIZE]:
        decision = p.decision
        entries.append(Entry(key=f"decision:{decision.pk}",
                             title=_("Decision: %(title)s") % {"title": p.title},
                             description=_("%(outcome)s by %(body)s on %(date)s.") % {
                                 "outcome": decision.get_outcome_display(), "body": decision.body,
                                 "date": format_date(decision.decided_on)},
                             link=reverse("knowledge:outcomes", args=[county.code]),
                             updated=_at_midnight(decision.decided_on)))  # fmt: skip
    entries.sort(key=lambda e: e.updated, reverse=True)
    return entries[:FEED_SIZE]


def format_date(day: Any) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


class CountyFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        lang = request.GET.get("lang", "")
        if lang not in dict(settings.LANGUAGES):
            lang = translation.get_language() or settings.LANGUAGE_CODE
        with translation.override(lang):
            response = super().__call__(request, *args, **kwargs)
        response["Content-Language"] = lang
        return response

    def get_object(
        self, request: HttpRequest, county_code: str, phenomenon_code: str = ""
    ) -> tuple[County, Phenomenon | None]:
        county = County.objects.filter(code=county_code).first()
        phenomenon = (
            Phenomenon.objects.filter(code=phenomenon_code).first() if phenomenon_code else None
        )
        if county is None or (phenomenon_code and phenomenon is None):
            raise Http404
        return county, phenomenon

    def title(self, obj: tuple[County, Phenomenon | None]) -> str:
        county, phenomenon = obj
        if phenomenon is not None:
            return _("Ilmiö – %(county)s: %(phenomenon)s") % {
                "county": str(county),
                "phenomenon": phenomenon.label,
            }
        return _("Ilmiö – %(county)s: summaries and decisions") % {"county": str(county)}

    def subtitle(self, obj: tuple[County, Phenomenon | None]) -> str:
        return _("Published summaries of structural social work and the decisions made on them.")

    def link(self, obj: tuple[County, Phenomenon | None]) -> str:
        return reverse("knowledge:county_summaries", args=[obj[0].code])

    def feed_guid(self, obj: tuple[County, Phenomenon | None]) -> str:
        county, phenomenon = obj
        return f"tag:{TAG_AUTHORITY}:county/{county.code}" + (
            f"/{phenomenon.code}" if phenomenon else ""
        )

    def items(self, obj: tuple[County, Phenomenon | None]) -> list[Entry]:
        return county_entries(*obj)

    def item_title(self, item: Entry) -> str:
        return item.title

    def item_description(self, item: Entry) -> str:
        return item.description

    def item_link(self, item: Entry) -> str:
        return item.link

    def item_guid(self, item: Entry) -> str:
        return f"tag:{TAG_AUTHORITY}:{item.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Entry) -> datetime:
        return item.updated

    def item_updateddate(self, item: Entry) -> datetime:
        return item.updated


@requires(PUBLIC)
def county_feed(request: HttpRequest, county_code: str, phenomenon_code: str = "") -> HttpResponse:
    """A plain view around the feed, like every other URL (registries read its source)."""
    return CountyFeed()(request, county_code=county_code, phenomenon_code=phenomenon_code)
