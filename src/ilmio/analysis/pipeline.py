"""Reading the report status pipeline declared in ``settings.REPORT_PIPELINE``."""

from __future__ import annotations

from django.conf import settings


class TransitionError(ValueError):
    """A status change the pipeline does not allow."""


def statuses() -> list[str]:
    return list(settings.REPORT_PIPELINE)


def label(status: str) -> str:
    spec = settings.REPORT_PIPELINE.get(status)
    return str(spec["label"]) if spec else status


def is_open(status: str) -> bool:
    return bool(settings.REPORT_PIPELINE[status]["open"])


def open_statuses() -> list[str]:
    return [s for s in statuses() if is_open(s)]


def allowed_next(status: str) -> list[str]:
    return list(settings.REPORT_PIPELINE.get(status, {}).get("next", []))  # type: ignore[call-overload]


def check_transition(current: str, new: str) -> None:
    if new not in settings.REPORT_PIPELINE:
        raise TransitionError(f"unknown status {new!r}")
    if new not in allowed_next(current):
        raise TransitionError(f"a report cannot move from {label(current)!r} to {label(new)!r}")
