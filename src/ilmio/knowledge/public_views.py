"""Public communication channels of published summaries: the county listing with filters,
the embeddable snippet and (in ``feeds``) the Atom feeds. Everything shown here is public
all the way down (``access.public_summaries``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt

from ilmio.areas.models import County, Municipality
from ilmio.core.form_actions import FormAction, dispatch
from ilmio.core.permissions import PUBLIC, Capability, requires
from ilmio.knowledge import access
from ilmio.knowledge.models import Summary
from ilmio.taxonomy.models import Phenomenon

PAGE_SIZE = 20
SNIPPET_SIZE = 5


class PublicSummaryFilter(forms.Form):
    """Plain GET filters; an unknown value is a form error, never a 500."""

    county = forms.ModelChoiceField(queryset=County.objects.order_by("code"), to_field_name="code", required=False,
                                    label=_("County"), empty_label=_("All counties"))  # fmt: skip
    phenomenon = forms.ModelChoiceField(queryset=Phenomenon.objects.order_by("code"), to_field_name="code",
                                        required=False, label=_("Phenomenon"), empty_label=_("All phenomena"))  # fmt: skip
    municipality = forms.ModelChoiceField(queryset=Municipality.objects.order_by("code"), to_field_name="code",
                                          required=False, label=_("Municipality"),
                                          empty_label=_("All municipalities"))  # fmt: skip
    period = forms.IntegerField(required=False, min_value=1900, max_value=2999, label=_("Year"))

    def __init__(self, *args: Any, county: County | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if county is not None:
            del self.fields["county"]
            municipality = self.fields["municipality"]
            assert isinstance(municipality, forms.ModelChoiceField)
            municipality.queryset = county.municipalities.order_by("code")


def filtered_summaries(
    data: Any, county: County | None = None
) -> tuple[PublicSummaryFilter, QuerySet[Summary]]:
    form = PublicSummaryFilter(data, county=county)
    if not form.is_valid():
        return form, access.public_summaries(county).none()
    chosen = form.cleaned_data
    # The county scope is the access layer's: the page's county, else the one chosen.
    summaries = access.public_summaries(county or chosen.get("county") or None)
    if chosen.get("phenomenon"):
        summaries = summaries.filter(phenomena=chosen["phenomenon"])
    if chosen.get("municipality"):
        summaries = summaries.filter(municipalities=chosen["municipality"])
    if chosen.get("period"):
        year = chosen["period"]
        summaries = summaries.filter(period_start__year__lte=year, period_end__year__gte=year)
    return form, summaries.distinct().select_related("county").order_by("-published_at", "-pk")


def _county(county_code: str) -> County:
    county = County.objects.filter(code=county_code).first()
    if county is None:
        raise Http404
    return county


def _listing(request: HttpRequest, county: County | None) -> HttpResponse:
    form, summaries = filtered_summaries(request.GET, county)
    page = Paginator(summaries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    feed_county = county or (form.cleaned_data.get("county") if form.is_valid() else None)
    context: dict[str, Any] = {"form": form, "page": page, "summaries": page.object_list, "county": county,
                               "query": query.urlencode(), "feed_county": feed_county}  # fmt: skip
    if feed_county is not None:
        context["feed_url"] = request.build_absolute_uri(
            reverse("knowledge:public_feed", args=[feed_county.code])
        )
        snippet = request.build_absolute_uri(
            reverse("knowledge:public_snippet", args=[feed_county.code])
        )
        context["snippet_url"] = snippet
        context["embed_code"] = (
            f'<iframe src="{snippet}" title="Ilmiö" width="100%" height="400" loading="lazy"></iframe>'
        )
    return render(request, "knowledge/public_summaries.html", context)


@requires(PUBLIC)
def public_summaries(request: HttpRequest) -> HttpResponse:
    return _listing(request, None)


@requires(PUBLIC)
def county_summaries(request: HttpRequest, county_code: str) -> HttpResponse:
    return _listing(request, _county(county_code))


@xframe_options_exempt  # the only framable page: counties embed it on their own sites
@requires(PUBLIC)
def snippet(request: HttpRequest, county_code: str) -> HttpResponse:
    county = _county(county_code)
    summaries = (
        access.public_summaries(county)
        .select_related("county")
        .order_by("-published_at", "-pk")[:SNIPPET_SIZE]
    )
    items = [
        (s, request.build_absolute_uri(reverse("knowledge:public_summary", args=[s.pk])))
        for s in summaries
    ]
    listing = request.build_absolute_uri(reverse("knowledge:county_summaries", args=[county.code]))
    return render(
        request,
        "knowledge/public_snippet.html",
        {"county": county, "items": items, "listing_url": listing},
    )


# --- the monthly newsletter (staff of the county; their audience's version) -------------


def _toggle(request: HttpRequest, digest: Any, form: Any) -> str:
    from ilmio.knowledge.newsletter import toggle_subscription

    if toggle_subscription(request.user):
        return str(_("You now receive the monthly newsletter by e-mail."))
    return str(_("You no longer receive the monthly newsletter."))


NEWSLETTER_ACTIONS = {"toggle_subscription": FormAction(handle=_toggle)}


@requires(Capability.READ_FORWARDED)
def newsletter(request: HttpRequest, month: str) -> HttpResponse:
    from ilmio.knowledge.newsletter import digest_for, is_subscribed

    digest = digest_for(request.user, month)
    if digest is None:
        raise Http404
    if request.method == "POST":
        done = dispatch(request, digest, NEWSLETTER_ACTIONS,
                        lambda: redirect("knowledge:newsletter", month))  # fmt: skip
        if done.response is not None:
            return done.response
    return render(request, "knowledge/newsletter.html",
                  {"digest": digest, "subscribed": is_subscribed(request.user)})  # fmt: skip
