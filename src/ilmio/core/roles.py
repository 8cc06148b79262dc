"""The roles of Ilmiö. Each user has exactly one role, scoped to one county."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    REPORTER = "reporter", _("Reporter (social-care professional)")
    COORDINATOR = "coordinator", _("Coordinator")
    MANAGER = "manager", _("Manager")
    DECISION_MAKER = "decision_maker", _("Decision-maker")
    PARTNER = "partner", _("Partner")
    NATIONAL_ANALYST = "national_analyst", _("National analyst")
    ADMIN = "admin", _("Administrator")
