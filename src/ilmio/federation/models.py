"""What a national instance keeps of the counties' packages: the county's registered key,
every accepted package version, and its cells (suppressed ones as hidden, never a text)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ilmio.areas.models import County


class FederatedCounty(models.Model):
    """A county whose packages this instance accepts: its public key, as registered out of band."""

    county = models.OneToOneField(County, on_delete=models.PROTECT, related_name="federation")
    public_key = models.CharField(max_length=64)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")  # fmt: skip
    registered_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"federated county {self.county_id}"


class FederationPackage(models.Model):
    """One accepted package version of a county; the newest is the one the picture shows."""

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="federation_packages")
    version = models.PositiveIntegerField()
    manifest_sha256 = models.CharField(max_length=64)
    created = models.CharField(max_length=20)  # as the county's manifest says (UTC, ISO 8601)
    taxonomy_version = models.CharField(max_length=40, blank=True)
    threshold = models.PositiveSmallIntegerField()
    received_at = models.DateTimeField(auto_now_add=True)
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")  # fmt: skip

    class Meta:
        ordering = ["county", "-version"]
        constraints = [models.UniqueConstraint(fields=["county", "version"], name="one_package_per_version"),
                       models.UniqueConstraint(fields=["county", "manifest_sha256"], name="a_package_once")]  # fmt: skip

    def __str__(self) -> str:
        return f"package {self.county_id} v{self.version}"


class FederatedCell(models.Model):
    """A published cell of a package: a count, or hidden (``c``), or not published (``n``)."""

    package = models.ForeignKey(FederationPackage, on_delete=models.CASCADE, related_name="cells")
    area_code = models.CharField(max_length=4)
    phenomenon = models.CharField(max_length=40)
    period = models.CharField(max_length=7)
    value = models.PositiveIntegerField(null=True)
    status = models.CharField(max_length=1, blank=True)

    class Meta:
        indexes = [models.Index(fields=["package", "phenomenon", "period"], name="cell_lookup")]

    def __str__(self) -> str:
        return f"{self.area_code} {self.phenomenon} {self.period}"
