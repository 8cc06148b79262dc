from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ilmio.core"
    label = "core"
    verbose_name = "Ilmiö core"
