"""Writes of participation: the idea box, listening rounds, phenomenon workshops and open
forums. Each is one transaction with its audit event; e-mails are sent after it commits."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ilmio.core.audit import Event, record_event
from ilmio.knowledge.models import Proposal
from ilmio.knowledge.services import create_proposal
from ilmio.participation.models import (
    SHEET_ENTRY_LIMIT,
    CompiledItem,
    Forum,
    ForumTopic,
    Idea,
    IdeaContact,
    ListeningRound,
    RoundAnswer,
    TopicVote,
    Worksheet,
    WorksheetEntry,
    WorksheetSection,
    WorkshopCompilation,
    WorkshopRegistration,
    WorkshopSeries,
    WorkshopSession,
)

MAX_ROUND_DAYS = 92


def submit_idea(*, county: Any, title: str, text: str, channel: str, by: Any = None, municipality: Any = None,
                phenomenon: Any = None, language: str = "fi", email: str = "") -> Idea:  # fmt: skip
    """A new idea; a resident's address (optional) is stored apart, for the one answer."""
    if channel not in Idea.Channel.values:
        raise ValueError(f"unknown channel {channel!r}")
    if municipality is not None and municipality.county_id != county.pk:
        raise ValueError("the municipality is not in the county")
    proposer = by if getattr(by, "is_authenticated", False) else None
    with transaction.atomic():
        idea = Idea.objects.create(county=county, municipality=municipality, phenomenon=phenomenon, title=title,
                                   text=text, language=language if language in ("fi", "sv", "en") else "fi",
                                   channel=channel, proposer=proposer)  # fmt: skip
        if email and proposer is None:
            IdeaContact.objects.create(idea=idea, email=email)
        record_event(proposer, Event.IDEA_SUBMITTED, obj=idea, channel=channel, contact=bool(email and proposer is None))
    return idea


def idea_to_proposal(idea: Idea, *, by: Any, title: str, text: str, addressed_to: str, addressed_to_name: str = "",
                     service_area: Any = None) -> Proposal:  # fmt: skip
    """The coordinator takes the idea forward as an action proposal to a named body; from
    there it follows the proposal → decision → action chain. The proposer is told."""
    with transaction.atomic():
        locked = Idea.objects.select_for_update().get(pk=idea.pk)
        locked.WORKFLOW.check(locked.status, locked.WORKFLOW.named("to_proposal"))
        proposal = create_proposal(county=locked.county, title=title, text=text, addressed_to=addressed_to, by=by,
                                   addressed_to_name=addressed_to_name, service_area=service_area)  # fmt: skip
        locked.proposal = proposal
        locked.decided_by, locked.decided_at = by, timezone.now()
        previous = locked.set_status(locked.WORKFLOW.named("to_proposal"), also=["proposal", "decided_by", "decided_at"])
        record_event(by, Event.IDEA_DECIDED, obj=locked, **{"from": previous, "to": locked.status}, proposal=proposal.pk)
        _inform_after_commit(locked)
    idea.refresh_from_db()
    return proposal


def decline_idea(idea: Idea, *, by: Any, response: str) -> Idea:
    """Not taken forward, with the reason the proposer is told."""
    if not response.strip():
        raise ValueError("a reason is needed")
    with transaction.atomic():
        locked = Idea.objects.select_for_update().get(pk=idea.pk)
        locked.WORKFLOW.check(locked.status, locked.WORKFLOW.named("declined"))
        locked.response = response
        locked.decided_by, locked.decided_at = by, timezone.now()
        previous = locked.set_status(locked.WORKFLOW.named("declined"), also=["response", "decided_by", "decided_at"])
        record_event(by, Event.IDEA_DECIDED, obj=locked, **{"from": previous, "to": locked.status})
        _inform_after_commit(locked)
    idea.refresh_from_db()
    return idea


def _inform_after_commit(idea: Idea) -> None:
    from ilmio.participation.tasks import inform_proposer

    transaction.on_commit(lambda: inform_proposer.enqueue(idea.pk))


def mark_informed(idea: Idea) -> None:
    """The answer was sent: a resident's address has served its one purpose and is erased."""
    with transaction.atomic():
        Idea.objects.filter(pk=idea.pk).update(proposer_informed_at=timezone.now())
        erased, _ = IdeaContact.objects.filter(idea=idea).delete()
        if erased:
            record_event(None, Event.IDEA_CONTACT_ERASED, obj=idea)


def create_round(*, county: Any, municipality: Any, question: str, opens_on: date, closes_on: date, by: Any,
                 language: str = "fi") -> ListeningRound:  # fmt: skip
    """A listening round of one of the county's municipalities."""
    if municipality.county_id != county.pk:
        raise ValueError(_("Choose a municipality of your own county."))
    if closes_on < opens_on:
        raise ValueError(_("The round must close on or after the day it opens."))
    if (closes_on - opens_on).days > MAX_ROUND_DAYS:
        raise ValueError(_("A round can be open for at most %(days)s days.") % {"days": MAX_ROUND_DAYS})
    with transaction.atomic():
        made = ListeningRound.objects.create(county=county, municipality=municipality, question=question,
                                             opens_on=opens_on, closes_on=closes_on, created_by=by,
                                             language=language if language in ("fi", "sv", "en") else "fi")  # fmt: skip
        record_event(by, Event.ROUND_CREATED, obj=made, municipality=municipality.code)
    return made


def answer_round(listening_round: ListeningRound, *, text: str, helps: str = "", language: str = "fi",
                 today: date | None = None) -> RoundAnswer:  # fmt: skip
    """A resident's answer, while the round is open (redacted when stored)."""
    if listening_round.phase(today or timezone.localdate()) != ListeningRound.Phase.OPEN:
        raise ValueError(_("This round is not open for answers."))
    with transaction.atomic():
        answer = RoundAnswer.objects.create(round=listening_round, text=text, helps=helps,
                                            language=language if language in ("fi", "sv", "en") else "fi")  # fmt: skip
        record_event(None, Event.ROUND_ANSWERED, obj=listening_round, county=listening_round.county_id)
    return answer


def classify_answer(answer: RoundAnswer, *, phenomenon: Any, by: Any) -> RoundAnswer:
    with transaction.atomic():
        answer.phenomenon = phenomenon
        answer.save(update_fields=["phenomenon"])
        record_event(by, Event.ROUND_ANSWER_CLASSIFIED, obj=answer.round, answer=answer.pk,
                     phenomenon=getattr(phenomenon, "code", ""))  # fmt: skip
    return answer


# --- phenomenon workshops --------------------------------------------------------------------

MAX_LINES_PER_SECTION = 20
MAX_SESSIONS_PER_SERIES = 30


def create_series(*, county: Any, phenomenon: Any, title: str, by: Any, description: str = "",
                  audience: str = WorkshopSeries.Audience.EVERYONE, keep_registrations: bool = False) -> WorkshopSeries:  # fmt: skip
    if audience not in WorkshopSeries.Audience.values:
        raise ValueError(_("Choose one of the audiences listed."))
    with transaction.atomic():
        series = WorkshopSeries.objects.create(county=county, phenomenon=phenomenon, title=title, description=description,
                                               audience=audience, keep_registrations=keep_registrations, created_by=by)  # fmt: skip
        record_event(by, Event.WORKSHOP_CREATED, obj=series, phenomenon=phenomenon.code)
    return series


def add_session(series: WorkshopSeries, *, starts_at: datetime, by: Any, duration_minutes: int = 90,
                online_link: str = "", place: str = "", language: str = "fi") -> WorkshopSession:  # fmt: skip
    """A session of the series; repeating one is adding another with the same content."""
    if not online_link and not place:
        raise ValueError(_("Give an online link or a place."))
    if not 15 <= duration_minutes <= 8 * 60:
        raise ValueError(_("A session lasts from 15 minutes to 8 hours."))
    with transaction.atomic():
        WorkshopSeries.objects.select_for_update().get(pk=series.pk)
        if series.sessions.count() >= MAX_SESSIONS_PER_SERIES:
            raise ValueError(_("A series can have at most %(count)s sessions.") % {"count": MAX_SESSIONS_PER_SERIES})
        session = WorkshopSession.objects.create(series=series, starts_at=starts_at, duration_minutes=duration_minutes,
                                                 online_link=online_link, place=place, join_code=secrets.token_urlsafe(12),
                                                 language=language if language in ("fi", "sv", "en") else "fi")  # fmt: skip
        record_event(by, Event.WORKSHOP_CREATED, obj=session, series=series.pk)
    return session


def move_session(session: WorkshopSession, role: str, *, by: Any) -> WorkshopSession:
    """Open the session's worksheets (role ``open``) or mark it held (``held``: no more sheets)."""
    with transaction.atomic():
        locked = WorkshopSession.objects.select_for_update().get(pk=session.pk)
        previous = locked.set_status(locked.WORKFLOW.named(role))
        record_event(by, Event.WORKSHOP_STATUS_CHANGED, obj=locked, **{"from": previous, "to": locked.status})
    session.refresh_from_db()
    return session


def register_for_session(session: WorkshopSession, *, name: str, email: str, language: str = "fi",
                         now: datetime | None = None) -> WorkshopRegistration:  # fmt: skip
    """A sign-up without an account; the address gets the session's details once."""
    if not session.registrable or session.starts_at < (now or timezone.now()):
        raise ValueError(_("Registration for this session has closed."))
    with transaction.atomic():
        registration = WorkshopRegistration.objects.create(session=session, name=name.strip(), email=email.strip())
        record_event(None, Event.WORKSHOP_REGISTERED, obj=session, county=session.series.county_id)
    from ilmio.participation.tasks import confirm_registration

    code = language if language in ("fi", "sv", "en") else "fi"
    transaction.on_commit(lambda: confirm_registration.enqueue(registration.pk, code))
    return registration


def erase_registrations(sessions: Any, *, by: Any = None) -> int:
    """Erase the sign-ups of these sessions (after the event, or when asked)."""
    erased = 0
    with transaction.atomic():
        for session in sessions:
            count, _kinds = session.registrations.all().delete()
            if count:
                erased += count
                record_event(by, Event.WORKSHOP_REGISTRATIONS_ERASED, obj=session, count=count)
    return erased


def erase_past_registrations(now: datetime) -> int:
    """Retention: sign-ups go the day after their session, unless the series keeps them."""
    due = WorkshopSession.objects.filter(starts_at__lt=now - timedelta(days=1), series__keep_registrations=False,
                                         registrations__isnull=False).distinct()  # fmt: skip
    return erase_registrations(list(due))


def fill_worksheet(session: WorkshopSession, lines: dict[str, list[str]], *, filled_by: str, by: Any = None,
                   language: str = "fi") -> Worksheet:  # fmt: skip
    """A worksheet's lines by section; each line redacted when stored. Only while open."""
    if not session.takes_sheets:
        raise ValueError(_("This session does not take worksheets now."))
    if filled_by not in Worksheet.FilledBy.values:
        raise ValueError(f"unknown filler {filled_by!r}")
    kept = {section: [line.strip() for line in lines.get(section, []) if line.strip()] for section in WorksheetSection.values}
    if not any(kept.values()):
        raise ValueError(_("Write at least one line."))
    if any(len(v) > MAX_LINES_PER_SECTION for v in kept.values()):
        raise ValueError(_("At most %(count)s lines per part.") % {"count": MAX_LINES_PER_SECTION})
    if any(len(line) > SHEET_ENTRY_LIMIT for v in kept.values() for line in v):
        raise ValueError(_("A line can be at most %(count)s characters.") % {"count": SHEET_ENTRY_LIMIT})
    with transaction.atomic():
        sheet = Worksheet.objects.create(session=session, filled_by=filled_by,
                                         language=language if language in ("fi", "sv", "en") else "fi")  # fmt: skip
        WorksheetEntry.objects.bulk_create([WorksheetEntry(worksheet=sheet, section=section, text=line)
                                            for section, texts in kept.items() for line in texts])  # fmt: skip
        record_event(by if filled_by == Worksheet.FilledBy.FACILITATOR else None, Event.WORKSHEET_FILLED, obj=session,
                     county=session.series.county_id, lines=sum(len(v) for v in kept.values()))  # fmt: skip
    return sheet


def _same_line(text: str) -> str:
    """Lines that differ only in case, spacing or punctuation are the same line."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def compile_series(series: WorkshopSeries, *, by: Any) -> WorkshopCompilation:
    """Merge the worksheets of the series' sessions into one result: each distinct line once,
    with how many worksheets and sessions named it. Compiling again replaces the result."""
    entries = list(WorksheetEntry.objects.filter(worksheet__session__series=series)
                   .values_list("section", "text", "worksheet_id", "worksheet__session_id").order_by("pk"))  # fmt: skip
    if not entries:
        raise ValueError(_("There are no worksheets to compile yet."))
    merged: dict[tuple[str, str], tuple[str, set[int], set[int]]] = {}
    for section, text, sheet, session in entries:
        key = (section, _same_line(text))
        first, sheets, sessions = merged.setdefault(key, (text, set(), set()))
        sheets.add(sheet)
        sessions.add(session)
    with transaction.atomic():
        compilation, _created = WorkshopCompilation.objects.update_or_create(series=series, defaults={
            "session_count": len({e[3] for e in entries}), "worksheet_count": len({e[2] for e in entries}),
            "compiled_by": by, "compiled_at": timezone.now()})  # fmt: skip
        compilation.items.all().delete()
        CompiledItem.objects.bulk_create([CompiledItem(compilation=compilation, section=section, text=text,
                                                       worksheets=len(sheets), sessions=len(sessions))
                                          for (section, _key), (text, sheets, sessions) in merged.items()])  # fmt: skip
        record_event(by, Event.WORKSHOP_COMPILED, obj=series, items=len(merged), sessions=compilation.session_count)
    return compilation


def publish_compilation(series: WorkshopSeries, *, by: Any) -> WorkshopCompilation:
    """The compiled needs and contents go to the phenomenon's information-needs register."""
    compilation = WorkshopCompilation.objects.filter(series=series).first()
    if compilation is None:
        raise ValueError(_("Compile the sessions first."))
    with transaction.atomic():
        compilation.published_at = timezone.now()
        compilation.save(update_fields=["published_at"])
        record_event(by, Event.WORKSHOP_PUBLISHED, obj=series)
    return compilation


# --- open forums -----------------------------------------------------------------------------


def create_forum(*, county: Any, title: str, starts_at: datetime, by: Any, description: str = "", online_link: str = "",
                 place: str = "") -> Forum:  # fmt: skip
    if not online_link and not place:
        raise ValueError(_("Give an online link or a place."))
    with transaction.atomic():
        forum = Forum.objects.create(county=county, title=title, description=description, starts_at=starts_at,
                                     online_link=online_link, place=place, created_by=by)  # fmt: skip
        record_event(by, Event.FORUM_CREATED, obj=forum)
    return forum


def forum_takes_topics(forum: Forum, now: datetime | None = None) -> bool:
    return forum.starts_at > (now or timezone.now())


def suggest_topic(forum: Forum, *, text: str, now: datetime | None = None) -> ForumTopic:
    """Anyone's topic for the agenda; shown only once a coordinator has accepted it."""
    if not forum_takes_topics(forum, now):
        raise ValueError(_("This forum has already been held."))
    with transaction.atomic():
        topic = ForumTopic.objects.create(forum=forum, text=text)
        record_event(None, Event.FORUM_TOPIC_SUGGESTED, obj=forum, county=forum.county_id)
    return topic


def moderate_topic(topic: ForumTopic, role: str, *, by: Any) -> ForumTopic:
    """Accept a suggestion onto the list (``accept``) or take it off (``reject``)."""
    with transaction.atomic():
        locked = ForumTopic.objects.select_for_update().get(pk=topic.pk)
        previous = locked.set_status(locked.WORKFLOW.named(role))
        record_event(by, Event.FORUM_TOPIC_MODERATED, obj=locked.forum, topic=locked.pk,
                     **{"from": previous, "to": locked.status})  # fmt: skip
    topic.refresh_from_db()
    return topic


def voter_key(token: str) -> str:
    """A browser's random cookie, keyed: the vote table cannot be joined to anything else."""
    return hmac.new(settings.SECRET_KEY.encode(), f"forum-voter:{token}".encode(), hashlib.sha256).hexdigest()


def vote_for_topic(topic: ForumTopic, *, voter_token: str, now: datetime | None = None) -> bool:
    """One vote per browser and topic, on a listed topic of a forum still to come; False when
    this browser had already voted."""
    if not topic.is_shown or not forum_takes_topics(topic.forum, now):
        raise ValueError(_("This topic cannot be voted on."))
    with transaction.atomic():
        _vote, made = TopicVote.objects.get_or_create(topic=topic, voter=voter_key(voter_token))
        if made:
            ForumTopic.objects.filter(pk=topic.pk).update(votes=F("votes") + 1)
    return made
