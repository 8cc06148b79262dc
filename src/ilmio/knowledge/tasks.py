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
from ilmio.reports.services import consent_withdrawal_token


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
def send_notification_email(notification_ids: list[int]) -> bool:
    """One e-mail to one reporter about one event, however many of their reports it
    concerns (the same one line per event as the notifications page)."""
    from ilmio.knowledge.notices import describe_notifications

    notifications = list(Notification.objects.select_related("report", "report__county", "user")
                         .filter(pk__in=notification_ids, emailed_at=None).order_by("pk"))  # fmt: skip
    if not notifications:
        return False
    first = notifications[0]
    contact = getattr(first.report, "feedback_contact", None)
    address = (contact.email if contact else "") or (first.user.email if first.user else "")
    if not address:
        return False
    language = first.user.preferred_language if first.user else first.report.language
    with translation.override(language if language in ("fi", "sv", "en") else "fi"):
        subject = f"Ilmiö: {first.get_kind_display()}"
        # The only stored text in the e-mail, redacted once more on its way out (a report
        # stored before a detector improved is caught by the current one).
        titles = ", ".join(f"“{redact_text(n.report.title)}”" for n in notifications[:3])
        more = len(notifications) - 3
        lines = [ngettext("Thank you for your report %(titles)s.", "Thank you for your reports %(titles)s.",
                          len(notifications)) % {"titles": titles}]  # fmt: skip
        if more > 0:
            lines[0] += " " + ngettext("And %(count)s more.", "And %(count)s more.", more) % {"count": more}
        lines += describe_notifications(notifications)
        if first.kind == Notification.Kind.FOLLOW_UP:
            follow_up = FollowUp.objects.filter(pk=first.subject_id).first()
            if follow_up is not None:
                url = settings.SITE_URL + reverse("knowledge:follow_up", args=[follow_up.token])
                lines.append(_("Did things change? Answer here: %(url)s") % {"url": url})
        else:
            lines.append(_("See what came of your report: %(url)s") % {
                "url": settings.SITE_URL + reverse("knowledge:outcomes", args=[first.report.county.code])})
        token = consent_withdrawal_token(first.report)
        lines.append(_("No more e-mails about this report? Open this link: %(url)s") % {
            "url": settings.SITE_URL + reverse("reports:withdraw_consent", args=[token])})
    send_mail(subject, "\n\n".join(lines), None, [address])
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(emailed_at=timezone.now())
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


@task()
def send_newsletters(month: str = "") -> int:
    """The monthly digest to every subscriber (default: the previous calendar month)."""
    from ilmio.knowledge.newsletter import send_newsletters as send

    return send(month or None)
