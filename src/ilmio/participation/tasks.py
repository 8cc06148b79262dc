"""Background work of the idea box (django-tasks): the proposer told what came of the idea."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from ilmio.core.fields import redact_text


@task()
def inform_proposer(idea_id: int) -> bool:
    """One e-mail to the proposer, in the idea's language (a member of staff: their own), with
    the redacted title and the outcome; then a resident's address is erased."""
    from ilmio.participation.models import Idea
    from ilmio.participation.services import mark_informed

    idea = Idea.objects.select_related("proposer", "proposal", "county").filter(pk=idea_id).first()
    if idea is None or idea.is_open or idea.proposer_informed_at is not None:
        return False
    contact = getattr(idea, "contact", None)
    proposer = idea.proposer if idea.proposer is not None and idea.proposer.is_active else None
    address = proposer.email if proposer is not None else (contact.email if contact is not None else "")
    if not address:
        mark_informed(idea)
        return False
    language = proposer.preferred_language if proposer is not None else idea.language
    with translation.override(language if language in ("fi", "sv", "en") else "fi"):
        subject = "Ilmiö: " + _("What came of your idea")
        lines = [_("Thank you for your idea “%(title)s”.") % {"title": redact_text(idea.title)}]
        if idea.proposal is not None:
            lines.append(_("It was taken forward as an action proposal to %(body)s. You can follow its decision "
                           "and actions here: %(url)s") % {
                "body": idea.proposal.get_addressed_to_display(),
                "url": settings.SITE_URL + reverse("knowledge:outcomes", args=[idea.county.code])})
        else:
            lines.append(_("It was not taken forward this time. The coordinator's answer:"))
            lines.append(redact_text(idea.response))
        if proposer is not None:
            lines.append(_("Your ideas: %(url)s") % {"url": settings.SITE_URL + reverse("participation:my_ideas")})
    send_mail(subject, "\n\n".join(lines), None, [address])
    mark_informed(idea)
    return True


@task()
def confirm_registration(registration_id: int, language: str) -> bool:
    """The session's time and link to the address that signed up, in the language of the page
    it was given on. The address is kept only until the session is over (retention)."""
    from ilmio.core.formats import short_datetime
    from ilmio.participation.models import WorkshopRegistration

    registration = WorkshopRegistration.objects.select_related("session__series__phenomenon").filter(
        pk=registration_id).first()  # fmt: skip
    if registration is None:
        return False
    session = registration.session
    with translation.override(language if language in ("fi", "sv", "en") else "fi"):
        subject = "Ilmiö: " + _("You are registered for a workshop")
        lines = [_("You are registered for “%(title)s” (%(phenomenon)s).") % {
                     "title": redact_text(session.series.title), "phenomenon": session.series.phenomenon.label},
                 _("When: %(when)s, %(minutes)s minutes.") % {"when": short_datetime(session.starts_at),
                                                             "minutes": session.duration_minutes}]  # fmt: skip
        if session.online_link:
            lines.append(_("Join online: %(link)s") % {"link": session.online_link})
        if session.place:
            lines.append(_("Place: %(place)s") % {"place": redact_text(session.place)})
        lines.append(_("Your name and address are used only for this session and erased after it. "
                       "What you write in the worksheet is never linked to them."))  # fmt: skip
    send_mail(subject, "\n\n".join(lines), None, [registration.email])
    return True
