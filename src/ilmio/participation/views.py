"""Pages of participation. The idea box: the public form (no account), a member of staff's form
and their own ideas, the coordinator's list and one idea (POST action=to_proposal|decline).
Listening rounds: the coordinator's rounds and one round (POST action=classify), the public
page (the form while open, suppressed counts once closed) and the QR poster."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_ratelimit.decorators import ratelimit

from ilmio.core.access import home_county, in_county
from ilmio.core.audit import Event, record_event
from ilmio.core.form_actions import FormAction, dispatch
from ilmio.core.permissions import PUBLIC, Capability, requires
from ilmio.participation import services
from ilmio.participation.access import (
    answer_of,
    decidable,
    idea_for,
    ideas_for,
    may_decide,
    round_for,
    rounds_for,
)
from ilmio.participation.access import public_round as public_round_for
from ilmio.participation.forms import (
    AnswerForm,
    ClassifyAnswerForm,
    DeclineIdeaForm,
    IdeaForm,
    ProposalFromIdeaForm,
    PublicIdeaForm,
    RoundForm,
)
from ilmio.participation.models import Idea, ListeningRound
from ilmio.participation.poster import poster_pdf
from ilmio.participation.results import round_results
from ilmio.taxonomy.models import Phenomenon


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


# --- listening rounds ("Mikä pännii?") ---------------------------------------------------


@requires(Capability.TRIAGE)
@sensitive_post_parameters("question")
def round_list(request: HttpRequest) -> HttpResponse:
    county = home_county(request.user)
    form = RoundForm(request.POST or None, county=county)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = services.create_round(county=county, municipality=data["municipality"], question=data["question"],
                                         opens_on=data["opens_on"], closes_on=data["closes_on"], by=request.user,
                                         language=data["language"])  # fmt: skip
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The round was created. Print its poster and share its address."))
            return redirect("participation:round", pk=made.pk)
    today = timezone.localdate()
    rounds = [(r, r.phase_label(today)) for r in rounds_for(request.user).select_related("municipality")
              .annotate(answer_count=Count("answers"))]  # fmt: skip
    return render(request, "participation/rounds.html", {"form": form, "rounds": rounds})


def _classify(request: HttpRequest, listening_round: ListeningRound, form: ClassifyAnswerForm) -> str:
    answer = answer_of(request.user, listening_round, form.cleaned_data["item"])
    if answer is None:
        raise ValueError(_("No such answer."))
    services.classify_answer(answer, phenomenon=form.cleaned_data.get("phenomenon"), by=request.user)
    return _("The answer was classified.")


ROUND_ACTIONS = {"classify": FormAction(_classify, ClassifyAnswerForm, capabilities=DECIDER)}


@requires(Capability.TRIAGE)
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The coordinator's view of a round: its answers (redacted) to classify, its results."""
    listening_round = round_for(request.user, pk)
    if listening_round is None:
        raise Http404
    if request.method == "POST":
        done = dispatch(request, listening_round, ROUND_ACTIONS,
                        success=lambda: redirect("participation:round", pk=listening_round.pk))  # fmt: skip
        return done.response or redirect("participation:round", pk=listening_round.pk)
    page = Paginator(listening_round.answers.select_related("phenomenon"), 50).get_page(request.GET.get("page"))
    if page.object_list:
        record_event(request.user, Event.ROUND_ANSWERS_LISTED, obj=listening_round, ids=list(page.object_list))
    today = timezone.localdate()
    return render(request, "participation/round.html", {
        "round": listening_round, "phase": listening_round.phase_label(today), "page": page,
        "phenomena": list(Phenomenon.objects.filter(active=True)), "results": round_results(listening_round),
        "public_url": request.build_absolute_uri(reverse("participation:public_round", args=[listening_round.pk])),
    })  # fmt: skip


@requires(PUBLIC)
@sensitive_post_parameters("text", "helps")
@never_cache
@ratelimit(key="ip", rate=lambda group, request: settings.RATELIMIT_PUBLIC_REPORTS, method="POST", block=False)
def public_round(request: HttpRequest, pk: int) -> HttpResponse:
    """The round's public page: its short form while it is open (mobile first, no account),
    its results — suppressed counts only — once it has closed."""
    listening_round = public_round_for(pk)
    if listening_round is None:
        raise Http404
    phase = listening_round.phase(timezone.localdate())
    form = AnswerForm(request.POST or None) if phase == ListeningRound.Phase.OPEN else None
    if request.method == "POST":
        if getattr(request, "limited", False):
            return render(request, "core/error.html", {
                "title": _("Too many answers"),
                "message": _("Too many answers have been sent from your network. Please try again in an hour."),
            }, status=429)  # fmt: skip
        if form is None:
            messages.error(request, _("This round is not open for answers."))
            return redirect("participation:public_round", pk=listening_round.pk)
        if form.is_valid():
            try:
                services.answer_round(listening_round, text=form.cleaned_data["text"],
                                      helps=form.cleaned_data.get("helps") or "", language=form.language())  # fmt: skip
            except ValueError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Thank you. Your answer has been received."))
            return redirect("participation:public_round", pk=listening_round.pk)
    results = round_results(listening_round) if phase == ListeningRound.Phase.CLOSED else None
    return render(request, "participation/public_round.html", {
        "round": listening_round, "phase": phase, "Phase": ListeningRound.Phase, "form": form, "results": results,
    })  # fmt: skip


@requires(PUBLIC)
def round_poster(request: HttpRequest, pk: int) -> HttpResponse:
    """A poster (PDF, A4) with the question, the dates and a QR code of the public page, for
    libraries and health stations; in Finnish and Swedish, as the county's residents read."""
    listening_round = public_round_for(pk)
    if listening_round is None:
        raise Http404
    url = request.build_absolute_uri(reverse("participation:public_round", args=[listening_round.pk]))
    response = HttpResponse(poster_pdf(listening_round, url), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="ilmio-round-{listening_round.pk}.pdf"'
    return response
