"""Background work (django-tasks): e-mails and PDFs never run inside a request."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from ilmio.core.fields import redact_text
from ilmio.knowledge.models import FollowUp, Notification


@task()
def render_summary_pdfs(summary_id: int) -> list[str]:
    """One PDF per audience version the summary has (internal; decision-makers and public
    once published to them)."""
    from django.core.files.base import ContentFile

    from ilmio.knowledge.models import Summary
    from ilmio.knowledge.pdf import summary_pdf

    summary = Summary.objects.filter(pk=summary_id).first()
    if summary is None:
        return []
    rendered = []
    for audience in summary.versions():
        field = summary.pdf_field(audience)
        if field:
            field.delete(save=False)
        field.save(f"summary-{summary.pk}-{audience}.pdf", ContentFile(summary_pdf(summary, audience)), save=False)
        rendered.append(field.field.name)
    summary.save(update_fields=rendered)
    return rendered


@task()
def send_notification_email(notification_id: int) -> bool:
    notification = Notification.objects.select_related("report", "user").filter(pk=notification_id).first()
    if notification is None or notification.emailed_at is not None:
        return False
    contact = getattr(notification.report, "feedback_contact", None)
    address = (contact.email if contact else "") or (notification.user.email if notification.user else "")
    if not address:
        return False
    language = notification.user.preferred_language if notification.user else notification.report.language
    with translation.override(language if language in ("fi", "sv", "en") else "fi"):
        subject = f"Ilmiö: {notification.get_kind_display()}"
        # The only stored text in the e-mail, redacted once more on its way out (a report
        # stored before a detector improved is caught by the current one).
        lines = [
            _("Thank you for your report “%(title)s”.") % {"title": redact_text(notification.report.title)},
            str(notification.get_kind_display()) + ".",
        ]
        if notification.kind == Notification.Kind.FOLLOW_UP:
            follow_up = FollowUp.objects.filter(pk=notification.subject_id).first()
            if follow_up is not None:
                url = settings.SITE_URL + reverse("knowledge:follow_up", args=[follow_up.token])
                lines.append(_("Did things change? Answer here: %(url)s") % {"url": url})
        else:
            lines.append(_("See what came of your report: %(url)s") % {
                "url": settings.SITE_URL + reverse("knowledge:outcomes", args=[notification.report.county.code])})
        lines.append(_("You can withdraw your consent at any time by replying to this message."))
    send_mail(subject, "\n\n".join(lines), None, [address])
    notification.emailed_at = timezone.now()
    notification.save(update_fields=["emailed_at"])
    return True


@task()
def send_action_reminder_email(user_id: int, overdue: int, due_soon: int) -> bool:
    """Remind a manager of the county's actions that are overdue or due soon: counts and a
    link only, in the recipient's language (titles and owners stay behind the login)."""
    from ilmio.accounts.models import User
    from ilmio.knowledge.models import Action

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or not (overdue or due_soon):
        return False
    language = user.preferred_language if user.preferred_language in ("fi", "sv", "en") else "fi"
    with translation.override(language):
        subject = "Ilmiö: " + _("Actions need attention")
        lines = []
        if overdue:
            lines.append(ngettext("%(count)d action is past its due date.",
                                  "%(count)d actions are past their due date.", overdue) % {"count": overdue})  # fmt: skip
        if due_soon:
            lines.append(ngettext("%(count)d action is due within %(days)d days.",
                                  "%(count)d actions are due within %(days)d days.", due_soon)
                         % {"count": due_soon, "days": Action.DUE_SOON_DAYS})  # fmt: skip
        lines.append(_("Update their progress here: %(url)s") % {"url": settings.SITE_URL + reverse("knowledge:actions")})
    send_mail(subject, "\n\n".join(lines), None, [user.email])
    return True
