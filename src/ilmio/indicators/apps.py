from typing import Any

from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "ilmio.indicators"
    label = "indicators"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from ilmio.reports.models import Report

        # Every write path that saves or deletes a report passes here, so the monthly
        # counts can never silently miss one (bulk COPY imports run `ilmio recount`).
        post_save.connect(_report_changed, sender=Report, dispatch_uid="ilmio-report-counts-save")
        post_delete.connect(_report_changed, sender=Report, dispatch_uid="ilmio-report-counts-delete")


def _report_changed(sender: Any, instance: Any, update_fields: Any = None, **kwargs: Any) -> None:
    from ilmio.indicators.counts import COUNTED_MODEL_FIELDS, mark_stale

    if update_fields is not None and not {f.removesuffix("_id") for f in update_fields} & COUNTED_MODEL_FIELDS:
        return  # e.g. a status change: the report counts where it did
    if instance.created_at is not None:
        mark_stale([instance.created_at])
