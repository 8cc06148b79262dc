"""Helpers for the fi/sv/en fields that reference data carries side by side."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language

SUPPORTED_LANGUAGES = ("fi", "sv", "en")


def current_language() -> str:
    language = (get_language() or "fi")[:2]
    return language if language in SUPPORTED_LANGUAGES else "fi"


def pick(values: dict[str, str], language: str | None = None) -> str:
    """The value in ``language`` (default: the active one), falling back to Finnish."""
    language = language or current_language()
    return values.get(language) or values.get("fi") or ""


class LocalizedNameMixin(models.Model):
    name_fi = models.CharField(max_length=200)
    name_sv = models.CharField(max_length=200, blank=True)
    name_en = models.CharField(max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick({"fi": self.name_fi, "sv": self.name_sv, "en": self.name_en})
