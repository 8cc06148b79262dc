from django.apps import AppConfig


class GdprConfig(AppConfig):
    name = "ilmio.gdpr"
    label = "gdpr"
