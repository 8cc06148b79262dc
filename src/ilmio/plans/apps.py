from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ilmio.plans"
    label = "plans"
