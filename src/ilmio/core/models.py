"""Cross-cutting records: who saw or changed sensitive data, and when."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AccessLog(models.Model):
    """Access to sensitive data is logged (who saw or changed what, when)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=40)
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=64)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}:{self.object_id}"


def record_access(user: object, action: str, obj: models.Model) -> None:
    AccessLog.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.model_name or "",
        object_id=str(obj.pk),
    )
