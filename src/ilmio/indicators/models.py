"""Statistics and register indicators shown beside the frontline reports."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ilmio.core.i18n import pick
from ilmio.taxonomy.models import Phenomenon


class Indicator(models.Model):
    class Source(models.TextChoices):
        SOTKANET = "sotkanet", _("THL Sotkanet")
        REGISTER = "register", _("Social welfare monitoring register (extract)")

    code = models.CharField(max_length=80, unique=True)
    source = models.CharField(max_length=20, choices=Source.choices)
    source_id = models.CharField(max_length=40, blank=True, help_text="The id in the source (Sotkanet indicator id)")
    title_fi = models.CharField(max_length=300)
    title_sv = models.CharField(max_length=300, blank=True)
    title_en = models.CharField(max_length=300, blank=True)
    organization = models.CharField(max_length=200, blank=True)
    unit = models.CharField(max_length=60, blank=True)
    licence = models.CharField(max_length=60, default="CC BY 4.0")
    # Recorded sample data must never pass for real statistics.
    sample = models.BooleanField(default=False)
    data_updated = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["source", "code"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return pick({"fi": self.title_fi, "sv": self.title_sv, "en": self.title_en})


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    area_level = models.CharField(max_length=20)
    area_code = models.CharField(max_length=10)
    period = models.CharField(max_length=10)
    value = models.FloatField(null=True, blank=True)
    absolute = models.IntegerField(null=True, blank=True)
    suppressed = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["indicator", "area_level", "area_code", "period"],
                                               name="indicator_value_unique")]  # fmt: skip
        indexes = [models.Index(fields=["area_level", "area_code"])]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area_level}:{self.area_code} {self.period} = {self.value}"


class PhenomenonIndicator(models.Model):
    """Which indicators describe a phenomenon: data a coordinator can edit."""

    phenomenon = models.ForeignKey(Phenomenon, on_delete=models.CASCADE, related_name="indicator_links")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="phenomenon_links")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["phenomenon", "position"]
        constraints = [models.UniqueConstraint(fields=["phenomenon", "indicator"], name="phenomenon_indicator_unique")]

    def __str__(self) -> str:
        return f"{self.phenomenon_id} ↔ {self.indicator_id}"


class ReportCount(models.Model):
    """Reports per month × place × primary phenomenon.

    The situational picture reads these few thousand rows instead of grouping every
    report on each request. Kept current by :mod:`ilmio.indicators.counts`: a saved or
    deleted report marks its month stale, and the next reader recounts that month only.
    Raw counts: never shown without suppression.
    """

    month = models.DateField()  # first day of the month, Finnish time
    county_code = models.CharField(max_length=2)
    municipality_code = models.CharField(max_length=3, blank=True)  # "" = county-wide
    phenomenon_code = models.CharField(max_length=40, blank=True)  # "" = unclassified
    reports = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["month", "county_code", "municipality_code", "phenomenon_code"],
                                               name="report_count_unique")]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.county_code}/{self.municipality_code or '*'} {self.phenomenon_code}: {self.reports}"


class StaleReportMonth(models.Model):
    """A month whose reports changed since :class:`ReportCount` was last recounted."""

    month = models.DateField(primary_key=True)
    marked_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"
