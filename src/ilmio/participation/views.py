"""Pages of participation. The idea box: the public form (no account), a member of staff's form
and their own ideas, the coordinator's list and one idea (POST action=to_proposal|decline).
Listening rounds: the coordinator's rounds and one round (POST action=classify), the public
page (the form while open, suppressed counts once closed) and the QR poster."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_ratelimit.decorators import ratelimit

from ilmio.areas.models import County
from ilmio.core.access import home_county, in_county
from ilmio.core.audit import Event, record_event
from ilmio.core.form_actions import FormAction, dispatch
from ilmio.core.formats import short_datetime
from ilmio.core.permissions import PUBLIC, Capability, requires
from ilmio.core.views import rate_limited
from ilmio.participation import delivery, services
from ilmio.participation.access import (
    answer_of,
    decidable,
    forum_for,
    forums_for,
    idea_for,
    ideas_for,
    may_decide,
    public_series,
    round_for,
    rounds_for,
    series_for,
    series_of,
    session_by_code,
    session_of,
    shown_topic,
    topic_of,
)
from ilmio.participation.access import public_forum as public_forum_for
from ilmio.participation.access import public_round as public_round_for
from ilmio.participation.delivery import DELIVERY_LANGUAGES
from ilmio.participation.forms import (
    AnswerForm,
    ClassifyAnswerForm,
    DeclineIdeaForm,
    FacilitatorSheetForm,
    ForumForm,
    IdeaForm,
    NoFieldsForm,
    ProposalFromIdeaForm,
    PublicIdeaForm,
    PublicWorksheetForm,
    RegistrationForm,
    RoundForm,
    SeriesForm,
    SessionForm,
    SessionItemForm,
    TopicForm,
)
from ilmio.participation.models import (
    Forum,
    ForumTopic,
    Idea,
    ListeningRound,
    Worksheet,
    WorksheetSection,
    WorkshopCompilation,
    WorkshopSeries,
    WorkshopSession,
)
from ilmio.participation.poster import poster_pdf
from ilmio.participation.register import information_needs
from ilmio.participation.results import round_results
from ilmio.taxonomy.models import Phenomenon


@requires(PUBLIC)
@sensitive_post_parameters("title", "text", "email")
@never_cache
@ratelimit(key="ip", rate=lambda group, request: settings.RATELIMIT_PUBLIC_REPORTS, method="POST", block=False)
def public_idea(request: HttpRequest) -> HttpResponse:
    """The idea box for everyone: a resident, a client, a partner — no account needed."""
    if request.method == "POST" and (limited := rate_limited(request)) is not None:
        return limited
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
        if (limited := rate_limited(request)) is not None:
            return limited
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


# --- phenomenon workshops --------------------------------------------------------------------


@requires(Capability.TRIAGE)
@sensitive_post_parameters("title", "description")
def workshop_list(request: HttpRequest) -> HttpResponse:
    """The county's workshop series, and a new one."""
    county = home_county(request.user)
    form = SeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = services.create_series(county=county, phenomenon=data["phenomenon"], title=data["title"], by=request.user,
                                      description=data.get("description") or "", audience=data["audience"],
                                      keep_registrations=data["keep_registrations"])  # fmt: skip
        messages.success(request, _("The workshop was created. Add its sessions."))
        return redirect("participation:workshop", pk=made.pk)
    series = (series_for(request.user).select_related("phenomenon", "compilation")
              .annotate(session_count=Count("sessions", distinct=True)))  # fmt: skip
    return render(request, "participation/workshops.html", {"form": form, "series": series})


def _add_session(request: HttpRequest, series: WorkshopSeries, form: SessionForm) -> str:
    data = form.cleaned_data
    services.add_session(series, starts_at=form.starts_at(), by=request.user, duration_minutes=data["duration_minutes"],
                         online_link=data.get("online_link") or "", place=data.get("place") or "",
                         language=data["language"])  # fmt: skip
    return _("The session was added.")


def _session_move(role: str, done: str) -> Any:
    def handle(request: HttpRequest, series: WorkshopSeries, form: SessionItemForm) -> str:
        session = session_of(request.user, series, form.cleaned_data["item"])
        if session is None:
            raise ValueError(_("No such session."))
        services.move_session(session, role, by=request.user)
        return str(done)

    return handle


def _erase_registrations(request: HttpRequest, series: WorkshopSeries, form: SessionItemForm) -> str:
    session = session_of(request.user, series, form.cleaned_data["item"])
    if session is None:
        raise ValueError(_("No such session."))
    count = services.erase_registrations([session], by=request.user)
    return _("%(count)s registrations were erased.") % {"count": count}


def _facilitator_sheet(request: HttpRequest, series: WorkshopSeries, form: FacilitatorSheetForm) -> str:
    session = session_of(request.user, series, form.cleaned_data["item"])
    if session is None:
        raise ValueError(_("No such session."))
    services.fill_worksheet(session, form.lines(), filled_by=Worksheet.FilledBy.FACILITATOR, by=request.user,
                            language=form.language())  # fmt: skip
    return _("The worksheet was saved.")


def _compile(request: HttpRequest, series: WorkshopSeries, form: Any) -> str:
    made = services.compile_series(series, by=request.user)
    return _("The sessions were compiled into one result: %(sheets)s worksheets from %(sessions)s sessions.") % {
        "sheets": made.worksheet_count, "sessions": made.session_count}  # fmt: skip


def _publish(request: HttpRequest, series: WorkshopSeries, form: Any) -> str:
    services.publish_compilation(series, by=request.user)
    return _("The result is now in the phenomenon's information-needs register.")


WORKSHOP_ACTIONS = {
    "add_session": FormAction(_add_session, SessionForm, capabilities=DECIDER),
    "open": FormAction(_session_move("open", _("The worksheets are open.")), SessionItemForm, capabilities=DECIDER),
    "held": FormAction(_session_move("held", _("The session is marked held; it takes no more worksheets.")),
                       SessionItemForm, capabilities=DECIDER),  # fmt: skip
    "erase_registrations": FormAction(_erase_registrations, SessionItemForm, capabilities=DECIDER),
    "sheet": FormAction(_facilitator_sheet, FacilitatorSheetForm, capabilities=DECIDER),
    "compile": FormAction(_compile, NoFieldsForm, capabilities=DECIDER),
    "publish": FormAction(_publish, NoFieldsForm, capabilities=DECIDER),
}


@requires(Capability.TRIAGE)
@sensitive_post_parameters("need", "source", "indicator", "missing", "observation", "proposal", "place")
def workshop_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The facilitator's page: sessions (add, repeat, open, held), worksheets, the compiled
    result, its publication to the register and the delivery to the national project."""
    series = series_of(request.user, pk)
    if series is None:
        raise Http404
    if request.method == "POST":
        done = dispatch(request, series, WORKSHOP_ACTIONS, success=lambda: redirect("participation:workshop", pk=series.pk))
        return done.response or redirect("participation:workshop", pk=series.pk)
    sessions = list(series.sessions.annotate(registration_count=Count("registrations", distinct=True),
                                             worksheet_count=Count("worksheets", distinct=True)))  # fmt: skip
    for session in sessions:
        session.sheet_url = request.build_absolute_uri(reverse("participation:worksheet", args=[session.join_code]))  # type: ignore[attr-defined]
    repeat = session_of(request.user, series, request.GET.get("repeat"))
    session_form = SessionForm(initial=_repeated(repeat) if repeat else {}, auto_id="session_%s")
    sheets = list(Worksheet.objects.filter(session__series=series).prefetch_related("entries").select_related("session"))
    if sheets:
        record_event(request.user, Event.WORKSHEETS_LISTED, obj=series, ids=sheets)
    compilation = WorkshopCompilation.objects.filter(series=series).prefetch_related("items").first()
    open_sessions = [s for s in sessions if s.takes_sheets]
    return render(request, "participation/workshop.html", {
        "series": series, "sessions": sessions, "session_form": session_form, "repeat": repeat, "sheets": sheets,
        "compilation": compilation, "sections": WorksheetSection.choices,
        "sheet_form": FacilitatorSheetForm(sessions=[(s.pk, short_datetime(s.starts_at)) for s in open_sessions],
                                           auto_id="sheet_%s") if open_sessions else None,
        "public_url": request.build_absolute_uri(reverse("participation:public_workshop", args=[series.pk])),
        "languages": DELIVERY_LANGUAGES,
    })  # fmt: skip


def _repeated(session: WorkshopSession) -> dict[str, Any]:
    """The add form filled with a session's content and the same time a week later."""
    starts = timezone.localtime(session.starts_at) + timedelta(days=7)
    return {"day": starts.date(), "time": starts.time(), "duration_minutes": session.duration_minutes,
            "online_link": session.online_link, "place": session.place, "language": session.language}  # fmt: skip


DELIVERY_FORMATS = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", delivery.as_docx),
    "pdf": ("application/pdf", delivery.as_pdf),
    "json": ("application/json", delivery.as_json),
}


@requires(Capability.TRIAGE)
def workshop_delivery(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The compiled result for the national project, as DOCX, PDF or JSON, in Finnish or Swedish."""
    series = series_of(request.user, pk)
    if series is None or fmt not in DELIVERY_FORMATS:
        raise Http404
    compilation = WorkshopCompilation.objects.filter(series=series).first()
    if compilation is None:
        messages.error(request, _("Compile the sessions first."))
        return redirect("participation:workshop", pk=series.pk)
    language = request.GET.get("lang", "fi")
    if language not in DELIVERY_LANGUAGES:
        messages.error(request, _("The delivery is made in Finnish or Swedish."))
        return redirect("participation:workshop", pk=series.pk)
    content_type, write = DELIVERY_FORMATS[fmt]
    body = write(delivery.delivery_content(compilation, language))
    record_event(request.user, Event.WORKSHOP_DELIVERED, obj=series, format=fmt, language=language)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="ilmio-workshop-{series.pk}-{language}.{fmt}"'
    return response


@requires(PUBLIC)
@sensitive_post_parameters("name", "email")
@never_cache
@ratelimit(key="ip", rate=lambda group, request: settings.RATELIMIT_PUBLIC_REPORTS, method="POST", block=False)
def public_workshop(request: HttpRequest, pk: int) -> HttpResponse:
    """A workshop's public page: what it is about, its sessions, and registration (no account)."""
    series = public_series(pk)
    if series is None:
        raise Http404
    now = timezone.now()
    upcoming = [s for s in series.sessions.all() if s.registrable and s.starts_at > now]
    choices = [(s.pk, f"{short_datetime(s.starts_at)} · {s.get_language_display()}") for s in upcoming]
    form = RegistrationForm(request.POST or None, sessions=choices)
    if request.method == "POST":
        if (limited := rate_limited(request)) is not None:
            return limited
        if form.is_valid():
            session = next(s for s in upcoming if s.pk == form.cleaned_data["session"])
            try:
                services.register_for_session(session, name=form.cleaned_data["name"], email=form.cleaned_data["email"],
                                              language=form.language())  # fmt: skip
            except ValueError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("You are registered. The session's details are on their way to your e-mail."))
            return redirect("participation:public_workshop", pk=series.pk)
    return render(request, "participation/public_workshop.html", {"series": series, "sessions": upcoming, "form": form})


@requires(PUBLIC)
@sensitive_post_parameters("need", "source", "indicator", "missing", "observation", "proposal")
@never_cache
@ratelimit(key="ip", rate=lambda group, request: settings.RATELIMIT_PUBLIC_REPORTS, method="POST", block=False)
def worksheet(request: HttpRequest, code: str) -> HttpResponse:
    """A participant's worksheet, anonymous, from the address shared in the session."""
    session = session_by_code(code)
    if session is None:
        raise Http404
    form = PublicWorksheetForm(request.POST or None) if session.takes_sheets else None
    if request.method == "POST":
        if (limited := rate_limited(request)) is not None:
            return limited
        if form is None:
            messages.error(request, _("This session does not take worksheets now."))
            return redirect("participation:worksheet", code=session.join_code)
        if form.is_valid():
            try:
                services.fill_worksheet(session, form.lines(), filled_by=Worksheet.FilledBy.PARTICIPANT,
                                        language=form.language())  # fmt: skip
            except ValueError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Thank you. Your worksheet was saved without your name."))
                return redirect("participation:worksheet", code=session.join_code)
    return render(request, "participation/worksheet.html", {"session": session, "series": session.series, "form": form})


@requires(PUBLIC)
def information_needs_page(request: HttpRequest, code: str) -> HttpResponse:
    """The information-needs register of a phenomenon: what workshops asked for, what exists
    and what is missing — published compilations only; one county's with ?county=."""
    phenomenon = Phenomenon.objects.filter(code=code, active=True).first()
    if phenomenon is None:
        raise Http404
    county = County.objects.filter(code=request.GET.get("county", "")).first() if request.GET.get("county") else None
    if request.GET.get("county") and county is None:
        messages.error(request, _("There is no such county; all counties are shown."))
    register = information_needs(phenomenon, [county.code] if county else None)
    return render(request, "participation/information_needs.html", {
        "phenomenon": phenomenon, "county": county, "register": register,
        "counties": County.objects.filter(workshop_series__compilation__published_at__isnull=False).distinct(),
    })  # fmt: skip


# --- open forums ------------------------------------------------------------------------------


@requires(Capability.TRIAGE)
@sensitive_post_parameters("title", "description", "place")
def forum_list(request: HttpRequest) -> HttpResponse:
    county = home_county(request.user)
    form = ForumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = services.create_forum(county=county, title=data["title"], starts_at=form.starts_at(), by=request.user,
                                     description=data.get("description") or "", online_link=data.get("online_link") or "",
                                     place=data.get("place") or "")  # fmt: skip
        messages.success(request, _("The forum was created. Share its address so that people can suggest topics."))
        return redirect("participation:forum", pk=made.pk)
    forums = forums_for(request.user).annotate(waiting=Count("topics", filter=Q(topics__status=ForumTopic.WORKFLOW.initial)))
    return render(request, "participation/forums.html", {"form": form, "forums": forums})


def _moderate(role: str, done: str) -> Any:
    def handle(request: HttpRequest, forum: Forum, form: SessionItemForm) -> str:
        topic = topic_of(request.user, forum, form.cleaned_data["item"])
        if topic is None:
            raise ValueError(_("No such topic."))
        services.moderate_topic(topic, role, by=request.user)
        return str(done)

    return handle


FORUM_ACTIONS = {
    "accept": FormAction(_moderate("accept", _("The topic is on the list.")), SessionItemForm, capabilities=DECIDER),
    "reject": FormAction(_moderate("reject", _("The topic is not shown.")), SessionItemForm, capabilities=DECIDER),
}


@requires(Capability.TRIAGE)
def forum_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The moderator's page: suggestions to accept or reject, the list with its votes."""
    forum = forum_for(request.user, pk)
    if forum is None:
        raise Http404
    if request.method == "POST":
        done = dispatch(request, forum, FORUM_ACTIONS, success=lambda: redirect("participation:forum", pk=forum.pk))
        return done.response or redirect("participation:forum", pk=forum.pk)
    return render(request, "participation/forum.html", {
        "forum": forum, "topics": forum.topics.all(),
        "public_url": request.build_absolute_uri(reverse("participation:public_forum", args=[forum.pk])),
    })  # fmt: skip


VOTER_COOKIE = "ilmio_voter"


@requires(PUBLIC)
@sensitive_post_parameters("text")
@never_cache
@ratelimit(key="ip", rate=lambda group, request: settings.RATELIMIT_PUBLIC_REPORTS, method="POST", block=False)
def public_forum(request: HttpRequest, pk: int) -> HttpResponse:
    """A forum's public page: its listed topics by votes, a vote per topic, a new suggestion."""
    forum = public_forum_for(pk)
    if forum is None:
        raise Http404
    open_for_topics = services.forum_takes_topics(forum)
    form = TopicForm(request.POST or None) if open_for_topics else None
    token = request.get_signed_cookie(VOTER_COOKIE, default="", salt=VOTER_COOKIE) or secrets.token_urlsafe(16)
    if request.method == "POST":
        if (limited := rate_limited(request)) is not None:
            return limited
        response = redirect("participation:public_forum", pk=forum.pk)
        if request.POST.get("action") == "vote":
            topic = shown_topic(forum, request.POST.get("item"))
            try:
                if topic is None:
                    raise ValueError(_("This topic cannot be voted on."))
                made = services.vote_for_topic(topic, voter_token=token)
            except ValueError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Thank you for your vote.") if made else _("You have already voted for this topic."))
            response.set_signed_cookie(VOTER_COOKIE, token, salt=VOTER_COOKIE, max_age=365 * 24 * 3600,
                                       httponly=True, samesite="Lax", secure=request.is_secure())  # fmt: skip
            return response
        if form is None:
            messages.error(request, _("This forum has already been held."))
            return response
        if form.is_valid():
            services.suggest_topic(forum, text=form.cleaned_data["text"])
            messages.success(request, _("Thank you. Your topic will be listed once a coordinator has read it."))
            return response
    topics = forum.topics.filter(status__in=ForumTopic.WORKFLOW.with_flag("shown"))
    return render(request, "participation/public_forum.html", {"forum": forum, "topics": topics, "form": form,
                                                               "open_for_topics": open_for_topics})  # fmt: skip
