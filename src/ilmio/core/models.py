"""Cross-cutting records: who saw or changed sensitive data, and when.

One model, one event-type enum (modelled on Zulip's ``RealmAuditLog``). Rows are written
by :func:`ilmio.core.audit.record_event` only, inside the transaction of the change they
record, and read through :func:`ilmio.core.audit.audit_events_for` only.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One thing a person (or the public) did with sensitive data. Append-only.

    ``details`` holds ids, counts and codes (from/to statuses, formats) — never free text:
    :func:`ilmio.core.audit.record_event` refuses anything else.
    """

    class Type(models.TextChoices):
        # Reads of report text and exports
        REPORT_VIEWED = "report_viewed", _("Report viewed")
        REPORTS_LISTED = "reports_listed", _("Reports listed")
        REPORT_EXPORTED = "report_exported", _("Reports exported")
        SUMMARY_VIEWED = "summary_viewed", _("Summary viewed")
        SUMMARY_EXPORTED = "summary_exported", _("Summary exported")
        SUMMARY_PDF_DOWNLOADED = "summary_pdf_downloaded", _("Summary PDF downloaded")
        PASSAGES_EXPORTED = "passages_exported", _("Coded passages exported")
        ACTIONS_EXPORTED = "actions_exported", _("Actions exported")
        AUDIT_EXPORTED = "audit_exported", _("Audit log exported")
        # Changes
        REPORT_SUBMITTED = "report_submitted", _("Report submitted")
        REPORT_STATUS_CHANGED = "report_status_changed", _("Report status changed")
        REPORT_CLASSIFIED = "report_classified", _("Report classified")
        CASE_CREATED = "case_created", _("Case created")
        CASE_UPDATED = "case_updated", _("Case updated")
        SUMMARY_DRAFTED = "summary_drafted", _("Summary drafted")
        SUMMARY_SUBMITTED = "summary_submitted", _("Summary sent for approval")
        SUMMARY_APPROVED = "summary_approved", _("Summary approved")
        SUMMARY_PUBLISHED = "summary_published", _("Summary published")
        SUMMARY_EDITED = "summary_edited", _("Summary edited")
        SUMMARY_RETURNED = "summary_returned", _("Summary returned to its writer")
        NEWSLETTER_SENT = "newsletter_sent", _("Newsletter sent")
        REPORT_NOTE_ADDED = "report_note_added", _("Note added to a report")
        REPORT_WITHDRAWN = "report_withdrawn", _("Report withdrawn")
        REPORT_REDACTED = "report_redacted", _("Report redacted further")
        REPORT_ERASED = "report_erased", _("Report erased")
        REPORTS_IMPORTED = "reports_imported", _("Reports imported")
        QUOTE_APPROVED = "quote_approved", _("Quote approval changed")
        PROPOSAL_CREATED = "proposal_created", _("Proposal created")
        DECISION_RECORDED = "decision_recorded", _("Decision recorded")
        ACTION_CREATED = "action_created", _("Action created")
        ACTION_UPDATED = "action_updated", _("Action updated")
        ACTIONS_IMPORTED = "actions_imported", _("Actions imported")
        SIGNAL_REVIEWED = "signal_reviewed", _("Signal reviewed")
        ROLE_CHANGED = "role_changed", _("Role changed")
        USER_CREATED = "user_created", _("User created")
        FEEDBACK_CONTACT_ERASED = "feedback_contact_erased", _("Feedback contact erased")
        PLAN_CREATED = "plan_created", _("Plan version created")
        PLAN_UPDATED = "plan_updated", _("Plan updated")
        PLAN_APPROVED = "plan_approved", _("Plan approved")
        PLAN_PUBLISHED = "plan_published", _("Plan published")
        YEAR_PLAN_UPDATED = "year_plan_updated", _("Yearly plan updated")
        MONITORING_GENERATED = "monitoring_generated", _("Monitoring report generated")
        MONITORING_EVALUATED = "monitoring_evaluated", _("Monitoring evaluation written")
        MONITORING_APPROVED = "monitoring_approved", _("Monitoring report approved")
        MONITORING_PUBLISHED = "monitoring_published", _("Monitoring report published")
        MONITORING_EXPORTED = "monitoring_exported", _("Monitoring report exported")
        SHORTCOMING_FILED = "shortcoming_filed", _("Shortcoming notified")
        SHORTCOMING_ACKNOWLEDGED = "shortcoming_acknowledged", _("Shortcoming acknowledged")
        SHORTCOMING_STATUS_CHANGED = "shortcoming_status_changed", _("Shortcoming status changed")
        SHORTCOMING_ACTION_ADDED = "shortcoming_action_added", _("Corrective action added")
        SHORTCOMING_ESCALATED = "shortcoming_escalated", _("Shortcoming notified to the supervisory authority")
        SOURCE_DOCUMENT_SAVED = "source_document_saved", _("Source document saved")
        SOURCE_FINDING_SAVED = "source_finding_saved", _("Source finding saved")
        FEEDBACK_IMPORTED = "feedback_imported", _("Client feedback imported")
        FEEDBACK_LISTED = "feedback_listed", _("Client feedback listed")
        IDEA_SUBMITTED = "idea_submitted", _("Idea submitted to the idea box")
        IDEA_DECIDED = "idea_decided", _("Idea taken forward or declined")
        IDEA_CONTACT_ERASED = "idea_contact_erased", _("Idea's contact address erased")
        ROUND_CREATED = "round_created", _("Listening round created")
        ROUND_ANSWERED = "round_answered", _("Listening round answered")
        ROUND_ANSWERS_LISTED = "round_answers_listed", _("Listening round answers listed")
        ROUND_ANSWER_CLASSIFIED = "round_answer_classified", _("Listening round answer classified")
        WORKSHOP_CREATED = "workshop_created", _("Workshop series or session created")
        WORKSHOP_REGISTERED = "workshop_registered", _("Registered for a workshop session")
        WORKSHOP_REGISTRATIONS_ERASED = "workshop_registrations_erased", _("Workshop registrations erased")
        WORKSHOP_STATUS_CHANGED = "workshop_status_changed", _("Workshop session opened or closed")
        WORKSHEET_FILLED = "worksheet_filled", _("Workshop worksheet filled")
        WORKSHEETS_LISTED = "worksheets_listed", _("Workshop worksheets read")
        WORKSHOP_COMPILED = "workshop_compiled", _("Workshop sessions compiled")
        WORKSHOP_PUBLISHED = "workshop_published", _("Workshop compilation published")
        WORKSHOP_DELIVERED = "workshop_delivered", _("Workshop delivery exported")
        FORUM_CREATED = "forum_created", _("Forum created")
        FORUM_TOPIC_SUGGESTED = "forum_topic_suggested", _("Forum topic suggested")
        FORUM_TOPIC_MODERATED = "forum_topic_moderated", _("Forum topic moderated")
        FEDERATION_KEY_REGISTERED = "federation_key_registered", _("County's federation key registered")
        FEDERATION_PACKAGE_ACCEPTED = "federation_package_accepted", _("County's federation package accepted")
        FEDERATION_PACKAGE_REJECTED = "federation_package_rejected", _("County's federation package rejected")
        # Accounts
        LOGIN = "login", _("Logged in")
        LOGIN_FAILED = "login_failed", _("Failed log-in")
        # County administration
        USER_INVITED = "user_invited", _("User invited")
        USER_DEACTIVATED = "user_deactivated", _("User deactivated or reactivated")
        ORGANISATION_SAVED = "organisation_saved", _("Organisation saved or assigned")
        TOKEN_CREATED = "token_created", _("API token created")
        TOKEN_REVOKED = "token_revoked", _("API token revoked")
        SSO_USER_CREATED = "sso_user_created", _("User created at first single sign-on")
        SSO_GROUP_SAVED = "sso_group_saved", _("Single sign-on group mapped or removed")
        SIGN_IN_POLICY_CHANGED = "sign_in_policy_changed", _("Password log-in turned on or off")
        SECOND_FACTOR_ENROLLED = "second_factor_enrolled", _("Authenticator app set up")
        SECOND_FACTOR_FAILED = "second_factor_failed", _("Wrong one-time code")
        SECOND_FACTOR_RESET = "second_factor_reset", _("Authenticator app removed")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("Actor"),
    )  # fmt: skip
    actor_role = models.CharField(_("Role"), max_length=20, blank=True, help_text="The actor's role at the time.")
    event_type = models.CharField(_("Event"), max_length=40, choices=Type.choices)
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    county = models.ForeignKey(
        "areas.County", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The county the event concerns: who may read the event.",
    )  # fmt: skip
    at = models.DateTimeField(default=timezone.now, db_index=True)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["county", "at"], name="audit_county_at"),
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.event_type} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise ValueError("audit events are append-only")
        super().save(*args, **kwargs)
