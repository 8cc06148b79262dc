from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "ilmio.analysis"
    label = "analysis"
