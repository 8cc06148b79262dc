"""Background work of the reports app (django-tasks): history imports never run inside a request."""

from __future__ import annotations

from django_tasks import task


@task()
def run_import(run_id: int) -> None:
    """Import an ImportRun's file (see ilmio.reports.import_runs.execute_run)."""
    from ilmio.reports.import_runs import execute_run

    execute_run(run_id)
