from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "ilmio.sources"
    label = "sources"

    def ready(self) -> None:
        # The shared table import (ilmio.reports.import_runs) runs feedback imports too.
        from ilmio.reports.import_runs import register_importer
        from ilmio.sources.feedback import FEEDBACK

        register_importer(FEEDBACK)
