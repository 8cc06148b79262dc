from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "ilmio.reports"
    label = "reports"
