from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "ilmio.knowledge"
    label = "knowledge"
