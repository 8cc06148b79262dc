from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "ilmio.sources"
    label = "sources"
