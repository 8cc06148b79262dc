"""What came of a report, told by the stages after intake.

A report's page shows its path through the loop (cases, summaries, proposals, actions),
but those stages sit above ``reports`` in the layers. They register how to tell the path
here when their app is ready, so ``reports`` never imports them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ilmio.reports.models import Report

PathTeller = Callable[[Report, Any], Any]
_teller: PathTeller | None = None


class NoPath:
    """Until a later stage registers: nothing has come of the report yet."""

    empty = True


def register_path_teller(teller: PathTeller) -> None:
    global _teller
    _teller = teller


def report_path(report: Report, user: Any) -> Any:
    return NoPath() if _teller is None else _teller(report, user)
