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
