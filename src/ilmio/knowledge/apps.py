from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "ilmio.knowledge"
    label = "knowledge"

    def ready(self) -> None:
        from ilmio.knowledge.paths import report_path
        from ilmio.reports.downstream import register_path_teller

        register_path_teller(report_path)
