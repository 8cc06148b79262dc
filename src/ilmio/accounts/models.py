"""Users, their organisations and their one role, scoped to a county."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ilmio.areas.models import County
from ilmio.core.roles import Role


class Organisation(models.Model):
    class Kind(models.TextChoices):
        COUNTY = "county", _("Wellbeing services county")
        MUNICIPALITY = "municipality", _("Municipality")
        NGO = "ngo", _("NGO")
        PROVIDER = "provider", _("Service provider")
        PARISH = "parish", _("Parish")
        NATIONAL = "national", _("National agency")
        OTHER = "other", _("Other")

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    county = models.ForeignKey(County, null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "county"], name="organisation_unique")]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.REPORTER)
    county = models.ForeignKey(
        County, null=True, blank=True, on_delete=models.PROTECT, related_name="users",
        help_text="Every role but the national analyst works within one county.",
    )  # fmt: skip
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL)
    preferred_language = models.CharField(
        max_length=2, choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")], default="fi"
    )
    # When the home page's "since your last visit" was last shown to this user.
    briefing_seen_at = models.DateTimeField(null=True, blank=True)
    # The identity provider's stable id ("sub") of a user who signs in through single sign-on.
    oidc_subject = models.CharField(max_length=255, null=True, blank=True, unique=True)

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label)


class ApiToken(models.Model):
    """A bearer token for systems that use the API. Only a hash is stored."""

    class Scope(models.TextChoices):
        READ = "read", _("Read only")
        WRITE = "write", _("Read and write")

    # A token made by the county administration lives at most this long.
    MAX_LIFETIME_DAYS = 366

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    # Tokens made before scopes existed (and by `ilmio token create`) keep full access.
    scope = models.CharField(max_length=10, choices=Scope.choices, default=Scope.WRITE)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="None: does not expire.")
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name

    def is_usable(self, now: datetime | None = None) -> bool:
        """Not revoked and not expired (its user's being active is checked by the caller)."""
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


class SignInPolicy(models.Model):
    """How a county's staff sign in: whether a local password is still accepted next to
    single sign-on (a county that has moved to its identity provider turns it off)."""

    county = models.OneToOneField(County, on_delete=models.CASCADE, related_name="sign_in_policy")
    password_login = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"{self.county_id}: password {'on' if self.password_login else 'off'}"


class SingleSignOnGroup(models.Model):
    """One group of the identity provider's group claim, giving its members a role in
    the county whose administrator mapped it. A group belongs to one county only."""

    county = models.ForeignKey(County, on_delete=models.CASCADE, related_name="sso_groups")
    group = models.CharField(max_length=200, unique=True)
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["county", "group"]

    def __str__(self) -> str:
        return f"{self.group} → {self.role}"
