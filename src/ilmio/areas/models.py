"""Geography: cooperation areas ⊃ wellbeing services counties ⊃ municipalities."""

from __future__ import annotations

from django.db import models

from ilmio.core.i18n import LocalizedNameMixin


class CooperationArea(LocalizedNameMixin):
    """Yhteistyöalue: the five cooperation areas, plus Åland as its own (code 6)."""

    code = models.CharField(max_length=4, unique=True)

    class Meta:
        ordering = ["code"]


class County(LocalizedNameMixin):
    """Hyvinvointialue: 21 counties, the City of Helsinki (90) and Åland (91)."""

    code = models.CharField(max_length=4, unique=True)
    cooperation_area = models.ForeignKey(
        CooperationArea, on_delete=models.PROTECT, related_name="counties"
    )

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "counties"


class Municipality(LocalizedNameMixin):
    """Kunta, as in the classification year it was last loaded from."""

    class LanguageStatus(models.IntegerChoices):
        FINNISH = 0, "Finnish"
        BILINGUAL_FINNISH_MAJORITY = 1, "Bilingual, Finnish majority"
        SWEDISH = 2, "Swedish"
        BILINGUAL_SWEDISH_MAJORITY = 3, "Bilingual, Swedish majority"

    code = models.CharField(max_length=3, unique=True)
    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="municipalities")
    region_code = models.CharField(max_length=4, blank=True)
    region_name_fi = models.CharField(max_length=100, blank=True)
    language_status = models.PositiveSmallIntegerField(
        choices=LanguageStatus.choices, default=LanguageStatus.FINNISH
    )
    classification_year = models.PositiveSmallIntegerField()
    # A municipality that leaves the classification (a merger) stays, inactive, because
    # historical reports point at it.
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name_fi"]
        verbose_name_plural = "municipalities"


class Population(models.Model):
    """Population on 31 December, per municipality code as it was in that year's data."""

    municipality_code = models.CharField(max_length=3)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.SET_NULL, related_name="populations"
    )
    year = models.PositiveSmallIntegerField()
    population = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality_code", "year"], name="population_unique")
        ]
        indexes = [models.Index(fields=["year"])]

    def __str__(self) -> str:
        return f"{self.municipality_code} {self.year}: {self.population}"
