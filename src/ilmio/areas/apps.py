from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "ilmio.areas"
    label = "areas"
