"""What Ilmiö holds of one person, and how it is erased.

A person is a **staff account** (their profile, the reports they sent — by id, the text being
redacted already —, their notes, consents, notifications, tokens, saved filters, newsletter
subscription, the notifications of shortcomings they filed, and the audit events they caused)
or a **feedback address** a resident left on a report (the consents given with it).

Erasure keeps what the county must keep and no longer points at the person: reports, notes
and notifications of shortcomings stay without their sender; the account is anonymised
(no name, no address, no password, inactive) so the audit trail keeps an actor that names
no one; consents, notifications, tokens, filters, subscriptions and sessions go.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction

from ilmio.analysis.models import SavedQueueFilter
from ilmio.core.audit import Event, record_event
from ilmio.core.models import AuditEvent
from ilmio.knowledge.models import NewsletterSubscription, Notification
from ilmio.participation.models import Idea, IdeaContact, WorkshopRegistration
from ilmio.reports.models import FeedbackContact, Report, ReportNote
from ilmio.shortcomings.models import Shortcoming


@dataclass(frozen=True)
class Subject:
    """One person: an account, or a feedback address (exactly one of them)."""

    user: Any = None
    email: str = ""
    # For an address: the county whose admin asked (another county's uses stay out of reach).
    county_id: int = 0

    @property
    def key(self) -> str:
        return f"user:{self.user.pk}" if self.user is not None else "email"


def subject_for(admin: Any, *, username: str = "", email: str = "") -> Subject | None:
    """The person, as the admin of a county may reach them: an account of their county, or a
    feedback address given on their county's reports; None if there is none."""
    county_id = getattr(admin, "county_id", None)
    if county_id is None:
        return None
    if username:
        user = get_user_model().objects.filter(username=username, county_id=county_id).first()
        return Subject(user=user) if user is not None else None
    address = email.strip().lower()
    if address and (FeedbackContact.objects.filter(email__iexact=address, report__county_id=county_id).exists()
                    or IdeaContact.objects.filter(email__iexact=address, idea__county_id=county_id).exists()
                    or _registrations_of(address, county_id).exists()):
        return Subject(email=address, county_id=county_id)
    return None


def _node(key: str, value: Any = None, children: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"key": key, "children": children} if children is not None else {"key": key, "value": value}


def _contacts(subject: Subject) -> Any:
    if subject.user is not None:
        return FeedbackContact.objects.filter(user=subject.user)
    return FeedbackContact.objects.filter(email__iexact=subject.email, report__county_id=subject.county_id)


def _idea_contacts(subject: Subject) -> Any:
    return IdeaContact.objects.filter(email__iexact=subject.email, idea__county_id=subject.county_id)


def _registrations_of(address: str, county_id: int) -> Any:
    """Sign-ups for the county's workshop sessions given with this address."""
    return WorkshopRegistration.objects.filter(email__iexact=address, session__series__county_id=county_id)


def export(subject: Subject) -> dict[str, Any]:
    """Everything held of the person as a JSON tree (key/value leaves, key/children branches)."""
    contacts = [_node("CONSENT", {"report": str(c.report.public_id), "given": c.created_at.isoformat()})
                for c in _contacts(subject).select_related("report")]  # fmt: skip
    if subject.user is None:
        idea_contacts = [_node("IDEA_CONTACT", {"idea": c.idea_id, "given": c.created_at.isoformat()})
                         for c in _idea_contacts(subject)]  # fmt: skip
        registrations = [_node("WORKSHOP_REGISTRATION", {"session": r.session_id, "name": r.name,
                                                          "given": r.created_at.isoformat()})
                         for r in _registrations_of(subject.email, subject.county_id)]  # fmt: skip
        return _node("ILMIO", children=[_node("FEEDBACK_ADDRESS", subject.email), _node("CONSENTS", children=contacts),
                                        _node("IDEA_CONTACTS", children=idea_contacts),
                                        _node("WORKSHOP_REGISTRATIONS", children=registrations)])  # fmt: skip
    user = subject.user
    profile = [_node(k, v) for k, v in (
        ("USERNAME", user.username), ("FIRST_NAME", user.first_name), ("LAST_NAME", user.last_name),
        ("EMAIL", user.email), ("ROLE", user.role), ("COUNTY", user.county.code if user.county else ""),
        ("ORGANISATION", user.organisation.name if user.organisation else ""),
        ("LANGUAGE", user.preferred_language), ("JOINED", user.date_joined.isoformat()),
        ("LAST_LOGIN", user.last_login.isoformat() if user.last_login else ""))]  # fmt: skip
    reports = [_node("REPORT", {"id": str(r.public_id), "sent": r.created_at.isoformat(), "title": r.title,
                                "status": r.status})
               for r in Report.objects.filter(submitted_by=user).order_by("created_at")]  # fmt: skip
    notes = [_node("NOTE", {"report": str(n.report.public_id), "written": n.created_at.isoformat(), "text": n.text})
             for n in ReportNote.objects.filter(created_by=user).select_related("report")]  # fmt: skip
    notifications = [_node("NOTIFICATION", {"kind": n.kind, "created": n.created_at.isoformat(),
                                            "read": n.read_at.isoformat() if n.read_at else ""})
                     for n in Notification.objects.filter(user=user)]  # fmt: skip
    tokens = [_node("API_TOKEN", {"name": t.name, "created": t.created_at.isoformat()}) for t in user.api_tokens.all()]
    filters = [_node("SAVED_FILTER", {"name": f.name, "query": f.query}) for f in SavedQueueFilter.objects.filter(user=user)]
    subscriptions = [_node("NEWSLETTER", {"since": s.subscribed_at.isoformat()})
                     for s in NewsletterSubscription.objects.filter(user=user)]  # fmt: skip
    shortcomings = [_node("SHORTCOMING", {"id": s.pk, "filed": s.created_at.isoformat(), "status": s.status})
                    for s in Shortcoming.objects.filter(notifier=user)]  # fmt: skip
    ideas = [_node("IDEA", {"id": i.pk, "sent": i.created_at.isoformat(), "title": i.title, "status": i.status})
             for i in Idea.objects.filter(proposer=user).order_by("created_at")]  # fmt: skip
    events = [_node("EVENT", {"type": e.event_type, "at": e.at.isoformat()})
              for e in AuditEvent.objects.filter(actor=user).order_by("at")]  # fmt: skip
    branches = [("PROFILE", profile), ("REPORTS", reports), ("NOTES", notes), ("CONSENTS", contacts),
                ("NOTIFICATIONS", notifications), ("API_TOKENS", tokens), ("SAVED_FILTERS", filters),
                ("NEWSLETTERS", subscriptions), ("SHORTCOMINGS", shortcomings), ("IDEAS", ideas), ("AUDIT_EVENTS", events)]  # fmt: skip
    return _node("ILMIO", children=[_node(key, children=items) for key, items in branches])


class _DryRun(Exception):
    pass


def erase(subject: Subject, *, by: Any, dry_run: bool = False) -> dict[str, int]:
    """Erase the person's data (counts of what went); a dry run rolls every change back."""
    done: dict[str, int] = {}

    def count(what: str, deleted: Callable[[], Any]) -> None:
        result = deleted()
        done[what] = result[0] if isinstance(result, tuple) else int(result)

    try:
        with transaction.atomic():
            count("consents", lambda: _contacts(subject).delete())
            if subject.user is None:
                count("idea_contacts", lambda: _idea_contacts(subject).delete())
                count("workshop_registrations", lambda: _registrations_of(subject.email, subject.county_id).delete())
            if subject.user is not None:
                user = subject.user
                count("notifications", lambda: Notification.objects.filter(user=user).delete())
                count("api_tokens", lambda: user.api_tokens.all().delete())
                count("saved_filters", lambda: SavedQueueFilter.objects.filter(user=user).delete())
                count("newsletters", lambda: NewsletterSubscription.objects.filter(user=user).delete())
                count("reports_unlinked", lambda: Report.objects.filter(submitted_by=user).update(submitted_by=None))
                count("notes_unlinked", lambda: ReportNote.objects.filter(created_by=user).update(created_by=None))
                count("shortcomings_unlinked", lambda: Shortcoming.objects.filter(notifier=user).update(notifier=None))
                count("ideas_unlinked", lambda: Idea.objects.filter(proposer=user).update(proposer=None))
                count("sessions", lambda: _sessions_of(user).delete())
                user.username, user.first_name, user.last_name, user.email = f"erased-{user.pk}", "", "", ""
                user.is_active = False
                user.set_unusable_password()
                user.save()
                done["account_anonymised"] = 1
                record_event(by, Event.USER_DEACTIVATED, obj=user, county=user.county_id, erased=True, active=False)
            else:
                record_event(by, Event.FEEDBACK_CONTACT_ERASED, county=getattr(by, "county_id", None),
                             erased=done["consents"])  # fmt: skip
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return done


def _sessions_of(user: Any) -> Any:
    keys = [s.session_key for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)]
    return Session.objects.filter(session_key__in=keys)
