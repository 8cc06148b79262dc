from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "ilmio_demo"
    label = "ilmio_demo"
    verbose_name = "Ilmiö demo"
