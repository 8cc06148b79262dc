from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "ilmio.indicators"
    label = "indicators"
