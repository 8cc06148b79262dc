"""The shared national taxonomy: phenomena, target groups and service areas.

Codes are stable identifiers other tools rely on; labels may change between versions.
"""

from __future__ import annotations

from django.db import models

from ilmio.core.i18n import pick


class TaxonomyVersion(models.Model):
    version = models.CharField(max_length=20, unique=True)
    loaded_at = models.DateTimeField(auto_now_add=True)
    source = models.TextField(blank=True)

    class Meta:
        ordering = ["-loaded_at"]

    def __str__(self) -> str:
        return self.version


class TaxonomyTerm(models.Model):
    code = models.SlugField(max_length=40, unique=True)
    label_fi = models.CharField(max_length=200)
    label_sv = models.CharField(max_length=200)
    label_en = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)
    version = models.ForeignKey(TaxonomyVersion, on_delete=models.PROTECT)

    class Meta:
        abstract = True
        ordering = ["position"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return pick({"fi": self.label_fi, "sv": self.label_sv, "en": self.label_en})


class Phenomenon(TaxonomyTerm):
    description_fi = models.TextField(blank=True)
    description_sv = models.TextField(blank=True)
    description_en = models.TextField(blank=True)
    national = models.BooleanField(default=False, help_text="One of THL's national phenomena")
    national_since = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta(TaxonomyTerm.Meta):
        verbose_name_plural = "phenomena"

    @property
    def description(self) -> str:
        return pick({"fi": self.description_fi, "sv": self.description_sv, "en": self.description_en})


class TargetGroup(TaxonomyTerm):
    pass


class ServiceArea(TaxonomyTerm):
    """Palvelualue. Shared codes keep counties comparable."""
