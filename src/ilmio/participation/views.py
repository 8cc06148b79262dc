"""Pages of the idea box: the public form (no account), a member of staff's form and their own
ideas, and the coordinator's list and one idea (POST action=to_proposal|decline)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_ratelimit.decorators import ratelimit

from ilmio.core.access import home_county, in_county
from ilmio.core.form_actions import FormAction, dispatch
from ilmio.core.permissions import PUBLIC, Capability, requires
from ilmio.participation import services
from ilmio.participation.access import decidable, idea_for, ideas_for, may_decide
from ilmio.participation.forms import DeclineIdeaForm, IdeaForm, ProposalFromIdeaForm, PublicIdeaForm
from ilmio.participation.models import Idea


@requires(PUBLIC)
@sensitive_post_parameters("title", "text", "email")
@never_cache
@ratelimit(key="ip", rate=lambda group, request: settings.RATELIMIT_PUBLIC_REPORTS, method="POST", block=False)
def public_idea(request: HttpRequest) -> HttpResponse:
    """The idea box for everyone: a resident, a client, a partner — no account needed."""
    if getattr(request, "limited", False):
        return render(request, "core/error.html", {
            "title": _("Too many ideas"),
            "message": _("Too many ideas have been sent from your network. Please try again in an hour."),
        }, status=429)  # fmt: skip
    form = PublicIdeaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        municipality = data["municipality"]
        services.submit_idea(county=municipality.county, municipality=municipality, title=data["title"],
                             text=data["text"], channel=Idea.Channel.PUBLIC, language=form.language(),
                             email=data.get("email") or "")  # fmt: skip
        return redirect("participation:thanks")
    return render(request, "participation/public_idea.html", {"form": form})


@requires(PUBLIC)
def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "participation/thanks.html")


@requires(Capability.SUBMIT_REPORT)
@sensitive_post_parameters("title", "text")
def my_ideas(request: HttpRequest) -> HttpResponse:
    """A member of staff proposes an idea and follows what came of their ideas."""
    county = home_county(request.user)
    if county is None:
        raise PermissionDenied
    form = IdeaForm(request.POST or None, county=county)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.submit_idea(county=county, municipality=data.get("municipality"), phenomenon=data.get("phenomenon"),
                             title=data["title"], text=data["text"], channel=Idea.Channel.STAFF, by=request.user,
                             language=form.language())  # fmt: skip
        messages.success(request, _("Thank you. Your idea was sent to the coordinators."))
        return redirect("participation:my_ideas")
    own = Idea.objects.filter(proposer_id=request.user.pk).select_related("proposal")
    return render(request, "participation/my_ideas.html", {"form": form, "ideas": own})


@requires(Capability.TRIAGE)
def idea_list(request: HttpRequest) -> HttpResponse:
    items = in_county(ideas_for(request.user), request.user)
    status = request.GET.get("status", "")
    if status in Idea.Status.values:
        items = items.filter(status=status)
    elif status:
        messages.error(request, _("Choose one of the statuses listed."))
    page = Paginator(items.select_related("phenomenon", "municipality"), 25).get_page(request.GET.get("page"))
    return render(request, "participation/ideas.html", {"page": page, "statuses": Idea.Status.choices, "status": status})


def _to_proposal(request: HttpRequest, idea: Idea, form: ProposalFromIdeaForm) -> str:
    data = form.cleaned_data
    services.idea_to_proposal(idea, by=request.user, title=data["title"], text=data["text"],
                              addressed_to=data["addressed_to"], addressed_to_name=data.get("addressed_to_name") or "")  # fmt: skip
    return _("The idea became an action proposal. The proposer will be told.")


def _decline(request: HttpRequest, idea: Idea, form: DeclineIdeaForm) -> str:
    services.decline_idea(idea, by=request.user, response=form.cleaned_data["response"])
    return _("The idea was not taken forward. The proposer will be told why.")


DECIDER = (Capability.TRIAGE,)
IDEA_ACTIONS = {
    "to_proposal": FormAction(_to_proposal, ProposalFromIdeaForm, capabilities=DECIDER),
    "decline": FormAction(_decline, DeclineIdeaForm, capabilities=DECIDER),
}


@requires(Capability.SUBMIT_REPORT)
@sensitive_post_parameters("title", "text", "response")
def idea_detail(request: HttpRequest, pk: int) -> HttpResponse:
    idea = idea_for(request.user, pk)
    if idea is None:
        raise Http404  # not 403: do not confirm that it exists
    if request.method == "POST":
        if not decidable(request.user, idea):
            raise Http404
        done = dispatch(request, idea, IDEA_ACTIONS, success=lambda: redirect("participation:idea", pk=idea.pk))
        return done.response or redirect("participation:idea", pk=idea.pk)
    decider = decidable(request.user, idea)
    return render(request, "participation/idea.html", {
        "idea": idea, "decider": decider and idea.is_open,
        "proposal_form": ProposalFromIdeaForm(initial={"title": idea.title, "text": idea.text}, auto_id="proposal_%s"),
        "decline_form": DeclineIdeaForm(auto_id="decline_%s"), "may_decide": may_decide(request.user),
    })  # fmt: skip
