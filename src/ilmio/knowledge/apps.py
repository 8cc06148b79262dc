from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "ilmio.knowledge"
    label = "knowledge"

    def ready(self) -> None:
        from ilmio.core.context_processors import register_badge
        from ilmio.knowledge.notices import unread_count
        from ilmio.knowledge.paths import report_path
        from ilmio.reports.downstream import register_path_teller

        register_path_teller(report_path)
        register_badge("knowledge:notifications", unread_count)
