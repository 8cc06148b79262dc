from django.apps import AppConfig


class ShortcomingsConfig(AppConfig):
    name = "ilmio.shortcomings"
    label = "shortcomings"
